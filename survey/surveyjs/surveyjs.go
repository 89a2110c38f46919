package surveyjs

import (
	"slices"
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/internal/surveyjson"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// SurveyJS's custom properties that carry what its format has no word
// for. SurveyJS ignores properties it does not know, so a form keeps
// working there.
const (
	sjsPersonalData = "spfkitPersonalData"
	sjsReverse      = "spfkitReverse"
	sjsSources      = "spfkitSources"
	sjsOtherMax     = "spfkitOtherMaxLength"
	sjsThemes       = "spfkitThemes"
)

// The personal-data marker also travels as one of SurveyJS's own
// calculated values, named sjsPersonalData, whose expression is a string
// constant listing the questions: SurveyJS keeps calculated values when
// it saves a form (it drops properties it does not know unless they are
// registered), and leaves them out of the result data.

// sjsOtherValue is the value SurveyJS records for its Other item.
const sjsOtherValue = "other"

// sjsDefaultOtherText is SurveyJS's label for the Other item when the form
// sets none.
const sjsDefaultOtherText = "Other (describe)"

// SurveyJSTextLimit is the maximum length ImportSurveyJS gives a free-text
// question that sets none: SurveyJS allows any length, spfkit asks for a
// limit so that no answer can swamp a report.
const SurveyJSTextLimit = 2000

// ImportSurveyJS reads a SurveyJS form definition as a Definition with
// the given id and version (SurveyJS's format has neither). It reads:
//
//   - the survey's title and description, and its questions from
//     "elements" or from each page's "elements" (pages are flattened: a
//     spfkit survey is one form, a page's title heading its first
//     question's section and its description that question's intro);
//   - radiogroup and dropdown as single choice, checkbox and tagbox as
//     multiple choice, each with choices (values or {value, text},
//     optionally with a visibleIf), showOtherItem (or hasOther) with
//     otherText, and the None, Refuse and Don't know items as options;
//     boolean as a single choice of its two values (valueFalse,
//     valueTrue; "false" and "true" unless set) labelled labelFalse and
//     labelTrue ("No" and "Yes");
//   - matrix (a Likert grid) as one likert statement per row, named
//     MATRIX_ROW, sharing the scale its columns give; panel flattened
//     into the form, its title and description heading its first
//     question and its visibleIf joining each of its questions'; html as
//     the next question's intro, as text (htmlText);
//   - rating as likert, with the points survey-core shows: rateValues
//     unless there are none or autoGenerate is true, else rateMin to
//     rateMax by rateStep (a step of 1, as spfkit's scales are
//     consecutive), at most 20; rateCount plays no part, as in SurveyJS.
//     minRateDescription and maxRateDescription label the ends (other
//     points are labelled with their number);
//   - presentation-only properties (layout, button wording), read past
//     and listed in one note by ImportSurveyJSNotes; a defaultValue, a
//     form's own error messages and text piping, read past with a note;
//     and a missing survey title, which takes the id;
//   - comment and text as free text, with maxLength (SurveyJSTextLimit
//     when it sets none, except for a number), an email or number
//     inputType, a number input's min and max, and the numeric, text,
//     email and regex validators (textRules); a comment area as a
//     free-text question NAME_comment after its question;
//   - name (renamed by SurveyID when it is not a spfkit id, with a
//     note), title, description, isRequired, and visibleIf expressions of
//     tests of earlier questions joined by and, or and brackets
//     (parseSJSExpr, condition);
//   - the custom properties ExportSurveyJS writes for what SurveyJS has
//     no word for: spfkitPersonalData, spfkitReverse, spfkitSources,
//     spfkitThemes and spfkitOtherMaxLength (the longest "please specify"
//     text), and the calculated value spfkitPersonalData, a quoted list of
//     the questions whose answers are personal data, which survives a
//     SurveyJS save.
//
// Every other property, question type or expression is reported with its
// JSON Pointer, as is anything the resulting definition breaks (an id
// that starts with a digit, say). The errors are problems (see problem.All);
// JSON that cannot be read (not UTF-8, a key given twice, a syntax
// error) is a problem too, located. Every problem has a line and column
// in data.
func ImportSurveyJS(data []byte, id, version string) (*survey.Definition, error) {
	def, _, err := ImportSurveyJSNotes(data, id, version)
	return def, err
}

// ImportSurveyJSNotes is ImportSurveyJS that also returns its notes: what
// it read differently from how the form is written, or left out, without
// failing (presentation-only properties, a rateCount SurveyJS itself
// ignores, a missing title), each located like a problem, with code
// "ignored" or "defaulted".
func ImportSurveyJSNotes(data []byte, id, version string) (*survey.Definition, []*problem.Error, error) {
	doc, err := jsonlite.Parse(data, jsonlite.Options{})
	if err != nil {
		return nil, nil, err
	}
	root := doc.Root()
	im := sjsImporter{def: &survey.Definition{Schema: survey.DefinitionSchemaURL, ID: id, Version: version, Questions: []survey.Question{}}}
	d := &im.d
	im.object(root, nil, func(k string, v jsonlite.Value) {
		switch k {
		case "title":
			im.def.Title = im.text(v)
		case "description":
			im.def.Description = im.text(v)
		case "elements", "questions":
			im.elements(v)
		case "calculatedValues":
			im.array(v, func(cv jsonlite.Value) { im.calculated(cv) })
		case sjsThemes:
			im.array(v, func(v jsonlite.Value) {
				var th survey.Theme
				im.object(v, []string{"id", "title", "statements"}, func(k string, v jsonlite.Value) {
					switch k {
					case "id":
						th.ID = survey.QuestionID(d.String(v))
					case "title":
						th.Title = d.String(v)
					case "statements":
						im.array(v, func(v jsonlite.Value) { th.Statements = append(th.Statements, survey.QuestionID(d.String(v))) })
					default:
						im.unsupported(v, "theme property "+strconv.Quote(k))
					}
				})
				im.def.Themes = append(im.def.Themes, th)
			})
		case sjsSources:
			im.array(v, func(v jsonlite.Value) {
				var src survey.Source
				surveyjson.ReadSource(d, v, &src)
				im.def.Sources = append(im.def.Sources, src)
			})
		case "pages":
			im.array(v, func(page jsonlite.Value) {
				im.heading(page)
				depth := im.enter(page)
				defer func() { im.scope = im.scope[:depth] }()
				im.object(page, nil, func(k string, v jsonlite.Value) {
					switch k {
					case "name": // a page's name has no meaning in a one-page form
						d.String(v)
					case "title", "description", "visibleIf": // read by heading and enter
					case "elements", "questions":
						im.elements(v)
					default:
						if !im.layout(v, k, sjsPageLayout) {
							im.unsupported(v, "page property "+strconv.Quote(k))
						}
					}
				})
			})
		case "clearInvisibleValues":
			// spfkit's data never holds an answer to a hidden question;
			// SurveyJS's has none either, unless it is told to keep them.
			if d.String(v) == "none" {
				d.Fail(v, "unsupported", "clearInvisibleValues: none keeps answers to hidden questions in SurveyJS's data, which spfkit refuses as answers to questions not asked").Hint = "remove it, so that SurveyJS clears them on completing"
			}
		case "storeOthersAsComment":
			if !d.Bool(v) {
				d.Fail(v, "unsupported", "storeOthersAsComment: false keeps an Other text as the answer itself, which spfkit cannot tell from a wrong value").Hint = "remove it, so that SurveyJS keeps the text under NAME-Comment"
			}
		case "locale", "cookieName":
			d.String(v)
			im.notes.Fail(v, "ignored", k+" is ignored: a spfkit survey has one language, and its service decides who may answer").Hint = "nothing to do"
		default:
			if !im.layout(v, k, sjsSurveyLayout) {
				im.unsupported(v, "survey property "+strconv.Quote(k))
			}
		}
	})
	if im.pendingAt != (jsonlite.Value{}) {
		im.notes.Fail(im.pendingAt, "ignored", "ignored: a heading or text after the last question, which spfkit shows only before a question").Hint = "move it before a question if it matters"
	}
	if im.def.Title == "" && len(d.Problems()) == 0 {
		// SurveyJS shows no title then; spfkit needs one for the form and
		// its reports, so it takes the id the caller gave.
		im.def.Title = id
		e := im.notes.Fail(root, "defaulted", "the survey has no title, so spfkit uses its id, "+strconv.Quote(id)+", as the title")
		e.Pointer, e.Hint = "/title", "add a title to the form, or edit the definition spfkit writes"
	}
	if len(im.renamed) > 0 {
		im.notes.Fail(im.renamedAt, "renamed", "names read as spfkit's ids, which are lower-case with underscores: "+strings.Join(im.renamed, ", ")+"; SurveyJS's result data under the old names is read under the new ones").Hint = "nothing to do; export the form from spfkit to collect under the new names"
	}
	if len(im.languages) > 0 {
		im.notes.Fail(im.languagesAt, "ignored", "texts in other languages ("+strings.Join(im.languages, ", ")+") are left out: a spfkit survey has one language, the default").Hint = "import the form once per language, with each as its default, for a survey in each"
	}
	if len(im.layoutSeen) > 0 {
		im.notes.Fail(im.layoutAt, "ignored", "ignored: presentation only ("+strings.Join(im.layoutSeen, ", ")+"); spfkit draws every form in NHS.UK's own layout").Hint = "nothing to do; the questions and answers are unchanged"
	}
	if len(im.def.Questions) == 0 && len(d.Problems()) == 0 {
		d.Fail(root, "required", "the survey has no questions spfkit can read").Hint = "add elements (or pages with elements)"
	}
	for name, at := range im.personal {
		if q := im.def.Question(survey.QuestionID(name)); q != nil {
			q.PersonalData = true
		} else if len(d.Problems()) == 0 {
			d.Fail(at, "unknown_question", "the personal-data marker names "+strconv.Quote(name)+", which is not a question of the form").Hint = "list only the form's question names"
		}
	}
	errs := d.Problems()
	if len(errs) == 0 {
		// The definition's own rules, located at the element they concern.
		for _, e := range im.def.Check() {
			if e.Hint == "" {
				e.Hint = "change the form so that it meets this rule of spfkit's surveys"
				if strings.Contains(e.Pointer, "/scale") {
					e.Hint = "give the rating 2 to 11 consecutive points: rateMin and rateMax, or rateValues"
				}
			}
			at := root
			if src, ok := im.source(e.Pointer); ok {
				at = src
			} else if e.Pointer == "/id" || e.Pointer == "/version" {
				e.Pointer = "" // the id and version come from the caller
			}
			if e.Pointer != "" {
				e.Pointer = at.Pointer()
			}
			e.Line, e.Column = at.Position()
			errs = append(errs, e)
		}
	}
	if err := problem.Join(errs); err != nil {
		return nil, nil, err
	}
	return im.def, im.notes.Problems(), nil
}

type sjsImporter struct {
	d             jsonlite.Decoder
	notes         jsonlite.Decoder // what was read differently or left out, without failing
	layoutSeen    []string         // presentation-only properties met, once each
	renamed       []string         // names read as other ids, "old → new"
	renamedAt     jsonlite.Value   // the first of them
	layoutAt      jsonlite.Value   // the first of them
	def           *survey.Definition
	src           []jsonlite.Value          // the SurveyJS element each question came from
	personal      map[string]jsonlite.Value // questions the calculated-value marker lists
	section       string                    // a page or panel title the next question starts a section with
	intro         []string                  // text for the next question's intro: descriptions and html elements
	pendingAt     jsonlite.Value            // where the first of those came from, while they wait for a question
	scope         []*survey.Condition       // the visibleIf of each page and panel the importer is inside
	pipedNoted    bool                      // whether text piping has been noted
	picturesNoted bool                      // whether an image picker\'s pictures have been noted
	comment       *survey.Question          // the question made of the last element\'s comment area
	languages     []string                  // other languages met in localised texts
	languagesAt   jsonlite.Value            // the first of them
}

// text reads a text that SurveyJS may give in several languages, as an
// object keyed by locale ({"default": "Your views", "cy": "Eich barn"}):
// spfkit keeps the default one (or "en"), and lists the languages left
// out in one note.
func (im *sjsImporter) text(v jsonlite.Value) string {
	if v.Kind() != jsonlite.Object {
		return im.d.String(v)
	}
	text, found := "", false
	for _, key := range []string{"default", "en"} {
		if m, ok := v.Get(key); ok && !found {
			text, found = im.d.String(m), true
		}
	}
	if !found {
		im.d.Fail(v, "unsupported", "a text in several languages needs a default one for spfkit").Hint = `add "default" (or "en") with the text spfkit should show`
		return ""
	}
	for k := range v.Members() {
		if lang := k.String(); lang != "default" && lang != "en" && !slices.Contains(im.languages, lang) {
			if len(im.languages) == 0 {
				im.languagesAt = v
			}
			im.languages = append(im.languages, lang)
		}
	}
	return text
}

// heading notes a page's or panel's title and description for the next
// question read: the title as its section heading (a panel's first
// question on a titled page takes "Page – Panel"), the description as
// its intro.
func (im *sjsImporter) heading(el jsonlite.Value) {
	if el.Kind() != jsonlite.Object {
		return
	}
	if t, ok := el.Get("title"); ok {
		if title := strings.TrimSpace(im.text(t)); title != "" {
			if im.section != "" {
				title = im.section + " – " + title
			}
			im.section = title
			im.pend(t)
		}
	}
	if v, ok := el.Get("description"); ok {
		if text := strings.TrimSpace(im.text(v)); text != "" {
			im.intro = append(im.intro, text)
			im.pend(v)
		}
	}
}

func (im *sjsImporter) pend(at jsonlite.Value) {
	if im.pendingAt == (jsonlite.Value{}) {
		im.pendingAt = at
	}
}

// enter reads the visibleIf of a page or panel, which holds for each
// question in it, and returns how many conditions held before it.
func (im *sjsImporter) enter(el jsonlite.Value) int {
	depth := len(im.scope)
	if v, ok := el.Get("visibleIf"); ok && el.Kind() == jsonlite.Object {
		if c := im.visibleIf(im.d.String(v), v); c != nil {
			im.scope = append(im.scope, c)
		}
	}
	return depth
}

// add appends a question read from element src, giving it the section
// heading and intro that wait for it, and the conditions of the pages and
// panels around it: all of them and its own must hold.
func (im *sjsImporter) add(q survey.Question, src jsonlite.Value) {
	if len(im.scope) > 0 {
		var all []survey.Condition
		for _, c := range im.scope {
			all = append(all, *c)
		}
		if q.ShowIf != nil {
			all = append(all, *q.ShowIf)
		}
		q.ShowIf = &all[0]
		if len(all) > 1 {
			q.ShowIf = &survey.Condition{All: all}
		}
	}
	q.Section, q.Intro = im.section, strings.Join(im.intro, "\n\n")
	if !im.pipedNoted {
		texts := []string{q.Text, q.Help, q.Intro, q.Section}
		for _, o := range q.Options {
			texts = append(texts, o.Label)
		}
		for _, t := range texts {
			if i := strings.IndexByte(t, '{'); i >= 0 && strings.IndexByte(t[i:], '}') > 1 {
				im.pipedNoted = true
				im.notes.Fail(src, "ignored", "text piping such as {name} is shown as written: spfkit does not put earlier answers into a form's wording").Hint = "reword the text if it reads badly without the answer"
				break
			}
		}
	}
	im.section, im.intro, im.pendingAt = "", nil, jsonlite.Value{}
	im.def.Questions = append(im.def.Questions, q)
	im.src = append(im.src, src)
}

// html reads a SurveyJS html element as text for the next question's
// intro (htmlText), never as markup.
func (im *sjsImporter) html(el jsonlite.Value) {
	d := &im.d
	im.object(el, nil, func(k string, v jsonlite.Value) {
		switch k {
		case "type":
		case "name":
			d.String(v)
		case "html":
			if text := htmlText(im.text(v)); text != "" {
				im.intro = append(im.intro, text)
				im.pend(v)
			}
		default:
			if !im.layout(v, k, sjsQuestionLayout) {
				d.Fail(v, "unsupported", "html element property "+strconv.Quote(k)+" is not supported by spfkit").Hint = "remove it; spfkit shows an html element's text before the question that follows it"
			}
		}
	})
}

// calculated reads one of SurveyJS's calculated values: only the
// personal-data marker ExportSurveyJS writes is understood.
func (im *sjsImporter) calculated(cv jsonlite.Value) {
	d := &im.d
	var name, expr string
	var exprAt jsonlite.Value
	im.object(cv, []string{"name", "expression"}, func(k string, v jsonlite.Value) {
		switch k {
		case "name":
			name = d.String(v)
		case "expression":
			expr, exprAt = d.String(v), v
		case "includeIntoResult":
			if d.Bool(v) {
				d.Fail(v, "unsupported", "the personal-data marker must not be included in the result data").Hint = "remove includeIntoResult"
			}
		default:
			im.unsupported(v, "calculated value property "+strconv.Quote(k))
		}
	})
	if name == "" || exprAt == (jsonlite.Value{}) {
		return
	}
	if name != sjsPersonalData {
		im.unsupported(cv, "the calculated value "+strconv.Quote(name))
		return
	}
	list, ok := strings.CutPrefix(expr, "'")
	if list, ok = strings.CutSuffix(list, "'"); !ok || strings.ContainsAny(list, "'\\") {
		d.Fail(exprAt, "unsupported", "the personal-data marker should be a quoted list of question names, such as 'name,email'").Hint = "write the names between single quotes, separated by commas"
		return
	}
	if im.personal == nil {
		im.personal = map[string]jsonlite.Value{}
	}
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			im.personal[n] = exprAt
		}
	}
}

