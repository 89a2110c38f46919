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

// AppendNumber appends f as JSON: whole numbers up to 2^53 exactly, others
// with up to 15 significant digits, which round-trips the decimals people
// write.
func AppendNumber(b []byte, f float64) []byte {
	if f != f || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return appendInt(b, int64(f))
	}
	if f < 0 {
		b = append(b, '-')
		f = -f
	}
	// Scale to 15 significant digits: f ≈ m × 10^(e−14), 10^14 ≤ m < 10^15.
	e := int(math.Floor(math.Log10(f)))
	m := math.Round(f / math.Pow(10, float64(e-14)))
	if m >= 1e15 {
		m /= 10
		e++
	}
	digits := appendInt(nil, int64(m))
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	if e < -6 || e >= 15 {
		b = append(b, digits[0])
		if len(digits) > 1 {
			b = append(b, '.')
			b = append(b, digits[1:]...)
		}
		b = append(b, 'e')
		return appendInt(b, int64(e))
	}
	if e < 0 {
		b = append(b, '0', '.')
		for i := -1; i > e; i-- {
			b = append(b, '0')
		}
		return append(b, digits...)
	}
	for i := 0; i <= e; i++ {
		if i < len(digits) {
			b = append(b, digits[i])
		} else {
			b = append(b, '0')
		}
	}
	if len(digits) > e+1 {
		b = append(b, '.')
		b = append(b, digits[e+1:]...)
	}
	return b
}

// FormatNumber is AppendNumber to a string.
func FormatNumber(f float64) string { return string(AppendNumber(nil, f)) }

func appendInt(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var d [20]byte
	i := len(d)
	for {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, d[i:]...)
}
