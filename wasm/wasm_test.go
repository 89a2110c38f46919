package wasm

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/survey"
)

var update = flag.Bool("update", false, "rewrite the golden markup in testdata")

func pulse(t *testing.T) *survey.Definition {
	b, err := os.ReadFile("../survey/testdata/pulse.json")
	require.NoError(t, err)
	d, probs := ReadDefinition(b)
	require.Empty(t, probs)
	return d
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	// One element per line, so diffs of the golden files read well.
	got = strings.ReplaceAll(got, "><", ">\n<") + "\n"
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./wasm -update to create %s", path)
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-golden +got); run go test ./wasm -update if the change is intended:\n%s", name, diff)
	}
}

func TestRenderSurveyGolden(t *testing.T) {
	hc := survey.MustBuiltin(survey.HeatCheck2022Members)
	empty := &survey.Response{Survey: hc.ID, Answers: map[survey.QuestionID]survey.Answer{}}
	golden(t, "heatcheck.html", RenderSurvey(&SurveyView{Def: hc, Answers: empty}))

	def := pulse(t)
	answers := ResponseFromForm(def, [][2]string{{"side", "other"}, {"heard", "dont_know"}, {"rushed", "5"}, {"rushed_why", strings.Repeat("x", 1001)}})
	v := &SurveyView{Prefix: "spf2", Def: def, Answers: answers, Errors: survey.Validator{}.Check(def, answers), Notice: "Your answers could not be sent."}
	golden(t, "pulse-errors.html", RenderSurvey(v))
	golden(t, "sent.html", RenderSurvey(&SurveyView{Def: def, Answers: answers, Sent: true}))
}

