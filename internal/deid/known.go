package deid

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// termPattern compiles terms into one case-insensitive pattern in which any
// run of whitespace between words matches any other run. Longer terms come
// first so that "Mary Ann Smith" wins over "Mary".
func termPattern(terms []string) *regexp.Regexp {
	var alts []string
	seen := map[string]bool{}
	for _, t := range terms {
		words := strings.Fields(t)
		if len(words) == 0 {
			continue
		}
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		alt := strings.Join(words, `\s+`)
		if !seen[strings.ToLower(alt)] {
			seen[strings.ToLower(alt)] = true
			alts = append(alts, alt)
		}
	}
	if len(alts) == 0 {
		return nil
	}
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
	return regexp.MustCompile(`(?i)(?:` + strings.Join(alts, "|") + `)`)
}

// isWordByte reports whether the rune at the given side of a match continues
// a word, in which case the match is part of a longer word and not a term.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// wordMatches returns the spans of re in text that start and end on word
// boundaries.
func wordMatches(re *regexp.Regexp, text string) [][2]int {
	if re == nil {
		return nil
	}
	var out [][2]int
	for _, m := range re.FindAllStringIndex(text, -1) {
		if m[0] == m[1] || !boundaryBefore(text, m[0]) || !boundaryAfter(text, m[1]) {
			continue
		}
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

func boundaryBefore(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWordRune(r)
}

func boundaryAfter(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return !isWordRune(r)
}

// findKnown finds every occurrence of the author's known terms. Matching is
// case- and whitespace-insensitive; a possessive ("Odette's") matches as the
// term followed by 's, which stays outside the finding.
func findKnown(doc *Doc) []Finding {
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
	for _, m := range wordMatches(termPattern(terms), doc.Text) {
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
func dropAllowed(doc *Doc, fs []Finding) []Finding {
	if len(doc.Allow) == 0 || len(fs) == 0 {
		return fs
	}
	allowed := map[string]bool{}
	for _, a := range doc.Allow {
		allowed[normTerm(a)] = true
	}
	spans := wordMatches(termPattern(doc.Allow), doc.Text)
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
