//go:build veileval

// The evaluation over /work/shared/eval/dev, run with
//
//	go test -tags veileval -run TestEval -v ./internal/deid/dict/
//
// It runs the dictionary detectors (and the rule detectors) through the
// engine's detect step and scores token recall per gold label, over-redaction
// of ordinary tokens and precision, as /work/shared/eval/deid_eval.py does.
package dict

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/rules"
	"github.com/veil-blog/veil/internal/lexicon"
)

type evalEnt struct {
	Start, End int
	Label      string
	Text       string
}

type evalDoc struct {
	ID       string
	Text     string
	Entities []evalEnt
}

func evalTokens(s string) [][2]int {
	var out [][2]int
	st := -1
	for i, r := range s {
		w := (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) && r != '_'
		if w && st < 0 {
			st = i
		} else if !w && st >= 0 {
			out = append(out, [2]int{st, i})
			st = -1
		}
	}
	if st >= 0 {
		out = append(out, [2]int{st, len(s)})
	}
	return out
}

func TestEval(t *testing.T) {
	lex := lexicon.Default()
	dets := Default(lex)
	if os.Getenv("EVAL_RULES") != "" {
		dets = append(rules.Default(), dets...)
	}
	eng := deid.New(deid.WithDetectors(dets...), deid.WithGazetteer(evalGaz{lex}))
	files, _ := filepath.Glob("/work/shared/eval/dev/*.jsonl")
	show := os.Getenv("EVAL_SHOW") // "miss:DATASET:LABEL" or "over:DATASET"
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".jsonl")
		fh, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		tot, cov := map[string]int{}, map[string]int{}
		var nongold, nongoldTouched, touched, touchedGold, nbytes int
		var dur time.Duration
		overWords := map[string]int{}
		for sc.Scan() {
			var d evalDoc
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			text := d.Text
			// gold offsets are code points
			b := make([]int, 0, len(text)+1)
			for i := range text {
				b = append(b, i)
			}
			b = append(b, len(text))
			t0 := time.Now()
			fs, err := eng.Detect(context.Background(), &deid.Doc{Text: text})
			dur += time.Since(t0)
			nbytes += len(text)
			if err != nil {
				t.Fatal(err)
			}
			red := make([]bool, len(text))
			for _, f := range fs {
				if f.Kind == deid.Rare {
					continue
				}
				for k := f.Start; k < f.End; k++ {
					red[k] = true
				}
			}
			gold := make([]string, len(text))
			for _, e := range d.Entities {
				if e.End >= len(b) {
					continue
				}
				for k := b[e.Start]; k < b[e.End]; k++ {
					gold[k] = e.Label
				}
			}
			for _, tk := range evalTokens(text) {
				isRed := false
				allRed := true
				for k := tk[0]; k < tk[1]; k++ {
					isRed = isRed || red[k]
					allRed = allRed && red[k]
				}
				g := ""
				for k := tk[0]; k < tk[1]; k++ {
					if gold[k] != "" {
						g = gold[k]
					}
				}
				w := text[tk[0]:tk[1]]
				if g != "" {
					tot[g]++
					if allRed {
						cov[g]++
					} else if show == "miss:"+name+":"+g {
						fmt.Printf("MISS %s %q  ...%s...\n", d.ID, w, ctxOf(text, tk[0], tk[1]))
					}
				} else {
					nongold++
					if isRed {
						nongoldTouched++
						overWords[w]++
						if show == "over:"+name {
							fmt.Printf("OVER %s %q  ...%s...\n", d.ID, w, ctxOf(text, tk[0], tk[1]))
						}
					}
				}
				if isRed {
					touched++
					if g != "" {
						touchedGold++
					}
				}
			}
		}
		fh.Close()
		var labels []string
		for l := range tot {
			labels = append(labels, l)
		}
		sort.Strings(labels)
		fmt.Printf("%-20s %5.1f MB/s over=%.3f prec=%.3f", name, float64(nbytes)/1e6/dur.Seconds(),
			float64(nongoldTouched)/float64(max(nongold, 1)), float64(touchedGold)/float64(max(touched, 1)))
		for _, l := range labels {
			if l == "PERSON" || l == "LOCATION" || l == "ORGANIZATION" {
				fmt.Printf("  %s=%.3f(%d)", l[:3], float64(cov[l])/float64(tot[l]), tot[l])
			}
		}
		fmt.Println()
		if os.Getenv("EVAL_TOPOVER") != "" {
			type kv struct {
				k string
				v int
			}
			var s []kv
			for k, v := range overWords {
				s = append(s, kv{k, v})
			}
			sort.Slice(s, func(i, j int) bool { return s[i].v > s[j].v })
			for _, x := range s[:min(40, len(s))] {
				fmt.Printf("   %s:%d", x.k, x.v)
			}
			fmt.Println()
		}
	}
}

func ctxOf(text string, s, e int) string {
	a, b := max(0, s-40), min(len(text), e+30)
	for a > 0 && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	return strings.ReplaceAll(text[a:b], "\n", "⏎")
}

// evalGaz tells the engine which words are common, as the CLI does.
type evalGaz struct{ lex *lexicon.Lexicon }

func (evalGaz) Sex(string) deid.Sex                 { return deid.SexUnknown }
func (evalGaz) Place(string) (deid.PlaceInfo, bool) { return deid.PlaceInfo{}, false }
func (g evalGaz) WordLevel(w string) (int, bool)    { return g.lex.WordLevel(w) }
