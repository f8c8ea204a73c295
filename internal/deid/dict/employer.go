package dict

import (
	"context"
	"regexp"
	"strings"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Employers finds the employers, agencies and charities a post names by
// context: small local bodies are often called by ordinary words ("Second
// Chances", "Open Door", "Steady Ground"), which no name list flags, and
// they point to the writer and to the people they serve. The contexts:
//
//   - a verb or a noun of working (vocab.EmployerCues) and "for", "at",
//     "with" or "by": "I work for Second Chances", "six years at Open
//     Door", "everyone at New Leaf Counselling";
//   - a verb of joining or leaving (vocab.EmployerMoves): "I joined Bridges
//     Family Support";
//   - a kind of body in apposition (vocab.OrgKindNouns): "our agency,
//     Steady Ground, runs", "Second Chances, a small charity".
//
// The name is a run of words in title case; a known place, a date word or
// a person's first name is left to the other recognizers ("work with
// Ilse", "left Tulsa", "left Monday"). Clinical notes are not read: their
// staff write "PT worked with Pt".
type Employers struct{ lex *lexicon.Lexicon }

var _ deid.Detector = (*Employers)(nil)

// Name implements deid.Detector.
func (*Employers) Name() string { return "dict/employer" }

// employerName is a name in title case: capitalised words with the small
// words names keep in lower case between them.
const employerName = `((?:The\s+)?[A-Z][a-z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|the|and|&|for))*)`

// The patterns' bodies; a match of the first three starts at a word
// boundary (\b), which the start tests below check.
const (
	employerCueBody  = `([A-Za-z]+)[ \t]+(for|at|with|by)[ \t]+` + employerName
	employerMoveBody = `([A-Za-z]+)[ \t]+` + employerName
	orgKindAfterBody = `([A-Za-z-]+),[ \t]+` + employerName + `,`
	orgKindNextBody  = employerName + `,[ \t]+(?:a|an|the|our|my)[ \t]+(?:[a-z-]+[ \t]+){0,2}([a-z-]+)\b`
)

// Each pattern anchored and tried only where it can start (see startsAt):
// run unanchored over the whole text, their machines stepped through every
// byte, which made this detector a fifth of a whole build.
var (
	employerCue  = startsAt{regexp.MustCompile(`^(?:` + employerCueBody + `)`), cueStart}
	employerMove = startsAt{regexp.MustCompile(`^(?:` + employerMoveBody + `)`), moveStart}
	orgKindAfter = startsAt{regexp.MustCompile(`^(?:` + orgKindAfterBody + `)`), kindAfterStart}
	orgKindNext  = startsAt{regexp.MustCompile(`^(?:` + orgKindNextBody + `)`), nameStart}
)

// startsAt is an anchored pattern and a test of the places where a match of
// it can start. Trying it at those places from left to right, each after the
// end of the last match, finds what the unanchored pattern's
// FindAllStringSubmatchIndex finds: the leftmost match first, then the
// leftmost from its end on.
type startsAt struct {
	re  *regexp.Regexp
	can func(text string, p int) bool
}

// findAll calls yield with each match's submatch offsets in text.
func (a startsAt) findAll(text string, yield func(m []int)) {
	end := 0
	for p := 0; p < len(text); p++ {
		if p < end || !a.can(text, p) {
			continue
		}
		m := a.re.FindStringSubmatchIndex(text[p:])
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += p
			}
		}
		yield(m)
		end = max(m[1], p+1)
	}
}

