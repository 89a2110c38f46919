package score

import (
	"errors"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/spfkit/spfkit/survey"
)

// DefaultMinGroup is the smallest base n a published statistic may have
// unless ReportOptions says otherwise: 11, the NHS Staff Survey's
// convention. MinAllowedGroup is the floor no option can go below.
const (
	DefaultMinGroup = 11
	DefaultMinText  = 11
	MinAllowedGroup = 5
)

// ReportOptions configure Tally.Report. The zero value uses the defaults.
type ReportOptions struct {
	// MinGroup is k: a statistic whose base n is from 1 to k−1 is
	// suppressed. Zero means DefaultMinGroup; below MinAllowedGroup is an
	// error.
	MinGroup int
	// MinText is the threshold for publishing free text and "please
	// specify" text: at least this many answers to the question. Zero
	// means DefaultMinText; below MinAllowedGroup is an error.
	MinText int
	// Invited is the number of people invited to respond, when known. It
	// gives the response rate, and the finite-population correction of the
	// overall mean intervals.
	Invited int
	// WithholdUnanimous withholds every cell where everyone gave the same
	// answer (see Stats.Unanimous), and any cell that would let such a set
	// of people be worked out by subtraction. Off, such cells are shown
	// and marked; the service turns it on.
	WithholdUnanimous bool
	// OpenCollection says that anyone with the survey's link could
	// respond, as often as they liked (no one-time invitations), so a
	// group's count may include made-up answers; the report says so.
	OpenCollection bool
}

func (o ReportOptions) withDefaults() (ReportOptions, error) {
	if o.MinGroup == 0 {
		o.MinGroup = DefaultMinGroup
	}
	if o.MinText == 0 {
		o.MinText = DefaultMinText
	}
	if o.MinGroup < MinAllowedGroup {
		return o, errors.New("survey: the minimum group size is " + strconv.Itoa(o.MinGroup) + "; it cannot be below " + strconv.Itoa(MinAllowedGroup))
	}
	if o.MinText < MinAllowedGroup {
		return o, errors.New("survey: the minimum number of comments is " + strconv.Itoa(o.MinText) + "; it cannot be below " + strconv.Itoa(MinAllowedGroup))
	}
	if o.Invited < 0 {
		return o, errors.New("survey: the number invited cannot be negative")
	}
	return o, nil
}

// Report is a survey's published results: overall statistics for every
// question and, with a breakdown, statistics for each group, all with
// small groups suppressed. Every output format (JSON, CSV, Markdown, HTML)
// renders a Report, so they all show exactly the same thing.
type Report struct {
	// The URL of the survey-report schema.
	Schema string `json:"$schema,omitempty"`
	// The survey the report is of.
	Survey SurveyRef `json:"survey"`
	// The number of valid responses counted.
	Respondents int `json:"respondents"`
	// The number of responses rejected as invalid and not counted.
	Rejected int `json:"rejected"`
	// The smallest base n of a published statistic.
	MinGroup int `json:"min_group"`
	// The fewest answers for which free text is published.
	MinText int `json:"min_text"`
	// The response rate, when the number invited is known.
	ResponseRate *ResponseRate `json:"response_rate,omitempty"`
	// The question the groups break the results down by, if any.
	By survey.QuestionID `json:"by,omitempty"`
	// The overall results for each question, in survey order.
	Questions []QuestionResult `json:"questions"`
	// The overall results for each theme, in the definition's order.
	Themes []ThemeResult `json:"themes,omitempty"`
	// The breakdown groups, in option order, then those who did not answer the breakdown question.
	Groups []GroupResult `json:"groups"`
	// Why no group's statistics are shown, when none are: by_withheld (the breakdown question's own results are withheld, and the groups' sizes would show them) or none_safe (every group is withheld, since any one shown would let fewer than min_group people be singled out).
	GroupsWithheld string `json:"groups_withheld,omitempty"`
	// Whether cells where everyone gave the same answer are withheld (reason unanimous) rather than shown and marked.
	WithholdUnanimous bool `json:"withhold_unanimous,omitempty"`
	// Whether anyone with the survey's link could respond, and more than once (no one-time invitations), so a group's count may include made-up answers.
	OpenCollection bool `json:"open_collection,omitempty"`

	def       *survey.Definition // for question and option wording when rendering
	shown     []ShownCell        // who each shown cell counts, when tallied for a ledger
	ledgerKey string
}

