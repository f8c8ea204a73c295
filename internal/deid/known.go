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
		key := normTerm(k.Term)
		if key == "" {
			continue
		}
		if _, dup := byTerm[key]; !dup {
			byTerm[key] = k
			terms = append(terms, k.Term)
		}
	}
	var out []Finding
	for _, m := range newTermSet(terms).find(doc.Text, ws) {
		text := doc.Text[m[0]:m[1]]
		k := byTerm[normTerm(text)]
		kind := k.Kind
		if !kind.Valid() {
			kind = Person
		}
		out = append(out, Finding{
			Start: m[0], End: m[1], Kind: kind, Type: "known", Text: text,
			Replacement: k.Replacement, Recognizer: "known", Confidence: 1,
		})
	}
	return out
}

// normTerm lower-cases a term and collapses its whitespace, the key under
// which known and allowed terms are compared.
func normTerm(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// dropAllowed removes findings that lie wholly inside an occurrence of an
// allowed term, or whose own text is an allowed term.
func dropAllowed(doc *Doc, ws []word, fs []Finding) []Finding {
	if len(doc.Allow) == 0 || len(fs) == 0 {
		return fs
	}
	allowed := map[string]bool{}
	for _, a := range doc.Allow {
		allowed[normTerm(a)] = true
	}
	spans := newTermSet(doc.Allow).find(doc.Text, ws)
	out := fs[:0:0]
	for _, f := range fs {
		if allowed[normTerm(f.Text)] || insideAny(f, spans) {
			continue
		}
		out = append(out, f)
	}
	return out
}

func insideAny(f Finding, spans [][2]int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i][1] >= f.End })
	for ; i < len(spans) && spans[i][0] <= f.Start; i++ {
		if spans[i][0] <= f.Start && f.End <= spans[i][1] {
			return true
		}
	}
	return false
}
