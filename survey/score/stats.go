package score

import "math"

// z975 is the 97.5th percentile of the standard normal distribution, the z
// of a two-sided 95% interval.
const z975 = 1.959963984540054

// Wilson returns the Wilson score 95% interval for the proportion k/n
// (Wilson 1927; Newcombe 1998), as proportions from 0 to 1. Unlike the
// normal approximation it stays inside [0, 1] and is exactly 0 or 1 at the
// ends. n must be positive.
func Wilson(k, n int) (lo, hi float64) {
	if n <= 0 {
		return math.NaN(), math.NaN()
	}
	p := float64(k) / float64(n)
	nn := float64(n)
	z2 := z975 * z975
	denom := 1 + z2/nn
	centre := (p + z2/(2*nn)) / denom
	half := z975 * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn)) / denom
	lo, hi = centre-half, centre+half
	if k == 0 {
		lo = 0
	}
	if k == n {
		hi = 1
	}
	return max(lo, 0), min(hi, 1)
}

// Newcombe returns the hybrid score 95% interval for the difference
// k1/n1 − k2/n2 of two independent proportions (Newcombe 1998, method 10),
// built from each proportion's Wilson limits.
func Newcombe(k1, n1, k2, n2 int) (d, lo, hi float64) {
	p1, p2 := float64(k1)/float64(n1), float64(k2)/float64(n2)
	l1, u1 := Wilson(k1, n1)
	l2, u2 := Wilson(k2, n2)
	d = p1 - p2
	lo = d - math.Sqrt((p1-l1)*(p1-l1)+(u2-p2)*(u2-p2))
	hi = d + math.Sqrt((u1-p1)*(u1-p1)+(p2-l2)*(p2-l2))
	return d, lo, hi
}

// Welch is the result of Welch's unequal-variances t test.
type Welch struct {
	Diff float64 // mean1 − mean2
	T    float64 // the t statistic
	DF   float64 // Welch–Satterthwaite degrees of freedom
	P    float64 // two-sided p-value
}

// WelchTest compares two means from their sizes, means and (n−1) variances.
// Both samples need at least two values. When both variances are zero the
// test is degenerate: equal means give p = 1 and different means p = 0.
func WelchTest(n1 int, m1, v1 float64, n2 int, m2, v2 float64) Welch {
	w := Welch{Diff: m1 - m2}
	a, b := v1/float64(n1), v2/float64(n2)
	se2 := a + b
	if se2 == 0 {
		w.DF = float64(n1 + n2 - 2)
		if w.Diff == 0 {
			w.P = 1
		} else {
			w.T = math.Copysign(math.Inf(1), w.Diff)
		}
		return w
	}
	w.T = w.Diff / math.Sqrt(se2)
	w.DF = se2 * se2 / (a*a/float64(n1-1) + b*b/float64(n2-1))
	w.P = 2 * (1 - StudentTCDF(math.Abs(w.T), w.DF))
	return w
}

// StudentTCDF is the cumulative distribution function of Student's t with
// df degrees of freedom (df may be fractional).
func StudentTCDF(t, df float64) float64 {
	if math.IsInf(t, 1) {
		return 1
	}
	if math.IsInf(t, -1) {
		return 0
	}
	x := df / (df + t*t)
	tail := 0.5 * betaInc(df/2, 0.5, x)
	if t > 0 {
		return 1 - tail
	}
	return tail
}

// StudentTQuantile returns t such that StudentTCDF(t, df) = p, for p in
// (0, 1), by bisection to full float64 precision.
func StudentTQuantile(p, df float64) float64 {
	if p == 0.5 {
		return 0
	}
	if p < 0.5 {
		return -StudentTQuantile(1-p, df)
	}
	lo, hi := 0.0, 1.0
	for StudentTCDF(hi, df) < p {
		lo, hi = hi, hi*2
		if hi > 1e12 {
			return math.Inf(1)
		}
	}
	for i := 0; i < 200 && hi-lo > 1e-13*hi; i++ {
		mid := (lo + hi) / 2
		if StudentTCDF(mid, df) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// betaInc is the regularized incomplete beta function I_x(a, b), by the
// continued fraction of Numerical Recipes (Press et al., §6.4).
func betaInc(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(a, b, x) / a
	}
	return 1 - front*betaCF(b, a, 1-x)/b
}

func betaCF(a, b, x float64) float64 {
	const tiny = 1e-300
	qab, qap, qam := a+b, a+1, a-1
	c, d := 1.0, 1-qab*x/qap
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 1000; m++ {
		fm := float64(m)
		m2 := 2 * fm
		aa := fm * (b - fm) * x / ((qam + m2) * (a + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		aa = -(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	return h
}

// moments summarises a distribution of counts over whole-number points
// min, min+1, …: the number of values, their mean, (n−1) variance and
// median, all exact from the counts.
func moments(min int, counts []int) (n int, mean, variance, median float64) {
	var sum float64
	for i, c := range counts {
		n += c
		sum += float64(c) * float64(min+i)
	}
	if n == 0 {
		return 0, math.NaN(), math.NaN(), math.NaN()
	}
	mean = sum / float64(n)
	var ss float64
	for i, c := range counts {
		d := float64(min+i) - mean
		ss += float64(c) * d * d
	}
	variance = math.NaN()
	if n > 1 {
		variance = ss / float64(n-1)
	}
	median = (nth(min, counts, (n-1)/2) + nth(min, counts, n/2)) / 2
	return n, mean, variance, median
}

// nth is the value at 0-based position k of the sorted values.
func nth(min int, counts []int, k int) float64 {
	for i, c := range counts {
		if k < c {
			return float64(min + i)
		}
		k -= c
	}
	return math.NaN()
}
