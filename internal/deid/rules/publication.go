package rules

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
)

// Publication finds the names of blogs, newsletters, podcasts and other
// publications where posts and their comments cite them (Kind
// Organization, Type "publication"): a small blog or a practitioner's
// newsletter points to its author.
//
//   - a pingback or trackback line ends with the citing site's name after
//     a bar or a dash: "Pingback: Ten years on | Notes From The Porch";
//   - a kind of publication, then its capitalised name between commas:
//     "my monthly letter, The Kettle Table, goes out on Fridays";
//   - a capitalised name of two words or more before the kind of
//     publication: "the Quiet Lantern podcast".
type Publication struct{}

var _ deid.Detector = Publication{}

// NewPublication returns the publication detector.
func NewPublication() Publication { return Publication{} }

// Name implements deid.Detector.
func (Publication) Name() string { return "rules/publication" }

const pubKinds = `newsletter|letter|blog|podcast|zine|column|substack|journal|magazine|bulletin|vlog|channel`

// pubKindList is pubKinds in lower case, for the scan that finds where
// to look.
var pubKindList = strings.Split(pubKinds, "|")

// pubKindsAt returns where the kinds of pubKindList stand in text as
// whole runs of ASCII letters and digits, written in lower case: each as
// the kind's index and its offset, in the order of the text.
func pubKindsAt(text string) [][2]int {
	var at [][2]int
	for i := 0; i < len(text); {
		if byteClass[text[i]]&(classLetter|classDigit) == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && byteClass[text[j]]&(classLetter|classDigit) != 0 {
			j++
		}
		for _, k := range pubKindByFirst[text[i]] {
			if pubKindList[k] == text[i:j] {
				at = append(at, [2]int{k, i})
			}
		}
		i = j
	}
	return at
}

// pubKindsAtTokens is pubKindsAt, read from the text's tokens unless a run
// of letters and digits may start inside a token (tokenized.inner): a
// kind is lower-case letters, so it stands at a token whose letters are
// the kind and are not followed by a letter or digit.
func pubKindsAtTokens(text string, tk tokenized) [][2]int {
	if tk.inner {
		return pubKindsAt(text)
	}
	var at [][2]int
	for _, t := range tk.toks {
		// Most tokens' first letter and length are no kind's (a token's
		// letters are at most 24 bytes).
		if pubKindLens[text[t.start]]&(1<<(t.wend-t.start)) == 0 || t.wend < len(text) && isASCIIAlnum(text[t.wend]) {
			continue
		}
		for _, k := range pubKindByFirst[text[t.start]] {
			if pubKindList[k] == text[t.start:t.wend] {
				at = append(at, [2]int{k, t.start})
			}
		}
	}
	return at
}

// pubKindsKey keeps pubKindsAtTokens of a document's text with its
// analysis: the rules' shared walk notes them on its way (pass.pubs).
type pubKindsKey struct{}

// docPubKinds returns pubKindsAtTokens of doc's text: as the shared walk
// of the rules noted them when it has run, else from the text's tokens.
func docPubKinds(doc *deid.Doc) [][2]int {
	return deid.AnalysisValue(doc.Analysis(), pubKindsKey{}, func() [][2]int {
		return pubKindsAtTokens(doc.Text, docTokenized(doc))
	})
}

// pubKindByFirst holds the indices in pubKindList of the kinds that
// start with each byte.
var pubKindByFirst = func() (t [256][]int) {
	for k, kind := range pubKindList {
		t[kind[0]] = append(t[kind[0]], k)
	}
	return t
}()

// pubKindLens has the bit 1<<len(kind) set at each kind's first byte:
// most tokens' first byte and length are no kind's.
var pubKindLens = func() (t [256]uint32) {
	for _, kind := range pubKindList {
		t[kind[0]] |= 1 << len(kind)
	}
	return t
}()

// runeStart moves i forward to the start of a UTF-8 character.
func runeStart(text string, i int) int {
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

// pubName is a publication's name: capitalised words, with the small words
// titles keep in lower case between them.
const pubName = `(?:The\s+)?[A-Z][\p{L}'’]*(?:\s+(?:[A-Z][\p{L}'’]*|of|the|and|&|for|in|on|at|from|to|a))*?`

var (
	pingbackRE  = regexp.MustCompile(`(?m)^[ \t]*(?:Pingback|Trackback)\s*:[^\n]*?\s[|–—-]\s+(` + pubName + `)[ \t]*$`)
	pubAfterRE  = regexp.MustCompile(`\b(?i:a|an|my|our|her|his|their)\s+(?:(?i:weekly|monthly|fortnightly|quarterly|daily|little)\s+)?(?i:` + pubKinds + `)\s*,\s+(` + pubName + `)\s*[,.;:)]`)
	pubBeforeRE = regexp.MustCompile(`\b(?i:the|my|our|her|his|their)\s+(` + pubName + `)\s+(?:` + pubKinds + `)\b`)
)

// Detect implements deid.Detector.
func (Publication) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	text := doc.Text
	var out []deid.Finding
	add := func(s, e int, conf float64) {
		name := text[s:e]
		// "The" alone, or a name of one short word, says nothing.
		if strings.TrimPrefix(name, "The ") == "" || len(name) < 4 {
			return
		}
		out = append(out, deid.Finding{Start: s, End: e, Kind: deid.Organization, Type: "publication",
			Text: name, Recognizer: "rules/publication", Confidence: conf})
	}
	// The pattern cannot match without one of its two words, written so.
	if strings.Contains(text, "Pingback") || strings.Contains(text, "Trackback") {
		for _, m := range pingbackRE.FindAllStringSubmatchIndex(text, -1) {
			add(m[2], m[3], 0.8)
		}
	}
	for _, k := range reblogNames(text) {
		add(k[0], k[1], 0.8) // "Reblogged this on ... and commented:" (reblog.go)
	}
	for _, k := range partOfNames(text) {
		add(k[0], k[1], 0.7) // "the latest episode of ..." (pubepisode.go)
	}
	// The two patterns around a kind of publication run only on windows
	// around the kinds the text holds: over a whole post they would cost
	// more than every other rule.
	seen := map[[2]int]bool{}
	at := docPubKinds(doc)
	for k, kind := range pubKindList {
		for _, a := range at {
			if a[0] != k {
				continue
			}
			p := a[1]
			off := p + len(kind)
			lo, hi := runeStart(text, max(0, p-120)), min(len(text), off+160)
			for _, m := range pubAfterRE.FindAllStringSubmatchIndex(text[lo:hi], -1) {
				if k := [2]int{lo + m[2], lo + m[3]}; !seen[k] {
					seen[k] = true
					add(k[0], k[1], 0.7)
				}
			}
			for _, m := range pubBeforeRE.FindAllStringSubmatchIndex(text[lo:min(hi, off+1)], -1) {
				// Before the kind, two words at least: "the Chronicle
				// column" is a newspaper's, read by millions.
				k := [2]int{lo + m[2], lo + m[3]}
				if seen[k] || len(strings.Fields(strings.TrimPrefix(text[k[0]:k[1]], "The "))) < 2 {
					continue
				}
				seen[k] = true
				add(k[0], k[1], 0.6)
			}
		}
	}
	slices.SortFunc(out, func(a, b deid.Finding) int { return a.Start - b.Start })
	return out, nil
}
