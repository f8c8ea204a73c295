package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Option configures a Detector.
type Option func(*Detector)

// WithLexicon lets the detector drop names that prose makes of ordinary
// words, abbreviations and acronyms ("Supervision", "Pt", "SBP"), which on
// clinical notes are nearly all it finds. Without a lexicon every entity
// prose reports is kept.
func WithLexicon(lex *lexicon.Lexicon) Option {
	return func(d *Detector) { d.lex = lex }
}

// bigName is the number of births above which a first name that is also a
// word ("Maria", "Grace") is still taken for a name when prose says so.
const bigName = 50_000

// plausible reports whether an entity prose found can be a name: at least
// one of its words must be one that an ordinary text would not use as a
// common word, abbreviation or acronym. lowerWords holds the words the text
// writes in lower case ("pt" makes "Pt" ordinary). A place must also be
// known to the gazetteer or come after a word that introduces places.
func (d *Detector) plausible(text string, f deid.Finding, lowerWords map[string]bool) bool {
	if d.lex == nil {
		return true
	}
	strong := false
	for _, w := range strings.FieldsFunc(f.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		w = strings.Trim(w, "'")
		if d.nameWord(w, lowerWords) {
			strong = true
			break
		}
	}
	if !strong {
		return false
	}
	if f.Kind == deid.Place && len(d.lex.Places(f.Text)) == 0 {
		return afterLocative(text, f.Start)
	}
	return true
}

// nameWord reports whether w can be part of a name.
func (d *Detector) nameWord(w string, lowerWords map[string]bool) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 {
		return false
	}
	lw := strings.ToLower(w)
	if lowerWords[lw] {
		return false
	}
	if w == strings.ToUpper(w) && n <= 4 {
		return false // an acronym: SBP, GI, HCT
	}
	f, m, isFirst := d.lex.FirstName(lw)
	_, isSurname := d.lex.Surname(lw)
	if _, ok := d.lex.AbbrevLevel(lw); ok && !isFirst {
		return false
	}
	if level, ok := d.lex.WordLevel(lw); ok && level <= 60 {
		return isFirst && f+m >= bigName
	}
	if isFirst || isSurname {
		return true
	}
	// A word no list knows ("Okonkwo", "Zanetti") can be a name; a rarer
	// dictionary word ("Heparin" is level 60-80) is not, unless proper.
	if _, ok := d.lex.WordLevel(lw); ok {
		_, proper := d.lex.ProperLevel(w)
		return proper
	}
	return true
}

// afterLocative reports whether the word before off introduces a place.
func afterLocative(text string, off int) bool {
	i := off
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 && (text[j-1] >= 'a' && text[j-1] <= 'z' || text[j-1] >= 'A' && text[j-1] <= 'Z') {
		j--
	}
	switch strings.ToLower(text[j:i]) {
	case "in", "from", "to", "near", "at", "outside", "towards", "toward", "of":
		return true
	}
	return false
}

// lowerCaseWords returns the words of text written entirely in lower case.
func lowerCaseWords(text string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == strings.ToLower(w) {
			m[w] = true
		}
	}
	return m
}
