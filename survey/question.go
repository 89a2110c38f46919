package survey

import (
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
)

// QuestionID names a question within a definition. It is lower-case
// letters, digits and underscores, starting with a letter, so it is a safe
// CSV header, JSON key and HTML id part.
type QuestionID string

// Valid reports whether id has the allowed form.
func (id QuestionID) Valid() bool {
	if id == "" || len(id) > 64 || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// QuestionType is the kind of answer a question takes.
type QuestionType string

// The question types.
const (
	Likert         QuestionType = "likert"          // one point of a labelled scale, or "don't know"
	SingleChoice   QuestionType = "single_choice"   // one option, possibly "Other – please specify"
	MultipleChoice QuestionType = "multiple_choice" // any number of options
	FreeText       QuestionType = "free_text"       // text up to a maximum length
)

// QuestionTypes lists every valid QuestionType.
var QuestionTypes = []QuestionType{Likert, SingleChoice, MultipleChoice, FreeText}

// Valid reports whether t is one of QuestionTypes.
func (t QuestionType) Valid() bool {
	for _, v := range QuestionTypes {
		if t == v {
			return true
		}
	}
	return false
}

// IsChoice reports whether answers to t are option values, so the question
// can split a breakdown.
func (t QuestionType) IsChoice() bool { return t == SingleChoice || t == MultipleChoice }

// MarshalText implements encoding.TextMarshaler.
func (t QuestionType) MarshalText() ([]byte, error) { return []byte(t), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown types.
func (t *QuestionType) UnmarshalText(b []byte) error {
	v := QuestionType(b)
	if !v.Valid() {
		return &enumError{name: "question type", value: string(b), values: "likert, single_choice, multiple_choice, free_text"}
	}
	*t = v
	return nil
}

// Enum lists the wire values; the schema generator reads it.
func (QuestionType) Enum() []string {
	return []string{string(Likert), string(SingleChoice), string(MultipleChoice), string(FreeText)}
}

type enumError struct{ name, value, values string }

func (e *enumError) Error() string {
	return "survey: unknown " + e.name + " " + problem.Quote(e.value) + " (use one of " + e.values + ")"
}

// Question is one question of a survey.
type Question struct {
	// The question's identifier, unique in the survey: lower-case letters, digits and underscores.
	ID QuestionID `json:"id"`
	// The kind of answer the question takes: likert, single_choice, multiple_choice or free_text.
	Type QuestionType `json:"type"`
	// A heading shown before the question, starting a section of the form, such as "About you" (a SurveyJS page or panel title).
	Section string `json:"section,omitempty"`
	// Plain text shown before the question, after any section heading, such as guidance for what follows; a blank line starts a new paragraph.
	Intro string `json:"intro,omitempty"`
	// The question or statement as respondents read it.
	Text string `json:"text" jsonschema:"minLength=1"`
	// Guidance shown under the question, such as "Give a score from 1 to 5.".
	Help string `json:"help,omitempty"`
	// Whether a complete response must answer the question (when it is shown).
	Required bool `json:"required,omitempty"`
	// Whether answers are personal data (a name, say): they are never published, whatever the threshold.
	PersonalData bool `json:"personal_data,omitempty"`
	// The scale of a likert question.
	Scale *Scale `json:"scale,omitempty"`
	// Whether agreement is negative for a likert question, so its 0–10 score is reversed.
	Reverse bool `json:"reverse,omitempty"`
	// The options of a choice question, in display order; at most one may be the "Other – please specify" option.
	Options []Option `json:"options,omitempty"`
	// The fewest options a multiple-choice answer may choose, when it is answered.
	MinChoices int `json:"min_choices,omitempty" jsonschema:"minimum=1"`
	// The most options a multiple-choice answer may choose.
	MaxChoices int `json:"max_choices,omitempty" jsonschema:"minimum=1"`
	// The longest answer, in characters, to a free-text question, or to the specify text of an Other option (200 when unset).
	MaxLength int `json:"max_length,omitempty" jsonschema:"minimum=1"`
	// The fewest characters in an answer to a free-text question, when it is answered.
	MinLength int `json:"min_length,omitempty" jsonschema:"minimum=1"`
	// What an answer to a free-text question must be: an email address, a number (recorded as text, such as "42"), or a date (YYYY-MM-DD).
	Format TextFormat `json:"format,omitempty"`
	// The smallest number a number question (format number) accepts.
	Min *float64 `json:"min,omitempty"`
	// The largest number a number question (format number) accepts.
	Max *float64 `json:"max,omitempty"`
	// A regular expression an answer to a free-text question must contain a match for, in the syntax Go's regexp and JavaScript's RegExp share; anchor it with ^ and $ to match the whole answer.
	Pattern string `json:"pattern,omitempty" jsonschema:"minLength=1"`
	// What respondents are told when an answer does not match the pattern, such as "Enter your 6-digit staff number".
	PatternMessage string `json:"pattern_message,omitempty"`
	// A condition on an earlier answer; the question is shown, and may be answered, only when it holds.
	ShowIf *Condition `json:"show_if,omitempty"`
}

// DefaultOtherMaxLength is the longest "please specify" text when a choice
// question does not set MaxLength.
const DefaultOtherMaxLength = 200

// OtherMaxLength is the longest specify text q accepts.
func (q *Question) OtherMaxLength() int {
	if q.MaxLength > 0 {
		return q.MaxLength
	}
	return DefaultOtherMaxLength
}

// OtherOption returns the "Other – please specify" option of a choice
// question, or nil.
func (q *Question) OtherOption() *Option {
	for i := range q.Options {
		if q.Options[i].Other {
			return &q.Options[i]
		}
	}
	return nil
}

// Option returns the option with the given value, or nil.
func (q *Question) Option(value string) *Option {
	for i := range q.Options {
		if q.Options[i].Value == value {
			return &q.Options[i]
		}
	}
	return nil
}

// AnswerLabel is an answer value as respondents read it: an option's
// label, a likert point as "4 – Agree", the "don't know" label, or the
// value itself when q has no such answer.
func (q *Question) AnswerLabel(value string) string {
	if o := q.Option(value); o != nil {
		return o.Label
	}
	if q.Scale != nil {
		if value == DontKnow {
			return q.Scale.DontKnow
		}
		if v, ok := jsonlite.Atoi(value); ok {
			return value + " – " + q.Scale.Label(v)
		}
	}
	return value
}

// OptionIndex is the position of value among q's options, or -1.
func (q *Question) OptionIndex(value string) int {
	for i := range q.Options {
		if q.Options[i].Value == value {
			return i
		}
	}
	return -1
}

// Option is one choice of a choice question.
type Option struct {
	// The value recorded in a response, unique in the question.
	Value string `json:"value" jsonschema:"minLength=1"`
	// The option as respondents read it.
	Label string `json:"label" jsonschema:"minLength=1"`
	// Whether this is the "Other – please specify" option, whose specify text is required exactly when it is chosen.
	Other bool `json:"other,omitempty"`
	// A condition on an earlier answer; the option is offered, and may be chosen, only when it holds.
	ShowIf *Condition `json:"show_if,omitempty"`
}

// Condition is a show-if rule. A leaf names an earlier question and
// tests its answer one way: AnyOf (the answer is one of these; for a
// multiple-choice answer, any chosen option is), AllOf (a multiple-choice
// answer chose every one of these), NoneOf (the answer is none of these,
// or there is none) or Answered (the question was answered, or was not).
// A group holds leaves or groups: All (every one holds) or Any (at least
// one does). Values are option values, or for a likert question scale
// points written as numbers ("1", "2") or "dont_know".
//
// A question that is not asked has no answer, so a leaf on it sees none:
// AnyOf, AllOf and Answered true do not hold, NoneOf and Answered false
// do.
type Condition struct {
	// The earlier question whose answer decides (a leaf).
	Question QuestionID `json:"question,omitempty"`
	// The answers that show the question.
	AnyOf []string `json:"any_of,omitempty"`
	// The options a multiple-choice answer must all have chosen.
	AllOf []string `json:"all_of,omitempty"`
	// The answers that hide the question; no answer shows it.
	NoneOf []string `json:"none_of,omitempty"`
	// Whether the question is shown when the earlier question was answered (true) or was not (false).
	Answered *bool `json:"answered,omitempty"`
	// Conditions that must all hold (a group).
	All []Condition `json:"all,omitempty"`
	// Conditions of which at least one must hold (a group).
	Any []Condition `json:"any,omitempty"`
}

// ConditionWords words a condition, for people or for another tool's
// expressions: leaf gives the words for a test of one question; a group's
// parts are joined by " and " (All) or " or " (Any), a nested group in
// brackets. It is a function, not a method, as the widget's linker keeps
// every exported method of a type it uses (this one would cost its bundle
// about 770 bytes with brotli).
func ConditionWords(c *Condition, leaf func(*Condition) string) string {
	return GroupWords(c, func(c *Condition) ([]Condition, []Condition) { return c.All, c.Any }, leaf)
}

// GroupWords is ConditionWords for any type shaped like a condition, such
// as the condition a report carries: parts gives a value's All and Any
// (both nil for a leaf).
func GroupWords[T any](c *T, parts func(*T) (all, any []T), leaf func(*T) string) string {
	all, anyOf := parts(c)
	list, join := all, " and "
	if anyOf != nil {
		list, join = anyOf, " or "
	}
	if list == nil {
		return leaf(c)
	}
	words := ""
	for i := range list {
		if i > 0 {
			words += join
		}
		w := GroupWords(&list[i], parts, leaf)
		if a, o := parts(&list[i]); a != nil || o != nil {
			w = "(" + w + ")"
		}
		words += w
	}
	return words
}
