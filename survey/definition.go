package survey

import (
	"strconv"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/internal/sha256"
	"github.com/spfkit/spfkit/problem"
)

// Definition is a survey: an identifier, a version and its questions in the
// order respondents meet them. Two definitions with the same content have
// the same Hash, so a response, a draft or a report can say exactly which
// definition it belongs to.
type Definition struct {
	// The URL of the survey-definition schema, so tools can tell what the document is.
	Schema string `json:"$schema,omitempty"`
	// The survey's identifier, e.g. "heatcheck-2022-members".
	ID string `json:"id" jsonschema:"minLength=1"`
	// The version of the definition; change it whenever questions change.
	Version string `json:"version" jsonschema:"minLength=1"`
	// The survey's title.
	Title string `json:"title" jsonschema:"minLength=1"`
	// What the survey is for and how to answer it, shown before the first question.
	Description string `json:"description,omitempty"`
	// The questions, in the order respondents meet them.
	Questions []Question `json:"questions" jsonschema:"minItems=1"`
	// Where the survey's wording comes from.
	Sources []Source `json:"sources,omitempty"`
	// Themes whose likert statements are scored together, respondent by respondent.
	Themes []Theme `json:"themes,omitempty"`
}

// Theme is a set of likert statements scored together, as the NHS Staff
// Survey scores its themes: each respondent's theme score is the mean of
// their 0–10 scores on the statements they answered, and the theme's
// results are the distribution of those.
type Theme struct {
	// The theme's identifier, unique among the survey's themes: lower-case letters, digits and underscores.
	ID QuestionID `json:"id"`
	// The theme's name as reports show it.
	Title string `json:"title" jsonschema:"minLength=1"`
	// The likert statements in the theme.
	Statements []QuestionID `json:"statements" jsonschema:"minItems=1"`
}

// Source names the document a definition's wording was taken from.
type Source struct {
	// The title of the source document or page.
	Title string `json:"title" jsonschema:"minLength=1"`
	// The address of the source, when it has a stable one.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
	// How the source was used.
	Note string `json:"note,omitempty"`
}

// The $id of the schemas of the documents this package reads and writes;
// a document names its schema in "$schema".
const (
	DefinitionSchemaURL = "https://spfkit.github.io/schema/v1/survey-definition.schema.json"
	ResponseSchemaURL   = "https://spfkit.github.io/schema/v1/survey-response.schema.json"
	ReportSchemaURL     = "https://spfkit.github.io/schema/v1/survey-report.schema.json"
	ComparisonSchemaURL = "https://spfkit.github.io/schema/v1/survey-comparison.schema.json"
)

// Question returns the question with the given id, or nil.
func (d *Definition) Question(id QuestionID) *Question {
	if i := d.index(id); i >= 0 {
		return &d.Questions[i]
	}
	return nil
}

func (d *Definition) index(id QuestionID) int {
	for i := range d.Questions {
		if d.Questions[i].ID == id {
			return i
		}
	}
	return -1
}

// Hash identifies the definition's content: "sha256:" and the hex SHA-256
// of its JSON encoding. Any change to wording, options or rules changes it.
func (d *Definition) Hash() string {
	c := *d
	c.Schema = "" // where the document says it comes from is not content
	w := jsonlite.Writer{EscapeHTML: true}
	appendDefinition(&w, &c)
	return "sha256:" + sha256.Hex(w.Bytes())
}

// The codes Definition.Check uses.
const (
	CodeDefinitionMissing   = "missing_value"
	CodeDefinitionInvalid   = "invalid_value"
	CodeDuplicateID         = "duplicate_id"
	CodeBadCondition        = "bad_condition"
	CodeBadTheme            = "bad_theme"
	CodeScaleLabels         = "scale_labels"
	CodeOtherOptions        = "other_options"
	CodeNotApplicable       = "not_applicable"
	CodeDefinitionMaxLength = "max_length"
)

