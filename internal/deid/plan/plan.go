package plan

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Planner is veil's planner: it runs the operator of each finding's kind.
type Planner struct {
	ops map[deid.Kind]operator
}

var _ deid.Planner = (*Planner)(nil)

// New returns the planner with an operator for every kind.
func New() *Planner {
	return &Planner{ops: map[deid.Kind]operator{
		deid.Person:       personOp{},
		deid.Place:        placeOp{},
		deid.Date:         dateOp{},
		deid.Age:          ageOp{},
		deid.Organization: orgOp{},
		deid.Contact:      labelOp{fallback: "contact", allowed: []deid.Type{deid.TypePhone, deid.TypeFax, deid.TypeEmail, deid.TypeURL, deid.TypeHandle, deid.TypeIP}},
		deid.ID:           labelOp{fallback: "id", allowed: []deid.Type{deid.TypeSSN}},
		deid.Rare:         labelOp{fallback: "detail"},
	}}
}

// operator chooses the replacement of one finding of its kind, as
// Presidio's anonymizer operators do: it gets the finding, the action the
// site set for the kind, and the document the finding is in, with what the
// planner learnt of it once for all its findings.
type operator interface {
	replace(d *document, f deid.Finding, action deid.Action) string
}

// Plan sets the Replacement of every finding. The same original (compared
// case-insensitively) gets the same replacement within a text, and, because
// pseudonyms and date shifts are keyed hashes, across texts and builds.
func (pl *Planner) Plan(doc *deid.Doc, fs []deid.Finding, s deid.Settings) []deid.Finding {
	d := &document{s: s, ops: pl.ops, doc: doc, memo: map[memoKey]string{}, surname: map[string]bool{}}
	// A word written as the last of a full name is a surname wherever it
	// appears alone in the same text ("Marchand" after "Odette Marchand").
	for _, f := range fs {
		if f.Kind != deid.Person {
			continue
		}
		w := strings.Fields(f.Text)
		for len(w) > 0 && (vocab.FamiliarTitles().Has(strings.ToLower(w[0])) || vocab.Honorifics().Has(strings.ToLower(strings.TrimRight(w[0], ".")))) {
			w = w[1:] // "Uncle Dev", "Mr Dev": a title, not a first name
		}
		if len(w) > 1 {
			d.surname[strings.ToLower(strings.TrimRight(w[len(w)-1], ".,"))] = true
		}
	}
	out := make([]deid.Finding, 0, len(fs))
	for _, f := range fs {
		if f.Replacement == "" {
			f.Replacement = d.replacement(f)
			// "at the Cobbler's Row Surgery" -> "at the surgery", not "at the
			// a surgery".
			if f.Kind != deid.Person && theBefore(doc.Text, f.Start) >= 0 {
				f.Replacement = dropArticle(f.Replacement)
			}
		}
		out = append(out, f)
	}
	return out
}

// sentenceEnds reports whether rest, the text after a full stop, starts a
// new sentence or ends the text.
func sentenceEnds(rest string) bool {
	t := strings.TrimLeft(rest, " \t")
	if t == "" || t[0] == '\n' || t[0] == '\r' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return len(t) < len(rest) && unicode.IsUpper(r)
}

// keepFullStop adds to r, the replacement of f, the full stop f's text ended
// with when that stop also ended the sentence.
func (d *document) keepFullStop(f deid.Finding, r string) string {
	if strings.HasSuffix(f.Text, ".") && !strings.HasSuffix(r, ".") && r != f.Text && sentenceEnds(d.doc.Text[f.End:]) {
		return r + "."
	}
	return r
}

// theBefore returns where a "the " just before off starts, or -1.
func theBefore(text string, off int) int {
	s := off - 4
	if s < 0 || !strings.EqualFold(text[s:off], "the ") || s > 0 && isLetterByte(text[s-1]) {
		return -1
	}
	return s
}

// dropArticle removes a leading "a " or "an " from r.
func dropArticle(r string) string {
	l := strings.ToLower(r)
	for _, a := range []string{"a ", "an "} {
		if strings.HasPrefix(l, a) && len(r) > len(a) {
			return r[len(a):]
		}
	}
	return r
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func nameLike(k deid.Kind) bool { return k == deid.Person || k == deid.Place || k == deid.Organization }

// document is what the planner knows of one document while it plans it.
type document struct {
	s    deid.Settings
	ops  map[deid.Kind]operator
	doc  *deid.Doc
	memo map[memoKey]string // kind, type and normalised original -> replacement
	used map[string]bool    // the pseudonyms the original text holds as words; see pick
	// surname holds words known to be surnames in this text.
	surname map[string]bool
	// lower is the text in lower case or, if it is ASCII, as it is (see
	// afterHonorific), and titled the offsets in it that follow a title,
	// sorted by the text after each (see titledPositions), made when first
	// needed.
	lower  string
	titled []int
	// shoutLines says, by the offset of its end, whether a line is written
	// in capitals: each line is read when a finding in it first asks.
	shoutLines map[int]bool
	// hm is the keyed hash mac reuses (reset, not rebuilt, for each value),
	// macBuf its input and sum; shift is shiftDays once known (shiftOK).
	hm      hash.Hash
	macBuf  []byte
	sum     []byte
	shift   int
	shiftOK bool
}

// memoKey is what the memo of replacements is keyed by: a finding's kind,
// its type and deid.TermID of its text. (It was the three joined by NUL
// bytes, one string made per finding; neither a kind nor a type holds a
// NUL byte, so the two keys tell the same findings apart.)
type memoKey struct {
	kind deid.Kind
	typ  deid.Type
	term string
}

func (d *document) replacement(f deid.Finding) string {
	if f.Kind == deid.Date && (f.Type == deid.TypeRelative || f.Type == deid.TypeWeekday || f.Date != nil && f.Date.Relative) && theBefore(d.doc.Text, f.Start) >= 0 {
		// "the next week", "the Tuesday after": relative to the story, not
		// to the time of writing.
		return f.Text
	}
	key := memoKey{f.Kind, f.Type, deid.TermID(f.Text)}
	r, ok := d.memo[key]
	if !ok {
		r = d.choose(f)
		// Ages and phrases depend on their context; names and places do not.
		if f.Kind != deid.Age {
			d.memo[key] = r
		}
	}
	if r == f.Text {
		return r
	}
	// An acronym in ordinary text ("at WVMC") becomes an ordinary phrase
	// ("at a hospital"), not a shouted one.
	acronymPhrase := strings.Contains(r, " ") && isUpperWord(f.Text) && !d.shouting(f.Start)
	if !acronymPhrase {
		r = matchCase(f.Text, r)
	}
	if f.Kind != deid.Person && atSentenceStart(d.doc.Text, f.Start) {
		r = capitalise(r)
	}
	if nameLike(f.Kind) && inHashtag(d.doc.Text, f.Start) {
		r = hashtagWords(r)
		if strings.HasPrefix(f.Text, "#") {
			r = "#" + r
		}
	}
	return r
}

// inHashtag reports whether off is inside a hashtag ("#PrayForGaza") or at
// its '#'.
func inHashtag(text string, off int) bool {
	i := off
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r == '#' {
			return true
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			break
		}
		i -= n
	}
	return off < len(text) && text[off] == '#'
}

