package deid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// propagate finds, once a name has been found anywhere in a text, every
// other occurrence of it and of each of its words, in any case: "Odette",
// "odette", "ODETTE's". Lower-case occurrences of a name that is also an
// ordinary word ("will", "grace") are left alone.
func (e *Engine) propagate(text string, ws []word, fs []Finding) []Finding {
	words := map[string]Finding{}
	var terms [][]string
	// A name found again (same text, and a person or not, which decides its
	// words) adds nothing: each of its words is in words already.
	type name struct {
		text   string
		person bool
	}
	done := map[name]bool{}
	for _, f := range fs {
		if f.Kind != Person && f.Kind != Place && f.Kind != Organization {
			continue
		}
		if n := (name{f.Text, f.Kind == Person}); done[n] {
			continue
		} else {
			done[n] = true
		}
		for _, w := range nameWords(f.Text, f.Kind) {
			keys := termKeys(w)
			key := strings.Join(keys, " ") // termID(w)
			if _, ok := words[key]; ok {
				continue
			}
			words[key] = f
			terms = append(terms, keys)
		}
	}
	if len(terms) == 0 {
		return fs
	}
	out := fs
	for _, m := range newTermSetOfKeys(terms).find(text, ws) {
		occ := text[m.start:m.end]
		src, ok := words[m.id]
		if !ok {
			continue
		}
		if isLower(occ) && e.isCommon(strings.ToLower(occ)) {
			continue
		}
		out = append(out, Finding{
			Start: m.start, End: m.end, Kind: src.Kind, Type: src.Type, Text: occ,
			Recognizer: "propagate", Confidence: src.Confidence * 0.9,
		})
	}
	return e.propagateGlued(text, ws, words, out)
}

// propagateGlued finds a one-word name run into a number for want of a
// space, as hurried notes write a ward and its floor ("QUARTERMAIN3" once
// "Kettleworth" is found): the letters of the word are the name.
func (e *Engine) propagateGlued(text string, ws []word, words map[string]Finding, out []Finding) []Finding {
	for _, w := range ws {
		k := w.key
		if len(k) < 5 || !isASCIIDigit(k[len(k)-1]) {
			continue
		}
		cut := len(k)
		for cut > 0 && isASCIIDigit(k[cut-1]) {
			cut--
		}
		if len(k)-cut > 2 || cut < 4 || strings.ContainsAny(k[:cut], " -'’._0123456789") {
			continue
		}
		src, ok := words[k[:cut]]
		if !ok {
			continue
		}
		occ := text[w.start : int(w.start)+cut]
		if isLower(occ) && e.isCommon(k[:cut]) {
			continue
		}
		out = append(out, Finding{
			Start: int(w.start), End: int(w.start) + cut, Kind: src.Kind, Type: src.Type, Text: occ,
			Recognizer: "propagate", Confidence: src.Confidence * 0.9,
		})
	}
	return out
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// nameWords returns the words of a name worth looking for elsewhere: the
// whole name, and for people each word of two or more letters that is not an
// honorific. Places and organisations propagate only as a whole, since their
// words ("County", "Hospital") are ordinary.
func nameWords(name string, k Kind) []string {
	name = strings.Join(strings.Fields(name), " ")
	if utf8.RuneCountInString(name) < 2 {
		return nil
	}
	out := []string{name}
	if k != Person {
		return out
	}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '-'
	}) {
		w = strings.Trim(w, "'-")
		if utf8.RuneCountInString(w) < 2 || vocab.Honorifics().Has(strings.ToLower(w)) || vocab.FamiliarTitles().Has(strings.ToLower(w)) || w == name {
			continue
		}
		out = append(out, w)
	}
	return out
}

func isLower(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
