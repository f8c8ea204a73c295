package deid

import "context"

// Doc is the text a detector looks at, with what the author told veil about
// it. Detectors must not modify it.
type Doc struct {
	// Text is the exact text; finding offsets point into it.
	Text string
	// Known lists terms the author says must always be caught.
	Known []KnownTerm
	// Allow lists terms the author says must never be touched.
	Allow []string
	// Labels are the spans of Text that are labels (tags, categories):
	// their words are read by the lexicons alone (see Label).
	Labels []Label
	// Found holds what the detectors that ran before this one found, sorted
	// by Start. A costly detector may skip text already covered by strong
	// findings; it must not rely on Found for correctness.
	Found []Finding

	// analysis is what the recognizers share of Text (see Analysis).
	analysis *Analysis
}

// KnownTerm is a term from the author's private list (.veil/known.yaml or a
// post's front matter) that must always be caught.
type KnownTerm struct {
	Term        string `yaml:"term" json:"term"`
	Kind        Kind   `yaml:"kind" json:"kind"`
	Replacement string `yaml:"replacement,omitempty" json:"replacement,omitempty"`
}

// Detector finds identifying details in a text. It returns findings with
// byte spans into doc.Text and Text set to the spanned bytes; Replacement is
// left to the planner. A Detector must be safe for concurrent use.
type Detector interface {
	Name() string
	Detect(ctx context.Context, doc *Doc) ([]Finding, error)
}
