package spf_test

import (
	"fmt"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/spf"
)

// A trust's partnership forum records its co-chairs as two posts, one per
// side, held through dated memberships. Members answers "who sat on the
// forum on this date?", optionally for one side only.
func ExampleDirectory_Members() {
	d := spf.Builtin()
	on := date.MustParse("2022-01-01")
	for _, m := range d.Members("spf-national", on, spf.EmployerSide, spf.StaffSide) {
		fmt.Println(m.MemberOrganizationID, m.Side)
	}
	// Output:
	// nhs-employers employer
	// nhs-trade-unions staff
}

// The London SPF's page names two different management co-chairs; the
// directory records both with dates, so the holder depends on the day.
func ExampleDirectory_Holders() {
	d := spf.Builtin()
	for _, day := range []string{"2020-12-03", "2022-06-01"} {
		for _, m := range d.Holders("spf-london-co-chair-management", date.MustParse(day)) {
			p, _ := d.Person(m.PersonID)
			fmt.Println(day, p.Name)
		}
	}
	// Output:
	// 2020-12-03 Alwen Williams
	// 2022-06-01 Jinjer Kandola
}

// Membership periods are half-open, [start, end): a membership that ends on
// the day a body is abolished is no longer active that day.
func ExampleMembership_ActiveOn() {
	m := spf.Membership{ID: "tpg-ccgs", OrganizationID: "ics-tpg", MemberOrganizationID: "ccgs",
		StartDate: date.MustParse("2021-04"), EndDate: date.MustParse("2022-07-01")}
	fmt.Println(m.ActiveOn(date.MustParse("2021-04-01")))
	fmt.Println(m.ActiveOn(date.MustParse("2022-06-30")))
	fmt.Println(m.ActiveOn(date.MustParse("2022-07-01")))
	// Output:
	// true
	// true
	// false
}

// On 1 July 2022 integrated care boards replaced clinical commissioning
// groups. A system's directory records each CCG's dissolution, the ICB's
// founding on the same day, and one change event; Successors then follows
// a body to whoever took over from it.
func Example_ccgToICB() {
	d := &spf.Directory{
		Organizations: []spf.Organization{
			{ID: "ncl-ccg", Name: "NHS North Central London CCG", Classification: spf.Commissioner,
				FoundingDate: date.MustParse("2020-04-01"), DissolutionDate: date.MustParse("2022-07-01")},
			{ID: "ncl-icb", Name: "NHS North Central London ICB", Classification: spf.Employer,
				FoundingDate: date.MustParse("2022-07-01")},
		},
		ChangeEvents: []spf.ChangeEvent{{ID: "ncl", Kind: spf.Replacement, Date: date.MustParse("2022-07-01"),
			OriginalIDs: []spf.OrgID{"ncl-ccg"}, ResultingIDs: []spf.OrgID{"ncl-icb"}}},
	}
	fmt.Println("valid:", d.Validate() == nil)
	fmt.Println("successors:", d.Successors("ncl-ccg"))
	ccg, _ := d.Organization("ncl-ccg")
	fmt.Println("CCG exists on 2022-07-01:", ccg.ExistsOn(date.MustParse("2022-07-01")))
	// Output:
	// valid: true
	// successors: [ncl-icb]
	// CCG exists on 2022-07-01: false
}

// Validate reports every broken rule at once, each with a JSON Pointer to
// the offending value and a stable code, so a forum secretariat can fix a
// file in one pass.
func ExampleDirectory_Validate() {
	d := &spf.Directory{
		Organizations: []spf.Organization{{ID: "jnc", Name: "Trust JNC", Classification: spf.OrganisationForum}},
		Posts: []spf.Post{
			{ID: "co-chair-1", OrganizationID: "jnc", Label: "Co-chair", Role: spf.CoChair, Side: spf.EmployerSide},
			{ID: "co-chair-2", OrganizationID: "jnc", Label: "Co-chair", Role: spf.CoChair, Side: spf.EmployerSide},
		},
		Decisions: []spf.Decision{{ID: "d1", OrganizationID: "jnc", Date: date.MustParse("2024-03-05"),
			Summary: "Adopt the new rostering policy", Outcome: spf.NoConsensus}},
	}
	for _, e := range problem.All(d.Validate()) {
		fmt.Printf("%s [%s]\n", e.Pointer, e.Code)
	}
	// Output:
	// /decisions/0/divergent_views [missing_divergent_views]
	// /posts/1/side [co_chairs_one_sided]
}

// The national SPF reviews itself every two years, alternating internal and
// external stocktakes, with a heat check in between. Due reads the history
// (including the 2020 heat check that was not done) and says what is next.
func ExampleReviewCycle_Due() {
	d := spf.Builtin()
	cycle, _ := d.ReviewCycle("spf-national")
	due, _ := cycle.Due(date.MustParse("2023-01-06"))
	fmt.Println(due.Year, due.Kind, "overdue:", due.Overdue)
	plan, _ := cycle.Schedule(2026)
	for _, r := range plan {
		fmt.Println(r.Year, r.Kind)
	}
	// Output:
	// 2023 external_stocktake overdue: false
	// 2023 external_stocktake
	// 2024 heat_check
	// 2025 internal_stocktake
	// 2026 heat_check
}

// Subgroups lists the groups a body has set up; the Workforce Issues Group
// has its own violence reduction subgroup.
func ExampleDirectory_Subgroups() {
	d := spf.Builtin()
	for _, g := range d.Subgroups("spf-national") {
		fmt.Println(g.Name)
		for _, s := range d.Subgroups(g.ID) {
			fmt.Println("  " + s.Name)
		}
	}
	// Output:
	// SPF Wider Group
	// Workforce Issues Group
	//   Violence reduction subgroup
	// ICS Transition Partnership Group
}

// A secretariat tracks what its reviews recommend. The heat check 2022
// ends with six recommendations, each with who is to act; the directory
// carries them with no status, as nobody has recorded one. RollUp counts
// them by review or by owner.
func ExampleDirectory_RollUp() {
	d := spf.Builtin()
	for _, g := range d.RollUp("review") {
		fmt.Println(g.Key, g.Total, g.ByStatus)
	}
	r := d.Recommendations[5]
	fmt.Println(r.Number, r.Owner, r.OwnerIDs)
	// Output:
	// heat-check-2022 6 map[not_recorded:6]
	// 6 NHS Employers [nhs-employers]
}
