package jsonlite

import (
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
)

// Decoder maps a parsed tree onto Go values by hand, collecting every
// problem as a problem.Error located by JSON Pointer (and, through Lines,
// by line).
type Decoder struct {
	Errs []*problem.Error
}

// Fail records a problem at path.
func (d *Decoder) Fail(path, code, msg string) *problem.Error {
	e := &problem.Error{Pointer: path, Code: code, Message: msg}
	d.Errs = append(d.Errs, e)
	return e
}

// Want checks v's kind, recording a type problem when it differs.
func (d *Decoder) Want(v Value, path string, k Kind) bool {
	if v.Kind != k {
		d.Fail(path, "type", "expected "+k.Name()+", found "+v.Kind.Name()).Hint = "change the value to the expected JSON type"
		return false
	}
	return true
}

// Object calls member for each key of an object in order. member returns
// false for a key it does not know, which is recorded as a problem. Keys
// listed in required and absent are recorded too.
func (d *Decoder) Object(v Value, path string, required []string, member func(key string, val Value, at string) bool) {
	if !d.Want(v, path, Object) {
		return
	}
	seen := make(map[string]bool, len(v.Obj))
	for _, m := range v.Obj {
		at := jsonptr.Join(path, m.Key)
		if seen[m.Key] {
			d.Fail(at, "duplicate_key", "field "+quoted(m.Key)+" appears twice").Hint = "keep one"
			continue
		}
		seen[m.Key] = true
		if !member(m.Key, m.Value, at) {
			d.Fail(at, "additionalProperties", "unknown field "+quoted(m.Key)).Hint = "remove it or check its spelling"
		}
	}
	for _, r := range required {
		if !seen[r] {
			d.Fail(path, "required", "missing field "+quoted(r)).Hint = "add it"
		}
	}
}

// Array calls elem for each element of a list.
func (d *Decoder) Array(v Value, path string, elem func(i int, val Value, at string)) {
	if !d.Want(v, path, Array) {
		return
	}
	for i, e := range v.Arr {
		elem(i, e, jsonptr.Join(path, i))
	}
}

// String returns a string value.
func (d *Decoder) String(v Value, path string) string {
	if !d.Want(v, path, String) {
		return ""
	}
	return v.Str
}

// Strings returns a list of strings.
func (d *Decoder) Strings(v Value, path string) []string {
	out := []string{}
	d.Array(v, path, func(_ int, e Value, at string) { out = append(out, d.String(e, at)) })
	return out
}

// Int returns a whole number.
func (d *Decoder) Int(v Value, path string) int {
	if !d.Want(v, path, Number) {
		return 0
	}
	n, ok := Atoi(v.Raw)
	if !ok {
		d.Fail(path, "type", "expected a whole number, found "+v.Raw).Hint = "write a whole number"
	}
	return n
}

// Float returns a number.
func (d *Decoder) Float(v Value, path string) float64 {
	if !d.Want(v, path, Number) {
		return 0
	}
	return v.Num
}

// Bool returns true or false.
func (d *Decoder) Bool(v Value, path string) bool {
	if !d.Want(v, path, Bool) {
		return false
	}
	return v.Bool
}

// Source reads a source citation, the object {title, url, note} that
// surveys and the framework both use to say where their wording comes
// from; title is required.
func (d *Decoder) Source(v Value, path string) (title, url, note string) {
	d.Object(v, path, []string{"title"}, func(k string, v Value, at string) bool {
		switch k {
		case "title":
			title = d.String(v, at)
		case "url":
			url = d.String(v, at)
		case "note":
			note = d.String(v, at)
		default:
			return false
		}
		return true
	})
	return title, url, note
}

// quoted writes s as a JSON string, for messages.
func quoted(s string) string { return string(AppendString(nil, s)) }