// Validate checks the definition's integrity and returns every problem as
// a problem.List, or nil.
func (d *Definition) Validate() error {
	return problem.Join(d.Check())
}

// Check returns every integrity problem of the definition: identifiers
// missing or repeated, a likert question without a whole labelled scale, a
// choice question without options or with more than one Other, a free-text
// question without a maximum length, fields that do not apply to the
// question's type, and conditions that refer to a later or unknown
// question or to answers it cannot have.
func (d *Definition) Check() []*problem.Error {
	var errs []*problem.Error
	add := func(path, code, msg, hint string) {
		errs = append(errs, &problem.Error{Pointer: path, Code: code, Message: msg, Hint: hint})
	}
	if d.ID == "" {
		add("/id", CodeDefinitionMissing, "the survey has no id", "give it an id such as \"staff-forum-2026\"")
	}
	if d.Version == "" {
		add("/version", CodeDefinitionMissing, "the survey has no version", "use \"1\" and change it whenever the questions change")
	}
	if d.Title == "" {
		add("/title", CodeDefinitionMissing, "the survey has no title", "")
	}
	if len(d.Questions) == 0 {
		add("/questions", CodeDefinitionMissing, "the survey has no questions", "")
	}
	seen := map[QuestionID]int{}
	for i := range d.Questions {
		q := &d.Questions[i]
		at := jsonptr.Join("/questions", i)
		switch {
		case q.ID == "":
			add(at+"/id", CodeDefinitionMissing, "the question has no id", "")
		case !q.ID.Valid():
			add(at+"/id", CodeDefinitionInvalid, "question id "+problem.Quote(string(q.ID))+" is not lower-case letters, digits and underscores starting with a letter", "")
		default:
			if j, dup := seen[q.ID]; dup {
				add(at+"/id", CodeDuplicateID, "question id "+problem.Quote(string(q.ID))+" is also used by question "+strconv.Itoa(j+1), "give every question its own id")
			} else {
				seen[q.ID] = i
			}
		}
		if q.Text == "" {
			add(at+"/text", CodeDefinitionMissing, "the question has no text", "")
		}
		if !q.Type.Valid() {
			add(at+"/type", CodeDefinitionInvalid, "unknown question type "+problem.Quote(string(q.Type)), "use likert, single_choice, multiple_choice or free_text")
			continue
		}
		d.checkQuestion(q, at, add)
		d.checkTextRules(q, at, add)
		if q.ShowIf != nil {
			d.checkCondition(q.ShowIf, i, at+"/show_if", add)
		}
		for j := range q.Options {
			if c := q.Options[j].ShowIf; c != nil {
				d.checkCondition(c, i, jsonptr.Join(at+"/options", j, "show_if"), add)
			}
		}
	}
	d.checkThemes(add)
	return errs
}

func (d *Definition) checkThemes(add func(path, code, msg, hint string)) {
	seen := map[QuestionID]bool{}
	for i := range d.Themes {
		th := &d.Themes[i]
		at := jsonptr.Join("/themes", i)
		switch {
		case !th.ID.Valid():
			add(at+"/id", CodeDefinitionInvalid, "theme id "+problem.Quote(string(th.ID))+" is not lower-case letters, digits and underscores starting with a letter", "")
		case seen[th.ID]:
			add(at+"/id", CodeDuplicateID, "theme id "+problem.Quote(string(th.ID))+" is used twice", "give every theme its own id")
		}
		seen[th.ID] = true
		if th.Title == "" {
			add(at+"/title", CodeDefinitionMissing, "the theme has no title", "")
		}
		if len(th.Statements) == 0 {
			add(at+"/statements", CodeDefinitionMissing, "the theme has no statements", "list the likert questions it scores")
		}
		in := map[QuestionID]bool{}
		for j, id := range th.Statements {
			sp := jsonptr.Join(at+"/statements", j)
			q := d.Question(id)
			switch {
			case q == nil:
				add(sp, CodeBadTheme, "the theme names unknown question "+problem.Quote(string(id)), "")
			case q.Type != Likert:
				add(sp, CodeBadTheme, "question "+problem.Quote(string(id))+" is not a likert statement, so it has no 0–10 score", "list only likert questions")
			case q.PersonalData:
				add(sp, CodeBadTheme, "question "+problem.Quote(string(id))+" is personal data, which is never published, not even in a theme", "leave it out of the theme")
			case in[id]:
				add(sp, CodeDuplicateID, "question "+problem.Quote(string(id))+" is listed twice", "")
			}
			in[id] = true
		}
	}
}

