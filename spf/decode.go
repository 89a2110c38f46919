package spf

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spfkit/spfkit/internal/jsonloc"
)

// DecodeError says where a directory document failed to decode. Line and
// Column are 1-based and 0 when the decoder could not tell.
type DecodeError struct {
	Line, Column int
	Err          error
}

func (e *DecodeError) Error() string {
	msg := strings.TrimPrefix(e.Err.Error(), "spf: ") // said once is enough
	if e.Line == 0 {
		return "spf: " + msg
	}
	return fmt.Sprintf("spf: line %d, column %d: %s", e.Line, e.Column, msg)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// ParseDirectory decodes a body-directory document strictly: unknown
// fields, trailing data, bad dates and unknown enumeration values are
// errors. It does not apply the partnership rules; call Validate for that.
// For errors located by JSON Pointer against the published schema, check
// the document with the schema package first, as `spfkit validate` does.
func ParseDirectory(data []byte) (*Directory, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d Directory
	if err := dec.Decode(&d); err != nil {
		return nil, locate(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := jsonloc.Position(data, dec.InputOffset())
		return nil, &DecodeError{Line: line, Column: col, Err: errors.New("unexpected data after the end of the document")}
	}
	return &d, nil
}

func locate(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := jsonloc.Position(data, max(syn.Offset-1, 0))
		return &DecodeError{Line: line, Column: col, Err: err}
	case errors.As(err, &typ):
		line, col := jsonloc.Position(data, typ.Offset)
		return &DecodeError{Line: line, Column: col, Err: fmt.Errorf("%s: expected %s, found a JSON %s", typ.Field, typ.Type, typ.Value)}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		line, col := jsonloc.Position(data, int64(len(data)))
		return &DecodeError{Line: line, Column: col, Err: errors.New("the document is empty or ends too soon")}
	}
	return &DecodeError{Err: err}
}