func (im *sjsImporter) unsupported(v jsonlite.Value, what string) {
	im.d.Fail(v, "unsupported", what+" is not supported by spfkit").Hint = "remove it, or express it with the properties spfkit reads (see surveyjs.ImportSurveyJS)"
}

// object calls fn with each member of an object, then reports the
// required members it lacks.
func (im *sjsImporter) object(v jsonlite.Value, required []string, fn func(k string, v jsonlite.Value)) {
	if !im.d.Want(v, jsonlite.Object) {
		return
	}
	for k, m := range v.Members() {
		fn(k.String(), m)
	}
	for _, r := range required {
		if _, ok := v.Get(r); !ok {
			im.d.Missing(v, r)
		}
	}
}

// array calls fn with each element of an array.
func (im *sjsImporter) array(v jsonlite.Value, fn func(v jsonlite.Value)) {
	if !im.d.Want(v, jsonlite.Array) {
		return
	}
	for _, e := range v.Elements() {
		fn(e)
	}
}

// source returns the SurveyJS element a definition pointer
// (/questions/2/options/1/value) concerns.
func (im *sjsImporter) source(p string) (jsonlite.Value, bool) {
	tokens := jsonptr.Split(p)
	if len(tokens) >= 2 && tokens[0] == "questions" {
		if i, err := strconv.Atoi(tokens[1]); err == nil && i >= 0 && i < len(im.src) {
			return im.src[i], true
		}
	}
	return jsonlite.Value{}, false
}

