package deid

import (
	"cmp"
	"slices"

	"github.com/veil-blog/veil/internal/markdown"
)

// readBothWays returns what read finds in the view of doc.Text that a
// reader sees (markdown.Visible), with offsets into doc.Text; where that
// view joined letters across a delimiter run (View.Joined), it adds what
// read finds in the view that reads such runs apart (withApart).
func readBothWays(doc *Doc, read func(view *markdown.View, seen *Doc) ([]Finding, error)) ([]Finding, error) {
	view, seen := visible(doc, markdown.Visible)
	fs, err := read(view, seen)
	if err != nil || !view.Joined() {
		return fs, err
	}
	apart, seen := visible(doc, markdown.VisibleApart)
	other, err := read(apart, seen)
	if err != nil {
		return nil, err
	}
	return withApart(doc.Text, fs, other), nil
}

// withApart adds to fs (sorted, non-overlapping, offsets into src) what
// other, the findings of the same text read with its delimiter runs
// between letters apart (markdown.VisibleApart), holds that fs leaves
// shown. The view joins the letters around such a run ("Ode**tt**e" reads
// "Odette") when a run of the same length on its line could pair with
// it; the page hides the run only if the paragraph's delimiters really
// pair so, and otherwise shows the letters apart ("Name*x" beside
// "*word*"): the name "Name" that the joined reading never saw. Both
// readings are therefore honoured, the joined one first.
//
// A finding of other that lies within fs's findings adds nothing. One that
// overlaps none takes, if fs replaces the same text elsewhere, that
// finding's kind and replacement, so that a name keeps one pseudonym in the
// document. One that overlaps some of fs's findings without lying within
// them becomes, with them, one finding over their union, with the
// replacement of the longest: a few more words replaced rather than part of
// a name shown.
func withApart(src string, fs, other []Finding) []Finding {
	var extra []Finding
	for _, g := range other {
		if !covered(fs, g.Start, g.End) {
			extra = append(extra, g)
		}
	}
	if len(extra) == 0 {
		return fs
	}
	byText := map[string]Finding{}
	for _, f := range fs {
		if _, ok := byText[f.Text]; !ok {
			byText[f.Text] = f
		}
	}
	all := append(slices.Clone(fs), extra...)
	slices.SortStableFunc(all, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	out := all[:0:0]
	for i := 0; i < len(all); {
		// A group: findings that overlap one another in a chain.
		j, end, longest := i+1, all[i].End, i
		for j < len(all) && all[j].Start < end {
			if all[j].End > end {
				end = all[j].End
			}
			if all[j].End-all[j].Start > all[longest].End-all[longest].Start {
				longest = j
			}
			j++
		}
		f := all[longest]
		if same, ok := byText[f.Text]; ok && j == i+1 {
			f = same // fs's own finding, or an added one of the same text
		}
		f.Start, f.End, f.Text = all[i].Start, end, src[all[i].Start:end]
		out = append(out, f)
		i = j
	}
	return out
}

// covered reports whether fs (sorted, non-overlapping) holds every byte of
// [s, e).
func covered(fs []Finding, s, e int) bool {
	i, _ := slices.BinarySearchFunc(fs, s, func(f Finding, at int) int {
		return cmp.Compare(f.End, at+1)
	})
	for ; i < len(fs) && s < e; i++ {
		if fs[i].Start > s {
			return false
		}
		s = max(s, fs[i].End)
	}
	return s >= e
}
