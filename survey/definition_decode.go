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

// appendDefinition writes a definition as indented JSON in its field
// order, without reflection; Hash and the widget's JSON use it.
func appendDefinition(w *jsonlite.Writer, d *Definition) {
	w.BeginObject()
	w.OptString("$schema", d.Schema)
	w.StringField("id", d.ID)
	w.StringField("version", d.Version)
	w.StringField("title", d.Title)
	w.OptString("description", d.Description)
	w.Key("questions")
	w.BeginArray()
	for i := range d.Questions {
		q := &d.Questions[i]
		w.BeginObject()
		w.StringField("id", string(q.ID))
		w.StringField("type", string(q.Type))
		w.StringField("text", q.Text)
		w.OptString("help", q.Help)
		w.OptBool("required", q.Required)
		w.OptBool("personal_data", q.PersonalData)
		if s := q.Scale; s != nil {
			w.Key("scale")
			w.BeginObject()
			w.Key("min")
			w.Int(s.Min)
			w.Key("max")
			w.Int(s.Max)
			w.Key("labels")
			w.BeginArray()
			for _, l := range s.Labels {
				w.BeginObject()
				w.Key("value")
				w.Int(l.Value)
				w.StringField("label", l.Label)
				w.EndObject()
			}
			w.EndArray()
			w.OptString("dont_know", s.DontKnow)
			w.EndObject()
		}
		w.OptBool("reverse", q.Reverse)
		if len(q.Options) > 0 {
			w.Key("options")
			w.BeginArray()
			for _, o := range q.Options {
				w.BeginObject()
				w.StringField("value", o.Value)
				w.StringField("label", o.Label)
				w.OptBool("other", o.Other)
				w.EndObject()
			}
			w.EndArray()
		}
		w.OptInt("max_length", q.MaxLength)
		if c := q.ShowIf; c != nil {
			w.Key("show_if")
			w.BeginObject()
			w.StringField("question", string(c.Question))
			w.Key("any_of")
			w.BeginArray()
			for _, a := range c.AnyOf {
				w.String(a)
			}
			w.EndArray()
			w.EndObject()
		}
		w.EndObject()
	}
	w.EndArray()
	if len(d.Sources) > 0 {
		w.Key("sources")
		w.BeginArray()
		for _, s := range d.Sources {
			w.BeginObject()
			w.StringField("title", s.Title)
			w.OptString("url", s.URL)
			w.OptString("note", s.Note)
			w.EndObject()
		}
		w.EndArray()
	}
	w.EndObject()
}

// MarshalJSON implements json.Marshaler with the hand-written encoder.
func (d *Definition) MarshalJSON() ([]byte, error) {
	var w jsonlite.Writer
	appendDefinition(&w, d)
	return w.Bytes(), nil
}
