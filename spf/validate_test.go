package spf_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/spfjson"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/spf"
)

// base is a small valid directory each case breaks in one way.
func base() *spf.Directory {
	d := date.MustParse
	return &spf.Directory{
		Organizations: []spf.Organization{
			{ID: "forum", Name: "Trust partnership forum", Classification: spf.OrganisationForum, FoundingDate: d("2015")},
			{ID: "rota", Name: "Rota review group", Classification: spf.Subgroup, ParentID: "forum", FoundingDate: d("2021-01"), TimeLimited: true, PlannedEndDate: d("2021-12")},
			{ID: "trust", Name: "Trust", Classification: spf.Employer},
			{ID: "branch", Name: "Union branch", Classification: spf.TradeUnion},
			{ID: "ccg", Name: "A CCG", Classification: spf.Commissioner, FoundingDate: d("2013-04-01"), DissolutionDate: d("2022-07-01")},
			{ID: "icb", Name: "An ICB", Classification: spf.Employer, FoundingDate: d("2022-07-01")},
		},
		Persons: []spf.Person{{ID: "ann", Name: "Ann"}, {ID: "bob", Name: "Bob"}, {ID: "cat", Name: "Cat"}},
		Posts: []spf.Post{
			{ID: "chair-employer", OrganizationID: "forum", Label: "Co-chair (management)", Role: spf.CoChair, Side: spf.EmployerSide},
			{ID: "chair-staff", OrganizationID: "forum", Label: "Co-chair (staff side)", Role: spf.CoChair, Side: spf.StaffSide},
		},
		Memberships: []spf.Membership{
			{ID: "m-ann", OrganizationID: "forum", PersonID: "ann", PostID: "chair-employer", Role: spf.CoChair, Side: spf.EmployerSide, StartDate: d("2019"), EndDate: d("2023-04")},
			{ID: "m-bob", OrganizationID: "forum", PersonID: "bob", PostID: "chair-staff", Role: spf.CoChair, Side: spf.StaffSide, StartDate: d("2019")},
			{ID: "m-cat", OrganizationID: "forum", PersonID: "cat", PostID: "chair-employer", Role: spf.CoChair, Side: spf.EmployerSide, StartDate: d("2023-04")},
			{ID: "m-branch", OrganizationID: "forum", MemberOrganizationID: "branch", Side: spf.StaffSide},
			{ID: "m-ccg", OrganizationID: "forum", MemberOrganizationID: "ccg", Side: spf.EmployerSide, StartDate: d("2016"), EndDate: d("2022-07-01")},
		},
		Meetings:     []spf.Meeting{{ID: "mt", OrganizationID: "forum", Name: "Forum", Date: d("2023-05-10"), Status: spf.Confirmed}},
		Decisions:    []spf.Decision{{ID: "dec", OrganizationID: "forum", MeetingID: "mt", Date: d("2023-05-10"), Summary: "Adopt the policy", Outcome: spf.Consensus}},
		ChangeEvents: []spf.ChangeEvent{{ID: "ev", Kind: spf.Replacement, Date: d("2022-07-01"), OriginalIDs: []spf.OrgID{"ccg"}, ResultingIDs: []spf.OrgID{"icb"}}},
		Charters:     []spf.Charter{{ID: "ch", OrganizationID: "forum", Kind: spf.Principles, Title: "Principles", Items: []string{"Trust"}}},
		ReviewCycles: []spf.ReviewCycle{{OrganizationID: "forum", IntervalYears: 2, Reviews: []spf.Review{
			{ID: "r1", Year: 2021, Kind: spf.InternalStocktake, Status: spf.ReviewCompleted, Date: d("2021-05"), Surveys: []spf.ReviewSurvey{
				{Name: "Members", AudienceIDs: []spf.OrgID{"forum"}, Sent: d("2021-04-01"), Deadline: d("2021-04-15"), Invited: 20, Respondents: 4,
					ByGroup: []spf.GroupCount{{Group: "staff side", Count: 3}, {Group: "employers", Count: 1}}},
			}},
			{ID: "r2", Year: 2022, Kind: spf.HeatCheck, Status: spf.ReviewNotDone, ReplacedByID: "r1", DecisionID: "dec"},
		}}},
		Documents: []spf.Document{{ID: "tor", Title: "Terms of reference", Kind: spf.TermsOfReference, Published: d("2021-01"), Updated: d("2022-03"), PublisherID: "forum", BodyIDs: []spf.OrgID{"forum"}}},
		Recommendations: []spf.Recommendation{
			{ID: "rec1", ReviewID: "r1", Number: 1, Text: "Meet quarterly", Owner: "The co-chairs", OwnerIDs: []spf.OrgID{"forum"}, Status: hrod.InProgress,
				Updates: []spf.Update{{Date: d("2021-06-01"), Text: "Dates agreed", Status: hrod.InProgress}}},
			{ID: "rec2", ReviewID: "r1", Number: 2, Text: "Publish minutes", Owner: "The secretariat"},
		},
	}
}