func (d *Definition) checkQuestion(q *Question, at string, add func(path, code, msg, hint string)) {
	notFor := func(name string) {
		add(at+"/"+name, CodeNotApplicable, name+" does not apply to a "+string(q.Type)+" question", "remove it")
	}
	if q.Type != Likert {
		if q.Scale != nil {
			notFor("scale")
		}
		if q.Reverse {
			notFor("reverse")
		}
	}
	if !q.Type.IsChoice() && len(q.Options) > 0 {
		notFor("options")
	}
	if q.Type != MultipleChoice {
		if q.MinChoices != 0 {
			notFor("min_choices")
		}
		if q.MaxChoices != 0 {
			notFor("max_choices")
		}
	} else if q.MinChoices < 0 || q.MaxChoices < 0 || q.MaxChoices > 0 && q.MinChoices > q.MaxChoices || q.MinChoices > len(q.Options) {
		add(at+"/min_choices", CodeDefinitionInvalid, "min_choices and max_choices must be from 1 up, min_choices at most max_choices and the number of options", "")
	}
	switch q.Type {
	case Likert:
		if q.Scale == nil {
			add(at+"/scale", CodeDefinitionMissing, "a likert question needs a scale", "")
			break
		}
		s := q.Scale
		if s.Max <= s.Min {
			add(at+"/scale/max", CodeDefinitionInvalid, "the scale's max must be above its min", "")
			break
		}
		if s.Points() > 11 {
			add(at+"/scale/max", CodeDefinitionInvalid, "the scale has "+strconv.Itoa(s.Points())+" points; spfkit allows at most 11", "")
			break
		}
		if len(s.Labels) != s.Points() {
			add(at+"/scale/labels", CodeScaleLabels, "the scale has "+strconv.Itoa(s.Points())+" points but "+strconv.Itoa(len(s.Labels))+" labels", "label every point from min to max, in order")
			break
		}
		for j, l := range s.Labels {
			if l.Value != s.Min+j {
				add(jsonptr.Join(at+"/scale/labels", j, "value"), CodeScaleLabels, "label "+strconv.Itoa(j+1)+" should be for point "+strconv.Itoa(s.Min+j), "label every point from min to max, in order")
			}
			if l.Label == "" {
				add(jsonptr.Join(at+"/scale/labels", j, "label"), CodeDefinitionMissing, "point "+strconv.Itoa(l.Value)+" has no label", "")
			}
		}
		if q.MaxLength != 0 {
			notFor("max_length")
		}
	case SingleChoice, MultipleChoice:
		if len(q.Options) == 0 {
			add(at+"/options", CodeDefinitionMissing, "a choice question needs options", "")
		}
		values := map[string]bool{}
		others := 0
		for j, o := range q.Options {
			op := jsonptr.Join(at+"/options", j)
			switch {
			case o.Value == "":
				add(op+"/value", CodeDefinitionMissing, "the option has no value", "")
			case o.Value == DontKnow:
				add(op+"/value", CodeDefinitionInvalid, "\"dont_know\" is reserved for likert questions", "choose another value")
			case values[o.Value]:
				add(op+"/value", CodeDuplicateID, "option value "+problem.Quote(o.Value)+" is repeated", "")
			}
			values[o.Value] = true
			if o.Label == "" {
				add(op+"/label", CodeDefinitionMissing, "the option has no label", "")
			}
			if o.Other {
				others++
				if others == 2 {
					add(op+"/other", CodeOtherOptions, "a question can have only one \"Other – please specify\" option", "")
				}
			}
		}
		if q.MaxLength < 0 {
			add(at+"/max_length", CodeDefinitionMaxLength, "max_length cannot be negative", "")
		} else if q.MaxLength > 0 && others == 0 {
			add(at+"/max_length", CodeNotApplicable, "max_length applies to a choice question only with an Other option", "remove it")
		}
	case FreeText:
		if q.MaxLength <= 0 && !((q.Format == NumberFormat || q.Format == DateFormat) && q.MaxLength == 0) {
			add(at+"/max_length", CodeDefinitionMaxLength, "a free-text question needs a maximum length", "set max_length, e.g. 2000")
		}
	}
}

