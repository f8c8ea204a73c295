package deid

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Books of the Bible that a post cites without chapter and verse ("I have
// been reading Ephesians", "the words of Lamentations") are works: they
// name no one, and read as towns they make nonsense ("the words of a small
// town"). A book's title that is no first name of any currency stays as
// written wherever it stands; a title that is also a first name ("Ruth",
// "Titus") is a book only in a reference ("the book of Ruth", "the epistle
// to Titus", "the Gospel of ..."), and elsewhere stays a name. So is a title
// that is an everyday word ("Numbers", "Acts"), which any title or heading
// may capitalise. With a chapter and verse, any name is a book (citedWork).

// bookNameBirths is the number of people given a first name from which a
// book's title is also a person's name.
const bookNameBirths = 1_000

// dropBibleBooks returns fs without the findings that are books of the
// Bible cited by title.
func (e *Engine) dropBibleBooks(text string, fs []Finding) []Finding {
	return deleteFunc(fs, func(f Finding) bool { return nameLike(f.Kind) && e.bibleBook(text, f) })
}

// bibleBook reports whether finding f is a book of the Bible cited by its
// title.
func (e *Engine) bibleBook(text string, f Finding) bool {
	w := strings.ToLower(f.Text)
	if !vocab.BibleBooks().Has(w) || !isUpperByte(f.Text[0]) || strings.HasPrefix(text[f.End:], "'s") || strings.HasPrefix(text[f.End:], "’s") {
		return false // "a book of Ruth's poems" is hers
	}
	before := strings.ToLower(text[max(0, f.Start-24):f.Start])
	for p := range vocab.BookPhrases().All() {
		if strings.HasSuffix(before, p+" ") {
			return true
		}
	}
	if c, ok := e.gaz.(FirstNameCounter); !ok || c.FirstNameBirths(w) >= bookNameBirths {
		return false // "Ruth", "Titus": a name unless the reference says book
	}
	if lvl, ok := e.gaz.WordLevel(w); ok && lvl < genericLevel {
		return false // "Numbers", "Acts": an everyday word capitalised in any title
	}
	return true
}
