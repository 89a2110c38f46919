package spf_test

import (
	"testing"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/spf"
)

func TestBuiltinValidates(t *testing.T) {
	d := spf.Builtin()
	if err := d.Validate(); err != nil {
		for _, e := range problem.All(err) {
			t.Errorf("%s [%s] %s", e.Pointer, e.Code, e.Message)
		}
	}
}