// hashtagWords writes a replacement so that it stays one hashtag: "a
// small city" -> "ASmallCity", "[place]" -> "Place".
func hashtagWords(r string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(r, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '#' }) {
		b.WriteString(capitalise(w))
	}
	return b.String()
}

func (d *document) choose(f deid.Finding) string {
	op, ok := d.ops[f.Kind]
	if !ok {
		return "[detail]"
	}
	return op.replace(d, f, d.s.Actions[f.Kind])
}

// mac returns a keyed 64-bit hash of the parts.
func (d *document) mac(parts ...string) uint64 {
	if d.hm == nil {
		d.hm = hmac.New(sha256.New, d.s.Key)
	} else {
		d.hm.Reset()
	}
	b := d.macBuf[:0]
	for _, s := range parts {
		b = append(b, s...)
		b = append(b, 0)
	}
	d.macBuf = b
	d.hm.Write(b)
	d.sum = d.hm.Sum(d.sum[:0])
	return binary.BigEndian.Uint64(d.sum)
}

func (d *document) pick(list []string, tag, word string) string {
	if d.used == nil {
		// Most texts need no pseudonym: the set is made for the first,
		// from the distinct words of the text when the detectors have made
		// them (as the engine's always have).
		if a := d.doc.Analysis(); a.WordsMade() {
			d.used = pseudonymsInForms(a.Vocab())
		} else {
			d.used = pseudonymsIn(d.doc.Text)
		}
	}
	for attempt := 0; attempt < 16; attempt++ {
		c := list[d.mac(tag, word, strconv.Itoa(attempt))%uint64(len(list))]
		if !d.used[strings.ToLower(c)] {
			return c
		}
	}
	return list[d.mac(tag, word)%uint64(len(list))]
}

func article(phrase string) string {
	l := strings.ToLower(phrase)
	for p := range vocab.ConsonantSoundPrefixes().All() {
		if strings.HasPrefix(l, p) {
			return "a" // "a university", "a one-bedroom flat": a consonant sound
		}
	}
	if l != "" && strings.ContainsRune("aeiou", rune(l[0])) {
		return "an" // "an early-80s", "an over-89-year-old"
	}
	return "a"
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
	case allUpper && utf8.RuneCountInString(orig) > 1:
		return strings.ToUpper(r)
	case allLower:
		return strings.ToLower(r)
	}
	return r
}

func isUpperWord(s string) bool {
	return s == strings.ToUpper(s) && s != strings.ToLower(s)
}

// shouting reports whether the line around off is written in capitals, as
// many clinical notes are. Only the lines that hold findings that ask are
// read, each once per text, however many findings it holds.
func (d *document) shouting(off int) bool {
	text := d.doc.Text
	end := strings.IndexByte(text[off:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += off
	}
	if s, ok := d.shoutLines[end]; ok {
		return s
	}
	if d.shoutLines == nil {
		d.shoutLines = map[int]bool{}
	}
	start := strings.LastIndexByte(text[:off], '\n') + 1
	s := shoutingLine(text[start:end])
	d.shoutLines[end] = s
	return s
}

// shoutingLine reports whether a line is written in capitals: it has
// letters, and seven in ten of them are capitals.
func shoutingLine(line string) bool {
	upper, letters := 0, 0
	for i := 0; i < len(line); {
		if b := line[i]; b < utf8.RuneSelf { // ASCII: letters are A-Z, a-z
			if isLetterByte(b) {
				letters++
				if b <= 'Z' {
					upper++
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(line[i:])
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
		i += n
	}
	return letters > 0 && upper*10 >= letters*7
}

// atSentenceStart reports whether off begins a sentence, a line or the text.
func atSentenceStart(text string, off int) bool {
	i := off
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '"' || text[i-1] == '*' || text[i-1] == '#') {
		i--
	}
	if i == 0 {
		return true
	}
	switch text[i-1] {
	case '\n', '.', '!', '?':
		return true
	}
	return false
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == '[' || n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
