package date_test

import (
	"fmt"

	"github.com/spfkit/spfkit/date"
)

// The sources often give only a year or a month: a body founded "in
// 2021", a co-chair who took over "in April 2021". A partial date keeps
// what is known and, for comparisons, stands for its first day.
func ExampleParse() {
	founded := date.MustParse("2021")
	handover, _ := date.Parse("2021-04")
	fmt.Println(founded.Precision() == date.PrecisionYear, handover)
	fmt.Println(handover.Compare(date.MustParse("2021-04-01")))
	// Output:
	// true 2021-04
	// 0
}

// Deadlines count whole days and months. Three months on from 31 January
// is 30 April, since April has no 31st; 28 days before it is 3 January.
func ExampleDate_AddMonths() {
	transfer := date.MustParse("2026-01-31")
	fmt.Println(transfer.AddMonths(3))
	fmt.Println(transfer.AddDays(-28), transfer.DaysUntil(date.MustParse("2026-03-01")))
	// Output:
	// 2026-04-30
	// 2026-01-03 29
}