func (im *sjsImporter) elements(v jsonlite.Value) {
	im.array(v, func(el jsonlite.Value) {
		if t, ok := el.Get("type"); ok && t.Kind() == jsonlite.String {
			switch t.Str() {
			case "matrix":
				im.matrix(el)
				return
			case "multipletext":
				im.multipleText(el)
				return
			case "panel":
				im.panel(el)
				return
			case "html":
				im.html(el)
				return
			case "image":
				// A picture shows nothing to answer; spfkit's forms are
				// text, so it is left out, with a note.
				im.notes.Fail(t, "ignored", "an image element is left out: spfkit's forms are text").Hint = "describe what the picture said in an html element or a description, if it matters"
				return
			}
		}
		q, ok := im.element(el)
		comment := im.comment
		im.comment = nil
		if ok {
			im.add(q, el)
			if comment != nil {
				im.add(*comment, el)
			}
		}
	})
}

// element reads one SurveyJS question.
func (im *sjsImporter) element(el jsonlite.Value) (survey.Question, bool) {
	d := &im.d
	var q survey.Question
	if !d.Want(el, jsonlite.Object) {
		return q, false
	}
	typ, ok := el.Get("type")
	if !ok {
		d.Missing(el, "type")
		return q, false
	}
	kind := d.String(typ)
	switch kind {
	case "radiogroup", "dropdown":
		q.Type = survey.SingleChoice
	case "checkbox", "tagbox":
		q.Type = survey.MultipleChoice
	case "imagepicker":
		// Pictures as choices: their texts (or values) as options, one
		// or (multiSelect) several; the pictures are left out, noted.
		q.Type = survey.SingleChoice
		if m, ok := el.Get("multiSelect"); ok && m.Kind() == jsonlite.Bool && m.Bool() {
			q.Type = survey.MultipleChoice
		}
	case "rating":
		q.Type = survey.Likert
	case "comment", "text":
		q.Type = survey.FreeText
	case "boolean":
		// A yes/no switch: a single choice of its two values, the false
		// one first, as SurveyJS lays them out.
		q.Type = survey.SingleChoice
	case "":
		if typ.Kind() == jsonlite.String {
			d.Fail(typ, "required", "the question has no type").Hint = "use radiogroup, dropdown, checkbox, tagbox, imagepicker, boolean, rating, matrix, multipletext, comment or text"
		}
		return q, false
	default:
		d.Fail(typ, "unsupported", "the question type "+strconv.Quote(kind)+" is not supported by spfkit").Hint = "use radiogroup, dropdown, checkbox, tagbox, imagepicker, boolean, rating, matrix, multipletext, comment or text (panels and html elements are read too)"
		return q, false
	}
	var (
		choices                     jsonlite.Value
		hasChoices, other           bool
		otherText                   string
		rateValues                  jsonlite.Value
		hasRateValues               bool
		rateMin, rateMax, rateStep  = 1, 5, 1
		countAt, stepAt, hiddenAt   jsonlite.Value
		minText, maxText            string
		visibleIf                   string
		visibleIfAt, autoGenerateAt jsonlite.Value
		autoGenerate                bool
		boolLabels                  = [2]string{"No", "Yes"}     // labelFalse, labelTrue: SurveyJS's defaults
		boolValues                  = [2]string{"false", "true"} // valueFalse, valueTrue
		commentAt                   jsonlite.Value               // showCommentArea, when true
		commentText                 = "Please leave a comment"
		special                     [3]bool   // showNoneItem, showRefuseItem, showDontKnowItem
		specialText                 [3]string // noneText, refuseText, dontKnowText
		inputType                   string
		minAt                       jsonlite.Value    // minSelectedChoices
		generated                   = [3]int{0, 0, 1} // a dropdown\'s choicesMin, choicesMax and choicesStep
		generatedSet                bool
		inputTypeAt, validators     jsonlite.Value
		boundsAt                    [2]jsonlite.Value
	)
	errsBefore := len(d.Problems())
	im.object(el, []string{"name"}, func(k string, v jsonlite.Value) {
		choice := (q.Type == survey.SingleChoice || q.Type == survey.MultipleChoice) && kind != "boolean"
		switch {
		case k == "type":
		case k == "name":
			q.ID = im.id(d.String(v), v)
		case k == "title":
			q.Text = im.text(v)
		case k == "description":
			q.Help = im.text(v)
		case k == "isRequired":
			q.Required = d.Bool(v)
		case k == "visibleIf":
			visibleIf, visibleIfAt = d.String(v), v
		case k == "visible":
			// SurveyJS's save writes visible: false for a question its
			// visibleIf hides at the moment; the condition decides.
			hiddenAt = v
			if d.Bool(v) {
				hiddenAt = jsonlite.Value{}
			}
		case k == sjsPersonalData:
			q.PersonalData = d.Bool(v)
		case k == sjsReverse && q.Type == survey.Likert:
			q.Reverse = d.Bool(v)
		case k == "choices" && choice:
			choices, hasChoices = v, true
		case kind == "dropdown" && (k == "choicesMin" || k == "choicesMax" || k == "choicesStep"):
			generated[map[string]int{"choicesMin": 0, "choicesMax": 1, "choicesStep": 2}[k]] = d.Int(v)
			generatedSet = true
		case kind == "imagepicker" && k == "multiSelect":
			d.Bool(v) // read with the type
		case kind == "imagepicker" && (k == "imageFit" || k == "imageHeight" || k == "imageWidth" || k == "showLabel" || k == "contentMode" || k == "minImageWidth" || k == "maxImageWidth" || k == "minImageHeight" || k == "maxImageHeight"):
			im.layout(v, k, map[string]bool{k: true})
		case (k == "showOtherItem" || k == "hasOther") && choice:
			other = d.Bool(v)
		case choice && sjsSpecial[k] > 0:
			special[sjsSpecial[k]-1] = d.Bool(v)
		case choice && sjsSpecialText[k] > 0:
			specialText[sjsSpecialText[k]-1] = im.text(v)
		case k == "showCommentArea" || k == "hasComment":
			if d.Bool(v) {
				commentAt = v
			}
		case k == "commentText":
			commentText = im.text(v)
		case sjsMessages[k]:
			// A message of the form's own for a rule spfkit words itself.
			d.String(v)
			im.notes.Fail(v, "ignored", k+" is ignored: spfkit says what is wrong in its own words").Hint = "nothing to do"
		case k == "otherText" && choice:
			otherText = im.text(v)
		case k == "maxLength" && q.Type == survey.FreeText:
			q.MaxLength = d.Int(v)
		case k == sjsOtherMax && choice:
			q.MaxLength = d.Int(v)
		case k == "inputType" && kind == "text":
			inputType, inputTypeAt = d.String(v), v
		case (k == "min" || k == "max") && kind == "text":
			boundsAt[b2i(k == "max")] = v
		case k == "validators" && (q.Type == survey.FreeText || q.Type == survey.MultipleChoice):
			validators = v
		case (k == "minSelectedChoices" || k == "maxSelectedChoices") && q.Type == survey.MultipleChoice:
			// SurveyJS refuses fewer than minSelectedChoices even when
			// none is chosen, so the question is required; its form lets
			// no one choose more than maxSelectedChoices.
			if n := d.Int(v); k == "minSelectedChoices" && n > 0 {
				q.MinChoices, q.Required, minAt = n, true, v
			} else if n > 0 {
				q.MaxChoices = n
			}
		case k == "defaultValue":
			// A default would answer for anyone who leaves the question as
			// it is; spfkit asks every question unanswered.
			im.notes.Fail(v, "ignored", "defaultValue is ignored: spfkit shows every question unanswered, so that no answer is given for the respondent").Hint = "nothing to do, unless the default mattered to how the form was read"
		case (k == "labelFalse" || k == "labelTrue") && kind == "boolean":
			boolLabels[b2i(k == "labelTrue")] = im.text(v)
		case (k == "valueFalse" || k == "valueTrue") && kind == "boolean":
			switch v.Kind() {
			case jsonlite.String:
				boolValues[b2i(k == "valueTrue")] = v.Str()
			case jsonlite.Number, jsonlite.Bool:
				boolValues[b2i(k == "valueTrue")] = string(v.Raw())
			default:
				d.Fail(v, "type", k+" must be text, a number or true/false").Hint = "give the value SurveyJS should store"
			}
		case k == "rateValues" && q.Type == survey.Likert:
			rateValues, hasRateValues = v, true
		case k == "autoGenerate" && q.Type == survey.Likert:
			autoGenerate, autoGenerateAt = d.Bool(v), v
		case k == "rateMin" && q.Type == survey.Likert:
			rateMin = d.Int(v)
		case k == "rateMax" && q.Type == survey.Likert:
			rateMax = d.Int(v)
		case k == "rateCount" && q.Type == survey.Likert:
			d.Int(v)
			countAt = v
		case k == "rateStep" && q.Type == survey.Likert:
			rateStep, stepAt = d.Int(v), v
		case k == "minRateDescription" && q.Type == survey.Likert:
			minText = im.text(v)
		case k == "maxRateDescription" && q.Type == survey.Likert:
			maxText = im.text(v)
		default:
			if !im.layout(v, k, sjsQuestionLayout) {
				im.unsupported(v, kind+" property "+strconv.Quote(k))
			}
		}
	})
	if hiddenAt != (jsonlite.Value{}) && visibleIf == "" {
		d.Fail(hiddenAt, "unsupported", "the question is hidden (visible: false) and no visibleIf shows it, so SurveyJS never asks it").Hint = "remove the question, or give it a visibleIf"
	}
	if len(d.Problems()) > errsBefore {
		return q, false
	}
	if q.Text == "" {
		q.Text = string(q.ID) // SurveyJS shows the name when there is no title
	}
	if q.Type == survey.MultipleChoice && validators != (jsonlite.Value{}) {
		im.answerCount(&q, validators)
	}
	if q.Type == survey.FreeText {
		im.textRules(&q, inputType, inputTypeAt, boundsAt, validators)
		if len(d.Problems()) > errsBefore {
			return q, false
		}
	}
	switch q.Type {
	case survey.SingleChoice, survey.MultipleChoice:
		if kind == "boolean" {
			q.Options = []survey.Option{{Value: boolValues[0], Label: boolLabels[0]}, {Value: boolValues[1], Label: boolLabels[1]}}
			break
		}
		if hasChoices {
			q.Options = im.choices(choices)
		}
		if lo, hi, step := generated[0], generated[1], generated[2]; generatedSet && hi > lo {
			// A dropdown's numbers from choicesMin to choicesMax by
			// choicesStep, after its choices, as survey-core lists them
			// (none unless choicesMax is above choicesMin).
			switch {
			case step <= 0:
				d.Fail(el, "unsupported", "choicesStep must be above 0").Hint = "use a step of 1 or more"
				return q, false
			case lo < -1e9 || hi > 1e9 || (hi-lo)/step >= 1000:
				d.Fail(el, "unsupported", "choicesMin to choicesMax gives more than 1,000 numbers").Hint = "use a text input of type number, with min and max"
				return q, false
			}
			for n := lo; n <= hi; n += step {
				q.Options = append(q.Options, survey.Option{Value: strconv.Itoa(n), Label: strconv.Itoa(n)})
			}
		}
		// SurveyJS's special items, after the choices in its order: None,
		// Refuse to answer, Don't know, then Other. spfkit reads the
		// first three as ordinary options (a None is not made exclusive).
		for i, sp := range sjsSpecialItems {
			if special[i] {
				label := specialText[i]
				if label == "" {
					label = sp.text
				}
				q.Options = append(q.Options, survey.Option{Value: sp.value, Label: label})
			}
		}
		if special[0] && minAt != (jsonlite.Value{}) {
			d.Fail(minAt, "unsupported", "minSelectedChoices with a None item is not supported by spfkit: SurveyJS accepts None alone, spfkit counts it as one answer").Hint = "use an answercount validator, or remove the None item"
			return q, false
		}
		if other {
			if otherText == "" {
				otherText = sjsDefaultOtherText
			}
			q.Options = append(q.Options, survey.Option{Value: sjsOtherValue, Label: otherText, Other: true})
		}
	case survey.Likert:
		// The points survey-core shows: the rateValues given, unless there
		// are none or autoGenerate is true; otherwise the points from
		// rateMin to rateMax by rateStep (1, 5 and 1 when not set), at most
		// 20 of them. rateCount plays no part in what it shows.
		given := hasRateValues && rateValues.Kind() == jsonlite.Array && rateValues.Len() > 0
		useValues := given && !autoGenerate
		if given && autoGenerate {
			im.notes.Fail(autoGenerateAt, "ignored", "the rateValues are ignored, as SurveyJS ignores them when autoGenerate is true; the points run from rateMin to rateMax")
		}
		if countAt != (jsonlite.Value{}) {
			im.notes.Fail(countAt, "ignored", "rateCount is ignored, as SurveyJS shows the points from rateMin to rateMax by rateStep (or the rateValues) whatever it says")
		}
		if !useValues {
			switch {
			case rateStep <= 0:
				d.Fail(stepAt, "unsupported", "a rating step must be above 0").Hint = "use a step of 1, or list the points in rateValues"
				return q, false
			case rateMin > rateMax:
				at := el
				if v, ok := el.Get("rateMin"); ok {
					at = v
				}
				d.Fail(at, "unsupported", "rateMin is above rateMax, so SurveyJS shows no points").Hint = "make rateMin at most rateMax"
				return q, false
			case rateStep != 1 && rateMin+rateStep <= rateMax:
				d.Fail(stepAt, "unsupported", "a rating step other than 1 is not supported by spfkit: its likert scales are consecutive points").Hint = "use a step of 1, or list the points in rateValues"
				return q, false
			}
			if rateMax-rateMin+1 > sjsMaxRatePoints {
				at := el
				if v, ok := el.Get("rateMax"); ok {
					at = v
				}
				im.notes.Fail(at, "ignored", "SurveyJS shows at most "+strconv.Itoa(sjsMaxRatePoints)+" points, "+strconv.Itoa(rateMin)+" to "+strconv.Itoa(rateMin+sjsMaxRatePoints-1)+", so spfkit takes those")
				rateMax = rateMin + sjsMaxRatePoints - 1
			}
		}
		q.Scale = im.scale(rateValues, useValues, rateMin, rateMax, minText, maxText)
	}
	if visibleIf != "" {
		q.ShowIf = im.visibleIf(visibleIf, visibleIfAt)
	}
	if commentAt != (jsonlite.Value{}) {
		// A comment area: a free-text question of its own after this one,
		// asked whenever this one is; SurveyJS's data for it
		// (NAME-Comment) is read as its answer.
		if q.OtherOption() != nil {
			d.Fail(commentAt, "unsupported", "a question with both an Other item and a comment area is not supported by spfkit (SurveyJS keeps both texts under one key)").Hint = "keep one of the two, or add a comment question after it"
			return q, false
		}
		c := survey.Question{ID: q.ID + sjsCommentID, Type: survey.FreeText, Text: commentText, MaxLength: SurveyJSTextLimit}
		if q.ShowIf != nil {
			sc := *q.ShowIf
			c.ShowIf = &sc
		}
		im.comment = &c
	}
	return q, len(d.Problems()) == errsBefore
}

