package spf

import (
	"encoding"
	"errors"
	"strconv"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonloc"
	"github.com/spfkit/spfkit/internal/treehook"
)

// ParseMembership reads one membership record, as a line of an NDJSON
// export holds it. It is strict as ParseDirectory is (an unknown field, a
// wrong type or an impossible date is an error, located by line and
// column) and also refuses a field given twice. It reads without
// reflection, because exports run to millions of records; it does not
// apply Membership.Validate.
func ParseMembership(data []byte) (Membership, error) {
	tree, err := jsonlite.Parse(data)
	if err != nil {
		off := 0
		var se *jsonlite.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
		}
		return Membership{}, decodeErrorAt(data, off, err)
	}
	return membershipFromTree(data, &tree)
}

func init() {
	treehook.Membership = func(data []byte, tree *jsonlite.Value) (any, error) {
		return membershipFromTree(data, tree)
	}
}

// membershipFromTree decodes a membership from data's parse tree.
func membershipFromTree(data []byte, tree *jsonlite.Value) (Membership, error) {
	var m Membership
	if tree.Kind != jsonlite.Object {
		return m, decodeErrorAt(data, tree.Off, errors.New("a membership must be a JSON object"))
	}
	if err := noDuplicates(data, *tree); err != nil {
		return m, err
	}
	for _, f := range tree.Obj {
		var err error
		v, name := f.Value, f.Key
		switch name {
		case "id":
			err = setText(data, &m.ID, v, name)
		case "organization_id":
			err = setText(data, &m.OrganizationID, v, name)
		case "person_id":
			err = setText(data, &m.PersonID, v, name)
		case "member_organization_id":
			err = setText(data, &m.MemberOrganizationID, v, name)
		case "post_id":
			err = setText(data, &m.PostID, v, name)
		case "on_behalf_of_id":
			err = setText(data, &m.OnBehalfOfID, v, name)
		case "role":
			err = setParsed(data, &m.Role, v, name)
		case "side":
			err = setParsed(data, &m.Side, v, name)
		case "category":
			err = setText(data, &m.Category, v, name)
		case "label":
			err = setText(data, &m.Label, v, name)
		case "start_date":
			err = setParsed(data, &m.StartDate, v, name)
		case "end_date":
			err = setParsed(data, &m.EndDate, v, name)
		case "notes":
			if v.Kind != jsonlite.Array {
				err = decodeErrorAt(data, v.Off, errors.New("notes: expected a list, found "+v.Kind.Name()))
				break
			}
			m.Notes = make([]string, len(v.Arr))
			for i, e := range v.Arr {
				if err = setText(data, &m.Notes[i], e, "notes/"+strconv.Itoa(i)); err != nil {
					break
				}
			}
		case "sources":
			m.Sources, err = parseSources(data, v)
		default:
			err = decodeErrorAt(data, v.Off, errors.New(`unknown field "`+name+`"`))
		}
		if err != nil {
			return Membership{}, err
		}
	}
	return m, nil
}

// setText stores a string value in dst.
func setText[T ~string](data []byte, dst *T, v jsonlite.Value, name string) error {
	if v.Kind != jsonlite.String {
		return decodeErrorAt(data, v.Off, errors.New(name+": expected a string, found "+v.Kind.Name()))
	}
	*dst = T(v.Str)
	return nil
}

// setParsed stores a string value through dst's UnmarshalText, as
// encoding/json would: an enum refuses unknown values, a date impossible
// ones.
func setParsed(data []byte, dst encoding.TextUnmarshaler, v jsonlite.Value, name string) error {
	var s string
	if err := setText(data, &s, v, name); err != nil {
		return err
	}
	if err := dst.UnmarshalText([]byte(s)); err != nil {
		return decodeErrorAt(data, v.Off, err)
	}
	return nil
}

func parseSources(data []byte, v jsonlite.Value) ([]Source, error) {
	if v.Kind != jsonlite.Array {
		return nil, decodeErrorAt(data, v.Off, errors.New("sources: expected a list, found "+v.Kind.Name()))
	}
	out := make([]Source, len(v.Arr))
	for i, e := range v.Arr {
		at := "sources/" + strconv.Itoa(i)
		if e.Kind != jsonlite.Object {
			return nil, decodeErrorAt(data, e.Off, errors.New(at+": expected an object, found "+e.Kind.Name()))
		}
		if err := noDuplicates(data, e); err != nil {
			return nil, err
		}
		for _, f := range e.Obj {
			var err error
			switch f.Key {
			case "title":
				err = setText(data, &out[i].Title, f.Value, at+"/title")
			case "url":
				err = setText(data, &out[i].URL, f.Value, at+"/url")
			case "date":
				err = setParsed(data, &out[i].Date, f.Value, at+"/date")
			case "note":
				err = setText(data, &out[i].Note, f.Value, at+"/note")
			default:
				err = decodeErrorAt(data, f.Value.Off, errors.New(`unknown field "`+f.Key+`" in `+at))
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func noDuplicates(data []byte, obj jsonlite.Value) error {
	seen := make(map[string]struct{}, len(obj.Obj))
	for _, f := range obj.Obj {
		if _, ok := seen[f.Key]; ok {
			return decodeErrorAt(data, f.Value.Off, errors.New(`field "`+f.Key+`" appears twice; keep one`))
		}
		seen[f.Key] = struct{}{}
	}
	return nil
}

func decodeErrorAt(data []byte, off int, err error) *DecodeError {
	line, col := jsonloc.Position(data, int64(off))
	return &DecodeError{Line: line, Column: col, Err: err}
}
