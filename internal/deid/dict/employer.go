package dict

import (
	"context"
	"math/bits"
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

// Each pattern is tried only where it can start (see startsAt): run
// unanchored over the whole text, their machines stepped through every
// byte, which made this detector a fifth of a whole build. The first two,
// whose name ends the match, are matched by hand (matchCue, matchMove: the
// same greedy reading the regular expression makes, compared with it in
// TestStartsAtFindsWhatTheWholeTextPatternFinds); the other two, whose name
// must be followed by a comma, by their anchored expression.
var (
	employerCue  = startsAt{next: cueNext, match: matchCue}
	employerMove = startsAt{next: moveNext, match: matchMove}
	orgKindAfter = startsAt{next: kindAfterNext, match: anchored(`^(?:` + orgKindAfterBody + `)`)}
	orgKindNext  = startsAt{next: kindNextNext, match: matchKindNext}
)

// startsAt is a pattern, matched at one place of a text, and a search for
// the places where a match of it can start. Trying it at those places from
// left to right, each after the end of the last match, finds what the
// unanchored pattern's FindAllStringSubmatchIndex finds: the leftmost match
// first, then the leftmost from its end on.
type startsAt struct {
	// next returns the first place at or after p where a match can start,
	// or len(text).
	next func(text string, p int) int
	// match returns the submatch offsets of the match that starts at p
	// (relative to text, in m's storage), or nil.
	match func(text string, p int, m []int) []int
}

// anchored returns the match of an expression that starts with ^ at a place
// of a text. The expression is run on the text up to the first byte that
// none of the patterns given to it can match (noMatchByte): no match goes
// past that byte, and a word boundary before it reads as one before the
// end of the text. On the rest of a long text the regexp package would
// run its slower machine, which was most of Employers' time.
func anchored(expr string) func(text string, p int, m []int) []int {
	re := regexp.MustCompile(expr)
	return func(text string, p int, _ []int) []int {
		end := p
		for end < len(text) && !noMatchByte[text[end]] {
			end++
		}
		m := re.FindStringSubmatchIndex(text[p:end])
		for i := range m {
			if m[i] >= 0 {
				m[i] += p
			}
		}
		return m
	}
}

// noMatchByte holds the ASCII punctuation that no match of orgKindAfterBody
// or orgKindNextBody holds: their names, words and blanks are letters,
// digits, "_", "'", "’", "&", "-", spaces and tabs (\s after "The"), and
// commas. Each is a byte no word character is either.
var noMatchByte = func() (b [256]bool) {
	for _, c := range []byte(".!?;:()[]\"/") {
		b[c] = true
	}
	return b
}()

// findAll calls yield with each match's submatch offsets in text; yield
// must not keep the slice.
func (a startsAt) findAll(text string, yield func(m []int)) {
	var buf [8]int
	end := 0
	for p := a.next(text, 0); p < len(text); p = a.next(text, p+1) {
		if p < end {
			continue
		}
		m := a.match(text, p, buf[:0])
		if m == nil {
			continue
		}
		yield(m)
		end = max(m[1], p+1)
	}
}

// byte classes of ASCII text, for the searches below.
const (
	clsWord   = 1 << iota // [0-9A-Za-z_], the pattern's \w
	clsLetter             // [A-Za-z]
	clsUpper              // [A-Z]
	clsLower              // [a-z]
	clsBlank              // space or tab
	clsName               // [\w'&-]: a byte of a name word (and the first of ’)
	clsSpace              // \s: [\t\n\f\r ]
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		if b >= 'a' && b <= 'z' {
			t[c] |= clsWord | clsLetter | clsLower | clsName
		}
		if b >= 'A' && b <= 'Z' {
			t[c] |= clsWord | clsLetter | clsUpper | clsName
		}
		if b >= '0' && b <= '9' || b == '_' {
			t[c] |= clsWord | clsName
		}
		if b == '\'' || b == '&' || b == '-' {
			t[c] |= clsName
		}
		if b == ' ' || b == '\t' {
			t[c] |= clsBlank | clsSpace
		}
		if b == '\n' || b == '\f' || b == '\r' {
			t[c] |= clsSpace
		}
	}
	return t
}()

func isASCIIWord(b byte) bool { return byteClass[b]&clsWord != 0 }

func isASCIILetter(b byte) bool { return byteClass[b]&clsLetter != 0 }

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
	for r < len(text) && byteClass[text[r]]&clsBlank != 0 {
		r++
	}
	return r, r > q
}

func isUpperAt(text string, q int) bool { return q < len(text) && byteClass[text[q]]&clsUpper != 0 }

