package ner

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Job titles written with capitals, as rotas and posts do: "our Clinical
// Lead", "my Team Leader", "the Duty Social Worker". Prose may find only
// the last word ("Leader", "Worker"); the title is the run of capitalised
// words that ends with it, and after an article or a possessive it names a
// role. Its head is an occupation the lexicon knows or one of the heads of
// service titles (vocab.RoleHeads).

// roleHead reports whether the lower-case word w can end a job title.
func (d *Detector) roleHead(w string) bool {
	return d.lex.InCategory(lexicon.Occupation, w) || vocab.RoleHeads().Has(w)
}

// titleRun returns the start of the run of capitalised words, on the same
// line, that ends at the finding starting at start (at most three more
// words): "Duty Social Worker" for a finding "Worker".
func titleRun(text string, start int) int {
	s := start
	for n := 0; n < 3; n++ {
		j, i := wordBefore(text, s)
		if j == i || i == s || text[i:s] != " " && strings.TrimLeft(text[i:s], " ") != "" {
			break
		}
		if !(text[j] >= 'A' && text[j] <= 'Z') || vocab.Articles().Has(strings.ToLower(text[j:i])) {
			break
		}
		s = j
	}
	return s
}
