package check

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/jsonedit"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
	"github.com/spfkit/spfkit/survey"
)

// brief is what a test compares of a problem: where it is and its code.
type brief struct {
	Line, Column int
	Pointer      string
	Code         string
}

func briefs(ps []*problem.Error) []brief {
	out := []brief{}
	for _, p := range ps {
		out = append(out, brief{p.Line, p.Column, p.Pointer, p.Code})
	}
	return out
}

// fixtures returns the schema package's valid fixtures of a kind.
func fixtures(t testing.TB, k schema.Kind) [][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "schema", "testdata", string(k), "valid", "*.json"))
	require.NoError(t, err)
	var out [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		out = append(out, data)
	}
	return out
}

// TestValidFixtures checks every valid fixture of every kind: no
// problems, and the Go value of each kind spfkit reads.
func TestValidFixtures(t *testing.T) {
	want := map[schema.Kind]string{
		schema.BodyDirectory:    "*spf.Directory",
		schema.Membership:       "*spf.Membership",
		schema.SurveyDefinition: "*survey.Definition",
		schema.SurveyResponse:   "*survey.Response",
		schema.HRODFramework:    "*hrod.Framework",
		schema.ActionPlan:       "*hrod.Plan",
		schema.TransferCase:     "*transfer.Case",
	}
	for _, info := range schema.Kinds() {
		docs := fixtures(t, info.Kind)
		require.NotEmpty(t, docs, info.Kind)
		for _, data := range docs {
			for _, c := range []*Checker{{Kind: info.Kind}, {Kind: info.Kind, slow: true}} {
				r := c.Check(data)
				if !r.Valid() || r.Kind != info.Kind {
					t.Errorf("%s: %v", info.Kind, r.Err())
				}
				got := "<nil>"
				if r.Value != nil {
					got = fmt.Sprintf("%T", r.Value)
				}
				if w, ok := want[info.Kind]; ok && got != w || !ok && got != "<nil>" {
					t.Errorf("%s: value %s", info.Kind, got)
				}
			}
		}
	}
}

