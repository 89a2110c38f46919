package surveyjs_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/survey/surveyjs"
)

// TestSectionsAndIntros: page and panel titles head sections, their
// descriptions and html elements become the next question's intro as
// text, and a text after the last question is noted, not dropped
// silently. The export writes a page per section and an html element per
// intro, which read back the same.
func TestSectionsAndIntros(t *testing.T) {
	form := `{"title": "T", "pages": [
	  {"name": "p1", "title": "About you", "description": "A few facts first.", "elements": [
	    {"type": "html", "name": "h", "html": "<h4>Before you start</h4><p>Answers are  <b>anonymous</b> &amp; kept\nfor a year.<br>Ask the secretary if unsure.</p><script>alert(1)</script><ul><li>One</li><li>Two</li></ul>"},
	    {"type": "radiogroup", "name": "side", "choices": ["staff", "employer"]},
	    {"type": "panel", "name": "pn", "title": "Contact", "elements": [{"type": "text", "name": "email", "inputType": "email"}]}]},
	  {"name": "p2", "elements": [
	    {"type": "panel", "name": "pn2", "title": "Views", "description": "Say what you think.", "elements": [{"type": "rating", "name": "heard"}]},
	    {"type": "comment", "name": "why"},
	    {"type": "html", "name": "bye", "html": "<p>Thank you.</p>"}]}]}`
	def, notes, err := surveyjs.ImportSurveyJSNotes([]byte(form), "s", "1")
	require.NoError(t, err)
	type got struct{ ID, Section, Intro string }
	var all []got
	for _, q := range def.Questions {
		all = append(all, got{string(q.ID), q.Section, q.Intro})
	}
	want := []got{
		{"side", "About you", "A few facts first.\n\nBefore you start\n\nAnswers are anonymous & kept for a year.\nAsk the secretary if unsure.\n\nOne\nTwo"},
		{"email", "Contact", ""},
		{"heard", "Views", "Say what you think."},
		{"why", "", ""},
	}
	if diff := cmp.Diff(want, all); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	require.Len(t, notes, 1)
	require.Equal(t, "/pages/1/elements/2/html", notes[0].Pointer)

	out, err := surveyjs.ExportSurveyJS(def)
	require.NoError(t, err)
	back, err := surveyjs.ImportSurveyJS(out, "s", "1")
	require.NoError(t, err, "%s", out)
	if diff := cmp.Diff(def, back); diff != "" {
		t.Errorf("the round trip changed the form (-before +after):\n%s", diff)
	}

	// A panel first on a titled page: both titles, page first.
	def, err = surveyjs.ImportSurveyJS([]byte(`{"title": "T", "pages": [{"name": "p", "title": "Part 1", "elements": [
	  {"type": "panel", "name": "x", "title": "Pay", "elements": [{"type": "comment", "name": "c"}]}]}]}`), "s", "1")
	require.NoError(t, err)
	require.Equal(t, "Part 1 – Pay", def.Questions[0].Section)
}

// FuzzHTMLText: any html element's markup becomes text, never a panic;
// the text, written back as markup by the export and read again, is the
// same text.
func FuzzHTMLText(f *testing.F) {
	for _, s := range []string{"<p>a</p><p>b<br>c</p>", "x &lt;y&gt; <script>z</script>", "<ul><li>1<li>2</ul>", "<p", "&amp;&#39;\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, markup string) {
		form := `{"title": "T", "elements": [{"type": "html", "name": "h", "html": ` + strconvQuote(markup) + `}, {"type": "comment", "name": "c"}]}`
		def, err := surveyjs.ImportSurveyJS([]byte(form), "s", "1")
		if err != nil {
			return // markup that is not UTF-8, which JSON cannot carry
		}
		out, err := surveyjs.ExportSurveyJS(def)
		require.NoError(t, err)
		back, err := surveyjs.ImportSurveyJS(out, "s", "1")
		require.NoError(t, err)
		if back.Questions[0].Intro != def.Questions[0].Intro {
			t.Fatalf("%q read as %q, then as %q", markup, def.Questions[0].Intro, back.Questions[0].Intro)
		}
	})
}