// nameAt reports whether a name (employerName) can start at q: a capital
// and a small letter (which "The" also has).
func nameAt(text string, q int) bool {
	return q+1 < len(text) && byteClass[text[q]]&clsUpper != 0 && byteClass[text[q+1]]&clsLower != 0
}

// letterRun returns the end of the run of ASCII letters (and hyphens, when
// hyphen) from p.
func letterRun(text string, p int, hyphen bool) int {
	for p < len(text) && (byteClass[text[p]]&clsLetter != 0 || hyphen && text[p] == '-') {
		p++
	}
	return p
}

// cueWord returns the length of "for", "at", "with" or "by" at q followed
// by a blank, or 0.
func cueWord(text string, q int) int {
	if q >= len(text) {
		return 0
	}
	var w string // the one of the four that can start here: each starts with its own letter
	switch text[q] {
	case 'f':
		w = "for"
	case 'a':
		w = "at"
	case 'w':
		w = "with"
	case 'b':
		w = "by"
	default:
		return 0
	}
	if strings.HasPrefix(text[q:], w) && q+len(w) < len(text) && byteClass[text[q+len(w)]]&clsBlank != 0 {
		return len(w)
	}
	return 0
}

// cueNext: a word, blanks, "for", "at", "with" or "by", blanks, a capital.
func cueNext(text string, p int) int {
	return afterWordNext(text, p, func(q int) bool { return cueAt(text, q) })
}

// cueAt reports whether "for", "at", "with" or "by", blanks and a capital
// are at q.
func cueAt(text string, q int) bool {
	if c := text[q]; c != 'f' && c != 'a' && c != 'w' && c != 'b' {
		return false
	}
	n := cueWord(text, q)
	if n == 0 {
		return false
	}
	r, _ := afterBlanks(text, q+n)
	return isUpperAt(text, r)
}

// afterWordNext returns the first start at or after p of a word of ASCII
// letters at a word boundary followed by blanks, where what follows the
// blanks (at q < len(text)) passes then; or len(text). It goes from blank
// to blank: the word is the run of letters before them.
func afterWordNext(text string, p int, then func(q int) bool) int {
	for i := p; i < len(text); {
		for i < len(text) && byteClass[text[i]]&clsBlank == 0 {
			i++
		}
		if i >= len(text) {
			break
		}
		s := i // a run of blanks starts here
		q, _ := afterBlanks(text, s)
		i = q
		if q >= len(text) || !then(q) {
			continue
		}
		w := s
		for w > p && byteClass[text[w-1]]&clsLetter != 0 {
			w--
		}
		if w < s && byteClass[text[w]]&clsLetter != 0 && (w == 0 || byteClass[text[w-1]]&clsWord == 0) {
			return w
		}
	}
	return len(text)
}

// matchCue matches employerCueBody at p, where cueNext found its start:
// groups the word, the preposition and the name.
func matchCue(text string, p int, m []int) []int {
	q0 := letterRun(text, p, false)
	q, _ := afterBlanks(text, q0)
	n := cueWord(text, q)
	r, _ := afterBlanks(text, q+n)
	e, ok := matchName(text, r)
	if !ok {
		return nil
	}
	return append(m, p, e, p, q0, q, q+n, r, e)
}

// wordStarts returns employerCue and employerMove as Detect tries them on
// text: the starts of both, which cueNext and moveNext find from blank
// run to blank run, listed in one pass (wordStartLists).
func wordStarts(text string) (cue, move startsAt) {
	cues, moves := wordStartLists(text)
	return startsAt{next: listed(cues), match: matchCue}, startsAt{next: listed(moves), match: matchMove}
}

// wordStartLists lists the starts of employerCue and employerMove in text:
// a run of ASCII letters at a word boundary, blanks after it, and then a
// capital (a move) or cueAt's preposition (a cue). It goes from blank run
// to blank run, finding the next one eight bytes at a time (lowIn8), and
// walks back over the letters before a run only when a capital or a cue
// follows it.
func wordStartLists(text string) (cues, moves []int) {
	n := len(text)
	// The starts of both, in one list while the text is read (one slice
	// live in the loop, not two); a post of 8 KB has about 25.
	starts := make([]int, 0, 64)
	for i := 0; i < n; {
		// s: the first byte from i below '!' (a blank, a line break or
		// another control byte).
		s, found := i, false
		for s+8 <= n {
			if k := lowIn8(text, s); k < 8 {
				s, found = s+k, true
				break
			}
			s += 8
		}
		if !found {
			for s < n && text[s] >= '!' {
				s++
			}
			if s >= n {
				break
			}
		}
		if byteClass[text[s]]&clsBlank == 0 {
			i = s + 1 // a line break or a control byte
			continue
		}
		q, _ := afterBlanks(text, s) // s starts a run of blanks
		i = q
		if q >= n {
			break
		}
		c := text[q]
		up := byteClass[c]&clsUpper != 0
		// cueAt's first tests, asked here without the call: its word's
		// first two letters, and a byte after them.
		if !up && (q+2 >= n || cueSecond[c] == 0 || text[q+1] != cueSecond[c] || !cueAt(text, q)) {
			continue
		}
		w := s
		for w > 0 && byteClass[text[w-1]]&clsLetter != 0 {
			w--
		}
		if w == s || w > 0 && byteClass[text[w-1]]&clsWord != 0 {
			continue // no word, or not at a word boundary
		}
		starts = append(starts, w<<1|b2i(up)) // a move's start is odd
	}
	moves = starts[:0] // written behind the reading, in place
	for _, x := range starts {
		if x&1 != 0 {
			moves = append(moves, x>>1)
		} else {
			cues = append(cues, x>>1)
		}
	}
	return cues, moves
}

