package surveyjson

import (
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/survey"
)

// decodeAnswer reads one answer: a number (a likert point), text (an
// option's value, free text or "dont_know"), a list of strings (a
// multiple choice) or null. Any other JSON value is kept as an invalid
// answer for validation to report against its question, as are a number
// beyond float64's range and a list holding something other than text.
func decodeAnswer(d *jsonlite.Decoder, v jsonlite.Value, x *survey.Answer) {
	switch v.Kind() {
	case jsonlite.Null:
		*x = survey.Answer{}
	case jsonlite.Number:
		if f, ok := v.Float(); ok {
			*x = survey.Number(f)
		} else {
			*x = survey.Invalid("the number " + string(v.Raw()))
		}
	case jsonlite.String:
		*x = survey.Text(d.Interned(v))
	case jsonlite.Array:
		list := make([]string, 0, v.Len())
		for _, e := range v.Elements() {
			if e.Kind() != jsonlite.String {
				raw := e.Raw()
				*x = survey.Invalid("a list holding " + string(raw[:min(len(raw), 20)]))
				return
			}
			list = append(list, e.Str())
		}
		*x = survey.Choices(list...)
	case jsonlite.Object:
		*x = survey.Invalid("an object")
	default:
		*x = survey.Invalid(string(v.Raw()))
	}
}
