package hrod

import (
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
)

// FrameworkSchemaURL is the $id of the hrod-framework schema.
const FrameworkSchemaURL = "https://spfkit.github.io/schema/v1/hrod-framework.schema.json"

// Framework is the Future of NHS HR and OD framework: eight themes, 35
// numbered actions and their items, the priorities to March 2023, the key
// actions, the next steps for each audience, the theory of change, the
// adoption curve and the engagement methods.
type Framework struct {
	// The URL of the hrod-framework schema.
	Schema string `json:"$schema,omitempty"`
	// The report's title.
	Title string `json:"title" jsonschema:"minLength=1"`
	// When the report was published (YYYY-MM).
	Published string `json:"published" jsonschema:"pattern=^[0-9]{4}-[0-9]{2}$"`
	// The eight themes, in the order of the report's vision.
	Themes []Theme `json:"themes" jsonschema:"minItems=1"`
	// The 35 actions, by number.
	Actions []Action `json:"actions" jsonschema:"minItems=1"`
	// The priorities for ICSs and organisations to March 2023.
	Priorities []Priority `json:"priorities"`
	// The key actions per theme at national/regional and ICS/organisation level.
	KeyActions []KeyAction `json:"key_actions"`
	// The next steps for each audience.
	NextSteps []NextStep `json:"next_steps"`
	// The principles of the programme's theory of change.
	TheoryOfChange []Principle `json:"theory_of_change"`
	// The segments of the innovation adoption curve.
	AdoptionCurve []Segment `json:"adoption_curve"`
	// How the programme engages its stakeholders.
	EngagementMethods []EngagementMethod `json:"engagement_methods"`
	// The programme behind the report: aims, development, oversight, national priorities, foreword.
	Programme *Programme `json:"programme,omitempty"`
	// Where the data comes from.
	Sources []Source `json:"sources,omitempty"`
}

// Builtin returns a fresh copy of the built-in framework, taken from the
// report's appendix "actions by theme in full" and its summary slides. The
// data records, beside the actions concerned, how ambiguities in the
// report's extracted text were resolved. The editable document is
// hrod/data/framework.json; builtin_gen.go holds it as a Go value, so
// nothing is decoded at run time.
func Builtin() *Framework {
	f := cloneFramework(*builtinFramework)
	return &f
}

// SharedBuiltin returns the built-in framework itself, shared by every
// caller, without copying it: for code that only reads it. The checklist
// widget uses it, as the copying code would cost its bundle 2.9 KB with
// brotli. Changing what it returns changes it for everyone; call Builtin
// for a copy to change.
func SharedBuiltin() *Framework { return builtinFramework }

// Theme returns the theme with the given slug, or nil.
func (f *Framework) Theme(slug string) *Theme {
	for i := range f.Themes {
		if f.Themes[i].Slug == slug {
			return &f.Themes[i]
		}
	}
	return nil
}

// Action returns the action with the given number ("07" or "7"), or nil.
func (f *Framework) Action(number string) *Action {
	if len(number) == 1 {
		number = "0" + number
	}
	for i := range f.Actions {
		if f.Actions[i].Number == number {
			return &f.Actions[i]
		}
	}
	return nil
}

// Item returns an item and its action, or nils.
func (f *Framework) Item(id ItemID) (*Item, *Action) {
	number, _, ok := strings.Cut(string(id), ".")
	if !ok {
		return nil, nil
	}
	a := f.Action(number)
	if a == nil {
		return nil, nil
	}
	for i := range a.Items {
		if a.Items[i].ID == id {
			return &a.Items[i], a
		}
	}
	return nil, nil
}

// Filter returns a copy of the framework with only the actions of one
// theme (when theme is set) and one level (when level is set); the other
// parts keep only what belongs to that theme.
func (f *Framework) Filter(theme string, level Level) *Framework {
	out := *f
	out.Actions = nil
	for _, a := range f.Actions {
		if (theme == "" || a.Theme == theme) && (level == "" || a.Level == level) {
			out.Actions = append(out.Actions, a)
		}
	}
	if theme != "" {
		out.Themes = nil
		for _, t := range f.Themes {
			if t.Slug == theme {
				out.Themes = append(out.Themes, t)
			}
		}
		out.Priorities = nil
		for _, p := range f.Priorities {
			if p.Theme == theme {
				out.Priorities = append(out.Priorities, p)
			}
		}
	}
	out.KeyActions = nil
	for _, k := range f.KeyActions {
		if (theme == "" || k.Theme == theme) && (level == "" || k.Level == level) {
			out.KeyActions = append(out.KeyActions, k)
		}
	}
	if level == National {
		out.Priorities = nil // the priorities are for ICSs and organisations
	}
	return &out
}

