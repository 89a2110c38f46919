package ndjson

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInOrder(t *testing.T) {
	ch := make(chan int, 6)
	for _, n := range []int{2, 0, 1, 5, 3, 4} {
		ch <- n
	}
	close(ch)
	var got []int
	calls := 0
	InOrder(ch, func(n int) int { return n }, func(n int) { got = append(got, n) }, func() { calls++ })
	if diff := cmp.Diff([]int{0, 1, 2, 3, 4, 5}, got); diff != "" || calls != 6 {
		t.Errorf("(-want +got):\n%s, %d calls", diff, calls)
	}
}
