package jsongen

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Encoders returns the source of the encoders of a target's package:
// appendT for each struct type, and MarshalJSON and WriteJSON for each
// document type. With stub set it returns the stubs instead: the same
// declarations with empty bodies, built with the jsongen tag.
func Encoders(t *Target, stub bool) ([]byte, error) {
	pkg := t.pkgPath()
	if t.EncodePath != "" {
		pkg = t.EncodePath
	}
	g := newGen(pkg, t)
	var roots []reflect.Type
	for i := range t.Roots {
		roots = append(roots, t.root(i))
	}
	if err := g.collect(roots); err != nil {
		return nil, err
	}
	jw := g.qual(JSONLite, "Writer")
	isRoot := map[reflect.Type]bool{}
	for _, r := range roots {
		isRoot[r] = true
	}
	for _, r := range g.structs {
		if t.EncodePath != "" {
			break // no methods on another package's types
		}
		n := r.Name()
		g.p("// MarshalJSON implements json.Marshaler: the %s as compact JSON, written\n", lowerFirst(n))
		g.p("// without reflection, as encoding/json would write it.\n")
		g.p("func (x %s) MarshalJSON() ([]byte, error) {\n", n)
		check := ""
		if c, ok := t.Check[r]; ok {
			check = "if err := " + c + "(&x); err != nil {\nreturn nil, err\n}\n"
		}
		if stub {
			g.p("panic(%q)\n}\n\n", "jsongen stub")
		} else {
			g.p("%svar w %s\nappend%s(&w, &x)\nreturn w.Bytes(), nil\n}\n\n", check, jw, n)
		}
		if !isRoot[r] {
			continue
		}
		g.p("// AppendJSON appends the %s to b as compact JSON, as MarshalJSON\n// writes it: a stream of documents reuses one buffer.\n", lowerFirst(n))
		g.p("func (x *%s) AppendJSON(b []byte) ([]byte, error) {\n", n)
		if stub {
			g.p("panic(%q)\n}\n\n", "jsongen stub")
		} else {
			if c, ok := t.Check[r]; ok {
				g.p("if err := %s(x); err != nil {\nreturn b, err\n}\n", c)
			}
			g.p("var w %s\nw.Reset(b)\nappend%s(&w, x)\nreturn w.Bytes(), nil\n}\n\n", jw, n)
		}
		g.p("// WriteJSON writes the %s as indented JSON and a newline, as spfkit's\n// commands print it.\n", lowerFirst(n))
		g.p("func (x *%s) WriteJSON(w %s) error {\n", n, g.qual("io", "Writer"))
		if stub {
			g.p("panic(%q)\n}\n\n", "jsongen stub")
		} else {
			if c, ok := t.Check[r]; ok {
				g.p("if err := %s(x); err != nil {\nreturn err\n}\n", c)
			}
			g.p("jw := %s{Indent: \"  \"}\nappend%s(&jw, x)\n_, err := jw.WriteTo(w)\nreturn err\n}\n\n", jw, n)
		}
	}
	for _, s := range g.structs {
		g.p("func append%s(w *%s, x *%s) {\n", s.Name(), jw, g.typ(s))
		if stub {
			g.p("panic(%q)\n}\n\n", "jsongen stub")
			continue
		}
		fs, err := fields(s)
		if err != nil {
			return nil, err
		}
		g.p("w.BeginObject()\n")
		var lastVia string
		for _, f := range fs {
			if f.via != lastVia {
				if lastVia != "" && g.viaPtr(fs, lastVia) {
					g.p("}\n")
				}
				if f.via != "" && f.viaPtr {
					g.p("if x.%s != nil {\n", f.via)
				}
				lastVia = f.via
			}
			acc := "x." + f.goName
			if f.via != "" {
				acc = "x." + f.via + "." + f.goName
			}
			if err := g.encodeField(f, acc); err != nil {
				return nil, fmt.Errorf("%s.%s: %w", s.Name(), f.goName, err)
			}
		}
		if lastVia != "" && g.viaPtr(fs, lastVia) {
			g.p("}\n")
		}
		g.p("w.EndObject()\n}\n\n")
	}
	if stub {
		return g.source(pathBase(pkg), "jsongen")
	}
	return g.source(pathBase(pkg), "!jsongen")
}

