package deid

import (
	"cmp"
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/veil-blog/veil/internal/markdown"
)

// Action says what the planner does with one kind of finding.
type Action string

// The actions. They mirror the `deid:` configuration section.
const (
	Replace    Action = "replace"    // a consistent pseudonym or shifted value
	Generalise Action = "generalise" // a coarser description ("a small town")
	Redact     Action = "redact"     // a neutral label ("[name]")
)

// Engine runs the de-identification pipeline. It is safe for concurrent use
// once built: all its state is read-only after New, but for the arrays it
// lends to the documents it reads (scratch).
type Engine struct {
	detectors []Detector
	actions   map[Kind]Action
	key       []byte
	gaz       Gazetteer
	planner   Planner
	// scratch holds *scratch: the arrays of a document's analysis, lent
	// to each document read and taken back after it.
	scratch      sync.Pool
	freshScratch bool // WithFreshScratch
}

// Option configures an Engine.
type Option func(*Engine)

// WithDetectors appends detectors, which run in the order given.
func WithDetectors(ds ...Detector) Option {
	return func(e *Engine) { e.detectors = append(e.detectors, ds...) }
}

// WithKey sets the secret that keys pseudonyms and date shifts. The same key
// gives the same replacements in every build.
func WithKey(key []byte) Option {
	return func(e *Engine) { e.key = append([]byte(nil), key...) }
}

// WithAction sets the action for one kind.
func WithAction(k Kind, a Action) Option {
	return func(e *Engine) { e.actions[k] = a }
}

// DefaultActions are the actions used for kinds not set with WithAction.
func DefaultActions() map[Kind]Action {
	return map[Kind]Action{
		Person: Replace, Place: Generalise, Date: Replace, Age: Generalise,
		Contact: Redact, ID: Redact, Organization: Generalise, Rare: Redact,
	}
}

// New builds an Engine.
func New(opts ...Option) *Engine {
	e := &Engine{actions: DefaultActions(), gaz: noGazetteer{}, planner: labelPlanner{}}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Result is a de-identified text with the findings that were replaced.
type Result struct {
	// Text is the de-identified text.
	Text string
	// Findings are sorted by Start, do not overlap, and have Replacement set.
	// Their offsets point into the original text.
	Findings []Finding
}

// Deidentify finds and replaces identifying details in doc.Text. The
// recognizers and the planner read the text a reader sees (markdown.View:
// character references decoded, invisible characters and markup inside a
// word set aside); each finding is then moved back to the exact bytes of
// doc.Text that show it, and replaced there whole. Any error or panic in a
// detector is returned as an error: the caller must then hold the text
// back rather than publish it.
func (e *Engine) Deidentify(ctx context.Context, doc *Doc) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("deid: panic: %v\n%s", r, debug.Stack())
		}
	}()
	planned, err := readBothWays(doc, func(view *markdown.View, seen *Doc) ([]Finding, error) {
		return e.planIn(ctx, doc, view, seen)
	})
	if err != nil {
		return nil, err
	}
	return &Result{Text: Apply(doc.Text, planned), Findings: planned}, nil
}

// planIn returns the planned findings of the text seen, which view shows of
// doc.Text, moved to doc.Text.
func (e *Engine) planIn(ctx context.Context, doc *Doc, view *markdown.View, seen *Doc) ([]Finding, error) {
	// The planner gets the Doc the detectors read, with its analysis, so
	// that it can read the words they made instead of the text again.
	seen = e.lend(seen)
	found, err := e.detectAnalysed(ctx, seen)
	if err != nil {
		return nil, err
	}
	found = e.wholePhrases(seen.Text, found)
	planned := e.planner.Plan(seen, found, Settings{Key: e.key, Actions: e.actions, Gazetteer: e.gaz})
	// The findings hold offsets and strings, not the words: the arrays
	// go back for the next document.
	e.release(seen)
	planned = toSource(doc.Text, view, planned, true)
	return alsoJoinedByCase(doc.Text, alsoWhereHidden(doc.Text, view, planned)), nil
}