// sjsSpecialItems are SurveyJS's None, Refuse and Don't know items: the
// value each stores and its default text (survey-core 2.5.38).
var sjsSpecialItems = [3]struct{ value, text string }{{"none", "None"}, {"refused", "Refuse to answer"}, {"dontknow", "Don't know"}}

// sjsSpecial maps the properties that show a special item to its place in
// sjsSpecialItems, counting from 1; sjsSpecialText maps those that word
// one.
var (
	sjsSpecial     = map[string]int{"showNoneItem": 1, "hasNone": 1, "showRefuseItem": 2, "showDontKnowItem": 3}
	sjsSpecialText = map[string]int{"noneText": 1, "refuseText": 2, "dontKnowText": 3}
	sjsMessages    = setOf("requiredErrorText", "otherErrorText", "minErrorText", "maxErrorText", "minSelectedChoicesErrorText", "maxSelectedChoicesErrorText")
)

// visibleIf reads a question's or a choice's visibleIf as a condition on
// the questions before it, or fails at its pointer.
func (im *sjsImporter) visibleIf(expr string, at jsonlite.Value) *survey.Condition {
	e, err := parseSJSExpr(expr)
	var c *survey.Condition
	if err == "" {
		c, err = im.condition(e)
	}
	if err != "" {
		im.d.Fail(at, "unsupported", "the condition "+strconv.Quote(expr)+" is not supported by spfkit: "+err).Hint = "test earlier questions with =, !=, >, <, anyof, allof, noneof, contains, notcontains, empty or notempty, joined by and, or and brackets"
		return nil
	}
	return c
}

