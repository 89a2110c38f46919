package survey

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
)

// TextFormat is what an answer to a free-text question must be, beyond
// its length.
type TextFormat string

// The text formats. An empty format takes any text.
const (
	// An email address, judged as SurveyJS's email validator judges one.
	EmailFormat TextFormat = "email"
	// A number, such as 42, -3 or 2.5, written as text ("42") in a response.
	NumberFormat TextFormat = "number"
	// A day, written YYYY-MM-DD ("2026-03-27"), as a date input gives it.
	DateFormat TextFormat = "date"
)

// Valid reports whether f is EmailFormat, NumberFormat or DateFormat.
func (f TextFormat) Valid() bool { return f == EmailFormat || f == NumberFormat || f == DateFormat }

// MarshalText implements encoding.TextMarshaler.
func (f TextFormat) MarshalText() ([]byte, error) { return []byte(f), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown formats.
func (f *TextFormat) UnmarshalText(b []byte) error {
	v := TextFormat(b)
	if !v.Valid() {
		return &enumError{name: "text format", value: string(b), values: "email, number, date"}
	}
	*f = v
	return nil
}

// Enum lists the wire values; the schema generator reads it.
func (TextFormat) Enum() []string {
	return []string{string(EmailFormat), string(NumberFormat), string(DateFormat)}
}

// MatchPattern reports whether text contains a match for a free-text
// question's Pattern. Outside the browser it is Go's regexp package (see
// pattern.go); the WebAssembly widget sets it to JavaScript's RegExp,
// which reads the patterns a definition may hold (Definition.Check
// refuses the rest) the same way, and leaves it nil only where no
// browser is at hand, when patterns go unchecked there and the service
// checks them on receipt.
var MatchPattern func(pattern, text string) bool

// checkText applies a free-text question's format, number range, fewest
// characters and pattern to a non-empty answer.
func checkText(q *Question, text string, add func(path, code, msg, hint string)) {
	at := answerPath(q.ID)
	switch q.Format {
	case EmailFormat:
		if !IsEmail(strings.TrimSpace(text)) {
			add(at, CodeFormat, "enter an email address in the correct format, like name@example.nhs.uk, for "+q.shortName(), "")
			return
		}
	case DateFormat:
		if _, err := date.ParseDay(strings.TrimSpace(text)); err != nil {
			add(at, CodeFormat, "enter a real date, as YYYY-MM-DD, for "+q.shortName(), "such as 2026-03-27")
			return
		}
	case NumberFormat:
		n, ok := ParseNumber(text)
		if !ok {
			add(at, CodeFormat, "enter a number for "+q.shortName(), "use digits, such as 42 or 2.5")
			return
		}
		if q.Min != nil && n < *q.Min || q.Max != nil && n > *q.Max {
			add(at, CodeOutOfRange, "the answer to "+q.shortName()+" must be "+numberRange(q.Min, q.Max), "")
			return
		}
	}
	if n := utf8.RuneCountInString(text); n < q.MinLength {
		add(at, CodeFormat, "your answer to "+q.shortName()+" must be "+strconv.Itoa(q.MinLength)+" characters or more (it has "+strconv.Itoa(n)+")", "")
		return
	}
	if q.Pattern != "" && MatchPattern != nil && !MatchPattern(q.Pattern, text) {
		msg := q.PatternMessage
		if msg == "" {
			msg = "your answer to " + q.shortName() + " is not in the form the survey asks for"
		}
		add(at, CodeFormat, msg, "")
	}
}

// numberRange says which numbers a range allows.
func numberRange(lo, hi *float64) string {
	switch {
	case lo != nil && hi != nil:
		return "from " + formatNumber(*lo) + " to " + formatNumber(*hi)
	case lo != nil:
		return formatNumber(*lo) + " or more"
	case hi != nil:
		return formatNumber(*hi) + " or less"
	}
	return "a number"
}

// formatNumber writes a range's bound with up to six decimals. It is not
// strconv.FormatFloat, which would add about 2.8 KB of brotli to the
// widget for the bounds of a message.
func formatNumber(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	micro := int64(math.Round(v * 1e6))
	s := strconv.FormatInt(micro/1e6, 10)
	if frac := micro % 1e6; frac != 0 {
		f := strconv.FormatInt(1e6+frac, 10)[1:]
		s += "." + strings.TrimRight(f, "0")
	}
	if neg && micro != 0 {
		s = "-" + s
	}
	return s
}

// ParseNumber reads a number-format answer: optional spaces around an
// optional sign, digits with at most one decimal point, and an optional
// exponent ("42", "-3", "+2.5", ".5", "5.", "1e3"), as SurveyJS's number
// input takes it. Hexadecimal, infinities and digit separators are not
// numbers here. It is jsonlite.ParseNumber underneath, not
// strconv.ParseFloat, which would add about 11 KB of brotli to the widget.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, point := 0, false
	for ; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			digits++
		} else if c == '.' && !point {
			point = true
		} else {
			break
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	return jsonlite.ParseNumber(strings.TrimPrefix(s, "+"))
}

