package deid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// citedAuthor reports whether the person finding f names an author a post
// quotes, by the context alone, never by a list of famous names: a full
// name (two or three capitalised words) after a clause-opening "As" and
// before a verb of writing or arguing ("As Viktor Frankl wrote", "as Ada
// Quill reminds us"), or a full name alone after a quotation's closing
// mark and a dash at the end of a line (`"..." — Ada Quill`). A client
// named with a verb of speech ("As Ana said") or with a title ("— Mr.
// Okafor") stays a finding.
func citedAuthor(text string, f Finding) bool {
	start, end := nameRun(text, f.Start, f.End)
	words := strings.Fields(text[start:end])
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if vocab.Honorifics().Has(strings.ToLower(strings.TrimSuffix(w, "."))) || vocab.FamiliarTitles().Has(strings.ToLower(w)) {
			return false // "Mr. Okafor", "Gran Ruth": someone the writer knows
		}
	}
	before := strings.TrimRight(text[:start], " ")
	after := text[end:]
	if lw := lastWord(before); strings.EqualFold(lw, "as") && opensClause(before[:len(before)-len(lw)]) {
		for v := range vocab.CiteVerbs().All() {
			if strings.HasPrefix(after, " "+v) && (len(after) == len(v)+1 || !isWordByte(after[len(v)+1])) {
				return true
			}
		}
		return false
	}
	// An epigraph's attribution: the name ends its line.
	if rest := strings.TrimLeft(after, " "); rest != "" && rest[0] != '\n' && rest[0] != '\r' {
		return false
	}
	for _, dash := range []string{"—", "–", "-", "~"} {
		if b, ok := strings.CutSuffix(before, dash); ok {
			b = strings.TrimRight(b, " ")
			r, _ := utf8.DecodeLastRuneInString(b)
			return r == '"' || r == '”' || r == '’' || r == '\''
		}
	}
	return false
}

// nameRun widens [s, e) to the capitalised words next to it on the same
// line: a finding may hold one word of a name.
func nameRun(text string, s, e int) (int, int) {
	for {
		j := s
		for j > 0 && text[j-1] == ' ' {
			j--
		}
		k := j
		for k > 0 && isWordByte(text[k-1]) {
			k--
		}
		if k == j || j == s || !capital(text[k:j]) || strings.EqualFold(text[k:j], "as") {
			break
		}
		s = k
	}
	for {
		j := e
		for j < len(text) && text[j] == ' ' {
			j++
		}
		k := j
		for k < len(text) && isWordByte(text[k]) {
			k++
		}
		if k == j || j == e || !capital(text[j:k]) {
			break
		}
		e = k
	}
	return s, e
}

func capital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isWordByte(c byte) bool {
	return c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' || c == '-'
}

// lastWord is the last run of word bytes of s.
func lastWord(s string) string {
	k := len(s)
	for k > 0 && isWordByte(s[k-1]) {
		k--
	}
	return s[k:]
}

// opensClause reports whether a word after s opens a clause: s ends with
// nothing, a line break, a stop, a comma, a semicolon, a colon or a dash.
func opensClause(s string) bool {
	s = strings.TrimRight(s, " ")
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("\n.!?,;:—–(\"“", r)
}

// citedWork reports whether the name finding f names a written work a post
// cites, by the context alone: a capitalised word before a chapter and
// verse ("Lamentations 3:22", "Psalm 46:10"), or numbered and before a
// chapter ("2 Timothy 1", "1 Samuel 17:4"; see bookReference), or a place
// finding that a clause opening with "As" makes the subject of a verb of
// writing or saying ("As Leviticus says", "as Proverbs puts it"): a place
// says nothing, a book does. versed holds the terms (termID) that the text
// cites with a chapter and verse elsewhere; a place finding of one of them
// is the book too. A person finding needs its own verse: "As Ana says"
// stays a finding.
func citedWork(text string, f Finding, versed map[string]bool) bool {
	if bookReference(text, f) {
		return true
	}
	if f.Kind != Place {
		return false
	}
	if versed[termID(f.Text)] {
		return true
	}
	if strings.Contains(f.Text, " ") {
		return false
	}
	before := strings.TrimRight(text[:f.Start], " ")
	lw := lastWord(before)
	if !strings.EqualFold(lw, "as") || !opensClause(before[:len(before)-len(lw)]) {
		return false
	}
	after := text[f.End:]
	for _, v := range append([]string{"says", "said", "tells us", "told us"}, vocab.CiteVerbs().Words()...) {
		if strings.HasPrefix(after, " "+v) && (len(after) == len(v)+1 || !isWordByte(after[len(v)+1])) {
			return true
		}
	}
	return false
}

// chapterVerseAfter reports whether s opens with a chapter and verse
// reference, " 3:16" or " 3:16-18", as a citation of a book of scripture or
// of a numbered work writes it after the book's name. A time ("at 3:15")
// follows no capitalised name.
func chapterVerseAfter(s string) bool {
	if !strings.HasPrefix(s, " ") {
		return false
	}
	s = s[1:]
	n := 0
	for n < len(s) && n < 4 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n >= len(s) || s[n] != ':' {
		return false
	}
	m := n + 1
	for m < len(s) && m-n-1 < 4 && s[m] >= '0' && s[m] <= '9' {
		m++
	}
	return m > n+1 && (m == len(s) || !isWordByte(s[m]) || s[m] == '-')
}

// bookReference reports whether finding f is the name in a reference to a
// book and a chapter: before a chapter and verse (" 3:16"), or after the
// number of a book of several parts (1 to 3) and before a chapter number
// ("2 Timothy 1", "1 Samuel 17"). The second form is weaker: a person
// finding needs the verse ("at 3 Ana 4" stays a finding).
func bookReference(text string, f Finding) bool {
	after := text[f.End:]
	if chapterVerseAfter(after) {
		return true
	}
	if f.Kind == Person {
		return false // a person's name needs the verse
	}
	b := text[:f.Start]
	if len(b) < 2 || b[len(b)-1] != ' ' || b[len(b)-2] < '1' || b[len(b)-2] > '3' || len(b) > 2 && isWordByte(b[len(b)-3]) {
		return false
	}
	return len(after) > 1 && after[0] == ' ' && after[1] >= '1' && after[1] <= '9'
}
