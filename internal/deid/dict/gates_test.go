package dict

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/lexicon"
)

// gateWords are the words gateTexts draws from: ordinary words, function
// words, first names and surnames that are also words, places, countries
// and states, clinical shorthand, chat spellings and the cue words the
// rules read around a name or a place (all invented or general English).
var gateWords = strings.Fields(`the a an and or of to in from near at into via on by for with
	is was be so very too being he she it we they you i i'm u ur your thanks hi hey dear
	walked spoke quiet session plan review noticed team client family worker colleague
	will mark rose grace hope amber lily roman brown young mason butler tanner savage
	emma olga kevin paul bruno carol eva codey ed titi kishan obama momo hangwani
	halvard queensby mireille ashworth okonkwo brightwater caldermouth ostfield aldric
	dr dr. mr mrs ms sr pastor judge miss sir son daughter niece wife husband dtr client
	np rn md rrt pa pt ot aware notified made called visited named aka follow like looks
	hospital clinic school university hosp memorial regional surgery hospice center
	street st road rd ave lane county lake mount fort saint borough republic state
	paris london japan mexico new york south africa east portland north dakota usa uk us
	nyc la sf kettleworth catonsville holy cross ward line teal u. s. k. i- 95
	bp hr mg iv po prn afib neo foley vanco levo sats lol haha omg hahaha sooo
	sahab ji van de la ten self-care end-of-life co-worker 63-year-old full-time
	chile turkey china jordan chad georgia peru cuba malta niger togo oman wales india
	manchester houston chicago toronto berlin madrid seattle denver boston dallas atlanta
	phoenix oslo lima quito nairobi lagos dublin glasgow leeds austin florence victoria`)

// gateSeps are what joins the words of gateTexts.
var gateSeps = []string{" ", " ", " ", " ", " ", ", ", ". ", "\n", " & ", "'s ", "’s ", " (", ") ", "-",
	" #", " @", ": ", "; ", "! ", "? ", "\n\n", " - ", " – ", "  ", ".", " 📍 ", " / ", " and "}

// gateTexts returns n random texts of gateWords and of every 40th word of
// lex's word list (words of every SCOWL level, many also names), in every
// register: as listed, in lower case, in capitals, and with words
// capitalised at random; with a fixed seed.
func gateTexts(lex *lexicon.Lexicon, n int) []string {
	words := append([]string(nil), gateWords...)
	k := 0
	for w := range lex.Words() {
		if k++; k%40 == 0 {
			words = append(words, w)
		}
	}
	r := rand.New(rand.NewPCG(7, 11))
	out := append([]string(nil), benchtext.Texts(2)...)
	for range n {
		var b strings.Builder
		m := 4 + r.IntN(50)
		mode := r.IntN(4)
		for k := range m {
			w := gateWords[r.IntN(len(gateWords))]
			if r.IntN(2) == 0 {
				w = words[r.IntN(len(words))]
			}
			switch {
			case mode == 1 || mode == 3 && r.IntN(3) == 0:
				w = capitalise(w)
			case mode == 2:
				w = strings.ToUpper(w)
			}
			if k > 0 {
				b.WriteString(gateSeps[r.IntN(len(gateSeps))])
			}
			b.WriteString(w)
		}
		out = append(out, b.String())
	}
	return out
}

func capitalise(w string) string {
	for i, r := range w {
		return string(unicode.ToUpper(r)) + w[i+len(string(r)):]
	}
	return w
}

