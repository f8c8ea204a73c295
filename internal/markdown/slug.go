package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Slug returns a URL- and id-safe form of s: accents are stripped after
// Unicode decomposition, letters are lower-cased, every run of characters
// other than ASCII letters and digits becomes one '-', and leading and
// trailing hyphens are trimmed. Letters with no ASCII form (for example
// CJK) are dropped, so the result may be empty; callers choose a fallback.
func Slug(s string) string {
	if out, ok := slugASCII(s); ok {
		return out
	}
	return slugUnicode(s)
}

// slugUnicode is Slug for any text.
func slugUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingDash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// A combining mark left by decomposition: drop it, keep the base letter.
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if pendingDash && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingDash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			if r2, ok := foldSpecial[r]; ok {
				if pendingDash && b.Len() > 0 {
					b.WriteByte('-')
				}
				pendingDash = false
				b.WriteString(r2)
				continue
			}
			pendingDash = true
		}
	}
	return b.String()
}

// foldSpecial maps letters that NFKD does not decompose to an ASCII base.
var foldSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "ss",
	'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th",
	'ł': "l", 'Ł': "l",
	'ı': "i",
}

// slugASCII is Slug(s) for an ASCII s, and false for any other. ASCII text
// is its own NFKD form, holds no combining mark and no letter of
// foldSpecial, so Slug lower-cases its letters and digits and makes one
// '-' of each run of other bytes between them; this does that without
// the normaliser, the Unicode tables and the map.
func slugASCII(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingDash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			pendingDash = true
			continue
		}
		if pendingDash && b.Len() > 0 {
			b.WriteByte('-')
		}
		pendingDash = false
		b.WriteByte(c)
	}
	return b.String(), true
}
