package surveyjs

import (
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/survey"
)

// sjsExpr is a visibleIf expression as read: a group (and, or) or a leaf
// testing one question ({name} op values).
type sjsExpr struct {
	and, or []sjsExpr
	not     []sjsExpr // one member: its negation
	name    string
	op      string // =, !=, anyof, allof, noneof, contains, notcontains, empty, notempty, >, >=, <, <=
	values  []string
}

// sjsWordOps are the operators SurveyJS also writes as words, with the
// sign each stands for.
var sjsWordOps = map[string]string{
	"equal": "=", "notequal": "!=", "greater": ">", "less": "<", "greaterorequal": ">=", "lessorequal": "<=",
	"contains": "contains", "contain": "contains", "notcontains": "notcontains", "notcontain": "notcontains",
	"anyof": "anyof", "allof": "allof", "noneof": "noneof", "empty": "empty", "notempty": "notempty",
}

// exprParser reads the part of SurveyJS's expression language a show-if
// condition can hold: tests of one question joined by and (&&) and or
// (||), with brackets; and binds tighter than or, as in SurveyJS.
type exprParser struct {
	s string
	i int
}

// parseSJSExpr reads a visibleIf expression, or says why it cannot.
func parseSJSExpr(s string) (sjsExpr, string) {
	p := exprParser{s: s}
	e, err := p.or()
	if p.skip(); err == "" && p.i < len(p.s) {
		err = "it has more after " + strconv.Quote(strings.TrimSpace(p.s[:p.i]))
	}
	return e, err
}

func (p *exprParser) skip() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

