package jsonlite

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzQuote holds the string writer to encoding/json, with and without
// HTML escaping, on any text, valid UTF-8 or not: the fast path for
// valid text and the careful one must agree with it.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"plain", "a\"b\\c\n\t\r\x01", "<a href='x'>&</a>", "line\u2028sep\u2029", "caf\xc3", "\xe2\x80", "\xe2\x80\xa8x", "– “quoted” –"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, html := range []bool{true, false} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			got := appendQuoted(nil, s, html)
			if w := bytes.TrimSuffix(want.Bytes(), []byte("\n")); !bytes.Equal(got, w) {
				t.Fatalf("%q (html %v): %s, encoding/json %s", s, html, got, w)
			}
		}
	})
}
