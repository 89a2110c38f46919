package jsonlite

import (
	"unicode/utf16"
	"unicode/utf8"
)

// The token scanners below are the grammar of JSON strings and numbers
// for all of spfkit: Parse checks with them, Value reads with them, and
// the scorer's fast path for responses uses them directly.

// ScanError is malformed JSON at a byte offset.
type ScanError struct {
	Offset int
	Msg    string
}

func (e *ScanError) Error() string { return e.Msg }

const msgNotUTF8 = "the string is not valid UTF-8"

// ScanNumber checks the JSON number that starts at data[pos] against the
// grammar and returns the offset just after it. A malformed number gives
// a *ScanError at the first byte that breaks the grammar.
func ScanNumber(data []byte, pos int) (int, *ScanError) {
	digits := func() bool {
		n := pos
		for pos < len(data) && data[pos] >= '0' && data[pos] <= '9' {
			pos++
		}
		return pos > n
	}
	malformed := func() (int, *ScanError) { return pos, &ScanError{Offset: pos, Msg: "malformed number"} }
	if pos < len(data) && data[pos] == '-' {
		pos++
	}
	if pos < len(data) && data[pos] == '0' {
		pos++
	} else if !digits() {
		return malformed()
	}
	if pos < len(data) && data[pos] == '.' {
		pos++
		if !digits() {
			return malformed()
		}
	}
	if pos < len(data) && (data[pos] == 'e' || data[pos] == 'E') {
		pos++
		if pos < len(data) && (data[pos] == '+' || data[pos] == '-') {
			pos++
		}
		if !digits() {
			return malformed()
		}
	}
	return pos, nil
}

// checkString checks the JSON string whose opening quote is at data[pos]
// and returns the offset just after its closing quote, and whether it has
// escapes. Strings must be UTF-8.
func checkString(data []byte, pos int) (end int, esc bool, err *ScanError) {
	fail := func(msg string) (int, bool, *ScanError) { return pos, esc, &ScanError{Offset: pos, Msg: msg} }
	open := pos
	pos++
	for {
		// The common case: a run of printable ASCII.
		for pos < len(data) {
			c := data[pos]
			if c == '"' || c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
				break
			}
			pos++
		}
		if pos >= len(data) {
			pos = open
			return fail("the string is not closed")
		}
		switch c := data[pos]; {
		case c == '"':
			return pos + 1, esc, nil
		case c < 0x20:
			return fail("a control character must be escaped in a string")
		case c == '\\':
			esc = true
			if pos+1 >= len(data) {
				pos = open
				return fail("the string is not closed")
			}
			switch data[pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				pos += 2
			case 'u':
				if _, ok := hex4(data, pos+2); !ok {
					return fail("malformed \\u escape")
				}
				pos += 6
			default:
				return fail("unknown escape in a string")
			}
		default:
			r, n := utf8.DecodeRune(data[pos:])
			if r == utf8.RuneError && n <= 1 {
				return fail(msgNotUTF8)
			}
			pos += n
		}
	}
}

// ScanString reads the JSON string whose opening quote is at data[pos]: it
// returns the string unescaped and the offset just after the closing
// quote. Strings must be UTF-8; a lone surrogate escape becomes U+FFFD, as
// encoding/json makes it. When scratch is not nil, its buffer is reused
// for strings that need unescaping.
func ScanString(data []byte, pos int, scratch *[]byte) (string, int, *ScanError) {
	b, end, err := appendString(nil, data, pos, scratch)
	if err != nil {
		return "", end, err
	}
	if b == nil { // no escapes: the bytes as they are
		return string(data[pos+1 : end-1]), end, nil
	}
	return string(b), end, nil
}

// appendString unescapes the string at data[pos]. It returns nil (and no
// copy) for a string without escapes or non-ASCII text.
func appendString(b, data []byte, pos int, scratch *[]byte) ([]byte, int, *ScanError) {
	fail := func(msg string) ([]byte, int, *ScanError) { return nil, pos, &ScanError{Offset: pos, Msg: msg} }
	pos++
	start := pos
	for pos < len(data) {
		c := data[pos]
		if c == '"' {
			return nil, pos + 1, nil
		}
		if c == '\\' || c < 0x20 || c >= 0x80 {
			break
		}
		pos++
	}
	if b == nil && scratch != nil {
		b = (*scratch)[:0]
	}
	b = append(b, data[start:pos]...)
	for {
		if pos >= len(data) {
			return fail("the string is not closed")
		}
		c := data[pos]
		switch {
		case c == '"':
			if scratch != nil {
				*scratch = b
			}
			if b == nil {
				b = []byte{}
			}
			return b, pos + 1, nil
		case c < 0x20:
			return fail("a control character must be escaped in a string")
		case c == '\\':
			if pos+1 >= len(data) {
				return fail("the string is not closed")
			}
			e := data[pos+1]
			pos += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(data, pos)
				if !ok {
					pos -= 2
					return fail("malformed \\u escape")
				}
				pos += 4
				if utf16.IsSurrogate(r) {
					r2 := rune(utf8.RuneError)
					if pos+1 < len(data) && data[pos] == '\\' && data[pos+1] == 'u' {
						// Take the next escape only if it completes the pair;
						// otherwise it is read on its own.
						if x, ok := hex4(data, pos+2); ok && utf16.DecodeRune(r, x) != utf8.RuneError {
							r2 = utf16.DecodeRune(r, x)
							pos += 6
						}
					}
					r = r2
				}
				b = utf8.AppendRune(b, r)
			default:
				pos -= 2
				return fail("unknown escape in a string")
			}
		case c < 0x80:
			b = append(b, c)
			pos++
		default:
			r, n := utf8.DecodeRune(data[pos:])
			if r == utf8.RuneError && n <= 1 {
				return fail(msgNotUTF8)
			}
			b = append(b, data[pos:pos+n]...)
			pos += n
		}
	}
}

// hex4 reads the four hex digits at data[pos].
func hex4(data []byte, pos int) (rune, bool) {
	if len(data)-pos < 4 {
		return 0, false
	}
	var r rune
	for _, c := range data[pos : pos+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}
