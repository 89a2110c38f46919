package score

import (
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// CSV input. A spreadsheet export has one row per response and one column
// per question, headed by the question id; a column headed "ID.other"
// holds the specify text of question ID's Other option. Columns "survey"
// and "version" are optional (every row is taken to answer the definition
// being scored). Cells are read by the question's type:
//
//   - likert: a whole number, or "dont_know"; an empty cell is no answer;
//   - single choice: an option's value or, as forms tools export, its
//     exact label;
//   - multiple choice: values (or labels) separated by ";";
//   - free text: the text as it is.
//
// A header naming no question is reported once, and a row with a value
// in that column is rejected as answering an unknown question; a question
// with no column is reported once, and every row counts as not answering
// it; a row with more or fewer cells than the header is rejected whole.

// csvColumn is what one CSV column holds.
type csvColumn struct {
	name  string
	q     *survey.Question
	other bool // the specify text of q
	meta  string
}

// csvHeader maps a header row to columns, reporting unknown or repeated
// headers.
func csvHeader(def *survey.Definition, header []string) ([]csvColumn, []*problem.Error) {
	cols := make([]csvColumn, len(header))
	var probs []*problem.Error
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff") // Excel's "CSV UTF-8" starts with a byte order mark
		}
		cols[i].name = h
		at := "/" + strconv.Itoa(i)
		if seen[h] {
			probs = append(probs, &problem.Error{Pointer: at, Code: survey.CodeDuplicateKey, Message: "column " + strconv.Quote(h) + " appears twice", Hint: "keep one column per question"})
		}
		seen[h] = true
		switch {
		case h == "survey" || h == "version":
			cols[i].meta = h
		case strings.HasSuffix(h, ".other"):
			cols[i].q = def.Question(survey.QuestionID(strings.TrimSuffix(h, ".other")))
			cols[i].other = true
		default:
			cols[i].q = def.Question(survey.QuestionID(h))
		}
		if cols[i].q == nil && cols[i].meta == "" {
			probs = append(probs, &problem.Error{Pointer: at, Code: survey.CodeUnknownQuestion, Message: "column " + strconv.Quote(h) + " is not a question of survey " + strconv.Quote(def.ID), Hint: "head each column with a question id (see spfkit survey show " + def.ID + "); rows with a value here are rejected"})
		}
	}
	var missing []string
	for _, q := range def.Questions {
		if !seen[string(q.ID)] {
			missing = append(missing, string(q.ID))
		}
	}
	if len(missing) > 0 {
		probs = append(probs, &problem.Error{Pointer: "", Code: survey.CodeMissingColumn, Message: "no column for " + strings.Join(missing, ", ") + ": every row counts as not answering them", Hint: "add the columns if the export left them out"})
	}
	return cols, probs
}

// csvResponse builds a response from one row. Values in unknown columns
// become answers to unknown questions, so validation rejects the row.
func csvResponse(def *survey.Definition, cols []csvColumn, row []string, r *survey.Response) {
	if r.Answers == nil {
		r.Answers = make(map[survey.QuestionID]survey.Answer, len(def.Questions))
	} else {
		clear(r.Answers)
	}
	clear(r.Other)
	r.Survey, r.Version = def.ID, ""
	for i, cell := range row {
		c := &cols[i]
		v := strings.TrimSpace(cell)
		switch {
		case c.meta == "survey":
			if v != "" {
				r.Survey = v
			}
			continue
		case c.meta == "version":
			r.Version = v
			continue
		case v == "":
			continue
		case c.q == nil:
			r.Answers[survey.QuestionID(c.name)] = survey.Text(v)
			continue
		case c.other:
			if r.Other == nil {
				r.Other = make(map[survey.QuestionID]string, 1)
			}
			r.Other[c.q.ID] = v
			continue
		}
		q := c.q
		switch q.Type {
		case survey.Likert:
			if n, err := strconv.Atoi(v); err == nil {
				r.Answers[q.ID] = survey.Number(float64(n))
			} else {
				r.Answers[q.ID] = survey.Text(v)
			}
		case survey.SingleChoice:
			r.Answers[q.ID] = survey.Text(optionValue(q, v))
		case survey.MultipleChoice:
			parts := strings.Split(v, ";")
			list := make([]string, 0, len(parts))
			for _, p := range parts {
				if p = strings.TrimSpace(p); p != "" {
					list = append(list, optionValue(q, p))
				}
			}
			r.Answers[q.ID] = survey.Choices(list...)
		case survey.FreeText:
			r.Answers[q.ID] = survey.Text(cell)
		}
	}
}

// optionValue maps an option's label to its value; anything else is kept
// as it is for validation to judge.
func optionValue(q *survey.Question, v string) string {
	if q.Option(v) != nil {
		return v
	}
	for _, o := range q.Options {
		if o.Label == v {
			return o.Value
		}
	}
	return v
}
