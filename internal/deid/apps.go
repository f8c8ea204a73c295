package deid

import (
	"strings"
)

// An app's name before the word "app" ("the Calmora app", "two Brightloop
// apps") names a product, which identifies no one, and stays as written:
// replaced, it reads as nonsense ("the Quinn app", "the an app app"). The
// name is one capitalised word that the gazetteer knows neither as a place
// nor as a first name of any currency ("the Tamsin app" may be a person's
// and is replaced). Names of apps in other positions ("notes in ...") are
// the statistical layer's to tell, which marks them as type "app" for the
// planner's "an app".

// appNameBirths is the number of people given a first name above which a
// word before "app" may be a person's name.
const appNameBirths = 1_000

// dropAppNames returns fs without the findings that name an app.
func (e *Engine) dropAppNames(text string, fs []Finding) []Finding {
	if !strings.Contains(text, " app") {
		return fs // most texts: nothing to do
	}
	return deleteFunc(fs, func(f Finding) bool { return nameLike(f.Kind) && e.appName(text, f) })
}

// appName reports whether f is one capitalised word followed by "app" or
// "apps" that is no known place and no first name of some currency.
func (e *Engine) appName(text string, f Finding) bool {
	w := f.Text
	if w == "" || !isUpperByte(w[0]) || strings.ContainsAny(w, " \t\n'’") {
		return false
	}
	rest := text[f.End:]
	if !strings.HasPrefix(rest, " app") {
		return false
	}
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, " app"), "s")
	if rest != "" && isLetterByte(rest[0]) {
		return false // "applied", "approach"
	}
	if _, ok := e.gaz.Place(w); ok {
		return false
	}
	if c, ok := e.gaz.(FirstNameCounter); ok && c.FirstNameBirths(strings.ToLower(w)) >= appNameBirths {
		return false
	}
	return e.gaz.Sex(w) == SexUnknown
}

func isUpperByte(b byte) bool { return b >= 'A' && b <= 'Z' }
