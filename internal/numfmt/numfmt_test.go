package numfmt_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/internal/numfmt"
)

func TestThousands(t *testing.T) {
	var got []string
	for _, n := range []int{0, 7, 999, 1000, 1560, 16000, 30000, 1234567, -2500} {
		got = append(got, numfmt.Thousands(n))
	}
	want := []string{"0", "7", "999", "1,000", "1,560", "16,000", "30,000", "1,234,567", "-2,500"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
