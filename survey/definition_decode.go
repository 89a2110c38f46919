package survey

import (
	"errors"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
)

// decodeDefinition maps a parsed survey-definition document onto a
// Definition by hand (no reflection, so the widget can use it), recording
// every unknown field and wrong type with its JSON Pointer.
func decodeDefinition(data []byte) (*Definition, []*problem.Error, error) {
	v, err := jsonlite.Parse(data)
	if err != nil {
		if se, ok := err.(*jsonlite.SyntaxError); ok {
			return nil, nil, withPosition(data, &DecodeError{Offset: int64(se.Offset), Err: errors.New(se.Msg)})
		}
		return nil, nil, err
	}
	var d jsonlite.Decoder
	def := &Definition{}
	d.Object(v, "", []string{"id", "version", "title", "questions"}, func(k string, v jsonlite.Value, at string) bool {
		switch k {
		case "$schema":
			def.Schema = d.String(v, at)
		case "id":
			def.ID = d.String(v, at)
		case "version":
			def.Version = d.String(v, at)
		case "title":
			def.Title = d.String(v, at)
		case "description":
			def.Description = d.String(v, at)
		case "questions":
			def.Questions = []Question{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				def.Questions = append(def.Questions, decodeQuestion(&d, v, at))
			})
		case "sources":
			def.Sources = DecodeSources(&d, v, at)
		default:
			return false
		}
		return true
	})
	return def, d.Errs, nil
}

// DecodeSources reads a list of sources (title, url, note).
func DecodeSources(d *jsonlite.Decoder, v jsonlite.Value, at string) []Source {
	var out []Source
	d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
		var s Source
		s.Title, s.URL, s.Note = d.Source(v, at)
		out = append(out, s)
	})
	return out
}

func decodeQuestion(d *jsonlite.Decoder, v jsonlite.Value, at string) Question {
	var q Question
	d.Object(v, at, []string{"id", "type", "text"}, func(k string, v jsonlite.Value, at string) bool {
		switch k {
		case "id":
			q.ID = QuestionID(d.String(v, at))
		case "type":
			q.Type = QuestionType(d.String(v, at))
		case "text":
			q.Text = d.String(v, at)
		case "help":
			q.Help = d.String(v, at)
		case "required":
			q.Required = d.Bool(v, at)
		case "personal_data":
			q.PersonalData = d.Bool(v, at)
		case "reverse":
			q.Reverse = d.Bool(v, at)
		case "max_length":
			q.MaxLength = d.Int(v, at)
		case "scale":
			s := &Scale{}
			d.Object(v, at, []string{"min", "max", "labels"}, func(k string, v jsonlite.Value, at string) bool {
				switch k {
				case "min":
					s.Min = d.Int(v, at)
				case "max":
					s.Max = d.Int(v, at)
				case "dont_know":
					s.DontKnow = d.String(v, at)
				case "labels":
					s.Labels = []ScaleLabel{}
					d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
						var l ScaleLabel
						d.Object(v, at, []string{"value", "label"}, func(k string, v jsonlite.Value, at string) bool {
							switch k {
							case "value":
								l.Value = d.Int(v, at)
							case "label":
								l.Label = d.String(v, at)
							default:
								return false
							}
							return true
						})
						s.Labels = append(s.Labels, l)
					})
				default:
					return false
				}
				return true
			})
			q.Scale = s
		case "options":
			q.Options = []Option{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var o Option
				d.Object(v, at, []string{"value", "label"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "value":
						o.Value = d.String(v, at)
					case "label":
						o.Label = d.String(v, at)
					case "other":
						o.Other = d.Bool(v, at)
					default:
						return false
					}
					return true
				})
				q.Options = append(q.Options, o)
			})
		case "show_if":
			c := &Condition{}
			d.Object(v, at, []string{"question", "any_of"}, func(k string, v jsonlite.Value, at string) bool {
				switch k {
				case "question":
					c.Question = QuestionID(d.String(v, at))
				case "any_of":
					c.AnyOf = d.Strings(v, at)
				default:
					return false
				}
				return true
			})
			q.ShowIf = c
		default:
			return false
		}
		return true
	})
	return q
}
