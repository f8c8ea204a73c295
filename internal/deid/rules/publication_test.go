package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

func TestPublication(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Pingback: Ten years on | Notes From The Porch", []string{"Notes From The Porch"}},
		{"Trackback: On waiting – Kettle and Crumb\nGreat post.", []string{"Kettle and Crumb"}},
		{"My monthly letter, The Kettle Table, goes out on Fridays.", []string{"The Kettle Table"}},
		{"Her blog, Small Rooms, is lovely.", []string{"Small Rooms"}},
		{"I listen to the Quiet Lantern podcast.", []string{"Quiet Lantern"}},
		// A newspaper's one-word name, a publication in lower case, a
		// bar in a sentence: nothing.
		{"We read the Chronicle column daily.", nil},
		{"my weekly newsletter, which goes out on Fridays.", nil},
		{"She said: yes | no", nil},
	} {
		fs, err := NewPublication().Detect(context.Background(), &deid.Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			if f.Kind != deid.Organization || f.Check(tt.text) != nil {
				t.Errorf("%q: bad finding %+v", tt.text, f)
			}
			got = append(got, f.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
