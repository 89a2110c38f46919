//go:build !js

package jsonlite

import "unicode/utf8"

// appendPlainQuoted is appendQuoted's fast path for valid UTF-8, the
// usual case, which needs only a look at each byte: a table says which
// pass as they are (any byte of a multi-byte character does, but the
// lead byte of U+2028 and U+2029). It reports false, having written
// nothing, for text that is not valid UTF-8. The widgets leave it out
// (quote_js.go): its tables and code would cost their bundle 1.6 KB with
// brotli, for text they write little of.
func appendPlainQuoted(b []byte, s string, html bool) ([]byte, bool) {
	if !utf8.ValidString(s) {
		return b, false
	}
	start := 0
	table := &plainJSON
	if html {
		table = &plainHTML
	}
	for i := 0; i < len(s); i++ {
		if table[s[i]] {
			continue
		}
		if c := s[i]; c == 0xe2 {
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xF])
				i += 2
				start = i + 1
			}
			continue
		}
		b = append(b, s[start:i]...)
		b = appendEscape(b, s[i])
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"'), true
}

// plainJSON and plainHTML say which bytes of valid UTF-8 a JSON string
// holds as they are, without and with HTML escaping: all but control
// characters, quotes, backslashes (and <, > and &), and 0xe2, the lead
// byte of U+2028 and U+2029, which appendQuoted looks at more closely.
var plainJSON, plainHTML = plainTables()

func plainTables() (plain, html [256]bool) {
	for c := 0x20; c < 256; c++ {
		plain[c] = c != '"' && c != '\\' && c != 0xe2
		html[c] = plain[c] && c != '<' && c != '>' && c != '&'
	}
	return plain, html
}
