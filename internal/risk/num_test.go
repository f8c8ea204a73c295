package risk

import (
	"fmt"
	"math"
	"math/rand"
	"testing"
)

// numFmt and describeFmt are Num and describe as they were, written with fmt.
func numFmt(x float64) string {
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x):
		return fmt.Sprint(x)
	case x >= 1000:
		return fmt.Sprintf("%.0f", x)
	case x >= 1e-4 || x == 0:
		return fmt.Sprintf("%.3g", x)
	}
	return fmt.Sprintf("%.2g", x)
}

func describeFmt(d Detail) string {
	pos := ""
	if d.Line > 0 {
		pos = fmt.Sprintf(" at %d:%d", d.Line, d.Col)
	}
	if d.Cap > 0 {
		return fmt.Sprintf("%s%s caps the crowd at %s (%s)", d.Kind, pos, numFmt(d.Cap), d.Why)
	}
	return fmt.Sprintf("%s%s: factor %s (%s)", d.Kind, pos, numFmt(d.Factor), d.Why)
}

// randomFloat draws from every magnitude a crowd, factor or cap takes and beyond, with
// values at the edges of Num's cases and of rounding.
func randomFloat(rng *rand.Rand) float64 {
	switch rng.Intn(6) {
	case 0:
		return []float64{0, math.Copysign(0, -1), 1000, 999.5, 999.49999, 1e-4, 9.9995e-5, 0.00099995, 9.995, 99.95, 0.5,
			1, 2.5, 1e21, 1e-21, math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64, -3.14159}[rng.Intn(21)]
	case 1:
		return float64(rng.Intn(100000000)) / math.Pow(10, float64(rng.Intn(12)))
	case 2:
		return math.Float64frombits(rng.Uint64())
	}
	return math.Pow(10, rng.Float64()*60-30) * (1 + rng.Float64())
}

// TestNumIsFmt: Num writes what fmt wrote, for 200,000 random floats of every magnitude.
func TestNumIsFmt(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 200000 {
		x := randomFloat(rng)
		if got, want := Num(x), numFmt(x); got != want {
			t.Fatalf("Num(%v) = %q, want %q", x, got, want)
		}
	}
}

// TestDescribeIsFmt: describe and explain's reasons read as fmt wrote them.
func TestDescribeIsFmt(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	kinds := []string{KindCondition, KindAge, KindSex, KindArea, "", "a kind, with % signs %s"}
	whys := []string{"", "a reason", "100% of people (%d)", "Orphanet ORPHA:1: 1 in 5,000 of people"}
	for range 100000 {
		d := Detail{Kind: kinds[rng.Intn(len(kinds))], Why: whys[rng.Intn(len(whys))], Factor: randomFloat(rng)}
		if rng.Intn(2) == 0 {
			d.Cap = randomFloat(rng)
		}
		if rng.Intn(2) == 0 {
			d.Line, d.Col = rng.Intn(3000)-1, rng.Intn(300)-1
		}
		if got, want := describe(d), describeFmt(d); got != want {
			t.Fatalf("describe(%+v) = %q, want %q", d, got, want)
		}
	}
	for range 10000 {
		v := Verdict{Crowd: randomFloat(rng), MinCrowd: randomFloat(rng), Blocked: rng.Intn(2) == 0}
		explain(&v)
		want := fmt.Sprintf("crowd %s is at least the minimum of %s", numFmt(v.Crowd), numFmt(v.MinCrowd))
		if v.Blocked {
			want = fmt.Sprintf("crowd %s is under the minimum of %s; top reason: %s", numFmt(v.Crowd), numFmt(v.MinCrowd), "the details together")
		}
		if len(v.Reasons) == 0 || v.Reasons[0] != want {
			t.Fatalf("%+v: reasons %q, want %q first", v, v.Reasons, want)
		}
	}
}