// TestRenderTextRules: an email address and a number are one-line inputs
// with the keyboard that suits them, and a pattern's own message shows
// beside its question. Patterns are tested here by Go's regexp, in the
// browser by JavaScript's RegExp.
func TestRenderTextRules(t *testing.T) {
	b, err := os.ReadFile("../schema/testdata/survey-definition/valid/full.json")
	require.NoError(t, err)
	def, probs := ReadDefinition(b)
	require.Empty(t, probs)
	answers := ResponseFromForm(def, [][2]string{{"side", "staff"}, {"heard", "4"}, {"meetings", "13"}, {"staff_number", "12a456"}, {"contact", "me@nhs"}})
	v := &SurveyView{Def: def, Answers: answers, Errors: survey.Validator{}.Check(def, answers)}
	golden(t, "text-rules.html", RenderSurvey(v))
	var got []string
	for _, e := range v.Errors {
		got = append(got, e.Pointer+": "+Message(e))
	}
	want := []string{
		`/answers/staff_number: Enter your staff number as 6 digits`,
		`/answers/meetings: The answer to "How many forum meetings did you attend this year?" must be from 0 to 12`,
		`/answers/contact: Enter an email address in the correct format, like name@example.nhs.uk, for "Your email address, if you would like a reply"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestOfferedOptions: an option whose condition does not hold is left
// out of the form, and comes back when it holds; without scripts every
// option shows, and the service's validation judges the choice.
func TestOfferedOptions(t *testing.T) {
	b, err := os.ReadFile("../schema/testdata/survey-definition/valid/full.json")
	require.NoError(t, err)
	def, probs := ReadDefinition(b)
	require.Empty(t, probs)
	change := `value="change"`
	for _, tc := range []struct {
		side   string
		action string
		want   bool
	}{{"staff", "", true}, {"employer", "", false}, {"employer", "/surveys/x", true}} {
		answers := ResponseFromForm(def, [][2]string{{"side", tc.side}})
		out := RenderSurvey(&SurveyView{Def: def, Answers: answers, Action: tc.action})
		if got := strings.Contains(out, change); got != tc.want {
			t.Errorf("side %s, action %q: the option shows: %v, want %v", tc.side, tc.action, got, tc.want)
		}
	}
}

// TestReadDefinition: a definition given to the widget is refused, at
// its pointer, where the widget could not draw or judge it.
func TestReadDefinition(t *testing.T) {
	for _, tc := range []struct{ questions, want string }{
		{`[]`, "/questions"},
		{`[{"id": "Q", "type": "free_text", "text": "Q"}]`, "/questions/0/id"},
		{`[{"id": "q", "type": "free_text", "text": "Q"}, {"id": "q", "type": "free_text", "text": "Q"}]`, "/questions/1/id"},
		{`[{"id": "q", "type": "likert", "text": "Q"}]`, "/questions/0/scale"},
		{`[{"id": "q", "type": "likert", "text": "Q", "scale": {"min": 1, "max": 20, "labels": []}}]`, "/questions/0/scale"},
		{`[{"id": "q", "type": "multiple_choice", "text": "Q"}]`, "/questions/0/options"},
		{`[{"id": "q", "type": "free_text", "text": "Q", "max_length": 10, "min_length": 20}]`, ""}, // the service's check, not the widget's
	} {
		_, probs := ReadDefinition([]byte(`{"id": "d", "version": "1", "title": "D", "questions": ` + tc.questions + `}`))
		got := ""
		if len(probs) > 0 {
			got = probs[0].Pointer
			require.NotEmpty(t, probs[0].Hint)
		}
		if got != tc.want {
			t.Errorf("%s: refused at %q, want %q", tc.questions, got, tc.want)
		}
	}
}

func TestRenderSurveyStructure(t *testing.T) {
	hc := survey.MustBuiltin(survey.HeatCheck2022Members)
	out := RenderSurvey(&SurveyView{Def: hc, Answers: &survey.Response{Answers: map[survey.QuestionID]survey.Answer{"q1": survey.Number(4)}}})
	for _, want := range []string{
		`<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">` + hc.Question("q1").Text + `</legend>`, // the statement as the survey words it
		`<input class="nhsuk-radios__input" id="spf-q1-4" name="q1" type="radio" value="4" checked>`,
		`<label class="nhsuk-label nhsuk-radios__label" for="spf-q1">1 – fully disagree</label>`,
		`<div class="nhsuk-radios__conditional nhsuk-radios__conditional--hidden" id="spf-org_type-other-conditional">`,
		`<div class="nhsuk-hint nhsuk-character-count__message" id="spf-reasons-info" aria-live="polite">You can enter up to 2000 characters</div>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markup lacks %s", want)
		}
	}
	if strings.Contains(out, "<table") || strings.Contains(out, "nhsuk-error-summary") {
		t.Error("no matrix table, and no error summary before a submission")
	}
}

func TestTextIsNeverMarkup(t *testing.T) {
	def := &survey.Definition{ID: "h", Version: "1", Title: "<b>T</b>", Description: `<img src=x onerror="alert(1)">`, Questions: []survey.Question{
		{ID: "q", Type: survey.SingleChoice, Section: "<b>S</b>", Intro: "<i>x</i>\n<u>y</u>\n\nz", Text: "<script>alert(1)</script>", Help: "'&'", Options: []survey.Option{{Value: `"><svg onload=alert(1)>`, Label: "<i>x</i>"}}},
	}}
	out := RenderSurvey(&SurveyView{Def: def, Answers: &survey.Response{Answers: map[survey.QuestionID]survey.Answer{}}})
	for _, bad := range []string{"<script", "<img", "<svg", "<i>", "<b>", "<u>"} {
		if strings.Contains(out, bad) {
			t.Errorf("definition text reached the markup unescaped: %s", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(out, `value="&#34;&gt;&lt;svg onload=alert(1)&gt;"`) {
		t.Errorf("text was not escaped as expected:\n%s", out)
	}
	if want := `<h3 class="nhsuk-heading-m spf-section">&lt;b&gt;S&lt;/b&gt;</h3><p class="nhsuk-body spf-intro">&lt;i&gt;x&lt;/i&gt;<br>&lt;u&gt;y&lt;/u&gt;</p><p class="nhsuk-body spf-intro">z</p>`; !strings.Contains(out, want) {
		t.Errorf("the section and intro are not text, a line break per newline, a paragraph per blank line:\n%s", out)
	}
}

func TestResponseFromForm(t *testing.T) {
	def := pulse(t)
	tests := []struct {
		name   string
		fields [][2]string
		want   string
	}{
		{"answers of each kind", [][2]string{{"side", "staff"}, {"heard", "4"}, {"rushed", "4"}, {"topics", "pay"}, {"topics", "change"}, {"rushed_why", "Late papers"}},
			`{"survey":"trust-forum-pulse-2026","version":"2","answers":{"heard":4,"rushed":4,"rushed_why":"Late papers","side":"staff","topics":["pay","change"]}}`},
		{"a hidden question's answer is dropped", [][2]string{{"rushed", "2"}, {"rushed_why", "left over"}},
			`{"survey":"trust-forum-pulse-2026","version":"2","answers":{"rushed":2}}`},
		{"Other text is kept only with Other", [][2]string{{"side", "staff"}, {"side.other", "typed before"}},
			`{"survey":"trust-forum-pulse-2026","version":"2","answers":{"side":"staff"}}`},
		{"Other with its text", [][2]string{{"side", "other"}, {"side.other", "Observer"}, {"heard", "dont_know"}, {"contact", "  "}},
			`{"survey":"trust-forum-pulse-2026","version":"2","answers":{"heard":"dont_know","side":"other"},"other":{"side":"Observer"}}`},
	}
	for _, tt := range tests {
		got := string(EncodeResponse(ResponseFromForm(def, tt.fields)))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestDrafts(t *testing.T) {
	def := pulse(t)
	r := ResponseFromForm(def, [][2]string{{"side", "employer"}, {"heard", "5"}})
	b, err := os.ReadFile("../survey/testdata/pulse.json")
	require.NoError(t, err)
	form := FormID(def, string(b))
	saved := EncodeDraft(form, r, 1000)
	got, notice := DecodeDraft(def, form, saved, 2000, DraftTTL)
	require.Empty(t, notice)
	if diff := cmp.Diff(string(EncodeResponse(r)), string(EncodeResponse(got))); diff != "" {
		t.Errorf("round trip (-saved +restored):\n%s", diff)
	}
	if _, notice := DecodeDraft(def, form, saved, 1000+DraftTTL+1, DraftTTL); notice != NoticeExpired {
		t.Errorf("an expired draft: notice %q", notice)
	}
	if r, _ := DecodeDraft(def, form, saved, 1000+DraftTTL+1, 0); r == nil {
		t.Error("a session draft (no TTL) does not expire")
	}
	// Any change to the form's text is another form; a built-in is known
	// by its content hash.
	reworded := strings.Replace(string(b), "Decisions at the forum feel rushed.", "Decisions at the forum feel hurried.", 1)
	require.NotEqual(t, string(b), reworded)
	if r, notice := DecodeDraft(def, FormID(def, reworded), saved, 2000, DraftTTL); r != nil || notice != NoticeChanged {
		t.Errorf("a draft for another version: %v %q", r, notice)
	}
	hc := survey.MustBuiltin(survey.HeatCheck2022Members)
	if got, want := FormID(hc, ""), hc.Hash(); got != want {
		t.Errorf("a built-in's form id is %s, not its hash %s", got, want)
	}
	if FormID(def, "a") == FormID(def, "b") {
		t.Error("different texts, different ids")
	}
	if r, notice := DecodeDraft(def, form, []byte("not json"), 0, 0); r != nil || notice != "" {
		t.Error("garbage is ignored quietly")
	}
	if DraftKey(def) != "spfkit:draft:trust-forum-pulse-2026" {
		t.Errorf("key %q", DraftKey(def))
	}
}

func TestChecklist(t *testing.T) {
	f := hrod.Builtin()
	plan := f.NewPriorityPlan("Test NHS Trust")
	plan.Entries[0].Status = hrod.Completed
	plan.Entries[1].Owner = "Head of People"
	v := &ChecklistView{Framework: f, Plan: plan, On: date.MustParse("2023-03-10")}
	golden(t, "checklist.html", RenderChecklist(v))
	// One theme open, with an item being edited.
	v.Open = map[string]bool{f.Themes[0].Slug: true}
	for _, a := range f.Actions {
		if a.Theme == f.Themes[0].Slug && v.Editing == "" {
			for _, e := range plan.Entries {
				if e.Item == a.Items[0].ID {
					v.Editing = e.Item
				}
			}
		}
	}
	require.NotEmpty(t, v.Editing)
	golden(t, "checklist-open.html", RenderChecklist(v))
	// Filtered: only what is overdue on the day, every theme with one open.
	v.Open, v.Editing, v.On = nil, "", date.MustParse("2023-04-10")
	v.Filter = ChecklistFilter{Due: "overdue"}
	out := RenderChecklist(v)
	pr := f.Progress(plan, hrod.ProgressOptions{On: v.On})
	require.NotEmpty(t, pr.Overdue)
	require.Equal(t, len(pr.Overdue), strings.Count(out, `<li class="nhsuk-task-list__item"`), "one row per overdue entry")
	require.Equal(t, len(pr.Overdue), strings.Count(out, `nhsuk-tag--red">Overdue</strong>`))
	v.Filter = ChecklistFilter{Owner: "Nobody at all"}
	require.Contains(t, RenderChecklist(v), "No items match the filters.")

	exported := ExportPlan(plan)
	back, probs := ImportPlan(f, exported, hrod.Local)
	require.Empty(t, probs)
	if diff := cmp.Diff(string(exported), string(ExportPlan(back))); diff != "" {
		t.Errorf("export and import (-exported +imported):\n%s", diff)
	}
	cases := map[string]string{
		`{"organization":"T","level":"national","entries":[]}`:                                  "/level level_mismatch",
		`{"organization":"T","level":"local","entries":[{"item":"12.1","status":"completed"}]}`: "/entries/0/item level_mismatch",
		`{"organization":"T","level":"local","entries":[{"item":"13.2","status":"done"}]}`:      "/entries/0/status enum",
		`{"organization":"T"`: " syntax",
	}
	for doc, want := range cases {
		_, probs := ImportPlan(f, []byte(doc), hrod.Local)
		if len(probs) == 0 || probs[0].Pointer+" "+probs[0].Code != want {
			t.Errorf("%s: problems %v, want %s", doc, probs, want)
		}
	}
}

func TestRemaining(t *testing.T) {
	got := []string{remaining(10, ""), remaining(10, "é"), remaining(10, strings.Repeat("x", 9)), remaining(10, strings.Repeat("x", 11)), remaining(10, strings.Repeat("x", 13))}
	want := []string{"You can enter up to 10 characters", "You have 9 characters remaining", "You have 1 character remaining", "You have 1 character too many", "You have 3 characters too many"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// FuzzDecodeDraft feeds arbitrary stored drafts to the widget: they are
// restored, discarded with a notice, or ignored, never a panic.
func FuzzDecodeDraft(f *testing.F) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	r := &survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"q1": survey.Number(4)}}
	form := FormID(def, "")
	f.Add(EncodeDraft(form, r, 1000), 2000.0)
	f.Add([]byte(`{"form":"x","saved":1,"response":"{}"}`), 1e12)
	f.Fuzz(func(t *testing.T, data []byte, now float64) {
		got, notice := DecodeDraft(def, form, data, now, DraftTTL)
		if got != nil && notice != "" {
			t.Fatal("a restored draft comes without a notice")
		}
		if got != nil {
			RenderSurvey(&SurveyView{Def: def, Answers: got})
		}
	})
}

// FuzzImportPlan feeds arbitrary files to the checklist's import.
func FuzzImportPlan(f *testing.F) {
	fw := hrod.Builtin()
	f.Add(ExportPlan(fw.NewPriorityPlan("T")))
	f.Add([]byte(`{"organization":"T","level":"local","entries":[{"item":"13.2","status":"completed","due":"2023-02-29"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, probs := ImportPlan(fw, data, hrod.Local)
		if len(probs) == 0 {
			RenderChecklist(&ChecklistView{Framework: fw, Plan: p, On: date.MustParse("2023-01-01")})
			if _, again := ImportPlan(fw, ExportPlan(p), hrod.Local); len(again) > 0 {
				t.Fatalf("an imported plan does not import again: %v", again)
			}
		}
	})
}
