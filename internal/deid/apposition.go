package deid

import (
	"encoding/binary"
	"strconv"
	"strings"
	"unsafe"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// appositiveAges finds the age case writing puts right after a person's
// name: "Marisol, 34, came in", "Mr. Reyes (72) and", "Ana, 7." Alone, "34"
// is any number, so this needs the person finding before it, which the
// pattern recognizers cannot see; it runs once every name is known.
//
// Posts give a relative's age the same way without the name: "my brother
// (9) and I", "her son, 14, and daughter". After a kinship word only the
// bracketed form or commas on both sides count.
func appositiveAges(text string, fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Kind != Person {
			continue
		}
		if s, e, n, ok := ageAfter(text, f.End); ok {
			out = append(out, Finding{
				Start: s, End: e, Kind: Age, Type: TypeApposition, Text: text[s:e],
				Recognizer: "context", Confidence: 0.8, Age: n,
			})
		}
	}
	// The next '(' and ',' at or after i are found with strings.IndexByte
	// (-1: none left), and the bytes between are not visited.
	paren, comma := -2, -2
	for i := 0; i < len(text); i++ {
		if paren != -1 && paren < i {
			if paren = strings.IndexByte(text[i:], '('); paren >= 0 {
				paren += i
			}
		}
		if comma != -1 && comma < i {
			if comma = strings.IndexByte(text[i:], ','); comma >= 0 {
				comma += i
			}
		}
		switch {
		case paren < 0 && comma < 0:
			i = len(text)
			continue
		case paren < 0:
			i = comma
		case comma < 0:
			i = paren
		default:
			i = min(paren, comma)
		}
		// Cheap test first: a digit must open what follows.
		if d := i + 1 + boolInt(text[i] == ','); d >= len(text) || !isDigit(text[d]) || text[i] == ',' && text[i+1] != ' ' {
			continue
		}
		j := i
		if j > 0 && text[j-1] == ' ' && text[i] == '(' {
			j--
		}
		_, w := vocab.WordBefore(text, j)
		if !kinAgeWord(strings.ToLower(w)) {
			continue
		}
		if s, e, n, ok := ageAfter(text, j); ok && (text[i] == '(' || strings.HasPrefix(text[e:], ", ") || strings.HasPrefix(text[e:], ",\n")) {
			out = append(out, Finding{
				Start: s, End: e, Kind: Age, Type: TypeApposition, Text: text[s:e],
				Recognizer: "context", Confidence: 0.7, Age: n,
			})
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// kinAgeWord reports whether w is a word for a relative or a child, after
// which a bracketed number is that person's age: the kinship nouns and
// familiar titles, and a few more.
func kinAgeWord(w string) bool {
	if vocab.KinRelations().Has(w) || vocab.FamiliarTitles().Has(w) && w != "little" && w != "big" && w != "mister" {
		return true
	}
	switch w {
	case "brothers", "sisters", "sibling", "siblings", "twin", "twins", "child", "children", "kid", "kids",
		"grandmother", "grandfather", "granddaughter", "grandchild", "grandchildren", "stepmother",
		"stepfather", "stepbrother", "stepsister", "cousins", "toddler", "boy", "girl":
		return true
	}
	return false
}

// ageAfter reads ", NN," / ", NN." / " (NN)" at position i: one to three
// digits, a plausible age, closed by punctuation or "and" so that "Ana, 34
// Elm Street" and "Ana, 2021" are not ages.
func ageAfter(text string, i int) (start, end, age int, ok bool) {
	rest := text[i:]
	var open string
	switch {
	case strings.HasPrefix(rest, ", "):
		open = ", "
	case strings.HasPrefix(rest, " ("):
		open = " ("
	case strings.HasPrefix(rest, "("):
		open = "("
	default:
		return 0, 0, 0, false
	}
	s := i + len(open)
	e := s
	for e < len(text) && e-s < 4 && text[e] >= '0' && text[e] <= '9' {
		e++
	}
	if e == s || e-s > 3 {
		return 0, 0, 0, false
	}
	n, err := strconv.Atoi(text[s:e])
	if err != nil || n < 1 || n > 120 {
		return 0, 0, 0, false
	}
	after := text[e:]
	if open != ", " {
		if !strings.HasPrefix(after, ")") {
			return 0, 0, 0, false
		}
		return s, e, n, true
	}
	if after == "" || strings.HasPrefix(after, " and ") || strings.HasPrefix(after, ", ") && !startsWithDigit(after[2:]) ||
		(after[0] == '.' || after[0] == ';' || after[0] == ':' || after[0] == ')') && !startsWithDigit(after[1:]) {
		return s, e, n, true
	}
	return 0, 0, 0, false
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// predicateAges finds an age said of a person with a verb: "she is 92",
// "Walter was 97 when", "I'm 34.", "he turned 91", and "At 94, she ...".
// The subject is "he", "she", "I", "who" or a person finding (plural pronouns
// are left out: "we were 3" counts people); the number must end its clause
// ("she was 5 minutes late", "BP was 97 over 60" are no ages), which keeps
// measurements out. It looks only behind and after each short number, so it
// costs little on number-heavy notes.
func predicateAges(text string, fs []Finding) []Finding {
	var personEnds, personStarts map[int]bool // made for the first number that may be an age
	var out []Finding
	for s := 0; s < len(text); s++ {
		if s = nextDigit(text, s); s == len(text) {
			break
		}
		e := s
		for e < len(text) && isDigit(text[e]) {
			e++
		}
		if e-s > 3 || s == 0 || text[s-1] != ' ' {
			s = e // ageBefore's first test: no age
			continue
		}
		if personEnds == nil {
			personEnds, personStarts = personBounds(fs)
		}
		start, n, typ, ok := ageBefore(text, s, e, personEnds, personStarts)
		if ok {
			out = append(out, Finding{
				Start: start, End: e, Kind: Age, Type: typ, Text: text[start:e],
				Recognizer: "context", Confidence: 0.75, Age: n,
			})
		}
		s = e
	}
	return out
}

// ageBefore checks the number at [s, e): "At N, she", or a subject and a
// verb of being or turning before it and the end of a clause after it.
// It returns where the finding starts, the age and the finding's type.
func ageBefore(text string, s, e int, personEnds, personStarts map[int]bool) (int, int, Type, bool) {
	if e-s > 3 || s == 0 || text[s-1] != ' ' {
		return 0, 0, "", false
	}
	n, _ := strconv.Atoi(text[s:e])
	return ageBeforeN(text, s, e, n, personEnds, personStarts)
}

// ageBeforeN is ageBefore for the number n written at [s, e), in digits
// or in words (proseages.go).
func ageBeforeN(text string, s, e, n int, personEnds, personStarts map[int]bool) (int, int, Type, bool) {
	if n < 1 || n > 120 || s == 0 || text[s-1] != ' ' {
		return 0, 0, "", false
	}
	if at, ok := lifeEventAt(text, s, e); ok {
		return at, n, TypeAtAge, true // "He died at 67." -> "He died aged late 60s."
	}
	// "At 94, she still swims."
	if s >= 3 && (text[s-3:s] == "At " || text[s-3:s] == "at ") && clauseStart(text, s-3) && strings.HasPrefix(text[e:], ", ") {
		rest := text[e+2:]
		w := vocab.LeadingWord(rest)
		if w == "he" || w == "she" || w == "I" || personStarts[e+2] {
			return s - 3, n, TypeAtAge, true
		}
		return 0, 0, "", false
	}
	if !endsClause(text[e:]) {
		return 0, 0, "", false
	}
	// Back over an adverb ("was only 91"), then the verb, then the subject.
	i, w := vocab.WordBefore(text, s-1)
	if vocab.AgeAdverbs().Has(strings.ToLower(w)) {
		i, w = vocab.WordBefore(text, i)
	}
	lw := strings.ToLower(w)
	switch {
	case vocab.AgeVerbs().Has(lw):
		if j, w2 := vocab.WordBefore(text, i); lw == "turned" && (strings.EqualFold(w2, "had") || strings.EqualFold(w2, "has")) || lw == "be" && (strings.EqualFold(w2, "will") || strings.EqualFold(w2, "would")) {
			i = j
		} else if lw == "be" {
			return 0, 0, "", false
		}
		j, subj := vocab.WordBefore(text, i)
		if vocab.AgeSubjects().Has(strings.ToLower(subj)) || personEnds[j+len(subj)] && subj != "" || possessedSubject(text, j, subj) {
			return s, n, "predicate", true
		}
	case strings.ContainsAny(lw, "'’"):
		// "I'm 34", "she's 92"
		k := strings.IndexAny(lw, "'’")
		subj, verb := lw[:k], strings.TrimLeft(lw[k:], "'’")
		if vocab.AgeSubjects().Has(subj) && (verb == "m" || verb == "s") {
			return s, n, "predicate", true
		}
	}
	return 0, 0, "", false
}

// clauseStart reports whether position i starts a sentence or a line.
func clauseStart(text string, i int) bool {
	b := strings.TrimRight(text[:i], " ")
	return b == "" || strings.HasSuffix(b, "\n") || strings.ContainsRune(".!?", rune(b[len(b)-1])) && len(b) < i
}

// endsClause reports whether what follows a number closes its clause: the
// end of the text, punctuation that is no part of a number, or a word that
// starts a new phrase.
func endsClause(after string) bool {
	switch {
	case after == "":
		return true
	case strings.ContainsRune(".,;:!?)", rune(after[0])):
		return !startsWithDigit(after[1:])
	case after[0] == ' ' || after[0] == '\n':
		w := strings.TrimLeft(after, " \n")
		lw := strings.ToLower(vocab.LeadingWord(w))
		if lw == "in" {
			// "she was 45 in 2019", not "she is 1 in a million"
			return startsWithDigit(strings.TrimLeft(w[2:], " "))
		}
		return vocab.ClauseEnders().Has(lw)
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// nextDigit returns the offset of the first ASCII digit of text at i or
// after, or len(text). Prose has few digits: it reads eight bytes at a
// time, a byte being a digit when it is below 0x80 and adding 0x50 to its
// low seven bits sets the top bit (it is '0' or above) but adding 0x46
// does not (it is '9' or below); no sum carries into the next byte.
func nextDigit(text string, i int) int {
	const lo7, top, ge0, gt9 = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080, 0x5050505050505050, 0x4646464646464646
	for ; i+8 <= len(text); i += 8 {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(text[i:]), 8))
		t := x & lo7
		if (t+ge0)&^(t+gt9)&^x&top != 0 {
			break
		}
	}
	for ; i < len(text) && !isDigit(text[i]); i++ {
	}
	return i
}

// personBounds returns the offsets where the person findings among fs end and
// where they start.
func personBounds(fs []Finding) (ends, starts map[int]bool) {
	ends, starts = map[int]bool{}, map[int]bool{}
	for _, f := range fs {
		if f.Kind == Person {
			ends[f.End], starts[f.Start] = true, true
		}
	}
	return ends, starts
}
