// Command trainseq trains the name tagger of internal/deid/seqtag and
// scores it across sources.
//
//	go run ./tools/trainseq -eval ../shared/eval -cross      # leave-one-source-out table
//	go run ./tools/trainseq -eval ../shared/eval -out internal/deid/seqtag/model.bin.gz
//
// Training is deterministic: the examples are read in file order and
// shuffled by a fixed seed each epoch, so two runs write the same model.
// The shipped model is fitted on the Broad Twitter Corpus training portion
// (CC BY 4.0) and sentences generated from templates and the lexicons
// (see templates.go), never on the dev sets it is measured on.
package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/dict"
	"github.com/veil-blog/veil/internal/deid/ner"
	"github.com/veil-blog/veil/internal/deid/rules"
	"github.com/veil-blog/veil/internal/deid/seqtag"
	"github.com/veil-blog/veil/internal/lexicon"
)

type doc struct {
	source string // the corpus: btc-train, btc-h2, wnut17, physionet, presidio, tab, templates
	group  string // the author or patient, for splits
	text   string
	spans  []seqtag.Span // names, by byte offsets
	hand   [][2]int      // what veil's other recognizers find, by byte offsets
}

// handFindings runs veil's rule, dictionary and prose recognizers over each
// text, so that the margin is chosen for what the model adds to them.
func handFindings(lex *lexicon.Lexicon, docs []doc) {
	ds := append(rules.Default(), dict.Default(lex)...)
	ds = append(ds, ner.New(ner.WithLexicon(lex), ner.WithClinical(dict.ClinicalNote, func(lw string) bool { return dict.Misspelt(lex, lw) })))
	for i := range docs {
		for _, d := range ds {
			fs, err := d.Detect(context.Background(), &deid.Doc{Text: docs[i].text})
			if err != nil {
				log.Fatal(err)
			}
			for _, f := range fs {
				docs[i].hand = append(docs[i].hand, [2]int{f.Start, f.End})
			}
		}
	}
}

func main() {
	evalDir := flag.String("eval", "../shared/eval", "the evaluation directory (train/ and dev/)")
	out := flag.String("out", "", "write the model trained on -fit here")
	fit := flag.String("fit", "btc-train,templates", "sources to fit the written model on")
	cross := flag.Bool("cross", false, "print the leave-one-source-out table")
	epochs := flag.Int("epochs", 8, "passes over the examples")
	minW := flag.Float64("min", 0.002, "drop features whose averaged weights are all smaller")
	target := flag.Float64("precision", 0.8, "the cross-validated precision the model's margin is chosen for")
	flag.Parse()
	lex := lexicon.Default()
	if err := lex.LoadAll(); err != nil {
		log.Fatal(err)
	}
	docs, err := load(*evalDir)
	if err != nil {
		log.Fatal(err)
	}
	docs = append(docs, templates(lex, 3000)...)
	if *cross {
		crossTable(lex, docs, *epochs, *minW)
	}
	if *out != "" {
		want := strings.Split(*fit, ",")
		var train []doc
		for _, d := range docs {
			if slices.Contains(want, d.source) {
				train = append(train, d)
			}
		}
		t0 := time.Now()
		handFindings(lex, train)
		margin := chooseMargin(lex, train, *epochs, *minW, *target)
		m := trainModel(lex, train, *epochs, *minW)
		m.Margin = margin
		f, err := os.Create(*out)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := m.WriteTo(f); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
		st, _ := os.Stat(*out)
		fmt.Printf("model: %d features, %d bytes, margin %.1f, fitted on %d texts of %s in %.1fs\n",
			m.Features(), st.Size(), m.Margin, len(train), *fit, time.Since(t0).Seconds())
	}
}

func trainModel(lex *lexicon.Lexicon, train []doc, epochs int, minW float64) *seqtag.Model {
	tr := seqtag.NewTrainer(lex)
	for _, d := range train {
		tr.Add(seqtag.Label(d.text, d.spans))
	}
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errRate := tr.Epoch(order)
		log.Printf("epoch %d: %.4f of words wrong", e+1, errRate)
	}
	return tr.Model(minW)
}

