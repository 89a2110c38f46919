package seedtext

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spfkit/spfkit/internal/jsonptr"
)

// RunWords is the length of a run of words that counts as copied.
const RunWords = 12

// Seeds are the source documents' words, as runs of RunWords.
type Seeds struct {
	runs map[string]bool
	text string // all the documents, white space folded, for Contains
}

var word = regexp.MustCompile(`[a-z0-9]+(?:['’][a-z]+)?`)

func words(s string) []string {
	return word.FindAllString(strings.ReplaceAll(strings.ToLower(s), "’", "'"), -1)
}

// Load reads the seeds in dir whose names match pattern ("003_*.txt").
// It returns nil when there are none, as when the project stands without
// ../shared beside it.
func Load(dir, pattern string) (*Seeds, error) {
	files, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(files) == 0 {
		return nil, err
	}
	s := &Seeds{runs: map[string]bool{}}
	var all []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		all = append(all, string(b))
		w := words(string(b))
		for i := 0; i+RunWords <= len(w); i++ {
			s.runs[strings.Join(w[i:i+RunWords], " ")] = true
		}
	}
	s.text = strings.Join(strings.Fields(strings.Join(all, " ")), " ")
	return s, nil
}

// Copied returns the runs of RunWords words of text that the seeds hold.
func (s *Seeds) Copied(text string) []string {
	var out []string
	w := words(text)
	for i := 0; i+RunWords <= len(w); i++ {
		if r := strings.Join(w[i:i+RunWords], " "); s.runs[r] {
			out = append(out, r)
		}
	}
	return out
}

// Contains reports whether the seeds hold s word for word (apart from
// line breaks, and a word hyphenated across one), as a label copied
// exactly must be.
func (s *Seeds) Contains(label string) bool {
	return strings.Contains(s.text, label) || strings.Contains(strings.ReplaceAll(s.text, "- ", "-"), label)
}

// Finding is a run of words a document repeats from the seeds.
type Finding struct {
	Pointer string // JSON Pointer of the string the run starts in
	Run     string // the run's words, lower-cased
	Text    string // the whole string the run starts in
}

// Find returns the runs of RunWords words that v, encoded as JSON,
// repeats from the seeds. It reads the document in order as one text,
// member names and strings, as a reader of the data file does, so a run
// that goes on from one string into the next (the items of a list of
// audiences) counts as a run too; each run is reported once, where it
// starts. Members named in skip (such as "url", whose address is a fact)
// are left out.
func (s *Seeds) Find(v any, skip map[string]bool) ([]Finding, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var at, texts []string
	var all []string
	var owner []int
	dec := json.NewDecoder(bytes.NewReader(b))
	err = walk(dec, "", skip, func(p, text string) {
		for _, w := range words(text) {
			all = append(all, w)
			owner = append(owner, len(texts))
		}
		at, texts = append(at, p), append(texts, text)
	})
	if err != nil {
		return nil, err
	}
	var out []Finding
	for i := 0; i+RunWords <= len(all); i++ {
		r := strings.Join(all[i:i+RunWords], " ")
		if !s.runs[r] {
			continue
		}
		o := owner[i]
		out = append(out, Finding{Pointer: at[o], Run: r, Text: texts[o]})
		// The overlapping runs after it are the same passage.
		for i+1+RunWords <= len(all) && s.runs[strings.Join(all[i+1:i+1+RunWords], " ")] {
			i++
		}
	}
	return out, nil
}

// walk calls fn with each member name and string of the JSON value dec
// is at, in order, and its JSON Pointer.
func walk(dec *json.Decoder, at string, skip map[string]bool, fn func(pointer, s string)) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case string:
		fn(at, t)
	case json.Delim:
		for i := 0; dec.More(); i++ {
			if t == '[' {
				if err := walk(dec, jsonptr.Join(at, i), skip, fn); err != nil {
					return err
				}
				continue
			}
			k, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := k.(string)
			fn(jsonptr.Join(at, key), key)
			if skip[key] {
				var ignored json.RawMessage
				err = dec.Decode(&ignored)
			} else {
				err = walk(dec, jsonptr.Join(at, key), skip, fn)
			}
			if err != nil {
				return err
			}
		}
		_, err = dec.Token() // the closing ']' or '}'
		return err
	}
	return nil
}
