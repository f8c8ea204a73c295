package deid

import "sort"

// Planner chooses the replacement of every finding of a document: a
// pseudonym, a coarser description or a neutral label. The engine runs the
// planner it is given (WithPlanner); package deid/plan holds veil's, one
// operator per kind. A Planner must be safe for concurrent use.
type Planner interface {
	// Plan returns the findings with Replacement set. fs is sorted and
	// non-overlapping, as Merge returns it, and its offsets point into
	// doc.Text; a finding whose Replacement is already set (a known term
	// with the author's replacement) keeps it. The result must be sorted
	// and non-overlapping too: a planner may widen a finding into the gap
	// before its neighbours ("a 34-year-old" for the age "34") or join two
	// findings into one, but never reach into another finding.
	Plan(doc *Doc, fs []Finding, s Settings) []Finding
}

// Settings are what an engine was configured with that its planner needs.
type Settings struct {
	// Key keys pseudonyms and date shifts (see WithKey).
	Key []byte
	// Actions holds the action for each kind (see WithAction).
	Actions map[Kind]Action
	// Gazetteer is what the lexicons know of names, places and words.
	Gazetteer Gazetteer
}

// WithPlanner sets the planner. An engine without one replaces every
// finding by its kind's label ("[person]"), which leaks nothing but reads
// badly: the program wires in package plan's.
func WithPlanner(p Planner) Option {
	return func(e *Engine) { e.planner = p }
}

// labelPlanner replaces each finding by a label of its kind.
type labelPlanner struct{}

func (labelPlanner) Plan(_ *Doc, fs []Finding, _ Settings) []Finding {
	out := append([]Finding(nil), fs...)
	for i := range out {
		if out[i].Replacement == "" {
			out[i].Replacement = "[" + string(out[i].Kind) + "]"
		}
	}
	return out
}

// Honorific reports whether a lower-case word, without its full stop, is a
// title that opens a name ("dr", "mrs").
func Honorific(w string) bool { return honorifics[w] }

// Honorifics lists the titles Honorific knows, sorted.
func Honorifics() []string {
	out := make([]string, 0, len(honorifics))
	for h := range honorifics {
		out = append(out, h)
	}
	sort.Strings(out)
	return out
}

// FamiliarTitle reports whether a lower-case word is a kinship or familiar
// form of address that may open a name ("uncle", "grandma"); the name after
// it is a first name.
func FamiliarTitle(w string) bool { return familiarTitles[w] }

// TermID is the key under which a term is matched and looked up: its word
// keys joined by spaces ("Dr. Okafor" and "dr okafor" are both "dr okafor").
func TermID(term string) string { return termID(term) }

// CommonWord reports whether a lower-case word is an ordinary English word
// by g's word levels: "will", "grace", "hospice".
func CommonWord(g Gazetteer, w string) bool {
	l, ok := g.WordLevel(w)
	return ok && l <= commonLevel
}
