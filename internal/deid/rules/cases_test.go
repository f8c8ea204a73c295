package rules

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/casefile"
)

// caseRecognizers are the recognizers with a case file, testdata/NAME.txtar,
// and the kind each finds. The label of a want line is the finding's Type.
var caseRecognizers = map[string]struct {
	d    deid.Detector
	kind deid.Kind
}{
	"date":        {NewDate(), deid.Date},
	"time":        {NewTime(), deid.Date},
	"age":         {NewAge(), deid.Age},
	"email":       {NewEmail(), deid.Contact},
	"url":         {NewURL(), deid.Contact},
	"handle":      {NewHandle(), deid.Contact},
	"ip":          {NewIP(), deid.Contact},
	"phone":       {NewPhone(), deid.Contact},
	"ssn":         {NewSSN(), deid.ID},
	"id_number":   {NewIDNumber(), deid.ID},
	"street":      {NewStreet(), deid.Place},
	"po_box":      {NewPOBox(), deid.Place},
	"postal_code": {NewPostalCode(), deid.Place},
	"publication": {NewPublication(), deid.Organization},
}

// TestCaseFiles runs each recognizer over the examples of its case file and
// compares the findings, in order, with the file's.
func TestCaseFiles(t *testing.T) {
	files, err := casefile.ReadDir("testdata", slices.Collect(maps.Keys(caseRecognizers)))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		r, path, cases := caseRecognizers[file.Name], file.Path, file.Cases
		t.Run(file.Name, func(t *testing.T) {
			for _, c := range cases {
				var want []span
				for _, w := range c.Want {
					want = append(want, span{w.Text, w.Label})
				}
				if len(c.Not)+len(c.Some) > 0 {
					t.Errorf("%s:%d: rules case files list every finding; no ! or ~ lines", path, c.Line)
				}
				t.Run(strings.ReplaceAll(c.In, "/", "∕"), func(t *testing.T) {
					check(t, r.d, r.kind, []tcase{{c.In, want}})
					if t.Failed() {
						t.Logf("case at %s:%d", path, c.Line)
					}
				})
			}
		})
	}
}
