package survey

import (
	"strings"

	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
)

// The codes response validation uses. They are stable: tools and the
// widget match on them.
const (
	CodeWrongSurvey      = "wrong_survey"       // the response names another survey
	CodeWrongVersion     = "wrong_version"      // the response names another version of the definition
	CodeUnknownQuestion  = "unknown_question"   // an answer to a question the survey does not have
	CodeRequired         = "required"           // a required question that is shown has no answer
	CodeWrongType        = "wrong_type"         // the answer has the wrong JSON shape for its question
	CodeOutOfRange       = "out_of_range"       // a point off the scale or a value that is not an option
	CodeDuplicateChoice  = "duplicate_choice"   // a multiple-choice answer lists an option twice
	CodeOtherWithoutText = "other_without_text" // Other is chosen but its specify text is empty
	CodeTextWithoutOther = "text_without_other" // specify text is given but Other is not chosen
	CodeConditionFalse   = "condition_false"    // an answer to a question its show-if condition hides
	CodeTooLong          = "too_long"           // text over the question's maximum length
	CodeFormat           = "format"             // free text not in its question's format, too short or not matching its pattern
	CodeDuplicateKey     = "duplicate_key"      // a field or answer appears twice in the document
	CodeUnknownField     = "unknown_field"      // a top-level field a response does not have
	CodeMissingField     = "missing_field"      // a required top-level field is absent
	CodeMissingColumn    = "missing_column"     // a CSV export has no column for a question
)

// QuestionOf returns the question a response problem is about: the id in
// a path "/answers/ID" or "/other/ID" (and anything below it), or "" for
// a problem with the whole response.
func QuestionOf(e *problem.Error) QuestionID {
	tokens := jsonptr.Split(e.Pointer)
	if len(tokens) >= 2 && (tokens[0] == "answers" || tokens[0] == "other") {
		return QuestionID(tokens[1])
	}
	return ""
}

// ByQuestion groups response problems by question id; problems with the
// whole response are under "".
func ByQuestion(errs []*problem.Error) map[QuestionID][]*problem.Error {
	m := map[QuestionID][]*problem.Error{}
	for _, e := range errs {
		q := QuestionOf(e)
		m[q] = append(m[q], e)
	}
	return m
}

// InputID is the HTML id of the first input of a question in the widget's
// markup, which an error summary links to: "spf-" and the question id, with
// "-other" for a problem with the specify text.
func InputID(e *problem.Error) string {
	q := QuestionOf(e)
	if q == "" {
		return ""
	}
	if strings.HasPrefix(e.Pointer, "/other/") {
		return "spf-" + string(q) + "-other"
	}
	return "spf-" + string(q)
}
