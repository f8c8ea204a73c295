package ner

import (
	"unicode"
	"unicode/utf8"
)

// proseText returns the text prose is given for s: safeText(s) with the
// quotes, brackets and markup marks at the edges of words turned into
// spaces, byte for byte, so that every offset stays where it was.
//
// prose's tokenizer splits only some punctuation off a word: it glues
// "![" (a Markdown image), "_" and "**" (emphasis), "«" and `alt="` to the
// word after them and drops a word after a lone "'" altogether, and its
// entity model, trained on newswire, labels a word after a straight quote
// or a bracket it does split off as no name at all. A name there was
// either missed (`"Odalys at the clinic," she said`) or reported with the
// markup in its span, which the replacement then destroyed (the image
// "![Odalys smiling](x.png)" published as "Teodora smiling](x.png)").
// Blanked, the marks are white space to prose: the name is a word of its
// own, read in the sentence around it.
//
// A run of marks is blanked when it touches a letter or digit on one side
// only (it opens or closes a word), or on both sides unless it is a single
// apostrophe or underscore inside a word ("don't", "O'Hara", "snake_case").
// A mark between spaces is left: prose splits it off.
func proseText(s string) string {
	s = safeText(s)
	var b []byte
	blank := func(i, j int) {
		if b == nil {
			b = []byte(s)
		}
		for k := i; k < j; k++ {
			b[k] = ' '
		}
	}
	blankTagWords(s, blank)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !edgeMark(s, i, r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !edgeMark(s, j, r) {
				break
			}
			j += n
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		left, right := i > 0 && isAlnum(before), j < len(s) && isAlnum(after)
		if left != right || left && right && !inWordMark(s[i:j]) {
			blank(i, j)
		}
		i = j
	}
	if b == nil {
		return s
	}
	return string(b)
}

// blankTagWords calls blank on the names of HTML elements ("<img", "</b")
// and of quoted attributes ("alt=" in `alt="..."`): they are not words of
// the text, and prose reads a word before a name as its context ("b Ivy"
// is no name to it, "Ivy" alone is). The text of the attributes stays.
func blankTagWords(s string, blank func(i, j int)) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			j := i + 1
			if j < len(s) && s[j] == '/' {
				j++
			}
			k := j
			for k < len(s) && isTagNameByte(s[k]) {
				k++
			}
			if k > j && isASCIILetter(s[j]) {
				blank(i, k)
				i = k - 1
			}
		case '=':
			if i+1 >= len(s) || s[i+1] != '"' && s[i+1] != '\'' {
				continue
			}
			j := i
			for j > 0 && isTagNameByte(s[j-1]) {
				j--
			}
			if j < i && (j == 0 || s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\n') {
				blank(j, i+1)
			}
		}
	}
}

func isTagNameByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '-' || c == ':'
}

// edgeMark reports whether r, at s[i], is a mark that opens or closes a
// word without being part of it: an opening or closing bracket or quote of
// any script (Unicode categories Ps, Pe, Pi, Pf: ( [ { « » “ ” ‘ ’ „ ‹ ›),
// the straight quotes, the Markdown marks of emphasis, strike-through and
// code (* _ ~ `), the angle brackets of a tag, and the "!" that opens an
// image ("![").
func edgeMark(s string, i int, r rune) bool {
	switch r {
	case '"', '\'', '(', ')', '[', ']', '{', '}', '*', '_', '~', '`', '<', '>':
		return true
	case '!':
		return i+1 < len(s) && s[i+1] == '['
	}
	return r >= utf8.RuneSelf && unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf)
}

// inWordMark reports whether marks, found between two letters or digits,
// belong to the word: a single apostrophe or underscore.
func inWordMark(marks string) bool {
	switch marks {
	case "'", "\u2019", "_":
		return true
	}
	return false
}
