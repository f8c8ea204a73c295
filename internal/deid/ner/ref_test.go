package ner

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

// refTokenInfo holds the features of one token that its neighbours share.
type refTokenInfo struct {
	lower, lowerTag, shape string
}

// classifyRef is classify as it was before its small-domain features were
// looked up once per model: the oracle of TestClassifyMatchesRef.
// It sets the Label of each token, as prose's entity extracter does.
func (m *maxent) classifyRef(toks []prose.Token) {
	info := make([]refTokenInfo, len(toks))
	for i, t := range toks {
		info[i] = refTokenInfo{lower: strings.ToLower(t.Text), lowerTag: strings.ToLower(t.Tag), shape: shape(t.Text)}
	}
	scores := make([]float64, len(m.labels))
	var buf []byte
	prevTag := "None" // the simplified label of the token before
	for i := range toks {
		word := toks[i].Text
		var vals [numFeatures]string
		vals[fBias] = "True"
		vals[fWordlist] = "False"
		if _, ok := m.basic.Find(word); ok {
			vals[fWordlist] = "True"
		}
		vals[fWord] = word
		vals[fPos] = toks[i].Tag
		vals[fWordLower] = info[i].lower
		vals[fSuffix3] = strings.ToLower(word[len(word)-min(len(word), 3):])
		vals[fPrefix3] = strings.ToLower(word[:min(len(word), 3)])
		vals[fShape] = info[i].shape
		vals[fWordLen] = strconv.Itoa(len(word))
		prevShape := "None"
		vals[fPrevTag], vals[fPrevWord], vals[fPrevPos] = "None", "None", "None"
		if i > 0 {
			vals[fPrevWord] = info[i-1].lower
			vals[fPrevPos] = toks[i-1].Tag
			vals[fPrevTag] = prevTag
			if i > 1 {
				// prose leaves the shape of the word before the second
				// one as "None".
				prevShape = info[i-1].shape
			}
		}
		vals[fNextWord], vals[fNextPos] = "None", "None"
		if i < len(toks)-1 {
			vals[fNextWord] = info[i+1].lower
			vals[fNextPos] = info[i+1].lowerTag
		}
		for l := range scores {
			scores[l] = 0
		}
		for f := range vals {
			var vw valueWeights
			var ok bool
			switch f {
			case fWordNextPos:
				buf = join(buf[:0], vals[fWordLower], vals[fNextPos])
				vw, ok = m.feat(f, string(buf))
			case fPosPrevTag:
				buf = join(buf[:0], vals[fPos], vals[fPrevTag])
				vw, ok = m.feat(f, string(buf))
			case fShapePrevTag:
				buf = join(buf[:0], prevShape, vals[fPrevTag])
				vw, ok = m.feat(f, string(buf))
			default:
				vw, ok = m.feat(f, vals[f])
			}
			if !ok {
				continue
			}
			scores[vw.label] += vw.w
			for r := int(vw.start); r < int(vw.start)+int(vw.n); r++ {
				scores[m.more.Word(r, 0)] += m.more.Float64(r, 1)
			}
		}
		best, bestScore := -1, math.Inf(-1)
		for l, s := range scores {
			if s > bestScore {
				best, bestScore = l, s
			}
		}
		label, simple := "", ""
		if best >= 0 {
			label, simple = m.labels[best], m.simple[best]
		}
		toks[i].Label = label
		prevTag = simple
	}
}

// refTexts are texts to compare the model's code with its reference on:
// the lines of testdata/reflection.txt, the windows the Detector cuts from
// them, and random sequences of their words, with random capitals and some
// tokens of odd shapes.
func refTexts(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/reflection.txt")
	if err != nil {
		t.Fatal(err)
	}
	var texts, words []string
	for _, line := range strings.Split(string(b), "\n") {
		texts = append(texts, line)
		words = append(words, strings.Fields(line)...)
		for _, c := range chunks(line, maxChunk) {
			for _, w := range windows(line[c.Start:c.End], windowWords) {
				texts = append(texts, line[c.Start:c.End][w.Start:w.End])
			}
		}
	}
	words = append(words, "-LRB-", "-", "0", "*T*-1", ":)", "@Ann", "a@b.org", "www.x.org", "1999", "3.5",
		"Ürsula", "ÉCOLE", "naïve", "x\xff", "McAllister", "iPhone", "O'Neil-Smith", "Loooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooong")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		n := 1 + rng.IntN(12)
		ws := make([]string, n)
		for i := range ws {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(5) {
			case 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case 1:
				w = strings.ToLower(w)
			}
			ws[i] = w
		}
		texts = append(texts, strings.Join(ws, " "))
	}
	return texts
}

// TestClassifyMatchesRef checks that classify labels every token as
// classifyRef does, bit for bit the same scores deciding.
func TestClassifyMatchesRef(t *testing.T) {
	m := loadModel()
	for _, s := range refTexts(t) {
		doc, err := prose.NewDocument(proseText(s), prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		toks := doc.Tokens()
		m.tagger.tag(toks)
		if len(toks) > 2 && len(s)%3 == 0 {
			toks[1].Tag = "-XYZ-" // a tag the tagger copies from a token
		}
		want := slices.Clone(toks)
		m.ents.classifyRef(want)
		m.ents.classify(toks)
		if !slices.Equal(toks, want) {
			t.Errorf("%q: labels %v, want %v", s, toks, want)
		}
	}
}
