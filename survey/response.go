package survey

// Response is one respondent's answers, keyed by question id. It carries no
// respondent id and no timestamp: responses are anonymous, and nothing in a
// report can be traced back to one.
//
// On the wire a likert answer is a whole number or "dont_know", a single
// choice is the option's value, a multiple choice is an array of values
// and free text is a string; null is the same as no answer. The "please
// specify" text of an Other option goes in Other under the question's id,
// so an answer keeps one simple shape.
type Response struct {
	// The URL of the survey-response schema, so tools can tell what the document is.
	Schema string `json:"$schema,omitempty"`
	// The id of the survey the response answers.
	Survey string `json:"survey" jsonschema:"minLength=1"`
	// The version of the survey definition; when set it must match.
	Version string `json:"version,omitempty"`
	// The answers, keyed by question id.
	Answers map[QuestionID]Answer `json:"answers"`
	// The "please specify" text for each question answered with its Other option.
	Other map[QuestionID]string `json:"other,omitempty"`
}

// Clone returns a deep copy of r.
func (r *Response) Clone() *Response {
	c := &Response{Survey: r.Survey, Version: r.Version}
	if r.Answers != nil {
		c.Answers = make(map[QuestionID]Answer, len(r.Answers))
		for k, v := range r.Answers {
			if v.list != nil {
				v.list = append([]string{}, v.list...)
			}
			c.Answers[k] = v
		}
	}
	if r.Other != nil {
		c.Other = make(map[QuestionID]string, len(r.Other))
		for k, v := range r.Other {
			c.Other[k] = v
		}
	}
	return c
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
