package ner

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/dict"
	"github.com/veil-blog/veil/internal/lexicon"
)

// TestVet pins each rule of the lexicon filter with an entity it keeps and
// one it drops. The entity is the first occurrence of name in text, with
// the kind prose might give it.
func TestVet(t *testing.T) {
	d := newVetted()
	for _, tt := range []struct {
		text, name string
		kind       deid.Kind
		want       verdict
		wantKind   deid.Kind
	}{
		// A word no list knows, or a name that is not an ordinary word.
		{"Yesterday Okonkwo came by.", "Okonkwo", deid.Person, keepNameWord, deid.Person},
		{"Marisol rang.", "Marisol", deid.Person, keepNameWord, deid.Person},
		// Ordinary words, abbreviations and acronyms are not names.
		{"Supervision as a mirror", "Supervision", deid.Person, dropNoNameWord, deid.Person},
		{"Pt stable overnight.", "Pt", deid.Person, dropNoNameWord, deid.Person},
		{"SBP stable overnight.", "SBP", deid.Place, dropNoNameWord, deid.Place},
		// ... nor is a word the text also writes in lower case.
		{"Okonkwo said okonkwo twice.", "Okonkwo", deid.Person, dropNoNameWord, deid.Person},
		// Chat spellings, contractions and stretched words.
		{"Lol that was fun.", "Lol", deid.Place, dropNoNameWord, deid.Place},
		{"We'd better go.", "We'd", deid.Place, dropNoNameWord, deid.Place},
		{"Wowwww that was fun.", "Wowwww", deid.Place, dropNoNameWord, deid.Place},
		// A common word that is also a name counts mid-sentence...
		{"we all hate Gates now", "Gates", deid.Person, keepMidSentence, deid.Person},
		{"we met, Banks and I", "Banks", deid.Person, keepMidSentence, deid.Person},
		// ... but not at the start of a sentence, after a determiner, or
		// in shorthand.
		{"Gates Tower is tall.", "Gates", deid.Person, dropNoNameWord, deid.Person},
		{"we asked the Court again", "Court", deid.Person, dropNoNameWord, deid.Person},
		{"Pt GI SBP HR ok, seen by Miller today", "Miller", deid.Person, dropWeak, deid.Person},
		// In shorthand, a name before the sign or device it names.
		{"Pt GI SBP HR ok, Zwanziger's sign neg", "Zwanziger", deid.Person, dropEponym, deid.Person},
		{"Pt GI SBP HR ok, Zwanziger catheter out", "Zwanziger", deid.Person, dropEponym, deid.Person},
		{"Pt GI SBP HR ok, Zwanziger's wife here", "Zwanziger", deid.Person, keepNameWord, deid.Person},
		// A hashtag of ordinary words is a phrase; one of a name is a name.
		{"playing #GamesWithFriends tonight", "#GamesWithFriends", deid.Place, dropNoNameWord, deid.Place},
		{"love #CalebMorrow tonight", "#CalebMorrow", deid.Person, keepNameWord, deid.Person},
		// An everyday word opening a sentence before an object or a
		// pronoun is a verb; alone, a frequent first name that a small
		// town also has is the person.
		{"Hope you are well.", "Hope", deid.Place, dropOpeningVerb, deid.Place},
		{"Mark my words.", "Mark", deid.Place, dropOpeningVerb, deid.Place},
		{"Hope this helps.", "Hope", deid.Place, dropOpeningVerb, deid.Place},
		{"Frank this time refused.", "Frank", deid.Person, keepNameWord, deid.Person},
		{"Hope was born in 1990.", "Hope", deid.Place, keepPersonWord, deid.Person},
		{"Grace, she said, was late.", "Grace", deid.Place, keepPersonWord, deid.Person},
		{"We drove to Hope last year.", "Hope", deid.Place, keepKnownPlace, deid.Place},
		// A kinship word alone names no one.
		{"Grandad said it was fine.", "Grandad", deid.Place, dropKinWord, deid.Place},
		{"Grandma Tavi said it was fine.", "Grandma Tavi", deid.Person, keepNameWord, deid.Person},
		{"Later my Grandad said it was fine.", "Grandad", deid.Person, dropKinWord, deid.Person},
		{"Later Grandad said it was fine.", "Grandad", deid.Person, keepNameWord, deid.Person},
		{"Pingback: Ten years on", "Pingback", deid.Place, dropKinWord, deid.Place},
		// The items under a share or follow label are sites; the items of
		// any other list are what prose made of them.
		{"Done.\n\nShare this:\n\n- Zorblet\n- Quimmo\n", "Quimmo", deid.Place, dropKinWord, deid.Place},
		{"Follow me on\nZorblet\n", "Zorblet", deid.Place, dropKinWord, deid.Place},
		{"Where we lived:\n\n- Brelundovo\n", "Brelundovo", deid.Place, keepUnknownPlace, deid.Place},
		// A web address is the URL rule's.
		{"see http://t.co/0hdM75Whvi now", "http://t.co/0hdM75Whvi", deid.Place, dropLink, deid.Place},
		// A name that ends with a kind of organisation is one, whatever
		// prose called it; a lone name stays what it was.
		{"they told United Kingdom Government officials", "United Kingdom Government", deid.Place, keepMidSentence, deid.Organization},
		{"before the Ankara Administrative Court today", "Ankara Administrative Court", deid.Person, keepNameWord, deid.Organization},
		{"Marisol Court rang.", "Marisol Court", deid.Person, keepNameWord, deid.Person},
		{"Marisol Okonkwo rang.", "Marisol Okonkwo", deid.Person, keepNameWord, deid.Person},
		// A name that is also a rarer word is a name in prose, the word
		// in shorthand.
		{"Yesterday Foley came by.", "Foley", deid.Person, keepNameWord, deid.Person},
		{"Pt GI SBP HR ok. Foley draining.", "Foley", deid.Person, dropNoNameWord, deid.Person},
		// Group words.
		{"She speaks English at home.", "English", deid.Place, dropGroupWord, deid.Place},
		{"My Chinese friend came.", "Chinese", deid.Place, dropGroupWord, deid.Place},
		// Places: the gazetteer, countries, states, a locative word.
		{"Estonia is cold.", "Estonia", deid.Place, keepKnownPlace, deid.Place},
		{"Ohio is flat.", "Ohio", deid.Place, keepKnownPlace, deid.Place},
		{"Back to OR at noon.", "OR", deid.Place, dropNoNameWord, deid.Place},
		{"United Kingdom law applies.", "United Kingdom", deid.Place, keepKnownPlace, deid.Place},
		{"She moved to Phoenix last year.", "Phoenix", deid.Place, keepKnownPlace, deid.Place},
		{"Phoenix rose again.", "Phoenix", deid.Place, dropNoNameWord, deid.Place},
		{"She grew up in Kissousa.", "Kissousa", deid.Place, keepLocative, deid.Place},
		// A place prose cannot place: a person if a name, kept in prose,
		// dropped in shorthand.
		{"Kylie said hi.", "Kylie", deid.Place, keepPersonWord, deid.Person},
		{"Brelundovo is lovely.", "Brelundovo", deid.Place, keepUnknownPlace, deid.Place},
		// ... unless written as a brand or named as where something was
		// posted: a site or an app, kept as an organisation, never a town.
		{"I posted it on Zorblet last week.", "Zorblet", deid.Place, keepMedium, deid.Organization},
		{"I posted it on Zorblet and Quimmo.", "Quimmo", deid.Place, keepMedium, deid.Organization},
		{"A PixelDrome clip went round.", "PixelDrome", deid.Place, keepMedium, deid.Organization},
		// A capitalised job title after an article is a role; a nickname
		// of the same shape, with no article, stays a person.
		{"I rang the Charge Nurse first.", "Charge Nurse", deid.Person, dropJobTitle, deid.Person},
		{"We met the Senior Social Worker.", "Senior Social Worker", deid.Place, dropJobTitle, deid.Place},
		{"Then Captain Plumber replied.", "Captain Plumber", deid.Person, keepMidSentence, deid.Person},
		{"Pt GI ok. SBP HR fine. Nipride off.", "Nipride", deid.Place, dropNoNameWord, deid.Place},
		{"Pt GI ok. SBP HR fine. Kessimor off.", "Kessimor", deid.Place, dropPlace, deid.Place},
		// In a clinical note, clinical vocabulary is no name: listed terms,
		// plural acronyms, words against a number or without a vowel,
		// drug endings and misspellings of common words or of terms.
		{"Pt GI SBP HR ok. Charted in Carevue.", "Carevue", deid.Person, dropNoNameWord, deid.Person},
		{"Pt GI SBP HR ok. Neuro intact.", "Neuro", deid.Place, dropNoNameWord, deid.Place},
		{"Pt GI SBP HR ok. Frequent PVCs overnight.", "PVCs", deid.Person, dropNoNameWord, deid.Person},
		{"Pt GI SBP HR ok. Spo2 fine.", "Spo2", deid.Place, dropNoNameWord, deid.Place},
		{"Pt GI SBP HR ok. Dsg changed.", "Dsg", deid.Person, dropNoNameWord, deid.Person},
		{"Pt GI SBP HR ok. Started Fentolamine today.", "Fentolamine", deid.Person, dropNoNameWord, deid.Person},
		{"Pt GI SBP HR ok. Ptient resting.", "Ptient", deid.Place, dropNoNameWord, deid.Place},
		{"Pt GI SBP HR ok. Yankaur at bedside.", "Yankaur", deid.Person, dropNoNameWord, deid.Person},
		{"Pt GI SBP HR ok. PMed Hx of HTN.", "PMed", deid.Person, dropNoNameWord, deid.Person},
		{"Pt GI SBP HR ok. CSRU NPN Cont'd", "Cont'd", deid.Person, dropNoNameWord, deid.Person},
		{"Pt GI SBP HR ok. Nif done.", "Nif", deid.Person, dropNoNameWord, deid.Person},
		// ... but a name no list confuses with a word stays one there.
		{"Pt GI SBP HR ok. Okonkwo visited.", "Okonkwo", deid.Person, keepNameWord, deid.Person},
		{"Pt GI SBP HR ok. Wife Philippa visited.", "Philippa", deid.Person, keepNameWord, deid.Person},
		// In ordinary prose the same words keep their reading.
		{"Yesterday Aline came by.", "Aline", deid.Person, keepNameWord, deid.Person},
		// A title makes a person of any name.
		{"then Mr Brown left", "Mr Brown", deid.Person, keepTitled, deid.Person},
	} {
		start := indexOf(tt.text, tt.name)
		f := deid.Finding{Start: start, End: start + len(tt.name), Kind: tt.kind, Text: tt.name}
		k, v := d.vet(newTextInfo(&deid.Doc{Text: tt.text}), f)
		if v != tt.want || k != tt.wantKind {
			t.Errorf("%q in %q: got %d %s, want %d %s", tt.name, tt.text, v, k, tt.want, tt.wantKind)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestMidSentence(t *testing.T) {
	for _, tt := range []struct {
		text string
		off  int
		want bool
	}{
		{"we saw Ann", 7, true},
		{"we saw, Ann", 8, true},
		{"Ann", 0, false},
		{"Done. Ann", 6, false},
		{"the Court", 4, false},
		{"WE SAW Ann", 7, false},
		{"x\nAnn", 2, false},
	} {
		if got := midSentence(tt.text, tt.off); got != tt.want {
			t.Errorf("midSentence(%q, %d) = %v, want %v", tt.text, tt.off, got, tt.want)
		}
	}
}

func TestTitleStart(t *testing.T) {
	for _, tt := range []struct {
		text string
		off  int
		want int // -1: no title
	}{
		{"Mr Smith", 3, 0},
		{"and Dr. Okafor", 8, 4},
		{"Mr D.E. Penhallow", 8, 0},
		{"Mr D. Penhallow", 6, 0},
		{"D. Penhallow", 3, -1},
		{"AMr Smith", 4, -1},
		{"Mr", 2, -1},
		{"Mister Smith", 7, -1},
	} {
		got, ok := titleStart(tt.text, tt.off)
		if !ok {
			got = -1
		}
		if got != tt.want {
			t.Errorf("titleStart(%q, %d) = %d, want %d", tt.text, tt.off, got, tt.want)
		}
	}
}

func TestShorthand(t *testing.T) {
	d := newVetted()
	for text, want := range map[string]bool{
		"Pt stable. SBP 120, HR 80. GI ok. Plan: wean.":       true,
		"I met Marisol Okonkwo at the clinic in Springfield.": false,
		"OK": false,
		// Drug orders make notes of ordinary capitals; one dose does not.
		"Patient slept well. Morphine 2mg given prn. Heparin drip continues at 800 units.": true,
		"Later that day I gave Morphine 2mg and then we talked about her family.":          false,
		// A note of clinical abbreviations is shorthand whatever its capitals.
		"The pt slept. Overnight the hr and bp were stable and neuro checks were unchanged. Family visited in the Evening.": true,
	} {
		if got := d.shorthand(newTextInfo(&deid.Doc{Text: text})); got != want {
			t.Errorf("shorthand(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestChatWords(t *testing.T) {
	for w, want := range map[string]bool{"wowww": true, "aaa": true, "anna": false, "hallo": false} {
		if got := elongated(w); got != want {
			t.Errorf("elongated(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]string{"we'd": "we", "would've": "would", "don\u2019t": "do", "anna": ""} {
		if got, _ := cutClitic(w); got != want {
			t.Errorf("cutClitic(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestCandidate(t *testing.T) {
	d := newVetted()
	for _, tt := range []struct {
		text string
		i    int
		want bool
	}{
		{"we met Okonkwo today", 2, true},
		{"Plan: wean vent. pt ok", 0, false},
		{"Heparin drip at 800", 0, false},
		{"the United Kingdom today", 1, true},
		{"the United Kingdom today", 2, true},
		{"asked Mr. Brown", 2, true},
		{"Lol ok", 0, false},
	} {
		if got := d.candidate(newTextInfo(&deid.Doc{Text: tt.text}), fieldWords(tt.text), tt.i); got != tt.want {
			t.Errorf("candidate(%q, %d) = %v, want %v", tt.text, tt.i, got, tt.want)
		}
	}
}

// TestDrugs pins the drug-order evidence: a word no list knows in a drug
// order, or with a drug stem, is not a name; a known name in an order, and
// a word with no order near it, still are.
func TestDrugs(t *testing.T) {
	d := newVetted()
	for _, tt := range []struct {
		text, name string
		kind       deid.Kind
		want       verdict
	}{
		{"Given Ativan 1mg IV for agitation.", "Ativan", deid.Person, dropNoNameWord},
		{"Started Flovent bid.", "Flovent", deid.Person, dropNoNameWord},
		{"Propofol increased to 80 mcg/kg/min.", "Propofol", deid.Person, dropNoNameWord},
		{"Continues on Levofloxacin.", "Levofloxacin", deid.Person, dropNoNameWord},
		{"Ativan IV given.", "Ativan IV", deid.Person, dropNoNameWord},
		{"Diuresing well to 40mg of Lasix given at 4PM.", "Lasix", deid.Person, dropNoNameWord},
		{"after 2 boluses of Propofol today", "Propofol", deid.Person, dropNoNameWord},
		{"met the family of Okonkwo today", "Okonkwo", deid.Person, keepNameWord},
		{"heparin 5 units\nOkonkwo visited", "Okonkwo", deid.Person, keepNameWord},
		// Names stay names in an order; without one a word no list
		// knows may be a name.
		{"Marisol gave 1mg IV.", "Marisol", deid.Person, keepNameWord},
		{"Okonkwo came by with MG.", "Okonkwo", deid.Person, keepNameWord},
		{"Okonkwo figure out why im here", "Okonkwo", deid.Person, keepNameWord},
	} {
		start := strings.Index(tt.text, tt.name)
		f := deid.Finding{Start: start, End: start + len(tt.name), Kind: tt.kind, Text: tt.name}
		if _, got := d.vet(newTextInfo(&deid.Doc{Text: tt.text}), f); got != tt.want {
			t.Errorf("vet(%q in %q) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestIsDoseToken(t *testing.T) {
	for _, tt := range []struct {
		prev, w string
		want    bool
	}{
		{"", "4mg", true}, {"1", "mg", true}, {"", "2.5mcg/kg/min", true}, {"", "IV", true},
		{"", "prn", true}, {"", "q4h", true}, {"", "gtt", true},
		{"", "MG", false}, {"the", "units", false}, {"", "im", false}, {"", "quiet", false},
		{"", "q4x", false}, {"", "", false}, {"", "4", false},
	} {
		if got := isDoseToken(tt.prev, tt.w); got != tt.want {
			t.Errorf("isDoseToken(%q, %q) = %v, want %v", tt.prev, tt.w, got, tt.want)
		}
	}
}

// TestCutLinks pins how an entity loses the web addresses prose took into
// it: the words around an address stay, an address alone goes.
func TestCutLinks(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"marisolUSA http://t.co/0hdM75Whvi #Idaho", []string{"marisolUSA", "#Idaho"}},
		{"see http://t.co/0hdM75Whvi", []string{"see"}},
		{"http://t.co/0hdM75Whvi", nil},
		{"`www.example.org", nil},
		{"Marisol Okonkwo", []string{"Marisol Okonkwo"}},
		{"A B A http://x.y", []string{"A B A"}},
	} {
		f := deid.Finding{Start: 0, End: len(tt.text), Kind: deid.Place, Text: tt.text}
		var got []string
		for _, g := range cutLinks(tt.text, f) {
			if err := g.Check(tt.text); err != nil {
				t.Fatalf("cutLinks(%q): %v", tt.text, err)
			}
			got = append(got, g.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("cutLinks(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTrimLead pins the removal of a sentence-opening everyday word from
// the front of a name prose found.
func TestTrimLead(t *testing.T) {
	d := newVetted()
	for _, tt := range []struct {
		text, entity, want string
		kind               deid.Kind
	}{
		{"Ask Tom, 12 Oak Road.", "Ask Tom", "Tom", deid.Person},
		{"She left. Thank Okonkwo for me.", "Thank Okonkwo", "Okonkwo", deid.Person},
		{"Visit Vienna soon.", "Visit Vienna", "Vienna", deid.Place},
		// A first name, a known place, a title, or mid-sentence: whole.
		{"Will Dawson came.", "Will Dawson", "Will Dawson", deid.Person},
		{"Long Beach is warm.", "Long Beach", "Long Beach", deid.Place},
		{"Dr Okonkwo came.", "Dr Okonkwo", "Dr Okonkwo", deid.Person},
		{"Pt calm. Per Dr. Okonkwo no change.", "Per Dr. Okonkwo", "Dr. Okonkwo", deid.Person},
		{"we said Ask Tom later", "Ask Tom", "Ask Tom", deid.Person},
		{"Ask them.", "Ask", "Ask", deid.Person},
		{"Is Okonkwo coming?", "Is Okonkwo", "Is Okonkwo", deid.Person},
		{"Poor Okonkwo, he tried.", "Poor Okonkwo", "Poor Okonkwo", deid.Person},
		// Opening quotes, brackets and marks of any kind open a sentence.
		{"\u201cAsk Tom,\u201d she said.", "Ask Tom", "Tom", deid.Person},
		{"She said: \u00abAsk Tom\u00bb.", "Ask Tom", "Tom", deid.Person},
		{"**Ask Tom** first.", "Ask Tom", "Tom", deid.Person},
		{"we said \u201cAsk Tom\u201d later", "Ask Tom", "Ask Tom", deid.Person},
	} {
		i := strings.Index(tt.text, tt.entity)
		f := deid.Finding{Start: i, End: i + len(tt.entity), Kind: tt.kind, Text: tt.entity}
		g := d.trimLead(tt.text, f)
		if g.Text != tt.want || tt.text[g.Start:g.End] != tt.want {
			t.Errorf("trimLead(%q, %q) = %q [%d:%d], want %q", tt.text, tt.entity, g.Text, g.Start, g.End, tt.want)
		}
	}
}

func TestNoteTitleOut(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Dr. Quayle", "Quayle"},
		{"DR OKAFOR", "OKAFOR"},
		{"Mrs. A. Brennan", "A. Brennan"},
		{"Dr.Quayle", "Dr.Quayle"}, // glued: kept as written
		{"Drew Quayle", "Drew Quayle"},
		{"Dr.", "Dr."},
	} {
		f := deid.Finding{Start: 10, End: 10 + len(tt.in), Text: tt.in, Kind: deid.Person}
		got := noteTitleOut(f)
		if got.Text != tt.want || got.End != f.End || got.Start != f.End-len(tt.want) {
			t.Errorf("noteTitleOut(%q) = %q [%d,%d), want %q", tt.in, got.Text, got.Start, got.End, tt.want)
		}
	}
}

// TestLowerWords checks lowerWords against its definition: the fields of
// non-letters that strings.ToLower leaves as they are, asked of every field
// of two letters or more, its lower case and a few words not in the text.
func TestLowerWords(t *testing.T) {
	texts := []string{
		"", "a", "A", "the Cat sat", "Ann's café, ÉCOLE école", "x\xffy Z\xff", "naïve NAÏVE Naïve",
		"ǅemal ǆ", "ΣΊΣΥΦΟΣ σίσυφος", "end.", "mixed3words and-hyphens O'Neill", "well-known Well-Known o'clock",
		"Ann’s ann’s x’ab", "e\u0301cole ÉCOLE", "ab@cd ef_gh ij1kl", "the THE The tHe",
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"ab", "Ab", "AB", "é", "É", " ", "'", "’", "-", "3", "\xff", "s", "\u0301", "ǅ", ".", "'s "}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	// The space of one text is lent to the next, as a token cache lends
	// it: nothing of a text may stay in it.
	var ids []bool
	var runs map[string]bool
	for _, text := range texts {
		want := map[string]bool{}
		asks := []string{"zz", "ab", "the", "cat"}
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if w == strings.ToLower(w) {
				want[w] = true
			}
			asks = append(asks, w, strings.ToLower(w))
		}
		got := newLowerWords((&deid.Doc{Text: text}).Analysis(), ids, runs)
		ids, runs = got.ids, got.runs
		for _, w := range asks {
			if utf8.RuneCountInString(w) >= 2 && got.has(w) != want[w] {
				t.Errorf("in %q, has(%q) = %v, want %v", text, w, got.has(w), want[w])
			}
		}
	}
}

// TestIsSpace checks isSpace against unicode.IsSpace on every rune up to
// U+3000 and a few invalid ones.
func TestIsSpace(t *testing.T) {
	for r := rune(-2); r <= 0x3000; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
	for _, r := range []rune{utf8.RuneError, unicode.MaxRune, unicode.MaxRune + 1} {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

// newVetted returns the Detector as veil wires it: vetted with the lexicon
// and the dictionary recognizers' reading of clinical notes.
func newVetted() *Detector {
	lex := lexicon.Default()
	return New(WithLexicon(lex), WithClinical(dict.ClinicalNote, func(lw string) bool { return dict.Misspelt(lex, lw) }))
}

// TestWordShortcuts checks isASCIILetters and isLowerASCIILetters against
// the tests of the word's text they replace, on every word of random
// texts of letters in both cases, letters beyond ASCII, digits,
// apostrophes, hyphens and invalid bytes.
func TestWordShortcuts(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	pieces := []string{"ab", "Ab", "AB", "q", "Z", "é", "É", "ǅ", " ", " ", "'", "’", "-", "3", "\xff", "s", "\u0301", ".", "'s ", "_", "ß", "ΣΊ"}
	n := 0
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		for _, w := range (&deid.Doc{Text: b.String()}).Analysis().Words() {
			n++
			if got, want := isASCIILetters(&w), asciiLetters(w.Text); got != want {
				t.Fatalf("isASCIILetters(%q) = %v, want %v", w.Text, got, want)
			}
			if asciiLetters(w.Text) {
				if got, want := isLowerASCIILetters(&w), w.Text == w.Lower; got != want {
					t.Fatalf("isLowerASCIILetters(%q) = %v, want %v", w.Text, got, want)
				}
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d words", n)
	}
}

// TestCandidateOncePerWord checks that candidate, which keeps what a word
// and a pair of words say per text, answers every word of a text as it
// does for a text asked nothing before: the lines of the reference text
// and random sequences of its words (names, places and titles among
// them), each word asked in a random order.
func TestCandidateOncePerWord(t *testing.T) {
	d := newVetted()
	rng := rand.New(rand.NewPCG(4, 4))
	texts := refTexts(t)
	if len(texts) > 1500 {
		texts = texts[:1500]
	}
	for _, text := range append(texts, "the Burkina Faso and the Burkina Faso", "Mr. Quillfeather met Quillfeather in Port Vila, Vanuatu") {
		doc := &deid.Doc{Text: text}
		shared := newTextInfo(doc)
		words := fieldWords(text)
		for _, i := range rng.Perm(words.len()) {
			if !mayBeName(words.at(i)) {
				continue
			}
			for range 2 {
				if got, want := d.candidate(shared, words, i), d.candidate(newTextInfo(doc), words, i); got != want {
					t.Fatalf("%q: candidate(%d) = %v, alone %v", text, i, got, want)
				}
			}
		}
	}
}

// TestTrimNonLetters checks trimNonLetters against strings.TrimFunc on
// random words of ASCII letters and marks, letters and marks beyond ASCII
// and invalid bytes.
func TestTrimNonLetters(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 7))
	pieces := []string{"a", "Z", "'", "\"", ".", ",", "(", ")", "-", "1", "é", "É", "’", "“", "\u0301", "\xff", "\xc3", "ǅ", "日", "_"}
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		w := b.String()
		if got, want := trimNonLetters(w), strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); got != want {
			t.Fatalf("trimNonLetters(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestEachCapitalRun checks eachCapitalRun against strings.FieldsFunc's
// runs of letters, those starting with an upper-case letter, on random
// texts of letters in both cases beyond ASCII too, title-case letters,
// marks, digits and invalid bytes.
func TestEachCapitalRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	pieces := []string{"a", "bc", "D", "EF", " ", ".", "'", "1", "é", "É", "ǅ", "ǆ", "\u0301", "\xff", "\xc3", "Σ", "日", "-"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		var want, got []string
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				want = append(want, w)
			}
		}
		eachCapitalRun(s, func(w string) { got = append(got, w) })
		if !slices.Equal(got, want) {
			t.Fatalf("eachCapitalRun(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestCandidateAcrossTexts checks that candidate, with what it learns of
// words kept in one token cache from text to text (wordMemo), answers
// every word of every text as it does for a text asked nothing before:
// texts of the reference words in random case, so that a word is written
// in lower case in some texts and not in others, and pairs of place words.
func TestCandidateAcrossTexts(t *testing.T) {
	d := newVetted()
	rng := rand.New(rand.NewPCG(8, 1))
	texts := refTexts(t)
	var words []string
	for _, s := range texts[:min(len(texts), 400)] {
		words = append(words, strings.Fields(s)...)
	}
	words = append(words, "Port", "Vila", "Burkina", "Faso", "Mr.", "Dr", "Quillfeather", "Ohio", "OH")
	for range 3000 {
		var b strings.Builder
		for range 3 + rng.IntN(25) {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(4) {
			case 0:
				w = strings.ToLower(w)
			case 1:
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			b.WriteByte(' ')
		}
		texts = append(texts, b.String())
	}
	c := newTokenCache(loadModel())
	asked := 0
	for _, text := range texts {
		c.begin()
		doc := &deid.Doc{Text: text}
		shared := newTextInfo(doc)
		ws := fieldWords(text)
		for _, i := range rng.Perm(ws.len()) {
			if !mayBeName(ws.at(i)) {
				continue
			}
			asked++
			if got, want := d.candidateIn(shared, ws, i, c), d.candidate(newTextInfo(doc), ws, i); got != want {
				t.Fatalf("%q: candidate(%d) = %v across texts, alone %v", text, i, got, want)
			}
		}
	}
	if asked < 10000 || len(c.cands) < 500 {
		t.Fatalf("%d words asked, %d kept: the test reads too few", asked, len(c.cands))
	}
	for w, m := range c.cands {
		if m.prefix != 0 && (m.prefix == 2) != d.lex.PlacePrefix(w) {
			t.Fatalf("%q: kept PlacePrefix %d, the lexicon says %v", w, m.prefix, d.lex.PlacePrefix(w))
		}
		if m.cand != [2]int8{} && !isASCII(w) {
			t.Fatalf("%q: the answer of a word beyond ASCII kept", w)
		}
	}
}