// word reads a keyword (and, or, anyof …) case-insensitively when it is
// next and whole.
func (p *exprParser) word(w string) bool {
	p.skip()
	end := p.i + len(w)
	if end > len(p.s) || !strings.EqualFold(p.s[p.i:end], w) || end < len(p.s) && isWordByte(p.s[end]) {
		return false
	}
	p.i = end
	return true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// sign reads a symbol (&&, ||, (, …) when it is next.
func (p *exprParser) sign(s string) bool {
	p.skip()
	if strings.HasPrefix(p.s[p.i:], s) {
		p.i += len(s)
		return true
	}
	return false
}

func (p *exprParser) or() (sjsExpr, string) {
	var parts []sjsExpr
	for {
		e, err := p.and()
		if err != "" {
			return e, err
		}
		parts = append(parts, e)
		if !p.word("or") && !p.sign("||") {
			break
		}
	}
	if len(parts) == 1 {
		return parts[0], ""
	}
	return sjsExpr{or: parts}, ""
}

func (p *exprParser) and() (sjsExpr, string) {
	var parts []sjsExpr
	for {
		e, err := p.unary()
		if err != "" {
			return e, err
		}
		parts = append(parts, e)
		if !p.word("and") && !p.sign("&&") {
			break
		}
	}
	if len(parts) == 1 {
		return parts[0], ""
	}
	return sjsExpr{and: parts}, ""
}

func (p *exprParser) unary() (sjsExpr, string) {
	switch {
	case p.sign("("):
		e, err := p.or()
		if err != "" {
			return e, err
		}
		if !p.sign(")") {
			return e, "a ( is not closed"
		}
		return e, "" // a bracketed group stays a group of its own, as the export writes one
	case p.word("not"), p.word("negate"), !strings.HasPrefix(p.s[p.i:], "!=") && p.sign("!"):
		e, err := p.unary()
		if err != "" {
			return e, err
		}
		return sjsExpr{not: []sjsExpr{e}}, ""
	}
	return p.leaf()
}

func (p *exprParser) leaf() (sjsExpr, string) {
	var e sjsExpr
	if !p.sign("{") {
		return e, "each test must start with {question}"
	}
	end := strings.IndexByte(p.s[p.i:], '}')
	if end < 0 {
		return e, "a { is not closed"
	}
	e.name = strings.TrimSpace(p.s[p.i : p.i+end])
	p.i += end + 1
	for _, s := range []string{"==", "!=", "<>", ">=", "<=", "=", ">", "<"} {
		if p.sign(s) {
			e.op = map[string]string{"==": "=", "<>": "!="}[s]
			if e.op == "" {
				e.op = s
			}
			break
		}
	}
	if e.op == "" {
		p.skip()
		start := p.i
		for p.i < len(p.s) && isWordByte(p.s[p.i]) {
			p.i++
		}
		e.op = sjsWordOps[strings.ToLower(p.s[start:p.i])]
		if e.op == "" {
			return e, "after {" + e.name + "} comes an operator spfkit does not read (=, !=, >, <, anyof, allof, noneof, contains, notcontains, empty, notempty)"
		}
	}
	switch e.op {
	case "empty", "notempty":
		return e, ""
	case "anyof", "allof", "noneof":
		if p.sign("[") {
			for !p.sign("]") {
				if len(e.values) > 0 && !p.sign(",") {
					return e, "the list's values must be separated by commas and closed by ]"
				}
				v, ok := p.literal()
				if !ok {
					return e, "the list must hold quoted texts or numbers"
				}
				e.values = append(e.values, v)
			}
			if len(e.values) == 0 {
				return e, "the list is empty"
			}
			return e, ""
		}
	}
	v, ok := p.literal()
	if !ok {
		return e, "the value must be one quoted text, a number, true or false"
	}
	e.values = []string{v}
	return e, ""
}

// literal reads a quoted text, a number, true or false.
func (p *exprParser) literal() (string, bool) {
	p.skip()
	for _, w := range []string{"true", "false"} {
		if p.word(w) {
			return w, true
		}
	}
	v, rest, ok := sjsLiteral(p.s[p.i:])
	if ok {
		p.i = len(p.s) - len(rest)
	}
	return v, ok
}

// sjsLiteral reads a quoted text or a number at the start of s.
func sjsLiteral(s string) (value, rest string, ok bool) {
	if s == "" {
		return "", "", false
	}
	if q := s[0]; q == '\'' || q == '"' {
		// survey-core takes a backslash before a quote as the quote itself
		// ('it\'s'); a backslash before anything else stands for itself.
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			switch c := s[i]; {
			case c == '\\' && i+1 < len(s) && (s[i+1] == '\'' || s[i+1] == '"'):
				b.WriteByte(s[i+1])
				i++
			case c == q:
				return b.String(), s[i+1:], true
			default:
				b.WriteByte(c)
			}
		}
		return "", "", false
	}
	i := 0
	for i < len(s) && (s[i] == '-' || s[i] == '.' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == 0 {
		return "", "", false
	}
	if _, err := strconv.ParseFloat(s[:i], 64); err != nil {
		return "", "", false
	}
	return s[:i], s[i:], true
}

// condition turns a parsed expression into spfkit's condition, given the
// questions read so far: = and contains become any_of, != and
// notcontains none_of, allof all_of (on a multiple choice), empty and
// notempty answered, and a comparison (> 3) the points or numeric options
// it admits.
func (im *sjsImporter) condition(e sjsExpr) (*survey.Condition, string) {
	if e.not != nil {
		c, err := im.condition(e.not[0])
		if err != "" {
			return nil, err
		}
		return negate(c), ""
	}
	if e.and != nil || e.or != nil {
		var c survey.Condition
		for _, part := range append(e.and, e.or...) {
			pc, err := im.condition(part)
			if err != "" {
				return nil, err
			}
			if e.and != nil {
				c.All = append(c.All, *pc)
			} else {
				c.Any = append(c.Any, *pc)
			}
		}
		// {q} = 'a' or {q} = 'b' is the simpler any_of ['a', 'b'].
		if len(c.Any) > 1 {
			merged := survey.Condition{Question: c.Any[0].Question}
			for _, part := range c.Any {
				if part.Question != merged.Question || part.AnyOf == nil {
					return &c, ""
				}
				merged.AnyOf = append(merged.AnyOf, part.AnyOf...)
			}
			return &merged, ""
		}
		return &c, ""
	}
	c := &survey.Condition{Question: SurveyID(e.name)}
	src := im.def.Question(c.Question)
	if src == nil {
		return nil, "it tests " + strconv.Quote(e.name) + ", which is not a question before this one"
	}
	yes := true
	switch e.op {
	case "=", "contains", "anyof":
		c.AnyOf = e.values
	case "!=", "notcontains", "noneof":
		c.NoneOf = e.values
	case "allof":
		switch {
		case src.Type == survey.MultipleChoice:
			c.AllOf = e.values
		case len(e.values) == 1:
			c.AnyOf = e.values
		default:
			return nil, "allof with several values never holds for a question with one answer"
		}
	case "notempty":
		c.Answered = &yes
	case "empty":
		c.Answered = new(bool)
	default: // a comparison: the answers that meet it
		limit, err := strconv.ParseFloat(e.values[0], 64)
		if err != nil {
			return nil, "a comparison needs a number"
		}
		var candidates []string
		if src.Scale != nil {
			for _, l := range src.Scale.Labels {
				candidates = append(candidates, strconv.Itoa(l.Value))
			}
		}
		for _, o := range src.Options {
			candidates = append(candidates, o.Value)
		}
		if len(candidates) == 0 {
			return nil, "a comparison can be made of a rating or of choices whose values are numbers"
		}
		for _, v := range candidates {
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return nil, "a comparison can be made of choices only when every value is a number, and " + strconv.Quote(v) + " is not"
			}
			if e.op == ">" && n > limit || e.op == ">=" && n >= limit || e.op == "<" && n < limit || e.op == "<=" && n <= limit {
				c.AnyOf = append(c.AnyOf, v)
			}
		}
		if len(c.AnyOf) == 0 {
			return nil, "no answer " + strconv.Quote(e.name) + " can have is " + e.op + " " + e.values[0] + ", so the question would never be asked"
		}
	}
	if src.Type == survey.FreeText && c.Answered == nil {
		return nil, "spfkit can ask only whether free text was answered ({q} notempty or {q} empty)"
	}
	return c, ""
}