// textRules reads what a text or comment question asks of its answer:
// the input type (email and number become spfkit's formats; tel and url
// are read as free text, with a note), a number input's min and max, and
// the validators SurveyJS offers for text (numeric, text, email, regex).
// Several rules combine as SurveyJS applies them all: the tighter bound
// and the longer minimum win. Text left without a maxLength then gets
// SurveyJSTextLimit.
func (im *sjsImporter) textRules(q *survey.Question, inputType string, inputTypeAt jsonlite.Value, boundsAt [2]jsonlite.Value, validators jsonlite.Value) {
	d := &im.d
	format := func(f survey.TextFormat, at jsonlite.Value) {
		if q.Format != "" && q.Format != f {
			d.Fail(at, "unsupported", "the question asks for two kinds of answer, "+string(q.Format)+" and "+string(f)).Hint = "keep one of the two"
			return
		}
		q.Format = f
	}
	tighten := func(lo, hi *float64) {
		if lo != nil && (q.Min == nil || *lo > *q.Min) {
			q.Min = lo
		}
		if hi != nil && (q.Max == nil || *hi < *q.Max) {
			q.Max = hi
		}
	}
	switch inputType {
	case "", "text":
	case "email":
		format(survey.EmailFormat, inputTypeAt)
	case "number":
		format(survey.NumberFormat, inputTypeAt)
	case "date":
		format(survey.DateFormat, inputTypeAt)
	case "tel", "url":
		im.notes.Fail(inputTypeAt, "ignored", "a "+inputType+" input is read as free text: SurveyJS checks nothing more of it").Hint = "nothing to do; add a regex validator if the answer must have a form"
	default:
		d.Fail(inputTypeAt, "unsupported", "a text input of type "+strconv.Quote(inputType)+" is not supported by spfkit").Hint = "use text, email, number or date, or remove inputType for any text"
	}
	for i, at := range boundsAt {
		switch {
		case at == (jsonlite.Value{}):
		case q.Format == survey.NumberFormat:
			var bound [2]*float64
			bound[i] = im.number(at)
			tighten(bound[0], bound[1])
		case q.Format == survey.DateFormat:
			d.Fail(at, "unsupported", "the earliest or latest day of a date input is not supported by spfkit").Hint = "remove min and max, or ask for the date as text with a regex"
		default:
			im.notes.Fail(at, "ignored", "min and max are ignored: SurveyJS applies them to a number or date input, and this is not one").Hint = "nothing to do, or set inputType to number"
		}
	}
	// Text with no maxLength gets SurveyJSTextLimit once the rules are
	// read; a number or a date needs none.
	defer func() {
		if q.MaxLength == 0 && q.Format != survey.NumberFormat && q.Format != survey.DateFormat {
			q.MaxLength = SurveyJSTextLimit
		}
	}()
	if validators == (jsonlite.Value{}) {
		return
	}
	im.array(validators, func(vd jsonlite.Value) {
		typ, ok := vd.Get("type")
		if !ok || !d.Want(vd, jsonlite.Object) {
			if d.Want(vd, jsonlite.Object) {
				d.Missing(vd, "type")
			}
			return
		}
		kind := d.String(typ)
		switch kind {
		case "numeric", "email", "text", "regex":
		case "expression", "answercount":
			d.Fail(typ, "unsupported", "the "+kind+" validator is not supported by spfkit").Hint = "remove it; spfkit's free text checks a format (email or number), a number range, a length and one regex"
			return
		default:
			d.Fail(typ, "unsupported", "the validator type "+strconv.Quote(kind)+" is not supported by spfkit").Hint = "use numeric, text, email or regex"
			return
		}
		var lo, hi *float64
		var message string
		var messageAt jsonlite.Value
		im.object(vd, nil, func(k string, v jsonlite.Value) {
			switch {
			case k == "type":
			case k == "text":
				message, messageAt = d.String(v), v
			case kind == "numeric" && k == "minValue":
				lo = im.number(v)
			case kind == "numeric" && k == "maxValue":
				hi = im.number(v)
			case kind == "text" && k == "minLength":
				if n := d.Int(v); n > q.MinLength {
					q.MinLength = n
				}
			case kind == "text" && k == "maxLength":
				if n := d.Int(v); n > 0 && (q.MaxLength == 0 || n < q.MaxLength) {
					q.MaxLength = n
				}
			case kind == "text" && k == "allowDigits":
				if !d.Bool(v) {
					d.Fail(v, "unsupported", "allowDigits: false is not supported by spfkit (SurveyJS only refuses text that ends in digits)").Hint = "remove it, or use a regex validator for the form the answer must have"
				}
			case kind == "regex" && k == "regex":
				if q.Pattern != "" {
					d.Fail(v, "unsupported", "a question can have one regex in spfkit").Hint = "join the expressions into one"
					return
				}
				q.Pattern = d.String(v)
			case kind == "regex" && (k == "caseInsensitive" || k == "insensitive"):
				if d.Bool(v) {
					d.Fail(v, "unsupported", "a case-insensitive regex is not supported by spfkit").Hint = "write both cases into the expression, such as [Aa]"
				}
			default:
				im.unsupported(v, kind+" validator property "+strconv.Quote(k))
			}
		})
		switch kind {
		case "numeric":
			format(survey.NumberFormat, typ)
			tighten(lo, hi)
		case "email":
			format(survey.EmailFormat, typ)
		case "regex":
			if message != "" {
				q.PatternMessage, message = message, ""
			}
		}
		if message != "" {
			im.notes.Fail(messageAt, "ignored", "the "+kind+" validator's own message is ignored: spfkit says what is wrong in its own words (only a regex keeps its message)").Hint = "nothing to do"
		}
	})
}