// IsEmail reports whether s is an email address by the rule SurveyJS's
// email validator applies (survey-core 2.5.38): a local part of dot-joined
// runs of characters other than <>()[].,;:@" and spaces (or anything in
// double quotes), an @, then two or more dot-joined labels of characters
// other than those and =, the last at least two characters long.
func IsEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if !(len(local) >= 3 && local[0] == '"' && local[len(local)-1] == '"' && !strings.Contains(local[1:len(local)-1], "\n")) {
		for _, part := range strings.Split(local, ".") {
			if !emailRun(part, false) {
				return false
			}
		}
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 || utf8.RuneCountInString(labels[len(labels)-1]) < 2 {
		return false
	}
	for _, l := range labels {
		if !emailRun(l, true) {
			return false
		}
	}
	return true
}

// emailRun reports whether s is one or more characters that may stand
// between the dots of an address.
func emailRun(s string, domain bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\ufeff' || strings.ContainsRune(`<>()[].,;:@"`, r) || domain && r == '=' {
			return false
		}
	}
	return true
}

// checkTextRules reports a free-text question's format, range, length and
// pattern rules that cannot hold, and those set on another type.
func (d *Definition) checkTextRules(q *Question, at string, add func(path, code, msg, hint string)) {
	notFor := func(name, what string) {
		add(at+"/"+name, CodeNotApplicable, name+" applies only to "+what, "remove it")
	}
	if q.Type != FreeText {
		set := [...]bool{q.MinLength != 0, q.Format != "", q.Min != nil, q.Max != nil, q.Pattern != "", q.PatternMessage != ""}
		for i, name := range [...]string{"min_length", "format", "min", "max", "pattern", "pattern_message"} {
			if set[i] {
				notFor(name, "a free-text question")
			}
		}
		return
	}
	if q.Format != "" && !q.Format.Valid() {
		add(at+"/format", CodeDefinitionInvalid, "unknown text format "+problem.Quote(string(q.Format)), "use email, number or date")
	}
	if q.Format != NumberFormat {
		if q.Min != nil {
			notFor("min", "a number question (format number)")
		}
		if q.Max != nil {
			notFor("max", "a number question (format number)")
		}
	} else if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
		add(at+"/min", CodeDefinitionInvalid, "min is above max, so no number is accepted", "make min at most max")
	}
	if q.MinLength < 0 || q.MaxLength > 0 && q.MinLength > q.MaxLength {
		add(at+"/min_length", CodeDefinitionInvalid, "min_length must be from 1 to max_length", "")
	}
	if q.PatternMessage != "" && q.Pattern == "" {
		notFor("pattern_message", "a question with a pattern")
	}
	if q.Pattern != "" {
		if msg := patternProblem(q.Pattern); msg != "" {
			add(at+"/pattern", CodeDefinitionInvalid, "the pattern "+problem.Quote(q.Pattern)+" cannot be used: "+msg, "write it in the syntax Go's regexp and JavaScript's RegExp share")
		}
	}
}

// TextFits reports whether text, a non-empty answer to free-text question
// q, passes q's rules (its longest and fewest characters, format, number
// range and pattern) as Validator judges them. A reader with a faster way
// through the usual answers (spfkit score's) asks it instead of building a
// Response.
func (q *Question) TextFits(text string) bool {
	if q.MaxLength > 0 && utf8.RuneCountInString(text) > q.MaxLength {
		return false
	}
	ok := true
	checkText(q, text, func(string, string, string, string) { ok = false })
	return ok
}
