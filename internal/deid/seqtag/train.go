package seqtag

import (
	"math"

	"github.com/veil-blog/veil/internal/lexicon"
)

// Example is a labelled text for training: Tags gives each token of
// Tokenize(Text) its tag, numbered as TagName names them.
type Example struct {
	Text string
	Tags []uint8
	// Note says the text is a clinical note (a register of its own).
	Note bool
}

// Span is a labelled entity in an example, by byte offsets.
type Span struct {
	Start, End int
	Kind       string // "PER", "LOC" or "ORG"
}

// Label tags the tokens of text from its entity spans: a token that
// overlaps a span takes its kind, B- for the first token of the span.
func Label(text string, spans []Span) Example {
	toks := Tokenize(text)
	tags := make([]uint8, len(toks))
	for _, s := range spans {
		var b uint8
		switch s.Kind {
		case "PER":
			b = tagBPer
		case "LOC":
			b = tagBLoc
		case "ORG":
			b = tagBOrg
		default:
			continue
		}
		first := true
		for i, t := range toks {
			if t.End <= s.Start || t.Start >= s.End {
				continue
			}
			if first {
				tags[i] = b
				first = false
			} else {
				tags[i] = b + 1
			}
		}
	}
	return Example{Text: text, Tags: tags}
}

// Trainer learns a Model by the averaged perceptron: for each word, left
// to right, the features of the gold tags before it; on a wrong guess the
// gold tag's weights go up and the guess's down; the model keeps the
// average of every weight over all steps. Given the same examples in the
// same order it learns the same model.
type Trainer struct {
	lex    *lexicon.Lexicon
	w      map[uint64]*acc
	step   int
	prep   []prepared
	errors int
	words  int
}

type acc struct {
	w, total [numTags]float64
	last     [numTags]int
}

type prepared struct {
	ws    []word
	types []wtype
	reg   uint8
	tags  []uint8
}

// NewTrainer returns a Trainer that reads words with lex.
func NewTrainer(lex *lexicon.Lexicon) *Trainer {
	return &Trainer{lex: lex, w: make(map[uint64]*acc)}
}

// Add prepares an example for training.
func (tr *Trainer) Add(ex Example) {
	ws, types, reg := analyse(tr.lex, nil, ex.Text, tokenize(ex.Text, nil), ex.Note)
	tr.prep = append(tr.prep, prepared{ws, types, reg, ex.Tags})
}

// Epoch runs one pass over the examples in the order given by order (a
// permutation of their indexes) and returns the share of words tagged
// wrongly during it.
func (tr *Trainer) Epoch(order []int) float64 {
	tr.errors, tr.words = 0, 0
	feats := make([]uint64, 0, 96)
	for _, k := range order {
		p := tr.prep[k]
		var p1, p2 uint8 // gold history: the tagger learns from the tags it should have seen
		var g1 uint8     // the guessed tag before, to keep guesses well formed
		for i := range p.ws {
			feats = staticFeatures(feats[:0], p.ws, p.types, i, p.reg)
			feats = tagFeatures(feats, p.ws, p.types, i, p1, p2)
			var s [numTags]float64
			for _, f := range feats {
				if a, ok := tr.w[f]; ok {
					for t := range s {
						s[t] += a.w[t]
					}
				}
			}
			guess := uint8(0)
			for t := 1; t < numTags; t++ {
				if allowed(p1, uint8(t)) && s[t] > s[guess] {
					guess = uint8(t)
				}
			}
			gold := p.tags[i]
			tr.step++
			tr.words++
			if guess != gold {
				tr.errors++
				for _, f := range feats {
					tr.update(f, gold, 1)
					tr.update(f, guess, -1)
				}
			}
			_ = g1
			g1 = guess
			p2, p1 = p1, gold
		}
	}
	return float64(tr.errors) / math.Max(1, float64(tr.words))
}

func (tr *Trainer) update(f uint64, t uint8, d float64) {
	a, ok := tr.w[f]
	if !ok {
		a = &acc{}
		for k := range a.last {
			a.last[k] = tr.step
		}
		tr.w[f] = a
	}
	a.total[t] += float64(tr.step-a.last[t]) * a.w[t]
	a.last[t] = tr.step
	a.w[t] += d
}

// Model returns the averaged weights, leaving out features whose weights
// all round to less than minWeight.
func (tr *Trainer) Model(minWeight float64) *Model {
	kept := make(map[uint64][numTags]float32)
	for f, a := range tr.w {
		var avg [numTags]float32
		keep := false
		for t := range avg {
			total := a.total[t] + float64(tr.step-a.last[t])*a.w[t]
			v := total / float64(max(1, tr.step))
			avg[t] = float32(v)
			if math.Abs(v) >= minWeight {
				keep = true
			}
		}
		if !keep {
			continue
		}
		kept[f] = avg
	}
	m := &Model{table: newTable(len(kept))}
	for f, w := range kept {
		m.table.put(f, &w)
	}
	m.finish()
	return m
}
