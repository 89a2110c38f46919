package surveyjs_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/survey"
)

// pulse is the test definition in survey/testdata, with every question
// type, an Other option, a "don't know", a reverse-scored statement, a
// condition and personal data.
func pulse(t testing.TB) *survey.Definition {
	t.Helper()
	b, err := os.ReadFile("../testdata/pulse.json")
	require.NoError(t, err)
	d, err := check.ParseDefinition(b)
	require.NoError(t, err)
	return d
}