// ShownCells lists every cell the report shows, with the fingerprints of
// the respondents each counts, for a ledger to record; nil unless the
// tally had TallyOptions.LedgerKey set.
func (rep *Report) ShownCells() []ShownCell { return rep.shown }

// LedgerKey is the key the report's respondents were fingerprinted with
// (TallyOptions.LedgerKey), or "".
func (rep *Report) LedgerKey() string { return rep.ledgerKey }

// SurveyRef identifies the definition a report or comparison is of.
type SurveyRef struct {
	// The survey's id.
	ID string `json:"id"`
	// The definition's version.
	Version string `json:"version"`
	// The survey's title.
	Title string `json:"title"`
	// The definition's content hash.
	Hash string `json:"hash"`
}

// ResponseRate is the share of those invited who responded.
type ResponseRate struct {
	// The number invited.
	Invited int `json:"invited"`
	// The response rate as a percentage.
	Pct float64 `json:"pct"`
	// The Wilson 95% interval of the rate, in percent.
	CI95 [2]float64 `json:"ci95"`
}

// QuestionResult is the result for one question, overall or in a group.
// A suppressed result has no statistics at all.
type QuestionResult struct {
	// The question's id.
	ID survey.QuestionID `json:"id"`
	// The question's type.
	Type survey.QuestionType `json:"type"`
	// Whether the statistics are withheld because too few answered, because showing them would let a withheld group be worked out by subtraction, because the answers are personal data, or because everyone gave the same answer.
	Suppressed bool `json:"suppressed"`
	// Why the statistics are withheld: below_min_group, complementary, personal_data or unanimous.
	Reason string `json:"reason,omitempty"`
	// The condition under which the question was asked, when it has one.
	ShownIf *ShownIf `json:"shown_if,omitempty"`
	*Stats
}

// ShownIf says which respondents a question was asked of: its condition
// (survey.Condition), with the answers a leaf lists as respondents read
// them.
type ShownIf struct {
	// The earlier question (a leaf).
	Question survey.QuestionID `json:"question,omitempty"`
	// The answers that showed the question.
	AnyOf []string `json:"any_of,omitempty"`
	// The options a multiple-choice answer had all chosen.
	AllOf []string `json:"all_of,omitempty"`
	// The answers that hid the question; no answer showed it.
	NoneOf []string `json:"none_of,omitempty"`
	// Whether the question was shown to those who answered the earlier question (true) or did not (false).
	Answered *bool `json:"answered,omitempty"`
	// The answers listed in any_of, all_of or none_of, as respondents read them.
	Labels []string `json:"labels,omitempty"`
	// Conditions that all held (a group).
	All []ShownIf `json:"all,omitempty"`
	// Conditions of which at least one held (a group).
	Any []ShownIf `json:"any,omitempty"`
}

func (t *Tally) shownIf(c *survey.Condition) *ShownIf {
	s := &ShownIf{Question: c.Question, AnyOf: slices.Clone(c.AnyOf), AllOf: slices.Clone(c.AllOf), NoneOf: slices.Clone(c.NoneOf), Answered: c.Answered}
	for i := range c.All {
		s.All = append(s.All, *t.shownIf(&c.All[i]))
	}
	for i := range c.Any {
		s.Any = append(s.Any, *t.shownIf(&c.Any[i]))
	}
	if src := t.def.Question(c.Question); src != nil { // a valid definition's leaf names an earlier question
		for _, v := range slices.Concat(c.AnyOf, c.AllOf, c.NoneOf) {
			s.Labels = append(s.Labels, src.AnswerLabel(v))
		}
	}
	return s
}

