package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/internal/jsonedit"
	"github.com/spfkit/spfkit/schema"
)

// reader is a command that reads a document of a kind; FILE in its
// arguments is replaced by the input's path.
type reader struct {
	kind   schema.Kind
	ndjson bool // the command reads one document per line
	array  bool // the command reads a JSON array of documents
	args   []string
}

var readers = []reader{
	{schema.TransferCase, false, false, []string{"transfer", "--format", "json", "FILE"}},
	{schema.TransferCase, true, false, []string{"transfer", "--ndjson", "FILE"}},
	{schema.ActionPlan, false, false, []string{"plan", "status", "--on", "2023-03-10", "FILE"}},
	{schema.BodyDirectory, false, false, []string{"bodies", "check", "FILE"}},
	{schema.BodyDirectory, false, false, []string{"bodies", "actions", "FILE"}},
	{schema.SurveyDefinition, false, false, []string{"survey", "show", "FILE"}},
	{schema.SurveyDefinition, false, false, []string{"score", "--survey", "FILE", "--input-format", "json", "EMPTY"}},
	{schema.SurveyResponse, true, false, []string{"score", "--survey", "heatcheck-2022-members", "--input-format", "ndjson", "FILE"}},
	{schema.SurveyResponse, false, true, []string{"score", "--survey", "heatcheck-2022-members", "--input-format", "json", "FILE"}},
	{schema.Membership, true, false, []string{"validate", "--ndjson", "--kind", "membership", "FILE"}},
}

// hostile returns documents made from a valid one: broken encodings,
// repeated keys, truncations, deep nesting, numbers out of range, and
// random edits of its values and members.
func hostile(rng *rand.Rand, doc []byte, edits int) [][]byte {
	out := [][]byte{
		{}, []byte(" \n\t"), []byte("\x00"), []byte("null"), []byte("[]"), []byte("{}"), []byte(`"text"`),
		append([]byte("\xef\xbb\xbf"), doc...),
		doc[:len(doc)/2],
		append(append([]byte{}, doc...), []byte(" {}")...),
		jsonedit.DuplicateKey(doc),
		bytes.Replace(doc, []byte(`": "`), []byte("\": \"\xff\xfe"), 1),
		bytes.Replace(doc, []byte(`": "`), []byte("\": \"\\u0000\x01"), 1),
		bytes.Replace(doc, []byte(`": `), []byte(`": `+strings.Repeat("[", 300)), 1),
		bytes.Replace(doc, []byte(`": "`), []byte(`": 1e999, "x": "`), 1),
		bytes.Replace(doc, []byte(`": "`), []byte(`": -12345678901234567890123, "x": "`), 1),
	}
	for range edits {
		if d, err := jsonedit.Edit(rng, doc, 1+rng.IntN(3)); err == nil {
			out = append(out, d)
		}
	}
	return out
}

// compact puts a document on one line, as NDJSON holds it; what is not
// JSON keeps its bytes, without newlines.
func compact(doc []byte) []byte {
	var b bytes.Buffer
	if json.Compact(&b, doc) == nil {
		return b.Bytes()
	}
	return bytes.ReplaceAll(doc, []byte("\n"), []byte(" "))
}

// located is what every line a command writes to stderr about an input
// must be: the file, a line and what is wrong there, or a summary.
var located = regexp.MustCompile(`^(\S+:[1-9][0-9]*: .+|spfkit (transfer|score|plan status|survey show|bodies actions): .+)$`)

