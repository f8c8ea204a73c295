package seqtag

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sync"
	"unicode"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Name is the detector's name and the Recognizer of its findings.
const Name = "seqtag"

//go:embed model.bin.gz
var modelFile []byte

// embedded decodes the embedded model once per process; it is read-only
// afterwards and shared.
var embedded = sync.OnceValues(func() (*Model, error) { return ReadModel(bytes.NewReader(modelFile)) })

// Embedded returns the model trained by tools/trainseq and embedded.
func Embedded() (*Model, error) { return embedded() }

// Found is a name the model tags: its byte span, its kind ("PER", "LOC",
// "ORG") and the smallest margin of its words' tags over the next best.
type Found struct {
	Start, End int
	Kind       string
	Margin     float32
}

// Find tags text and returns the names in it.
func (m *Model) Find(lex *lexicon.Lexicon, text string) []Found { return m.find(lex, nil, text) }

// find is Find, reading what the lexicons say of words from the document's
// analysis an when it is not nil.
func (m *Model) find(lex *lexicon.Lexicon, an *deid.Analysis, text string) []Found {
	toks := Tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	ws, reg := analyse(lex, an, text, toks)
	tags, margins := m.decode(ws, reg, func(i int) bool { return plainWord(ws, i) })
	var out []Found
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == tagO {
			i++
			continue
		}
		b := t
		if b%2 == 0 { // an I- tag opening a span (decode never gives it)
			b--
		}
		j := i + 1
		mg := margins[i]
		for j < len(tags) && tags[j] == b+1 {
			mg = min(mg, margins[j])
			j++
		}
		kind := [...]string{tagBPer: "PER", tagBLoc: "LOC", tagBOrg: "ORG"}[b]
		if nameLike(ws[i:j]) {
			out = append(out, Found{toks[i].Start, toks[j-1].End, kind, mg})
		}
		i = j
	}
	return out
}

// Detector reports the names the model finds whose tags win by at least
// a margin.
type Detector struct {
	lex    *lexicon.Lexicon
	margin float32 // negative: the model's own
	skip   func(doc *deid.Doc) bool
}

// Option configures a Detector.
type Option func(*Detector)

// WithSkip leaves out texts for which skip is true (clinical notes, say,
// a register the model was not fitted on).
func WithSkip(skip func(doc *deid.Doc) bool) Option { return func(d *Detector) { d.skip = skip } }

// WithMargin reports only names whose every word's tag beats the next best
// by at least m, in place of the model's own margin.
func WithMargin(m float32) Option { return func(d *Detector) { d.margin = m } }

var _ deid.Detector = (*Detector)(nil)

// New returns a Detector over the embedded model, reading words with lex.
func New(lex *lexicon.Lexicon, opts ...Option) *Detector {
	d := &Detector{lex: lex, margin: -1}
	for _, o := range opts {
		o(d)
	}
	return d
}

func (d *Detector) Name() string { return Name }

func (d *Detector) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	m, err := embedded()
	if err != nil {
		return nil, fmt.Errorf("seqtag: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if d.skip != nil && d.skip(doc) {
		return nil, nil
	}
	margin := d.margin
	if margin < 0 {
		margin = m.Margin
	}
	var out []deid.Finding
	for _, f := range m.find(d.lex, doc.Analysis(), doc.Text) {
		if f.Margin < margin {
			continue
		}
		if d.lex != nil && d.lex.InCategory(lexicon.Kinship, doc.Text[f.Start:f.End]) {
			// "Nanna brought soup": a kinship word alone names a
			// relation, not who.
			continue
		}
		kind := map[string]deid.Kind{"PER": deid.Person, "LOC": deid.Place, "ORG": deid.Organization}[f.Kind]
		out = append(out, deid.Finding{Start: f.Start, End: f.End, Kind: kind, Type: deid.Type("seq-" + f.Kind),
			Text: doc.Text[f.Start:f.End], Recognizer: Name, Confidence: 0.5})
	}
	return out, nil
}

// nameLike reports whether words can be a name: some word has a letter,
// and it is not a lone acronym of five letters or fewer ("ICU", "SNAP"),
// which the dictionary recognizers read with their lists of units,
// services and public bodies.
func nameLike(ws []word) bool {
	if len(ws) == 1 && ws[0].shape == shUpper && len(ws[0].lower) <= 5 {
		return false
	}
	letters := false
	for _, w := range ws {
		if w.shape != shDigit && w.shape != shPunct && !(w.shape == shMention && !hasLetter(w.lower)) {
			letters = true
		}
	}
	return letters
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