// TestGatesAsBefore checks each shortcut of the analysis against the form
// it replaces, at every word of random texts in every register: a gate
// that turns a word away is one where the rules it skips find nothing,
// and what is worked out once per word or per word id is what the former
// test at each use said.
func TestGatesAsBefore(t *testing.T) {
	lex := lexicon.Default()
	var seeds, places, orgWords, elems, idGated, tails, seps int
	for _, text := range gateTexts(lex, 4000) {
		a := newAnalysis(lex, (&deid.Doc{Text: text}).Analysis(), new(scratch))
		if reg, fgn := a.lowerRegister(), a.foreign(); reg != a.lowerRegisterOnce() || fgn != a.foreignOnce() {
			t.Fatalf("lowerRegister %v, foreign %v as the analysis made them; their own passes say %v %v, in %q", reg, fgn, a.register, a.foreignVal, text)
		}
		sig := a.signatureLines()
		none := make([]bool, len(a.toks))
		for i := range a.toks {
			tk := &a.toks[i]
			// The join of each word to the one before.
			if i > 0 {
				if a.adjacent(i) != a.adjacentWords(i) || a.afterComma(i) != a.commaBetween(i) {
					t.Fatalf("join of %q after %q: adjacent %v, want %v; comma %v, want %v, in %q",
						tk.Text, a.toks[i-1].Text, a.adjacent(i), a.adjacentWords(i), a.afterComma(i), a.commaBetween(i), text)
				}
				if a.placeContextOf(i) != 0 && !a.prep[a.toks[i-1].ID] {
					t.Fatalf("placeContextOf(%q after %q) = %d, yet placePrep says no", tk.Text, a.toks[i-1].Text, a.placeContextOf(i))
				}
			}
			// A word's features, worked out when the analysis is made.
			if tk.Shape != shapeNone {
				if got, want := *a.f(i), lookFeat(lex, tk.Lower, lex.Facts(tk.Lower)); got != want {
					t.Fatalf("features of %q: %+v, want %+v", tk.Text, got, want)
				}
			}
			if got, want := a.ff(i), a.f(i).flags(); got != want {
				t.Fatalf("ff(%q) = %b, want %b", tk.Text, got, want)
			}
			// personSeedAll's rules for a word in lower case, at a word
			// whose features none of them admits.
			if tk.Shape == shapeLower && a.ff(i)&ffLowerTail == 0 {
				tails++
				f := a.f(i)
				if a.lowerPair(i) || a.lowerName(i) || a.lowerCued(i) || f.births >= 15000 {
					t.Fatalf("ffLowerTail turns %q away, yet a rule finds a name: %v %v %v, in %q", tk.Text, a.lowerPair(i), a.lowerName(i), a.lowerCued(i), text)
				}
			}
			// coordinated's separator gate.
			if i > 0 && a.listSep(i) >= 0 {
				seps++
				if !a.listSepMay(i) {
					t.Fatalf("listSep finds a separator before %q, listSepMay says none, in %q", tk.Text, text)
				}
			}
			// The organisation cues' lookups, kept by word id.
			if _, extra := extraCues[tk.Lower]; a.mayOpenOrgCueAt(tk) != a.mayOpenOrgCue(tk.Lower, tk.Dot) || a.extraCue(tk) != extra {
				t.Fatalf("org cue lookups of %q: %v %v kept, %v %v asked", tk.Text, a.mayOpenOrgCueAt(tk), a.extraCue(tk), a.mayOpenOrgCue(tk.Lower, tk.Dot), extra)
			}
			// The flags kept by word in tf, and usedAsWord's counts.
			if got, want := a.tf[i], tokFlagsRef(a, i); got != want || a.usedAsWord(i) != usedAsWordRef(a, i) {
				t.Fatalf("tf of %q: %b, want %b; usedAsWord %v", tk.Text, got, want, a.usedAsWord(i))
			}
			// The fields kept by word in tf, and socialMay.
			tf := a.tf[i]
			if tf&tfHandle != 0 != tk.Handle || tf&tfCap != 0 != tk.IsCap() || tf&tfPlaceLow != 0 != (tk.Shape == shapeLower && tk.Letters >= 3) ||
				tf&tfNewLine != 0 != (i > 0 && tk.Line != a.toks[i-1].Line) || a.socialMay[i] != a.mayStart(&socialRules, i) {
				t.Fatalf("tf of %q: %b, socialMay %b", tk.Text, tf, a.socialMay[i])
			}
			// The gates kept by word, as their tests read at each use.
			n := len(a.toks)
			seed := tk.Shape == shapeNone || tk.Shape == shapeLower && !tk.Caps && !sig[i] && !a.lowerSeedMay(i)
			near := i+1 < n && a.f(i+1).proper != 0 || i+2 < n && a.f(i+2).proper != 0 || i > 0 && placePrep(a.toks[i-1].Lower)
			placeMay := near || !(a.f(i).wl != 0 && a.f(i).wl <= 35) && a.informal()
			orgNo := tk.Shape == shapeLower && !a.isClinical() && !a.in(tk, vBodyNouns) && !a.in(tk, vCareCues)
			if a.seedSkip(i, sig) != seed || a.lowerPlacesMay(i, a.informal()) != placeMay || a.orgsSkip(i) != orgNo {
				t.Fatalf("gates of %q: seedSkip %v, lowerPlacesMay %v, orgsSkip %v; want %v %v %v", tk.Text,
					a.seedSkip(i, sig), a.lowerPlacesMay(i, a.informal()), a.orgsSkip(i), seed, placeMay, orgNo)
			}
			// lowerPlaces' gate.
			if !a.isClinical() && tk.Shape == shapeLower && tk.Letters >= 3 && !a.lowerPlacesMay(i, a.informal()) {
				if s, ok, _ := lowerPlacesBefore(a, i); ok {
					t.Fatalf("lowerPlacesMay turns %q away, yet the chain finds %+v, in %q", tk.Text, s, text)
				}
			}
			// personSeed's gate.
			if a.seedSkip(i, sig) {
				seeds++
				if c, typ := a.personSeedAll(i, sig, none); c != 0 {
					t.Fatalf("lowerSeedMay turns %q away, yet personSeedAll finds %v %q, in %q", tk.Text, c, typ, text)
				}
			}
			// The lower-case place chain.
			if !a.isClinical() && tk.Shape == shapeLower && tk.Letters >= 3 {
				places++
				s, ok, skip := a.lowerPlaces(i)
				s0, ok0, skip0 := lowerPlacesBefore(a, i)
				if ok != ok0 || s != s0 || skip != skip0 {
					t.Fatalf("lowerPlaces(%q) = %+v %v %v, the former chain %+v %v %v, in %q", tk.Text, s, ok, skip, s0, ok0, skip0, text)
				}
			}
			// The organisation rules at a word in lower case.
			if a.orgsSkip(i) {
				orgWords++
				_, ok1 := a.hospitalAbbrev(i)
				_, ok2 := a.namedBody(i)
				_, ok3 := a.lowerCareCue(i)
				if ok1 || ok2 || ok3 {
					t.Fatalf("orgs skips %q, yet a lower-case rule finds it (%v %v %v), in %q", tk.Text, ok1, ok2, ok3, text)
				}
			}
			// coordinated's skip (outside person spans).
			if a.noListElem(i, !a.lowerRegister()) {
				elems++
				if e := a.listElem(i, none, none); e != i {
					t.Fatalf("coordinated skips %q, yet a list element starts there (to %d), in %q", tk.Text, e, text)
				}
			}
		}
		// mayStart's answers, made of tables and kept by word id, are what
		// each rule's pre-tests say of the word, and a rule they leave out
		// finds nothing there.
		for i := range a.toks {
			tk := &a.toks[i]
			for _, c := range []*ruleChain{&shapeRules, &socialRules} {
				got, want := a.mayStart(c, i), mayStartRef(a, c, i)
				if got != want {
					t.Fatalf("mayStart of %q: %b, the rules' pre-tests say %b, in %q", tk.Text, got, want, text)
				}
				for k := range c.rules {
					if got&(1<<k) != 0 {
						continue
					}
					if r := &c.rules[k]; r.idGate != nil && r.admits(tk) && !r.idGate(a, tk, tk.Shape == shapeLower && tk.Text == tk.Lower) {
						idGated++
					}
					if s, ok := c.rules[k].find(a, i); ok {
						t.Fatalf("rule %d of a chain turns %q away, yet finds %+v there, in %q", k, tk.Text, s, text)
					}
				}
			}
		}
	}
	if seeds < 1000 || places < 1000 || orgWords < 1000 || elems < 1000 || idGated < 1000 || tails < 1000 || seps < 1000 {
		t.Errorf("too few words tried: %d seeds, %d places, %d organisation words, %d list words, %d turned away by a rule's idGate, %d by ffLowerTail, %d list separators",
			seeds, places, orgWords, elems, idGated, tails, seps)
	}
}