// TestHostileInputs feeds about 1,500 hostile documents to every command
// that reads one, beside spfkit validate: no command accepts what
// validate refuses, every refusal is located, nothing panics, and bad
// content is exit status 1, never 2.
func TestHostileInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	edits := 70
	if testing.Short() {
		edits = 3
	}
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.json")
	require.NoError(t, os.WriteFile(empty, []byte("[]\n"), 0o644))
	runs := 0
	for _, rd := range readers {
		seeds, err := filepath.Glob(filepath.Join("..", "..", "schema", "testdata", string(rd.kind), "valid", "*.json"))
		require.NoError(t, err)
		require.NotEmpty(t, seeds)
		for _, seed := range seeds {
			doc, err := os.ReadFile(seed)
			require.NoError(t, err)
			for i, in := range hostile(rng, doc, edits) {
				if rd.ndjson {
					in = append(compact(in), '\n')
				}
				path := filepath.Join(dir, "in.json")
				require.NoError(t, os.WriteFile(path, in, 0o644))
				cmdPath := path
				if rd.array && len(bytes.TrimSpace(in)) > 0 {
					// An array holding the document: refused if the
					// document is. (An empty file stays empty.)
					cmdPath = filepath.Join(dir, "array.json")
					require.NoError(t, os.WriteFile(cmdPath, append(append([]byte("[\n"), in...), "\n]\n"...), 0o644))
				}
				vargs := []string{"validate", "--kind", string(rd.kind), path}
				if rd.ndjson {
					vargs = []string{"validate", "--ndjson", "--kind", string(rd.kind), path}
				}
				vcode, _, _ := runCLI(t, "", vargs...)
				args := make([]string, len(rd.args))
				for j, a := range rd.args {
					args[j] = strings.ReplaceAll(strings.ReplaceAll(a, "FILE", cmdPath), "EMPTY", empty)
				}
				code, _, stderr := runCLI(t, "", args...)
				runs++
				what := func() string {
					lines := strings.SplitN(stderr, "\n", 6)
					return strings.Join(args, " ") + " on input " + seed + "#" + strconv.Itoa(i) + ":\n" + string(in[:min(len(in), 300)]) + "\n" + strings.Join(lines[:min(len(lines), 5)], "\n")
				}
				if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
					t.Fatalf("a panic: %s", what())
				}
				if code == exitUsage {
					t.Errorf("exit 2 for bad content: %s", what())
				}
				if code == exitOK && vcode != exitOK {
					t.Errorf("accepts what validate refuses: %s", what())
				}
				if code != exitOK && vcode == exitOK && rd.kind != schema.SurveyResponse {
					// A response may answer another survey than the one
					// scored; everything else the command must take.
					t.Errorf("refuses what validate accepts: %s", what())
				}
				for _, line := range strings.Split(strings.TrimRight(stderr, "\n"), "\n") {
					if line != "" && !located.MatchString(strings.ReplaceAll(line, cmdPath, "FILE")) {
						t.Errorf("not located: %q\n%s", line, what())
						break
					}
				}
			}
		}
	}
	t.Logf("%d runs", runs)
}

// TestWholeDocumentReadersAreBounded: a document larger than the bound,
// from a file or a pipe, is refused after reading no more than the bound,
// in memory of a few times the bound.
func TestWholeDocumentReadersAreBounded(t *testing.T) {
	const bound = 1 << 20
	big := `{"id": "` + strings.Repeat("x", 8*bound) + `"}`
	path := writeFile(t, "big.json", []byte(big))
	for _, args := range [][]string{
		{"validate", "--kind", "transfer-case", "--max-bytes", "1048576", path},
		{"validate", "--kind", "transfer-case", "--max-bytes", "1048576", "-"},
		{"transfer", "--max-bytes", "1048576", path},
		{"transfer", "--max-bytes", "1048576", "-"},
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		stdin := ""
		if args[len(args)-1] == "-" {
			stdin = big
		}
		var out, errb bytes.Buffer
		code := run(env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
		runtime.ReadMemStats(&after)
		if code != exitInvalid || !strings.Contains(errb.String()+out.String(), "larger than 1 MiB") {
			t.Errorf("%v: exit %d, %s%s", args, code, out.String(), errb.String())
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4*bound {
			t.Errorf("%v: allocated %d bytes for a bound of %d", args, alloc, bound)
		}
	}
}
