package deid

import (
	"strings"

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
		if !isLetterASCII(text[i]) || i > 0 && isLetterASCII(text[i-1]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isLetterASCII(text[j]) || text[j] == '-' && j+1 < len(text) && isLetterASCII(text[j+1])) {
			j++
		}
		// A number word is short and starts with one of few letters: the
		// rest are read without lower-casing them.
		var buf [len("seventy-seven")]byte
		if j-i <= len(buf) && numberFirst[text[i]|0x20] {
			b := buf[:j-i]
			for k := range b {
				b[k] = text[i+k] | 0x20 // letters and '-', which |0x20 keeps
			}
			if n := numberWordValue(string(b)); n >= 2 {
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

func isLetterASCII(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// numberWordValue reads a number from two to ninety-nine written in words
// ("seven", "sixteen", "forty", "twenty-two"), or 0 (it reads "one" as 1).
func numberWordValue(w string) int {
	if t, u, ok := strings.Cut(w, "-"); ok {
		tv, uv := numberTens[t], numberUnits[u]
		if tv == 0 || uv == 0 || uv > 9 {
			return 0
		}
		return tv + uv
	}
	if v := numberUnits[w]; v > 0 {
		return v
	}
	return numberTens[w]
}

var (
	numberUnits = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19}
	numberTens = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90}
	// numberFirst holds the first letters of the number words.
	numberFirst = func() (t [256]bool) {
		for w := range numberUnits {
			t[w[0]] = true
		}
		for w := range numberTens {
			t[w[0]] = true
		}
		return t
	}()
)
