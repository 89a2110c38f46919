package release

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
)

// Parse reads a ledger: its JSON is checked against the release-ledger
// schema (problems located by line, column and JSON Pointer), then its
// own rules with Validate.
func Parse(data []byte) (*Ledger, error) {
	r := (&check.Checker{Kind: schema.ReleaseLedger}).Check(data)
	if !r.Valid() {
		return nil, r.Err()
	}
	var l Ledger
	if err := json.Unmarshal(data, &l); err != nil {
		return nil, err
	}
	if err := l.Validate(); err != nil {
		return nil, err
	}
	return &l, nil
}

// Validate checks what the schema cannot: releases numbered from 1 in
// order, every set's fingerprints matching its digest and count, and every
// cell naming a set of its release with its count.
func (l *Ledger) Validate() error {
	var errs []*problem.Error
	add := func(ptr, msg, hint string) {
		errs = append(errs, &problem.Error{Pointer: ptr, Code: "invalid_ledger", Message: msg, Hint: hint})
	}
	for i := range l.Releases {
		r := &l.Releases[i]
		at := "/releases/" + strconv.Itoa(i)
		if r.ID != i+1 {
			add(at+"/id", "release "+strconv.Itoa(i+1)+" is numbered "+strconv.Itoa(r.ID), "a ledger's releases are numbered 1, 2, 3 in order; do not edit a ledger by hand")
		}
		sets := map[string]int{}
		for j, s := range r.Sets {
			sp := at + "/sets/" + strconv.Itoa(j)
			keys, err := decodeKeys(s.Keys)
			switch {
			case err != nil:
				add(sp+"/keys", err.Error(), "the ledger is damaged; restore it from a copy")
			case len(keys) != s.N:
				add(sp+"/n", "the set holds "+strconv.Itoa(len(keys))+" fingerprints, not "+strconv.Itoa(s.N), "the ledger is damaged; restore it from a copy")
			case digest(keys) != s.Digest:
				add(sp+"/digest", "the fingerprints do not match the digest", "the ledger is damaged; restore it from a copy")
			}
			sets[s.Digest] = s.N
		}
		for j, c := range r.Cells {
			cp := at + "/cells/" + strconv.Itoa(j)
			n, ok := sets[c.Set]
			switch {
			case !ok:
				add(cp+"/set", "the cell names a set the release does not hold", "the ledger is damaged; restore it from a copy")
			case n != c.N:
				add(cp+"/n", "the cell counts "+strconv.Itoa(c.N)+" but its set holds "+strconv.Itoa(n), "the ledger is damaged; restore it from a copy")
			}
		}
	}
	return problem.Join(errs)
}

// ReadFile reads a ledger file; a file that does not exist gives a new,
// empty ledger (and ok false).
func ReadFile(name string) (l *Ledger, ok bool, err error) {
	data, err := os.ReadFile(name)
	if os.IsNotExist(err) {
		l, err = New()
		return l, false, err
	}
	if err != nil {
		return nil, false, err
	}
	l, err = Parse(data)
	return l, true, err
}

// WriteFile saves the ledger safely: to a temporary file in the same
// folder, synced to disk, then renamed over name, so a crash leaves the
// old ledger or the new one, never half of one. The file is readable by
// its owner only.
func (l *Ledger) WriteFile(name string) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := l.Write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// Write writes the ledger as indented JSON.
func (l *Ledger) Write(w io.Writer) error {
	if l.Schema == "" {
		l.Schema = SchemaURL
	}
	b, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
