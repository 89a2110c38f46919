package wasm

import "strings"

// html builds markup by hand. Every piece of text from a definition or a
// plan goes through Text or Attr, which escape it, so it is shown as text
// and never parsed as HTML; the rendered string is set as innerHTML once
// per render.
type html struct{ b strings.Builder }

// The methods are kept out of line: inlined at each of the hundreds of
// call sites, strings.Builder's growth logic would add tens of kilobytes
// to the WebAssembly bundle.

// Raw writes trusted markup: tag names and attributes written here, never
// data.
//
//go:noinline
func (h *html) Raw(s string) *html { h.b.WriteString(s); return h }

// Text writes escaped text.
//
//go:noinline
func (h *html) Text(s string) *html { h.b.WriteString(escape(s)); return h }

// Attr writes ` name="value"` with the value escaped.
//
//go:noinline
func (h *html) Attr(name, value string) *html {
	h.b.WriteString(" " + name + "=\"" + escape(value) + "\"")
	return h
}

func (h *html) String() string { return h.b.String() }

func escape(s string) string {
	if !strings.ContainsAny(s, "&<>\"'") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
