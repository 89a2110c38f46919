package survey

import (
	"github.com/spfkit/spfkit/internal/surveycore"
	"github.com/spfkit/spfkit/problem"
)

// The definition, response and validation types live in internal/surveycore,
// which the WebAssembly widget compiles without this package's reports,
// scoring and file readers. They are the same types; their documentation
// is there.
type (
	// Definition is a survey: an id, a version and its questions.
	Definition = surveycore.Definition
	// Question is one question of a survey.
	Question = surveycore.Question
	// QuestionID names a question within a definition.
	QuestionID = surveycore.QuestionID
	// QuestionType is the kind of answer a question takes.
	QuestionType = surveycore.QuestionType
	// Scale is the labelled scale of a likert question.
	Scale = surveycore.Scale
	// ScaleLabel names one point of a scale.
	ScaleLabel = surveycore.ScaleLabel
	// Option is one choice of a choice question.
	Option = surveycore.Option
	// Condition is a show-if rule on an earlier answer.
	Condition = surveycore.Condition
	// Source names the document a definition's wording was taken from.
	Source = surveycore.Source
	// Response is one respondent's answers, keyed by question id.
	Response = surveycore.Response
	// Answer is the answer to one question.
	Answer = surveycore.Answer
	// AnswerKind is the JSON shape of an answer.
	AnswerKind = surveycore.AnswerKind
	// Validator checks responses against a definition.
	Validator = surveycore.Validator
	// DecodeError says where a document failed to decode.
	DecodeError = surveycore.DecodeError
)

// The question types.
const (
	Likert         = surveycore.Likert
	SingleChoice   = surveycore.SingleChoice
	MultipleChoice = surveycore.MultipleChoice
	FreeText       = surveycore.FreeText
)

// QuestionTypes lists every valid QuestionType.
var QuestionTypes = surveycore.QuestionTypes

// The answer kinds.
const (
	NoAnswer      = surveycore.NoAnswer
	NumberAnswer  = surveycore.NumberAnswer
	TextAnswer    = surveycore.TextAnswer
	ListAnswer    = surveycore.ListAnswer
	InvalidAnswer = surveycore.InvalidAnswer
)

// DontKnow is the answer a likert question records for "don't know";
// DefaultOtherMaxLength is the longest "please specify" text by default.
const (
	DontKnow              = surveycore.DontKnow
	DefaultOtherMaxLength = surveycore.DefaultOtherMaxLength
)

// The $id of the schemas of the documents this package reads and writes.
const (
	DefinitionSchemaURL = surveycore.DefinitionSchemaURL
	ResponseSchemaURL   = surveycore.ResponseSchemaURL
	ReportSchemaURL     = surveycore.ReportSchemaURL
	ComparisonSchemaURL = surveycore.ComparisonSchemaURL
)

// The ids of the built-in definitions.
const (
	HeatCheck2022Members     = surveycore.HeatCheck2022Members
	HeatCheck2022PolicyLeads = surveycore.HeatCheck2022PolicyLeads
)

// The codes of definition problems.
const (
	CodeDefinitionMissing   = surveycore.CodeDefinitionMissing
	CodeDefinitionInvalid   = surveycore.CodeDefinitionInvalid
	CodeDuplicateID         = surveycore.CodeDuplicateID
	CodeBadCondition        = surveycore.CodeBadCondition
	CodeScaleLabels         = surveycore.CodeScaleLabels
	CodeOtherOptions        = surveycore.CodeOtherOptions
	CodeNotApplicable       = surveycore.CodeNotApplicable
	CodeDefinitionMaxLength = surveycore.CodeDefinitionMaxLength
)

// The codes of response problems; tools and the widget match on them.
const (
	CodeWrongSurvey      = surveycore.CodeWrongSurvey
	CodeWrongVersion     = surveycore.CodeWrongVersion
	CodeUnknownQuestion  = surveycore.CodeUnknownQuestion
	CodeRequired         = surveycore.CodeRequired
	CodeWrongType        = surveycore.CodeWrongType
	CodeOutOfRange       = surveycore.CodeOutOfRange
	CodeDuplicateChoice  = surveycore.CodeDuplicateChoice
	CodeOtherWithoutText = surveycore.CodeOtherWithoutText
	CodeTextWithoutOther = surveycore.CodeTextWithoutOther
	CodeConditionFalse   = surveycore.CodeConditionFalse
	CodeTooLong          = surveycore.CodeTooLong
	CodeDuplicateKey     = surveycore.CodeDuplicateKey
	CodeUnknownField     = surveycore.CodeUnknownField
	CodeMissingField     = surveycore.CodeMissingField
	CodeMissingColumn    = surveycore.CodeMissingColumn
)

// Number returns a numeric answer (a likert point).
func Number(v float64) Answer { return surveycore.Number(v) }

// Text returns a text answer: free text, a single choice's value or
// "dont_know".
func Text(s string) Answer { return surveycore.Text(s) }

// Choices returns a multiple-choice answer.
func Choices(values ...string) Answer { return surveycore.Choices(values...) }

// DecodeResponse decodes one survey-response document; see
// surveycore.DecodeResponse.
func DecodeResponse(data []byte) (*Response, []*problem.Error, error) {
	return surveycore.DecodeResponse(data)
}

// DecodeResponseInto decodes into an existing Response, reusing its maps.
func DecodeResponseInto(data []byte, r *Response) ([]*problem.Error, error) {
	return surveycore.DecodeResponseInto(data, r)
}

// ParseDefinition decodes and checks a survey-definition document.
func ParseDefinition(data []byte) (*Definition, error) { return surveycore.ParseDefinition(data) }

// DecodeDefinition is ParseDefinition with the problems as a slice.
func DecodeDefinition(data []byte) (*Definition, []*problem.Error, error) {
	return surveycore.DecodeDefinition(data)
}

// Validate checks r against def with the zero Validator.
func Validate(def *Definition, r *Response) error { return surveycore.Validate(def, r) }

// QuestionOf returns the question a response problem is about.
func QuestionOf(e *problem.Error) QuestionID { return surveycore.QuestionOf(e) }

// ByQuestion groups response problems by question id.
func ByQuestion(errs []*problem.Error) map[QuestionID][]*problem.Error {
	return surveycore.ByQuestion(errs)
}

// InputID is the HTML id of the widget input a problem links to.
func InputID(e *problem.Error) string { return surveycore.InputID(e) }

// BuiltinIDs lists the built-in definitions.
func BuiltinIDs() []string { return surveycore.BuiltinIDs() }

// BuiltinJSON returns a built-in definition's document.
func BuiltinJSON(id string) ([]byte, bool) { return surveycore.BuiltinJSON(id) }

// Builtin returns a fresh copy of a built-in definition.
func Builtin(id string) (*Definition, bool) { return surveycore.Builtin(id) }

// MustBuiltin is Builtin for ids known to exist; it panics on an unknown id.
func MustBuiltin(id string) *Definition { return surveycore.MustBuiltin(id) }
