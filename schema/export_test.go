package schema

import "github.com/spfkit/spfkit/internal/jsonlite"

// FastVerdict is the fast path's answer on data as kind k: "valid",
// "invalid" or "unsure" (also when data is not JSON jsonlite reads), or
// "none" when the kind has no fast path.
func FastVerdict(k Kind, data []byte) string {
	set, err := engine()
	if err != nil {
		panic(err)
	}
	doc, err := jsonlite.Parse(data, jsonlite.Options{MaxValues: len(data) + 64})
	if err != nil {
		return "unsure"
	}
	return set.FastVerdict(string(k), doc.Root())
}
