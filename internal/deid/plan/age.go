package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// ageOp bands an age: "a 34-year-old" -> "a mid-30s", "aged 58" -> "in her
// late 50s", and any age over 89 -> "over 89", as Safe Harbor asks.
type ageOp struct{}

func (op ageOp) replace(d *document, f deid.Finding, action deid.Action) string {
	return d.keepFullStop(f, op.phrase(d, f, action)) // "he is 14 y.o." ends its sentence
}

// phrase is the replacement of an age finding.
func (ageOp) phrase(d *document, f deid.Finding, action deid.Action) string {
	n := f.Age
	if n == 0 {
		if m := digitsRE.FindString(f.Text); m != "" {
			n, _ = strconv.Atoi(m)
		}
	}
	if n == 0 {
		return "[age]"
	}
	if action == deid.Redact {
		return "[age]"
	}
	lower := strings.ToLower(f.Text)
	if f.Type == deid.TypeOrdinal {
		// "her 43rd birthday" -> "her 40-something birthday", "his
		// 100th" -> "his 90th-or-later".
		switch {
		case n > 89:
			return "90th-or-later"
		case n < 13:
			return "childhood"
		case n < 20:
			return "teenage"
		}
		return fmt.Sprintf("%d-something", n/10*10)
	}
	if strings.HasPrefix(lower, "at the age of") || strings.HasPrefix(lower, "the age of") {
		if n > 89 {
			return "aged over 89"
		}
		return agePhrase(n, d.pronoun(f.Start))
	}
	if f.Type == deid.TypeAtAge {
		// "At 94, she ..." -> "Aged over 89, she ...", "At 8, he" -> "As
		// a child, he".
		var out string
		switch {
		case n > 89:
			out = "aged over 89"
		case n < 13:
			out = "as a child"
		case n < 20:
			out = "as a teenager"
		default:
			out = "aged " + bareBand(n)
		}
		if f.Text[0] == 'A' {
			out = "A" + out[1:]
		}
		return out
	}
	if f.Type == deid.TypeAgeRange && n > 89 {
		return "over 89"
	}
	if bandRE.MatchString(lower) {
		return f.Text // already a band: "in her 40s", "80s", "mid-forties"
	}
	adjectival := false
	for _, w := range []string{"year-old", "years-old", "yr-old", "yo", "y/o", "y.o.", "y.o"} {
		if strings.HasSuffix(lower, w) {
			adjectival = true
		}
	}
	if rest := d.doc.Text[f.End:]; adjectival && leadingArticle(lower, "a") == "" && (!nounAfter(rest) || strings.HasSuffix(lower, ".") && sentenceEnds(rest)) {
		adjectival = false // "i'm 23 y/o." says "i'm in my early 20s"
	}
	// Written apart, a singular "year old" before a noun is the same adjective: "the
	// 8 year old boy", "a 45 yr old man" ("8 years old" is said of someone).
	if !adjectival && (strings.HasSuffix(lower, " year old") || strings.HasSuffix(lower, " yr old")) && nounAfter(d.doc.Text[f.End:]) {
		adjectival = true
	}
	if n > 89 {
		if adjectival {
			return leadingArticle(lower, "an") + "over-89-year-old"
		}
		return "over 89"
	}
	band := ageBand(n)
	if adjectival {
		return leadingArticle(lower, article(band)) + band
	}
	switch ageContext(d.doc.Text[:f.Start]) {
	case "turn":
		if n >= 20 {
			return fmt.Sprintf("%d-something", n/10*10) // "turned 40-something"
		}
		return bareBand(n)
	case "bare":
		return bareBand(n) // "aged mid-40s", "Marisol, early 30s, came in"
	}
	if f.Type == deid.TypeApposition {
		return bareBand(n)
	}
	return agePhrase(n, d.pronoun(f.Start)) // "she was in her mid-40s"
}

// nounAfter reports whether a word follows on the same line ("58 yo male").
func nounAfter(rest string) bool {
	return vocab.LeadingWord(strings.TrimLeft(rest, " \t")) != ""
}

