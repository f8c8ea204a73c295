package deid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// dropEponyms removes name findings that are part of an eponymous term: a
// pseudonym there turns "Erdheim–Chester disease" into nonsense and names
// nobody; and those of an author a post cites (see citedAuthor) or of a
// work it cites (see citedWork). Whether a rare disease points to someone is the risk gate's
// question. A person is never dropped: a name after a title ("Mr Okafor's
// score"), a name found elsewhere in the text outside such a term, and a
// possessive that is not a well-known eponym ("Aroha's disease", "Jenny's
// fracture") stay findings. fs is filtered in place.
func (e *Engine) dropEponyms(text string, fs []Finding) []Finding {
	in := make([]bool, len(fs))
	person := map[string]bool{}
	var seen map[string]bool // the texts of the persons put in person
	var versed map[string]bool
	for _, f := range fs {
		if nameLike(f.Kind) && f.Replacement == "" && bookReference(text, f) {
			if versed == nil {
				versed = map[string]bool{}
			}
			versed[termID(f.Text)] = true
		}
	}
	for i, f := range fs {
		if nameLike(f.Kind) && f.Replacement == "" {
			in[i] = e.inEponym(text, f) || (f.Kind == Person || f.Kind == Place) && citedAuthor(text, f) || citedWork(text, f, versed)
		}
		if !in[i] && f.Kind == Person && !seen[f.Text] {
			// A name found again has the same termID: it is made once.
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[f.Text] = true
			person[termID(f.Text)] = true
		}
	}
	// The findings kept are moved down in fs's array (each is read before
	// any is written over it): the engine's callers own fs and read only
	// what is returned.
	out := fs[:0] // nil when fs is
	for i, f := range fs {
		if in[i] && !person[termID(f.Text)] && !afterTitle(text, f.Start) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// afterTitle reports whether an honorific ends just before off ("Mr ",
// "Dr. ").
func afterTitle(text string, off int) bool {
	b := strings.TrimRight(text[:off], " ")
	b = strings.TrimSuffix(b, ".")
	i := strings.LastIndexFunc(b, func(r rune) bool { return !unicode.IsLetter(r) })
	return vocab.Honorifics().Has(strings.ToLower(b[i+1:]))
}

// inEponym reports whether an eponym's head noun ends finding f or follows
// it, maybe after a possessive and up to two more capitalised words joined
// by spaces or dashes.
func (e *Engine) inEponym(text string, f Finding) bool {
	// "Glasgow Coma Scale" found whole.
	if words := strings.Fields(f.Text); len(words) > 1 && e.isHead(f, words[len(words)-1], len(words) > 2) {
		return true
	}
	i := f.End
	poss := false
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if strings.HasPrefix(text[i:], p) {
			i, poss = i+len(p), true
			break
		}
	}
	if poss {
		words := termKeys(f.Text)
		if len(words) == 0 || !vocab.KnownEponyms().Has(words[len(words)-1]) {
			return false
		}
	}
	for hops := 0; hops < 3; hops++ {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != ' ' && r != '-' && r != '–' && r != '—' {
			return false
		}
		i += n
		w := vocab.LeadingWord(text[i:])
		j := i + len(w)
		if w == "" {
			return false
		}
		if r == ' ' && e.isHead(f, w, hops > 0) {
			return true
		}
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) || poss || vocab.InstitutionWords().Has(strings.ToLower(w)) {
			return false // "the Mayo Clinic scale" names the clinic
		}
		i = j
	}
	return false
}

// isHead reports whether w is an eponym's head noun for finding f; named
// says a capitalised word stands between them ("Glasgow Coma Scale").
func (e *Engine) isHead(f Finding, w string, named bool) bool {
	lw := strings.ToLower(w)
	return vocab.EponymHeads().Has(lw) || vocab.PersonEponymHeads().Has(lw) && (named || f.Kind == Person)
}

// EponymCondition reports whether word, in any case, is a condition named
// after a person and written as one word with an s ("alzheimers",
// "crohns"), as tags and slugs write them.
func EponymCondition(word string) bool {
	stem, ok := strings.CutSuffix(strings.ToLower(word), "s")
	return ok && vocab.KnownEponyms().Has(stem)
}
