package ner

import (
	"strings"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// prose v2.0.0's tokenizer (iterTokenizer.tokenize) rewrites its input
// with its sanitizer (see sanitize), splits it at white space
// (unicode.IsSpace) and splits each white-space delimited word with
// doSplit, a function of the word alone (prose caches it per word). So the
// tokens of a text are the tokens of its words, one after the other, and
// the tokens of a word can be worked out once per text and reused for every
// window it occurs in, instead of running prose's tokenizer (a regular
// expression per word and some ten allocations) on every window.
// TestTokenizeMatchesProse compares splitWord, word by word and text by
// text, with prose's tokenizer.

// splitWord appends to dst the tokens prose's doSplit makes of token, a
// sanitized word without white space, and returns dst.
//
// doSplit repeats, while the word is not empty and the last step shortened
// it: a special word (an emoticon or an abbreviation, see isSpecialWord) is
// one token and ends the word; a leading '$', '(', '"' or '[' is a token;
// else the first of "'ll", "'s", "'re", "'m" (or else "n't") found in the
// word's lower case, if the word is longer than it, ends a token there (an
// empty one is dropped, which stops the loop: prose loses the rest of the
// word); else a trailing ',', ')', '"', ']', '!', ';', '.', '?', ':' or apostrophe
// is put aside, to follow the tokens in the order the word held them; else
// the word is one token. A piece of white space only is dropped, which
// cannot happen to a word without white space.
func splitWord(dst []string, token string) []string {
	var suffs [8]string // the last suffix put aside first; more go to extra
	var extra []string
	nsuf := 0
	last := 0
	for token != "" {
		n := utf8.RuneCountInString(token)
		if n == last {
			break
		}
		if isSpecialWord(token) {
			dst = append(dst, token)
			break
		}
		last = n
		if len(token) > 1 && (token[0] == '$' || token[0] == '(' || token[0] == '"' || token[0] == '[') {
			dst = append(dst, token[:1])
			token = token[1:]
		} else if idx := contractionIndex(token); idx >= 0 {
			if idx > 0 {
				dst = append(dst, token[:idx])
			}
			token = token[idx:]
		} else if c := token[len(token)-1]; len(token) > 1 && isSplitSuffix(c) {
			if nsuf < len(suffs) {
				suffs[nsuf] = token[len(token)-1:]
			} else {
				extra = append(extra, token[len(token)-1:])
			}
			nsuf++
			token = token[:len(token)-1]
		} else {
			dst = append(dst, token)
		}
	}
	// The suffixes in the order of the word: the last put aside first.
	for i := len(extra) - 1; i >= 0; i-- {
		dst = append(dst, extra[i])
	}
	for i := min(nsuf, len(suffs)) - 1; i >= 0; i-- {
		dst = append(dst, suffs[i])
	}
	return dst
}

// isSplitSuffix reports whether c is one of the suffixes doSplit splits off.
func isSplitSuffix(c byte) bool {
	switch c {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		return true
	}
	return false
}

// contractionIndex is doSplit's two tests of the word's lower case: the
// index of the first of "'ll", "'s", "'re", "'m" that occurs in it and is
// shorter than it, else that of "n't", else -1. The lower case of an ASCII
// word has its byte offsets; others are lowered as prose lowers them.
func contractionIndex(token string) int {
	if strings.IndexByte(token, '\'') < 0 {
		return -1 // every one of them holds a '
	}
	lower := token
	if !isASCII(token) {
		lower = strings.ToLower(token)
	} else if hasUpperASCII(token) {
		return contractionIndexASCII(token)
	}
	n := len(lower)
	for _, sfx := range [...]string{"'ll", "'s", "'re", "'m"} {
		if idx := strings.Index(lower, sfx); idx >= 0 && n > len(sfx) {
			return idx
		}
	}
	if idx := strings.Index(lower, "n't"); idx >= 0 && n > 3 {
		return idx
	}
	return -1
}

// contractionIndexASCII is contractionIndex of an ASCII word with capitals,
// without building its lower case.
func contractionIndexASCII(token string) int {
	n := len(token)
	for _, sfx := range [...]string{"'ll", "'s", "'re", "'m"} {
		if idx := indexLowerASCII(token, sfx); idx >= 0 && n > len(sfx) {
			return idx
		}
	}
	if idx := indexLowerASCII(token, "n't"); idx >= 0 && n > 3 {
		return idx
	}
	return -1
}

// indexLowerASCII is strings.Index(strings.ToLower(s), sub) for ASCII s
// and lower-case sub.
func indexLowerASCII(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		k := 0
		for k < len(sub) && lowerByte(s[i+k]) == sub[k] {
			k++
		}
		if k == len(sub) {
			return i
		}
	}
	return -1
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// isSpecialWord is prose's isSpecial: an emoticon of its list (the same as
// vocab.Emoticons), or a word its regular expression
// `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$` matches: two or more letters
// each followed by a '.' ("Q.X."), or a capital, one or two lower-case
// letters and a '.' ("Dr.", "Mrs.").
func isSpecialWord(w string) bool {
	if vocab.Emoticons().Has(w) {
		return true
	}
	n := len(w)
	if n < 3 || w[n-1] != '.' {
		return false
	}
	if n <= 4 && 'A' <= w[0] && w[0] <= 'Z' {
		lower := true
		for i := 1; i < n-1; i++ {
			if w[i] < 'a' || w[i] > 'z' {
				lower = false
				break
			}
		}
		if lower {
			return true
		}
	}
	if n < 4 || n%2 != 0 {
		return false
	}
	for i := 0; i < n; i += 2 {
		if !isASCIILetter(w[i]) || w[i+1] != '.' {
			return false
		}
	}
	return true
}
