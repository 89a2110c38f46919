package jsonlite

import (
	"io"
	"strconv"

	"github.com/spfkit/spfkit/problem"
)

// ReadAll reads a whole document from r, refusing one longer than limit
// bytes after reading no more than limit+1: a file far over the limit
// costs no more memory than one just over it. size, when above 0, is the
// expected length (a file's size), read into one buffer. The refusal is a
// problem with the code CodeTooLarge.
func ReadAll(r io.Reader, limit, size int64) ([]byte, error) {
	if size > limit {
		return nil, TooLarge(limit)
	}
	n := int64(512)
	if size > 0 {
		n = size + 1 // one more, to see the end
	}
	buf := make([]byte, 0, min(n, limit+1))
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return nil, TooLarge(limit)
			}
			grown := make([]byte, len(buf), min(int64(cap(buf))*2, limit+1))
			copy(grown, buf)
			buf = grown
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > limit {
		return nil, TooLarge(limit)
	}
	return buf, nil
}

// TooLarge is the problem of a document longer than limit bytes.
func TooLarge(limit int64) *problem.Error {
	e := &problem.Error{Line: 1, Column: 1, Code: CodeTooLarge, Message: "the document is larger than " + SizeText(limit)}
	e.Hint = "split it, or write one record per line as NDJSON"
	return e
}

// SizeText states a size limit in a message: "1 MiB" when it is a whole
// number of MiB, "1000 bytes" otherwise.
func SizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