func isASCIIWord(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// wordBoundary is the pattern's \b before text[p]: an ASCII word character
// on one side and not on the other (a byte of a longer UTF-8 character is
// not one).
func wordBoundary(text string, p int) bool {
	before := p > 0 && isASCIIWord(text[p-1])
	return before != isASCIIWord(text[p])
}

// afterBlanks returns the index after the spaces and tabs from q, and
// whether there was at least one.
func afterBlanks(text string, q int) (int, bool) {
	r := q
	for r < len(text) && (text[r] == ' ' || text[r] == '\t') {
		r++
	}
	return r, r > q
}

func isUpperAt(text string, q int) bool { return q < len(text) && text[q] >= 'A' && text[q] <= 'Z' }

// letterRun returns the end of the run of ASCII letters (and hyphens, when
// hyphen) from p.
func letterRun(text string, p int, hyphen bool) int {
	for p < len(text) && (isASCIILetter(text[p]) || hyphen && text[p] == '-') {
		p++
	}
	return p
}

// cueStart: a word, blanks, "for", "at", "with" or "by", blanks, a capital.
func cueStart(text string, p int) bool {
	if !isASCIILetter(text[p]) || !wordBoundary(text, p) {
		return false
	}
	q, ok := afterBlanks(text, letterRun(text, p, false))
	if !ok {
		return false
	}
	for _, w := range [...]string{"for", "at", "with", "by"} {
		if strings.HasPrefix(text[q:], w) {
			if r, ok := afterBlanks(text, q+len(w)); ok && isUpperAt(text, r) {
				return true
			}
		}
	}
	return false
}

// moveStart: a word, blanks, a capital.
func moveStart(text string, p int) bool {
	if !isASCIILetter(text[p]) || !wordBoundary(text, p) {
		return false
	}
	q, ok := afterBlanks(text, letterRun(text, p, false))
	return ok && isUpperAt(text, q)
}

// kindAfterStart: a word (hyphens allowed), a comma, blanks, a capital.
func kindAfterStart(text string, p int) bool {
	if !(isASCIILetter(text[p]) || text[p] == '-') || !wordBoundary(text, p) {
		return false
	}
	q := letterRun(text, p, true)
	if q >= len(text) || text[q] != ',' {
		return false
	}
	r, ok := afterBlanks(text, q+1)
	return ok && isUpperAt(text, r)
}

// nameStart: a capital and a small letter, where employerName starts.
func nameStart(text string, p int) bool {
	return isUpperAt(text, p) && p+1 < len(text) && text[p+1] >= 'a' && text[p+1] <= 'z'
}

// Detect implements deid.Detector.
func (d *Employers) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	text := doc.Text
	if ClinicalNote(doc) {
		return nil, nil // a note's "PT worked with Pt": employers are named in prose
	}
	var out []deid.Finding
	add := func(s, e int, single bool) {
		s, e = trimName(text, s, e)
		if s >= e || !d.plausible(text[s:e], single) {
			return
		}
		out = append(out, deid.Finding{Start: s, End: e, Kind: deid.Organization, Type: deid.TypeEmployer,
			Text: text[s:e], Recognizer: d.Name(), Confidence: 0.7})
	}
	employerCue.findAll(text, func(m []int) {
		if vocab.EmployerCues().Has(strings.ToLower(text[m[2]:m[3]])) {
			add(m[6], m[7], strings.ToLower(text[m[4]:m[5]]) == "with")
		}
	})
	employerMove.findAll(text, func(m []int) {
		if vocab.EmployerMoves().Has(strings.ToLower(text[m[2]:m[3]])) {
			add(m[4], m[5], true)
		}
	})
	orgKindAfter.findAll(text, func(m []int) {
		if vocab.OrgKindNouns().Has(strings.ToLower(text[m[2]:m[3]])) {
			add(m[4], m[5], false)
		}
	})
	orgKindNext.findAll(text, func(m []int) {
		if vocab.OrgKindNouns().Has(strings.ToLower(text[m[4]:m[5]])) {
			add(m[2], m[3], false)
		}
	})
	return out, nil
}

// trimName drops the small words a name may not end with, and a final
// possessive, from [s, e).
func trimName(text string, s, e int) (int, int) {
	for _, p := range []string{"'s", "’s"} {
		if strings.HasSuffix(text[s:e], p) {
			e -= len(p)
		}
	}
	for {
		i := strings.LastIndexAny(text[s:e], " \t")
		if i < 0 || text[s+i+1] >= 'A' && text[s+i+1] <= 'Z' {
			break
		}
		e = s + i
	}
	return s, e
}

// plausible reports whether name can be an employer's: not a pronoun or a
// determiner, no date word in it, not a known place, not opened by a first
// name; a lone word is no everyday word, and, when single says it follows
// "with" or a verb of leaving, where a person's name goes, no surname.
func (d *Employers) plausible(name string, single bool) bool {
	words := strings.Fields(name)
	first := strings.ToLower(words[0])
	if vocab.Articles().Has(first) || vocab.SubjectPronouns().Has(first) || vocab.Weekdays().Has(first) ||
		vocab.MonthWords().Has(first) || first == "i" || first == "it" || first == "this" || first == "that" {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if vocab.Weekdays().Has(lw) || vocab.MonthWords().Has(lw) {
			return false // "Ilse on Tuesdays": a date is the date rules'
		}
	}
	if d.lex == nil {
		return true
	}
	if f, m, ok := d.lex.FirstName(first); ok && f+m >= 1000 {
		return false // "worked for Ilse Marten": a person, the person rules'
	}
	key := strings.ToLower(strings.TrimPrefix(name, "The "))
	if d.lex.IsCountry(key) {
		return false
	}
	if _, ok := d.lex.USState(key); ok {
		return false
	}
	if _, ok := d.lex.Place(key); ok {
		return false
	}
	if len(words) == 1 {
		if len(first) < 4 {
			return false // "Pt", "ICU": an abbreviation
		}
		if lvl, ok := d.lex.WordLevel(first); ok && lvl <= 50 {
			return false // "I work with Adults", "we work at Night": a word capitalised
		}
		if _, ok := d.lex.Surname(first); ok && single {
			return false
		}
		if d.lex.InCategory(lexicon.Holiday, first) {
			return false
		}
	}
	return true
}
