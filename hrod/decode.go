package hrod

import (
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
)

// DecodeFramework decodes an hrod-framework document by hand (no
// reflection, so the widget can use it) and checks it: the problems are
// every unknown field, wrong type and broken rule, located by JSON Pointer.
// The framework is usable only when there are none.
func DecodeFramework(data []byte) (*Framework, []*problem.Error, error) {
	v, err := parse(data)
	if err != nil {
		return nil, nil, err
	}
	var d jsonlite.Decoder
	f := &Framework{}
	req := []string{"title", "published", "themes", "actions", "priorities", "key_actions", "next_steps", "theory_of_change", "adoption_curve", "engagement_methods"}
	d.Object(v, "", req, func(k string, v jsonlite.Value, at string) bool {
		switch k {
		case "$schema":
			f.Schema = d.String(v, at)
		case "title":
			f.Title = d.String(v, at)
		case "published":
			f.Published = d.String(v, at)
		case "themes":
			f.Themes = []Theme{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var t Theme
				d.Object(v, at, []string{"slug", "name", "vision"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "slug":
						t.Slug = d.String(v, at)
					case "name":
						t.Name = d.String(v, at)
					case "vision":
						t.Vision = d.String(v, at)
					case "other_names":
						t.OtherNames = d.Strings(v, at)
					default:
						return false
					}
					return true
				})
				f.Themes = append(f.Themes, t)
			})
		case "actions":
			f.Actions = []Action{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) { f.Actions = append(f.Actions, decodeAction(&d, v, at)) })
		case "priorities":
			f.Priorities = []Priority{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var p Priority
				d.Object(v, at, []string{"theme", "text", "items", "due"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "theme":
						p.Theme = d.String(v, at)
					case "text":
						p.Text = d.String(v, at)
					case "items":
						for _, s := range d.Strings(v, at) {
							p.Items = append(p.Items, ItemID(s))
						}
					case "due":
						p.Due = decodeDate(&d, v, at)
					default:
						return false
					}
					return true
				})
				f.Priorities = append(f.Priorities, p)
			})
		case "key_actions":
			f.KeyActions = []KeyAction{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var ka KeyAction
				d.Object(v, at, []string{"theme", "level", "text"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "theme":
						ka.Theme = d.String(v, at)
					case "level":
						ka.Level = Level(d.String(v, at))
					case "text":
						ka.Text = d.String(v, at)
					default:
						return false
					}
					return true
				})
				f.KeyActions = append(f.KeyActions, ka)
			})
		case "next_steps":
			f.NextSteps = []NextStep{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var ns NextStep
				d.Object(v, at, []string{"audience", "name", "steps"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "audience":
						ns.Audience = d.String(v, at)
					case "name":
						ns.Name = d.String(v, at)
					case "steps":
						ns.Steps = d.Strings(v, at)
					default:
						return false
					}
					return true
				})
				f.NextSteps = append(f.NextSteps, ns)
			})
		case "theory_of_change":
			f.TheoryOfChange = []Principle{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var p Principle
				d.Object(v, at, []string{"principle", "points"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "principle":
						p.Principle = d.String(v, at)
					case "points":
						p.Points = d.Strings(v, at)
					default:
						return false
					}
					return true
				})
				f.TheoryOfChange = append(f.TheoryOfChange, p)
			})
		case "adoption_curve":
			f.AdoptionCurve = []Segment{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var s Segment
				d.Object(v, at, []string{"segment", "name", "description", "share_pct"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "segment":
						s.Segment = d.String(v, at)
					case "name":
						s.Name = d.String(v, at)
					case "description":
						s.Description = d.String(v, at)
					case "share_pct":
						s.SharePct = d.Float(v, at)
					default:
						return false
					}
					return true
				})
				f.AdoptionCurve = append(f.AdoptionCurve, s)
			})
		case "engagement_methods":
			f.EngagementMethods = []EngagementMethod{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var m EngagementMethod
				d.Object(v, at, []string{"method", "focus", "audience"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "method":
						m.Method = d.String(v, at)
					case "focus":
						m.Focus = d.Strings(v, at)
					case "audience":
						m.Audience = d.Strings(v, at)
					default:
						return false
					}
					return true
				})
				f.EngagementMethods = append(f.EngagementMethods, m)
			})
		case "sources":
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var s Source
				s.Title, s.URL, s.Note = d.Source(v, at)
				f.Sources = append(f.Sources, s)
			})
		default:
			return false
		}
		return true
	})
	if len(d.Errs) == 0 {
		d.Errs = f.Check()
	}
	return f, d.Errs, nil
}