// Stats are a question's statistics. Statistics that do not apply to the
// question's type, or need more answers than there are, are null.
// Percentages run from 0 to 100.
type Stats struct {
	// The base: respondents who answered, not counting "don't know".
	N int `json:"n"`
	// Respondents who gave no answer, including those the question was not shown to.
	Missing int `json:"missing"`
	// Respondents who answered "don't know" (likert questions with that option).
	DontKnow int `json:"dont_know"`
	// How many chose each scale point or option value. A multiple-choice respondent counts once for each option chosen.
	Distribution map[string]int `json:"distribution"`
	// The mean point (likert).
	Mean *float64 `json:"mean" jsonschema:"nullable"`
	// The standard deviation of the points, with n−1 in the denominator (likert).
	SD *float64 `json:"sd" jsonschema:"nullable"`
	// The median point (likert).
	Median *float64 `json:"median" jsonschema:"nullable"`
	// The percentage in the top two points (likert).
	Top2Pct *float64 `json:"top2_pct" jsonschema:"nullable"`
	// The percentage in the bottom two points (likert).
	Bottom2Pct *float64 `json:"bottom2_pct" jsonschema:"nullable"`
	// Net agreement: top2_pct minus bottom2_pct, from −100 to 100 (likert).
	Net *float64 `json:"net" jsonschema:"nullable"`
	// The mean on the NHS Staff Survey's 0–10 scale, reversed for a reverse-scored question (likert).
	Score10 *float64 `json:"score10" jsonschema:"nullable"`
	// The Wilson 95% interval of top2_pct, in percent (likert).
	Top2CI95 *[2]float64 `json:"top2_ci95" jsonschema:"nullable"`
	// The t 95% interval of the mean, with the finite-population correction when fpc is set (likert).
	MeanCI95 *[2]float64 `json:"mean_ci95" jsonschema:"nullable"`
	// The finite-population correction applied to mean_ci95, when the number invited is known.
	FPC *float64 `json:"fpc,omitempty"`
	// The free-text answers or "please specify" texts, in a shuffled order, when published.
	Comments []string `json:"comments,omitempty"`
	// Why text answers are not published: not_kept, below_min_text, personal_data, or small_audience (the question was asked only of respondents with certain answers, and fewer than min_group of them were asked).
	CommentsWithheld string `json:"comments_withheld,omitempty"`
	// Set when everyone who answered gave the same answer (for multiple choice: all chose one option), so that anyone who knows someone is counted here knows their answer. A warning: the statistics are still shown.
	Unanimous bool `json:"unanimous,omitempty"`
}

// GroupResult is one group of a breakdown. Its count is always shown (the
// breakdown question's own distribution shows it anyway); a suppressed
// group has no statistics.
type GroupResult struct {
	// The breakdown question.
	Question survey.QuestionID `json:"question"`
	// The option value that defines the group; null for respondents who did not answer the breakdown question.
	Value *string `json:"value" jsonschema:"nullable"`
	// The option's label.
	Label string `json:"label"`
	// The number of respondents in the group.
	N int `json:"n"`
	// Whether the group's statistics are withheld.
	Suppressed bool `json:"suppressed"`
	// Why the group is withheld: below_min_group or complementary.
	Reason string `json:"reason,omitempty"`
	// The group's results for each question other than the breakdown question, when not suppressed.
	Questions []QuestionResult `json:"questions,omitempty"`
	// The group's results for each theme, when not suppressed.
	Themes []ThemeResult `json:"themes,omitempty"`
}

// Suppression reasons.
const (
	ReasonBelowMinGroup = "below_min_group" // fewer than MinGroup answered
	ReasonComplementary = "complementary"   // shown, it would let fewer than MinGroup people be worked out by subtraction
	ReasonPersonalData  = "personal_data"   // the question's answers are personal data, never published
	ReasonUnanimous     = "unanimous"       // everyone gave the same answer (with WithholdUnanimous)
)

// Reasons text is withheld.
const (
	WithheldNotKept       = "not_kept"
	WithheldBelowMinText  = "below_min_text"
	WithheldPersonalData  = "personal_data"
	WithheldSmallAudience = "small_audience"
)

// Reasons no group of a breakdown is shown.
const (
	GroupsByWithheld = "by_withheld" // the breakdown question's own results are withheld
	GroupsNoneSafe   = "none_safe"   // any group shown would let fewer than MinGroup people be singled out
)

