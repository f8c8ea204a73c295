package markdown

import (
	_ "embed"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// languagesTxt lists the language identifiers a fenced code block may
// name (see tools/genlangs for where they come from).
//
//go:embed languages.txt
var languagesTxt string

// languages is the set of languagesTxt, built once.
var languages = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(languagesTxt, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
})

// langClass matches the class of a code element that names a known
// language, in any case ("language-go", "language-Go").
var langClass = func() *regexp.Regexp {
	var alts []string
	for l := range languages() {
		alts = append(alts, regexp.QuoteMeta(l))
	}
	sort.Strings(alts)
	return regexp.MustCompile(`^(?i:language-(?:` + strings.Join(alts, "|") + `))$`)
}()

// Language returns the language a fenced code block's info string names
// (its first word, "ruby" of "ruby {linenos=true}"), in lower case, when it
// is one of a known list of programming and markup languages; otherwise
// "". The info string reaches the page as a class ("language-ruby"), so
// only a known language identifier is kept: anything else may be words the
// author wrote, and a word there is no text a reader sees.
func Language(info string) string {
	w := strings.TrimSpace(info)
	if i := strings.IndexFunc(w, func(r rune) bool { return unicode.IsSpace(r) || r == '{' || r == ',' }); i >= 0 {
		w = w[:i]
	}
	w = strings.ToLower(strings.TrimPrefix(w, "."))
	if languages()[w] {
		return w
	}
	return ""
}

// FenceInfo is the info string of one fenced code block: its byte range
// in the source and the language it names (see Language), if any.
type FenceInfo struct {
	Start, End int
	Language   string
}

// FenceInfos returns the info strings of the fenced code blocks of a
// Markdown document, in order. A block with no info string has none.
func (c *Converter) FenceInfos(src []byte) []FenceInfo {
	doc := c.md.Parser().Parse(text.NewReader(src))
	var out []FenceInfo
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && f.Info != nil {
			seg := f.Info.Segment
			out = append(out, FenceInfo{Start: seg.Start, End: seg.Stop, Language: Language(string(seg.Value(src)))})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// dropUnknownLanguages removes the info string of every fenced code block
// that names no known language, so that no class is written for it.
func dropUnknownLanguages(doc ast.Node, src []byte) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && f.Info != nil && Language(string(f.Info.Segment.Value(src))) == "" {
			f.Info = nil
		}
		return ast.WalkContinue, nil
	})
}