// answerCount reads a checkbox's validators: answercount (minCount,
// maxCount), which SurveyJS applies only to an answer with something
// chosen, as spfkit's min_choices and max_choices are.
func (im *sjsImporter) answerCount(q *survey.Question, validators jsonlite.Value) {
	d := &im.d
	im.array(validators, func(vd jsonlite.Value) {
		typ, ok := vd.Get("type")
		if !d.Want(vd, jsonlite.Object) || !ok {
			if ok || vd.Kind() == jsonlite.Object {
				d.Missing(vd, "type")
			}
			return
		}
		if kind := d.String(typ); kind != "answercount" {
			d.Fail(typ, "unsupported", "a "+kind+" validator on a checkbox is not supported by spfkit").Hint = "use answercount (minCount, maxCount), or remove it"
			return
		}
		im.object(vd, nil, func(k string, v jsonlite.Value) {
			switch k {
			case "type":
			case "minCount":
				if n := d.Int(v); n > q.MinChoices {
					q.MinChoices = n
				}
			case "maxCount":
				if n := d.Int(v); n > 0 && (q.MaxChoices == 0 || n < q.MaxChoices) {
					q.MaxChoices = n
				}
			case "text":
				d.String(v)
				im.notes.Fail(v, "ignored", "the answercount validator's own message is ignored: spfkit says what is wrong in its own words").Hint = "nothing to do"
			default:
				im.unsupported(v, "answercount validator property "+strconv.Quote(k))
			}
		})
	})
}

// number reads a number SurveyJS may also write as text ("min": "0").
func (im *sjsImporter) number(v jsonlite.Value) *float64 {
	if f, ok := v.Float(); ok {
		return &f
	}
	if v.Kind() == jsonlite.String {
		if f, ok := survey.ParseNumber(v.Str()); ok {
			return &f
		}
	}
	im.d.Fail(v, "unsupported", "spfkit needs a number here, not "+string(v.Raw())).Hint = "give a number; SurveyJS's expressions are not read"
	return nil
}

func (im *sjsImporter) choices(v jsonlite.Value) []survey.Option {
	d := &im.d
	var out []survey.Option
	im.array(v, func(c jsonlite.Value) {
		switch c.Kind() {
		case jsonlite.String:
			out = append(out, survey.Option{Value: c.Str(), Label: c.Str()})
		case jsonlite.Number:
			out = append(out, survey.Option{Value: string(c.Raw()), Label: string(c.Raw())})
		case jsonlite.Object:
			var o survey.Option
			im.object(c, []string{"value"}, func(k string, v jsonlite.Value) {
				switch k {
				case "value":
					if v.Kind() == jsonlite.Number {
						o.Value = string(v.Raw())
					} else {
						o.Value = d.String(v)
					}
				case "text":
					o.Label = im.text(v)
				case "visibleIf":
					o.ShowIf = im.visibleIf(d.String(v), v)
				case "imageLink":
					d.String(v)
					if !im.picturesNoted {
						im.picturesNoted = true
						im.notes.Fail(v, "ignored", "the pictures of an image picker are left out: spfkit shows each choice's text (or value)").Hint = "give each choice a text that says what its picture showed"
					}
				default:
					im.unsupported(v, "choice property "+strconv.Quote(k))
				}
			})
			if o.Label == "" {
				o.Label = o.Value
			}
			out = append(out, o)
		default:
			d.Fail(c, "type", "a choice must be a value or an object with value and text, not "+c.Kind().Name()).Hint = `write "value" or {"value": "v", "text": "Label"}`
		}
	})
	return out
}

// sjsMaxRatePoints is the most points survey-core generates for a rating
// (its settings.ratingMaximumRateValueCount).
const sjsMaxRatePoints = 20

func (im *sjsImporter) scale(rateValues jsonlite.Value, hasRateValues bool, lo, hi int, minText, maxText string) *survey.Scale {
	d := &im.d
	s := &survey.Scale{}
	if hasRateValues {
		im.array(rateValues, func(v jsonlite.Value) {
			var l survey.ScaleLabel
			switch v.Kind() {
			case jsonlite.Number:
				l.Value = d.Int(v)
			case jsonlite.Object:
				im.object(v, []string{"value"}, func(k string, v jsonlite.Value) {
					switch k {
					case "value":
						l.Value = d.Int(v)
					case "text":
						l.Label = im.text(v)
					default:
						im.unsupported(v, "rate value property "+strconv.Quote(k))
					}
				})
			default:
				d.Fail(v, "type", "a rate value must be a whole number or an object with value and text").Hint = `write 3 or {"value": 3, "text": "Neither"}`
				return
			}
			if l.Label == "" {
				l.Label = strconv.Itoa(l.Value)
			}
			s.Labels = append(s.Labels, l)
		})
		if len(s.Labels) > 0 {
			s.Min, s.Max = s.Labels[0].Value, s.Labels[len(s.Labels)-1].Value
		}
		for i, l := range s.Labels {
			if l.Value != s.Min+i {
				d.Fail(rateValues, "unsupported", "rate values must be whole numbers that rise by 1").Hint = "spfkit's likert scales are consecutive points"
				break
			}
		}
	} else {
		s.Min, s.Max = lo, hi
		for v := lo; v <= hi && v-lo < sjsMaxRatePoints; v++ {
			s.Labels = append(s.Labels, survey.ScaleLabel{Value: v, Label: strconv.Itoa(v)})
		}
	}
	if n := len(s.Labels); n > 0 {
		if minText != "" {
			s.Labels[0].Label = minText
		}
		if maxText != "" {
			s.Labels[n-1].Label = maxText
		}
	}
	return s
}

