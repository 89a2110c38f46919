package jsonedit

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
)

var samples = []any{nil, true, false, json.Number("0"), json.Number("-1"), json.Number("2.5"), json.Number("1e2"), json.Number("100"), json.Number("1.0"),
	"", "x", "2023-02-30", "2024-01-01", "2024", "https://example.org/a", "not a uri", "dhsc", "staff", "a\u00e9b", "list", "object"}

// sample returns a fresh random value.
func sample(rng *rand.Rand) any {
	switch v := samples[rng.IntN(len(samples))]; v {
	case "list":
		return []any{"x", json.Number("1")}[:rng.IntN(3)]
	case "object":
		return map[string]any{}
	default:
		return v
	}
}

// Edit returns data with k random edits, and one time in ten its first
// key repeated. data must be a JSON document.
func Edit(rng *rand.Rand, data []byte, k int) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	for range k {
		doc = editOne(rng, doc)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	if rng.IntN(10) == 0 {
		out = DuplicateKey(out)
	}
	return out, nil
}

func editOne(rng *rand.Rand, v any) any {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 || rng.IntN(6) == 0 {
			if rng.IntN(2) == 0 {
				x["unexpected"] = sample(rng)
			}
			return x
		}
		keys := make([]string, 0, len(x))
		for key := range x {
			keys = append(keys, key)
		}
		// Map order is random, but rng decides: sort for reproducible runs.
		sortStrings(keys)
		key := keys[rng.IntN(len(keys))]
		switch rng.IntN(5) {
		case 0:
			delete(x, key)
		case 1:
			x[key] = sample(rng)
		default:
			x[key] = editOne(rng, x[key])
		}
		return x
	case []any:
		if len(x) == 0 || rng.IntN(5) == 0 {
			return append(x, sample(rng))
		}
		i := rng.IntN(len(x))
		if rng.IntN(4) == 0 {
			return append(x[:i], x[i+1:]...)
		}
		x[i] = editOne(rng, x[i])
		return x
	}
	return sample(rng)
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// DuplicateKey gives the outermost object a "$schema" member before its
// others, which repeats the key when the object has one.
func DuplicateKey(data []byte) []byte {
	if len(data) < 2 || data[0] != '{' || data[1] == '}' {
		return data
	}
	return append([]byte(`{"$schema":1,`), data[1:]...)
}
