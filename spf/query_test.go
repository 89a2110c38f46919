package spf_test

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/spf"
)

func TestSuccessorsFollowChains(t *testing.T) {
	d := date.MustParse
	dir := &spf.Directory{
		Organizations: []spf.Organization{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "x"}},
		ChangeEvents: []spf.ChangeEvent{
			{ID: "2", Kind: spf.Merger, Date: d("2023"), OriginalIDs: []spf.OrgID{"b"}, ResultingIDs: []spf.OrgID{"c"}},
			{ID: "1", Kind: spf.Merger, Date: d("2020"), OriginalIDs: []spf.OrgID{"a", "x"}, ResultingIDs: []spf.OrgID{"b"}},
			{ID: "3", Kind: spf.Rename, Date: d("2024"), OriginalIDs: []spf.OrgID{"c"}, ResultingIDs: []spf.OrgID{"a"}},
		},
	}
	if diff := cmp.Diff([]spf.OrgID{"b", "c"}, dir.Successors("a")); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if got := dir.Successors("c"); !cmp.Equal(got, []spf.OrgID{"a", "b"}) {
		t.Errorf("Successors(c) = %v", got)
	}
}

func TestBuiltinFacts(t *testing.T) {
	d := spf.Builtin()
	date := date.MustParse
	org := func(id spf.OrgID) spf.Organization {
		t.Helper()
		o, ok := d.Organization(id)
		if !ok {
			t.Fatalf("no %s", id)
		}
		return o
	}
	got := map[string]string{
		"tpg founded":         org("ics-tpg").FoundingDate.String(),
		"tpg parent":          string(org("ics-tpg").ParentID),
		"vrs parent":          string(org("violence-reduction-subgroup").ParentID),
		"ccgs dissolved":      org("ccgs").DissolutionDate.String(),
		"icbs founded":        org("icbs").FoundingDate.String(),
		"nhsi dissolved":      org("nhs-improvement").DissolutionDate.String(),
		"nhs digital ends":    org("nhs-digital").DissolutionDate.String(),
		"hee dissolved":       org("hee").DissolutionDate.String(),
		"london meets":        string(org("spf-london").MeetingFrequency),
		"london class":        string(org("spf-london").Classification),
		"hee successor":       string(d.Successors("hee")[0]),
		"ccgs successor":      string(d.Successors("ccgs")[0]),
		"nhsi successor":      string(d.Successors("nhs-improvement")[0]),
		"members 2023-06":     itoa(len(d.Members("spf-national", date("2023-06-01")))),
		"members 2022-01":     itoa(len(d.Members("spf-national", date("2022-01-01")))),
		"tpg members 2022-08": itoa(len(d.Members("ics-tpg", date("2022-08-01")))),
	}
	want := map[string]string{
		"tpg founded": "2021-04", "tpg parent": "spf-national", "vrs parent": "wig",
		"ccgs dissolved": "2022-07-01", "icbs founded": "2022-07-01", "nhsi dissolved": "2022-07-01",
		"nhs digital ends": "2023-02-01", "hee dissolved": "2023-04-01",
		"london meets": "quarterly", "london class": "regional_forum",
		"hee successor": "nhs-england", "ccgs successor": "icbs", "nhsi successor": "nhs-england",
		"members 2023-06": "4", "members 2022-01": "6", "tpg members 2022-08": "6",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	items := map[string]int{}
	for _, c := range d.Charters {
		items[c.ID] = len(c.Items)
	}
	wantItems := map[string]int{"spf-members-behaviours": 6, "spf-representatives-duties": 4, "london-principles": 6, "london-aims": 8, "london-membership": 3, "tpg-principles": 3}
	for id, n := range wantItems {
		if items[id] != n {
			t.Errorf("charter %s has %d items, want %d", id, items[id], n)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestDueAlternates(t *testing.T) {
	tests := []struct {
		name    string
		reviews []spf.Review
		on      string
		want    spf.DueReview
	}{
		{"after an internal stocktake, a heat check", []spf.Review{{Year: 2021, Kind: spf.InternalStocktake, Status: spf.ReviewCompleted}}, "2021-06",
			spf.DueReview{Year: 2022, Kind: spf.HeatCheck}},
		{"after a heat check, the other stocktake", []spf.Review{{Year: 2019, Kind: spf.ExternalStocktake, Status: spf.ReviewCompleted}, {Year: 2020, Kind: spf.HeatCheck, Status: spf.ReviewCompleted}}, "2021-01",
			spf.DueReview{Year: 2021, Kind: spf.InternalStocktake}},
		{"a skipped year is settled", []spf.Review{{Year: 2019, Kind: spf.ExternalStocktake, Status: spf.ReviewCompleted}, {Year: 2020, Kind: spf.HeatCheck, Status: spf.ReviewNotDone}}, "2024-01",
			spf.DueReview{Year: 2021, Kind: spf.InternalStocktake, Overdue: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := spf.ReviewCycle{IntervalYears: 2, Reviews: tt.reviews}.Due(date.MustParse(tt.on))
			if err != nil {
				t.Fatal(err)
			}
			got.Basis = ""
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
	if _, err := (spf.ReviewCycle{}).Due(date.Date(0)); err != spf.ErrNoStocktake {
		t.Errorf("empty history: %v, want ErrNoStocktake", err)
	}
}

func TestMeetingDue(t *testing.T) {
	d := spf.Builtin()
	got, ok := d.MeetingDue("spf-london")
	if !ok || got.String() != "2021-03-03" {
		t.Errorf("London SPF meeting due = %v, %v; want 2021-03-03 (quarterly after 2020-12-03)", got, ok)
	}
	if _, ok := d.MeetingDue("spf-national"); ok {
		t.Error("the national SPF has no meeting rule on record")
	}
}

func TestScheduleBeforeFirstYear(t *testing.T) {
	c, _ := spf.Builtin().ReviewCycle("spf-national")
	got, err := c.Schedule(2022)
	if err != nil || len(got) != 0 {
		t.Errorf("Schedule(2022) = %v, %v; want nothing, the history runs to 2022", got, err)
	}
}
