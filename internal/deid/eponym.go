package deid

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// eponymHeads are the nouns that make the names before them part of a
// medical term: "Erdheim–Chester disease", "Down syndrome", "Bell's palsy".
// The value is false for heads that also follow an institution's name
// ("the U Maryland scale", "the Mayo protocol"): they make an eponym only
// of a person finding ("Apgar score") or with a capitalised word between
// ("Glasgow Coma Scale").
var eponymHeads = map[string]bool{
	"disease": true, "diseases": true, "syndrome": true, "palsy": true, "sarcoma": true,
	"lymphoma": true, "tumor": true, "tumour": true, "anomaly": true, "disorder": true,
	"reflex": true, "maneuver": true, "manoeuvre": true, "fracture": true, "ulcer": true,
	"hernia": true, "phenomenon": true, "encephalopathy": true, "dystrophy": true,
	"ataxia": true, "chorea": true, "neuralgia": true,
	"score": false, "scale": false, "criteria": false, "classification": false, "procedure": false,
}

// institutionWords end the name of an institution, never an eponym.
var institutionWords = map[string]bool{
	"clinic": true, "hospital": true, "university": true, "center": true, "centre": true,
	"institute": true, "college": true, "health": true, "medical": true, "school": true,
}

// dropEponyms removes name findings that are part of an eponymous term: a
// pseudonym there turns "Erdheim–Chester disease" into nonsense and names
// nobody. A possessive first name stays a person ("Maria's disease" is hers).
// Whether a rare disease points to someone is the risk gate's question.
func (e *Engine) dropEponyms(text string, fs []Finding) []Finding {
	out := fs[:0:0]
	for _, f := range fs {
		if nameLike(f.Kind) && f.Replacement == "" && e.inEponym(text, f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// inEponym reports whether an eponym's head noun ends finding f or follows
// it, maybe after a possessive and up to two more capitalised words joined
// by spaces or dashes.
func (e *Engine) inEponym(text string, f Finding) bool {
	// "Glasgow Coma Scale" found whole.
	if words := strings.Fields(f.Text); len(words) > 1 && e.isHead(f, words[len(words)-1], len(words) > 2) {
		return true
	}
	i := f.End
	poss := false
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if strings.HasPrefix(text[i:], p) {
			i, poss = i+len(p), true
			break
		}
	}
	if poss {
		words := strings.Fields(f.Text)
		if len(words) > 0 && e.gaz.Sex(strings.ToLower(words[len(words)-1])) != SexUnknown {
			return false
		}
	}
	for hops := 0; hops < 3; hops++ {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != ' ' && r != '-' && r != '–' && r != '—' {
			return false
		}
		i += n
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		w := text[i:j]
		if w == "" {
			return false
		}
		if r == ' ' && e.isHead(f, w, hops > 0) {
			return true
		}
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) || poss || institutionWords[strings.ToLower(w)] {
			return false // "the Mayo Clinic scale" names the clinic
		}
		i = j
	}
	return false
}

// isHead reports whether w is an eponym's head noun for finding f; named
// says a capitalised word stands between them ("Glasgow Coma Scale").
func (e *Engine) isHead(f Finding, w string, named bool) bool {
	any, ok := eponymHeads[strings.ToLower(w)]
	return ok && (any || named || f.Kind == Person)
}
