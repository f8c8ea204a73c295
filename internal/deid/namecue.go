package deid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// namedPeople finds the name a sentence gives outright: "my name is borna
// jerković", "Her maiden name is Key.", "Last name? Zelenková", "everyone
// calls me Bee", "he goes by jonno". After the cue, up to three words are
// the name while each is capitalised, or no ordinary English word, or (the
// first) a known first name; function words end it ("my name is not
// important").
func (e *Engine) namedPeople(text string, ws []word) []Finding {
	var out []Finding
	for i := 0; i < len(ws); i++ {
		// Most words start with a letter no cue starts with (nameCueEnd
		// asks that first): passed over here without the call.
		for i < len(ws) && !cueFirst[firstByte(ws[i].key)] {
			i++
		}
		if i == len(ws) {
			break
		}
		k := e.nameCueEnd(text, ws, i)
		if k < 0 {
			continue
		}
		j := k
		for j < len(ws) && j < k+3 && e.nameWordAt(text, ws, j, j == k) {
			if j > k && strings.ContainsAny(text[ws[j-1].end:ws[j].start], ",;:?!\n") {
				break
			}
			j++
		}
		if j > k {
			s, end := int(ws[k].start), int(ws[j-1].end)
			out = append(out, Finding{Start: s, End: end, Kind: Person, Type: "named", Text: text[s:end], Recognizer: "context", Confidence: 0.8})
			i = j - 1
		}
	}
	return out
}

// cueFirst holds the first letters of the cues nameCueEnd knows.
var cueFirst = [256]bool{'n': true, 's': true, 'c': true, 'g': true, 'w': true}

// firstByte is the first byte of k, or 0 if it is empty.
func firstByte(k string) byte {
	if k == "" {
		return 0
	}
	return k[0]
}

// nameCueEnd returns the index of the word after a naming cue that ends at
// word i ("name is", "name's", "surname:", "calls me", "goes by"), or -1.
func (e *Engine) nameCueEnd(text string, ws []word, i int) int {
	next := func(k int) (string, bool) {
		if k < len(ws) {
			return ws[k].key, true
		}
		return "", false
	}
	w := ws[i].key
	if w == "" || w[0] != 'n' && w[0] != 's' && w[0] != 'c' && w[0] != 'g' && w[0] != 'w' {
		return -1 // the first letters of the cues below
	}
	switch w {
	case "name", "surname", "nickname", "names":
		gap := ""
		if i+1 < len(ws) {
			gap = text[ws[i].end:ws[i+1].start]
		}
		if strings.ContainsAny(gap, ":?") {
			return i + 1 // "Last name? Zelenková", "name: Ada"
		}
		if v, ok := next(i + 1); ok && (v == "is" || v == "was") && strings.TrimSpace(gap) == "" {
			return i + 2
		}
	case "name's":
		return i + 1
	case "calls", "call", "called":
		if v, ok := next(i + 1); ok && v == "me" && ws[i].key != "called" && spaceAfter(text, ws, i+1) {
			return i + 2 // "everyone calls me Bee"
		}
	case "goes", "go", "went":
		if v, ok := next(i + 1); ok && v == "by" && spaceAfter(text, ws, i+1) {
			return i + 2 // "he goes by jonno", not "Weeks went by. Nothing"
		}
	}
	return -1
}

// spaceAfter reports whether only spaces separate word k from the next.
func spaceAfter(text string, ws []word, k int) bool {
	return k+1 < len(ws) && strings.Trim(text[ws[k].end:ws[k+1].start], " ") == ""
}

// nameWordAt reports whether word k can be part of a name given by a cue.
func (e *Engine) nameWordAt(text string, ws []word, k int, first bool) bool {
	w := text[ws[k].start:ws[k].end]
	key := strings.Trim(ws[k].key, ".'’-")
	if key == "" || vocab.NotNames().Has(key) || strings.ContainsAny(w, "0123456789") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return true
	}
	if !e.isCommon(key) {
		return true // "borna", "jerković"
	}
	return first && e.gaz.Sex(key) != SexUnknown // "my name is grace"
}