// ExportSurveyJS writes a definition in SurveyJS's format, as one page of
// elements, or a page per section titled with its heading, an intro as an
// html element before its question: single choice as radiogroup, multiple choice as checkbox
// (an Other option as showOtherItem and otherText), likert as rating with
// rateValues, free text as comment. Personal data, reverse scoring, the
// sources, the themes and the longest "please specify" text travel as the
// custom properties spfkitPersonalData, spfkitReverse, spfkitSources,
// spfkitThemes and spfkitOtherMaxLength, which ImportSurveyJS reads back;
// personal data is also listed in a calculated value, which SurveyJS keeps
// when it saves a form even where those properties are not registered; SurveyJS loads
// the form anyway, listing them in its jsonErrors unless they are
// registered with its Serializer. What SurveyJS
// cannot show is an error: a likert "don't know" option, and an Other
// option whose value is not "other" or that is not the last option
// (SurveyJS always puts it last with that value).
func ExportSurveyJS(def *survey.Definition) ([]byte, error) {
	var errs []*problem.Error
	fail := func(at, msg, hint string) {
		errs = append(errs, &problem.Error{Pointer: at, Code: "unsupported", Message: msg, Hint: hint})
	}
	// SurveyJS forms are often pasted into web pages, so <, > and & are
	// escaped as they always have been.
	w := jsonlite.Writer{Indent: "  ", EscapeHTML: true}
	w.BeginObject()
	w.StringField("title", def.Title)
	w.OptString("description", def.Description)
	if len(def.Sources) > 0 {
		w.Key(sjsSources)
		w.BeginArray()
		for _, src := range def.Sources {
			w.BeginObject()
			w.StringField("title", src.Title)
			w.OptString("url", src.URL)
			w.OptString("note", src.Note)
			w.EndObject()
		}
		w.EndArray()
	}
	var personal []string
	for _, q := range def.Questions {
		if q.PersonalData {
			personal = append(personal, string(q.ID))
		}
	}
	if len(personal) > 0 {
		w.Key("calculatedValues")
		w.BeginArray()
		w.BeginObject()
		w.StringField("name", sjsPersonalData)
		w.StringField("expression", "'"+strings.Join(personal, ",")+"'")
		w.EndObject()
		w.EndArray()
	}
	if len(def.Themes) > 0 {
		w.Key(sjsThemes)
		w.BeginArray()
		for _, th := range def.Themes {
			w.BeginObject()
			w.StringField("id", string(th.ID))
			w.StringField("title", th.Title)
			w.Key("statements")
			w.BeginArray()
			for _, id := range th.Statements {
				w.String(string(id))
			}
			w.EndArray()
			w.EndObject()
		}
		w.EndArray()
	}
	// A form with sections is a page per section, titled with its
	// heading; one without is one page of elements, as before.
	paged := false
	for _, q := range def.Questions {
		paged = paged || q.Section != ""
	}
	if paged {
		w.Key("pages")
	} else {
		w.Key("elements")
	}
	w.BeginArray()
	pages := 0
	for i := range def.Questions {
		q := &def.Questions[i]
		at := "/questions/" + strconv.Itoa(i)
		if paged && (i == 0 || q.Section != "") {
			if i > 0 {
				w.EndArray()
				w.EndObject()
			}
			pages++
			w.BeginObject()
			w.StringField("name", "page"+strconv.Itoa(pages))
			w.OptString("title", q.Section)
			w.Key("elements")
			w.BeginArray()
		}
		if q.Intro != "" {
			// The intro as an html element of its own before the question.
			w.BeginObject()
			w.StringField("type", "html")
			w.StringField("name", "spfkit_intro_"+string(q.ID))
			w.StringField("html", introHTML(q.Intro))
			w.EndObject()
		}
		w.BeginObject()
		switch q.Type {
		case survey.SingleChoice:
			w.StringField("type", "radiogroup")
		case survey.MultipleChoice:
			w.StringField("type", "checkbox")
		case survey.Likert:
			w.StringField("type", "rating")
		default:
			if q.Format != "" {
				w.StringField("type", "text") // one line, as an email address or a number is
			} else {
				w.StringField("type", "comment")
			}
		}
		w.StringField("name", string(q.ID))
		w.StringField("title", q.Text)
		w.OptString("description", q.Help)
		w.OptBool("isRequired", q.Required)
		w.OptBool(sjsPersonalData, q.PersonalData)
		w.OptBool(sjsReverse, q.Reverse)
		if c := q.ShowIf; c != nil {
			expr, ok := sjsCondition(def, c)
			if !ok {
				fail(at+"/show_if", "a condition value holds a backslash, which a SurveyJS expression cannot carry", "change the option's value")
			}
			w.StringField("visibleIf", expr)
		}
		switch q.Type {
		case survey.SingleChoice, survey.MultipleChoice:
			w.Key("choices")
			w.BeginArray()
			for j, o := range q.Options {
				if o.Other {
					if o.Value != sjsOtherValue || j != len(q.Options)-1 {
						fail(at+"/options/"+strconv.Itoa(j), "SurveyJS's Other item is always the last option, with the value \"other\"", "make the Other option the last one, with the value \"other\"")
					}
					if o.ShowIf != nil {
						fail(at+"/options/"+strconv.Itoa(j)+"/show_if", "SurveyJS's Other item has no condition of its own", "remove the option's show_if, or keep the survey in spfkit")
					}
					continue
				}
				w.BeginObject()
				w.StringField("value", o.Value)
				w.StringField("text", o.Label)
				if o.ShowIf != nil {
					expr, ok := sjsCondition(def, o.ShowIf)
					if !ok {
						fail(at+"/options/"+strconv.Itoa(j)+"/show_if", "a condition value holds a backslash, which a SurveyJS expression cannot carry", "change the option's value")
					}
					w.StringField("visibleIf", expr)
				}
				w.EndObject()
			}
			w.EndArray()
			if o := q.OtherOption(); o != nil {
				w.Key("showOtherItem")
				w.Bool(true)
				w.StringField("otherText", o.Label)
			}
			w.OptInt("maxSelectedChoices", q.MaxChoices)
			if q.MinChoices > 0 {
				// answercount, which applies only when something is
				// chosen, as min_choices does; SurveyJS's own
				// minSelectedChoices would also refuse no answer.
				w.Key("validators")
				w.BeginArray()
				w.BeginObject()
				w.StringField("type", "answercount")
				w.Key("minCount")
				w.Int(q.MinChoices)
				w.EndObject()
				w.EndArray()
			}
			w.OptInt(sjsOtherMax, q.MaxLength)
		case survey.Likert:
			if q.Scale.DontKnow != "" {
				fail(at+"/scale/dont_know", "SurveyJS's rating question has no \"don't know\" option", "remove the option, or keep the survey in spfkit")
			}
			w.Key("autoGenerate")
			w.Bool(false)
			w.Key("rateValues")
			w.BeginArray()
			for _, l := range q.Scale.Labels {
				w.BeginObject()
				w.Key("value")
				w.Int(l.Value)
				w.StringField("text", l.Label)
				w.EndObject()
			}
			w.EndArray()
		default:
			if q.Format != "" {
				w.StringField("inputType", string(q.Format))
			}
			for i, b := range [2]*float64{q.Min, q.Max} {
				if b != nil {
					w.Key([2]string{"min", "max"}[i])
					w.Float(*b)
				}
			}
			w.OptInt("maxLength", q.MaxLength)
			if q.MinLength > 0 || q.Pattern != "" {
				w.Key("validators")
				w.BeginArray()
				if q.MinLength > 0 {
					w.BeginObject()
					w.StringField("type", "text")
					w.Key("minLength")
					w.Int(q.MinLength)
					w.EndObject()
				}
				if q.Pattern != "" {
					w.BeginObject()
					w.StringField("type", "regex")
					w.StringField("regex", q.Pattern)
					w.OptString("text", q.PatternMessage)
					w.EndObject()
				}
				w.EndArray()
			}
		}
		w.EndObject()
	}
	if pages > 0 {
		w.EndArray()
		w.EndObject()
	}
	w.EndArray()
	w.EndObject()
	if err := problem.Join(errs); err != nil {
		return nil, err
	}
	return append(w.Bytes(), '\n'), nil
}

