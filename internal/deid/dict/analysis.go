package dict

import (
	"math"
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// feat is what the lexicons say about one word, looked up once.
type feat struct {
	wl      int // SCOWL level of the lower-case word; 0 when not a word
	rank    int // Wikipedia frequency rank; 0 when not in the top 100,000
	births  int // SSA births with this first name; 0 when not a first name
	surname int // Census surname rank; 0 when not a surname
	proper  int // SCOWL level as a proper noun; 0 when absent
	abbrev  int // SCOWL level as an abbreviation; 0 when absent
	date    bool
	title   bool
	kin     bool
}

// isName reports whether the word is in a first-name or surname list.
func (f *feat) isName() bool { return f.births > 0 || f.surname > 0 }

// common reports whether the word is an ordinary English word at or below
// SCOWL level max, or one of the most frequent words of running text.
func (f *feat) common(max int) bool {
	return f.wl > 0 && (f.wl <= max || (f.rank > 0 && f.rank <= 1500))
}

// analysis is one text's words with their lexicon features, computed on
// demand. It is owned by one Detect call.
type analysis struct {
	lex   *lexicon.Lexicon
	text  string
	toks  []token
	feats []feat
	done  []bool
	// lowerCount and capCount count the words written in lower case and
	// capitalised; built on first use.
	lowerCount, capCount map[string]int
	// cache holds the features of each distinct word.
	cache map[string]packedFeat
	cue   map[string]int // organisation-cue matches by window
	// clinical says whether the text reads as a clinical note (isClinical).
	clinical, clinicalDone bool
	clinicalHits           int             // clinical markers in the text (isClinical)
	typos                  map[string]bool // words found misspelt (clinicalWord)
	// register says whether the text is written in lower case (lowerRegister).
	register, registerDone bool
	// informalVal says whether the text is written as a comment (informal).
	informalVal, informalDone bool
	// foreignVal says whether the text is mostly not in English (see foreign).
	foreignVal, foreignDone bool
}

func newAnalysis(lex *lexicon.Lexicon, text string) *analysis {
	toks := tokenize(text)
	return &analysis{lex: lex, text: text, toks: toks, feats: make([]feat, len(toks)), done: make([]bool, len(toks)), cache: make(map[string]packedFeat, len(toks)), cue: map[string]int{}}
}

// f returns the lexicon features of word i.
func (a *analysis) f(i int) *feat {
	f := &a.feats[i]
	if a.done[i] {
		return f
	}
	a.done[i] = true
	t := &a.toks[i]
	if t.shape == shapeNone {
		return f
	}
	*f = a.wordFeat(t.lower)
	return f
}

// wordFeat returns the lexicon features of a lower-case word, from this
// text's cache, the cross-text memo, or the lexicons.
func (a *analysis) wordFeat(w string) feat {
	if c, ok := a.cache[w]; ok {
		return c.unpack()
	}
	if c, ok := wordFeats.Load(a.lex, w); ok {
		a.cache[w] = c
		return c.unpack()
	}
	var f feat
	lex := a.lex
	f.wl, _ = lex.WordLevel(w)
	f.rank, _ = lex.WordRank(w)
	if fe, ma, ok := lex.FirstName(w); ok {
		f.births = fe + ma
	}
	f.surname, _ = lex.Surname(w)
	if f.births == 0 && f.surname == 0 && strings.ContainsAny(w, "-‐‑") {
		// "Lou-Bette", "Penrose-Sabori": a name when a part is one and no
		// part is an ordinary word ("A-fib", "Non-Hodgkin" are not).
		var births, surname int
		parts := strings.FieldsFunc(w, isHyphen)
		ordinary := 0 // parts that are ordinary words
		for _, p := range parts {
			if lv, ok := lex.WordLevel(p); ok && lv <= 60 || len(p) < 3 {
				ordinary++
			}
		}
		for _, p := range parts {
			fe, ma, okF := lex.FirstName(p)
			r, okS := lex.Surname(p)
			if lv, ok := lex.WordLevel(p); ok && lv <= 60 && !okF && !okS || len(p) < 2 || ordinary == len(parts) {
				// An ordinary part, or only ordinary parts: "A-fib",
				// "POST-OP", "son-in-law".
				births, surname = 0, 0
				break
			}
			if okF {
				births = max(births, fe+ma)
			}
			if okS && (surname == 0 || r < surname) {
				surname = r
			}
		}
		f.births, f.surname = births, surname
	}
	f.proper, _ = lex.ProperLevel(w)
	f.abbrev, _ = lex.AbbrevLevel(w)
	f.date = lex.InCategory(lexicon.DateWord, w)
	f.title = lex.InCategory(lexicon.Title, w)
	f.kin = lex.InCategory(lexicon.Kinship, w)
	if p, ok := f.pack(); ok {
		a.cache[w] = p
		wordFeats.Store(a.lex, w, p)
	}
	return f
}

// wordFeats remembers the features of words across texts: they depend only
// on the lexicons, and looking a word up in each list is most of the cost
// of an analysis.
var wordFeats lexicon.Memo[packedFeat]

// packedFeat is a feat in 16 bytes rather than 56, for the maps that cache
// features: their entries are then a third of the size, cheaper to insert,
// copy and probe. pack refuses a feat whose numbers do not fit, which is then
// simply not cached (the lists' numbers all fit).
type packedFeat struct {
	births, rank, surname int32
	wl, proper, abbrev    uint8
	flags                 uint8 // 1 date, 2 title, 4 kin
}

func (f *feat) pack() (packedFeat, bool) {
	fits32 := func(n int) bool { return n >= 0 && n <= math.MaxInt32 }
	fits8 := func(n int) bool { return n >= 0 && n <= math.MaxUint8 }
	if !fits32(f.births) || !fits32(f.rank) || !fits32(f.surname) || !fits8(f.wl) || !fits8(f.proper) || !fits8(f.abbrev) {
		return packedFeat{}, false
	}
	p := packedFeat{births: int32(f.births), rank: int32(f.rank), surname: int32(f.surname),
		wl: uint8(f.wl), proper: uint8(f.proper), abbrev: uint8(f.abbrev)}
	if f.date {
		p.flags |= 1
	}
	if f.title {
		p.flags |= 2
	}
	if f.kin {
		p.flags |= 4
	}
	return p, true
}

func (p packedFeat) unpack() feat {
	return feat{wl: int(p.wl), rank: int(p.rank), births: int(p.births), surname: int(p.surname),
		proper: int(p.proper), abbrev: int(p.abbrev), date: p.flags&1 != 0, title: p.flags&2 != 0, kin: p.flags&4 != 0}
}

// adjacent reports whether words i-1 and i belong to one name: only
// horizontal space between them, or the period of an initial or an
// abbreviation ("R. Kowal", "D.E. Penhallow", "Dr.Varelli").
func (a *analysis) adjacent(i int) bool {
	if i <= 0 || i >= len(a.toks) {
		return false
	}
	prev, t := &a.toks[i-1], &a.toks[i]
	if prev.poss {
		return false
	}
	g := t.gap
	if prev.dot {
		if !(prev.letters == 1 || vocab.AbbrevDot().Has(prev.lower)) {
			return false
		}
		g = g[1:]
		if g == "" {
			// "C.A.", "Dr.Varelli"; not "t.co".
			return vocab.AbbrevDot().Has(prev.lower) || t.letters == 1 && t.dot
		}
	}
	if g == "" || len(g) > 4 {
		return false
	}
	for _, c := range g {
		if c != ' ' && c != '\t' && c != '\u00a0' {
			return false
		}
	}
	return true
}

// afterComma reports whether word i follows word i-1 with a comma between
// them and nothing else but spaces.
func (a *analysis) afterComma(i int) bool {
	if i <= 0 {
		return false
	}
	g := strings.TrimSpace(a.toks[i].gap)
	return g == "," && !strings.Contains(a.toks[i].gap, "\n")
}

// span is a candidate finding over words [i, j).
type span struct {
	i, j int
	conf float64
	typ  string
	// poss takes the possessive of the last word into the finding: it is
	// part of the name ("St. Mary's").
	poss bool
}

// isStop reports whether a lower-case word is a function word that never
// begins or ends a name.
func isStop(w string) bool { return vocab.StopWords().Has(w) }
