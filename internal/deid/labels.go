package deid

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Label is a span of a Doc's text that is a label, such as a post's tag or
// category ("small-towns", "maria-visit"): a few words in slug case, with
// no sentence around them.
type Label struct {
	Start, End int
}

// FirstNameCounter is implemented by a Gazetteer that knows how many people
// were given a first name; the engine uses it to read labels.
type FirstNameCounter interface {
	// FirstNameBirths is the number of people given the lower-case first
	// name, 0 if it is none.
	FirstNameBirths(name string) int
}

// Thresholds of the label rule (see labelName).
const (
	labelBirths    = 1_000  // a first name of some currency
	labelBigName   = 50_000 // a first name frequent enough to outweigh a word
	labelWordLevel = 35     // SCOWL size above the everyday words ("grace" is 20)
)

// labelName reports whether a lower-case word of a label is a name by the
// lexicons alone. Labels are written in lower case whatever they hold, so
// the case of a word there says nothing, and there is no sentence to read
// it in: the rules that read context would take ordinary words for names
// ("marsh", a surname, in a short text) and miss names that are also words
// ("maria"). A word is a name when it is a first name of some currency that
// is no ordinary word ("hayden", "odalys"), or a frequent first name that is
// no everyday word ("maria", SCOWL 35).
func (e *Engine) labelName(w string) bool {
	c, ok := e.gaz.(FirstNameCounter)
	if !ok || utf8.RuneCountInString(w) < 3 {
		return false
	}
	births := c.FirstNameBirths(w)
	if births < labelBirths {
		return false
	}
	level, isWord := e.gaz.WordLevel(w)
	return !isWord || births >= labelBigName && level >= labelWordLevel
}

// labelWords calls f on each run of letters inside the labels of doc.
func labelWords(doc *Doc, f func(start, end int)) {
	for _, l := range doc.Labels {
		start := -1
		for i, r := range doc.Text[l.Start:l.End] {
			if unicode.IsLetter(r) {
				if start < 0 {
					start = l.Start + i
				}
				continue
			}
			if start >= 0 {
				f(start, l.Start+i)
				start = -1
			}
		}
		if start >= 0 {
			f(start, l.End)
		}
	}
}

// labelFindings returns a person finding for each word of doc's labels
// that labelName takes for a name.
func (e *Engine) labelFindings(doc *Doc) []Finding {
	var out []Finding
	labelWords(doc, func(start, end int) {
		w := doc.Text[start:end]
		if e.labelName(strings.ToLower(w)) {
			out = append(out, Finding{Start: start, End: end, Kind: Person, Type: "label", Text: w, Recognizer: "label", Confidence: 0.7})
		}
	})
	return out
}

// inLabels drops the findings inside doc's labels that rest on no evidence
// a label can give: one found by reading context, whose words are neither
// names by labelName nor capitalised words that are no ordinary words. What
// the author listed, what the label rule found, and names found elsewhere
// in the text and propagated stay.
func (e *Engine) inLabels(doc *Doc, fs []Finding) []Finding {
	if len(doc.Labels) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if !e.keepInLabel(doc, f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

func (e *Engine) keepInLabel(doc *Doc, f Finding) bool {
	if f.Kind != Person && f.Kind != Place && f.Kind != Organization {
		return true
	}
	inside := false
	for _, l := range doc.Labels {
		if l.Start <= f.Start && f.End <= l.End {
			inside = true
			break
		}
	}
	if !inside {
		return true
	}
	switch f.Recognizer {
	case "known", "label":
		return true
	case "propagate":
		// A name of the running text, unless the label spells it as
		// two everyday words run together: a capitalised compound in a
		// title or heading ("Using Shortcodes") is read as a name
		// there, and the tag "shortcodes" is not one.
		return !e.compound(strings.ToLower(f.Text))
	}
	for _, w := range strings.FieldsFunc(f.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		lw := strings.ToLower(w)
		// A name by the lexicons; or, written with a capital, a word that
		// is no ordinary one ("Okonkwo"). Capitals in a label may be the
		// title case of ordinary words ("Small Towns") or of a compound
		// of them ("Shortcodes"), which stay.
		if e.labelName(lw) || w != lw && !e.isCommon(lw) && !e.compound(lw) {
			return true
		}
	}
	return false
}

// compoundLevel is the highest SCOWL size of each part of a compound
// word ("short" and "codes" are everyday words).
const compoundLevel = 35

// compound reports whether the lower-case word w is no word and no name
// itself but two everyday words run together ("shortcodes", "bookclub"),
// the second perhaps with a plural "s". Names made of two words
// ("Blackwood") are first names or surnames, which labelName knows.
func (e *Engine) compound(w string) bool {
	if len(w) < 7 || e.labelName(w) {
		return false
	}
	for _, c := range []byte(w) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	if _, ok := e.gaz.WordLevel(w); ok {
		return false
	}
	everyday := func(s string) bool {
		l, ok := e.gaz.WordLevel(s)
		return ok && l <= compoundLevel
	}
	for k := 3; k <= len(w)-3; k++ {
		head, tail := w[:k], w[k:]
		if everyday(head) && (everyday(tail) || len(tail) > 3 && tail[len(tail)-1] == 's' && everyday(tail[:len(tail)-1])) {
			return true
		}
	}
	return false
}
