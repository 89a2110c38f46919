package wasm

import (
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/internal/surveyjson"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// DraftTTL is how long a draft kept with storage="local" lasts: 7 days, in
// milliseconds. Session drafts end with the tab anyway.
const DraftTTL = 7 * 24 * 60 * 60 * 1000

// DraftKey is the storage key of a survey's draft. It holds the survey id
// only: no personal data.
func DraftKey(def *survey.Definition) string { return "spfkit:draft:" + def.ID }

// FormID identifies the form a draft is saved for: a built-in survey by
// its content hash (survey.BuiltinHash), a form given inline by a 64-bit
// FNV-1a fingerprint of its text. It is not Definition.Hash, whose
// canonical encoding and SHA-256 would cost the bundle about 4.4 KB with
// brotli: a draft only needs to know whether the form it was saved for
// is the one on the page, and any change to an inline form's text, even
// its spacing, counts as a change.
func FormID(def *survey.Definition, inline string) string {
	if inline == "" {
		return survey.BuiltinHash(def.ID)
	}
	// FNV-1a by hand: hash/fnv with strconv.FormatUint measured about
	// 1 KB more of the bundle with brotli.
	h := uint64(14695981039346656037)
	for i := 0; i < len(inline); i++ {
		h = (h ^ uint64(inline[i])) * 1099511628211
	}
	const hex = "0123456789abcdef"
	b := []byte("fnv64a:0000000000000000")
	for i := len(b) - 1; h != 0; i-- {
		b[i] = hex[h&15]
		h >>= 4
	}
	return string(b)
}

// EncodeDraft writes a draft: the form it was saved for (FormID), when it
// was saved (milliseconds since 1970) and the answers so far.
func EncodeDraft(form string, r *survey.Response, savedMs float64) []byte {
	var w jsonlite.Writer
	w.BeginObject()
	w.StringField("form", form)
	w.Key("saved")
	w.Float(savedMs)
	body, _ := r.MarshalJSON()
	w.Key("response")
	w.String(string(body))
	w.EndObject()
	return w.Bytes()
}

// The notices shown when a draft cannot be restored.
const (
	NoticeChanged = "The survey has changed since your answers were saved, so they have been cleared. Please answer again."
	NoticeExpired = "Your saved answers were more than 7 days old, so they have been cleared."
)

// DecodeDraft restores a draft of def, whose FormID is form. It returns
// nil and a notice when the draft was saved for another form or has
// expired (ttlMs > 0), and nil without a notice when it cannot be read
// at all.
func DecodeDraft(def *survey.Definition, form string, data []byte, nowMs, ttlMs float64) (*survey.Response, string) {
	doc, err := jsonlite.Parse(data, jsonlite.Options{})
	if err != nil || doc.Root().Kind() != jsonlite.Object {
		return nil, ""
	}
	root := doc.Root()
	id, _ := root.Get("form")
	saved, _ := root.Get("saved")
	body, _ := root.Get("response")
	if id.Kind() != jsonlite.String || id.Str() != form {
		return nil, NoticeChanged
	}
	savedMs, isNumber := saved.Float()
	if ttlMs > 0 && (saved.Kind() != jsonlite.Number || !isNumber || nowMs-savedMs > ttlMs) {
		return nil, NoticeExpired
	}
	if body.Kind() != jsonlite.String {
		return nil, ""
	}
	r, probs := ReadResponse([]byte(body.Str()))
	if len(probs) > 0 || r.Survey != def.ID {
		return nil, ""
	}
	return r, ""
}

// ReadResponse reads a survey-response document with the decoder
// generated from survey.Response: its shape, not its answers, which the
// caller validates against the survey.
func ReadResponse(data []byte) (*survey.Response, []*problem.Error) {
	doc, err := jsonlite.Parse(data, jsonlite.Options{})
	if err != nil {
		return nil, parseProblems(err)
	}
	return surveyjson.DecodeResponse(doc.Root())
}

// SurveyFor returns the survey an <spf-survey> element shows: the
// definition given inline (its text content) or, when there is none, the
// built-in survey its survey attribute names. When it has no survey to
// show it returns nil and the message to show instead.
func SurveyFor(id, inline string) (*survey.Definition, string) {
	if inline == "" {
		if d, ok := survey.SharedBuiltin(id); ok { // the widget only reads it
			return d, ""
		}
		return nil, "spfkit: there is no built-in survey " + id + "."
	}
	d, probs := ReadDefinition([]byte(inline))
	if len(probs) > 0 {
		return nil, "spfkit: the survey definition is not valid: " + probs[0].Error()
	}
	return d, ""
}

// ReadDefinition reads a survey-definition document (a form given inline
// to <spf-survey>, or by src) and checks what the widget needs to draw
// and judge it: some questions, each with a valid and unique id, a known
// type, a likert scale of 2 to 11 points, or options. It is not
// Definition.Check, whose every rule and message would cost the bundle
// about 6.6 KB with brotli: the service checks in full every definition
// it serves and receives answers to, and spfkit validate checks a file
// before it goes on a page.
func ReadDefinition(data []byte) (*survey.Definition, []*problem.Error) {
	doc, err := jsonlite.Parse(data, jsonlite.Options{})
	if err != nil {
		return nil, parseProblems(err)
	}
	d, probs := surveyjson.DecodeDefinition(doc.Root())
	if len(probs) > 0 {
		return d, probs
	}
	fail := func(at, msg string) []*problem.Error {
		return []*problem.Error{{Pointer: at, Code: survey.CodeDefinitionInvalid, Message: msg, Hint: "check the file with spfkit validate, which lists every problem"}}
	}
	if len(d.Questions) == 0 {
		return d, fail("/questions", "the survey has no questions")
	}
	for i := range d.Questions {
		q := &d.Questions[i]
		at := jsonptr.Join("/questions", i)
		s := q.Scale
		switch {
		case !q.ID.Valid() || d.Question(q.ID) != q:
			return d, fail(at+"/id", "the question's id is missing, used twice, or not lower-case letters, digits and underscores")
		case !q.Type.Valid():
			return d, fail(at+"/type", "the question's type is not likert, single_choice, multiple_choice or free_text")
		case q.Type == survey.Likert && (s == nil || s.Max <= s.Min || s.Points() > 11):
			return d, fail(at+"/scale", "a likert question needs a scale of 2 to 11 points")
		case q.Type.IsChoice() && len(q.Options) == 0:
			return d, fail(at+"/options", "a choice question needs options")
		}
	}
	return d, nil
}

// parseProblems are the problems of a document jsonlite could not read:
// one, or a list of keys given twice. (problem.All, which reads any
// error, would cost the bundle 2.3 KB with brotli.)
func parseProblems(err error) []*problem.Error {
	switch e := err.(type) {
	case *problem.Error:
		return []*problem.Error{e}
	case problem.List:
		return e
	}
	return []*problem.Error{{Code: "syntax", Message: err.Error()}}
}