// Report computes the published results from the counts, applying
// suppression once, here, so every output format shows the same thing:
//
//   - Primary: a statistic whose base n is from 1 to MinGroup−1 is
//     withheld, overall and in groups; a group of 1 to MinGroup−1
//     respondents is withheld whole. Zero is shown as zero.
//   - Complementary: for a breakdown by a single-choice question the
//     groups partition the respondents, so the withheld groups together
//     could be worked out by subtracting the shown ones from the total.
//     While the withheld groups' total is from 1 to MinGroup−1, the
//     smallest shown group is withheld too; the same rule runs again for
//     each question's base n. For a multiple-choice breakdown (where groups
//     overlap) a group is also withheld when the total minus the group is
//     from 1 to MinGroup−1.
//   - Text: free text and "please specify" text are published only
//     overall, never in groups, only when kept (TallyOptions.KeepText),
//     only when at least MinText answered, and never for personal data.
//     They carry no respondent, group or time, in a shuffled order that
//     does not depend on the order responses arrived in.
func (t *Tally) Report(opts ReportOptions) (*Report, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	def := t.def
	rep := &Report{
		Schema:            survey.ReportSchemaURL,
		Survey:            SurveyRef{ID: def.ID, Version: def.Version, Title: def.Title, Hash: t.hash},
		Respondents:       t.all.respondents,
		Rejected:          t.Rejected,
		MinGroup:          opts.MinGroup,
		MinText:           opts.MinText,
		WithholdUnanimous: opts.WithholdUnanimous,
		OpenCollection:    opts.OpenCollection,
		Questions:         []QuestionResult{},
		Groups:            []GroupResult{},
		def:               def,
	}
	if opts.Invited > 0 {
		if opts.Invited < t.all.respondents {
			return nil, errors.New("survey: " + strconv.Itoa(t.all.respondents) + " responded but only " + strconv.Itoa(opts.Invited) + " were invited")
		}
		lo, hi := Wilson(t.all.respondents, opts.Invited)
		rep.ResponseRate = &ResponseRate{
			Invited: opts.Invited,
			Pct:     100 * float64(t.all.respondents) / float64(opts.Invited),
			CI95:    [2]float64{100 * lo, 100 * hi},
		}
	}
	for i := range def.Questions {
		r := t.result(&t.all, i, opts, true)
		rep.Questions = append(rep.Questions, r)
	}
	for th := range def.Themes {
		rep.Themes = append(rep.Themes, t.themeResult(&t.all, th, opts))
	}
	if t.by >= 0 {
		rep.By = def.Questions[t.by].ID
		rep.Groups, rep.GroupsWithheld = t.groupResults(opts, rep.Questions, rep.Themes)
	}
	if t.opts.LedgerKey != "" {
		rep.shown = t.shownCells(rep)
		rep.ledgerKey = t.opts.LedgerKey
	}
	return rep, nil
}

// result computes one question's result in a cell, applying primary
// suppression.
func (t *Tally) result(c *cell, i int, opts ReportOptions, overall bool) QuestionResult {
	q := &t.def.Questions[i]
	qc := &c.qs[i]
	r := QuestionResult{ID: q.ID, Type: q.Type}
	if overall && q.ShowIf != nil {
		r.ShownIf = t.shownIf(q.ShowIf)
	}
	if reason := withheld(q, qc, opts); reason != "" {
		r.Suppressed, r.Reason = true, reason
		return r
	}
	s := &Stats{N: qc.n, DontKnow: qc.dontKnow, Missing: c.respondents - qc.n - qc.dontKnow, Distribution: map[string]int{}}
	r.Stats = s
	switch q.Type {
	case survey.Likert:
		sc := q.Scale
		for j, k := range qc.counts {
			s.Distribution[strconv.Itoa(sc.Min+j)] = k
		}
		if sc.DontKnow != "" {
			s.Distribution[survey.DontKnow] = qc.dontKnow
		}
		if qc.n == 0 {
			break
		}
		n, mean, variance, median := moments(sc.Min, qc.counts)
		var top, bottom int
		for j, k := range qc.counts {
			if sc.InTop(sc.Min + j) {
				top += k
			}
			if sc.InBottom(sc.Min + j) {
				bottom += k
			}
		}
		top2 := 100 * float64(top) / float64(n)
		bottom2 := 100 * float64(bottom) / float64(n)
		s.Mean, s.Median = ptr(mean), ptr(median)
		s.Top2Pct, s.Bottom2Pct, s.Net = ptr(top2), ptr(bottom2), ptr(top2-bottom2)
		s.Score10 = ptr(sc.Score(mean, q.Reverse))
		lo, hi := Wilson(top, n)
		s.Top2CI95 = &[2]float64{100 * lo, 100 * hi}
		if n > 1 {
			sd := math.Sqrt(variance)
			s.SD = ptr(sd)
			se := sd / math.Sqrt(float64(n))
			if overall && opts.Invited > 0 {
				fpc := 0.0
				if opts.Invited > 1 {
					fpc = math.Sqrt(float64(opts.Invited-n) / float64(opts.Invited-1))
				}
				s.FPC = ptr(fpc)
				se *= fpc
			}
			half := StudentTQuantile(0.975, float64(n-1)) * se
			s.MeanCI95 = &[2]float64{mean - half, mean + half}
		}
	case survey.SingleChoice, survey.MultipleChoice:
		for j, k := range qc.counts {
			s.Distribution[q.Options[j].Value] = k
		}
		if q.OtherOption() != nil && overall {
			s.Comments, s.CommentsWithheld = t.publishText(q, qc, qc.other, opts)
		}
	case survey.FreeText:
		if overall {
			s.Comments, s.CommentsWithheld = t.publishText(q, qc, qc.texts, opts)
		}
	}
	s.Unanimous = unanimous(q.Type, qc.counts, qc.n, qc.dontKnow)
	return r
}

