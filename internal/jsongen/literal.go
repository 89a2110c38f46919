package jsongen

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
)

// Clones returns the source of deep copies for a target's roots listed in
// t.Clone: cloneT for each struct type they reach, so built-in data kept
// as a static value can be handed out as a fresh copy. With stub set it
// returns the stubs, built with the jsongen tag.
func Clones(t *Target, stub bool) ([]byte, error) {
	g := newGen(t.pkgPath(), t)
	var roots []reflect.Type
	for _, i := range t.Clone {
		roots = append(roots, t.root(i))
	}
	if err := g.collect(roots); err != nil {
		return nil, err
	}
	for _, s := range g.structs {
		g.p("func clone%s(x %s) %s {\n", s.Name(), s.Name(), s.Name())
		if stub {
			g.p("panic(%q)\n}\n\n", "jsongen stub")
			continue
		}
		fs, err := fields(s)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			if f.via != "" {
				return nil, fmt.Errorf("%s: cloning an embedded struct is not supported", s)
			}
			if needsClone(g, f.typ) {
				if err := g.cloneValue(f.typ, "x."+f.goName, 0); err != nil {
					return nil, err
				}
			}
		}
		g.p("return x\n}\n\n")
	}
	constraint := "!jsongen"
	if stub {
		constraint = "jsongen"
	}
	return g.source(pathBase(t.pkgPath()), constraint)
}

// needsClone reports whether a value of type t shares memory when copied.
func needsClone(g *gen, t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return true
	case reflect.Struct:
		if t == dateType {
			return false
		}
		fs, _ := fields(t)
		for _, f := range fs {
			if needsClone(g, f.typ) {
				return true
			}
		}
	case reflect.Array:
		return needsClone(g, t.Elem())
	}
	return false
}

// cloneValue writes the statements that replace target with a deep copy.
func (g *gen) cloneValue(t reflect.Type, target string, depth int) error {
	d := strconv.Itoa(depth)
	switch t.Kind() {
	case reflect.Struct:
		g.p("%s = clone%s(%s)\n", target, t.Name(), target)
	case reflect.Pointer:
		g.p("if %s != nil {\nc%s := *%s\n", target, d, target)
		if needsClone(g, t.Elem()) {
			if err := g.cloneValue(t.Elem(), "c"+d, depth+1); err != nil {
				return err
			}
		}
		g.p("%s = &c%s\n}\n", target, d)
	case reflect.Slice:
		g.p("if %s != nil {\n%s = append(%s{}, %s...)\n", target, target, g.typ(t), target)
		if needsClone(g, t.Elem()) {
			g.p("for i%s := range %s {\n", d, target)
			if err := g.cloneValue(t.Elem(), target+"[i"+d+"]", depth+1); err != nil {
				return err
			}
			g.p("}\n")
		}
		g.p("}\n")
	case reflect.Map:
		if needsClone(g, t.Elem()) {
			return fmt.Errorf("cloning a map of %s is not supported", t.Elem())
		}
		g.p("if %s != nil {\nm%s := make(%s, len(%s))\nfor k, v := range %s {\nm%s[k] = v\n}\n%s = m%s\n}\n", target, d, g.typ(t), target, target, d, target, d)
	default:
		return fmt.Errorf("cloning %s is not supported", t)
	}
	return nil
}

// Literal returns the source of a file in package pkgPath that declares
// name as a static Go value equal to v: built-in data compiled in as data
// rather than decoded at run time. Zero fields are left out.
func Literal(pkgPath, name, doc string, v any) ([]byte, error) {
	g := newGen(pkgPath, &Target{})
	g.p("// %s\nvar %s = ", doc, name)
	if err := g.literal(reflect.ValueOf(v), true); err != nil {
		return nil, err
	}
	g.p("\n")
	return g.source(pathBase(pkgPath), "")
}

// literal writes v as a Go expression; typed says whether its type must
// be written (it may be left out for the elements of a composite).
func (g *gen) literal(v reflect.Value, typed bool) error {
	t := v.Type()
	if t == dateType {
		g.p("%s(%d)", g.typ(t), v.Uint())
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		s := strconv.Quote(v.String())
		if t.PkgPath() != "" && typed {
			s = g.typ(t) + "(" + s + ")"
		}
		g.p("%s", s)
	case reflect.Bool:
		g.p("%v", v.Bool())
	case reflect.Int:
		g.p("%d", v.Int())
	case reflect.Float64:
		g.p("%s", strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.Pointer:
		g.p("&")
		return g.literal(v.Elem(), true)
	case reflect.Struct:
		if typed {
			g.p("%s", g.typ(t))
		}
		g.p("{\n")
		for i := range t.NumField() {
			f := v.Field(i)
			if !t.Field(i).IsExported() {
				if !f.IsZero() {
					return fmt.Errorf("%s.%s is unexported and set", t, t.Field(i).Name)
				}
				continue
			}
			if f.IsZero() {
				continue
			}
			g.p("%s: ", t.Field(i).Name)
			if err := g.literal(f, true); err != nil {
				return err
			}
			g.p(",\n")
		}
		g.p("}")
	case reflect.Slice, reflect.Array:
		if typed {
			g.p("%s", g.typ(t))
		}
		g.p("{")
		for i := range v.Len() {
			if i == 0 {
				g.p("\n")
			}
			if err := g.literal(v.Index(i), false); err != nil {
				return err
			}
			g.p(",\n")
		}
		g.p("}")
	case reflect.Map:
		if typed {
			g.p("%s", g.typ(t))
		}
		g.p("{\n")
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			if err := g.literal(k, false); err != nil {
				return err
			}
			g.p(": ")
			if err := g.literal(v.MapIndex(k), false); err != nil {
				return err
			}
			g.p(",\n")
		}
		g.p("}")
	default:
		return fmt.Errorf("a literal of %s is not supported", t)
	}
	return nil
}
