//go:build !js

package wasm

import (
	"strconv"
	"strings"
)

// A recording fake of the page's JavaScript, enough for the shell: objects
// with properties and methods, listeners, storage, a clock, FormData,
// fetch and custom events. Every method call is logged.

type fakePage struct {
	global  *obj
	doc     *obj
	log     []string
	funcs   []*fakeFunc
	storage map[string]*obj // "localStorage", "sessionStorage"
	now     float64
	fields  [][2]string // what FormData reads from a form
	fetches []*fetch
	events  []*obj          // dispatched custom events
	cancels map[string]bool // events the page's listeners cancel
	byID    map[string]*obj
}

// fetch is a request the shell made, waiting for the test to settle it.
type fetch struct {
	url, body string
	ok, fail  *fakeFunc
}

type fakeFunc struct {
	fn       func(this jsValue, args []jsValue) any
	released bool
}

func (f *fakeFunc) Release() { f.released = true }

// obj is any JavaScript value: an object (props, methods), a string, a
// number, a bool, an array (items), null or undefined.
type obj struct {
	page      *fakePage
	name      string
	props     map[string]any
	methods   map[string]func(args []any) jsValue
	listeners map[string][]*fakeFunc
	items     []jsValue
	str       string
	num       float64
	boolean   bool
	null      bool
	undefined bool
}

func (p *fakePage) object(name string) *obj {
	return &obj{page: p, name: name, props: map[string]any{}, methods: map[string]func([]any) jsValue{}, listeners: map[string][]*fakeFunc{}}
}

func (p *fakePage) str(s string) *obj { return &obj{page: p, str: s} }
func (p *fakePage) undef() *obj       { return &obj{page: p, undefined: true} }
func (p *fakePage) nul() *obj         { return &obj{page: p, null: true} }
func (p *fakePage) number(f float64) *obj {
	return &obj{page: p, num: f, str: strconv.FormatFloat(f, 'g', -1, 64)}
}

func (p *fakePage) Global() jsValue { return p.global }
func (p *fakePage) Null() jsValue   { return p.nul() }
func (p *fakePage) FuncOf(fn func(this jsValue, args []jsValue) any) jsFunc {
	f := &fakeFunc{fn: fn}
	p.funcs = append(p.funcs, f)
	return f
}

// live counts the functions handed to the page and not released.
func (p *fakePage) live() int {
	n := 0
	for _, f := range p.funcs {
		if !f.released {
			n++
		}
	}
	return n
}

func (o *obj) Get(name string) jsValue {
	switch x := o.props[name].(type) {
	case *obj:
		return x
	case string:
		return o.page.str(x)
	case float64:
		return o.page.number(x)
	case int:
		return o.page.number(float64(x))
	case bool:
		return &obj{page: o.page, boolean: x}
	}
	return o.page.undef()
}

func (o *obj) Set(name string, x any) {
	o.page.log = append(o.page.log, "set "+o.name+"."+name)
	o.props[name] = x
}

func (o *obj) Call(method string, args ...any) jsValue {
	var parts []string
	for _, a := range args {
		switch a := a.(type) {
		case string:
			parts = append(parts, a)
		case *obj:
			if a.name == "" {
				parts = append(parts, a.str) // a string or number
			} else {
				parts = append(parts, "<"+a.name+">")
			}
		case *fakeFunc:
			parts = append(parts, "<func>")
		}
	}
	o.page.log = append(o.page.log, o.name+"."+method+"("+strings.Join(parts, ", ")+")")
	switch method {
	case "addEventListener":
		o.listeners[args[0].(string)] = append(o.listeners[args[0].(string)], args[1].(*fakeFunc))
		return o.page.undef()
	case "removeEventListener":
		list := o.listeners[args[0].(string)]
		for i, f := range list {
			if f == args[1].(*fakeFunc) {
				o.listeners[args[0].(string)] = append(list[:i], list[i+1:]...)
				break
			}
		}
		return o.page.undef()
	case "getAttribute":
		if s, ok := o.props["@"+args[0].(string)].(string); ok {
			return o.page.str(s)
		}
		return o.page.nul()
	case "getRootNode":
		return o.page.doc
	case "contains":
		return &obj{page: o.page, boolean: true}
	case "dispatchEvent":
		// false when the page cancels the event (a listener's preventDefault)
		name := strings.TrimPrefix(args[0].(*obj).name, "event:")
		return &obj{page: o.page, boolean: !o.page.cancels[name]}
	}
	if m, ok := o.methods[method]; ok {
		return m(args)
	}
	return o.page.undef()
}

func (o *obj) New(args ...any) jsValue {
	if m, ok := o.methods["new"]; ok {
		return m(args)
	}
	return o.page.object(o.name + "()")
}

func (o *obj) Index(i int) jsValue {
	if i < len(o.items) {
		return o.items[i]
	}
	return o.page.undef()
}

func (o *obj) Length() int       { return len(o.items) }
func (o *obj) String() string    { return o.str }
func (o *obj) Bool() bool        { return o.boolean }
func (o *obj) Int() int          { return int(o.num) }
func (o *obj) Float() float64    { return o.num }
func (o *obj) IsNull() bool      { return o.null }
func (o *obj) IsUndefined() bool { return o.undefined }

