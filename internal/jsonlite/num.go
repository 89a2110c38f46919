package jsonlite

import "math"

// Numbers are parsed and written here rather than with strconv: any of
// strconv's parsers links its NumError, whose Error method brings strconv's
// quoting and printability tables into the WebAssembly widgets (about
// 25 KB of brotli). The cores only ever need whole numbers exactly and
// other numbers well enough to say they are not whole.

// Atoi parses a decimal integer with an optional sign, as strconv.Atoi
// does for the values spfkit reads; ok is false for anything else or an
// overflow.
func Atoi(s string) (n int, ok bool) {
	if s == "" {
		return 0, false
	}
	neg := s[0] == '-'
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
		if s == "" {
			return 0, false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || n > (math.MaxInt-9)/10 {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// ParseNumber converts JSON number text (already checked against the
// grammar) to a float64. It is exact, as strconv.ParseFloat is, whenever
// the digits fit in 53 bits and the decimal exponent is within ±22 (every
// number spfkit's documents hold); beyond that it is within a few units in
// the last place. ok is false for numbers out of float64's range.
func ParseNumber(s string) (f float64, ok bool) {
	i := 0
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	var mant uint64
	exp, digits := 0, 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if digits < 19 {
			mant = mant*10 + uint64(s[i]-'0')
			if mant != 0 {
				digits++
			}
		} else {
			exp++
		}
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if digits < 19 {
				mant = mant*10 + uint64(s[i]-'0')
				if mant != 0 {
					digits++
				}
				exp--
			}
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		esign := 1
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			if s[i] == '-' {
				esign = -1
			}
			i++
		}
		e := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if e < 100000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		exp += esign * e
	}
	f = float64(mant)
	switch {
	case mant == 0:
	case exp >= 0 && exp <= 22:
		f *= math.Pow10(exp)
	case exp < 0 && exp >= -22:
		f /= math.Pow10(-exp)
	default:
		f *= math.Pow(10, float64(exp))
	}
	if math.IsInf(f, 0) {
		return 0, false
	}
	if neg {
		f = -f
	}
	return f, true
}
