package dict

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/lexicon"
)

// lookupPlaceAllRef is lookupPlaceAll as it was, one look-up of each table.
func lookupPlaceAllRef(lex *lexicon.Lexicon, key string) (typ string, pop int) {
	if lex.IsCountry(key) {
		return "country", 0
	}
	if len(key) > 2 {
		if _, ok := lex.USState(key); ok {
			return "state", 0
		}
	}
	if p, ok := lex.Place(key); ok {
		return cityType(p.Population), p.Population
	}
	return "", 0
}

// TestLookupPlaceAllAsBefore checks lookupPlaceAll, one probe of the word
// table, against the look-ups of each place table it replaces: every phrase
// of up to four words of random texts in every register (as the rules
// build them, with the full stops of dotted words), every word of the word
// list, these in capitals, and random strings of letters, blanks, full
// stops and apostrophes.
func TestLookupPlaceAllAsBefore(t *testing.T) {
	lex := lexicon.Default()
	var keys []string
	for _, text := range append(gateTexts(lex, 2000), benchtext.Texts(4)...) {
		a := newAnalysis(lex, (&deid.Doc{Text: text}).Analysis(), new(scratch))
		for i := range a.toks {
			for j := i + 1; j <= len(a.toks) && j <= i+4; j++ {
				keys = append(keys, a.phrase(i, j))
			}
		}
	}
	for w := range lex.Words() {
		keys = append(keys, w)
	}
	// US states by name and code, in every case (codes count only in
	// capitals), and two-letter words that are codes in capitals.
	for _, s := range strings.Split("ohio,new mexico,north dakota,west virginia,texas,maine,iowa,utah,oregon,"+
		"alaska,hawaii,vermont,new hampshire,rhode island,district of columbia,puerto rico,guam,oh,tx,me,in,or,"+
		"ok,hi,al,ga,pa,ma,md,mo,la,co,de,id,wa,ny,nm,nd,sd,nc,sc,wv,va,ca,az,nv", ",") {
		keys = append(keys, s, strings.ToUpper(s), strings.ToUpper(s[:1])+s[1:])
	}
	r := rand.New(rand.NewPCG(5, 8))
	alphabet := []rune("aeinorstulkyAENOS '’-.éÉ")
	for range 50000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		keys = append(keys, b.String())
	}
	for _, k := range keys[:len(keys)/2] {
		keys = append(keys, strings.ToUpper(k))
	}
	found := map[string]int{}
	for _, k := range keys {
		gt, gp := lookupPlaceAll(lex, k)
		wt, wp := lookupPlaceAllRef(lex, k)
		if gt != wt || gp != wp {
			t.Fatalf("lookupPlaceAll(%q) = %q, %d; one look-up of each table says %q, %d", k, gt, gp, wt, wp)
		}
		found[gt]++
	}
	for _, typ := range []string{"country", "state", "city", "town"} {
		if found[typ] < 20 {
			t.Errorf("only %d keys of type %q among %d: the comparison says little", found[typ], typ, len(keys))
		}
	}
}