// chooseMargin picks the model's operating point on its training data:
// in five folds by group (the corpus' sections, a template's fill), it
// fits on four and tags the fifth, and returns the smallest margin at which
// the name words it finds that veil's other recognizers miss are right at
// least target of the time.
func chooseMargin(lex *lexicon.Lexicon, docs []doc, epochs int, minW, target float64) float32 {
	const folds = 5
	type hit struct {
		margin float32
		ok     bool
	}
	var hits []hit
	fold := func(d doc) int {
		h := uint32(2166136261)
		for i := 0; i < len(d.group); i++ {
			h = (h ^ uint32(d.group[i])) * 16777619
		}
		return int(h % folds)
	}
	for f := 0; f < folds; f++ {
		var train, test []doc
		for _, d := range docs {
			if fold(d) == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		m := trainModel(lex, train, epochs, minW)
		for _, d := range test {
			for _, x := range m.Find(lex, d.text) {
				for _, t := range wordTokens(d.text[x.Start:x.End]) {
					a, b := x.Start+t[0], x.Start+t[1]
					if covered(d.hand, a, b) {
						continue // found anyway
					}
					ok := false
					for _, s := range d.spans {
						ok = ok || s.Start <= a && b <= s.End
					}
					hits = append(hits, hit{x.Margin, ok})
				}
			}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Compare(b.margin, a.margin) })
	// Walk from the most certain down; keep the lowest margin at which the
	// precision of everything above it still reaches target.
	best := float32(math.MaxFloat32)
	right := 0
	for i, h := range hits {
		if h.ok {
			right++
		}
		if float64(right) >= target*float64(i+1) && i >= 20 {
			best = h.margin
		}
	}
	log.Printf("margin %.2f: cross-validated precision %.2f over %d found words", best, target, len(hits))
	return best
}

func covered(spans [][2]int, a, b int) bool {
	for _, s := range spans {
		if s[0] <= a && b <= s[1] {
			return true
		}
	}
	return false
}

// crossTable fits on every source but one and scores the one left out.
func crossTable(lex *lexicon.Lexicon, docs []doc, epochs int, minW float64) {
	held := []string{"btc-h2", "wnut17", "physionet", "presidio", "tab", "btc-train"}
	fmt.Println("| left out | fitted on | PER recall | LOC recall | ORG recall | name precision |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, h := range held {
		var train, test []doc
		fitted := map[string]bool{}
		for _, d := range docs {
			switch {
			case d.source == h:
				test = append(test, d)
			case h == "btc-h2" && d.source == "btc-train":
				// The same corpus: the tweets of one section share authors
				// and events, so the whole corpus is left out together.
			default:
				train = append(train, d)
				fitted[d.source] = true
			}
		}
		m := trainModel(lex, train, epochs, minW)
		var names []string
		for s := range fitted {
			names = append(names, s)
		}
		slices.Sort(names)
		r := score(lex, m, test)
		fmt.Printf("| %s | %s | %s | %s | %s | %.3f |\n", h, strings.Join(names, ", "),
			r.recall("PER"), r.recall("LOC"), r.recall("ORG"), r.precision())
	}
}

type result struct {
	gold, hit      map[string]int
	found, correct int
}

func (r result) recall(k string) string {
	if r.gold[k] == 0 {
		return "—"
	}
	return fmt.Sprintf("%.3f (%d)", float64(r.hit[k])/float64(r.gold[k]), r.gold[k])
}

func (r result) precision() float64 { return float64(r.correct) / float64(max(1, r.found)) }

// score counts, as ../shared/eval does, gold name tokens (runs of letters
// and digits) wholly inside a found name of any kind, and found tokens
// inside a gold name.
func score(lex *lexicon.Lexicon, m *seqtag.Model, test []doc) result {
	r := result{gold: map[string]int{}, hit: map[string]int{}}
	for _, d := range test {
		found := m.Find(lex, d.text)
		in := func(a, b int) bool {
			for _, f := range found {
				if f.Start <= a && b <= f.End {
					return true
				}
			}
			return false
		}
		inGold := func(a, b int) bool {
			for _, s := range d.spans {
				if s.Start <= a && b <= s.End {
					return true
				}
			}
			return false
		}
		for _, s := range d.spans {
			for _, t := range wordTokens(d.text[s.Start:s.End]) {
				r.gold[s.Kind]++
				if in(s.Start+t[0], s.Start+t[1]) {
					r.hit[s.Kind]++
				}
			}
		}
		for _, f := range found {
			for _, t := range wordTokens(d.text[f.Start:f.End]) {
				r.found++
				if inGold(f.Start+t[0], f.Start+t[1]) {
					r.correct++
				}
			}
		}
	}
	return r
}

func wordTokens(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, c := range s {
		w := unicode.IsLetter(c) || unicode.IsDigit(c)
		if w && start < 0 {
			start = i
		}
		if !w && start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// load reads the labelled sets: the training tweets and the dev sets.
func load(dir string) ([]doc, error) {
	files := map[string]string{
		"btc-train": "train/btc-train.jsonl",
		"btc-h2":    "dev/btc-h2.jsonl",
		"wnut17":    "dev/wnut17-dev.jsonl",
		"physionet": "dev/physionet-deid-dev.jsonl",
		"presidio":  "dev/presidio-synth.jsonl",
		"tab":       "dev/tab-dev.jsonl",
	}
	var docs []doc
	for _, src := range []string{"btc-train", "btc-h2", "wnut17", "physionet", "presidio", "tab"} {
		f, err := os.Open(filepath.Join(dir, files[src]))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var rec struct {
				ID       string `json:"id"`
				Source   string `json:"source"`
				Text     string `json:"text"`
				Entities []struct {
					Start, End int
					Label      string
				} `json:"entities"`
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				f.Close()
				return nil, err
			}
			// Gold offsets count characters; findings count bytes.
			byteAt := make([]int, 0, len(rec.Text)+1)
			for i := range rec.Text {
				byteAt = append(byteAt, i)
			}
			byteAt = append(byteAt, len(rec.Text))
			d := doc{source: src, group: group(src, rec.ID, rec.Source), text: rec.Text}
			for _, e := range rec.Entities {
				k := map[string]string{"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}[e.Label]
				if k == "" || e.End >= len(byteAt) {
					continue
				}
				d.spans = append(d.spans, seqtag.Span{Start: byteAt[e.Start], End: byteAt[e.End], Kind: k})
			}
			docs = append(docs, d)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	_ = utf8.RuneError
	return docs, nil
}

// group is the patient of a nursing note ("physionet-12-3": patient 12),
// the section of the Broad Twitter Corpus (a period and a region, whose
// tweets share authors and events), or the document otherwise.
func group(src, id, section string) string {
	if src == "btc-train" {
		return section
	}
	if src == "physionet" {
		if p := strings.Split(id, "-"); len(p) == 3 {
			return p[1]
		}
	}
	return id
}
