package hrod

// quote writes s in double quotes for messages.
func quote(s string) string { return "\"" + s + "\"" }
