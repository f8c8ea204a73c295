package dict

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

type nearKey struct{}

// nearSourcesFor maps the loose form (looseForm) of every common word and
// clinical term of six letters or more of lex; bit n of a value says a
// source word has n letters (up to 31). It is made once per lexicon and
// kept with it.
func nearSourcesFor(lex *lexicon.Lexicon) map[string]uint32 {
	return lexicon.Derived(lex, nearKey{}, func(lex *lexicon.Lexicon) map[string]uint32 {
		m := make(map[string]uint32, 60000)
		add := func(w string) { m[looseForm(w)] |= 1 << min(len(w), 31) }
		for w, lv := range lex.Words() {
			if lv <= typoLevel && len(w) >= 6 && plainLower(w) {
				add(w)
			}
		}
		for _, src := range []vocab.Set{vocab.ClinicalTerms(), vocab.DrugNames(), vocab.ClinicalVocab()} {
			for w := range src.All() {
				if len(w) >= 6 && plainLower(w) {
					add(w)
				}
			}
		}
		return m
	})
}

func plainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// looseForm writes a lower-case word the way it sounds more than the way
// it is spelt: "ph" as "f", every vowel but the first letter as "*", a
// doubled letter once. The vowels and doubled consonants are what notes
// misspell ("intermittant", "comode", "levofed" for "levophed"); the first
// letter is seldom wrong.
func looseForm(w string) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 'p' && i+1 < len(w) && w[i+1] == 'h' {
			c = 'f'
			i++
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			if i > 0 {
				c = '*'
			}
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// nearMisspelt reports whether lw, a lower-case word of six letters or
// more that no list knows, is a misspelling farther than Misspelt finds:
// written as it sounds (looseForm) it is a common word or a clinical term
// of about its length written so ("camode", "trendelenberg"), or, from
// seven letters and six consonants, one edit inside the word from one
// ("imtermittant"). Fewer consonants say too little: "yanulis" is a name.
func nearMisspelt(lex *lexicon.Lexicon, lw string) bool {
	if len(lw) < 6 || len(lw) > 24 || !plainLower(lw) {
		return false
	}
	v := false
	if src := nearSourcesFor(lex); src != nil {
		// Six letters must sound the same ("camode"); longer words may
		// also be one edit off.
		lf := looseForm(lw)
		cons := len(lf) - strings.Count(lf, "*")
		// Source words of about the same length only: "farrugia" sounds
		// like "forage" but is two letters longer.
		near := uint32(7) << (min(len(lw), 30) - 1)  // lengths n-1, n, n+1
		wide := uint32(31) << (min(len(lw), 29) - 2) // n-2 .. n+2
		v = src[lf]&near != 0 && cons >= 3 || len(lw) >= 7 && cons >= 6 && oneEditIn(src, lf, wide)
	}
	return v
}

// looseLetters are the letters of loose forms after the first: "*" for
// any vowel.
const looseLetters = "*bcdfghjklmnpqrstvwxz"

// oneEditIn reports whether s, or a form one edit from it after its first
// letter and before its last, is in src from a source word whose length is
// in the bit set lens. A name differs from a word at its end more often
// than a misspelling does ("lombardo", "lombard").
func oneEditIn(src map[string]uint32, s string, lens uint32) bool {
	in := func(b []byte) bool { return src[string(b)]&lens != 0 }
	b := []byte(s)
	if in(b) {
		return true
	}
	buf := make([]byte, 0, len(b)+1)
	last := len(b) - 1
	for i := 1; i < last; i++ {
		buf = append(append(buf[:0], b[:i]...), b[i+1:]...)
		if in(buf) {
			return true
		}
		if i+1 < last && b[i] != b[i+1] {
			buf = append(buf[:0], b...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			if in(buf) {
				return true
			}
		}
	}
	for i := 1; i < last; i++ {
		for j := 0; j < len(looseLetters); j++ {
			c := looseLetters[j]
			buf = append(append(append(buf[:0], b[:i]...), c), b[i:]...)
			if in(buf) {
				return true
			}
			if c != b[i] {
				buf = append(buf[:0], b...)
				buf[i] = c
				if in(buf) {
					return true
				}
			}
		}
	}
	return false
}

// gluedWords reports whether lw, a word no list knows, is a medical
// combining form before a common word ("nasotracheal", "hemdynamically"),
// or two words typed without the space of which one is a clinical term
// ("airbolus") or the second a function word after a long first
// ("creatineand"). Two plain words run together are left: that is how the
// names of buildings and wards are made ("Kettleworth", "Fairview").
func gluedWords(lex *lexicon.Lexicon, lw string) bool {
	if len(lw) < 8 || !plainLower(lw) {
		return false
	}
	known := func(w string, min int) bool {
		if len(w) < min {
			return false
		}
		lv, ok := lex.WordLevel(w)
		return ok && lv <= typoLevel || vocab.ClinicalTerm(w)
	}
	for p := range vocab.CombiningForms().All() {
		if rest, ok := strings.CutPrefix(lw, p); ok && known(rest, 5) {
			return true
		}
	}
	for i := 3; i+3 <= len(lw); i++ {
		head, tail := lw[:i], lw[i:]
		if !known(head, 3) {
			continue
		}
		// A short tail ("and", "the") only after a long clinical head.
		if len(tail) >= 4 && known(tail, 4) && (vocab.ClinicalTerm(head) || vocab.ClinicalTerm(tail)) || len(head) >= 6 && isStop(tail) {
			return true
		}
	}
	return false
}

// drugTruncations are the shortenings nurses write for drugs ("fent",
// "vanc", "dilt"): every opening of four letters or more of a listed drug
// name, short of the whole.
var drugTruncations = func() map[string]bool {
	m := map[string]bool{}
	for w := range vocab.DrugNames().All() {
		for n := 4; n < len(w); n++ {
			m[w[:n]] = true
		}
	}
	return m
}()

// Misspelling reports whether lw, a lower-case word that no list knows, is
// clinical vocabulary written wrong or run together: Misspelt, or a word
// that sounds like a common word or clinical term (nearMisspelt), or two
// words glued (gluedWords). The prose recognizer vets its entities with it.
func Misspelling(lex *lexicon.Lexicon, lw string) bool {
	return Misspelt(lex, lw) || gluedWords(lex, lw) || nearMisspelt(lex, lw)
}

// noteAbbrev reports whether the title at word k stands for something else
// in a clinical note: glued after a sign ("3+MR." is mitral
// regurgitation); "MS", "MR", "SR" before an ordinary word that is no name
// ("MS. Verbal and calm": mental status); "fr" before a clinical term
// ("16 fr foley": a French gauge).
func (a *analysis) noteAbbrev(k int) bool {
	t := &a.toks[k]
	if k > 0 && strings.Contains(t.Gap, "+") && strings.TrimSpace(t.Gap) == t.Gap {
		return true
	}
	if k+1 >= len(a.toks) || !a.adjacent(k+1) || (!a.isClinical() && a.clinicalHits == 0) {
		return false
	}
	switch t.Lower {
	case "ms", "mr", "sr":
		f := a.f(k + 1)
		return a.toks[k+1].Letters >= 2 && f.common(50) && !f.nameish() && !f.title
	case "fr":
		return t.Shape == shapeLower && a.clinicalWord(k+1)
	}
	return false
}

// eponym reports whether word k, in a clinical note, names a sign, a
// disease or a device after a physician or its maker: a name before an
// eponym noun ("Kussmaul's respirations", "Quinton catheter", "puritan
// bennett vent"). A name after a title is a person's ("Mr Lombardo's
// drain").
func (a *analysis) eponym(k int) bool {
	if k+1 >= len(a.toks) || a.toks[k].Letters < 3 || k > 0 && a.in(&a.toks[k-1], vStrongTitles) {
		return false
	}
	nx := &a.toks[k+1]
	if strings.TrimLeft(nx.Gap, " ") != "" || nx.Gap == "" {
		return false
	}
	if nx.Shape != shapeLower || !a.in(nx, vEponymNouns) {
		return false
	}
	return !a.toks[k].Poss || a.in(nx, vPossessiveEponymNouns)
}

// afterSubjectPronoun reports whether word k directly follows a subject
// pronoun.
func (a *analysis) afterSubjectPronoun(k int) bool {
	return k > 0 && a.adjacent(k) && a.in(&a.toks[k-1], vSubjectPronouns)
}
