package deid

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/veil-blog/veil/internal/deid/casefile"
)

// caseEngines are the engine's own recognizers with a case file,
// testdata/NAME.txtar: the engine each case runs on (with test detectors
// standing in for the real ones, so that only the recognizer under test
// decides), the document, and the kinds its want lines list, all of them
// and in order.
var caseEngines = map[string]struct {
	engine func() *Engine
	doc    func(text string) *Doc
	kinds  []Kind
}{
	"apposition": {
		engine: func() *Engine {
			names := reDetector{re: regexp.MustCompile(`\b(?:Marisol|Tom|Ana)\b`), kind: Person, conf: 0.9}
			return New(WithDetectors(names), WithKey([]byte("k")))
		},
		kinds: []Kind{Age},
	},
	"cited": {
		engine: func() *Engine {
			names := reDetector{re: regexp.MustCompile(`\b(?:Ada Quill|Ana Ruiz|Tomas Brek|Ada|Quill|Ana|Brek)\b`), kind: Person, conf: 0.9}
			return New(WithDetectors(names), WithKey([]byte("k")))
		},
		kinds: []Kind{Person},
	},
	"eponym": {
		engine: func() *Engine {
			// A detector that, like the real ones, takes capitalised words for names.
			names := reDetector{re: regexp.MustCompile(`\b(?:Parkinson|Erdheim|Chester|Down|Odette|Glasgow Coma Scale|Apgar|Walter|Lyme|Kowalczyk|Aroha|Okafor)\b`), kind: Person, conf: 0.9}
			places := reDetector{re: regexp.MustCompile(`\bMayo\b`), kind: Place, conf: 0.9}
			return New(WithDetectors(names, places), WithKey([]byte("k")), WithGazetteer(fakeGaz{}))
		},
		kinds: []Kind{Person, Place},
	},
	"namecue": {
		engine: func() *Engine { return New(WithKey([]byte("k")), WithGazetteer(fakeGaz{})) },
		doc:    func(text string) *Doc { return &Doc{Text: text, Allow: []string{"Cherry Blossom"}} },
		kinds:  []Kind{Person},
	},
}

// TestCaseFiles runs the engine over the examples of testdata/*.txtar and
// compares the findings of the listed kinds, in order, with the file's.
func TestCaseFiles(t *testing.T) {
	files, err := casefile.ReadDir("testdata", slices.Collect(maps.Keys(caseEngines)))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		r, path, cases := caseEngines[file.Name], file.Path, file.Cases
		e := r.engine()
		for _, c := range cases {
			if len(c.Not)+len(c.Some) > 0 {
				t.Errorf("%s:%d: these case files list every finding; no ! or ~ lines", path, c.Line)
			}
			doc := &Doc{Text: c.In}
			if r.doc != nil {
				doc = r.doc(c.In)
			}
			fs, err := e.Detect(context.Background(), doc)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, c.Line, err)
			}
			var got, want []string
			for _, f := range fs {
				if slices.Contains(r.kinds, f.Kind) {
					got = append(got, string(f.Kind)+" "+strconv.Quote(f.Text))
				}
			}
			for _, w := range c.Want {
				want = append(want, w.Label+" "+strconv.Quote(w.Text))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s:%d: %q:\n got %q\nwant %q", path, c.Line, c.In, got, want)
			}
		}
	}
}