// cueSecond holds, by the first letter of cueWord's four words ("for",
// "at", "with", "by"), its second letter; 0 for any other byte.
var cueSecond = [256]byte{'f': 'o', 'a': 't', 'w': 'i', 'b': 'y'}

// lowIn8 returns the index (0 to 7) of the first of the eight bytes at
// text[i:] below '!', or 8 when there is none. A byte below 0x21 borrows
// in x - 0x21 per byte while its own top bit is clear; the lowest byte so
// flagged is the first such byte (a borrow only carries into the bytes
// above it). i+8 must not pass len(text).
func lowIn8(text string, i int) int {
	t := text[i : i+8]
	x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
	return bits.TrailingZeros64((x-0x2121212121212121)&^x&0x8080808080808080) / 8 // 64 / 8 when none
}

// listed returns a next function over the starts of list, in order.
func listed(list []int) func(text string, p int) int {
	k := 0
	return func(text string, p int) int {
		for k < len(list) && list[k] < p {
			k++
		}
		if k < len(list) {
			return list[k]
		}
		return len(text)
	}
}

// moveNext: a word, blanks, a capital.
func moveNext(text string, p int) int {
	return afterWordNext(text, p, func(q int) bool { return isUpperAt(text, q) })
}

// matchMove matches employerMoveBody at p, where moveNext found its start:
// groups the word and the name.
func matchMove(text string, p int, m []int) []int {
	q0 := letterRun(text, p, false)
	q, _ := afterBlanks(text, q0)
	e, ok := matchName(text, q)
	if !ok {
		return nil
	}
	return append(m, p, e, p, q0, q, e)
}

// matchName returns the end of the name (employerName) that starts at q,
// when nothing need follow it: the regular expression's greedy reading,
// which takes "The" and the spaces after it when a capital and a small
// letter follow them, then as many blanks and name words as it can, a
// name word being a capital and the run of word characters, apostrophes,
// ampersands and hyphens after it, or "of", "the", "and", "&" or "for"
// (also as the start of a longer word: the expression does not ask for
// its end).
func matchName(text string, q int) (int, bool) {
	s := q
	if strings.HasPrefix(text[q:], "The") {
		k := q + 3
		for k < len(text) && byteClass[text[k]]&clsSpace != 0 {
			k++
		}
		if k > q+3 && nameAt(text, k) {
			s = k
		}
	}
	if !nameAt(text, s) {
		return 0, false
	}
	e := nameRun(text, s+2)
	for {
		b, ok := afterBlanks(text, e)
		if !ok || b >= len(text) {
			return e, true
		}
		switch {
		case byteClass[text[b]]&clsUpper != 0:
			e = nameRun(text, b+1)
		case strings.HasPrefix(text[b:], "of"):
			e = b + 2
		case strings.HasPrefix(text[b:], "the"):
			e = b + 3
		case strings.HasPrefix(text[b:], "and"):
			e = b + 3
		case text[b] == '&':
			e = b + 1
		case strings.HasPrefix(text[b:], "for"):
			e = b + 3
		default:
			return e, true
		}
	}
}

// nameRun returns the end of the run of [\w'’&-] from p.
func nameRun(text string, p int) int { return runOf(text, p, clsName) }

// runOf returns the end of the run from p of bytes in the classes cls and
// right single quotes.
func runOf(text string, p int, cls uint8) int {
	for p < len(text) {
		if byteClass[text[p]]&cls != 0 {
			p++
		} else if strings.HasPrefix(text[p:], "’") {
			p += len("’")
		} else {
			break
		}
	}
	return p
}

