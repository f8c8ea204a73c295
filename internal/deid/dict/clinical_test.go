package dict

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// kindCase says that a finding of kind must (or must not) cover word in text.
type kindCase struct {
	text string
	kind deid.Kind
	word string
	want bool
}

func runKindCases(t *testing.T, tests []kindCase) {
	t.Helper()
	for _, tt := range tests {
		fs := detectAll(t, tt.text)
		if got := covers(tt.text, fs, tt.kind, tt.word); got != tt.want {
			t.Errorf("%q: %s covers %q = %v, want %v; got %v", tt.text, tt.kind, tt.word, got, tt.want, found(fs))
		}
	}
}

// A clinical note's vocabulary is not names or places; names in it still are.
const note = "Pt resting, HR 80s, BP stable. "

func TestStreetsAndPossessivePlaces(t *testing.T) {
	typed := func(text string, kind deid.Kind, want, typ string) {
		t.Helper()
		fs := detectAll(t, text)
		for _, f := range fs {
			if f.Kind == kind && f.Text == want && string(f.Type) == typ {
				return
			}
		}
		t.Errorf("%q: want %s %q (%s), got %v", text, kind, want, typ, found(fs))
	}
	typed("They live on Orchard Lane now.", deid.Place, "Orchard Lane", "street")
	typed("She walked down Elm Street alone.", deid.Place, "Elm Street", "street")
	typed("The flat is off Cooper Close.", deid.Place, "Cooper Close", "street")
	typed("Elm Street was closed.", deid.Place, "Elm Street", "street")
	typed("She grew up in Quillan's Ferry.", deid.Place, "Quillan's Ferry", "small-place")
	typed("She grew up in Quillan’s Ferry.", deid.Place, "Quillan’s Ferry", "small-place")
	typed("The bus stops at Cooper's Heath.", deid.Place, "Cooper's Heath", "small-place")
	typed("A worker from Cooper's Heath, referred by her GP.", deid.Place, "Cooper's Heath", "small-place")
	runKindCases(t, []kindCase{
		{"We met at Family Close.", deid.Place, "Family", true},
		{"Bring it to the Way we agreed.", deid.Place, "Way", false},
		{"Road safety matters.", deid.Place, "Road", false},
		{"It was a long Road.", deid.Place, "Road", false},
		{"On Monday Street vendors came.", deid.Place, "Monday", false},
		{"She went to People's Park.", deid.Place, "People", false},
		{"Grace's Cross was the best.", deid.Place, "Grace", true},
	})
}

