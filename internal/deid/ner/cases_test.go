package ner

import (
	"maps"
	"slices"
	"strconv"
	"testing"

	"github.com/veil-blog/veil/internal/deid/casefile"
)

// caseDetectors are the configurations of the recognizer with a case file,
// testdata/NAME.txtar. A want line's label is the finding's kind, or "name"
// when only its text is compared; the file lists every finding, in order.
var caseDetectors = map[string]func() *Detector{
	"prose":        func() *Detector { return New() },
	"prose_vetted": newVetted,
}

func TestCaseFiles(t *testing.T) {
	files, err := casefile.ReadDir("testdata", slices.Collect(maps.Keys(caseDetectors)))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		path, cases := file.Path, file.Cases
		d := caseDetectors[file.Name]()
		for _, c := range cases {
			if len(c.Not)+len(c.Some) > 0 {
				t.Errorf("%s:%d: these case files list every finding; no ! or ~ lines", path, c.Line)
			}
			fs := detect(t, d, c.In)
			var got, want []string
			for i, f := range fs {
				label := string(f.Kind)
				if i < len(c.Want) && c.Want[i].Label == "name" {
					label = "name"
				}
				got = append(got, label+" "+strconv.Quote(f.Text))
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
