package markdown

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug returns a URL- and id-safe form of s: accents are stripped after
// Unicode decomposition, letters are lower-cased, every run of characters
// other than ASCII letters and digits becomes one '-', and leading and
// trailing hyphens are trimmed. Letters with no ASCII form (for example
// CJK) are dropped, so the result may be empty; callers choose a fallback.
func Slug(s string) string {
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