// mayStartRef is mayStart asked rule by rule, of the word itself.
func mayStartRef(a *analysis, c *ruleChain, i int) ruleSet {
	t := &a.toks[i]
	var m ruleSet
	for k := range c.rules {
		r := &c.rules[k]
		if r.admits(t) && r.admitsID(a, t) && (r.idGate == nil || r.idGate(a, t, t.Shape == shapeLower && t.Text == t.Lower)) {
			m |= 1 << k
		}
	}
	return m
}

// tokFlagsRef is the tokFlags newAnalysis works out (once tokFlagsOf) as
// first written, test by test.
func tokFlagsRef(a *analysis, i int) tokFlags {
	t, n := &a.toks[i], len(a.toks)
	var m tokFlags
	if t.Shape == shapeNone {
		m |= tfNone
	}
	if t.Shape == shapeLower && !t.Caps && !a.lowerSeedMay(i) {
		m |= tfLowerSeedNo
	}
	if i+1 < n && a.ff(i+1)&ffProper != 0 || i+2 < n && a.ff(i+2)&ffProper != 0 || i > 0 && a.prep[a.toks[i-1].ID] {
		m |= tfPlaceNear
	}
	if a.ff(i)&ffUncommon35 != 0 {
		m |= tfUncommon35
	}
	if t.Shape == shapeLower && !a.in(t, vBodyNouns) && !a.in(t, vCareCues) {
		m |= tfOrgNo
	}
	if t.Handle {
		m |= tfHandle
	}
	if t.IsCap() {
		m |= tfCap
	}
	if t.Shape == shapeLower && t.Letters >= 3 {
		m |= tfPlaceLow
	}
	if t.Shape == shapeNone || t.Shape == shapeLower && !a.in(t, vStrongTitles) && a.ff(i)&ffListLower == 0 {
		m |= tfNoElem
	}
	if t.Shape == shapeNone || t.Shape == shapeLower && !a.in(t, vStrongTitles) {
		m |= tfNoElemOut
	}
	if i > 0 && t.Line != a.toks[i-1].Line {
		m |= tfNewLine
	}
	return m
}

// usedAsWordRef is usedAsWord counting the word's uses in the text.
func usedAsWordRef(a *analysis, i int) bool {
	var lc, cc int32
	for k := range a.toks {
		if a.toks[k].ID != a.toks[i].ID {
			continue
		}
		switch a.toks[k].Shape {
		case shapeLower:
			lc++
		case shapeTitle, shapeUpper:
			cc++
		}
	}
	return lc >= 2 || (lc > 0 && lc >= cc)
}

// lowerPlacesBefore is the lower-case place chain as the place loop asked
// it before lowerPlaces: every rule in turn.
func lowerPlacesBefore(a *analysis, i int) (span, bool, bool) {
	if s, ok := a.lowerPhrasePlace(i); ok {
		return s, true, true
	} else if s, ok := a.lowerVenue(i); ok {
		return s, true, true
	} else if s, ok := a.lowerPlace(i); ok {
		return s, true, false
	} else if s, ok := a.lowerCountry(i); ok {
		return s, true, false
	} else if s, ok := a.lowerCity(i); ok {
		return s, true, false
	} else if s, ok := a.lowerFamousCity(i); ok {
		return s, true, false
	}
	return span{}, false, false
}
