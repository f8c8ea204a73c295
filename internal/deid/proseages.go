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
	personEnds, personStarts := personBounds(fs)
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
		if n := numberWordValue(strings.ToLower(text[i:j])); n >= 2 {
			if start, age, typ, ok := ageBeforeN(text, i, j, n, personEnds, personStarts); ok {
				out = append(out, Finding{Start: start, End: j, Kind: Age, Type: typ, Text: text[start:j],
					Recognizer: "context", Confidence: 0.7, Age: age})
			}
		}
		i = j
	}
	return out
}

func isLetterASCII(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// numberWordValue reads a number from two to ninety-nine written in words
// ("seven", "sixteen", "forty", "twenty-two"), or 0.
func numberWordValue(w string) int {
	units := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	value := func(w string, list []string, mul int) int {
		for k, u := range list {
			if u != "" && w == u {
				return k * mul
			}
		}
		return 0
	}
	if t, u, ok := strings.Cut(w, "-"); ok {
		tv, uv := value(t, tens, 10), value(u, units, 1)
		if tv == 0 || uv == 0 || uv > 9 {
			return 0
		}
		return tv + uv
	}
	if v := value(w, units, 1); v > 0 {
		return v
	}
	return value(w, tens, 10)
}
