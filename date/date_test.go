package date_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/date"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		prec    date.Precision
		wantErr string
	}{
		{"2022", "2022", date.PrecisionYear, ""},
		{"2022-07", "2022-07", date.PrecisionMonth, ""},
		{"2022-07-01", "2022-07-01", date.PrecisionDay, ""},
		{"2024-02-29", "2024-02-29", date.PrecisionDay, ""},
		{"0001-01-01", "0001-01-01", date.PrecisionDay, ""},
		{"9999-12-31", "9999-12-31", date.PrecisionDay, ""},
		{"2023-02-29", "", 0, `date: "2023-02-29" is not a date: the day is not 01 to 28`},
		{"2023-04-31", "", 0, `date: "2023-04-31" is not a date: the day is not 01 to 30`},
		{"1900-02-29", "", 0, `date: "1900-02-29" is not a date: the day is not 01 to 28`},
		{"2022-13", "", 0, `date: "2022-13" is not a date: the month is not 01 to 12`},
		{"2022-00-01", "", 0, `date: "2022-00-01" is not a date: the month is not 01 to 12`},
		{"0000", "", 0, `date: "0000" is not a date: there is no year 0000`},
		{"22-07-01", "", 0, `date: "22-07-01" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2022/07/01", "", 0, `date: "2022/07/01" is not a date: expected '-' after the year`},
		{"2022-07/01", "", 0, `date: "2022-07/01" is not a date: expected '-' after the month`},
		{"20x2", "", 0, `date: "20x2" is not a date: the year is not four digits`},
		{"", "", 0, `date: "" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`},
		{`"2022"`, "", 0, `date: "\"2022\"" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`},
	}
	for _, tt := range tests {
		d, err := date.Parse(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("Parse(%q) error = %v, want %s", tt.in, err, tt.wantErr)
			}
			var pe *date.ParseError
			if !errors.As(err, &pe) || pe.Text != tt.in {
				t.Errorf("Parse(%q) error is not a *ParseError for its text: %#v", tt.in, err)
			}
			continue
		}
		if err != nil || d.String() != tt.want || d.Precision() != tt.prec {
			t.Errorf("Parse(%q) = %s (precision %d), %v; want %s (%d)", tt.in, d, d.Precision(), err, tt.want, tt.prec)
		}
	}
}

func TestParseDay(t *testing.T) {
	if _, err := date.ParseDay("2023-03"); err == nil || err.Error() != `date: "2023-03" is not a date: write a whole day, as YYYY-MM-DD` {
		t.Errorf("ParseDay of a month: %v", err)
	}
	if d, err := date.ParseDay("2023-03-31"); err != nil || d != date.MustParse("2023-03-31") {
		t.Errorf("ParseDay(2023-03-31) = %v, %v", d, err)
	}
	if _, err := date.ParseDay("2023-02-30"); err == nil {
		t.Error("ParseDay accepted 2023-02-30")
	}
}

// TestAgainstTime checks the day arithmetic against package time over
// every day from 1899 to 2101 and a spread of others.
func TestAgainstTime(t *testing.T) {
	start := time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC)
	base := date.MustParse("1899-01-01")
	for i := 0; i < 73500; i++ {
		tm := start.AddDate(0, 0, i)
		want, ok := date.Of(tm.Year(), int(tm.Month()), tm.Day())
		if !ok {
			t.Fatalf("Of(%s) refused", tm.Format(time.DateOnly))
		}
		if got := base.AddDays(i); got != want {
			t.Fatalf("1899-01-01 + %d days = %s, want %s", i, got, want)
		}
		if got := want.DaysUntil(base); got != -i {
			t.Fatalf("%s.DaysUntil(1899-01-01) = %d, want %d", want, got, -i)
		}
		if want.String() != tm.Format(time.DateOnly) {
			t.Fatalf("String() = %s, want %s", want, tm.Format(time.DateOnly))
		}
	}
	for _, s := range []string{"0001-01-01", "0001-03-01", "0400-02-29", "1600-02-29", "2000-02-29", "9999-12-31"} {
		d := date.MustParse(s)
		tm, _ := time.Parse(time.DateOnly, s)
		for _, n := range []int{-1, 1, 59, 365, 366, 1461, 146097} {
			want := tm.AddDate(0, 0, n)
			if want.Year() < 1 || want.Year() > 9999 {
				continue
			}
			if got := d.AddDays(n).String(); got != want.Format(time.DateOnly) {
				t.Errorf("%s + %d days = %s, want %s", s, n, got, want.Format(time.DateOnly))
			}
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2023-01-31", 1, "2023-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2024-01-31", 3, "2024-04-30"},
		{"2023-11-15", 3, "2024-02-15"},
		{"2023-03-31", -1, "2023-02-28"},
		{"2023-01-15", -1, "2022-12-15"},
		{"2020-12-03", 3, "2021-03-03"},
		{"2022-07", 3, "2022-10-01"},
		{"2022", 12, "2023-01-01"},
		{"9999-11-15", 3, "9999-12-31"},
		{"0001-02-15", -3, "0001-01-01"},
	}
	for _, tt := range tests {
		if got := date.MustParse(tt.from).AddMonths(tt.n); got.String() != tt.want {
			t.Errorf("%s + %d months = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
	if !(date.Date(0)).AddMonths(3).IsZero() || !(date.Date(0)).AddDays(3).IsZero() {
		t.Error("arithmetic on the zero Date is not zero")
	}
}

func TestWholeMonthsAndYears(t *testing.T) {
	tests := []struct {
		from, to      string
		months, years int
	}{
		{"2020-01-31", "2020-02-29", 0, 0},
		{"2020-01-31", "2020-03-31", 2, 0},
		{"2020-01-15", "2021-01-14", 11, 0},
		{"2020-01-15", "2021-01-15", 12, 1},
		{"2000-02-29", "2001-02-28", 11, 0},
		{"2000-02-29", "2001-03-01", 12, 1},
		{"2024-06-01", "2023-06-01", -12, -1},
	}
	for _, tt := range tests {
		a, b := date.MustParse(tt.from), date.MustParse(tt.to)
		if got := a.MonthsUntil(b); got != tt.months {
			t.Errorf("%s.MonthsUntil(%s) = %d, want %d", tt.from, tt.to, got, tt.months)
		}
		if got := a.YearsUntil(b); got != tt.years {
			t.Errorf("%s.YearsUntil(%s) = %d, want %d", tt.from, tt.to, got, tt.years)
		}
	}
}

func TestCompareAndPrecision(t *testing.T) {
	d := func(s string) date.Date { return date.MustParse(s) }
	tests := []struct {
		a, b date.Date
		want int
	}{
		{d("2021-04"), d("2021-04-01"), 0},
		{d("2021"), d("2021-01-01"), 0},
		{d("2021"), d("2021-01-02"), -1},
		{d("2022-07-01"), d("2022-06-30"), 1},
		{date.Date(0), d("0001"), -1},
		{date.Date(0), date.Date(0), 0},
	}
	for _, tt := range tests {
		if got := tt.a.Compare(tt.b); got != tt.want {
			t.Errorf("%q.Compare(%q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if tt.a.Before(tt.b) != (tt.want < 0) || tt.a.After(tt.b) != (tt.want > 0) {
			t.Errorf("Before/After disagree with Compare for %q and %q", tt.a, tt.b)
		}
	}
	if d("2022-07-01") != date.Date(20220701) || d("2022-07") != date.Date(20220700) {
		t.Error("a date's value is not YYYYMMDD")
	}
	if d("2021-04") == d("2021-04-01") {
		t.Error("a month and its first day are the same value")
	}
	if got := d("2021-04").First(); got != d("2021-04-01") {
		t.Errorf("First = %s", got)
	}
	if d("2021-04").Year() != 2021 || d("2021-04").Month() != 4 || d("2021-04").Day() != 0 {
		t.Error("Year, Month or Day of 2021-04 is wrong")
	}
}

func TestText(t *testing.T) {
	var got []date.Date
	for _, s := range []string{"2022", "2022-07", "2022-07-01", ""} {
		var d date.Date
		if err := d.UnmarshalText([]byte(s)); err != nil {
			t.Fatalf("UnmarshalText(%q): %v", s, err)
		}
		b, _ := d.MarshalText()
		if string(b) != s {
			t.Errorf("round trip of %q gave %q", s, b)
		}
		got = append(got, d)
	}
	want := []date.Date{date.MustParse("2022"), date.MustParse("2022-07"), date.MustParse("2022-07-01"), 0}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b date.Date) bool { return a == b })); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var d date.Date
	if err := d.UnmarshalText([]byte("2023-02-30")); err == nil {
		t.Error("UnmarshalText accepted 2023-02-30")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2022", "2022-07", "2022-07-01", "2024-02-29", "0000", "9999-12-31", "2023-02-30", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := date.Parse(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("Parse(%q).String() = %q", s, d.String())
		}
		if d.Precision() == date.PrecisionDay {
			tm, terr := time.Parse(time.DateOnly, s)
			if terr != nil || tm.Year() != d.Year() {
				t.Fatalf("Parse accepted %q, which time.Parse refuses: %v", s, terr)
			}
			if back := d.AddDays(-1).AddDays(1); d.Year() > 1 && back != d {
				t.Fatalf("%s + 1 - 1 day = %s", d, back)
			}
		}
	})
}
