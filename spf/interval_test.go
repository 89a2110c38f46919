package spf_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/spf"
)

func TestIntervalHalfOpen(t *testing.T) {
	d := date.MustParse
	ccg := spf.Interval{Start: d("2013-04-01"), End: d("2022-07-01")}
	icb := spf.Interval{Start: d("2022-07-01")}
	got := map[string]bool{
		"ccg on 2022-06-30":    ccg.Contains(d("2022-06-30")),
		"ccg on 2022-07-01":    ccg.Contains(d("2022-07-01")),
		"icb on 2022-06-30":    icb.Contains(d("2022-06-30")),
		"icb on 2022-07-01":    icb.Contains(d("2022-07-01")),
		"ccg overlaps icb":     ccg.Overlaps(icb),
		"open overlaps both":   spf.Interval{}.Overlaps(ccg),
		"icb within ccg":       icb.Within(ccg),
		"2020 within ccg":      spf.Interval{Start: d("2020"), End: d("2021")}.Within(ccg),
		"unknown start within": spf.Interval{End: d("2021")}.Within(ccg),
		"end before start":     spf.Interval{Start: d("2021"), End: d("2020")}.Valid(),
		"empty interval":       spf.Interval{Start: d("2021"), End: d("2021")}.Valid(),
	}
	want := map[string]bool{
		"ccg on 2022-06-30": true, "ccg on 2022-07-01": false,
		"icb on 2022-06-30": false, "icb on 2022-07-01": true,
		"ccg overlaps icb": false, "open overlaps both": true,
		"icb within ccg": false, "2020 within ccg": true, "unknown start within": true,
		"end before start": false, "empty interval": false,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}
