package vocab

import (
	"strings"
	"unicode/utf8"
)

// The clinical vocabulary that the name and place lists also hold, and the
// shapes of drug and clinical words, shared by the dictionary recognizers and
// the vetting of prose's entities.

// ClinicalTerm reports whether the lower-case word w is clinical vocabulary
// that the name and place lists may also hold ("aline", "neuro", "carevue",
// "tylenol"): in a clinical note such a word is a name only with context.
// The prose recognizer vets its entities with it.
func ClinicalTerm(w string) bool {
	return clinicalTerms.Has(w) || clinicalMarkers.Has(w) || drugNames.Has(w) || clinicalVocab.Has(w)
}

// MedicalShape reports whether w, a lower-case word that no list knows,
// ends like a drug or a clinical term ("milrinone", "mesalamine", "propofol").
func MedicalShape(w string) bool { return medicalSuffixes.HasSuffixOf(w) }

// DrugShaped reports whether the lower-case word lw ends with a drug stem
// and is long enough to be a drug name rather than a short word that
// happens to end so.
func DrugShaped(lw string) bool {
	if utf8.RuneCountInString(lw) < 7 {
		return false
	}
	return drugStems.HasSuffixOf(lw)
}

// EponymBefore reports whether rest, the text after a name, opens with an
// eponym noun in lower case after one space (" catheter") or, for a sign or
// a disease, after a possessive ("'s respirations"): the name is a sign's,
// a disease's or a device's. The prose recognizer vets its persons with it.
func EponymBefore(rest string) bool {
	poss := false
	for _, p := range [...]string{"'s", "’s", "s'", "'"} {
		if r, ok := strings.CutPrefix(rest, p); ok {
			rest, poss = r, true
			break
		}
	}
	r, ok := strings.CutPrefix(rest, " ")
	if !ok {
		return false
	}
	end := 0
	for end < len(r) && r[end] >= 'a' && r[end] <= 'z' {
		end++
	}
	if end == 0 || !eponymNouns.Has(r[:end]) || end < len(r) && r[end] >= 'a' && r[end] <= 'z' {
		return false
	}
	return !poss || possessiveEponymNouns.Has(r[:end])
}
