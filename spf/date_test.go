package spf_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/spf"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		prec    spf.Precision
		wantErr bool
	}{
		{"2022", "2022", spf.PrecisionYear, false},
		{"2022-07", "2022-07", spf.PrecisionMonth, false},
		{"2022-07-01", "2022-07-01", spf.PrecisionDay, false},
		{"2024-02-29", "2024-02-29", spf.PrecisionDay, false},
		{"2023-02-29", "", 0, true},
		{"2022-13", "", 0, true},
		{"2022-00", "", 0, true},
		{"2022-7-1", "", 0, true},
		{"22-07-01", "", 0, true},
		{"0999", "", 0, true},
		{"2022/07/01", "", 0, true},
		{"２０２２", "", 0, true},
		{"", "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := spf.ParseDate(tt.in)
			if tt.wantErr {
				if !errors.Is(err, spf.ErrDate) {
					t.Fatalf("ParseDate(%q) error = %v, want ErrDate", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != tt.want || d.Precision() != tt.prec {
				t.Errorf("got %s (precision %d), want %s (%d)", d, d.Precision(), tt.want, tt.prec)
			}
		})
	}
}

func TestDateCompare(t *testing.T) {
	d := spf.MustParseDate
	tests := []struct {
		a, b spf.Date
		want int
	}{
		{d("2021-04"), d("2021-04-01"), 0},
		{d("2021"), d("2021-01-01"), 0},
		{d("2021-04"), d("2021-04-02"), -1},
		{d("2022-07-01"), d("2022-06-30"), 1},
		{spf.Date{}, d("1000"), -1},
	}
	for _, tt := range tests {
		if got := tt.a.Compare(tt.b); got != tt.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestIntervalHalfOpen(t *testing.T) {
	d := spf.MustParseDate
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

func TestDateText(t *testing.T) {
	var d spf.Date
	if err := d.UnmarshalText([]byte("2022-07")); err != nil {
		t.Fatal(err)
	}
	b, _ := d.MarshalText()
	if string(b) != "2022-07" {
		t.Errorf("round trip gave %q", b)
	}
	if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
		t.Errorf("empty text: %v, zero=%v", err, d.IsZero())
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2022", "2022-07", "2022-07-01", "2023-02-29", "9999-12-31", "1000-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := spf.ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d)
		}
		if d.First().IsZero() {
			t.Fatalf("valid date %q has no first day", s)
		}
	})
}