// negate is the condition that holds exactly when c does not, as
// SurveyJS's ! reads: none of the answers for one of them (no answer
// included), answered for not answered, and, by De Morgan, any for all.
// "Not all of a and b chosen" is "a not chosen or b not chosen".
func negate(c *survey.Condition) *survey.Condition {
	n := &survey.Condition{Question: c.Question}
	switch {
	case c.All != nil || c.Any != nil:
		n.Question = ""
		for i := range c.All {
			n.Any = append(n.Any, *negate(&c.All[i]))
		}
		for i := range c.Any {
			n.All = append(n.All, *negate(&c.Any[i]))
		}
	case c.Answered != nil:
		flipped := !*c.Answered
		n.Answered = &flipped
	case c.NoneOf != nil:
		n.AnyOf = c.NoneOf
	case len(c.AllOf) == 1:
		n.NoneOf = c.AllOf
	case c.AllOf != nil:
		n.Question = ""
		for _, v := range c.AllOf {
			n.Any = append(n.Any, survey.Condition{Question: c.Question, NoneOf: []string{v}})
		}
	default:
		n.NoneOf = c.AnyOf
	}
	return n
}

// sjsCondition writes a condition as a SurveyJS expression: a likert
// point is a number, other values are quoted; a nested group is in
// brackets. It reports false when a value holds a backslash, which a
// SurveyJS expression cannot carry.
func sjsCondition(def *survey.Definition, c *survey.Condition) (string, bool) {
	ok := true
	expr := survey.ConditionWords(c, func(c *survey.Condition) string {
		e, leafOK := sjsLeaf(def, c)
		ok = ok && leafOK
		return e
	})
	return expr, ok
}

// sjsLeaf writes a test of one question.
func sjsLeaf(def *survey.Definition, c *survey.Condition) (string, bool) {
	q := def.Question(c.Question)
	numeric := q != nil && q.Type == survey.Likert
	multiple := q != nil && q.Type == survey.MultipleChoice
	ok := true
	lit := func(v string) string {
		if numeric && v != survey.DontKnow {
			if _, err := strconv.Atoi(v); err == nil {
				return v
			}
		}
		// survey-core reads 'it\'s' and 'say \"hi\"', but cannot be given
		// a backslash before a quote as text of its own, nor reads a
		// double-quoted text holding an apostrophe.
		if strings.Contains(v, `\`) {
			ok = false
			return "''"
		}
		return "'" + strings.NewReplacer(`'`, `\'`, `"`, `\"`).Replace(v) + "'"
	}
	list := func(vs []string) string {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = lit(v)
		}
		return "[" + strings.Join(out, ", ") + "]"
	}
	name := "{" + string(c.Question) + "}"
	switch {
	case c.Answered != nil && *c.Answered:
		return name + " notempty", ok
	case c.Answered != nil:
		return name + " empty", ok
	case c.AllOf != nil:
		return name + " allof " + list(c.AllOf), ok
	case c.NoneOf != nil && len(c.NoneOf) == 1 && !multiple:
		return name + " != " + lit(c.NoneOf[0]), ok
	case c.NoneOf != nil:
		return name + " noneof " + list(c.NoneOf), ok
	case len(c.AnyOf) == 1 && !multiple:
		return name + " = " + lit(c.AnyOf[0]), ok
	}
	return name + " anyof " + list(c.AnyOf), ok
}