func (d *Definition) checkCondition(c *Condition, i int, at string, add func(path, code, msg, hint string)) {
	leaf := c.Question != "" || c.AnyOf != nil || c.AllOf != nil || c.NoneOf != nil || c.Answered != nil
	switch {
	case c.All != nil && c.Any != nil || (c.All != nil || c.Any != nil) && leaf:
		add(at, CodeBadCondition, "a condition is one test of one question, or a group (all or any), not both", "nest the conditions instead")
		return
	case c.All != nil || c.Any != nil:
		name, list := "all", c.All
		if c.Any != nil {
			name, list = "any", c.Any
		}
		if len(list) == 0 {
			add(at+"/"+name, CodeBadCondition, "the group holds no conditions", "")
		}
		for k := range list {
			d.checkCondition(&list[k], i, jsonptr.Join(at+"/"+name, k), add)
		}
		return
	}
	j := d.index(c.Question)
	switch {
	case c.Question == "":
		add(at+"/question", CodeBadCondition, "the condition names no question", "")
		return
	case j < 0:
		add(at+"/question", CodeBadCondition, "the condition refers to unknown question "+problem.Quote(string(c.Question)), "")
		return
	case j >= i:
		add(at+"/question", CodeBadCondition, "the condition refers to question "+problem.Quote(string(c.Question))+", which does not come before this one", "a condition can only depend on an earlier answer")
		return
	}
	tests := 0
	name, values := "any_of", c.AnyOf
	for _, t := range []struct {
		name string
		list []string
	}{{"any_of", c.AnyOf}, {"all_of", c.AllOf}, {"none_of", c.NoneOf}} {
		if t.list != nil {
			tests++
			name, values = t.name, t.list
		}
	}
	if c.Answered != nil {
		tests++
	}
	src := &d.Questions[j]
	switch {
	case tests == 0:
		add(at+"/any_of", CodeBadCondition, "the condition lists no answers", "give any_of, all_of, none_of or answered")
		return
	case tests > 1:
		add(at, CodeBadCondition, "the condition tests the answer more than one way", "keep one of any_of, all_of, none_of and answered, or make a group")
		return
	case c.Answered != nil:
		return // any question can be answered or not
	case src.Type == FreeText:
		add(at+"/question", CodeBadCondition, "a condition can only ask whether a free-text question was answered", "use answered")
		return
	case len(values) == 0:
		add(at+"/"+name, CodeBadCondition, "the condition lists no answers", "")
		return
	case name == "all_of" && src.Type != MultipleChoice:
		add(at+"/all_of", CodeBadCondition, "all_of applies to a multiple-choice question, whose answer can hold several options", "use any_of")
		return
	}
	for k, v := range values {
		ok := false
		switch src.Type {
		case SingleChoice, MultipleChoice:
			ok = src.Option(v) != nil
		case Likert:
			if src.Scale != nil {
				n, isInt := jsonlite.Atoi(v)
				ok = isInt && src.Scale.Contains(n) || v == DontKnow && src.Scale.DontKnow != ""
			}
		}
		if !ok {
			add(jsonptr.Join(at+"/"+name, k), CodeBadCondition, problem.Quote(v)+" is not an answer question "+problem.Quote(string(c.Question))+" can have", "")
		}
	}
}
