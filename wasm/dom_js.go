//go:build js && wasm

package wasm

import (
	"syscall/js"

	"github.com/spfkit/spfkit/survey"
)

// In the browser the shell's jsValue and jsFunc are syscall/js's own types,
// so the widgets call JavaScript directly: the interfaces the host build
// declares (value.go) would cost the bundle 9 KB with brotli in wrappers
// and dispatch. shell.go compiles against both, which keeps them one
// method set.
type (
	jsValue   = js.Value
	jsFunc    = js.Func
	jsRuntime = browser
)

type browser struct{}

func (browser) Global() jsValue { return js.Global() }

func (browser) Null() jsValue { return js.Null() }

func (browser) FuncOf(fn func(this jsValue, args []jsValue) any) jsFunc { return js.FuncOf(fn) }

// Run registers the functions the loader (spfkit.js) calls: __spfMount
// for each <spf-survey> and <spf-checklist> element that joins the page
// and __spfUnmount for each that leaves it. It announces that the
// runtime is ready and keeps it alive: one Go runtime serves every
// element on a page.
func Run() {
	sh := newShell(browser{})
	// A free-text pattern is tested with JavaScript's RegExp, as SurveyJS
	// tests it: the program carries no regular-expression engine (Go's
	// regexp would cost tens of kilobytes). A pattern RegExp cannot read
	// passes here; the service, which checks every definition, refuses it.
	regExp := js.Global().Get("RegExp")
	survey.MatchPattern = func(pattern, text string) (ok bool) {
		defer func() {
			if recover() != nil {
				ok = true
			}
		}()
		return regExp.New(pattern).Call("test", text).Bool()
	}
	// mount(element, kind, sourceText, host) returns the widget's id.
	js.Global().Set("__spfMount", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 4 {
			return 0
		}
		return sh.Mount(args[0], args[3], args[1].String(), args[2].String())
	}))
	js.Global().Set("__spfUnmount", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			sh.Unmount(args[0].Int())
		}
		return nil
	}))
	doc := js.Global().Get("document")
	doc.Call("dispatchEvent", js.Global().Get("CustomEvent").New("spf-wasm-ready"))
	select {}
}
