package rules

import (
	"context"
	"regexp"
	"strings"

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
	if strings.Contains(text, "back") {
		for _, m := range pingbackRE.FindAllStringSubmatchIndex(text, -1) {
			add(m[2], m[3], 0.8)
		}
	}
	for _, m := range pubAfterRE.FindAllStringSubmatchIndex(text, -1) {
		add(m[2], m[3], 0.7)
	}
	for _, m := range pubBeforeRE.FindAllStringSubmatchIndex(text, -1) {
		// Before the kind, two words at least: "the Chronicle column" is a
		// newspaper's, read by millions.
		if len(strings.Fields(strings.TrimPrefix(text[m[2]:m[3]], "The "))) >= 2 {
			add(m[2], m[3], 0.6)
		}
	}
	return out, nil
}