// kindAfterNext: a word (hyphens allowed), a comma, blanks, a name. It
// goes from comma to comma: a start is in the run of letters and hyphens
// just before one.
func kindAfterNext(text string, p int) int {
	for c := p; c < len(text); c++ {
		k := strings.IndexByte(text[c:], ',')
		if k < 0 {
			break
		}
		c += k
		// The name after the comma must end with a comma too.
		if r, ok := afterBlanks(text, c+1); !ok || !nameAt(text, r) {
			continue
		} else if e := nameEnd(text, r); e >= len(text) || text[e] != ',' {
			continue
		}
		s := c
		for s > p && (isASCIILetter(text[s-1]) || text[s-1] == '-') {
			s--
		}
		for q := s; q < c; q++ {
			if (isASCIILetter(text[q]) || text[q] == '-') && wordBoundary(text, q) {
				return q
			}
		}
	}
	return len(text)
}

// kindNextNext: a name, and at the first byte after it that no name can
// hold (nameEnd), a comma, blanks, and "a", "an", "the", "our" or "my"
// before a blank. It goes from comma to comma: a start is a capital and a
// small letter in the run of bytes a name holds just before one.
func kindNextNext(text string, p int) int {
	for c := p; c < len(text); c++ {
		k := strings.IndexByte(text[c:], ',')
		if k < 0 {
			break
		}
		c += k
		if !determinerAt(text, c+1) {
			continue
		}
		s := c
		for s > p {
			if byteClass[text[s-1]]&(clsName|clsSpace) != 0 {
				s--
			} else if s-len("’") >= p && text[s-len("’"):s] == "’" {
				s -= len("’")
			} else {
				break
			}
		}
		for q := s; q < c; q++ {
			if nameAt(text, q) {
				return q
			}
		}
	}
	return len(text)
}

// matchKindNext matches orgKindNextBody at p, where kindNextNext found its
// start, by hand, with the reading the expression's backtracker makes:
// groups the name and the last word. The name holds no comma and must be
// followed by one, so it is matchName's greedy name (a shorter one ends
// before blanks, never before a comma). After the comma, blanks and the
// determiner (determinerAt) and blanks, the expression takes up to two
// runs of small letters and hyphens, each followed by blanks, and then the
// longest start of the next run that ends at a word boundary, preferring
// two runs before it to one and one to none.
func matchKindNext(text string, p int, m []int) []int {
	e, ok := matchName(text, p)
	if !ok || e >= len(text) || text[e] != ',' || !determinerAt(text, e+1) {
		return nil
	}
	r, _ := afterBlanks(text, e+1)
	r += detLen(text, r)
	q, ok := afterBlanks(text, r)
	if !ok {
		return nil
	}
	// The runs of [a-z-] from q, each but the last followed by blanks.
	var runs [3][2]int
	count := 0
	for count < 3 {
		end := q
		for end < len(text) && (byteClass[text[end]]&clsLower != 0 || text[end] == '-') {
			end++
		}
		if end == q {
			break
		}
		runs[count] = [2]int{q, end}
		count++
		next, ok := afterBlanks(text, end)
		if !ok {
			break
		}
		q = next
	}
	for k := count - 1; k >= 0; k-- {
		s, end := runs[k][0], runs[k][1]
		for x := end; x > s; x-- {
			if (x < len(text) && isASCIIWord(text[x])) != isASCIIWord(text[x-1]) { // \b at x
				return append(m, p, x, p, e, s, x)
			}
		}
	}
	return nil
}

// detLen returns the length of the determiner determinerAt found at r:
// "a", "an", "the", "our" or "my" before a blank.
func detLen(text string, r int) int {
	for _, w := range [...]string{"a", "an", "the", "our", "my"} {
		if strings.HasPrefix(text[r:], w) && r+len(w) < len(text) && byteClass[text[r+len(w)]]&clsBlank != 0 {
			return len(w)
		}
	}
	return 0
}

// nameEnd returns the first byte at or after p that no name (employerName)
// can hold: not a byte of a name word, a blank or a space after "The".
// A name that starts at p ends there or before.
func nameEnd(text string, p int) int { return runOf(text, p, clsName|clsSpace) }

// determinerAt reports whether blanks from q are followed by "a", "an",
// "the", "our" or "my" and a blank, as orgKindNextBody has them after the
// name's comma.
func determinerAt(text string, q int) bool {
	r, ok := afterBlanks(text, q)
	if !ok {
		return false
	}
	for _, w := range [...]string{"a", "an", "the", "our", "my"} {
		if strings.HasPrefix(text[r:], w) && r+len(w) < len(text) && byteClass[text[r+len(w)]]&clsBlank != 0 {
			return true
		}
	}
	return false
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
	cue, move := wordStarts(text)
	cue.findAll(text, func(m []int) {
		if vocab.EmployerCues().Has(strings.ToLower(text[m[2]:m[3]])) {
			add(m[6], m[7], strings.ToLower(text[m[4]:m[5]]) == "with")
		}
	})
	move.findAll(text, func(m []int) {
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