type found struct{ Pointer, Code string }

func codes(err error) []found {
	var out []found
	for _, e := range problem.All(err) {
		out = append(out, found{e.Pointer, e.Code})
	}
	return out
}

func TestValidate(t *testing.T) {
	d := date.MustParse
	tests := []struct {
		name    string
		breakIt func(*spf.Directory)
		want    []found
	}{
		{"valid", func(*spf.Directory) {}, nil},
		{"duplicate organisation id", func(x *spf.Directory) { x.Organizations[3].ID = "trust" },
			[]found{{"/memberships/3/member_organization_id", "unknown_reference"}, {"/organizations/3/id", "duplicate_id"}}},
		{"unknown parent", func(x *spf.Directory) { x.Organizations[1].ParentID = "nowhere" },
			[]found{{"/organizations/1/parent_id", "unknown_reference"}}},
		{"subgroup without parent", func(x *spf.Directory) { x.Organizations[1].ParentID = "" },
			[]found{{"/organizations/1/parent_id", "missing_parent"}}},
		{"subgroup of an employer", func(x *spf.Directory) { x.Organizations[1].ParentID = "trust" },
			[]found{{"/organizations/1/parent_id", "parent_not_partnership_body"}}},
		{"parent cycle", func(x *spf.Directory) { x.Organizations[0].ParentID = "rota" },
			[]found{{"/organizations/0/parent_id", "parent_cycle"}, {"/organizations/1/parent_id", "parent_cycle"}}},
		{"time-limited without planned end", func(x *spf.Directory) { x.Organizations[1].PlannedEndDate = date.Date(0) },
			[]found{{"/organizations/1/planned_end_date", "missing_planned_end"}}},
		{"dissolved before founded", func(x *spf.Directory) { x.Organizations[1].DissolutionDate = d("2020") },
			[]found{{"/organizations/1/dissolution_date", "invalid_interval"}}},
		{"both co-chairs from the employer side", func(x *spf.Directory) { x.Posts[1].Side = spf.EmployerSide },
			[]found{{"/memberships/1/side", "side_mismatch"}, {"/posts/1/side", "co_chairs_one_sided"}}},
		{"co-chair post without a side", func(x *spf.Directory) { x.Posts[1].Side = "" },
			[]found{{"/posts/0/side", "co_chairs_one_sided"}, {"/posts/1/side", "co_chair_side_missing"}}},
		{"two holders at once", func(x *spf.Directory) { x.Memberships[0].EndDate = d("2023-05") },
			[]found{{"/memberships/2", "post_holder_overlap"}}},
		{"handover on the same day is fine", func(x *spf.Directory) { x.Memberships[0].EndDate = d("2023-04-01") }, nil},
		{"membership names no member", func(x *spf.Directory) { x.Memberships[3].MemberOrganizationID = "" },
			[]found{{"/memberships/3", "member_required"}}},
		{"membership names two members", func(x *spf.Directory) { x.Memberships[3].PersonID = "ann" },
			[]found{{"/memberships/3/member_organization_id", "member_required"}}},
		{"membership before the body was founded", func(x *spf.Directory) { x.Memberships[1].StartDate = d("2014") },
			[]found{{"/memberships/1/start_date", "outside_lifetime"}}},
		{"membership outlives its member", func(x *spf.Directory) { x.Memberships[4].EndDate = date.Date(0) },
			[]found{{"/memberships/4/end_date", "outside_lifetime"}}},
		{"unknown person", func(x *spf.Directory) { x.Memberships[1].PersonID = "zed" },
			[]found{{"/memberships/1/person_id", "unknown_reference"}}},
		{"post of another body", func(x *spf.Directory) {
			x.Memberships[1].OrganizationID = "rota"
			x.Memberships[1].StartDate = d("2021-02")
		},
			[]found{{"/memberships/1/post_id", "post_body_mismatch"}}},
		{"no consensus without views", func(x *spf.Directory) { x.Decisions[0].Outcome = spf.NoConsensus },
			[]found{{"/decisions/0/divergent_views", "missing_divergent_views"}}},
		{"no consensus with views", func(x *spf.Directory) {
			x.Decisions[0].Outcome = spf.NoConsensus
			x.Decisions[0].DivergentViews = []spf.View{{Side: spf.StaffSide, Summary: "Wants a trial first"}}
		}, nil},
		{"consensus with views", func(x *spf.Directory) {
			x.Decisions[0].DivergentViews = []spf.View{{Side: spf.StaffSide, Summary: "Wants a trial first"}}
		}, []found{{"/decisions/0/divergent_views", "unexpected_divergent_views"}}},
		{"change before the original existed", func(x *spf.Directory) { x.ChangeEvents[0].Date = d("2013-04-01") },
			[]found{{"/change_events/0/original_organization_ids/0", "change_original_not_existing"}, {"/change_events/0/resulting_organization_ids/0", "change_resulting_not_existing"}}},
		{"change after the original was dissolved", func(x *spf.Directory) {
			x.Organizations[4].DissolutionDate = d("2022-04-01")
			x.Memberships[4].EndDate = d("2022-04-01")
		}, []found{{"/change_events/0/original_organization_ids/0", "change_original_not_existing"}}},
		{"replacement whose result was founded earlier", func(x *spf.Directory) { x.Organizations[5].FoundingDate = d("2022-04-01") },
			[]found{{"/change_events/0/resulting_organization_ids/0", "change_resulting_not_existing"}}},
		{"meeting before the body", func(x *spf.Directory) { x.Meetings[0].Date = d("2010-01-01") },
			[]found{{"/meetings/0/date", "outside_lifetime"}}},
		{"review replaced though completed", func(x *spf.Directory) { x.ReviewCycles[0].Reviews[1].Status = spf.ReviewCompleted },
			[]found{{"/review_cycles/0/reviews/1/replaced_by_id", "review_replacement"}}},
		{"two reviews in a year", func(x *spf.Directory) { x.ReviewCycles[0].Reviews[1].Year = 2021 },
			[]found{{"/review_cycles/0/reviews/1/year", "review_year_repeated"}}},
		{"a review survey's groups that do not add up", func(x *spf.Directory) { x.ReviewCycles[0].Reviews[0].Surveys[0].ByGroup[1].Count = 2 },
			[]found{{"/review_cycles/0/reviews/0/surveys/0/by_group", "invalid_value"}}},
		{"more answers than were asked", func(x *spf.Directory) { x.ReviewCycles[0].Reviews[0].Surveys[0].Invited = 3 },
			[]found{{"/review_cycles/0/reviews/0/surveys/0/respondents", "invalid_value"}}},
		{"an extension before the deadline", func(x *spf.Directory) { x.ReviewCycles[0].Reviews[0].Surveys[0].ExtendedTo = d("2021-04-10") },
			[]found{{"/review_cycles/0/reviews/0/surveys/0/extended_to", "invalid_value"}}},
		{"a deadline before the survey went out", func(x *spf.Directory) { x.ReviewCycles[0].Reviews[0].Surveys[0].Deadline = d("2021-03-01") },
			[]found{{"/review_cycles/0/reviews/0/surveys/0/deadline", "invalid_value"}}},
		{"a survey audience not in the directory", func(x *spf.Directory) { x.ReviewCycles[0].Reviews[0].Surveys[0].AudienceIDs = []spf.OrgID{"nobody"} },
			[]found{{"/review_cycles/0/reviews/0/surveys/0/audience_ids/0", "unknown_reference"}}},
		{"a document updated before it was published", func(x *spf.Directory) { x.Documents[0].Updated = d("2020-12") },
			[]found{{"/documents/0/updated", "invalid_value"}}},
		{"a document of no known body", func(x *spf.Directory) { x.Documents[0].BodyIDs = []spf.OrgID{"nobody"} },
			[]found{{"/documents/0/body_ids/0", "unknown_reference"}}},
		{"a document of an unknown kind", func(x *spf.Directory) { x.Documents[0].Kind = "minutes" },
			[]found{{"/documents/0/kind", "invalid_value"}}},
		{"a document with no title", func(x *spf.Directory) { x.Documents[0].Title = "" },
			[]found{{"/documents/0/title", "missing_value"}}},
		{"a recommendation of no known review", func(x *spf.Directory) { x.Recommendations[1].ReviewID = "r9" },
			[]found{{"/recommendations/1/review_id", "unknown_reference"}}},
		{"two recommendations with one number", func(x *spf.Directory) { x.Recommendations[1].Number = 1 },
			[]found{{"/recommendations/1/number", "duplicate_id"}}},
		{"a recommendation with no owner", func(x *spf.Directory) { x.Recommendations[1].Owner = "" },
			[]found{{"/recommendations/1/owner", "missing_value"}}},
		{"an owner not in the directory", func(x *spf.Directory) { x.Recommendations[0].OwnerIDs = []spf.OrgID{"nobody"} },
			[]found{{"/recommendations/0/owner_ids/0", "unknown_reference"}}},
		{"completed without evidence", func(x *spf.Directory) {
			x.Recommendations[0].Status = hrod.Completed
			x.Recommendations[0].Updates = append(x.Recommendations[0].Updates, spf.Update{Date: d("2021-09-01"), Text: "Done", Status: hrod.Completed})
		}, []found{{"/recommendations/0/evidence", "missing_value"}}},
		{"a status the last update contradicts", func(x *spf.Directory) { x.Recommendations[0].Status = hrod.NotYetStarted },
			[]found{{"/recommendations/0/status", "invalid_value"}}},
		{"updates out of order", func(x *spf.Directory) {
			x.Recommendations[0].Updates = append(x.Recommendations[0].Updates, spf.Update{Date: d("2021-05-20"), Text: "Earlier"})
		}, []found{{"/recommendations/0/updates/1/date", "invalid_value"}}},
		{"an update before the review", func(x *spf.Directory) { x.Recommendations[0].Updates[0].Date = d("2020-01-01") },
			[]found{{"/recommendations/0/updates/0/date", "invalid_value"}}},
		{"due before the review", func(x *spf.Directory) { x.Recommendations[1].Due = d("2021-01-31") },
			[]found{{"/recommendations/1/due", "invalid_value"}}},
		{"a duplicate recommendation id", func(x *spf.Directory) { x.Recommendations[1].ID = "rec1" },
			[]found{{"/recommendations/1/id", "duplicate_id"}}},
		{"unknown enumeration values", func(x *spf.Directory) {
			x.Organizations[2].Classification = "hospital"
			x.Meetings[0].Status = "held"
		}, []found{{"/meetings/0/status", "invalid_value"}, {"/organizations/2/classification", "invalid_value"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := base()
			tt.breakIt(x)
			if diff := cmp.Diff(tt.want, codes(x.Validate())); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	x := base()
	x.Posts[1].Side = spf.EmployerSide
	x.Decisions[0].Outcome = spf.NoConsensus
	x.Organizations[1].PlannedEndDate = date.Date(0)
	if got := len(problem.All(x.Validate())); got != 4 {
		t.Errorf("got %d problems, want 4: %v", got, x.Validate())
	}
}

func TestMembershipValidate(t *testing.T) {
	m := spf.Membership{ID: "m", OrganizationID: "o", StartDate: date.MustParse("2022"), EndDate: date.MustParse("2021"), Side: "both"}
	want := []found{{"", "member_required"}, {"/end_date", "invalid_interval"}, {"/side", "invalid_value"}}
	if diff := cmp.Diff(want, codes(m.Validate())); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// FuzzDirectory: whatever the decoder makes of any input, Validate,
// Successors and On take without a panic, and every problem has a code
// and a message.
func FuzzDirectory(f *testing.F) {
	data, err := os.ReadFile("data/directory.json")
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte(`{"organizations":[{"id":"a","name":"A","classification":"subgroup","parent_id":"a"}]}`))
	f.Add([]byte(`{"organizations":[{"id":"a","name":"A","classification":"national_forum"}],"posts":[{"id":"p","organization_id":"a","label":"x","role":"co_chair","side":"staff"}],"memberships":[{"id":"m","organization_id":"a","person_id":"x","post_id":"p","start_date":"2020","end_date":"2019"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		d, _ := spfjson.DecodeDirectory(doc.Root())
		for _, e := range problem.All(d.Validate()) {
			if e.Code == "" || e.Message == "" {
				t.Fatalf("problem without code or message: %+v", e)
			}
		}
		d.Successors("a")
		d.On(date.MustParse("2022-07-01"))
	})
}
