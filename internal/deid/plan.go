package deid

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// plan sets the Replacement of every finding. The same original (compared
// case-insensitively) gets the same replacement within a text, and, because
// pseudonyms and date shifts are keyed hashes, across texts and builds.
func (e *Engine) plan(doc *Doc, fs []Finding) []Finding {
	p := &planner{e: e, doc: doc, memo: map[string]string{}, used: wordSet(doc.Text), surname: map[string]bool{}}
	// A word written as the last of a full name is a surname wherever it
	// appears alone in the same text ("Marchand" after "Odette Marchand").
	for _, f := range fs {
		if w := strings.Fields(f.Text); f.Kind == Person && len(w) > 1 {
			p.surname[strings.ToLower(strings.TrimRight(w[len(w)-1], ".,"))] = true
		}
	}
	out := make([]Finding, len(fs))
	for i, f := range fs {
		if f.Replacement == "" {
			f.Replacement = p.replacement(f)
		}
		out[i] = f
	}
	return out
}

type planner struct {
	e    *Engine
	doc  *Doc
	memo map[string]string // kind + normalised original -> replacement
	used map[string]bool   // lower-case words of the original text
	// surname holds words known to be surnames in this text.
	surname map[string]bool
}

func (p *planner) replacement(f Finding) string {
	key := string(f.Kind) + "\x00" + normTerm(f.Text)
	if r, ok := p.memo[key]; ok {
		return matchCase(f.Text, r)
	}
	r := p.choose(f)
	p.memo[key] = r
	return matchCase(f.Text, r)
}

func (p *planner) choose(f Finding) string {
	action := p.e.actions[f.Kind]
	switch f.Kind {
	case Person:
		if action == Replace {
			return p.pseudonym(f.Text)
		}
		return "[name]"
	case Date:
		return p.date(f, action)
	case Age:
		if f.Age > 89 && action != Redact {
			return "over 89"
		}
		return "[age]"
	case Contact:
		return label(f.Type, "contact", "phone", "fax", "email", "url", "handle", "ip")
	case ID:
		return label(f.Type, "id", "ssn")
	case Place:
		return label(f.Type, "place", "street", "zip", "address")
	case Organization:
		return "[organization]"
	}
	return "[detail]"
}

// label returns "[t]" when t is one of the allowed neutral labels, else
// "[fallback]": recognizer type names never reach the output unchecked.
func label(t, fallback string, allowed ...string) string {
	for _, a := range allowed {
		if t == a {
			return "[" + t + "]"
		}
	}
	return "[" + fallback + "]"
}

// mac returns a keyed 64-bit hash of the parts.
func (p *planner) mac(parts ...string) uint64 {
	m := hmac.New(sha256.New, p.e.key)
	for _, s := range parts {
		m.Write([]byte(s))
		m.Write([]byte{0})
	}
	return binary.BigEndian.Uint64(m.Sum(nil))
}

// pseudonym maps a person's name to a pseudonym word by word: the first
// word to a first name, later words to surnames, so that "Odette" and
// "Odette Marchand" share a first name. Honorifics are kept; initials are
// replaced by keyed initials. A pseudonym that occurs as a word in the
// original text is skipped, so a pseudonym is never a real name of the post.
func (p *planner) pseudonym(name string) string {
	words := strings.Fields(name)
	titled, nameWords := false, 0
	for _, w := range words {
		core := strings.ToLower(strings.TrimRight(w, ".,"))
		if honorifics[core] {
			titled = true
		} else if len([]rune(core)) > 1 {
			nameWords++
		}
	}
	// A lone word is a first name unless a title goes with it ("Dr. Okafor").
	loneSurname := nameWords == 1 && (titled || p.surname[strings.ToLower(strings.Trim(name, ". ,"))] || p.afterHonorific(name))
	out := make([]string, 0, len(words))
	seen := 0
	for _, w := range words {
		core := strings.TrimRight(w, ".,")
		lw := strings.ToLower(core)
		switch {
		case honorifics[lw]:
			out = append(out, w)
		case len([]rune(core)) <= 1:
			out = append(out, string(rune('A'+p.mac("initial", lw)%26))+w[len(core):])
		default:
			list, tag := surnames, "last"
			if seen == 0 && !loneSurname {
				list, tag = firstNames, "first"
			}
			seen++
			out = append(out, p.pick(list, tag, lw)+w[len(core):])
		}
	}
	return strings.Join(out, " ")
}

// afterHonorific reports whether a single-word name is written after a title
// somewhere in the text ("Dr. Okafor"), in which case it is a surname.
func (p *planner) afterHonorific(name string) bool {
	lower := strings.ToLower(p.doc.Text)
	n := strings.ToLower(name)
	for h := range honorifics {
		if strings.Contains(lower, h+". "+n) || strings.Contains(lower, h+" "+n) {
			return true
		}
	}
	return false
}

func (p *planner) pick(list []string, tag, word string) string {
	for attempt := 0; attempt < 16; attempt++ {
		c := list[p.mac(tag, word, fmt.Sprint(attempt))%uint64(len(list))]
		if !p.used[strings.ToLower(c)] {
			return c
		}
	}
	return list[p.mac(tag, word)%uint64(len(list))]
}

// shiftDays is the site's keyed date offset: between 7 and 120 days, forward
// or back, never zero.
func (p *planner) shiftDays() int {
	d := int(p.mac("date-shift")%114) + 7
	if p.mac("date-shift-sign")%2 == 0 {
		d = -d
	}
	return d
}

// date replaces a date. With replace, a date whose month and day are known
// is shifted by the site's offset, keeping its year; with generalise it
// becomes its month and year; relative dates become "recently".
func (p *planner) date(f Finding, action Action) string {
	v := f.Date
	if action == Redact || v == nil {
		return "[date]"
	}
	if v.Relative {
		return "recently"
	}
	switch {
	case v.Month == 0 && v.Year != 0:
		return fmt.Sprint(v.Year)
	case v.Month == 0:
		return "[date]"
	}
	if action == Generalise || v.Day == 0 {
		if v.Year != 0 {
			return fmt.Sprintf("%s %d", time.Month(v.Month), v.Year)
		}
		return time.Month(v.Month).String()
	}
	year := v.Year
	if year == 0 {
		year = 2001 // any non-leap year; only month and day are printed
	}
	t := time.Date(year, time.Month(v.Month), v.Day, 12, 0, 0, 0, time.UTC).AddDate(0, 0, p.shiftDays())
	if v.Year == 0 {
		return fmt.Sprintf("%s %d", t.Month(), t.Day())
	}
	// The year is kept: only month and day move.
	return fmt.Sprintf("%s %d, %d", t.Month(), t.Day(), v.Year)
}

// matchCase gives r the case pattern of orig: all upper, all lower, or as is.
func matchCase(orig, r string) string {
	hasLetter, allUpper, allLower := false, true, true
	for _, c := range orig {
		if unicode.IsLetter(c) {
			hasLetter = true
			if !unicode.IsUpper(c) {
				allUpper = false
			}
			if !unicode.IsLower(c) {
				allLower = false
			}
		}
	}
	switch {
	case !hasLetter || strings.HasPrefix(r, "["):
		return r
	case allUpper && len([]rune(orig)) > 1:
		return strings.ToUpper(r)
	case allLower:
		return strings.ToLower(r)
	}
	return r
}

func wordSet(text string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		m[strings.ToLower(w)] = true
	}
	return m
}
