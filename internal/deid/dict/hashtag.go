package dict

import (
	"strings"

	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Tweets write names and places as hashtags in camel case: "#DonaldSterling",
// "#RIPLennyHolcomb", "#PrayForGaza", "#NewBedford". The hashtag is one word
// of the text; its capitals split it into the words of a phrase, and the
// name lists test those words.

// isHashtag reports whether word i is written after '#'.
func (a *analysis) isHashtag(i int) bool {
	t := &a.toks[i]
	return t.Handle && t.Start > 0 && a.text[t.Start-1] == '#'
}

// camelParts splits a word in camel case into its parts: where a lower-case
// letter meets a capital ("JohnnyWinter"), and before the last capital of a
// run of capitals that a lower-case letter follows ("RIPJohnny" -> "RIP",
// "Johnny"). A word with digits, hyphens or apostrophes is not split.
func camelParts(w string) []string {
	var out []string
	start := 0
	var prev rune
	for i, r := range w {
		if !unicode.IsLetter(r) {
			return nil
		}
		if i > start && unicode.IsUpper(r) {
			if unicode.IsLower(prev) {
				out = append(out, w[start:i])
				start = i
			} else if unicode.IsUpper(prev) {
				// "RIPJohnny": cut before 'J' when a lower-case letter follows.
				if next, _ := utf8.DecodeRuneInString(w[i+utf8.RuneLen(r):]); i+utf8.RuneLen(r) < len(w) && unicode.IsLower(next) {
					out = append(out, w[start:i])
					start = i
				}
			}
		}
		prev = r
	}
	return append(out, w[start:])
}

// partFeat returns the lexicon features of one part of a hashtag.
func (a *analysis) partFeat(p string) feat { return a.wordFeat(strings.ToLower(p)) }

// hashName finds a person's full name inside a hashtag in camel case at
// word i ("#DonaldSterling", "#RIPLennyHolcomb", "#VeronicaHolt"): two
// adjacent parts of which the first is a first name that is no common word
// and the second a surname or a word in no list. The whole hashtag is
// the finding: its words are the name.
func (a *analysis) hashName(i int) (span, bool) {
	t := &a.toks[i]
	if a.isHashtag(i) && t.Shape == shapeLower && a.lowerHashName(t.Text) {
		return span{i: i, j: i + 1, conf: 0.5, typ: "hashtag"}, true
	}
	if !a.isHashtag(i) || t.Shape != shapeMixed && t.Shape != shapeTitle || t.Letters < 4 {
		return span{}, false
	}
	parts := camelParts(t.Text)
	if len(parts) == 1 && t.Shape == shapeTitle {
		// "#Fennimore", "#Whitlock": a name that is no common word.
		f := a.f(i)
		if !f.common(50) && f.abbrev == 0 && !f.date && !f.title && (f.births >= 1000 || f.surname > 0 && f.surname <= 20000) {
			return span{i: i, j: i + 1, conf: 0.5, typ: "hashtag"}, true
		}
		return span{}, false
	}
	if len(parts) < 2 {
		return span{}, false
	}
	for k := 0; k+1 < len(parts); k++ {
		p, q := parts[k], parts[k+1]
		if !titleCase(p) || !titleCase(q) || len(p) < 3 || len(q) < 3 {
			continue
		}
		f, g := a.partFeat(p), a.partFeat(q)
		if f.births < 1000 || f.common(35) || f.date || f.title || f.kin || f.abbrev != 0 && f.births < 50000 {
			continue
		}
		if g.title || g.kin || isStop(strings.ToLower(q)) {
			continue
		}
		// The surname may be an ordinary word ("#JohnnyWinter"): after a
		// first name that is none, in camel case, it is the name's.
		if g.surname > 0 || g.wl == 0 && g.births == 0 && g.abbrev == 0 && hasVowel(strings.ToLower(q)) {
			return span{i: i, j: i + 1, conf: 0.6, typ: "hashtag"}, true
		}
	}
	if a.rareNameParts(parts) {
		return span{i: i, j: i + 1, conf: 0.5, typ: "hashtag"}, true
	}
	return span{}, false
}

// rareNameParts reports whether the parts of a hashtag in camel case are
// two to four words of which none is an ordinary word and one at least is
// a name ("#AdaezeOkonkwoBarnes"): a phrase of words that no dictionary
// has, and a name among them, is a person's full name. A phrase with an
// ordinary word in it ("#TeamOkonkwo", "#MaladoMusic") is a slogan or a
// brand, left alone.
func (a *analysis) rareNameParts(parts []string) bool {
	if len(parts) < 2 || len(parts) > 4 {
		return false
	}
	named := false
	for _, p := range parts {
		if !titleCase(p) || len(p) < 3 {
			return false
		}
		f := a.partFeat(p)
		if f.common(60) || f.rank > 0 && f.rank <= 5000 && f.births < 1000 && f.surname == 0 || f.date || f.title || f.kin || f.abbrev != 0 {
			return false
		}
		if a.lex.IsCountry(strings.ToLower(p)) {
			return false
		}
		if f.births >= 1000 || f.surname > 0 && f.surname <= 50000 {
			named = true
		}
	}
	return named
}

// titleCase reports whether a part is a capital and lower-case letters.
func titleCase(p string) bool {
	r, sz := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range p[sz:] {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return true
}

// hashPhrasePlace finds a well-known place inside a hashtag in camel case
// at word i ("#PrayForGaza", "#NewBedford", "#VisitTorontoNow"): one to three
// adjacent parts that name a country, a US state or a GeoNames place of
// 100,000 people or more, and that are no common word or first name
// alone. The whole hashtag is the finding.
func (a *analysis) hashPhrasePlace(i int) (span, bool) {
	t := &a.toks[i]
	if !a.isHashtag(i) || t.Shape != shapeMixed && t.Shape != shapeTitle {
		return span{}, false
	}
	parts := camelParts(t.Text)
	if len(parts) < 2 {
		return span{}, false
	}
	// "#LochTorridon", "#MountRainier": a word that opens place names
	// before a part that is no common word.
	if len(parts) == 2 && (vocab.PlacePrefix().Has(strings.ToLower(parts[0])) || strings.EqualFold(parts[0], "loch")) && titleCase(parts[1]) && len(parts[1]) >= 4 {
		if f := a.partFeat(parts[1]); !f.common(50) && !f.date {
			return span{i: i, j: i + 1, conf: 0.6, typ: "small-place"}, true
		}
	}
	for k := range parts {
		for m := k + 1; m <= len(parts) && m <= k+3; m++ {
			words := make([]string, 0, m-k)
			ok := true
			for _, p := range parts[k:m] {
				if !titleCase(p) && !(len(p) == 2 && strings.ToUpper(p) == p) {
					ok = false
				}
				words = append(words, strings.ToLower(p))
			}
			if !ok {
				break
			}
			key := strings.Join(words, " ")
			if m-k == 1 {
				f := a.partFeat(parts[k])
				if len(key) == 2 {
					// "UK", "US" in capitals inside a hashtag.
					if a.lex.IsCountry(key) {
						return span{i: i, j: i + 1, conf: 0.3, typ: "country"}, true
					}
					continue
				}
				if len(key) < 4 || f.common(50) || f.date || f.abbrev != 0 || f.births >= 1000 && f.births > int(f.surname) {
					continue
				}
			}
			typ, pop := a.lookupPlace(key)
			switch {
			case typ == "country" || typ == "state" && len(key) > 2:
				return span{i: i, j: i + 1, conf: 0.3, typ: typ}, true
			case typ != "" && pop >= 100000:
				return span{i: i, j: i + 1, conf: 0.6, typ: typ}, true
			}
		}
	}
	return span{}, false
}

// lowerHashName reports whether a hashtag in lower case runs a first name
// and a surname together ("#jacobokafor"): some split leaves a frequent
// first name (20,000 births) that is in no word list, then a surname
// that is no common word or four letters or more in no list at all.
func (a *analysis) lowerHashName(w string) bool {
	if len(w) < 8 || len(w) > 24 {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	for k := 4; k+4 <= len(w); k++ {
		f := a.wordFeat(w[:k])
		if f.births < 20000 || f.wl != 0 || f.abbrev != 0 || f.date || f.title || f.kin {
			continue
		}
		rest := w[k:]
		g := a.wordFeat(rest)
		if g.title || g.kin || g.date || g.abbrev != 0 {
			continue
		}
		if g.surname > 0 && !g.common(60) || g.wl == 0 && g.rank == 0 && g.births == 0 && g.surname == 0 && g.proper == 0 && hasVowel(rest) {
			return true
		}
	}
	return false
}