// TestTypoFilter checks that the filter Misspelt consults first holds every word a
// misspelling is looked for from, and that Misspelt still finds misspellings and refuses
// names through it.
func TestTypoFilter(t *testing.T) {
	lex := lexicon.Default()
	f := typoStateFor(lex).built()
	for w, lv := range lex.Words() {
		if lv <= typoLevel && !f.mayHold(w) {
			t.Fatalf("common word %q not in the filter", w)
		}
		if f.mayHoldBytes([]byte(w)) != f.mayHold(w) || f.mayHoldBytes([]byte(w+"x")) != f.mayHold(w+"x") {
			t.Fatalf("mayHoldBytes(%q) differs from mayHold", w)
		}
	}
	for w := range vocab.ClinicalTerms().All() {
		if !f.mayHold(w) {
			t.Fatalf("clinical term %q not in the filter", w)
		}
	}
	for w, want := range map[string]bool{"ptient": true, "cardic": true, "recieved": true, "intermittant": true,
		"okonkwo": false, "zanetti": false} {
		if got := Misspelt(lex, w); got != want {
			t.Errorf("Misspelt(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestClinicalNoteRemembered checks that ClinicalNote answers from the
// verdicts analyse remembers exactly as it computes them.
func TestClinicalNoteRemembered(t *testing.T) {
	lex := lexicon.Default()
	for _, text := range []string{
		"", "Pt stable overnight. BP 120/80, HR 72, afebrile. Lasix 40mg given. Plan: cont abx, f/u cxr.",
		"We went to Vienna with Liesl last summer and loved it.", "resp-lsc clear, neuro-alert, gi-tolerating tf",
		"Dr. Okafor saw the pt; vss, sats 98% on RA.",
	} {
		toks := deid.Tokenize(text)
		want := clinicalShare(markerCount(toks), len(toks))
		if got := ClinicalNote(&deid.Doc{Text: text}); got != want {
			t.Errorf("ClinicalNote(%q) = %v, want %v", text, got, want)
		}
		doc := &deid.Doc{Text: text}
		sh := newShared(lex)
		r, err := sh.get(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		if got := ClinicalNote(doc); got != want {
			t.Errorf("ClinicalNote(%q) = %v after analyse, want %v", text, got, want)
		}
		if again, _ := sh.get(context.Background(), doc); again != r {
			t.Errorf("the detectors of one document made two analyses of it")
		}
	}
}

// TestMisspeltWithoutFilter checks that a look for a misspelling finds the
// same with the filter of the lexicon's words as without it (the first
// looks of a process go without: typoState), over words of every level of
// the word list, clinical terms, one-edit misspellings of them and random
// letters; and that the filter holds every word of the four clinical lists
// vocab.ClinicalTerm reads.
func TestMisspeltWithoutFilter(t *testing.T) {
	lex := lexicon.Default()
	f := typoStateFor(lex).built()
	for _, set := range []vocab.Set{vocab.ClinicalTerms(), vocab.ClinicalMarkers(), vocab.DrugNames(), vocab.ClinicalVocab()} {
		for w := range set.All() {
			if !f.mayHold(w) {
				t.Fatalf("clinical word %q not in the filter", w)
			}
		}
	}
	r := rand.New(rand.NewPCG(9, 4))
	letter := func() byte { return byte('a' + r.IntN(26)) }
	var words []string
	k := 0
	for w := range lex.Words() {
		if k++; k%200 == 0 {
			words = append(words, w)
		}
	}
	for w := range vocab.ClinicalTerms().All() {
		if k++; k%12 == 0 {
			words = append(words, w)
		}
	}
	var in []string
	for _, w := range words {
		b := []byte(w)
		i := r.IntN(len(b) + 1)
		in = append(in, w,
			string(append(append(append([]byte(nil), b[:i]...), letter()), b[i:]...)), // a letter added
			string(append(append([]byte(nil), b[:i]...), b[min(i+1, len(b)):]...)))    // a letter left out
		if len(b) > 1 {
			c := append([]byte(nil), b...)
			j := r.IntN(len(b) - 1)
			c[j], c[j+1] = c[j+1], c[j]
			in = append(in, string(c))
			c[r.IntN(len(c))] = letter()
			in = append(in, string(c))
		}
	}
	for range 1000 {
		b := make([]byte, 5+r.IntN(9))
		for i := range b {
			b[i] = letter()
		}
		in = append(in, string(b))
	}
	found := 0
	for _, w := range in {
		if len(w) < 5 || len(w) > 24 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue // what Misspelt turns away before looking
		}
		with, without := oneEditFrom(lex, w, f), oneEditFrom(lex, w, nil)
		if with != without {
			t.Fatalf("oneEditFrom(%q): %v with the filter, %v without", w, with, without)
		}
		if with {
			found++
		}
	}
	if found < len(in)/10 {
		t.Fatalf("only %d of %d inputs one edit from a known word: the comparison says little", found, len(in))
	}
}

// markerCount is the former count of clinical markers among toks, each
// word's Lower (or its part before a hyphen) looked up in the marker list
// itself: the reference for clinicalMarkerCount.
func markerCount(toks []token) int {
	hits := 0
	for k := range toks {
		w := toks[k].Lower
		if first, _, ok := strings.Cut(w, "-"); ok && first != "" {
			w = first
		}
		if vocab.ClinicalMarkers().Has(w) {
			hits++
		}
	}
	return hits
}

// TestClinicalMarkerCountAsBefore checks the count of clinical markers read
// through the word lists' index against the marker list itself, over
// random texts in every register, and texts of the markers and of words
// of every list, alone, in capitals and joined by hyphens to each other
// and to random words.
func TestClinicalMarkerCountAsBefore(t *testing.T) {
	lex := lexicon.Default()
	texts := gateTexts(lex, 2000)
	var pool []string
	for _, set := range vocabSets {
		pool = append(pool, slices.Sorted(set().All())...)
	}
	r := rand.New(rand.NewPCG(2, 12))
	seps := []string{" ", "-", "--", " -", "- ", ", ", "-x ", "\n"}
	for range 3000 {
		var b strings.Builder
		for k := range 1 + r.IntN(30) {
			if k > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			w := pool[r.IntN(len(pool))]
			switch r.IntN(4) {
			case 0:
				w = strings.ToUpper(w)
			case 1:
				w = gateWords[r.IntN(len(gateWords))]
			}
			b.WriteString(w)
		}
		texts = append(texts, b.String())
	}
	hits := 0
	for _, text := range texts {
		an := (&deid.Doc{Text: text}).Analysis()
		want := markerCount(an.Words())
		if got := clinicalMarkerCount(an); got != want {
			t.Fatalf("clinicalMarkerCount = %d, the marker list says %d, in %q", got, want, text)
		}
		hits += want
	}
	if hits < 1000 {
		t.Errorf("only %d markers in the texts: the comparison says little", hits)
	}
}
