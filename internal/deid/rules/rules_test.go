package rules

import (
	"context"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

func TestDefaultSmoke(t *testing.T) {
	text := "Seen 3/4/21 by a 34-year-old at 45 Elm St Apt 2B, call (555) 123-4567, MRN: 12345678."
	for _, d := range Default() {
		fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if err := f.Check(text); err != nil {
				t.Error(err)
			}
		}
	}
}
