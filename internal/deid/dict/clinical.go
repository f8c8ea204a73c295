package dict

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Clinical notes are written in a register of their own: abbreviations,
// drug and device names, unit names and truncated words ("Vanco", "Levo",
// "Sats"), often in capitals. Many of these are also first names, surnames
// or GeoNames places (Aline, Neo, Foley, Hickman), and the word lists cannot
// tell them apart. So the analysis first decides whether a text reads as a
// clinical note (vocab.ClinicalMarkers, counted once), and there a word of the
// clinical vocabulary (vocab.ClinicalTerms, or a drug-like ending) needs context
// (a title, a kinship or role word, a place preposition) to be a name.

// isClinical reports whether the text reads as a clinical note: at least
// three marker words, making up at least one word in fifty. Computed once.
func (a *analysis) isClinical() bool {
	if a.clinicalDone {
		return a.clinical
	}
	return a.isClinicalOnce()
}

// isClinicalOnce works out isClinical, the first time it is asked.
func (a *analysis) isClinicalOnce() bool {
	a.clinicalDone = true
	a.clinicalHits = clinicalMarkerCount(a.doc)
	a.clinical = clinicalShare(a.clinicalHits, len(a.toks))
	return a.clinical
}

// isMarker reports whether the lower-case word w is a clinical marker, also
// as the first part of a hyphenated word ("resp-lsc", "neuro-alert"): the
// marker list read through the word lists' index (vocabIndex), whose gate
// turns most words away without hashing them.
func isMarker(idx *listIndex, w string) bool {
	if first, _, ok := strings.Cut(w, "-"); ok && first != "" {
		w = first
	}
	l := idx.lists(w)
	return l.has(vClinicalMarkers)
}

// clinicalShare reports whether hits markers among n words make a clinical
// note: at least three, and at least one word in fifty; or, in a note of a
// few lines ("Given Combivent and Flovent, SBP stable"), two that make one
// word in fifteen.
func clinicalShare(hits, n int) bool { return hits >= 3 && hits*50 >= n || hits >= 2 && hits*15 >= n }

// ClinicalNote reports whether the text of doc reads as a clinical note,
// as the dictionary recognizers decide it (isClinical), from the words of
// the document's analysis, counted once per document.
func ClinicalNote(doc *deid.Doc) bool {
	an := doc.Analysis()
	return clinicalShare(clinicalMarkerCount(an), len(an.Words()))
}

type markerKey struct{}

// clinicalMarkerCount is the number of clinical markers among the
// document's words (isMarker), once per document, each distinct word looked
// up once.
func clinicalMarkerCount(an *deid.Analysis) int {
	return deid.AnalysisValue(an, markerKey{}, func() int {
		toks, words := an.Words(), an.Vocab()
		idx := vocabIndex()
		marker := make([]bool, len(words))
		for id, w := range words {
			marker[id] = isMarker(idx, w)
		}
		hits := 0
		for k := range toks {
			if marker[toks[k].ID] {
				hits++
			}
		}
		return hits
	})
}

// clinicalWord reports whether word k is clinical vocabulary in a clinical
// note: a listed term, an abbreviation in capitals, or a word with a drug or
// procedure ending that no list knows as a word.
func (a *analysis) clinicalWord(k int) bool {
	t := &a.toks[k]
	if !a.isClinical() {
		// A short note in capitals with a clinical marker: its listed
		// devices and terms are still what they are ("PULLED OUT HER
		// OWN ALINE, BP STABLE").
		// A marker in capitals in a text with two of them ("DROP IN SBP").
		return t.Caps && a.clinicalHits > 0 && a.in(t, vClinicalTerms) ||
			t.Shape == shapeUpper && a.clinicalHits >= 2 && a.in(t, vClinicalMarkers)
	}
	if a.eponym(k) {
		return true
	}
	if vocab.ClinicalTerm(t.Lower) {
		return true
	}
	if a.clinicalCompound(t.Lower) || vocab.CapsThenLower(t.Text) {
		return true
	}
	if t.Shape != shapeLower && a.inCategoryText(t, lexicon.Language) {
		return true // "Spanish speaking only": the patient's language
	}
	f := a.f(k)
	if drugTruncations[t.Lower] && (f.wl == 0 || f.wl > typoLevel) && f.births < 1000 && (f.surname == 0 || f.surname > 20000) {
		return true // "Fent", "Vanc": a drug name cut short
	}
	if f.wl != 0 || f.births >= 1000 {
		return false
	}
	if vocab.MedicalShape(t.Lower) || vocab.DrugShaped(t.Lower) {
		return true
	}
	// A misspelt word ("Imtermittant", "Recieved", "Cardic"), unless it is
	// a surname of some frequency.
	if f.surname != 0 && f.surname <= 20000 || t.Letters < 5 {
		return false
	}
	v, ok := a.typos[t.Lower]
	if !ok {
		v = Misspelt(a.lex, t.Lower) || gluedWords(a.lex, t.Lower) ||
			f.births == 0 && f.surname == 0 && nearMisspelt(a.lex, t.Lower)
		if a.typos == nil {
			a.typos = map[string]bool{}
		}
		a.typos[t.Lower] = v
	}
	return v
}

// clinicalCompound reports whether lw is a hyphenated word of a clinical
// note that opens with a heading letter, a clinical term, a common word
// that is no name, or a common word before a clinical term: "a/p-stable",
// "gu-foley", "abgs-see", "post-extubation". A double-barrelled name
// ("Lusk-Carver", "Lou-Bette") opens with a name.
func (a *analysis) clinicalCompound(lw string) bool {
	first, rest, ok := strings.Cut(lw, "-")
	if !ok {
		return false
	}
	if utf8.RuneCountInString(first) == 1 || vocab.ClinicalTerm(first) {
		return true
	}
	lv, isWord := a.lex.WordLevel(first)
	if !isWord || lv > 50 {
		return false
	}
	if second, _, _ := strings.Cut(rest, "-"); vocab.ClinicalTerm(second) {
		return true // "post-extubation", "post-cath"
	}
	if _, _, isFirst := a.lex.FirstName(first); isFirst {
		return false
	}
	_, isSurname := a.lex.Surname(first)
	return !isSurname
}

