package wasm_test

import (
	"fmt"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/wasm"
)

// What <spf-survey> does with a form, shown on the host: the fields the
// browser gives become a response, the survey package's own validator
// judges it, and a draft kept for a later visit is refused once the
// survey has changed.
func Example() {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	fields := [][2]string{{"org_type", "other"}, {"q1", "4"}, {"q2", "9"}}
	r := wasm.ResponseFromForm(def, fields)
	for _, e := range problem.All(survey.Validate(def, r)) {
		fmt.Println(e.Pointer, e.Code)
	}

	form := wasm.FormID(def, "") // a built-in: its content hash
	draft := wasm.EncodeDraft(form, r, 0)
	restored, notice := wasm.DecodeDraft(def, form, draft, 1000, wasm.DraftTTL)
	fmt.Println(wasm.DraftKey(def), len(restored.Answers), notice == "")

	// The same survey given inline is another form to a draft.
	inline, _ := def.MarshalJSON()
	_, notice = wasm.DecodeDraft(def, wasm.FormID(def, string(inline)), draft, 1000, wasm.DraftTTL)
	fmt.Println(notice)
	// Output:
	// /answers/q2 out_of_range
	// /other/org_type other_without_text
	// spfkit:draft:heatcheck-2022-members 3 true
	// The survey has changed since your answers were saved, so they have been cleared. Please answer again.
}
