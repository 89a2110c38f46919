// Package jsonloc finds where things are in JSON text: the line of the
// value a JSON Pointer names, and the problems that stop a document from
// being read at all (a byte order mark, invalid UTF-8, too deep nesting).
package jsonloc

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Problem is a reason the text cannot be read as JSON, with its 1-based
// line.
type Problem struct {
	Line    int
	Code    string // "empty", "bom", "encoding" or "depth"
	Message string
	Hint    string
}

// DefaultMaxDepth is the nesting of arrays and objects Check allows. The
// deepest spfkit document nests about eight levels.
const DefaultMaxDepth = 64

// Check looks for what makes data unreadable before any JSON decoding:
// an empty document, a UTF-8 byte order mark, bytes that are not UTF-8,
// and nesting deeper than maxDepth. It returns nil when none is found.
func Check(data []byte, maxDepth int) *Problem {
	if len(bytes.TrimSpace(data)) == 0 {
		return &Problem{Line: 1, Code: "empty", Message: "the document is empty", Hint: "the file must hold a JSON document"}
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return &Problem{Line: 1, Code: "bom", Message: "the file starts with a UTF-8 byte order mark, which JSON does not allow", Hint: "save the file as UTF-8 without a BOM"}
	}
	line, depth := 1, 0
	inString, escaped := false, false
	for i := 0; i < len(data); {
		c := data[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				return &Problem{Line: line, Code: "encoding", Message: fmt.Sprintf("byte %d (0x%02x) is not valid UTF-8", i, c), Hint: "save the file as UTF-8"}
			}
			i += size
			escaped = false
			continue
		}
		i++
		switch {
		case c == '\n':
			line++
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > maxDepth {
				return &Problem{Line: line, Code: "depth", Message: fmt.Sprintf("arrays and objects nest more than %d deep", maxDepth), Hint: "no spfkit document nests this deep; check the file is the right one"}
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

// Lines returns the 1-based line on which the value named by each pointer
// starts, for the pointers that name a value in data. data must be valid
// JSON. One pass over the text serves all the pointers.
func Lines(data []byte, pointers []string) map[string]int {
	want := map[string]bool{}
	for _, p := range pointers {
		want[p] = true
	}
	out := map[string]int{}
	if len(want) == 0 {
		return out
	}
	type frame struct {
		object bool
		index  int
		key    string
		prefix string
	}
	var stack []frame
	line := 1
	expectKey := false
	current := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.object {
			return f.prefix + "/" + escape(f.key)
		}
		return f.prefix + "/" + strconv.Itoa(f.index)
	}
	mark := func() {
		p := current()
		if want[p] {
			if _, seen := out[p]; !seen {
				out[p] = line
			}
		}
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '\n':
			line++
		case ' ', '\t', '\r', ':':
		case ',':
			if n := len(stack); n > 0 {
				if stack[n-1].object {
					expectKey = true
				} else {
					stack[n-1].index++
				}
			}
		case '{', '[':
			mark()
			prefix := current()
			stack = append(stack, frame{object: c == '{', prefix: prefix})
			expectKey = c == '{'
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			expectKey = false
		case '"':
			end := stringEnd(data, i)
			if expectKey && len(stack) > 0 {
				if k, err := strconv.Unquote(string(data[i : end+1])); err == nil {
					stack[len(stack)-1].key = k
				} else {
					// Unterminated at the end of the data: end may be the
					// opening quote itself.
					stack[len(stack)-1].key = string(data[i+1 : max(end, i+1)])
				}
				expectKey = false
			} else {
				mark()
			}
			line += bytes.Count(data[i:end+1], []byte("\n"))
			i = end
		default:
			// a number, true, false or null
			mark()
			for i+1 < len(data) && !bytes.ContainsRune([]byte(",]} \t\r\n"), rune(data[i+1])) {
				i++
			}
		}
	}
	return out
}

// stringEnd returns the index of the quote that closes the string opening
// at i, or the last index when it is unterminated.
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return len(data) - 1
}

func escape(s string) string {
	if !bytes.ContainsAny([]byte(s), "~/") {
		return s
	}
	b := bytes.ReplaceAll([]byte(s), []byte("~"), []byte("~0"))
	return string(bytes.ReplaceAll(b, []byte("/"), []byte("~1")))
}

// Position turns a byte offset into a 1-based line and column, clamping
// the offset to the data.
func Position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// Nearest is Lines for pointers that may name something the document
// lacks (a required field that is missing): each pointer gets the line of
// its nearest ancestor that exists, and the root counts as line 1.
func Nearest(data []byte, pointers []string) map[string]int {
	var all []string
	for _, p := range pointers {
		for q := p; q != ""; q = q[:strings.LastIndexByte(q, '/')] {
			all = append(all, q)
		}
	}
	found := Lines(data, all)
	out := make(map[string]int, len(pointers))
	for _, p := range pointers {
		out[p] = 1
		for q := p; q != ""; q = q[:strings.LastIndexByte(q, '/')] {
			if line, ok := found[q]; ok {
				out[p] = line
				break
			}
		}
	}
	return out
}
