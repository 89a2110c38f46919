package schema

// Problem is one problem in a checked file, as `spfkit validate --format
// json` prints it: one JSON object per line.
type Problem struct {
	// The file that was checked, as named on the command line; "-" is standard input.
	File string `json:"file"`
	// The 1-based line of the file where the problem is, or 0 when it concerns the whole file.
	Line int `json:"line" jsonschema:"minimum=0"`
	// The JSON Pointer of the offending value within its document (for NDJSON, within the record on that line).
	Pointer string `json:"pointer"`
	// The kind of document the file was checked as, when known.
	Kind string `json:"kind,omitempty"`
	// A stable name for the rule that failed: a JSON Schema keyword, a directory rule code, or an input code such as "syntax".
	Code string `json:"code" jsonschema:"minLength=1"`
	// What is wrong, in one line.
	Message string `json:"message" jsonschema:"minLength=1"`
	// What to do about it, when there is advice.
	Hint string `json:"hint,omitempty"`
}
