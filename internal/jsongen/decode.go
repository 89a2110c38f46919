package jsongen

import (
	"fmt"
	"reflect"
	"strconv"
)

// Decoders returns the source of the decoders of a target, for the
// package at t.DecodePath: decodeT for each struct type, and DecodeT for
// each document type listed in t.Decode. With stub set it returns the
// stubs instead, built with the jsongen tag.
func Decoders(t *Target, stub bool) ([]byte, error) {
	g := newGen(t.DecodePath, t)
	var roots []reflect.Type
	for _, i := range t.Decode {
		roots = append(roots, t.root(i))
	}
	if err := g.collect(roots); err != nil {
		return nil, err
	}
	dec := g.qual(JSONLite, "Decoder")
	val := g.qual(JSONLite, "Value")
	prob := g.qual("github.com/spfkit/spfkit/problem", "Error")
	for _, r := range roots {
		n := r.Name()
		g.p("// Decode%s reads a %s from a parsed document, reporting every problem\n", n, lowerFirst(n))
		g.p("// of its shape, each located: an unknown or missing field, a value of the\n")
		g.p("// wrong type, a value outside an enumeration, a date that does not exist.\n")
		g.p("// The %s holds what could be read.\n", lowerFirst(n))
		g.p("func Decode%s(v %s) (*%s, []*%s) {\n", n, val, g.typ(r), prob)
		if stub {
			g.p("panic(%q)\n}\n\n", "jsongen stub")
			continue
		}
		g.p("var d %s\nx := new(%s)\ndecode%s(&d, v, x)\nreturn x, d.Problems()\n}\n\n", dec, g.typ(r), n)
	}
	for _, r := range roots {
		// DecodeTInto keeps the maps of a value decoded before, so a
		// stream of documents costs no allocation for them.
		n := r.Name()
		fs, err := fields(r)
		if err != nil {
			return nil, err
		}
		var maps []string
		for _, f := range fs {
			if f.typ.Kind() == reflect.Map && f.via == "" {
				maps = append(maps, f.goName)
			}
		}
		g.p("// Decode%sInto is Decode%s into x, which it resets first, with d,\n", n, n)
		g.p("// which it resets too: maps x already holds are cleared and reused\n")
		g.p("// (and stay empty, not nil, when the document lacks them), and map keys\n")
		g.p("// are d's kept names, so a stream of documents costs no allocation for\n")
		g.p("// them.\n")
		g.p("func Decode%sInto(d *%s, v %s, x *%s) []*%s {\n", n, dec, val, g.typ(r), prob)
		if stub {
			g.p("panic(%q)\n}\n\n", "jsongen stub")
			continue
		}
		keep := ""
		for i, m := range maps {
			g.p("m%d := x.%s\nclear(m%d)\n", i, m, i)
			if i > 0 {
				keep += ", "
			}
			keep += m + ": m" + strconv.Itoa(i)
		}
		g.p("*x = %s{%s}\n", g.typ(r), keep)
		g.p("d.Reset()\ndecode%s(d, v, x)\nreturn d.Problems()\n}\n\n", n)
	}
	for _, part := range t.Parts {
		r := reflect.TypeOf(part).Elem()
		n := r.Name()
		g.p("// Read%s reads a %s into x, recording its problems in d, for a\n", n, lowerFirst(n))
		g.p("// hand-written decoder of a document that holds one.\n")
		g.p("func Read%s(d *%s, v %s, x *%s) {\n", n, dec, val, g.typ(r))
		if stub {
			g.p("panic(%q)\n}\n\n", "jsongen stub")
			continue
		}
		g.p("decode%s(d, v, x)\n}\n\n", n)
	}
	for _, s := range g.structs {
		g.p("func decode%s(d *%s, v %s, x *%s) {\n", s.Name(), dec, val, g.typ(s))
		if stub {
			g.p("panic(%q)\n}\n\n", "jsongen stub")
			continue
		}
		fs, err := fields(s)
		if err != nil {
			return nil, err
		}
		var required []field
		for _, f := range fs {
			if f.via != "" {
				return nil, fmt.Errorf("%s: decoding an embedded struct is not supported", s)
			}
			if f.required() {
				required = append(required, f)
			}
		}
		if len(required) > 64 {
			return nil, fmt.Errorf("%s: more than 64 required fields", s)
		}
		g.p("if !d.Want(v, %s) {\nreturn\n}\n", g.qual(JSONLite, "Object"))
		if len(required) > 0 {
			g.p("var seen uint64\n")
		}
		g.p("for k, m := range v.Members() {\nswitch string(k.Bytes()) {\n")
		for _, f := range fs {
			g.p("case %q:\n", f.name)
			for i, r := range required {
				if r.name == f.name {
					g.p("seen |= 1 << %d\n", i)
				}
			}
			if err := g.decodeField(f, "x."+f.goName); err != nil {
				return nil, fmt.Errorf("%s.%s: %w", s.Name(), f.goName, err)
			}
		}
		g.p("default:\nd.Unknown(k)\n}\n}\n")
		for i, r := range required {
			g.p("if seen&(1<<%d) == 0 {\nd.Missing(v, %q)\n}\n", i, r.name)
		}
		g.p("}\n\n")
	}
	constraint := "!jsongen"
	if stub {
		constraint = "jsongen"
	}
	return g.source(pathBase(t.DecodePath), constraint)
}

