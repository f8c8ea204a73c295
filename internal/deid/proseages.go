package deid

import (
	"bytes"
	"strings"
	"unsafe"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Ages said of a person in prose, beside what predicateAges reads:
//
//   - the subject is a relative or a role with a possessive: "Her son is
//     7", "our eldest is nearly 10", "my client was 73 when";
//   - the age is an event's: "he died at 67", "she married at 19", "a
//     mother at 17" (vocab.LifeEventWords, and the kinship nouns);
//   - the number is written in words: "she was only sixteen when", "I was
//     twenty-two and".
//
// The number must still end its clause, which keeps counts and times out
// ("he died at 5 pm", "she was one of them").

// possessedSubject reports whether the word subj, which starts at j, is a
// relative or a role named with a possessive before it: "her son", "my
// client", "our eldest".
func possessedSubject(text string, j int, subj string) bool {
	w := strings.ToLower(subj)
	if !kinAgeWord(w) && !vocab.AgeSubjectNouns().Has(w) {
		return false
	}
	_, p := vocab.WordBefore(text, j)
	return vocab.BirthdayOwners().Has(strings.ToLower(p))
}

// lifeEventAt reports whether "at" and an event of a life come before the
// number at [s, e) and the number ends its clause: "died at 67", "a mother
// at 17". It returns where the finding starts: at "at", which the planner
// words with the age ("died aged late 60s", "a mother as a teenager").
func lifeEventAt(text string, s, e int) (int, bool) {
	i, w := vocab.WordBefore(text, s-1)
	if !strings.EqualFold(w, "at") || !endsClause(text[e:]) {
		return 0, false
	}
	_, ev := vocab.WordBefore(text, i)
	ev = strings.ToLower(ev)
	if vocab.LifeEventWords().Has(ev) || kinAgeWord(ev) && ev != "baby" && ev != "little" && ev != "big" {
		return i, true
	}
	if ev == "away" { // "passed away at 80"
		if _, v := vocab.WordBefore(text, i-len("away")-1); strings.EqualFold(v, "passed") {
			return i, true
		}
	}
	return 0, false
}

// wordAges finds ages written in words where predicateAges would read
// digits: "she was only sixteen when", "I was twenty-two and".
func wordAges(text string, fs []Finding) []Finding {
	var personEnds, personStarts map[int]bool
	var out []Finding
	for i := 0; i < len(text); {
		if !asciiLetter[text[i]] || i > 0 && asciiLetter[text[i-1]] {
			i++
			continue
		}
		j := i + 1
		for j < len(text) {
			if asciiLetter[text[j]] {
				j++
			} else if text[j] == '-' && j+1 < len(text) && asciiLetter[text[j+1]] {
				j += 2
			} else {
				break
			}
		}
		// A number word is short and starts and ends with one of few
		// letters: the rest are read without lower-casing them.
		var buf [len("seventy-seven")]byte
		if j-i <= len(buf) && j-i >= len("one") && numberFirst[text[i]|0x20] && numberLast[text[j-1]|0x20] {
			b := buf[:j-i]
			for k := range b {
				b[k] = text[i+k] | 0x20 // letters and '-', which |0x20 keeps
			}
			if n := numberWordValue(b); n >= 2 {
				if personEnds == nil {
					personEnds, personStarts = personBounds(fs)
				}
				if start, age, typ, ok := ageBeforeN(text, i, j, n, personEnds, personStarts); ok {
					out = append(out, Finding{Start: start, End: j, Kind: Age, Type: typ, Text: text[start:j],
						Recognizer: "context", Confidence: 0.7, Age: age})
				}
			}
		}
		i = j
	}
	return out
}

// mayHoldNumberWord reports whether wordAges may find anything in text,
// whose distinct lookup forms (Analysis.Vocab) are forms: an age in words
// starts with a run of ASCII letters, between bytes that are not, that is
// a number word from "two" to "nineteen" or a ten from "twenty" to
// "ninety" (its first part when hyphenated). Such a run is in a word of
// the text, and its form holds it lowered, as a run between bytes that
// are not lower-case ASCII letters, unless a letter beyond ASCII next to
// it was lowered to one: only the Kelvin sign and the dotted capital I
// are (TestLowersToASCII reads every rune), and a text with either is
// read whole. The forms are about a quarter of the words of a text, and
// most texts have no number word: wordAges, which reads every byte, is
// then not run.
func mayHoldNumberWord(text string, forms []string) bool {
	if strings.Contains(text, "\u212a") || strings.Contains(text, "\u0130") {
		return true
	}
	for _, f := range forms {
		for i := 0; i < len(f); {
			if f[i] < 'a' || f[i] > 'z' {
				i++
				continue
			}
			j := i + 1
			for j < len(f) && 'a' <= f[j] && f[j] <= 'z' {
				j++
			}
			if j-i >= len("two") && j-i <= len("seventeen") && numberFirst[f[i]] && numberLast[f[j-1]] &&
				numberWordValue(unsafe.Slice(unsafe.StringData(f[i:]), j-i)) >= 2 {
				return true
			}
			i = j
		}
	}
	return false
}

// asciiLetter is isLetterASCII of every byte.
var asciiLetter = func() (t [256]bool) {
	for c := range t {
		t[c] = isLetterASCII(byte(c))
	}
	return t
}()

func isLetterASCII(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// numberWordValue reads a number from two to ninety-nine written in words
// ("seven", "sixteen", "forty", "twenty-two"), or 0 (it reads "one" as 1).
// It takes the word's bytes, which the switches read without copying.
func numberWordValue(w []byte) int {
	if t, u, ok := bytes.Cut(w, []byte{'-'}); ok {
		tv, uv := numberTen(t), numberUnit(u)
		if tv == 0 || uv == 0 || uv > 9 {
			return 0
		}
		return tv + uv
	}
	if v := numberUnit(w); v > 0 {
		return v
	}
	return numberTen(w)
}

// numberUnit is the value of a number word from "one" to "nineteen", or 0.
func numberUnit(w []byte) int {
	switch string(w) {
	case "one":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	case "ten":
		return 10
	case "eleven":
		return 11
	case "twelve":
		return 12
	case "thirteen":
		return 13
	case "fourteen":
		return 14
	case "fifteen":
		return 15
	case "sixteen":
		return 16
	case "seventeen":
		return 17
	case "eighteen":
		return 18
	case "nineteen":
		return 19
	}
	return 0
}

// numberTen is the value of a number word of tens from "twenty" to
// "ninety", or 0.
func numberTen(w []byte) int {
	switch string(w) {
	case "twenty":
		return 20
	case "thirty":
		return 30
	case "forty":
		return 40
	case "fifty":
		return 50
	case "sixty":
		return 60
	case "seventy":
		return 70
	case "eighty":
		return 80
	case "ninety":
		return 90
	}
	return 0
}

// numberFirst holds the first letters of the number words ("one" to
// "ninety"), the shortest of which has three letters.
var numberFirst = func() (t [256]bool) {
	for _, c := range "eftnos" {
		t[c] = true
	}
	return t
}()

// numberLast holds the last letters of the number words from "two" to
// "ninety" (and of "one").
var numberLast = func() (t [256]bool) {
	for _, c := range "enortxy" {
		t[c] = true
	}
	return t
}()
