package deid

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/markdown"
)

// alsoWhereHidden adds to fs (sorted, non-overlapping, offsets into src)
// each occurrence in src, as a word, of the text of a name that fs
// replaces, where the view did not show that occurrence as that word. The
// view sets inline markup aside between two letters so that a name split
// by it reads whole ("Ode**tt**e"); a run that the page shows as written
// (an unpaired '*' in "Name*x") then joined the name to the letters beyond
// it, and neither the recognizers nor propagation, which read the view,
// could see the name that the page shows. Such an occurrence takes the
// finding of its text: its kind and replacement. A leaked name costs more
// than one extra replacement, so nothing but the view's own reading is
// trusted to leave a name's occurrence alone.
func alsoWhereHidden(src string, view *markdown.View, fs []Finding) []Finding {
	if view.Same() {
		return fs
	}
	return alsoAt(src, fs, func(text string, s, e int) bool {
		return wordAt(src, s, e) && !seenAsWord(view, s, e, text)
	})
}

// alsoJoinedByCase adds to fs (sorted, non-overlapping, offsets into src)
// each occurrence in src of the text of a capitalised name that fs
// replaces where the name is joined to the letters or digits before it at
// a change of case ("helloOdette", "2024Odette"), and not to a lower-case
// letter after it. A reader sees the name there as clearly as after a
// space, and Markdown's autolinks end a link's domain at a capital, so
// that the page shows "https://host.a" as a link and the name after it as
// a word of its own. Such an occurrence takes the finding of its text: its
// kind and replacement.
func alsoJoinedByCase(src string, fs []Finding) []Finding {
	return alsoAt(src, fs, func(text string, s, e int) bool {
		first, _ := utf8.DecodeRuneInString(text)
		before, _ := utf8.DecodeLastRuneInString(src[:s])
		if s == 0 || !unicode.IsUpper(first) || !(unicode.IsLower(before) || unicode.IsDigit(before)) {
			return false
		}
		after, _ := utf8.DecodeRuneInString(src[e:])
		return e == len(src) || !unicode.IsLower(after) && !unicode.IsDigit(after)
	})
}

// alsoAt adds to fs (sorted, non-overlapping, offsets into src) each
// occurrence src[s:e] of the text of a name that fs replaces (two
// characters or more) that overlaps no finding of fs and of which shown
// says the page shows it; it takes the finding of its text.
func alsoAt(src string, fs []Finding, shown func(text string, s, e int) bool) []Finding {
	first := map[string]int{} // a name's text -> its first finding
	for i, f := range fs {
		if nameLike(f.Kind) && utf8.RuneCountInString(f.Text) >= 2 {
			if _, ok := first[f.Text]; !ok {
				first[f.Text] = i
			}
		}
	}
	var add []Finding
	for text, i := range first {
		for at := 0; at < len(src); {
			j := strings.Index(src[at:], text)
			if j < 0 {
				break
			}
			s, e := at+j, at+j+len(text)
			at = s + 1
			if overlapsAny(fs, s, e) || !shown(text, s, e) {
				continue
			}
			g := fs[i]
			g.Start, g.End, g.Text, g.Recognizer = s, e, text, "propagate"
			add = append(add, g)
		}
	}
	if len(add) == 0 {
		return fs
	}
	// Longest first where two start together; an occurrence inside another
	// added one goes.
	slices.SortFunc(add, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	kept := add[:1]
	for _, f := range add[1:] {
		if f.Start >= kept[len(kept)-1].End {
			kept = append(kept, f)
		}
	}
	out := append(slices.Clone(fs), kept...)
	slices.SortStableFunc(out, func(a, b Finding) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// wordAt reports whether src[s:e] is not joined to a letter or digit on
// either side.
func wordAt(src string, s, e int) bool {
	if r, _ := utf8.DecodeLastRuneInString(src[:s]); s > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(src[e:]); e < len(src) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	return true
}

// overlapsAny reports whether [s, e) overlaps a finding of fs (sorted by
// start, non-overlapping).
func overlapsAny(fs []Finding, s, e int) bool {
	k := sort.Search(len(fs), func(i int) bool { return fs[i].End > s })
	return k < len(fs) && fs[k].Start < e
}

// seenAsWord reports whether the view shows src[s:e], which is text, as
// that word: the same characters from the same source bytes, not joined to
// a letter or digit on either side.
func seenAsWord(view *markdown.View, s, e int, text string) bool {
	vs := viewOffset(view, s)
	ve := vs + len(text)
	if ve > len(view.Text) || view.Text[vs:ve] != text {
		return false
	}
	if ss, se := view.Source(vs, ve); ss != s || se != e {
		return false
	}
	return wordAt(view.Text, vs, ve)
}
