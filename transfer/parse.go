package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/internal/jsonloc"
)

// DecodeError says where a case document failed to decode. Line and
// Column are 1-based.
type DecodeError struct {
	Line, Column int
	Err          error
}

func (e *DecodeError) Error() string {
	return "transfer: line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Column) + ": " + strings.TrimPrefix(e.Err.Error(), "transfer: ")
}

func (e *DecodeError) Unwrap() error { return e.Err }

// ParseCase decodes a transfer-case document strictly (unknown fields,
// days that do not exist and trailing data are errors with a line and
// column) and checks it with Validate.
func ParseCase(data []byte) (*Case, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Case
	if err := dec.Decode(&c); err != nil {
		return nil, locate(data, dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, at(data, dec.InputOffset(), errors.New("unexpected data after the end of the case"))
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

func at(data []byte, off int64, err error) *DecodeError {
	line, col := jsonloc.Position(data, off)
	return &DecodeError{Line: line, Column: col, Err: err}
}

func locate(data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return at(data, max(syn.Offset-1, 0), err)
	case errors.As(err, &typ):
		return at(data, typ.Offset, errors.New(typ.Field+": expected "+typ.Type.String()+", found a JSON "+typ.Value))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return at(data, int64(len(data)), errors.New("the case is empty or ends too soon"))
	}
	var ee *EnumError
	if errors.As(err, &ee) {
		if i := bytes.Index(data, []byte(`"`+ee.Value+`"`)); i >= 0 {
			return at(data, int64(i), err)
		}
	}
	var de *date.ParseError
	if errors.As(err, &de) {
		// Point at the date itself, not where the decoder stopped.
		if i := bytes.Index(data, []byte(`"`+de.Text+`"`)); i >= 0 {
			return at(data, int64(i), de)
		}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if i := bytes.Index(data, []byte(name)); i >= 0 {
			return at(data, int64(i), errors.New("unknown field "+name))
		}
	}
	return at(data, dec.InputOffset(), err)
}
