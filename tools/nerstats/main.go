// Command nerstats measures how much of a text the NER detector reads and what it adds: for
// each JSONL file of labelled texts (../shared/eval/dev/*.jsonl) or site (-site, the bodies of
// content/**/*.md), it runs veil's recognizers in the engine's order and prints the share of
// bytes and of white-space delimited words in the windows NER tags, the windows distinct within
// their text ("tagged") and in the whole set ("anew": those a Detector that keeps the windows it
// tagged from text to text tags, its bound aside), NER's findings, those that
// no other recognizer overlaps ("alone"), and of those the ones that overlap a labelled name (a person, place or
// organisation) — what recall would lose without them. Time is the NER detector's own,
// measured in this process (noisy on a loaded machine; compare runs made together).
//
//	go run ./tools/nerstats ../shared/eval/dev/*.jsonl
//	go run ./tools/nerstats -site /tmp/site1k
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/dict"
	"github.com/veil-blog/veil/internal/deid/ner"
	"github.com/veil-blog/veil/internal/deid/rules"
	"github.com/veil-blog/veil/internal/deid/seqtag"
	"github.com/veil-blog/veil/internal/lexicon"
	"github.com/veil-blog/veil/tools/internal/evalset"
)

type text struct {
	text string
	gold [][2]int // byte spans of labelled names
}

type stats struct {
	texts, bytes, partBytes, parts, textsWithParts int
	words, partWords                               int // white-space delimited words
	// perText counts the windows distinct within their text (each was
	// tagged once per text before session 10); anew those distinct in the
	// whole set, which one Detector keeping windows from text to text
	// tags (its bound aside).
	perText, anew                                int
	found, alone, aloneGold, gold, goldByNERonly int
	nerTime                                      time.Duration
}

func main() {
	site := flag.String("site", "", "a site: measure the bodies of its posts")
	prof := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	flag.Parse()
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			fmt.Fprintln(os.Stderr, "nerstats:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "nerstats:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	lex := lexicon.Default()
	before := append(rules.Default(), dict.Default(lex)...)
	nd := ner.New(ner.WithLexicon(lex))
	after := []deid.Detector{seqtag.New(lex, seqtag.WithSkip(dict.ClinicalNote))}
	sets := map[string][]text{}
	var names []string
	if *site != "" {
		ts, err := siteTexts(*site)
		if err != nil {
			fmt.Fprintln(os.Stderr, "nerstats:", err)
			os.Exit(1)
		}
		sets[*site], names = ts, append(names, *site)
	}
	for _, f := range flag.Args() {
		ts, err := jsonlTexts(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "nerstats:", err)
			os.Exit(1)
		}
		sets[f], names = ts, append(names, f)
	}
	ctx := context.Background()
	fmt.Printf("%-28s %6s %9s %7s %7s %6s %7s %6s %6s %6s %6s %10s\n", "set", "texts", "MB", "read", "words", "parts", "tagged", "anew", "found", "alone", "gold", "NER time")
	for _, name := range names {
		var s stats
		seenParts := map[string]bool{}
		for _, t := range sets[name] {
			s.texts++
			s.bytes += len(t.text)
			doc := &deid.Doc{Text: t.text}
			var others []deid.Finding
			run := func(d deid.Detector) []deid.Finding {
				seen := *doc
				seen.Found = sorted(others)
				fs, err := d.Detect(ctx, &seen)
				if err != nil {
					panic(err)
				}
				return fs
			}
			for _, d := range before {
				others = append(others, run(d)...)
			}
			seen := *doc
			seen.Found = sorted(others)
			parts := nd.Parts(&seen)
			s.parts += len(parts)
			if len(parts) > 0 {
				s.textsWithParts++
			}
			inText := map[string]bool{}
			for _, p := range parts {
				s.partBytes += p.End - p.Start
				s.partWords += len(strings.Fields(t.text[p.Start:p.End]))
				w := t.text[p.Start:p.End]
				if !inText[w] {
					inText[w] = true
					s.perText++
				}
				if !seenParts[w] {
					seenParts[w] = true
					s.anew++
				}
			}
			s.words += len(strings.Fields(t.text))
			start := time.Now()
			nf := run(nd)
			s.nerTime += time.Since(start)
			all := slices.Clone(others)
			all = append(all, nf...)
			for _, d := range after {
				fs := run(d)
				others = append(others, fs...)
				all = append(all, fs...)
			}
			s.found += len(nf)
			for _, f := range nf {
				if overlapsAny(others, f.Start, f.End) {
					continue
				}
				s.alone++
				for _, g := range t.gold {
					if f.Start < g[1] && g[0] < f.End {
						s.aloneGold++
						break
					}
				}
			}
			for _, g := range t.gold {
				s.gold++
				if !overlapsAny(others, g[0], g[1]) && overlapsAny(nf, g[0], g[1]) {
					s.goldByNERonly++
				}
			}
		}
		fmt.Printf("%-28s %6d %9.2f %6.1f%% %6.1f%% %6d %7d %6d %6d %6d %6d %10s\n", filepath.Base(name), s.texts, float64(s.bytes)/1e6,
			100*float64(s.partBytes)/float64(max(s.bytes, 1)), 100*float64(s.partWords)/float64(max(s.words, 1)), s.parts, s.perText, s.anew, s.found, s.alone, s.aloneGold, s.nerTime.Round(time.Millisecond))
		if s.gold > 0 {
			fmt.Printf("%-28s labelled names %d, found by NER alone %d\n", "", s.gold, s.goldByNERonly)
		}
	}
}

func sorted(fs []deid.Finding) []deid.Finding {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b deid.Finding) int { return a.Start - b.Start })
	return out
}

func overlapsAny(fs []deid.Finding, start, end int) bool {
	for _, f := range fs {
		if f.Start < end && start < f.End {
			return true
		}
	}
	return false
}

// jsonlTexts reads labelled texts, with the spans of their names.
func jsonlTexts(path string) ([]text, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []text
	err = evalset.Read(f, func(_ int, rec evalset.Record) error {
		t := text{text: rec.Text}
		for _, e := range rec.Entities {
			if e.Label == "PERSON" || e.Label == "LOCATION" || e.Label == "ORGANIZATION" {
				t.gold = append(t.gold, [2]int{e.Start, e.End})
			}
		}
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// siteTexts reads the bodies of a site's posts, without front matter.
func siteTexts(root string) ([]text, error) {
	var out []text
	err := filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		if rest, ok := strings.CutPrefix(s, "---\n"); ok {
			if _, body, ok := strings.Cut(rest, "\n---\n"); ok {
				s = body
			}
		}
		out = append(out, text{text: s})
		return nil
	})
	return out, err
}