// withheld says why a question's cell is withheld on its own (primary
// suppression), or "" when it may be shown.
func withheld(q *survey.Question, qc *qcount, opts ReportOptions) string {
	switch {
	case q.PersonalData:
		return ReasonPersonalData
	case small(qc.n, qc.dontKnow, opts.MinGroup):
		return ReasonBelowMinGroup
	case opts.WithholdUnanimous && unanimous(q.Type, qc.counts, qc.n, qc.dontKnow):
		return ReasonUnanimous
	}
	return ""
}

// unanimous reports whether a shown result discloses each respondent's
// answer: for a likert or single-choice question, every answer (counting
// "don't know" as an answer) is the same one; for multiple choice, one
// option was chosen by everyone in the base. One answer is not a
// consensus: at least two must have answered.
func unanimous(typ survey.QuestionType, counts []int, n, dontKnow int) bool {
	switch typ {
	case survey.Likert, survey.SingleChoice:
		if n+dontKnow < 2 {
			return false
		}
		distinct := 0
		if dontKnow > 0 {
			distinct++
		}
		for _, k := range counts {
			if k > 0 {
				distinct++
			}
		}
		return distinct == 1
	case survey.MultipleChoice:
		return n >= 2 && slices.Contains(counts, n)
	}
	return false
}

// publishText decides whether texts may be published and orders them.
//
// A question asked only of respondents with certain answers tells anyone
// who reads a comment that its writer gave one of those answers, so its
// texts are published only when at least MinGroup were asked it.
func (t *Tally) publishText(q *survey.Question, qc *qcount, texts []string, opts ReportOptions) ([]string, string) {
	switch {
	case q.PersonalData:
		return nil, WithheldPersonalData
	case !t.opts.KeepText:
		return nil, WithheldNotKept
	case len(texts) < opts.MinText:
		return nil, WithheldBelowMinText
	case q.ShowIf != nil && qc.asked < opts.MinGroup:
		return nil, WithheldSmallAudience
	}
	out := slices.Clone(texts)
	slices.Sort(out)
	h := fnv.New64a()
	h.Write([]byte(t.hash))
	h.Write([]byte(q.ID))
	rng := rand.New(rand.NewPCG(h.Sum64(), 0x5350466b6974))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out, ""
}

func ptr(f float64) *float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return &f
}

// WithDefinition attaches the definition a decoded report was made from,
// so renderers can show question and option wording rather than ids.
func (rep *Report) WithDefinition(def *survey.Definition) *Report {
	rep.def = def
	return rep
}

// Definition returns the definition the report was made from (or
// attached with WithDefinition), for renderers that show question and
// option wording; nil when it is not known.
func (rep *Report) Definition() *survey.Definition { return rep.def }
