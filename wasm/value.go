//go:build !js

package wasm

// jsValue is a JavaScript value: an object, a string, a number, null. The
// shell codes against it; in the browser it is syscall/js's js.Value
// (dom_js.go), in the host tests a recording fake. Its methods are
// js.Value's.
type jsValue interface {
	// Get reads a property.
	Get(name string) jsValue
	// Set writes a property; x is a Go string, number or bool, a jsValue
	// or a jsFunc.
	Set(name string, x any)
	// Call calls a method, with arguments as for Set.
	Call(method string, args ...any) jsValue
	// New calls the value as a constructor.
	New(args ...any) jsValue
	// Index reads an element of an array.
	Index(i int) jsValue
	// Length is an array's length.
	Length() int
	String() string
	Bool() bool
	Int() int
	Float() float64
	IsNull() bool
	IsUndefined() bool
}

// jsFunc is a Go function handed to the page, such as an event listener;
// js.Func in the browser. Release frees it once nothing in the page can
// call it any more.
type jsFunc interface {
	Release()
}

// jsRuntime is the page's JavaScript: its global object and a way to hand it Go
// functions.
type jsRuntime interface {
	Global() jsValue
	Null() jsValue
	FuncOf(fn func(this jsValue, args []jsValue) any) jsFunc
}
