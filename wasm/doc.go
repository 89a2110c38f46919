// Package wasm is the widget kit: the survey form and the HR and OD action
// checklist that intranet pages embed with <spf-survey> and
// <spf-checklist>. The rendering, form reading, drafts and plan import are
// plain Go here, tested on the host against golden markup; dom_js.go (built
// only for js/wasm) is the thin shell that talks to the page, and
// cmd/spfkit-widget is the WebAssembly program. It shares its validation
// with the library through internal/surveycore and internal/hrodcore,
// which keep fmt, reflection, encoding/json, time and embed out of the
// bundle.
package wasm
