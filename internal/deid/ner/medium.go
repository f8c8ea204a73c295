package ner

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Apps, sites and platforms. What a post says one posts on, saves to,
// keeps notes in or downloads is a medium: a single word that no list knows
// as a place, read in such a context, is a site or an app ("notes in
// Scrivly", "saved it to Pocketly", "the Calmora app", "a clip on
// Flickbox"), and the planner writes "an app" for it, never "a small town"
// or "an organisation". A place a list knows stays a place ("posted it
// from Tulsa").

// appNameBefore reports whether "app" or "apps" follows the name ending
// at end: "the Calmora app" names an app, which identifies no one, and
// stays as written ("the an app app" would be nonsense). A name before
// "page", "site" or "account" may be an employer's, and is replaced.
func appNameBefore(text string, end int) bool {
	w := strings.ToLower(nextWordAfter(text, end))
	return w == "app" || w == "apps"
}

// inMediumContext reports whether the single word at text[start:end] is
// named as a site or an app: a medium noun follows it (vocab.MediumNouns),
// or a medium preposition (vocab.MediumPreps) precedes it with a medium act
// (vocab.MediumActs) among the five words before that, within the clause.
func inMediumContext(text string, start, end int) bool {
	if vocab.MediumNouns().Has(strings.ToLower(nextWordAfter(text, end))) {
		return true
	}
	j, i := wordBefore(text, start)
	if !vocab.MediumPreps().Has(strings.ToLower(text[j:i])) {
		return false
	}
	off := j
	for n := 0; n < 5; n++ {
		k := off
		for k > 0 && text[k-1] == ' ' {
			k--
		}
		if k == 0 || strings.IndexByte(".,;:!?\n()", text[k-1]) >= 0 {
			return false // the clause ends
		}
		a, b := wordBefore(text, off)
		if a == b {
			return false
		}
		if vocab.MediumActs().Has(strings.ToLower(text[a:b])) {
			return true
		}
		off = a
	}
	return false
}

// nextWordAfter returns the run of ASCII letters after the spaces at i.
func nextWordAfter(text string, i int) string {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	j := i
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		j++
	}
	return text[i:j]
}