func (g *gen) viaPtr(fs []field, via string) bool {
	for _, f := range fs {
		if f.via == via {
			return f.viaPtr
		}
	}
	return false
}

// encodeField writes one member, leaving it out as omitempty and
// omitzero say.
func (g *gen) encodeField(f field, acc string) error {
	cond := ""
	switch {
	case f.omitZero:
		if _, ok := f.typ.MethodByName("IsZero"); ok {
			cond = "!" + acc + ".IsZero()"
		} else {
			cond = acc + " != " + zero(g, f.typ)
		}
	case f.omitEmpty:
		switch f.typ.Kind() {
		case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
			cond = "len(" + acc + ") > 0"
		case reflect.Bool:
			cond = acc
		case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint32, reflect.Uint64, reflect.Float64:
			cond = acc + " != 0"
		case reflect.Pointer, reflect.Interface:
			cond = acc + " != nil"
		case reflect.Struct:
			// encoding/json never leaves out a struct for omitempty.
		default:
			return fmt.Errorf("omitempty on %s", f.typ)
		}
	}
	if cond != "" {
		g.p("if %s {\n", cond)
	}
	g.p("w.Key(%q)\n", f.name)
	if err := g.encodeValue(f.typ, acc, 0); err != nil {
		return err
	}
	if cond != "" {
		g.p("}\n")
	}
	return nil
}

func zero(g *gen, t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return `""`
	case reflect.Bool:
		return "false"
	case reflect.Struct:
		return g.typ(t) + "{}"
	}
	return "0"
}

// encodeValue writes the statements that encode the value acc of type t.
func (g *gen) encodeValue(t reflect.Type, acc string, depth int) error {
	if c, ok := g.t.Custom[t]; ok {
		g.p("%s(w, %s)\n", c.Append, acc)
		return nil
	}
	if t == dateType {
		g.p("w.String(%s.String())\n", acc)
		return nil
	}
	v := "v" + strconv.Itoa(depth)
	switch t.Kind() {
	case reflect.String:
		if t.Name() == "string" && t.PkgPath() == "" {
			g.p("w.String(%s)\n", acc)
		} else {
			g.p("w.String(string(%s))\n", acc)
		}
	case reflect.Bool:
		g.p("w.Bool(%s)\n", acc)
	case reflect.Int:
		g.p("w.Int(%s)\n", acc)
	case reflect.Float64:
		g.p("w.Float(%s)\n", acc)
	case reflect.Struct:
		g.p("append%s(w, &%s)\n", t.Name(), acc)
	case reflect.Pointer:
		g.p("if %s == nil {\nw.Null()\n} else {\n", acc)
		if t.Elem().Kind() == reflect.Struct && t.Elem() != dateType {
			if _, ok := g.t.Custom[t.Elem()]; !ok {
				g.p("append%s(w, %s)\n}\n", t.Elem().Name(), acc)
				return nil
			}
		}
		if err := g.encodeValue(t.Elem(), "(*"+acc+")", depth+1); err != nil {
			return err
		}
		g.p("}\n")
	case reflect.Slice, reflect.Array:
		// A nil slice is written as [] (encoding/json writes null): the
		// schemas say a list, and a document must pass its own schema.
		g.p("w.BeginArray()\nfor i%d := range %s {\n", depth, acc)
		if err := g.encodeValue(t.Elem(), acc+"[i"+strconv.Itoa(depth)+"]", depth+1); err != nil {
			return err
		}
		g.p("}\nw.EndArray()\n")
	case reflect.Map:
		// Keys in order, as encoding/json sorts them.
		keys := "keys" + strconv.Itoa(depth)
		g.p("w.BeginObject()\n%s := make([]string, 0, len(%s))\nfor k := range %s {\n%s = append(%s, string(k))\n}\n", keys, acc, acc, keys, keys)
		g.p("%s(%s)\n", g.qual(JSONLite, "SortStrings"), keys)
		g.p("for _, k := range %s {\nw.Key(k)\n%s := %s[%s(k)]\n", keys, v, acc, g.typ(t.Key()))
		if err := g.encodeValue(t.Elem(), v, depth+1); err != nil {
			return err
		}
		g.p("}\nw.EndObject()\n")
	default:
		return fmt.Errorf("type %s is not supported", t)
	}
	return nil
}

// pathBase is the last element of an import path: the package's name in
// this module.
func pathBase(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }
