package deid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// trimToName narrows each person finding to the name: a kinship noun
// before it ("Son Gavin") and credentials after
// it ("Ana Ruiz, MD", "irene snell, rn") say nothing of who the person is
// and stay as written; a recognizer that saw the whole phrase (the
// statistical model often does) would otherwise report them, and the
// planner would turn "MD" into a surname. A title before the name stays in
// the finding: the planner keeps it as written, and most conventions count
// "Mr. Arancibia" whole. Trimmed before propagation, "MD" is not looked for
// elsewhere as a name.
func trimToName(text string, fs []Finding) []Finding {
	for i := range fs {
		f := &fs[i]
		if f.Kind != Person || f.Replacement != "" {
			continue // an author's fixed replacement stands for the whole term
		}
		for f.Start < f.End {
			n := trailingCredential(text[f.Start:f.End])
			if n == 0 {
				break
			}
			f.End -= n
		}
		for f.Start < f.End {
			n := leadingKin(text[f.Start:f.End])
			if n == 0 {
				break
			}
			f.Start += n
		}
		f.Text = text[f.Start:f.End]
	}
	return fs
}

// leadingKin returns the length of a kinship noun and the spaces after it at
// the start of s, when a name follows; 0 otherwise.
func leadingKin(s string) int {
	i := strings.IndexByte(s, ' ')
	if i <= 0 || !vocab.KinRelations().Has(strings.ToLower(s[:i])) {
		return 0
	}
	j := i
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if !hasNameWord(s[j:]) {
		return 0
	}
	return j
}

// trailingCredential returns the length of credentials at the end of s
// (", MD", " RN") when a name is left before them; 0 otherwise.
func trailingCredential(s string) int {
	w := len(s)
	for w > 0 && s[w-1] < utf8.RuneSelf && isLetterByte(s[w-1]) {
		w--
	}
	word := s[w:]
	lw := strings.ToLower(word)
	if w == len(s) || !vocab.Credentials().Has(lw) || len(word) > 1 && word[0] <= 'Z' && word[1:] == lw[1:] {
		return 0 // "Nguyen Do": written like a name, it is one
	}
	k := w
	for k > 0 && (s[k-1] == ' ' || s[k-1] == ',') {
		k--
	}
	if k == w || !hasNameWord(s[:k]) {
		return 0
	}
	if vocab.SurnameLike().Has(lw) && !strings.Contains(s[k:w], ",") {
		return 0 // "NGUYEN DO": a credential that is also a surname needs its comma
	}
	return len(s) - k
}

// hasNameWord reports whether s holds a word of two letters or more.
func hasNameWord(s string) bool {
	run := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if run++; run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
