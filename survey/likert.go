package survey

// DontKnow is the answer a likert question records for its "don't know"
// option. It is outside the scale, so it is counted but never enters the
// base of a statistic.
const DontKnow = "dont_know"

// Scale is the labelled scale of a likert question: whole numbers from Min
// to Max, such as 1 (fully disagree) to 5 (fully agree). Higher is always
// more agreement; a question whose agreement is negative sets Reverse.
type Scale struct {
	// The lowest point, e.g. 1.
	Min int `json:"min"`
	// The highest point, e.g. 5.
	Max int `json:"max"`
	// A label for every point from min to max, in order.
	Labels []ScaleLabel `json:"labels" jsonschema:"minItems=2"`
	// The label of a "don't know" option outside the scale; empty when the question has none.
	DontKnow string `json:"dont_know,omitempty"`
}

// ScaleLabel names one point of a scale.
type ScaleLabel struct {
	// The point, between the scale's min and max.
	Value int `json:"value"`
	// The point as respondents read it, e.g. "fully agree".
	Label string `json:"label" jsonschema:"minLength=1"`
}

// Points is the number of points on the scale.
func (s *Scale) Points() int { return s.Max - s.Min + 1 }

// Contains reports whether v is a point of the scale.
func (s *Scale) Contains(v int) bool { return v >= s.Min && v <= s.Max }

// Label returns the label of point v, or "".
func (s *Scale) Label(v int) string {
	for _, l := range s.Labels {
		if l.Value == v {
			return l.Label
		}
	}
	return ""
}

// boxSize is how many points make the top (and the bottom) box: two on a
// scale of four or more points, one on a shorter scale, so the boxes never
// overlap.
func (s *Scale) boxSize() int {
	if s.Points() >= 4 {
		return 2
	}
	return 1
}

// InTop reports whether v is in the top box (for 1–5, 4 or 5).
func (s *Scale) InTop(v int) bool { return v > s.Max-s.boxSize() }

// InBottom reports whether v is in the bottom box (for 1–5, 1 or 2).
func (s *Scale) InBottom(v int) bool { return v < s.Min+s.boxSize() }

// Score maps a point to the NHS Staff Survey's 0–10 scale, linearly:
// 10·(v−min)/(max−min), so 1–5 gives 0, 2.5, 5, 7.5 and 10. With reverse
// set the score is 10 minus that.
func (s *Scale) Score(v float64, reverse bool) float64 {
	if s.Max == s.Min {
		return 0
	}
	x := 10 * (v - float64(s.Min)) / float64(s.Max-s.Min)
	if reverse {
		return 10 - x
	}
	return x
}
