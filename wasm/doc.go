// Package wasm is the widget kit: the survey form and the HR and OD action
// checklist that intranet pages embed with <spf-survey> and
// <spf-checklist>.
//
// Everything but the last few lines is plain Go, tested on the host: the
// markup (RenderSurvey, RenderChecklist, against golden files), reading a
// form (ResponseFromForm), drafts (EncodeDraft, DecodeDraft), plan import
// and export (ImportPlan, ExportPlan), and the shell (shell) that mounts
// the widgets, listens to the page, saves, posts and lets go of its
// callbacks when an element leaves the page. The shell codes against
// jsValue, jsFunc and jsRuntime, the small part of JavaScript it needs: in the
// browser they are syscall/js's own types (dom_js.go, built only for
// js/wasm, which holds nothing but Run), on the host interfaces that the
// tests drive with a recording fake of the page.
//
// cmd/spfkit-widget is the WebAssembly program and assets/spfkit.js its
// loader, which defines the custom elements, boots one Go runtime for
// the page and calls __spfMount and __spfUnmount from the elements'
// connected and disconnected callbacks.
//
// The widget compiles the lean packages survey, hrod, date and problem,
// and the decoders generated from their types (internal/surveyjson,
// internal/hrodjson); it leaves out fmt, reflection, encoding/json, time,
// embed and the JSON Schema engine, to stay within its size budget of
// 550,000 bytes with brotli. A plan imported into the checklist is read
// by the generated decoder and judged by the plan rules
// (hrod.Framework.CheckPlan) rather than by package check.
//
// # Choices the widgets make
//
//   - Nothing is lost silently. A form with nothing answered is sent only
//     when submitted twice (BlankAlert); without a submit-url the form
//     says the answers were not sent (NotSentAlert) unless the page
//     cancels spf-submit to take them itself; a failed send shows
//     FailedAlert beside the button and moves focus there; a 400 from the
//     service fills the error summary with its problems.
//   - The loader, not Go, makes the requests (__spfSend): the submission
//     id that makes a retry harmless, the invitation, and the checklist's
//     shared plan with If-Match. JavaScript does that in a fraction of the
//     bytes Go would.
//   - The checklist fetches its framework (framework.txt, FrameworkText)
//     when a page has one, so a survey-only page never pays for it; it
//     renders only the themes a user opened, or every theme a filter
//     matches, and mounts in a task of its own after a survey beside it.
//   - SurveyView.Action renders the form for a page without scripts (the
//     service's /surveys/{id}): every question and "please specify" box
//     shows, since nothing can reveal them, and the widget taking the form
//     over later keeps what was entered.
//   - A built-in survey starts early. The bundle carries each built-in
//     survey's empty form as RenderSurvey draws it (survey-ID.html,
//     written by wasm/bundle from the survey itself), and the loader shows
//     it while the runtime starts: on the CI machine a reader has the
//     form in about a quarter of the time the program needs to start.
//     Until the widget runs, a submit is held and made again once it
//     does; a form the reader touched is taken over with what was entered,
//     an untouched one gives way to the widget's own (so a saved draft
//     still shows), and focus stays on the same field. The host gets
//     data-spf-live once the widget runs.
//   - A definition given inline or by src is checked for what the widget
//     needs to draw and judge it (ReadDefinition), not with every rule of
//     Definition.Check: the service checks in full every definition it
//     serves and receives answers to, and spfkit validate checks a file.
//   - A draft names the form it belongs to by FormID: a built-in's content
//     hash (generated with it), or a fingerprint of an inline form's text,
//     so any edit to that text clears an older draft, with a notice.
//   - A free-text pattern is tested with the browser's RegExp, as SurveyJS
//     tests it; an email address, a number or a date is a one-line input with the
//     keyboard that suits it; an option whose condition does not hold is
//     left out of the form until it does.
package wasm
