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
	"4471", "AB-77", "x9", "K", "ſ", "medicalrecord", "ptid", "unitid", "mx", "ax", "ix",
	"no.4471", "#12-", "nos", "noſ", "iſ", "numberis", "AB-CD-EF-7", "X/Y/9", "a.b.3", "KK", "\u212a", "\v", ", ", "(", "x-", "-7",
	"case no. 4471203", "MRN: 88120", "policy # AB-77120", "record 88812", "account number is 40017", "file 7K-55/2006",
	"Case Nos. 3318", "med rec#77109", "ID=X1234567", "plan was 12-400", "card - 4411", "i.d. 7781", "a/c 600-12", "case noſ 4471", "file \u212a4471", "record iſ 5512")

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

// cueHits is what cueID makes of a match of matchIDCue in w (nil for none).
func cueHits(w string, m []int) []hit {
	if m == nil {
		return nil
	}
	return cueID(w, m)
}

// TestMatchIDCueIsRef compares the hits of matchIDCue, which asks
// mayBeMultiCue before the pattern of the cues of several words and
// mayHoldDigitNumber before idCueRest, with those of its first form at
// every byte of random texts, and mayBeMultiCue with its pattern.
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
			got, want := cueHits(w, matchIDCue(w)), cueHits(w, matchIDCueRef(w))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("cueID of matchIDCue(%q) = %v, want %v", w, got, want)
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

// needPieces make texts in which the rules with a need (need.go) match:
// numbers, ordinals, months, units, blanks and the folds of (?i).
var needPieces = []string{
	" ", " ", " ", " ", "  ", "\n", "\t", "\f", "\v", ".", ",", "-", "'", "’", "/", "_", "é", "ſ", "\u212a", "\u00a0",
	"1", "3", "12", "21", "95", "101", "2021", "1234", "'92", "192", "168", "0", "10",
	"March", "MAR", "mar", "Dec.", "dec", "sept", "June", "Jul", "Mayor", "Octopus", "January", "the", "of", "OF", "to", "and", "&", "–",
	"st", "nd", "rd", "th", "TH", "12th", "95th", "21st", "3rd", "2nd",
	"days", "day", "Weeks", "wks", "months", "mos", "years", "Yrs", "yr.", "y", "yo", "y/o", "old", "young", "ago", "earlier",
	"decades", "birthday", "her", "His", "their", "my", "our", "hers",
	"Koskikatu", "Hauptstr", "Storgata", "Friedhofstraße", "Ring", "tie", "Str", "Katu", "x",
	// Whole phrases, for the patterns to match now and then.
	"3 March", "12th of March", "11-13 May", "3 to 5 June 2021", "on 13 May", "Monday 3 March", "the 3rd of Dec.",
	"4 mar, '21", "March 2024", "Dec. 1999", "June of 2021", "june OF 1999", "September, 2024", "SEPTEMBER Of 2020", "MAR, '92", "Sept 2021", "the 12 of\tjune",
	"3 days ago", "12 weeks earlier", "2 wks before", "101 years ago", "3 decades later", "5\tmonths\tago",
	"34 years old", "34-year-old", "34yo", "34 y/o", "34 yrs old", "3 y.o.", "34 year\u212a",
	"3 months old", "6-weeks-old", "10 days old", "4 w\u212as old",
	"95th birthday", "21st Birthday", "3rd  birthday", "21ſt birthday", "91 years young", "91-years-young",
	"her 95th", "his 21st", "my 101st ", "their 12th.", "our 50ſt",
	"192.168.0.1", "10.0.0.254", "1.2.3.4",
	"Koskikatu 25", "Hauptstr. 5", "Storgata 3B", "Friedhofstraße 1", "Ring 4", "Bahnhof-Weg 12", "Kosk\u212aatu 25",
	"at", "At", "AT", "age", "Age", "aged", "ages", "early", "Late", "mid", "MID", "spring", "Summer", "fall", "autumn", "WINTER", "ſpring",
	"at the age of 7", "At  the\tAge of nine", "AT THE AGE OF 101", "at the age 7", "at the\nage\tof\fforty", "at thee age of 3",
	"aged 12", "Ages: 3", "age of 40", "aged twelve", "at the", "the age", "age of",
	"summer 2021", "Summer of 1999", "late-winter '92", "Early  spring 2003", "mid -autumn of\t2010", "fall 1980", "ſummer 2001",
	"sumſer 2001", "early ſummer 2001", "Late ſpring of '22", "winter of '21", "late\nfall OF 2011", "winters 2020", "autumn of \t 1999",
}

// TestNeedsKeepHits runs each rule that has a need without it, at every
// token its trigger accepts in random texts, and wants no hit where the
// need is false.
func TestNeedsKeepHits(t *testing.T) {
	p := ruleSetOf(Default()[0]).shared
	r := rand.New(rand.NewSource(8))
	hits := make([]int, len(p.rules))
	for i := 0; i < 30000; i++ {
		text := randomText(r, needPieces, 1+r.Intn(16))
		toks := tokenize(text)
		for g, rl := range p.rules {
			if rl.need == nil {
				continue
			}
			bare := *rl
			bare.need = nil
			for _, tk := range toks {
				if !rl.trig.accepts(text, tk) {
					continue
				}
				hs, _ := tryAt(text, tk.start, bare, nil, 0)
				if len(hs) == 0 {
					continue
				}
				hits[g]++
				if !rl.need(text, tk.start) {
					t.Fatalf("rule %d (%v): need is false at %d of %q, but it makes %+v", g, rl.re, tk.start, text, hs)
				}
			}
		}
	}
	for g, rl := range p.rules {
		if rl.need != nil && hits[g] < 50 {
			t.Errorf("rule %d (%v): only %d hits in the random texts: the test does not exercise it", g, rl.re, hits[g])
		}
	}
}

// TestNextDigitIsLoop compares nextDigit with a loop over the bytes at
// every position of random texts of any bytes.
func TestNextDigitIsLoop(t *testing.T) {
	r := rand.New(rand.NewSource(10))
	for n := 0; n < 20000; n++ {
		b := make([]byte, r.Intn(40))
		for k := range b {
			switch r.Intn(4) {
			case 0:
				b[k] = byte(r.Intn(256))
			case 1:
				b[k] = byte('0' + r.Intn(10))
			default:
				b[k] = byte(0x2a + r.Intn(24)) // around the digits: * + , - . / 0-9 : ; < = > ? @ A
			}
		}
		text := string(b)
		for i := 0; i <= len(text); i++ {
			want := i
			for want < len(text) && !(text[want] >= '0' && text[want] <= '9') {
				want++
			}
			if got := nextDigit(text, i); got != want {
				t.Fatalf("nextDigit(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}
