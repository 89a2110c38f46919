package schema

import "github.com/spfkit/spfkit/internal/jsonlite"

// FastVerdict is the fast path's answer on data as kind k: "valid",
// "invalid" or "unsure" (also when data is not JSON jsonlite reads), or
// "none" when the kind has no fast path.
func FastVerdict(k Kind, data []byte) string {
	n := fastFor(k)
	if n == nil {
		return "none"
	}
	v, err := jsonlite.Parse(data)
	if err != nil {
		return "unsure"
	}
	return [...]string{unsure: "unsure", valid: "valid", invalid: "invalid"}[n.check(&v)]
}