// decodeField writes the statements that read member m into target.
func (g *gen) decodeField(f field, target string) error {
	if f.nullable {
		g.p("if m.Kind() == %s {\n%s = %s\nbreak\n}\n", g.qual(JSONLite, "Null"), target, zeroOf(g, f.typ))
	}
	if f.typ == dateType {
		g.p("%s = d.Date(m, %v)\n", target, f.day)
		return nil
	}
	return g.decodeValue(f.typ, target, "m", 0)
}

func zeroOf(g *gen, t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return "nil"
	}
	return zero(g, t)
}

// decodeValue writes the statements that read the value named src, of
// type t, into target.
func (g *gen) decodeValue(t reflect.Type, target, src string, depth int) error {
	if c, ok := g.t.Custom[t]; ok {
		g.p("%s(d, %s, &%s)\n", g.qual(g.t.DecodePath, c.Decode), src, target)
		return nil
	}
	if t == dateType {
		g.p("%s = d.Date(%s, false)\n", target, src)
		return nil
	}
	d := strconv.Itoa(depth)
	switch t.Kind() {
	case reflect.String:
		switch {
		case t.PkgPath() == "":
			g.p("%s = d.String(%s)\n", target, src)
		case isTextEnum(t):
			g.p("d.Text(%s, &%s, \"enum\")\n", src, target)
		default:
			g.p("%s = %s(d.String(%s))\n", target, g.typ(t), src)
		}
	case reflect.Bool:
		g.p("%s = d.Bool(%s)\n", target, src)
	case reflect.Int:
		g.p("%s = d.Int(%s)\n", target, src)
	case reflect.Float64:
		g.p("%s = d.Float(%s)\n", target, src)
	case reflect.Struct:
		g.p("decode%s(d, %s, &%s)\n", t.Name(), src, target)
	case reflect.Pointer:
		g.p("%s = new(%s)\n", target, g.typ(t.Elem()))
		return g.decodeValue(t.Elem(), "(*"+target+")", src, depth)
	case reflect.Slice:
		g.p("if d.Want(%s, %s) {\n%s = make(%s, %s.Len())\nfor i%s, e%s := range %s.Elements() {\n", src, g.qual(JSONLite, "Array"), target, g.typ(t), src, d, d, src)
		if err := g.decodeValue(t.Elem(), target+"[i"+d+"]", "e"+d, depth+1); err != nil {
			return err
		}
		g.p("}\n}\n")
	case reflect.Array:
		g.p("if d.Want(%s, %s) {\nif %s.Len() != %d {\nd.Fail(%s, \"items\", \"expected a list of %d\")\n}\nfor i%s, e%s := range %s.Elements() {\nif i%s < %d {\n", src, g.qual(JSONLite, "Array"), src, t.Len(), src, t.Len(), d, d, src, d, t.Len())
		if err := g.decodeValue(t.Elem(), target+"[i"+d+"]", "e"+d, depth+1); err != nil {
			return err
		}
		g.p("}\n}\n}\n")
	case reflect.Map:
		g.p("if d.Want(%s, %s) {\nif %s == nil {\n%s = make(%s, %s.Len())\n} else {\nclear(%s)\n}\n", src, g.qual(JSONLite, "Object"), target, target, g.typ(t), src, target)
		g.p("for k%s, e%s := range %s.Members() {\nvar val%s %s\n", d, d, src, d, g.typ(t.Elem()))
		if err := g.decodeValue(t.Elem(), "val"+d, "e"+d, depth+1); err != nil {
			return err
		}
		key := "d.Name(k" + d + ")"
		if t.Key().PkgPath() != "" {
			key = g.typ(t.Key()) + "(" + key + ")"
		}
		g.p("%s[%s] = val%s\n}\n}\n", target, key, d)
	default:
		return fmt.Errorf("type %s is not supported", t)
	}
	return nil
}
