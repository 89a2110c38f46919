package hrod

import "github.com/spfkit/spfkit/date"

// Readiness places one plan on the innovation adoption curve.
type Readiness struct {
	// The plan's organisation.
	Organization string `json:"organization"`
	// The plan's completed percentage.
	CompletedPct float64 `json:"completed_pct"`
	// The plan's percentile among the plans compared, from 0 (furthest ahead) to 100.
	Percentile float64 `json:"percentile"`
	// The adoption-curve segment: innovators, early-adopters, early-majority, late-majority or laggards.
	Segment string `json:"segment" jsonschema:"enum=innovators,enum=early-adopters,enum=early-majority,enum=late-majority,enum=laggards"`
}

// Segment boundaries on the percentile (0 is furthest ahead), from Rogers'
// shares: innovators the first 2.5%, early adopters the next 13.5%, early
// and late majorities 34% each, laggards the last 16%.
var segmentBounds = []struct {
	upTo    float64
	segment string
}{
	{2.5, "innovators"}, {16, "early-adopters"}, {50, "early-majority"}, {84, "late-majority"}, {100, "laggards"},
}

// ReadinessSegments ranks plans by completed percentage and places each on
// the adoption curve. A plan's percentile is the midpoint of the share of
// plans ranked ahead of it and the share ranked with it: with n plans and
// k strictly ahead and t tied (itself included), 100·(k + t/2)/n. Tied
// plans share a segment. The result keeps the order of progress given.
func ReadinessSegments(progress []Progress) []Readiness {
	n := len(progress)
	out := make([]Readiness, n)
	pcts := make([]float64, n)
	for i, p := range progress {
		pcts[i] = p.Overall.CompletedPct
	}
	for i, p := range progress {
		ahead, tied := 0, 0
		for _, q := range pcts {
			switch {
			case q > pcts[i]:
				ahead++
			case q == pcts[i]:
				tied++
			}
		}
		pc := 100 * (float64(ahead) + float64(tied)/2) / float64(n)
		seg := segmentBounds[len(segmentBounds)-1].segment
		for _, b := range segmentBounds {
			if pc < b.upTo {
				seg = b.segment
				break
			}
		}
		out[i] = Readiness{Organization: p.Organization, CompletedPct: pcts[i], Percentile: pc, Segment: seg}
	}
	return out
}

// StatusReport is the document `spfkit plan status` writes (schema kind
// plan-status): each plan's progress on a day and, across the plans, their
// readiness segments.
type StatusReport struct {
	// The URL of the plan-status schema.
	Schema string `json:"$schema,omitempty"`
	// The day progress is measured on.
	On date.Date `json:"on" jsonschema:"format=date"`
	// Each plan's progress, in the order given.
	Plans []Progress `json:"plans"`
	// Each plan's place on the adoption curve, in the order given.
	Readiness []Readiness `json:"readiness"`
}

// StatusReport measures several plans on one day and segments them.
func (f *Framework) StatusReport(plans []*Plan, opts ProgressOptions) *StatusReport {
	r := &StatusReport{Schema: StatusSchemaURL, On: opts.On, Plans: []Progress{}}
	for _, p := range plans {
		r.Plans = append(r.Plans, f.Progress(p, opts))
	}
	r.Readiness = ReadinessSegments(r.Plans)
	return r
}