// newPage builds a page with a document titled "Forum", both storages,
// a clock at 1,000 ms and the constructors the shell uses.
func newPage() *fakePage {
	p := &fakePage{storage: map[string]*obj{}, now: 1000, byID: map[string]*obj{}}
	g := p.object("window")
	p.global = g
	p.doc = p.object("document")
	p.doc.props["title"] = "Forum"
	p.doc.props["activeElement"] = p.nul()
	p.doc.methods["getElementById"] = func(args []any) jsValue {
		id := args[0].(string)
		if e, ok := p.byID[id]; ok {
			return e
		}
		e := p.object("#" + id)
		p.byID[id] = e
		return e
	}
	p.doc.methods["createElement"] = func(args []any) jsValue { return p.object("<" + args[0].(string) + ">") }
	g.props["document"] = p.doc
	for _, name := range []string{"localStorage", "sessionStorage"} {
		s := p.object(name)
		data := map[string]string{}
		s.methods["getItem"] = func(args []any) jsValue {
			if v, ok := data[args[0].(string)]; ok {
				return p.str(v)
			}
			return p.nul()
		}
		s.methods["setItem"] = func(args []any) jsValue { data[args[0].(string)] = args[1].(string); return p.undef() }
		s.methods["removeItem"] = func(args []any) jsValue { delete(data, args[0].(string)); return p.undef() }
		s.props["data"] = data
		g.props[name] = s
		p.storage[name] = s
	}
	date := p.object("Date")
	date.methods["now"] = func([]any) jsValue { return p.number(p.now) }
	date.methods["new"] = func([]any) jsValue {
		d := p.object("date")
		d.methods["getFullYear"] = func([]any) jsValue { return p.number(2023) }
		d.methods["getMonth"] = func([]any) jsValue { return p.number(2) }
		d.methods["getDate"] = func([]any) jsValue { return p.number(10) }
		return d
	}
	g.props["Date"] = date
	object := p.object("Object")
	object.methods["new"] = func([]any) jsValue { return p.object("{}") }
	g.props["Object"] = object
	jsonObj := p.object("JSON")
	jsonObj.methods["parse"] = func(args []any) jsValue { return p.str(args[0].(string)) }
	g.props["JSON"] = jsonObj
	event := p.object("CustomEvent")
	event.methods["new"] = func(args []any) jsValue {
		e := p.object("event:" + args[0].(string))
		if len(args) > 1 {
			e.props = args[1].(*obj).props
		}
		p.events = append(p.events, e)
		return e
	}
	g.props["CustomEvent"] = event
	g.props["FormData"] = p.object("FormData")
	array := p.object("Array")
	array.methods["from"] = func([]any) jsValue {
		a := p.object("entries")
		for _, f := range p.fields {
			a.items = append(a.items, &obj{page: p, items: []jsValue{p.str(f[0]), p.str(f[1])}})
		}
		return a
	}
	g.props["Array"] = array
	g.props["performance"] = p.object("performance")
	g.methods["__spfSend"] = func(args []any) jsValue {
		f := &fetch{url: args[0].(string), body: args[1].(string), ok: args[2].(*fakeFunc), fail: args[3].(*fakeFunc)}
		p.fetches = append(p.fetches, f)
		return p.undef()
	}
	blob := p.object("Blob")
	blob.methods["new"] = func(args []any) jsValue {
		b := p.object("blob")
		b.props["parts"] = args[0]
		return b
	}
	g.props["Blob"] = blob
	url := p.object("URL")
	url.methods["createObjectURL"] = func([]any) jsValue { return p.str("blob:1") }
	g.props["URL"] = url
	return p
}

// element makes an element with attributes.
func (p *fakePage) element(name string, attrs ...string) *obj {
	e := p.object(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		e.props["@"+attrs[i]] = attrs[i+1]
	}
	return e
}

// fire calls el's listeners for an event whose target is target, and
// returns the event.
func (p *fakePage) fire(el *obj, name string, target *obj) *obj {
	ev := p.object("event")
	ev.props["target"] = target
	for _, f := range append([]*fakeFunc(nil), el.listeners[name]...) {
		if f.released {
			panic("a released function was called")
		}
		f.fn(p.undef(), []jsValue{ev})
	}
	return ev
}

// call calls a function the page holds, as a promise settling does.
func (p *fakePage) call(f *fakeFunc, arg jsValue) {
	if f.released {
		panic("a released function was called")
	}
	f.fn(p.undef(), []jsValue{arg})
}

// called reports whether the log has an entry starting with prefix.
func (p *fakePage) called(prefix string) bool {
	for _, l := range p.log {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

func (p *fakePage) stored(storage, key string) (string, bool) {
	v, ok := p.storage[storage].props["data"].(map[string]string)[key]
	return v, ok
}

// respond settles a submission as the loader's __spfSend does: ok for a
// 200 or 201, fail for anything else (0: the request failed).
func (p *fakePage) respond(f *fetch, status int) {
	if status == 200 || status == 201 {
		p.call(f.ok, p.undef())
	} else {
		p.call(f.fail, p.undef())
	}
}