// ageContext classifies the words just before an age's number: "turn"
// after a verb of reaching an age ("turned 45"), "bare" where a pronoun
// phrase would not read ("aged 45", "age: 45", "at 45", "by 45"), "" for
// the rest ("she was 45").
func ageContext(before string) string {
	t := strings.TrimRight(before, " \t:=(")
	// Only the last word counts, and no word that counts is longer than
	// ageWordMax letters: reading further back would make each age cost
	// as much as the text before it.
	i := len(t)
	for n := 0; i > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(t[:i])
		if !unicode.IsLetter(r) {
			break
		}
		if n == ageWordMax {
			return ""
		}
		i -= size
	}
	switch w := strings.ToLower(t[i:]); {
	case vocab.AgeTurnCues().Has(w):
		return "turn"
	case vocab.AgeBareCues().Has(w):
		return "bare"
	}
	return ""
}

// ageWordMax is the length in letters of the longest word ageContext knows.
// It is computed once and only read.
var ageWordMax = func() int {
	n := 0
	for _, s := range []vocab.Set{vocab.AgeTurnCues(), vocab.AgeBareCues()} {
		for w := range s.All() {
			n = max(n, utf8.RuneCountInString(w))
		}
	}
	return n
}()

// bareBand words a band without a pronoun: "mid-40s", "early 30s", "under
// 5", "school age", "teenage".
func bareBand(n int) string {
	switch {
	case n < 5:
		return "under 5"
	case n < 13:
		return "school age"
	case n < 20:
		return "teenage"
	}
	// ageBand(n) with "early-" and "late-" written "early " and "late "
	// (the hyphen of "mid-" kept), made without a strings.Replacer.
	decade := strconv.Itoa(n / 10 * 10)
	switch d := n % 10; {
	case d <= 3:
		return "early " + decade + "s"
	case d <= 6:
		return "mid-" + decade + "s"
	}
	return "late " + decade + "s"
}

var digitsRE = regexp.MustCompile(`\d+`)

// bandRE matches a text that is only an age band, which the planner keeps as
// written: "in her 40s", "80s", "mid-40's", "in their late forties".
var bandRE = regexp.MustCompile(`^(?:in\s+(?:her|his|their|my|our|your|the)\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\d0'?s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|teens)$`)

// leadingArticle returns art+" " when the finding starts with an article.
func leadingArticle(lower, art string) string {
	if strings.HasPrefix(lower, "a ") || strings.HasPrefix(lower, "an ") {
		return art + " "
	}
	return ""
}

// ageBand is "early-30s", "mid-30s" or "late-30s" from 20 on; children
// and teenagers get wider bands, which ageBandPhrase words for each use.
func ageBand(n int) string {
	switch {
	case n < 5:
		return "under-5"
	case n < 13:
		return "school-age"
	case n < 20:
		return "teenage"
	}
	decade := n / 10 * 10
	switch d := n % 10; {
	case d <= 3:
		return fmt.Sprintf("early-%ds", decade)
	case d <= 6:
		return fmt.Sprintf("mid-%ds", decade)
	}
	return fmt.Sprintf("late-%ds", decade)
}

// agePhrase words a band for use after a verb or "aged": "in her mid-30s",
// "under 5", "between 5 and 12", "in his teens".
func agePhrase(n int, pronoun string) string {
	switch {
	case n < 5:
		return "under 5"
	case n < 13:
		return "between 5 and 12"
	case n < 20:
		return "in " + pronoun + " teens"
	}
	return "in " + pronoun + " " + bareBand(n)
}

// pronoun guesses "her", "his" or "their" from the words just before off.
func (d *document) pronoun(off int) string {
	from := max(0, off-80)
	for from < off && !utf8.RuneStart(d.doc.Text[from]) {
		from++
	}
	words := strings.FieldsFunc(strings.ToLower(d.doc.Text[from:off]), func(r rune) bool { return !unicode.IsLetter(r) })
	for i := len(words) - 1; i >= 0; i-- {
		switch w := words[i]; {
		case vocab.HerCues().Has(w):
			return "her"
		case vocab.HisCues().Has(w):
			return "his"
		case vocab.MyCues().Has(w):
			return "my" // "I was 14", "I'm 34"; not "my patient, who is 45"
		}
	}
	return "their"
}
