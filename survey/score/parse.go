package score

import (
	"encoding/json"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/schema"
)

// ParseReport reads a survey-report document, such as last year's
// published report, for CompareReports. Its JSON is checked against the
// survey-report schema first, so every problem is located by line,
// column and JSON Pointer.
func ParseReport(data []byte) (*Report, error) {
	r := (&check.Checker{Kind: schema.SurveyReport}).Check(data)
	if !r.Valid() {
		return nil, r.Err()
	}
	var rep Report
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, err
	}
	return &rep, nil
}
