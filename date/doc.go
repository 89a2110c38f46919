// Package date models the calendar dates spfkit's documents carry: a day
// (2022-07-01) or, where the sources give no more, a month (2022-07) or a
// year (2022), as Popolo's partial dates are written.
//
// One type, Date, serves every package: a partnership body's founding
// (package spf, often known only to the year), a plan entry's due day
// (package hrod) and a transfer's date (package transfer). A field that
// must be a whole day says so in its schema (format "date") and its
// decoder refuses a partial date there.
//
// A Date is a comparable value; the zero Date is unknown. For ordering and
// arithmetic a partial date stands for its first day: 2021-04 compares
// equal to 2021-04-01, and 2021 plus one day is 2021-01-02.
//
// The package counts days itself rather than with package time, which the
// WebAssembly widgets would pay for in size; it knows the proleptic
// Gregorian calendar from year 1 to 9999, without time zones or times of
// day. Convert from a time.Time with its Date method:
//
//	y, m, d := time.Now().Date()
//	today, _ := date.Of(y, int(m), d)
package date