// Detect runs the detectors, the author's known and allow lists, propagation
// and the resolver on the text a reader sees of doc.Text (see Deidentify);
// it returns merged, non-overlapping findings sorted by offset into
// doc.Text, without replacements.
func (e *Engine) Detect(ctx context.Context, doc *Doc) ([]Finding, error) {
	return readBothWays(doc, func(view *markdown.View, seen *Doc) ([]Finding, error) {
		found, err := e.detect(ctx, seen)
		if err != nil {
			return nil, err
		}
		return alsoJoinedByCase(doc.Text, alsoWhereHidden(doc.Text, view, toSource(doc.Text, view, found, false))), nil
	})
}

// visible returns the view of doc.Text that a reader sees (character
// references decoded, invisible characters set aside), made by see
// (markdown.Visible or VisibleApart), and doc with that text, which the
// detectors and the planner read: "&#79;dette" and "Ode\u00ADtte" are read
// as "Odette", and replaced in the source whole.
func visible(doc *Doc, see func(string) *markdown.View) (*markdown.View, *Doc) {
	view := see(doc.Text)
	if view.Same() {
		return view, doc
	}
	seen := *doc
	seen.Text = view.Text
	seen.analysis = nil
	if len(doc.Labels) > 0 {
		seen.Labels = make([]Label, len(doc.Labels))
		for i, l := range doc.Labels {
			seen.Labels[i] = Label{viewOffset(view, l.Start), viewOffset(view, l.End)}
		}
	}
	return view, &seen
}

// viewOffset returns the offset in view.Text of the first character shown
// from source offset off or after it.
func viewOffset(view *markdown.View, off int) int {
	return sort.Search(len(view.Text), func(o int) bool {
		s, _ := view.Source(o, o+1)
		return s >= off
	})
}