func TestReadingProblems(t *testing.T) {
	member := `{"id":"m","organization_id":"o","person_id":"p"}`
	tests := []struct {
		name string
		kind schema.Kind
		doc  string
		want []brief
	}{
		{"empty", schema.Membership, "", []brief{{1, 1, "", "empty"}}},
		{"white space only", schema.Membership, " \n\t", []brief{{2, 2, "", "empty"}}},
		{"byte order mark", schema.Membership, "\ufeff" + member, []brief{{1, 1, "", "bom"}}},
		{"not UTF-8", schema.Membership, `{"id":"m","organization_id":"o","person_id":"` + "\xff" + `"}`, []brief{{1, 46, "", "encoding"}}},
		{"a key given twice", schema.Membership, "{\"id\":\"m\",\n\"organization_id\":\"o\",\"person_id\":\"p\",\"id\":\"n\"}", []brief{{2, 39, "/id", "duplicate_key"}}},
		{"syntax", schema.Membership, `{"id":"m",}`, []brief{{1, 11, "", "syntax"}}},
		{"two documents", schema.Membership, member + member, []brief{{1, 49, "", "syntax"}}},
		{"nested too deep", schema.Membership, strings.Repeat("[", 200), []brief{{1, 65, "", "depth"}}},
		{"no kind", "", member, []brief{{1, 1, "", CodeUnknownKind}}},
		{"an unknown kind", "nope", member, []brief{{1, 1, "", CodeUnknownKind}}},
		{"kind from $schema", "", `{"$schema":"https://spfkit.github.io/schema/v1/survey-response.schema.json","survey":"s"}`, []brief{{1, 1, "", "required"}}},
		{"a membership that ends before it starts", schema.Membership, "{\"id\":\"m\",\"organization_id\":\"o\",\"person_id\":\"p\",\n \"start_date\":\"2024-05-01\",\"end_date\":\"2023-01-01\"}", []brief{{2, 39, "/end_date", "invalid_interval"}}},
		{"a day that does not exist in a partial date's place", schema.Membership, `{"id":"m","organization_id":"o","person_id":"p","start_date":"2023-02-30"}`, []brief{{1, 62, "/start_date", "date"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []*Checker{{Kind: tt.kind}, {Kind: tt.kind, slow: true}} {
				r := c.Check([]byte(tt.doc))
				if diff := cmp.Diff(tt.want, briefs(r.Problems)); diff != "" {
					t.Errorf("slow=%v (-want +got)\n%s", c.slow, diff)
				}
				for _, p := range r.Problems {
					if p.Message == "" || p.Kind != string(r.Kind) {
						t.Errorf("problem without a message, or of another kind: %+v", p)
					}
				}
			}
		})
	}
}

// TestRulesLocated: each kind's own rules, placed on the line and column
// of what they concern.
func TestRulesLocated(t *testing.T) {
	cochairs, err := os.ReadFile("../cmd/spfkit/testdata/both-cochairs-employer.json")
	require.NoError(t, err)
	tests := []struct {
		name string
		kind schema.Kind
		doc  string
		want []brief
	}{
		{"both co-chairs from one side", schema.BodyDirectory, string(cochairs), []brief{{8, 120, "/posts/1/side", "co_chairs_one_sided"}}},
		{"an item the framework does not have, and one of the other level", schema.ActionPlan,
			`{"organization":"T","level":"local","entries":[` + "\n" + `{"item":"39.1","status":"not_yet_started"},` + "\n" + `{"item":"01.1","status":"not_yet_started"}]}`,
			[]brief{{2, 9, "/entries/0/item", "unknown_item"}, {3, 9, "/entries/1/item", "level_mismatch"}}},
		{"a response outside its scale", schema.SurveyResponse,
			`{"survey":"heatcheck-2022-members","answers":{"q1":9}}`, []brief{{1, 52, "/answers/q1", "out_of_range"}}},
		{"a response to a survey spfkit does not know has its schema alone", schema.SurveyResponse,
			`{"survey":"elsewhere","answers":{"q1":9}}`, []brief{}},
		{"a transfer that starts before the employee", schema.TransferCase, transferCase(t, func(s string) string {
			return strings.Replace(s, `"continuous_service_start": "2019-04-01"`, `"continuous_service_start": "2031-04-01"`, 1)
		}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := (&Checker{Kind: tt.kind}).Check([]byte(tt.doc))
			got := briefs(r.Problems)
			if tt.want == nil {
				if len(got) == 0 {
					t.Fatalf("no problem found")
				}
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// transferCase returns the outsourcing fixture, changed.
func transferCase(t *testing.T, change func(string) string) string {
	t.Helper()
	data, err := os.ReadFile("../schema/testdata/transfer-case/valid/outsourcing.json")
	require.NoError(t, err)
	out := change(string(data))
	if out == string(data) {
		t.Fatal("the change did not apply")
	}
	return out
}

// TestEveryReaderRefusesWhatValidateRefuses: the mistakes each kind's
// reader once let through are refused, with the same problems whichever
// way the document is read.
func TestEveryReaderRefusesWhatValidateRefuses(t *testing.T) {
	tests := []struct {
		name, doc string
		code      string
	}{
		{"a misspelt pension status", transferCase(t, func(s string) string { return strings.Replace(s, `"nhsps_active"`, `"nhsps_actve"`, 1) }), "enum"},
		{"a misspelt mechanism", transferCase(t, func(s string) string { return strings.Replace(s, `"outsourcing"`, `"outsorcing"`, 1) }), "enum"},
		{"a key given twice", transferCase(t, func(s string) string { return strings.Replace(s, "{", `{"transfer": {},`, 1) }), "duplicate_key"},
		{"text that is not UTF-8", transferCase(t, func(s string) string { return strings.Replace(s, `"name": "`, "\"name\": \"\xff", 1) }), "encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := (&Checker{Kind: schema.TransferCase}).Check([]byte(tt.doc))
			if r.Valid() || !hasCode(r.Problems, tt.code) {
				t.Errorf("problems %v, want one %s", briefs(r.Problems), tt.code)
			}
			_, err := ParseCase([]byte(tt.doc))
			if diff := cmp.Diff(briefs(r.Problems), briefs(problem.All(err))); diff != "" {
				t.Errorf("ParseCase differs from Check (-check +parse)\n%s", diff)
			}
		})
	}
}

func hasCode(ps []*problem.Error, code string) bool {
	for _, p := range ps {
		if p.Code == code {
			return true
		}
	}
	return false
}

// TestLenient: when the schema finds a fault in a plan, the plan's rules
// still judge what could be read, beside it.
func TestLenient(t *testing.T) {
	doc := `{"organization":"T","level":"local","entries":[` + "\n" +
		`{"item":"01.1","status":"not_yet_started"},` + "\n" +
		`{"item":"13.2","status":"don"}]}`
	r := (&Checker{Kind: schema.ActionPlan}).Check([]byte(doc))
	want := []brief{{2, 9, "/entries/0/item", "level_mismatch"}, {3, 25, "/entries/1/status", "enum"}}
	if diff := cmp.Diff(want, briefs(r.Problems)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// A survey named nowhere is not judged twice: the schema's missing
	// property is enough.
	r = (&Checker{Kind: schema.SurveyResponse, Survey: survey.MustBuiltin(survey.HeatCheck2022Members)}).Check([]byte(`{"answers":{"q9":1}}`))
	want = []brief{{1, 1, "", "required"}, {1, 18, "/answers/q9", "unknown_question"}}
	if diff := cmp.Diff(want, briefs(r.Problems)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// seeds are documents of every kind to edit: the valid fixtures and
// responses to the built-in surveys, which the fast rules judge.
func seeds(t testing.TB) map[schema.Kind][][]byte {
	out := map[schema.Kind][][]byte{}
	for _, info := range schema.Kinds() {
		out[info.Kind] = fixtures(t, info.Kind)
	}
	data, err := os.ReadFile("../cmd/spfkit/testdata/golden/in/responses.ndjson")
	require.NoError(t, err)
	for _, l := range bytes.Split(bytes.TrimSpace(data), []byte("\n"))[:40] {
		out[schema.SurveyResponse] = append(out[schema.SurveyResponse], l)
	}
	return out
}

// sameResult checks that the fast and slow ways give one verdict.
func sameResult(t *testing.T, k schema.Kind, data []byte) bool {
	t.Helper()
	fast := (&Checker{Kind: k}).Check(data)
	slow := (&Checker{Kind: k, slow: true}).Check(data)
	if diff := cmp.Diff(briefs(slow.Problems), briefs(fast.Problems)); diff != "" {
		t.Errorf("%s: fast and slow differ (-slow +fast)\n%s\non %s", k, diff, data)
	}
	if (fast.Value == nil) != (slow.Value == nil) {
		t.Errorf("%s: one way gives a value, the other not", k)
	}
	return fast.Valid()
}

// TestFastAndSlowAgree makes random edits to documents of every kind and
// requires the fast ways (the schema's compiled path, a response's
// decoder and validator standing in for its schema) to give exactly the
// problems of the slow way, the schema engine then the rules.
func TestFastAndSlowAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 100
	if testing.Short() {
		n = 10
	}
	valid, invalid := 0, 0
	for k, docs := range seeds(t) {
		for _, data := range docs {
			sameResult(t, k, data)
			for range n {
				out, err := jsonedit.Edit(rng, data, 1+rng.IntN(2))
				require.NoError(t, err)
				if sameResult(t, k, out) {
					valid++
				} else {
					invalid++
				}
			}
		}
	}
	t.Logf("%d edited documents valid, %d invalid", valid, invalid)
	if valid < 100 || invalid < 1000 {
		t.Errorf("the edits exercise too little: %d valid, %d invalid", valid, invalid)
	}
}

func FuzzFastAndSlowAgree(f *testing.F) {
	kinds := schema.Kinds()
	byKind := seeds(f)
	for i, info := range kinds {
		for _, d := range byKind[info.Kind] {
			f.Add(uint8(i), d)
		}
	}
	f.Fuzz(func(t *testing.T, k uint8, data []byte) {
		kind := kinds[int(k)%len(kinds)].Kind
		sameResult(t, kind, data)
		for _, p := range (&Checker{Kind: kind}).Check(data).Problems {
			if p.Line < 1 || p.Column < 1 || p.Code == "" || p.Message == "" {
				t.Fatalf("problem not located: %+v", p)
			}
		}
	})
}

// refusingReader fails the test if more than n bytes are read from it.
type refusingReader struct {
	t    *testing.T
	n    int
	read int
}

func (r *refusingReader) Read(b []byte) (int, error) {
	r.read += len(b)
	if r.read > r.n {
		r.t.Fatalf("read %d bytes, beyond the bound", r.read)
	}
	for i := range b {
		b[i] = ' '
	}
	return len(b), nil
}

func TestReadBound(t *testing.T) {
	c := &Checker{Kind: schema.Membership, MaxBytes: 1000}
	// A size over the bound is refused without reading.
	r, err := c.Read(&refusingReader{t: t, n: 0}, 5000)
	require.NoError(t, err)
	require.Equal(t, []brief{{1, 1, "", "too_large"}}, briefs(r.Problems))
	// Without a size, no more than the bound (and a little to see past
	// it) is read.
	r, err = c.Read(io.LimitReader(&refusingReader{t: t, n: 64 << 10}, 1<<30), 0)
	require.NoError(t, err)
	require.Equal(t, []brief{{1, 1, "", "too_large"}}, briefs(r.Problems))
	// An error reading is the error.
	_, err = c.Read(iotest{}, 0)
	require.Error(t, err)
}

type iotest struct{}

func (iotest) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestStream(t *testing.T) {
	member := func(id string) string { return `{"id":"` + id + `","organization_id":"o","person_id":"p"}` }
	in := member("a") + "\n\n" + member("B") + "\r\n" + strings.Repeat("x", 200) + "\n" + "{\n" + member("c")
	want := []string{
		"1: ok",
		"3: [{3 7 /id pattern}]",
		"4: [{4 1  too_long}]",
		"5: [{5 2  syntax}]",
		"6: ok",
	}
	for _, workers := range []int{1, 3} {
		var got []string
		c := &Checker{Kind: schema.Membership}
		st, err := c.Stream(strings.NewReader(in), StreamOptions{Workers: workers, MaxRecord: 100}, func(r Record) {
			s := strconv.Itoa(r.Line) + ": ok"
			if !r.Valid() {
				s = fmt.Sprintf("%d: %v", r.Line, briefs(r.Problems))
			} else if _, ok := r.Value.(*spf.Membership); !ok {
				s = fmt.Sprintf("%d: %T", r.Line, r.Value)
			}
			got = append(got, s)
		})
		require.NoError(t, err)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("workers=%d (-want +got)\n%s", workers, diff)
		}
		require.Equal(t, Stats{Records: 5, Invalid: 3}, st)
	}
	// No records is a problem of its own.
	var got []Record
	st, err := (&Checker{Kind: schema.Membership}).Stream(strings.NewReader("\n \n"), StreamOptions{}, func(r Record) { got = append(got, r) })
	require.NoError(t, err)
	require.Equal(t, Stats{}, st)
	require.Len(t, got, 1)
	require.Equal(t, []brief{{1, 1, "", CodeNoRecords}}, briefs(got[0].Problems))
	// Process says so with an error.
	_, err = Process(&Checker{}, strings.NewReader(""), StreamOptions{}, func() func(Record) int { return func(Record) int { return 0 } }, func(int) {})
	var pe *problem.Error
	require.True(t, errors.As(err, &pe) && pe.Code == CodeNoRecords, "error %v", err)
}

func TestElements(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	c := &Checker{Kind: schema.SurveyResponse, Survey: def}
	data := "[\n" + `{"survey":"heatcheck-2022-members","answers":{"q1":4}},` + "\n  " + `{"survey":"heatcheck-2022-members","answers":{"q1":6}}` + "\n]"
	var got []string
	require.NoError(t, c.Elements([]byte(data), func(r Record) {
		got = append(got, fmt.Sprintf("%d %v", r.Line, briefs(r.Problems)))
	}))
	require.Equal(t, []string{"2 []", "3 [{3 54 /answers/q1 out_of_range}]"}, got)
	for _, tt := range []struct{ doc, want string }{
		{"", "line 1, column 1: the file is empty"},
		{"{}", "line 1, column 1: expected a JSON array"},
		{"[{}", "line 1, column 4: the array is not closed"},
		{"[{} {}]", "line 1, column 5: expected ',' or ']' between the array's elements"},
		{"[] x", "line 1, column 4: unexpected data after the end of the array"},
		{"[{,}]", "line 1, column 3: expected a field name in double quotes"},
	} {
		err := c.Elements([]byte(tt.doc), func(Record) {})
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: %v, want %s", tt.doc, err, tt.want)
		}
	}
}

// TestParse: the Parse functions give the value of a valid document and
// every problem of an invalid one, as Check does.
func TestParse(t *testing.T) {
	read := func(kind schema.Kind) []byte { return fixtures(t, kind)[0] }
	d, err := ParseDirectory(read(schema.BodyDirectory))
	require.NoError(t, err)
	require.NotEmpty(t, d.Organizations)
	m, err := ParseMembership(read(schema.Membership))
	require.NoError(t, err)
	require.NotEmpty(t, m.ID)
	def, err := ParseDefinition(read(schema.SurveyDefinition))
	require.NoError(t, err)
	require.NotEmpty(t, def.Questions)
	resp, err := ParseResponse(read(schema.SurveyResponse), nil)
	require.NoError(t, err)
	require.Equal(t, survey.HeatCheck2022Members, resp.Survey)
	fw, err := ParseFramework(read(schema.HRODFramework))
	require.NoError(t, err)
	require.NotEmpty(t, fw.Themes)
	p, err := ParsePlan(read(schema.ActionPlan))
	require.NoError(t, err)
	require.Equal(t, hrod.Local, p.Level)
	cs, err := ParseCase(read(schema.TransferCase))
	require.NoError(t, err)
	require.True(t, cs.Transfer.Mechanism.Valid())

	// Against another survey, a response is refused.
	other := *survey.MustBuiltin(survey.HeatCheck2022Members)
	other.ID = "another"
	_, err = ParseResponse(read(schema.SurveyResponse), &other)
	require.True(t, hasCode(problem.All(err), survey.CodeWrongSurvey), "error %v", err)
	// A problem of the wrong kind of document.
	_, err = ParseMembership(read(schema.BodyDirectory))
	require.NotEmpty(t, problem.All(err))
}
