package rules

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// cuePieces make texts in which the ID cues, whole, cut short, run on or
// folded, meet the numbers and marks that may follow them.
var cuePieces = append(slices.Clone(rulePieces),
	"m.r.n", "M.R.N.", "m.", "medical", "Medical", "record", "med", "MED", "rec", "a/c", "A/C", "a/", "driver", "drivers",
	"Driver's", "driver’s", "driverſ", "licence", "license", "LICENSE", "i.d.", "I.D.", "i.", "patient", "pt", "PT", "id", "ID",
	"health", "card", "credit", "debit", "unit", "Unit", "number", "numbers", "no.", "nr.", "#", "code", "is", "was", ":", "=",
	"4471", "AB-77", "x9", "K", "ſ", "medicalrecord", "ptid", "unitid", "mx", "ax", "ix")

func matchIDCueRef(w string) []int {
	ce := 0
	if m := idCueMulti.FindStringIndex(w); m != nil {
		ce = m[1]
	} else {
		for ce < len(w) && ce < 24 && isASCIIAlnum(w[ce]) {
			ce++
		}
		if ce == 0 || ce < len(w) && isASCIIAlnum(w[ce]) || !vocab.IDCueWords().Has(strings.ToLower(w[:ce])) {
			return nil
		}
	}
	if isASCIIAlnum(w[ce-1]) && ce < len(w) && (isASCIIAlnum(w[ce]) || w[ce] == '_') {
		return nil
	}
	r := idCueRest.FindStringSubmatchIndex(w[ce:])
	if r == nil {
		return nil
	}
	return []int{0, ce + r[1], 0, ce, ce + r[2], ce + r[3]}
}

// TestMatchIDCueIsRef compares matchIDCue, which asks mayBeMultiCue before
// the pattern of the cues of several words, with its first form at every
// byte of random texts, and mayBeMultiCue with that pattern.
func TestMatchIDCueIsRef(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	multi, matched := 0, 0
	for i := 0; i < 20000; i++ {
		text := randomText(r, cuePieces, 1+r.Intn(12))
		for k := 0; k < len(text); k++ {
			w := text[k:min(len(text), k+defaultWindow)]
			if idCueMulti.MatchString(w) {
				multi++
				if !mayBeMultiCue(w) {
					t.Fatalf("mayBeMultiCue(%q) = false, but idCueMulti matches", w)
				}
			}
			got, want := matchIDCue(w), matchIDCueRef(w)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("matchIDCue(%q) = %v, want %v", w, got, want)
			}
			if want != nil {
				matched++
			}
		}
	}
	if multi < 2000 || matched < 2000 {
		t.Errorf("only %d multi-word cues and %d matches: the test does not exercise the cues", multi, matched)
	}
}