// TestGazWordIsLookupPlace checks that a single word's gazetteer entry read
// from its lexicon facts, once per word id (gazWord), is what lookupPlace
// says of the word's Lower, at every word of random texts in every
// register, of every word of the lexicon's word list, of US states and
// their codes in every case, and of random strings with apostrophes,
// hyphens, dots and accents; and that gazetteer, which the rules call,
// answers a single word as lookupPlace does, the first time and after.
func TestGazWordIsLookupPlace(t *testing.T) {
	lex := lexicon.Default()
	texts := append(gateTexts(lex, 2000), benchtext.Texts(4)...)
	var b strings.Builder
	k := 0
	for w := range lex.Words() {
		b.WriteString(w)
		b.WriteByte(' ')
		if k++; k%500 == 0 {
			texts = append(texts, b.String(), strings.ToUpper(b.String()))
			b.Reset()
		}
	}
	texts = append(texts, b.String())
	states := "Ohio Texas Maine Iowa Utah Oregon Alaska Hawaii Vermont Guam OH TX ME IN OR OK HI AL GA PA MA MD MO LA CO DE ID WA NY NM ND SD NC SC WV VA CA AZ NV"
	texts = append(texts, states, strings.ToLower(states))
	r := rand.New(rand.NewPCG(9, 4))
	alphabet := []rune("aeinorstulkyAENOS '’-.éÉ")
	for range 2000 {
		b.Reset()
		for range r.IntN(60) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	found := map[string]int{}
	for _, text := range texts {
		a := newAnalysis(lex, (&deid.Doc{Text: text}).Analysis(), new(scratch))
		for pass := range 2 {
			for i := range a.toks {
				tk := &a.toks[i]
				wt, wp := lookupPlace(lex, tk.Lower)
				gt, gp := a.gazWord(tk)
				if pass == 1 {
					gt, gp = a.gazetteer(tk.Lower, i, i+1)
				}
				if gt != wt || gp != wp {
					t.Fatalf("gazWord(%q) = %q, %d; lookupPlace says %q, %d", tk.Lower, gt, gp, wt, wp)
				}
				found[gt]++
			}
		}
	}
	for _, typ := range []string{"country", "state", "city", "town"} {
		if found[typ] < 20 {
			t.Errorf("only %d words of type %q: the comparison says little", found[typ], typ)
		}
	}
}

// lowerPhrasePlaceRef is lowerPhrasePlace as it was, with lookupPlace's
// own gate (PlacePrefix of the first word) in front of the phrases: the
// reference for its narrower gate (countryStatePrefix).
func (a *analysis) lowerPhrasePlaceRef(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 3 || i+1 >= n || a.stop(t) || a.isClinical() {
		return span{}, false
	}
	if !a.phraseAhead(i) {
		return span{}, false
	}
	prefix, prefixDone := false, false
	for j := i + 2; j <= n && j <= i+3; j++ {
		if !a.adjacent(j-1) || a.toks[j-2].Poss || a.toks[j-1].Shape != shapeLower {
			break
		}
		if a.f(j-1).proper == 0 {
			continue
		}
		if !prefixDone {
			if t.Dot {
				prefix = a.lex.PlacePrefix(t.Lower + ".")
			} else {
				prefix = a.lex.PlacePrefix(t.Lower)
			}
			prefixDone = true
		}
		if prefix {
			if typ, _ := lookupPlace(a.lex, a.phrase(i, j)); typ == "country" || typ == "state" {
				return span{i: i, j: j, conf: 0.3, typ: typ}, true
			}
		}
		if a.in(t, vCompass) && j == i+2 && a.toks[i+1].Letters >= 4 {
			f := a.f(i + 1)
			typ, pop := lookupPlace(a.lex, a.toks[i+1].Lower)
			if typ != "" && pop >= 10000 && !f.common(35) && !(f.births >= 1000 && f.births > int(f.surname)) {
				return span{i: i, j: j, conf: 0.6, typ: typ}, true
			}
		}
	}
	return span{}, false
}

// TestCountryStatePrefix checks lowerPhrasePlace, whose phrases are asked
// of the gazetteer only after a word that opens the name of a country or a
// state (countryStatePrefix), against its former self, which asked them
// after any word that opens a place's name (PlacePrefix), at every word of
// random texts in every register and of texts made of every name of a
// country and a state in lower case, with and without full stops, joined
// to each other and to place, compass and ordinary words; and that every
// first word of such a name passes the gate.
func TestCountryStatePrefix(t *testing.T) {
	lex := lexicon.Default()
	names, err := lex.CountryStateNames()
	if err != nil {
		t.Fatal(err)
	}
	firsts := countryStateFirsts(lex)
	var words []string
	for _, n := range names {
		words = append(words, strings.Fields(n)...)
		if i := strings.IndexByte(n, ' '); i > 0 && !firsts[n[:i]] {
			t.Errorf("%q opens %q but is not among the first words", n[:i], n)
		}
	}
	words = append(words, gateWords...)
	texts := gateTexts(lex, 1500)
	r := rand.New(rand.NewPCG(4, 21))
	seps := []string{" ", " ", " ", ". ", "'s ", ", ", "  ", "\n"}
	for _, n := range names {
		texts = append(texts, "we moved from "+n+" last year", "in "+strings.ReplaceAll(n, " ", ". ")+" now")
	}
	for range 4000 {
		var b strings.Builder
		for k := range 2 + r.IntN(12) {
			if k > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			switch r.IntN(3) {
			case 0:
				b.WriteString(names[r.IntN(len(names))])
			default:
				b.WriteString(words[r.IntN(len(words))])
			}
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, text := range texts {
		a := newAnalysis(lex, (&deid.Doc{Text: text}).Analysis(), new(scratch))
		for i := range a.toks {
			got, gok := a.lowerPhrasePlace(i)
			want, wok := a.lowerPhrasePlaceRef(i)
			if got != want || gok != wok {
				t.Fatalf("lowerPhrasePlace(%d) = %+v %v, with PlacePrefix's gate %+v %v, in %q", i, got, gok, want, wok, text)
			}
			if wok && (want.typ == "country" || want.typ == "state") {
				found++
			}
		}
	}
	if found < 500 {
		t.Errorf("only %d countries and states found: the comparison says little", found)
	}
}

// TestInCategoryFromFacts checks that a word's category read from its
// facts (inCategoryLower, inCategoryText) is what InCategory says of its
// Lower and of its Text, for every category, at every word of random
// texts in every register, of the whole word list as listed, capitalised
// and in capitals, and of words with accents and typographic apostrophes.
func TestInCategoryFromFacts(t *testing.T) {
	lex := lexicon.Default()
	texts := gateTexts(lex, 1000)
	var b strings.Builder
	k := 0
	for w := range lex.Words() {
		b.WriteString(w)
		b.WriteByte(' ')
		if k++; k%500 == 0 {
			texts = append(texts, b.String(), strings.ToUpper(b.String()), capitaliseAll(b.String()))
			b.Reset()
		}
	}
	texts = append(texts, b.String(), "She speaks Tagalog and Somali, the Irish aunt, a Dutch nephew, Français, ESPAÑOL, "+
		"Niño’s Café, the Québécois son, o’Neill's Wife, NAÏVE Mother, Ça, Øyvind and Æsir, Groß, İstanbul")
	hits := 0
	for _, text := range texts {
		a := newAnalysis(lex, (&deid.Doc{Text: text}).Analysis(), new(scratch))
		for i := range a.toks {
			tk := &a.toks[i]
			for _, c := range lexicon.AllCategories() {
				want := lex.InCategory(c, tk.Lower)
				if got := a.inCategoryLower(tk, c); got != want {
					t.Fatalf("inCategoryLower(%q, %v) = %v, InCategory says %v", tk.Lower, c, got, want)
				}
				if got, want := a.inCategoryText(tk, c), lex.InCategory(c, tk.Text); got != want {
					t.Fatalf("inCategoryText(%q, %v) = %v, InCategory says %v", tk.Text, c, got, want)
				}
				if want {
					hits++
				}
			}
		}
	}
	if hits < 5000 {
		t.Errorf("only %d entries of a category among the words: the comparison says little", hits)
	}
}

func capitaliseAll(s string) string {
	f := strings.Fields(s)
	for k := range f {
		f[k] = capitalise(f[k])
	}
	return strings.Join(f, " ")
}