func decodeAction(d *jsonlite.Decoder, v jsonlite.Value, at string) Action {
	var a Action
	d.Object(v, at, []string{"number", "theme", "actor", "level", "summary", "items"}, func(k string, v jsonlite.Value, at string) bool {
		switch k {
		case "number":
			a.Number = d.String(v, at)
		case "theme":
			a.Theme = d.String(v, at)
		case "actor":
			a.Actor = d.String(v, at)
		case "level":
			a.Level = Level(d.String(v, at))
		case "summary":
			a.Summary = d.String(v, at)
		case "note":
			a.Note = d.String(v, at)
		case "items":
			a.Items = []Item{}
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var it Item
				d.Object(v, at, []string{"id", "text", "deadline"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "id":
						it.ID = ItemID(d.String(v, at))
					case "text":
						it.Text = d.String(v, at)
					case "deadline":
						if v.Kind == jsonlite.Null {
							return true
						}
						dl := &Deadline{}
						d.Object(v, at, []string{"kind", "year"}, func(k string, v jsonlite.Value, at string) bool {
							switch k {
							case "kind":
								dl.Kind = DeadlineKind(d.String(v, at))
							case "year":
								dl.Year = d.Int(v, at)
							default:
								return false
							}
							return true
						})
						it.Deadline = dl
					default:
						return false
					}
					return true
				})
				a.Items = append(a.Items, it)
			})
		default:
			return false
		}
		return true
	})
	return a
}

func decodeDate(d *jsonlite.Decoder, v jsonlite.Value, at string) date.Date {
	s := d.String(v, at)
	if v.Kind != jsonlite.String {
		return date.Date(0)
	}
	day, err := date.ParseDay(s)
	if err != nil {
		d.Fail(at, "format", "\""+s+"\" is not a date").Hint = "write a day that exists, as YYYY-MM-DD"
	}
	return day
}

// DecodePlan decodes an action-plan document by hand, returning every
// problem with its shape (unknown fields, wrong types, unknown levels and
// statuses, days that do not exist) located by JSON Pointer. Check the plan
// against the framework with PlanProblems.
func DecodePlan(data []byte) (*Plan, []*problem.Error, error) {
	v, err := parse(data)
	if err != nil {
		return nil, nil, err
	}
	var d jsonlite.Decoder
	p := &Plan{Entries: []Entry{}}
	d.Object(v, "", []string{"organization", "level", "entries"}, func(k string, v jsonlite.Value, at string) bool {
		switch k {
		case "$schema":
			p.Schema = d.String(v, at)
		case "organization":
			p.Organization = d.String(v, at)
		case "level":
			p.Level = Level(d.String(v, at))
			if v.Kind == jsonlite.String && !p.Level.Valid() {
				d.Fail(at, "enum", "unknown level \""+v.Str+"\"").Hint = "use local or national"
			}
		case "require_evidence":
			p.RequireEvidence = d.Bool(v, at)
		case "entries":
			d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
				var e Entry
				d.Object(v, at, []string{"item", "status"}, func(k string, v jsonlite.Value, at string) bool {
					switch k {
					case "item":
						e.Item = ItemID(d.String(v, at))
					case "owner":
						e.Owner = d.String(v, at)
					case "status":
						e.Status = Status(d.String(v, at))
						if v.Kind == jsonlite.String && !e.Status.Valid() {
							d.Fail(at, "enum", "unknown status \""+v.Str+"\"").Hint = "use not_yet_started, in_progress, completed, cannot_start_yet or has_problem"
						}
					case "due":
						e.Due = decodeDate(&d, v, at)
					case "notes":
						e.Notes = d.String(v, at)
					case "evidence":
						d.Array(v, at, func(_ int, v jsonlite.Value, at string) {
							var l Link
							d.Object(v, at, []string{"title"}, func(k string, v jsonlite.Value, at string) bool {
								switch k {
								case "title":
									l.Title = d.String(v, at)
								case "url":
									l.URL = d.String(v, at)
								default:
									return false
								}
								return true
							})
							e.Evidence = append(e.Evidence, l)
						})
					default:
						return false
					}
					return true
				})
				p.Entries = append(p.Entries, e)
			})
		default:
			return false
		}
		return true
	})
	return p, d.Errs, nil
}

// EncodePlan writes a plan as an indented action-plan document, without
// reflection; the checklist widget exports plans with it.
func EncodePlan(p *Plan) []byte {
	w := jsonlite.Writer{Indent: "  "}
	w.BeginObject()
	w.OptString("$schema", p.Schema)
	w.StringField("organization", p.Organization)
	w.StringField("level", string(p.Level))
	w.OptBool("require_evidence", p.RequireEvidence)
	w.Key("entries")
	w.BeginArray()
	for _, e := range p.Entries {
		w.BeginObject()
		w.StringField("item", string(e.Item))
		w.OptString("owner", e.Owner)
		w.StringField("status", string(e.Status))
		w.OptString("due", e.Due.String())
		if len(e.Evidence) > 0 {
			w.Key("evidence")
			w.BeginArray()
			for _, l := range e.Evidence {
				w.BeginObject()
				w.StringField("title", l.Title)
				w.OptString("url", l.URL)
				w.EndObject()
			}
			w.EndArray()
		}
		w.OptString("notes", e.Notes)
		w.EndObject()
	}
	w.EndArray()
	w.EndObject()
	return append(w.Bytes(), '\n')
}