// Properties that only change how SurveyJS lays a form out or words its
// buttons: spfkit draws every form in NHS.UK's layout, so it reads past
// them and lists them in one note. (Page and panel titles and
// descriptions are kept, as section headings and intros.)
var (
	sjsSurveyLayout = setOf("showQuestionNumbers", "questionTitleLocation", "questionDescriptionLocation", "questionErrorLocation",
		"showProgressBar", "progressBarType", "progressBarShowPageTitles", "progressBarShowPageNumbers", "headerView", "logo",
		"logoPosition", "logoWidth", "logoHeight", "logoFit", "backgroundImage", "backgroundImageFit", "backgroundOpacity",
		"widthMode", "width", "fitToContainer", "showTitle", "showPageTitles", "showPageNumbers", "showNavigationButtons",
		"showPrevButton", "showCompleteButton", "navigationButtonsLocation", "pagePrevText", "pageNextText", "completeText",
		"previewText", "editText", "startSurveyText", "showTOC", "tocLocation", "focusFirstQuestionAutomatic", "focusOnFirstError",
		"showBrandInfo", "requiredText", "questionStartIndex", "autoGrowComment", "allowResizeComment", "completedHtml",
		"completedBeforeHtml", "loadingHtml", "showCompletedPage", "textUpdateMode", "checkErrorsMode", "questionsOnPageMode",
		"firstPageIsStarted", "firstPageIsStartPage", "showPreviewBeforeComplete", "goNextPageAutomatic", "autoAdvanceEnabled",
		"autoAdvanceAllowComplete", "allowCompleteSurveyAutomatic", "questionsOrder", "sendResultOnPageNext")
	sjsPageLayout = setOf("navigationTitle", "navigationDescription", "questionTitleLocation",
		"visibleIndex", "maxWidth", "minWidth", "width")
	sjsQuestionLayout = setOf("colCount", "startWithNewLine", "titleLocation", "descriptionLocation", "renderAs", "placeholder",
		"width", "minWidth", "maxWidth", "indent", "hideNumber", "rateDisplayMode", "displayMode", "rateType", "scaleColorMode",
		"rateColorMode", "autoGrow", "allowResize", "rows", "showClearButton", "allowClear", "separateSpecialChoices",
		"errorLocation", "itemComponent", "textUpdateMode", "state", "displayRateDescriptionsAsExtremeItems",
		"rateDescriptionLocation", "acceptCarriageReturn", "choicesOrder", "showSelectAllItem", "hasSelectAll", "selectAllText",
		"searchEnabled", "hideSelectedItems", "closeOnSelect", "autocomplete", "size", "dataList", "commentPlaceholder",
		"otherPlaceholder", "swapOrder", "alternateRows", "columnMinWidth", "showHeader", "verticalAlign", "rowsOrder",
		"hideIfRowsEmpty", "hideIfChoicesEmpty", "useDisplayValuesInDynamicTexts", "titleTagName", "minRateDescriptionVisible")
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// layout notes a presentation-only property, once per name, and reports
// whether k is one.
func (im *sjsImporter) layout(v jsonlite.Value, k string, set map[string]bool) bool {
	if !set[k] {
		return false
	}
	if len(im.layoutSeen) == 0 {
		im.layoutAt = v
	}
	if !slices.Contains(im.layoutSeen, k) {
		im.layoutSeen = append(im.layoutSeen, k)
	}
	return true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// matrix reads SurveyJS's Likert grid: each row becomes a likert
// statement named MATRIX_ROW, sharing the scale the columns give (whole
// numbers rising by 1, labelled with their text), with the matrix's title
// as each statement's help. isAllRowRequired makes every statement
// required. Its data ({"matrix": {"row": 4}}) is read the same way by
// ResponseFromData.
func (im *sjsImporter) matrix(el jsonlite.Value) {
	d := &im.d
	errsBefore := len(d.Problems())
	var name, title string
	var columns, rows jsonlite.Value
	required := false
	im.object(el, []string{"name", "columns", "rows"}, func(k string, v jsonlite.Value) {
		switch k {
		case "type":
		case "name":
			name = d.String(v)
		case "title":
			title = im.text(v)
		case "description":
			title = withDescription(title, im.text(v))
		case "columns":
			columns = v
		case "rows":
			rows = v
		case "isAllRowRequired", "isRequired":
			required = required || d.Bool(v)
		default:
			if !im.layout(v, k, sjsQuestionLayout) {
				im.unsupported(v, "matrix property "+strconv.Quote(k))
			}
		}
	})
	if len(d.Problems()) > errsBefore {
		return
	}
	scale := im.scale(columns, true, 0, 0, "", "")
	if len(d.Problems()) > errsBefore {
		return
	}
	im.array(rows, func(row jsonlite.Value) {
		var value, text string
		switch row.Kind() {
		case jsonlite.String:
			value, text = row.Str(), row.Str()
		case jsonlite.Object:
			im.object(row, []string{"value"}, func(k string, v jsonlite.Value) {
				switch k {
				case "value":
					value = d.String(v)
				case "text":
					text = im.text(v)
				default:
					im.unsupported(v, "matrix row property "+strconv.Quote(k))
				}
			})
		default:
			d.Fail(row, "type", "a matrix row must be a value or an object with value and text").Hint = `write "row" or {"value": "row", "text": "Statement"}`
			return
		}
		if text == "" {
			text = value
		}
		sc := *scale
		sc.Labels = slices.Clone(scale.Labels)
		q := survey.Question{ID: im.id(name+"_"+value, row), Type: survey.Likert, Text: text, Help: title, Required: required, Scale: &sc}
		im.add(q, row)
	})
}

// multipleText reads SurveyJS's multiple text: each item becomes a
// free-text question named NAME_ITEM, with the item's title (or name) as
// its text and the question's title as its help, its own inputType,
// maxLength, validators and isRequired, and the question's visibleIf.
// Its data ({"contact": {"email": "…"}}) is read the same way by
// ResponseFromData. A required multiple text (some item answered) is
// refused: spfkit has no rule for "at least one of these".
func (im *sjsImporter) multipleText(el jsonlite.Value) {
	d := &im.d
	errsBefore := len(d.Problems())
	var name, title, visibleIf string
	var items, visibleIfAt jsonlite.Value
	im.object(el, []string{"name", "items"}, func(k string, v jsonlite.Value) {
		switch k {
		case "type":
		case "name":
			name = d.String(v)
		case "title":
			title = im.text(v)
		case "description":
			title = withDescription(title, im.text(v))
		case "items":
			items = v
		case "visibleIf":
			visibleIf, visibleIfAt = d.String(v), v
		case "isRequired":
			if d.Bool(v) {
				d.Fail(v, "unsupported", "a required multiple text (any one item answered) is not supported by spfkit").Hint = "make the items that must be answered required (isRequired on each item)"
			}
		default:
			if !im.layout(v, k, sjsQuestionLayout) {
				im.unsupported(v, "multipletext property "+strconv.Quote(k))
			}
		}
	})
	if len(d.Problems()) > errsBefore {
		return
	}
	var show *survey.Condition
	if visibleIf != "" {
		if show = im.visibleIf(visibleIf, visibleIfAt); show == nil {
			return
		}
	}
	im.array(items, func(item jsonlite.Value) {
		q := survey.Question{Type: survey.FreeText, Help: title}
		var itemName, inputType string
		var inputTypeAt, validators jsonlite.Value
		before := len(d.Problems())
		im.object(item, []string{"name"}, func(k string, v jsonlite.Value) {
			switch k {
			case "name":
				itemName = d.String(v)
			case "title":
				q.Text = im.text(v)
			case "isRequired":
				q.Required = d.Bool(v)
			case "inputType":
				inputType, inputTypeAt = d.String(v), v
			case "maxLength":
				q.MaxLength = d.Int(v)
			case "min", "max":
				// survey-core does not hold an item's answer to them (its
				// number box only suggests them), so neither does spfkit.
				im.notes.Fail(v, "ignored", "a multiple text item's "+k+" is ignored, as SurveyJS accepts answers beyond it").Hint = "add a numeric validator to the item if the range matters"
			case "validators":
				validators = v
			default:
				if !im.layout(v, k, sjsQuestionLayout) {
					im.unsupported(v, "multipletext item property "+strconv.Quote(k))
				}
			}
		})
		if len(d.Problems()) > before {
			return
		}
		q.ID = im.id(name+"_"+itemName, item)
		if q.Text == "" {
			q.Text = itemName
		}
		im.textRules(&q, inputType, inputTypeAt, [2]jsonlite.Value{}, validators)
		if show != nil {
			c := *show
			q.ShowIf = &c
		}
		if len(d.Problems()) == before {
			im.add(q, item)
		}
	})
}

// panel flattens a SurveyJS panel into the form: its questions are read
// in place, as a page's are, the first taking the panel's title as its
// section heading and its description as its intro; a condition on the
// whole panel becomes part of each of its questions' conditions.
func (im *sjsImporter) panel(el jsonlite.Value) {
	d := &im.d
	im.heading(el)
	depth := im.enter(el)
	defer func() { im.scope = im.scope[:depth] }()
	im.object(el, nil, func(k string, v jsonlite.Value) {
		switch k {
		case "type", "title", "description", "visibleIf":
		case "name":
			d.String(v)
		case "elements", "questions":
			im.elements(v)
		default:
			if !im.layout(v, k, sjsPanelLayout) {
				d.Fail(v, "unsupported", "panel property "+strconv.Quote(k)+" is not supported by spfkit").Hint = "move it onto the panel's questions, or remove it"
			}
		}
	})
}

// sjsPanelLayout is what a panel may carry that only changes its look.
var sjsPanelLayout = setOf("state", "showNumber", "showQuestionNumbers", "questionTitleLocation",
	"startWithNewLine", "width", "minWidth", "maxWidth", "innerIndent", "indent", "colCount", "questionStartIndex")

// id reads a SurveyJS name as a question id, renaming one that is not an
// id as SurveyID does, and noting it.
func (im *sjsImporter) id(name string, at jsonlite.Value) survey.QuestionID {
	id := survey.QuestionID(name)
	if id.Valid() || name == "" {
		return id
	}
	mapped := SurveyID(name)
	if !mapped.Valid() {
		return id // the definition's check reports it, located
	}
	if len(im.renamed) == 0 {
		im.renamedAt = at
	}
	im.renamed = append(im.renamed, name+" → "+string(mapped))
	return mapped
}

// SurveyID is the question id ImportSurveyJS gives a SurveyJS name that is
// not already one: camelCase and PascalCase split at their capitals
// ("favoriteColor" and "FavoriteColor" become favorite_color), spaces,
// hyphens and dots become underscores ("Question 2" becomes question_2),
// other characters are dropped, and all is lower-case. A name that is an
// id is kept. The result may still not be an id (a name starting with a
// digit); the import then refuses it, located.
func SurveyID(name string) survey.QuestionID {
	if survey.QuestionID(name).Valid() {
		return survey.QuestionID(name)
	}
	var b strings.Builder
	prevLower := false
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			if prevLower {
				b.WriteByte('_')
			}
			b.WriteRune(r - 'A' + 'a')
			prevLower = false
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			prevLower = true
		case r == ' ' || r == '-' || r == '.' || r == '_':
			if s := b.String(); s != "" && !strings.HasSuffix(s, "_") {
				b.WriteByte('_')
			}
			prevLower = false
		}
	}
	return survey.QuestionID(strings.TrimSuffix(b.String(), "_"))
}

// withDescription is a title with an element's description after it, for
// elements whose description has nowhere else to go.
func withDescription(title, description string) string {
	if title == "" {
		return description
	}
	return title + " " + description
}
