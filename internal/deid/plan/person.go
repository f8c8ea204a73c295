package plan

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// personOp replaces a person's name by a keyed pseudonym (see pseudonym)
// or, with generalise or redact, by "[name]".
type personOp struct{}

func (personOp) replace(d *document, f deid.Finding, action deid.Action) string {
	if action == deid.Replace {
		return d.pseudonym(f.Text)
	}
	return "[name]"
}

// pseudonym maps a person's name to a pseudonym word by word: the first
// word to a first name of the same sex, later words to surnames, so that
// "Odette" and "Odette Marchand" share a first name. Honorifics are kept;
// initials are replaced by keyed initials. A pseudonym that occurs as a word
// in the original text is skipped, so a pseudonym is never a real name of
// the post.
func (d *document) pseudonym(name string) string {
	// "Dr.Vorn": a title glued to the name by its full stop stays so.
	if i := strings.IndexByte(name, '.'); i > 0 && i+1 < len(name) && vocab.Honorifics().Has(strings.ToLower(name[:i])) && unicode.IsLetter(rune(name[i+1])) {
		return name[:i+1] + d.pseudonym(name[i+1:])
	}
	words := strings.Fields(name)
	titled, nameWords := false, 0
	for _, w := range words {
		core := strings.ToLower(strings.TrimRight(w, ".,"))
		if vocab.Honorifics().Has(core) {
			titled = true
		} else if utf8.RuneCountInString(core) > 1 && !(vocab.FamiliarTitles().Has(core) && nameWords == 0) {
			nameWords++
		}
	}
	// A lone word is a first name unless a title goes with it ("Dr. Okafor").
	loneSurname := nameWords == 1 && (titled || d.surname[strings.ToLower(strings.Trim(name, ". ,"))] || d.afterHonorific(name))
	out := make([]string, 0, len(words))
	seen := 0
	for _, w := range words {
		core := strings.TrimRight(w, ".,")
		lw := strings.ToLower(core)
		switch {
		case vocab.Honorifics().Has(lw), vocab.FamiliarTitles().Has(lw) && seen == 0:
			out = append(out, w)
		case utf8.RuneCountInString(core) <= 1:
			out = append(out, string(rune('A'+d.mac("initial", lw)%26))+w[len(core):])
		default:
			var pick string
			if seen == 0 && !loneSurname {
				pick = d.firstName(lw)
			} else {
				pick = d.pick(surnames, "last", lw)
			}
			seen++
			out = append(out, pick+w[len(core):])
		}
	}
	return strings.Join(out, " ")
}

// firstName picks a pseudonymous first name of the sex the lexicon gives.
func (d *document) firstName(lw string) string {
	switch d.s.Gazetteer.Sex(lw) {
	case deid.Female:
		return d.pick(femaleNames, "first", lw)
	case deid.Male:
		return d.pick(maleNames, "first", lw)
	}
	return d.pick(unisexNames, "first", lw)
}

// afterHonorific reports whether a single-word name is written after a title
// somewhere in the text ("Dr. Okafor"), in which case it is a surname.
func (d *document) afterHonorific(name string) bool {
	if d.titled == nil {
		d.lower = strings.ToLower(d.doc.Text)
		d.titled = titledPositions(d.lower)
	}
	lower, n := d.lower, strings.ToLower(name)
	key := n[:min(len(n), titledKey)]
	i := sort.Search(len(d.titled), func(i int) bool { return titledAt(lower, d.titled[i]) >= key })
	for ; i < len(d.titled) && strings.HasPrefix(titledAt(lower, d.titled[i]), key); i++ {
		if strings.HasPrefix(lower[d.titled[i]:], n) {
			return true
		}
	}
	return false
}

// titledKey is how many bytes after a title titledPositions sorts by.
const titledKey = 64

// titledPositions returns every offset of lower that follows a title and
// its separator ("dr. ", "dr ", "dr."), sorted by the text from there, so
// that afterHonorific finds whether a name follows a title by binary search
// rather than by searching the whole text once for each name. It reads the
// text once: at each space or full stop it asks whether a title ends just
// before (or just before a full stop and the space).
func titledPositions(lower string) []int {
	var byLast [256][]string // the titles by their last byte
	for _, h := range vocab.Honorifics().Words() {
		if h != "" {
			byLast[h[len(h)-1]] = append(byLast[h[len(h)-1]], h)
		}
	}
	titleEndsAt := func(end int) int { // how many titles end at end
		if end == 0 {
			return 0
		}
		n := 0
		for _, h := range byLast[lower[end-1]] {
			if len(h) <= end && lower[end-len(h):end] == h {
				n++
			}
		}
		return n
	}
	qs := []int{}
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		if c != ' ' && c != '.' {
			continue
		}
		n := titleEndsAt(i) // "dr " and "dr."
		if c == ' ' && i > 0 && lower[i-1] == '.' {
			n += titleEndsAt(i - 1) // "dr. "
		}
		for ; n > 0; n-- {
			qs = append(qs, i+1)
		}
	}
	sort.Slice(qs, func(i, j int) bool { return titledAt(lower, qs[i]) < titledAt(lower, qs[j]) })
	return qs
}

func titledAt(lower string, q int) string { return lower[q:min(len(lower), q+titledKey)] }
