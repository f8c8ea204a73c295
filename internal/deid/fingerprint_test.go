package deid

import "testing"

func TestFingerprint(t *testing.T) {
	base := func(opts ...Option) [32]byte {
		return New(append([]Option{WithKey([]byte("key one"))}, opts...)...).Fingerprint()
	}
	a := base()
	if a != base() {
		t.Error("same settings, different fingerprints")
	}
	for name, other := range map[string][32]byte{
		"another key":    New(WithKey([]byte("key two"))).Fingerprint(),
		"another action": base(WithAction(Person, Redact)),
		// Another planner gives other replacements for the same findings.
		"a planner": base(WithPlanner(countingPlanner{new(int)})),
	} {
		if other == a {
			t.Errorf("%s: same fingerprint", name)
		}
	}
}
