package hrod_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/hrodjson"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/seedtext"
	"github.com/spfkit/spfkit/problem"
)

func TestFrameworkIntegrity(t *testing.T) {
	f := hrod.Builtin()
	require.NoError(t, f.Validate())
	if len(f.Themes) != 8 || len(f.Actions) != 35 {
		t.Fatalf("%d themes and %d actions, want 8 and 35", len(f.Themes), len(f.Actions))
	}
	for i, a := range f.Actions {
		if want := fmt.Sprintf("%02d", i+1); a.Number != want {
			t.Errorf("action %d is numbered %s", i+1, a.Number)
		}
	}
	// A framework filtered to a theme or a level is still a valid one.
	for _, th := range f.Themes {
		require.NoError(t, f.Filter(th.Slug, "").Validate(), th.Slug)
	}
	require.NoError(t, f.Filter("", hrod.National).Validate())
	// A key action's level, where an appendix item gives the same action,
	// is that item's actor's.
	wrong := hrod.Builtin()
	for i := range wrong.KeyActions {
		if wrong.KeyActions[i].LevelStated() {
			wrong.KeyActions[i].Level = hrod.National
			errs := problem.All(wrong.Validate())
			if len(errs) != 1 || errs[0].Pointer != fmt.Sprintf("/key_actions/%d/level", i) || !strings.Contains(errs[0].Message, "System and organisation CPOs") {
				t.Errorf("a stated level contradicted: %v", errs)
			}
			break
		}
	}
	bad := f.Filter("digital", "")
	bad.Actions[0], bad.Actions[1] = bad.Actions[1], bad.Actions[0]
	if errs := problem.All(bad.Validate()); len(errs) != 1 || errs[0].Pointer != "/actions/1/number" {
		t.Errorf("actions out of order: %v", errs)
	}
	perTheme := map[string][2]int{} // actions, items
	items, seen := 0, map[hrod.ItemID]bool{}
	deadlines := map[string]int{}
	for _, a := range f.Actions {
		c := perTheme[a.Theme]
		c[0]++
		c[1] += len(a.Items)
		perTheme[a.Theme] = c
		for _, it := range a.Items {
			items++
			if seen[it.ID] {
				t.Errorf("item %s twice", it.ID)
			}
			seen[it.ID] = true
			if it.Deadline != nil {
				deadlines[it.Deadline.String()]++
				if a.Level == hrod.Local && it.ID != "09.1" {
					t.Errorf("local item %s has a deadline", it.ID)
				}
			}
			if strings.Contains(it.Text, "(by ") {
				t.Errorf("item %s keeps its deadline in its text: %q", it.ID, it.Text)
			}
		}
	}
	if items != 142 {
		t.Errorf("%d items, want 142", items)
	}
	want := map[string][2]int{
		"people-profession": {3, 17}, "improvement": {3, 17}, "digital": {5, 16}, "health-and-wellbeing": {4, 14},
		"inclusion": {5, 20}, "employee-experience": {6, 17}, "talent": {4, 18}, "new-ways-of-working": {5, 23},
	}
	if diff := cmp.Diff(want, perTheme); diff != "" {
		t.Errorf("actions and items per theme (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"by 2022": 1, "by 2023": 25, "by 2025": 11, "from 2022": 2, "from 2024": 1}, deadlines); diff != "" {
		t.Errorf("deadlines (-want +got):\n%s", diff)
	}
	var national []string
	for _, a := range f.Actions {
		if a.Level == hrod.National {
			national = append(national, a.Number)
		}
	}
	if diff := cmp.Diff([]string{"01", "04", "05", "07", "10", "12", "16", "21", "27", "32"}, national); diff != "" {
		t.Errorf("national actions (-want +got):\n%s", diff)
	}
	if len(f.Priorities) != 14 || len(f.NextSteps) != 5 || len(f.TheoryOfChange) != 6 || len(f.AdoptionCurve) != 5 || len(f.EngagementMethods) != 10 {
		t.Errorf("priorities %d, next steps %d, principles %d, segments %d, methods %d", len(f.Priorities), len(f.NextSteps), len(f.TheoryOfChange), len(f.AdoptionCurve), len(f.EngagementMethods))
	}
}

// TestWordingIsOurOwn checks the framework's text against the report,
// as extracted in the seed: the theme names, which are labels, are the
// report's word for word; everything longer says the report's content in
// our own words, repeating no run of 12 words of it.
func TestWordingIsOurOwn(t *testing.T) {
	seeds, err := seedtext.Load("../../shared/seeds", "003_*.txt")
	require.NoError(t, err)
	if seeds == nil {
		t.Skip("the HR and OD seed (../../shared/seeds/003_*) is not beside the project")
	}
	f := hrod.Builtin()
	for _, th := range f.Themes {
		if !seeds.Contains(th.Name) {
			t.Errorf("theme name %q is not in the report", th.Name)
		}
	}
	// The source's address is a fact, not wording.
	found, err := seeds.Find(f, map[string]bool{"url": true})
	require.NoError(t, err)
	for _, c := range found {
		t.Errorf("%s repeats the report word for word (%q): %q", c.Pointer, c.Run, c.Text)
	}
}

func TestDeadlineDates(t *testing.T) {
	by := hrod.Deadline{Kind: hrod.By, Year: 2023}
	due, ok := by.Due()
	if !ok || due != date.MustParse("2023-12-31") {
		t.Errorf("by 2023 is due %v", due)
	}
	if _, ok := by.Starts(); ok {
		t.Error("a by deadline has no start")
	}
	from := hrod.Deadline{Kind: hrod.From, Year: 2024}
	start, ok := from.Starts()
	if !ok || start != date.MustParse("2024-01-01") {
		t.Errorf("from 2024 starts %v", start)
	}
	if _, ok := from.Due(); ok {
		t.Error("a from deadline has no due date")
	}
}

func TestFilter(t *testing.T) {
	f := hrod.Builtin().Filter("digital", hrod.Local)
	var got []string
	for _, a := range f.Actions {
		got = append(got, a.Number)
	}
	if diff := cmp.Diff([]string{"08", "09", "11"}, got); diff != "" {
		t.Errorf("local digital actions (-want +got):\n%s", diff)
	}
	if len(f.Themes) != 1 || len(f.Priorities) != 2 || len(f.KeyActions) != 2 {
		t.Errorf("themes %d priorities %d key actions %d", len(f.Themes), len(f.Priorities), len(f.KeyActions))
	}
}

// FuzzFramework checks that whatever the decoder makes of a document
// that passes Check, its lookups and new plans work.
func FuzzFramework(f *testing.F) {
	data, err := os.ReadFile("data/framework.json")
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte(`{"title":"T","published":"2021-11","themes":[{"slug":"a","name":"A","vision":"V"}],"actions":[{"number":"01","theme":"a","actor":"X","level":"local","summary":"S","items":[{"id":"01.1","text":"t","deadline":{"kind":"by","year":2023}}]}],"priorities":[],"key_actions":[],"next_steps":[],"theory_of_change":[],"adoption_curve":[],"engagement_methods":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		fw, shape := hrodjson.DecodeFramework(doc.Root())
		if len(shape) > 0 || len(fw.Check()) > 0 {
			return
		}
		for _, lv := range []hrod.Level{hrod.Local, hrod.National} {
			p := fw.NewPlan("T", lv)
			if err := fw.ValidatePlan(p); err != nil {
				t.Fatalf("a new %s plan is invalid: %v", lv, err)
			}
		}
	})
}

// TestProgramme: the programme's facts as the report and its foreword give
// them.
func TestProgramme(t *testing.T) {
	pg := hrod.Builtin().Programme
	require.NotNil(t, pg)
	figures := map[string]int{}
	for _, f := range pg.Development {
		figures[f.What] = f.Count
	}
	got := []any{len(pg.Aims), figures["recommendations, across 8 themes, checked and challenged in the second Big Conversation"], figures["working groups that developed the recommendations"],
		len(pg.Oversight), len(pg.NationalPriorities), pg.Foreword.SignedBy, pg.Foreword.PeopleProfessionals}
	want := []any{3, 46, 8, 7, 3, "Prerana Issar", 16000}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
