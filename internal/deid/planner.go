package deid

// Planner chooses the replacement of every finding of a document: a
// pseudonym, a coarser description or a neutral label. The engine runs the
// planner it is given (WithPlanner); package deid/plan holds veil's, one
// operator per kind. A Planner must be safe for concurrent use.
type Planner interface {
	// Plan returns the findings with Replacement set, in the same order
	// and with the same spans. fs is sorted and non-overlapping, its
	// offsets point into doc.Text, and each finding spans the whole of
	// what is to be replaced: the engine has widened an age to its phrase
	// ("a 34-year-old" for the age "34") and joined a city and its state.
	// A finding whose Replacement is already set (a known term with the
	// author's replacement) keeps it.
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

// TermID is the key under which a term is matched and looked up: its word
// keys joined by spaces ("Dr. Okafor" and "dr okafor" are both "dr okafor").
func TermID(term string) string { return termID(term) }

// CommonWord reports whether a lower-case word is an ordinary English word
// by g's word levels: "will", "grace", "hospice".
func CommonWord(g Gazetteer, w string) bool {
	l, ok := g.WordLevel(w)
	return ok && l <= commonLevel
}
