// Package numfmt writes numbers for people to read: whole numbers with
// their thousands separated by commas, as NHS documents write them
// (16,000; 1,560; £22,500).
package numfmt

import "strconv"

// Thousands writes n with a comma between each group of three digits.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}
