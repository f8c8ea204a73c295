package seqtag

import (
	"context"
	_ "embed"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Name is the detector's name and the Recognizer of its findings.
const Name = "seqtag"

//go:embed model.bin
var modelFile []byte

// embedded decodes the embedded model once per process; it is read-only
// afterwards and shared.
var embedded = sync.OnceValues(func() (*Model, error) { return parseModel(modelFile) })

// Embedded returns the model trained by tools/trainseq and embedded.
func Embedded() (*Model, error) { return embedded() }

// Found is a name the model tags: its byte span, its kind ("PER", "LOC",
// "ORG") and the smallest margin of its words' tags over the next best.
type Found struct {
	Start, End int
	Kind       string
	Margin     float32
}

// Find tags text, a clinical note or not, and returns the names in it,
// whatever their margins.
func (m *Model) Find(lex *lexicon.Lexicon, text string, note bool) []Found {
	return m.find(lex, nil, text, note)
}

// find is Find, reading what the lexicons say of words from the document's
// analysis an when it is not nil.
func (m *Model) find(lex *lexicon.Lexicon, an *deid.Analysis, text string, note bool) []Found {
	return m.findIn(new(scratch), lex, an, text, note)
}

// findIn is find, in the buffers of sc; what it returns is in them too
// (scratch.found), until sc tags another text.
func (m *Model) findIn(sc *scratch, lex *lexicon.Lexicon, an *deid.Analysis, text string, note bool) []Found {
	if cap(sc.toks) < len(text)/5+1 {
		sc.toks = make([]span, 0, len(text)/5+1)
	}
	var toks []span
	if an != nil {
		toks = tokenizeWords(text, an.Words(), sc.toks[:0])
	} else {
		toks = tokenize(text, sc.toks[:0])
	}
	sc.toks = toks[:0]
	if len(toks) == 0 {
		return nil
	}
	ws, types, reg := analyseInto(sc, lex, an, text, toks, note)
	if sc.rowBuf == nil {
		sc.rowBuf = make([]int32, 0, 64)
	}
	tg := tagger{m: m, ws: ws, types: types, reg: reg, rowBuf: sc.rowBuf[:0]}
	if sc.keepRows {
		sc.cache.begin(m)
		sc.info.model(m)
		tg.cache, tg.info = &sc.cache, &sc.info
	}
	tags, margins := tg.decodeInto(sc)
	sc.rowBuf = tg.rowBuf[:0]
	out := sc.found[:0]
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == tagO {
			// Most tags are O (0): eight at a time.
			i++
			for i+8 <= len(tags) && binary.LittleEndian.Uint64(tags[i:]) == 0 {
				i += 8
			}
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
		// Marks at either end are no part of the name ("_Ada_").
		a, z := i, j
		for a < z && ws[a].shape == shPunct {
			a++
		}
		for z > a && ws[z-1].shape == shPunct {
			z--
		}
		if a < z && nameLike(ws[a:z], types) {
			last := toks[z-1]
			out = append(out, Found{toks[a].start, nameEnd(lex, Token{last.start, last.end, text[last.start:last.end]}), kind, mg})
		}
		i = j
	}
	sc.found = out[:0]
	return out
}

// Detector reports the names the model finds whose tags win by at least
// the margin for their kind and register.
type Detector struct {
	lex    *lexicon.Lexicon
	model  *Model
	margin float32 // negative: the model's own
	skip   func(doc *deid.Doc) bool
	note   func(doc *deid.Doc) bool
	// scratch holds *scratch: the buffers of one text's tagging, taken
	// for a text and put back after it, so that texts tagged one after
	// another (by each of a build's workers) reuse them.
	scratch sync.Pool
}

// Option configures a Detector.
type Option func(*Detector)

// WithSkip leaves out documents for which skip is true.
func WithSkip(skip func(doc *deid.Doc) bool) Option { return func(d *Detector) { d.skip = skip } }

// WithNote tells clinical notes from other text, a register with margins
// of its own.
func WithNote(note func(doc *deid.Doc) bool) Option { return func(d *Detector) { d.note = note } }

// WithModel tags with m in place of the embedded model (a model in
// training, scored on held-out text).
func WithModel(m *Model) Option { return func(d *Detector) { d.model = m } }

// WithMargin reports only names whose every word's tag beats the next best
// by at least m, in place of the model's own margins.
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
	m := d.model
	if m == nil {
		var err error
		if m, err = embedded(); err != nil {
			return nil, fmt.Errorf("seqtag: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if d.skip != nil && d.skip(doc) {
		return nil, nil
	}
	note := d.note != nil && d.note(doc)
	sc, _ := d.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{keepRows: true}
	}
	// found is in sc's buffers: sc goes back to the pool after it is read.
	found := m.findIn(sc, d.lex, doc.Analysis(), doc.Text, note)
	var out []deid.Finding
	for k, f := range found {
		margin := d.margin
		if margin < 0 {
			margin = m.Margin(note, f.Kind)
		}
		if f.Margin < margin {
			continue
		}
		if d.lex != nil && d.lex.InCategory(lexicon.Kinship, doc.Text[f.Start:f.End]) {
			// "Nanna brought soup": a kinship word alone names a
			// relation, not who.
			continue
		}
		kind, typ := findingKind(f.Kind)
		if out == nil {
			out = make([]deid.Finding, 0, len(found)-k)
		}
		out = append(out, deid.Finding{Start: f.Start, End: f.End, Kind: kind, Type: typ,
			Text: doc.Text[f.Start:f.End], Recognizer: Name, Confidence: 0.5})
	}
	if cap(sc.ws) <= maxKept && cap(sc.toks) <= maxKept {
		d.scratch.Put(sc)
	}
	return out, nil
}

// findingKind returns the kind and type of a finding of kind k ("PER",
// "LOC", "ORG"): the type is "seq-" and k.
func findingKind(k string) (deid.Kind, deid.Type) {
	switch k {
	case "PER":
		return deid.Person, "seq-PER"
	case "LOC":
		return deid.Place, "seq-LOC"
	case "ORG":
		return deid.Organization, "seq-ORG"
	}
	return "", deid.Type("seq-" + k)
}

// nameEnd returns where a name ending in tok ends: before a hyphen that
// joins one of the hundred commonest words in lower case ("Tavi-who
// called"), a dash written as a hyphen, not part of a double name
// ("Ashby-lane").
func nameEnd(lex *lexicon.Lexicon, tok Token) int {
	i := strings.LastIndexByte(tok.Text, '-')
	if i <= 0 || lex == nil {
		return tok.End
	}
	tail := tok.Text[i+1:]
	if tail != strings.ToLower(tail) {
		return tok.End
	}
	if r, ok := lex.WordRank(tail); ok && r <= 100 {
		return tok.Start + i
	}
	return tok.End
}

// nameLike reports whether words can be a name: some word has a letter,
// and it is not a lone acronym of five letters or fewer ("ICU", "SNAP"),
// which the dictionary recognizers read with their lists of units,
// services and public bodies.
func nameLike(ws []word, types []wtype) bool {
	if len(ws) == 1 && ws[0].shape == shUpper && len(types[ws[0].typ].lower) <= 5 {
		return false
	}
	letters := false
	for _, w := range ws {
		if w.shape != shDigit && w.shape != shPunct && !(w.shape == shMention && !hasLetter(types[w.typ].lower)) {
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
