package dict

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

func TestLooseMisspellings(t *testing.T) {
	lex := lexicon.Default()
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"intermitent", true},   // one edit: Misspelt's too
		{"imtermittant", true},  // two letters off, one sound off
		{"comode", true},        // a letter dropped, sounds the same
		{"trendelenberg", true}, // a clinical term, a vowel off
		{"pnuemothorax", true},  // vowels swapped
		{"yanulis", false},      // a name: too few consonants to judge
		{"okonkwo", false},      // a name like no word
		{"zabrowski", false},    // a name like no word
		{"ostrowski", false},    // a name like no word
		{"bantamide", false},    // first letter kept: "pantamide" is not near
	} {
		if got := Misspelt(lex, tt.w) || nearMisspelt(lex, tt.w); got != tt.want {
			t.Errorf("misspelling(%q) = %v, want %v (loose form %q)", tt.w, got, tt.want, looseForm(tt.w))
		}
	}
}

func TestGluedWords(t *testing.T) {
	lex := lexicon.Default()
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"nasotracheal", true},   // combining form + word
		{"hemdynamically", true}, // the form's vowel dropped
		{"airbolus", true},       // a word run into a clinical term
		{"creatinineand", true},  // a long term run into "and"
		{"kettleworth", false},   // two plain words: a ward's or a building's name
		{"fairhaven", false},
		{"stonebridge", false},
	} {
		if got := gluedWords(lex, tt.w); got != tt.want {
			t.Errorf("gluedWords(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestClinicalVocabulary(t *testing.T) {
	runKindCases(t, []kindCase{
		// Drugs cut short, misspelt or run together are no names.
		{note + "Increased Versed to 4mg and Fent back to 100mcg.", deid.Person, "Fent", false},
		{note + "Weaning Levofed slowly, MAP 65.", deid.Person, "Levofed", false},
		{note + "K 3.9 Imtermittant ectopy overnight.", deid.Person, "Imtermittant", false},
		{note + "Nasotracheal suction for thick secretions.", deid.Person, "Nasotracheal", false},
		{note + "pt up to camode x2, no BM.", deid.Place, "camode", false},
		// A short note of two lines with two markers is a note.
		{"Given Combivent and Flovent inhalers, sats 95%.\nSBP stable in the 110s.", deid.Person, "Combivent", false},
		// Names in a note stay names.
		{note + "Wife Dolores Okonkwo at bedside, updated.", deid.Person, "Okonkwo", true},
		{note + "Transferred to Kettleworth 4 this afternoon.", deid.Organization, "Kettleworth", true},
	})
}

func TestDashBetweenWords(t *testing.T) {
	runKindCases(t, []kindCase{
		// A name run into the next word by a dash is still a name.
		{note + "phone call from son Rob-who states he will visit.", deid.Person, "Rob", true},
		{note + "phone call from son Rob-who states he will visit.", deid.Person, "who", false},
		{note + "STARTED ON PROTONIX-J. KOWALCZYK AWARE.", deid.Person, "J", true},
		// Hyphenated words and names stay whole.
		{"Lou-Bette came by with the kids.", deid.Person, "Lou-Bette", true},
		{note + "son-in-law at bedside, updated.", deid.Person, "son-in-law", false},
	})
}

func TestNoteAbbrevTitles(t *testing.T) {
	runKindCases(t, []kindCase{
		// Titles that stand for something else in a note.
		{note + "Echo with 2+MR. Given 2u PRBC overnight.", deid.Person, "Given", false},
		{note + "MS. Calm and oriented, following commands.", deid.Person, "Calm", false},
		{note + "placed 16 fr foley with good return.", deid.Person, "foley", false},
		// Real titles in a note.
		{note + "Ms. Ostrowski at bedside, updated.", deid.Person, "Ostrowski", true},
		{note + "SPOKE WITH MS R. KOWALCZYK ABOUT PLAN.", deid.Person, "R. KOWALCZYK", true},
		{note + "GI: NGT-BLDY. GIVEN PEPCID-R. DELUCA AWARE-WILL START PROTONIX.", deid.Person, "R. DELUCA", true},
	})
}

func TestNoteFindingsNotNames(t *testing.T) {
	runKindCases(t, []kindCase{
		// Eponyms name signs and devices, not people.
		{note + "tachypneic with Kussmaul's respirations, rate 30.", deid.Person, "Kussmaul", false},
		{note + "Quinton catheter to be pulled today.", deid.Person, "Quinton", false},
		{note + "Dr. Kussmaul's team at bedside.", deid.Person, "Kussmaul", true},
		// Lab values and markers.
		{note + "Na 146, K 3.9, free water boluses.", deid.Person, "Na", false},
		{"Some relief.\nDROP IN SBP TO 90S AFTER PROPOFOL, HR 60S.", deid.Place, "SBP", false},
		// A kin word after a kin word is kin.
		{note + "SOCIAL: WIFE, SON DISCUSSED PLAN WITH TEAM.", deid.Person, "SON", false},
		// Abdominal findings on a line are no town and state.
		{note + "GI:\n+BS NT, ND, soft.", deid.Place, "NT", false},
	})
}

func TestLowerNamesInNotes(t *testing.T) {
	runKindCases(t, []kindCase{
		// A maker's name before a device, a verb after a pronoun.
		{note + "on a puritan bennett vent, alarms checked.", deid.Person, "bennett", false},
		{note + "l groin oozing, he denise abd pain.", deid.Person, "denise", false},
		{note + "MS. Verbal and calm, following commands.", deid.Person, "Verbal", false},
		{note + "given 1mg Vit K IV.", deid.Person, "Vit", false},
		// Lower-case names with their cues stay names.
		{note + "wife denise called, updated on plan.", deid.Person, "denise", true},
	})
}

func TestNoteShortCapsNoTown(t *testing.T) {
	runKindCases(t, []kindCase{
		{note + "Abd soft, +BS, NT, ND. TF at goal.", deid.Place, "NT", false},
		{note + "lines: Quinton, a line and PIV.", deid.Person, "Quinton", false},
	})
}

func TestWardStandingAlone(t *testing.T) {
	runKindCases(t, []kindCase{
		// A ward and its floor as a clause of their own.
		{note + "plan: increase lopressor, wellingham 3", deid.Organization, "wellingham", true},
		{note + "Dispo: Wellingham 4.\nCont to monitor.", deid.Organization, "Wellingham", true},
		// Not a dose, not a word in a sentence.
		{note + "plan: lasix 40, zosyn 2", deid.Organization, "zosyn", false},
		{note + "wellingham 3 times a day", deid.Organization, "wellingham", false},
	})
}

func TestLowerTwoWordTowns(t *testing.T) {
	runKindCases(t, []kindCase{
		{note + "pt lives in ellicott city with wife.", deid.Place, "ellicott city", true},
		{note + "family drove from glen burnie today.", deid.Place, "glen burnie", true},
		{note + "pt lives in fear of falling.", deid.Place, "fear", false},
	})
}

func TestLowerSaintSites(t *testing.T) {
	runKindCases(t, []kindCase{
		{note + "pt transferred to st josephs for rehab.", deid.Organization, "st josephs", true},
		{note + "hr converted to st with rate 120s.", deid.Organization, "st", false},
		{note + "went to st elevation protocol.", deid.Organization, "st", false},
	})
}