// toSource moves findings from the view to the source it shows: each span
// grows to whole character references and takes the invisible characters
// inside it, and its Text becomes the source bytes, as the contract of
// offsets into the exact input requires. Two findings that come to share
// source bytes (a reference that shows two characters, each in a different
// finding) become one, with the replacements of both when replaced is set.
func toSource(src string, view *markdown.View, fs []Finding, replaced bool) []Finding {
	if view.Same() {
		return fs
	}
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		f.Start, f.End = view.Source(f.Start, f.End)
		f.Text = src[f.Start:f.End]
		if n := len(out); n > 0 && f.Start < out[n-1].End {
			last := &out[n-1]
			last.End = max(last.End, f.End)
			last.Text = src[last.Start:last.End]
			if replaced {
				last.Replacement += f.Replacement
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

// detect is Detect on the text as given.
func (e *Engine) detect(ctx context.Context, doc *Doc) ([]Finding, error) {
	seen := e.lend(doc)
	found, err := e.detectAnalysed(ctx, seen)
	if err != nil {
		return nil, err
	}
	e.release(seen)
	return found, nil
}

// analysed returns a copy of doc with a new analysis of its text, made
// here so that every detector (each sees a copy of the Doc) and the planner
// share it; the caller's Doc is left alone.
func analysed(doc *Doc) *Doc {
	d := *doc
	d.analysis = nil
	d.Analysis()
	return &d
}

// detectAnalysed is detect on a Doc that analysed returned.
func (e *Engine) detectAnalysed(ctx context.Context, doc *Doc) ([]Finding, error) {
	// found is all sorted by start (stably), as each detector sees it:
	// kept by merging in each detector's findings, not sorted anew. With
	// arrays lent by the engine (sc), all starts in one of them, found is
	// merged into two in turn (a detector's Found is not read after its
	// Detect), and each detector's copy of doc is the same Doc written
	// anew.
	sc := doc.Analysis().lent
	var all, found []Finding
	seen, merges := new(Doc), 0
	if sc != nil {
		all, seen = sc.all[:0], &sc.seen
	}
	for _, d := range e.detectors {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		*seen = *doc
		seen.Found = found
		fs, err := runDetector(ctx, d, seen)
		if err != nil {
			return nil, err
		}
		all = append(all, fs...)
		if len(fs) > 0 {
			if sc != nil {
				buf := &sc.found[merges%2]
				found = mergeByStartInto((*buf)[:0], found, byStart(fs))
				*buf = found
				merges++
			} else {
				found = mergeByStart(found, byStart(fs))
			}
		}
	}
	// The glue's words, in the array lent with the analysis if any.
	var ws []word
	if sc != nil {
		ws = splitWordsInto(sc.glue, doc.Text)
		sc.glue = ws
	} else {
		ws = splitWords(doc.Text)
	}
	known := findKnown(doc, ws)
	all = append(all, e.namedPeople(doc.Text, ws)...)
	all = dropAllowed(doc, ws, all)
	all = e.dropAppNames(doc.Text, all)
	all = e.dropBibleBooks(doc.Text, all)
	all = append(all, known...)
	all = trimToName(doc.Text, all)
	all = e.dropEponyms(doc.Text, all)
	all = e.inLabels(doc, append(all, e.labelFindings(doc)...))
	all = e.inLabels(doc, e.propagate(doc.Text, ws, all))
	all = append(all, appositiveAges(doc.Text, all)...)
	all = append(all, predicateAges(doc.Text, all)...)
	if a := doc.Analysis(); !a.WordsMade() || mayHoldNumberWord(doc.Text, a.Vocab()) {
		all = append(all, wordAges(doc.Text, all)...)
	}
	merged := Merge(doc.Text, all) // a new array: all's is not returned
	if sc != nil {
		sc.all = all[:0]
	}
	// Propagation may have found a name again inside an eponym.
	return e.dropEponyms(doc.Text, merged), nil
}

// deleteFunc is slices.DeleteFunc(slices.Clone(fs), del) (del is called
// once on each finding, in order), without the copy when del deletes
// nothing: fs itself is returned then.
func deleteFunc(fs []Finding, del func(Finding) bool) []Finding {
	i := slices.IndexFunc(fs, del)
	if i < 0 {
		return fs
	}
	out := make([]Finding, i, len(fs)-1)
	copy(out, fs[:i])
	for _, f := range fs[i+1:] {
		if !del(f) {
			out = append(out, f)
		}
	}
	return out
}

func sortedByStart(fs []Finding) []Finding {
	return stableSorted(fs, func(f, g *Finding) int { return cmp.Compare(f.Start, g.Start) })
}

// byStart is fs sorted by start, equal starts in their order in fs: fs
// itself if it is (as most detectors return them), else a sorted copy.
func byStart(fs []Finding) []Finding {
	if slices.IsSortedFunc(fs, func(f, g Finding) int { return cmp.Compare(f.Start, g.Start) }) {
		return fs
	}
	return sortedByStart(fs)
}

// mergeByStart returns a new slice of the findings of a and b, each sorted
// by start, in order of start, a's before b's at the same start: what
// sortedByStart gives for a followed by b.
func mergeByStart(a, b []Finding) []Finding {
	return mergeByStartInto(make([]Finding, 0, len(a)+len(b)), a, b)
}

// mergeByStartInto is mergeByStart, appending to out, whose array must not
// hold a or b.
func mergeByStartInto(out, a, b []Finding) []Finding {
	for len(a) > 0 && len(b) > 0 {
		if b[0].Start < a[0].Start {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// stableSorted returns a sorted copy of fs, equal findings in their order
// in fs. It sorts indices, not findings: sort.SliceStable moves the large
// structs O(n log² n) times, which dominated texts with many findings.
func stableSorted(fs []Finding, compare func(f, g *Finding) int) []Finding {
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int {
		if c := compare(&fs[a], &fs[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out := make([]Finding, len(fs))
	for i, j := range idx {
		out[i] = fs[j]
	}
	return out
}

func runDetector(ctx context.Context, d Detector, doc *Doc) (fs []Finding, err error) {
	defer func() {
		if r := recover(); r != nil {
			fs, err = nil, fmt.Errorf("deid: detector %s panicked: %v", d.Name(), r)
		}
	}()
	fs, err = d.Detect(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("deid: detector %s: %w", d.Name(), err)
	}
	for i := range fs {
		if fs[i].Recognizer == "" {
			fs[i].Recognizer = d.Name()
		}
		if err := fs[i].Check(doc.Text); err != nil {
			return nil, fmt.Errorf("deid: detector %s: %w", d.Name(), err)
		}
	}
	return fs, nil
}

// Merge resolves overlapping findings: each group of overlapping spans
// becomes one finding covering their union, with the most specific kind of
// the group (ties go to the higher confidence, then the longer span). The
// result is sorted and non-overlapping; text is the source the spans point
// into. Merge does not modify its input.
func Merge(text string, fs []Finding) []Finding {
	if len(fs) == 0 {
		return nil
	}
	s := stableSorted(fs, func(f, g *Finding) int {
		if c := cmp.Compare(f.Start, g.Start); c != 0 {
			return c
		}
		return cmp.Compare(g.End, f.End)
	})
	// s is a copy: the groups are merged into it in place (out is never
	// longer than the part of s read so far).
	out := s[:1]
	mixed := false // the group being merged holds findings of more than one kind
	for _, f := range s[1:] {
		last := &out[len(out)-1]
		if f.Start >= last.End {
			out = append(out, f)
			mixed = false
			continue
		}
		mixed = mixed || f.Kind != last.Kind
		start, end := last.Start, max(last.End, f.End)
		if better(f, *last) {
			*last = f
		}
		if mixed && (last.Start != start || last.End != end) {
			last.Type = grownType(last.Type)
		}
		last.Start, last.End, last.Text = start, end, text[start:end]
	}
	return out
}

// grownType is the type of a finding whose span grew to hold the words of
// another kind's finding it overlapped: the types the planner keeps as written (a season, a
// holiday, a decade, a year) are dropped, since the text now holds more than
// the recognizer read ("spring" and a name after it), and the planner works
// from the parsed value instead.
func grownType(t Type) Type {
	switch t {
	case TypeSeason, TypeHoliday, TypeDecade, TypeYear:
		return ""
	}
	return t
}

func better(f, g Finding) bool {
	// Between two name-like kinds the evidence decides: an organisation
	// ending in "Health Center" beats a statistical guess that it is a
	// person. Otherwise structured kinds (contacts, IDs, ages, dates) win.
	//
	// A finding that holds another of its class whole saw more of the
	// text: a street address "12 Martin Luther King Blvd" or an
	// organisation "St. Mary's Hospital" is not turned into a person by
	// the name inside it (if it is fairly sure), nor a case number
	// "CW-2022-04417" into a phone by its digits (if no less sure).
	if nameLike(f.Kind) == nameLike(g.Kind) {
		if contains(f, g) && holdsWhole(f, g) {
			return true
		}
		if contains(g, f) && holdsWhole(g, f) {
			return false
		}
	}
	if !nameLike(f.Kind) || !nameLike(g.Kind) || f.Confidence == g.Confidence {
		if f.Kind.specificity() != g.Kind.specificity() {
			return f.Kind.specificity() > g.Kind.specificity()
		}
	}
	if f.Confidence != g.Confidence {
		return f.Confidence > g.Confidence
	}
	return f.Len() > g.Len()
}

// holdsWhole reports whether outer, which contains inner, is sure enough
// to keep its kind: 0.7 between names, inner's confidence otherwise.
func holdsWhole(outer, inner Finding) bool {
	if nameLike(outer.Kind) {
		return outer.Confidence >= 0.7
	}
	return outer.Confidence >= inner.Confidence
}

// contains reports whether f holds g whole and is longer.
func contains(f, g Finding) bool {
	return f.Start <= g.Start && g.End <= f.End && f.Len() > g.Len()
}

func nameLike(k Kind) bool { return k == Person || k == Place || k == Organization }

// Apply splices each finding's Replacement into text. The
// findings must be sorted and non-overlapping, as Merge returns them.
func Apply(text string, fs []Finding) string {
	// A Builder's string is its buffer, not a copy of it: one allocation
	// of the result's size, which is known, not two (or three when the
	// replacements are longer than what they replace).
	n := len(text)
	for _, f := range fs {
		n += len(f.Replacement) - (f.End - f.Start)
	}
	var b strings.Builder
	b.Grow(max(n, 0))
	prev := 0
	for _, f := range fs {
		b.WriteString(text[prev:f.Start])
		b.WriteString(f.Replacement)
		prev = f.End
	}
	b.WriteString(text[prev:])
	return b.String()
}
