package surveyjs_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey/surveyjs"
)

// corpus is what each form of testdata/corpus (SurveyJS forms in the
// shapes its documentation shows) gives: "" when it imports, else the
// pointer of its first problem. The README records the count.
var corpus = map[string]string{
	"boolean.json":          "",
	"conditions.json":       "",
	"multipage.json":        "",
	"multipletext.json":     "",
	"nps.json":              "",
	"quotes.json":           "",
	"student-feedback.json": "",
	"html.json":             "",
	"matrix.json":           "",
	"panel.json":            "",
	"pictures.json":         "",
	"quiz.json":             "/elements/0/correctAnswer", // a quiz's scoring has no place in spfkit
	"validators.json":       "",
}

// TestCorpus imports every form of the corpus, each as the manifest says;
// every one that imports survives an export and a re-import unchanged,
// with the same content hash; every refusal is located and says what to do.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/corpus/*.json")
	require.NoError(t, err)
	require.Len(t, files, len(corpus), "every corpus form has an entry in the manifest")
	imported := 0
	for _, f := range files {
		name := filepath.Base(f)
		want, ok := corpus[name]
		require.True(t, ok, "%s is not in the manifest", name)
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		def, err := surveyjs.ImportSurveyJS(data, "corpus", "1")
		if want != "" {
			errs := problem.All(err)
			if len(errs) == 0 || errs[0].Pointer != want || errs[0].Line == 0 || errs[0].Hint == "" {
				t.Errorf("%s: want a located refusal at %s with a hint, got %v", name, want, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		imported++
		out, err := surveyjs.ExportSurveyJS(def)
		require.NoError(t, err, name)
		back, err := surveyjs.ImportSurveyJS(out, def.ID, def.Version)
		require.NoError(t, err, "%s re-imported:\n%s", name, out)
		if diff := cmp.Diff(def, back); diff != "" || back.Hash() != def.Hash() {
			t.Errorf("%s: the round trip changed the definition (-before +after):\n%s", name, diff)
		}
	}
	if imported != 12 {
		t.Errorf("%d of %d corpus forms import; the README says 12", imported, len(files))
	}
}
