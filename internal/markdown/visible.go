package markdown

import (
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// View is the text a reader sees of a Markdown or HTML source, for
// recognizers to read: character references decoded ("&#77;&#97;" and
// "Jos&eacute;" read "Ma" and "José", as a browser shows them; a
// percent-escape in a link reads as its character: "%20" as a space) and
// invisible characters set aside (zero-width spaces and joiners, word
// joiners, soft hyphens, byte-order marks, bidirectional controls and the
// other format characters, variation selectors), as is inline markup
// between two letters ("Ode<b>tte", "Ode**tte**"); compatibility forms of
// Latin letters and digits read as those (fullwidth "Ｍ", mathematical
// "𝐌", circled "Ⓜ"), so that a name written with them reads as the name.
// Markup is otherwise left as it is: tags,
// link destinations and code are published too and must be read as well.
//
// Every byte of Text comes from a known span of the source; Source maps a
// span of Text back to the span of the source that shows it.
type View struct {
	// Text is what a reader sees; it equals the source when the source
	// holds no character reference and no invisible character.
	Text string
	// edits are the places where Text and the source differ, in order:
	// decoded references and set-aside characters. Between two edits,
	// Text and the source are byte for byte the same.
	edits []edit
	// joined is set when a delimiter run between two letters was set
	// aside (see Joined).
	joined bool
}

// Joined reports whether the view set aside an emphasis, strikethrough or
// code-span delimiter run between two letters, reading the letters around
// it as one word ("Ode**tt**e" as "Odette"). Whether the page hides such a
// run depends on how the whole paragraph's delimiters pair, which the view
// only estimates (a run of the same length on the line); where it guessed
// wrong the page shows the letters apart ("Name*x" beside "*word*"), so a
// reader of a joined view must also read VisibleApart's.
func (v *View) Joined() bool { return v.joined }

// edit says that source bytes [src, srcEnd) show as Text[view:viewEnd]; an
// invisible character shows as nothing (view == viewEnd).
type edit struct {
	view, viewEnd int
	src, srcEnd   int
}

// Visible returns the view of src. It is linear in len(src).
func Visible(src string) *View { return visible(src, false) }

// VisibleApart is Visible, except that emphasis, strikethrough and
// code-span delimiters between two letters are read as written, as the
// page shows a run that pairs with nothing: the other reading of a view
// that is Joined. Tags and comments between letters are still set aside,
// since the page never shows them.
func VisibleApart(src string) *View { return visible(src, true) }

func visible(src string, apart bool) *View {
	if !needsView(src) {
		return &View{Text: src}
	}
	var b strings.Builder
	b.Grow(len(src))
	var edits []edit
	joined := false
	plain := 0 // start of the source not yet copied
	add := func(at, end int, shown string) {
		b.WriteString(src[plain:at])
		edits = append(edits, edit{view: b.Len(), viewEnd: b.Len() + len(shown), src: at, srcEnd: end})
		b.WriteString(shown)
		plain = end
	}
	for i := 0; i < len(src); {
		c := src[i]
		if quiet[c] { // the common case: nothing to do
			i++
			continue
		}
		switch {
		case (c == '<' || c == '*' || c == '~' || c == '`') && letterBefore(src, plain, i, &b):
			if k, delims := markupBetweenLetters(src, i, apart); k > i {
				joined = joined || delims
				add(i, k, "")
				i = k
				continue
			}
			i++
		case c == '&':
			if n, shown := referenceAt(src, i); n > 0 {
				add(i, i+n, withoutInvisible(shown))
				i += n
				continue
			}
			i++
		case c == '%':
			if shown, ok := percentAt(src, i); ok {
				add(i, i+3, shown)
				i += 3
				continue
			}
			i++
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(src[i:])
			if Invisible(r) {
				add(i, i+size, "")
			} else if f := folded(src[i : i+size]); f != "" {
				add(i, i+size, f)
			} else if l, ok := homoglyph(src, i, r, size); ok {
				add(i, i+size, string(l))
			}
			i += size
		}
	}
	b.WriteString(src[plain:])
	return &View{Text: b.String(), edits: edits, joined: joined}
}

// letterBefore reports whether the view so far (b, then the source from
// plain to i not yet copied) ends with a letter.
func letterBefore(src string, plain, i int, b *strings.Builder) bool {
	var r rune
	if i > plain {
		r, _ = utf8.DecodeLastRuneInString(src[plain:i])
	} else {
		r, _ = utf8.DecodeLastRuneInString(b.String())
	}
	return unicode.IsLetter(r)
}

// Bounds on the markup markupBetweenLetters reads.
const (
	maxTagBytes     = 256
	maxCommentBytes = 4096
)

// markupBetweenLetters returns the end of a run of inline markup at src[i]
// that is followed by a letter, or i, and whether the run holds a
// delimiter (none when apart): tags without attributes ("<b>",
// "</span>"; see bareTag), comments
// ("<!-- -->"), and Markdown's emphasis, strikethrough and code-span
// delimiters ("**", "~~", "`"). Between two letters a reader sees none of
// it — "Ode<b>tte</b>", "Ode<!-- -->tte" and "Ode**tte**" all show a name
// "Odette" — so the view sets it aside. (An underscore inside a word is no
// emphasis in Markdown and shows as written.)
func markupBetweenLetters(src string, i int, apart bool) (int, bool) {
	k, delims := i, false
	for k < len(src) {
		if apart && src[k] != '<' {
			break
		}
		n := markupAt(src, k)
		if n == 0 {
			break
		}
		delims = delims || src[k] != '<'
		k += n
	}
	if k == i || k >= len(src) {
		return i, false
	}
	if r, _ := utf8.DecodeRuneInString(src[k:]); unicode.IsLetter(r) {
		return k, delims
	}
	if src[k] == '&' {
		if n, shown := referenceAt(src, k); n > 0 {
			if r, _ := utf8.DecodeRuneInString(shown); unicode.IsLetter(r) {
				return k, delims
			}
		}
	}
	return i, false
}

// markupAt returns the length of one piece of inline markup at src[k], or 0.
func markupAt(src string, k int) int {
	switch c := src[k]; c {
	case '*', '`':
		n := 1
		for k+n < len(src) && src[k+n] == c {
			n++
		}
		if !pairedOnLine(src, k, n) {
			return 0 // nothing to pair with: shown as written
		}
		return n
	case '~':
		n := 1
		for k+n < len(src) && src[k+n] == c {
			n++
		}
		if n < 2 || !pairedOnLine(src, k, n) {
			return 0 // "~~" strikes through; a lone tilde shows
		}
		return n
	case '<':
		rest := src[k:min(len(src), k+maxCommentBytes)]
		if strings.HasPrefix(rest, "<!--") {
			if e := strings.Index(rest[4:], "-->"); e >= 0 {
				return 4 + e + 3
			}
			return 0
		}
		return bareTag(rest[:min(len(rest), maxTagBytes)])
	}
	return 0
}

// pairedOnLine reports whether the run of n delimiters at src[k] has a
// run of the same character and length elsewhere on its line, within
// maxTagBytes of it, which it may open or close: emphasis, strikethrough
// or a code span. A run with none ("Name*x", "Name`s") shows as written,
// and the letters around it are not one word. The bound keeps Visible
// linear on a long line of such runs; a pair further apart is read as
// written, which only reads more.
func pairedOnLine(src string, k, n int) bool {
	c := src[k]
	lo, hi := max(0, k-maxTagBytes), min(len(src), k+n+maxTagBytes)
	start := strings.LastIndexByte(src[lo:k], '\n') + 1 + lo
	end := hi
	if e := strings.IndexByte(src[k:hi], '\n'); e >= 0 {
		end = k + e
	}
	for i := start; i < end; {
		if src[i] != c {
			i++
			continue
		}
		j := i
		for j < end && src[j] == c {
			j++
		}
		if i != k && j-i == n {
			return true
		}
		i = j
	}
	return false
}

// bareTag returns the length of the tag without attributes that starts s
// ("<b>", "</span >", "<br/>"), read as CommonMark reads raw HTML, or 0.
// Only such a tag may be set aside between letters: the values of a tag's
// attributes (a title, a link) are published and must be read, and what
// is no tag at all ("<le=\"x\">", "<a href=x<y>") shows as written, so
// a reader sees the letters around it apart.
func bareTag(s string) int {
	j := 1
	closing := j < len(s) && s[j] == '/'
	if closing {
		j++
	}
	if j >= len(s) || !isASCIILetter(s[j]) {
		return 0
	}
	for j < len(s) && (isASCIILetter(s[j]) || '0' <= s[j] && s[j] <= '9' || s[j] == '-') {
		j++
	}
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if !closing && j < len(s) && s[j] == '/' {
		j++
	}
	if j < len(s) && s[j] == '>' {
		return j + 1
	}
	return 0
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// Same reports whether the view is the source itself.
func (v *View) Same() bool { return len(v.edits) == 0 }

// Source returns the span of the source that shows Text[start:end]: a span
// that starts or ends inside a decoded reference takes the whole
// reference, and invisible characters inside the span go with it (those
// just before or after it do not). start < end.
func (v *View) Source(start, end int) (int, int) {
	if len(v.edits) == 0 {
		return start, end
	}
	return v.sourceStart(start), v.sourceEnd(end)
}

// sourceStart is where the source shown at Text[off] starts.
func (v *View) sourceStart(off int) int {
	// The edit that shows off, if any, is the first that ends after it.
	k := sort.Search(len(v.edits), func(k int) bool { return v.edits[k].viewEnd > off })
	if k < len(v.edits) && v.edits[k].view <= off {
		return v.edits[k].src
	}
	if k == 0 {
		return off
	}
	p := v.edits[k-1]
	return p.srcEnd + off - p.viewEnd
}

// sourceEnd is where the source shown at Text[end-1] ends.
func (v *View) sourceEnd(end int) int {
	if end <= 0 {
		return v.sourceStart(0)
	}
	off := end - 1
	k := sort.Search(len(v.edits), func(k int) bool { return v.edits[k].viewEnd > off })
	if k < len(v.edits) && v.edits[k].view <= off {
		return v.edits[k].srcEnd
	}
	if k == 0 {
		return end
	}
	p := v.edits[k-1]
	return p.srcEnd + end - p.viewEnd
}

// Invisible reports whether r is a character a reader does not see between
// two letters: a format character (Unicode category Cf: soft hyphen,
// zero-width space, non-joiner and joiner, word joiner, byte-order mark,
// bidirectional marks, embeddings, overrides and isolates, tags...), the
// combining grapheme joiner or a variation selector.
func Invisible(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case r == 0x34F, 0x180B <= r && r <= 0x180F, 0xFE00 <= r && r <= 0xFE0F, 0xE0100 <= r && r <= 0xE01EF:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// needsView reports whether src holds an ampersand or an invisible
// character, without allocating.
func needsView(src string) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if quiet[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch c {
			case '&', '<', '*', '~', '`':
				return true
			}
			if _, ok := percentAt(src, i); ok { // c is '%'
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if _, ok := homoglyph(src, i, r, size); ok || Invisible(r) || folded(src[i:i+size]) != "" {
			return true
		}
		i += size
	}
	return false
}

// quiet marks the bytes at which Visible changes nothing: ASCII but the
// first bytes of inline markup ('<', '*', '~', '`'), of a character
// reference ('&') and of a percent-escape ('%'). Every other byte may
// begin a character that Visible decodes, folds or sets aside.
var quiet = func() (q [256]bool) {
	for c := range utf8.RuneSelf {
		q[c] = !strings.ContainsRune("<*~`&%", rune(c))
	}
	return q
}()

// percentAt reads a percent-escape at src[i] == '%' as a browser's
// address bar and a mail client's subject line show it: "%20" is a space,
// "%41" an A. Only printable ASCII is decoded.
func percentAt(src string, i int) (string, bool) {
	if i+2 >= len(src) {
		return "", false
	}
	hi, lo := digitValue(src[i+1], 16), digitValue(src[i+2], 16)
	if hi < 0 || lo < 0 {
		return "", false
	}
	c := byte(hi<<4 | lo)
	if c < 0x20 || c >= 0x7F {
		return "", false
	}
	return string(c), true
}

// lookalikes maps Cyrillic and Hellenic letters to the Latin letters they
// are drawn like (Unicode's confusables data, single letters only).
var lookalikes = map[rune]byte{
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
	'ο': 'o', 'ν': 'v', 'ρ': 'p', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
}

// homoglyph reads r, a letter at src[i] of size bytes, as the Latin letter
// it looks like when it stands next to a Latin letter: a word that mixes
// scripts ("Mаria" with a Cyrillic а) is a name disguised; a word all in
// another script is left as it is.
func homoglyph(src string, i int, r rune, size int) (byte, bool) {
	l, ok := lookalikes[r]
	if !ok {
		return 0, false
	}
	latin := func(c rune) bool { return c < utf8.RuneSelf && ('a' <= c|0x20 && c|0x20 <= 'z') }
	before, _ := utf8.DecodeLastRuneInString(src[:i])
	after, _ := utf8.DecodeRuneInString(src[i+size:])
	return l, latin(before) || latin(after)
}

// folded returns the plain Latin letters or digits that the character c
// (one UTF-8 encoded rune) is a compatibility form of, as a reader sees
// them: fullwidth "Ｍ", mathematical bold or script "𝐌", circled "Ⓜ",
// the ligature "ﬁ". It returns "" for every other character, including
// accented letters, which are letters of their own.
func folded(c string) string {
	d := norm.NFKC.PropertiesString(c).Decomposition()
	if len(d) == 0 {
		return ""
	}
	for _, b := range d {
		if !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9') {
			return ""
		}
	}
	return string(d)
}

func withoutInvisible(s string) string {
	if strings.IndexFunc(s, Invisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Invisible(r) {
			return -1
		}
		return r
	}, s)
}

// maxNameRun bounds how many letters after "&" are read as a reference
// name; the longest name HTML defines has 31.
const maxNameRun = 40

// referenceAt reads a character reference at src[i] == '&' as a browser
// does in text: "&#77;", "&#x4D;", "&eacute;", and the forms without a
// semicolon that browsers also decode ("&#77", "&eacute"). It returns the
// bytes it spans and what they show, or 0 when there is none.
func referenceAt(src string, i int) (int, string) {
	j := i + 1
	if j < len(src) && src[j] == '#' {
		j++
		base := 10
		if j < len(src) && src[j]|0x20 == 'x' {
			base = 16
			j++
		}
		digits := j
		value := 0
		for j < len(src) {
			d := digitValue(src[j], base)
			if d < 0 {
				break
			}
			value = min(value*base+d, unicode.MaxRune+1) // saturate: out of range shows U+FFFD
			j++
		}
		if j == digits {
			return 0, ""
		}
		if j < len(src) && src[j] == ';' {
			j++
		}
		// The html package knows what each number shows (U+FFFD for 0,
		// surrogates and values out of range; Windows-1252 for 0x80-0x9F).
		return j - i, html.UnescapeString("&#" + strconv.Itoa(value) + ";")
	}
	for j < len(src) && j-i <= maxNameRun && isAlnum(src[j]) {
		j++
	}
	if j == i+1 {
		return 0, ""
	}
	if j < len(src) && src[j] == ';' {
		j++
	}
	cand := src[i:j]
	shown := html.UnescapeString(cand)
	if shown == cand {
		return 0, ""
	}
	// A name without a semicolon may be a shorter name followed by
	// letters ("&notit" shows "¬it"): what follows the reference is the
	// common tail of the candidate and what it shows.
	tail := 0
	for tail < len(cand)-1 && tail < len(shown) && cand[len(cand)-1-tail] == shown[len(shown)-1-tail] {
		tail++
	}
	return len(cand) - tail, shown[:len(shown)-tail]
}

func digitValue(c byte, base int) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case base == 16 && 'a' <= c|0x20 && c|0x20 <= 'f':
		return int(c|0x20-'a') + 10
	}
	return -1
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z'
}
