package dict

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// Middle initials without a full stop, "I." as an initial, and two
// particles inside a name.
func TestInitialsAndParticles(t *testing.T) {
	runKindCases(t, []kindCase{
		{"Who signed? Wietske R Dunes", deid.Person, "Wietske", true},
		{"Who signed? Wietske R Dunes", deid.Person, "Dunes", true},
		{"Ray I. Lindqvist from Acme is the keynote speaker.", deid.Person, "Ray", true},
		{"Write to Gerrit van der Stoep soon.", deid.Person, "der", true},
		// Not a name: a vitamin, a vaccine, an appendix; the pronoun.
		{"She takes Vitamin D Supplements daily.", deid.Person, "Supplements", false},
		{"See Appendix C Table 4 for Hepatitis B Vaccine doses.", deid.Person, "Table", false},
		{"dsg D+I. Leg approximated", deid.Person, "Leg", false},
	})
}