// Validate checks the framework's integrity: action numbers are two
// digits and rise (a framework filtered by theme or level keeps its
// numbers), every action names a known theme and level and has items,
// item ids are the action's number and 1, 2, … in order, deadlines are
// well formed, and priorities and key actions name known themes and (for
// priorities) local items.
func (f *Framework) Validate() error { return problem.Join(f.Check()) }

// Check is Validate with the problems as a slice.
func (f *Framework) Check() []*problem.Error {
	var l list
	slugs := map[string]bool{}
	for i, t := range f.Themes {
		at := jsonptr.Join("/themes", i)
		if slugs[t.Slug] {
			l.Add(at+"/slug", "duplicate_id", "theme "+problem.Quote(t.Slug)+" appears twice")
		}
		slugs[t.Slug] = true
	}
	last := 0
	for i, a := range f.Actions {
		at := jsonptr.Join("/actions", i)
		// A framework filtered to a theme or a level keeps the actions'
		// numbers, so they need not start at 01 or run without gaps; they
		// must still rise.
		if n, ok := jsonlite.Atoi(a.Number); !ok || len(a.Number) != 2 || n <= last {
			l.Add(at+"/number", "invalid_value", "action "+problem.Quote(a.Number)+" is out of order; numbers are two digits and rise from one action to the next")
		} else {
			last = n
		}
		if !slugs[a.Theme] {
			l.Add(at+"/theme", "unknown_reference", "unknown theme "+problem.Quote(a.Theme))
		}
		if !a.Level.Valid() {
			l.Add(at+"/level", "invalid_value", "unknown level "+problem.Quote(string(a.Level)))
		}
		if len(a.Items) == 0 {
			l.Add(at+"/items", "missing_value", "action "+a.Number+" has no items")
		}
		for j, it := range a.Items {
			ip := jsonptr.Join(at+"/items", j)
			if want := ItemID(a.Number + "." + strconv.Itoa(j+1)); it.ID != want {
				l.Add(ip+"/id", "invalid_value", "item "+problem.Quote(string(it.ID))+" should be "+string(want))
			}
			if d := it.Deadline; d != nil && (!d.Kind.Valid() || d.Year < 2021 || d.Year > 2030) {
				l.Add(ip+"/deadline", "invalid_value", "deadline "+problem.Quote(d.String())+" is not by or from a year between 2021 and 2030")
			}
		}
	}
	for i, p := range f.Priorities {
		at := jsonptr.Join("/priorities", i)
		if !slugs[p.Theme] {
			l.Add(at+"/theme", "unknown_reference", "unknown theme "+problem.Quote(p.Theme))
		}
		for j, id := range p.Items {
			it, a := f.Item(id)
			switch {
			case it == nil:
				l.Add(jsonptr.Join(at+"/items", j), "unknown_reference", "unknown item "+problem.Quote(string(id)))
			case a.Level != Local || a.Theme != p.Theme:
				l.Add(jsonptr.Join(at+"/items", j), "invalid_value", "item "+string(id)+" is not a local item of theme "+p.Theme)
			}
		}
	}
	for i, k := range f.KeyActions {
		if !slugs[k.Theme] {
			l.Add(jsonptr.Join("/key_actions", i, "theme"), "unknown_reference", "unknown theme "+problem.Quote(k.Theme))
		}
		for j, id := range k.Items {
			it, a := f.Item(id)
			switch {
			case it == nil:
				l.Add(jsonptr.Join("/key_actions", i, "items", j), "unknown_reference", "unknown item "+problem.Quote(string(id)))
			case a.Level != k.Level:
				l.Add(jsonptr.Join("/key_actions", i, "level"), "invalid_value", "the key action is "+string(k.Level)+", but item "+string(id)+" gives it to "+a.Actor+", whose level is "+string(a.Level)).Hint = "take the level of the appendix action's actor"
			}
		}
	}
	return l
}

// list collects problems; Add returns the problem so a hint can be set.
type list []*problem.Error

func (l *list) Add(path, code, msg string) *problem.Error {
	e := &problem.Error{Pointer: path, Code: code, Message: msg}
	*l = append(*l, e)
	return e
}