// typoLevel is the highest SCOWL level of a word whose misspellings are
// recognised: common words are the ones notes misspell in passing.
const typoLevel = 50

// Misspelt reports whether lw, a lower-case word of five or more letters
// that no list knows, is one edit (a letter dropped, added, changed or two
// swapped) from a common dictionary word or a clinical term: "ptient",
// "cardic", "recieved", "yankaur". A name no list knows is seldom that close
// to an everyday word.
func Misspelt(lex *lexicon.Lexicon, lw string) bool {
	if len(lw) < 5 || len(lw) > 24 {
		return false
	}
	for _, r := range lw {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return oneEditFromKnown(lex, lw)
}

// oneEditFromKnown is Misspelt without the checks.
func oneEditFromKnown(lex *lexicon.Lexicon, lw string) bool {
	return oneEditFrom(lex, lw, typoStateFor(lex).filter())
}

// oneEditFrom is oneEditFromKnown with the filter of lex's words, or none
// (nil): the filter holds every word a candidate is looked up as (common
// words and clinical terms), so it turns away only candidates the look-ups
// would refuse, and the answer is the same with it or without it.
func oneEditFrom(lex *lexicon.Lexicon, lw string, filter *typoSources) bool {
	// The filter is asked of the candidate's bytes: nearly every
	// candidate fails it, and then no string is made of it.
	known := func(b []byte) bool {
		if filter != nil && !filter.mayHoldBytes(b) {
			return false
		}
		c := string(b)
		lv, ok := lex.WordLevel(c)
		return ok && lv <= typoLevel || vocab.ClinicalTerm(c)
	}
	b := []byte(lw)
	buf := make([]byte, 0, len(b)+1)
	for i := range b {
		// a letter too many
		buf = append(append(buf[:0], b[:i]...), b[i+1:]...)
		if known(buf) {
			return true
		}
		// two letters swapped
		if i+1 < len(b) && b[i] != b[i+1] {
			buf = append(buf[:0], b...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			if known(buf) {
				return true
			}
		}
	}
	for i := 0; i <= len(b); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			// a letter left out
			buf = append(append(append(buf[:0], b[:i]...), c), b[i:]...)
			if known(buf) {
				return true
			}
			// a letter changed
			if i < len(b) && c != b[i] {
				buf = append(buf[:0], b...)
				buf[i] = c
				if known(buf) {
					return true
				}
			}
		}
	}
	return false
}

// typoSources is a bit set over the hashes of the words a misspelling is
// looked for from (common words and clinical terms): a candidate whose bit
// is clear is neither, which spares the lookups of nearly all the edits
// Misspelt tries.
type typoSources struct {
	bits []uint64
}

const typoBits = 1 << 20 // about 64,000 words set: one candidate in 16 passes

type typoKey struct{}

// typoState holds, with a lexicon, how often a misspelling was looked for
// (oneEditFromKnown) and the filter of its words, made once the looks have
// cost about what making it costs: the filter reads the 243,000 words of the
// word list (25 M instructions, a fifth of a one-shot "veil deid" on a
// paragraph), while a look without it costs some 0.2 M more than with it.
// A process that looks a few times never makes it. Both fields are safe for
// concurrent use; which way a look goes changes no answer (oneEditFrom).
type typoState struct {
	lex   *lexicon.Lexicon
	asked atomic.Int64
	once  sync.Once
	f     *typoSources
}

// typoUnfiltered is how many looks for a misspelling go without the filter
// before it is made.
const typoUnfiltered = 64

func typoStateFor(lex *lexicon.Lexicon) *typoState {
	return lexicon.Derived(lex, typoKey{}, func(l *lexicon.Lexicon) *typoState { return &typoState{lex: l} })
}

// filter returns the filter of lex's words for this look, or nil while
// looks are few (typoUnfiltered).
func (s *typoState) filter() *typoSources {
	if s.asked.Add(1) <= typoUnfiltered {
		return nil
	}
	return s.built()
}

// built returns the filter of lex's words, made on first use.
func (s *typoState) built() *typoSources {
	s.once.Do(func() { s.f = buildTypoFilter(s.lex) })
	return s.f
}

func buildTypoFilter(lex *lexicon.Lexicon) *typoSources {
	f := &typoSources{bits: make([]uint64, typoBits/64)}
	for w, lv := range lex.Words() {
		if lv <= typoLevel {
			f.add(w)
		}
	}
	for _, m := range []vocab.Set{vocab.ClinicalTerms(), vocab.ClinicalMarkers(), vocab.DrugNames(), vocab.ClinicalVocab()} {
		for w := range m.All() {
			f.add(w)
		}
	}
	return f
}

func typoHash(s string) uint32 {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h % typoBits
}

func (f *typoSources) add(w string) {
	h := typoHash(w)
	f.bits[h/64] |= 1 << (h % 64)
}

// mayHold reports whether w may be one of the filter's words; false is
// certain.
func (f *typoSources) mayHold(w string) bool {
	h := typoHash(w)
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// mayHoldBytes is mayHold(string(b)).
func (f *typoSources) mayHoldBytes(b []byte) bool {
	h := uint32(2166136261) // typoHash's FNV-1a
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	h %= typoBits
	return f.bits[h/64]&(1<<(h%64)) != 0
}
