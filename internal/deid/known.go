package deid

import (
	"sort"
	"strings"
)

// findKnown finds every occurrence of the author's known terms. Matching is
// case- and whitespace-insensitive; a possessive ("Odette's") matches as the
// term followed by 's, which stays outside the finding.
func findKnown(doc *Doc, ws []word) []Finding {
	if len(doc.Known) == 0 {
		return nil
	}
	byTerm := map[string]KnownTerm{}
	terms := make([]string, 0, len(doc.Known))
	for _, k := range doc.Known {
		key := termID(k.Term)
		if key == "" {
			continue
		}
		if _, dup := byTerm[key]; !dup {
			byTerm[key] = k
			terms = append(terms, k.Term)
		}
	}
	set := newTermSet(terms)
	var out []Finding
	for _, m := range knownMatches(set, doc.Text, ws) {
		text := doc.Text[m.start:m.end]
		k := byTerm[m.id]
		kind := k.Kind
		if !kind.Valid() {
			kind = Person
		}
		out = append(out, Finding{
			Start: m.start, End: m.end, Kind: kind, Type: "known", Text: text,
			Replacement: k.Replacement, Recognizer: "known", Confidence: 1,
		})
	}
	return out
}

// dropAllowed removes findings that lie wholly inside an occurrence of an
// allowed term, of a public term (vocab.PublicTerms) or of a professional code
// (professionalCodes), or whose own text is an allowed term.
func dropAllowed(doc *Doc, ws []word, fs []Finding) []Finding {
	if len(fs) == 0 {
		return fs
	}
	allowed := map[string]bool{}
	for _, a := range doc.Allow {
		allowed[termID(a)] = true
	}
	spans := newTermSet(doc.Allow).find(doc.Text, ws)
	public := publicTermSet().find(doc.Text, ws)
	codes := professionalCodes(doc.Text)
	bodies := publicBodySpans(doc.Text, ws)
	var isBody map[string]bool // publicBody of each name's text, asked once
	return deleteFunc(fs, func(f Finding) bool {
		if len(allowed) > 0 && allowed[termID(f.Text)] || insideAny(f, spans) || insideAny(f, public) || insideAny(f, codes) {
			return true
		}
		if !nameLike(f.Kind) {
			return false
		}
		if insideAny(f, bodies) {
			return true
		}
		b, ok := isBody[f.Text]
		if !ok {
			if isBody == nil {
				isBody = map[string]bool{}
			}
			b = publicBody(f.Text)
			isBody[f.Text] = b
		}
		return b
	})
}

func insideAny(f Finding, spans []termMatch) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].end >= f.End })
	for ; i < len(spans) && spans[i].start <= f.Start; i++ {
		if f.End <= spans[i].end {
			return true
		}
	}
	return false
}

// knownMatches finds the terms of set in text, whose words are ws, and
// also inside words joined by hyphens or underscores, as file, folder,
// tag and anchor names are written ("first-last", "last_first"): those
// are read a second time with the joins as spaces, which keeps every
// offset, and a match there counts where it overlaps no match of the
// first reading.
func knownMatches(set *termSet, text string, ws []word) []termMatch {
	ms := set.find(text, ws)
	joined := false
	for _, w := range ws {
		if strings.ContainsAny(text[w.start:w.end], "-_") {
			joined = true
			break
		}
	}
	if !joined {
		return ms
	}
	spaced := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return ' '
		}
		return r
	}, text)
	more := set.find(spaced, splitWords(spaced))
	if len(more) == 0 {
		return ms
	}
	out := make([]termMatch, 0, len(ms)+len(more))
	i := 0
	for _, m := range more {
		for i < len(ms) && ms[i].end <= m.start {
			out = append(out, ms[i])
			i++
		}
		if i < len(ms) && ms[i].start < m.end {
			continue // the first reading found a term here
		}
		out = append(out, m)
	}
	return append(out, ms[i:]...)
}
