package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/markdown"
)

// TestHiddenNames: a name written with character references, split by
// invisible characters or by inline markup is found as the name it shows, its finding spans
// the whole encoded run in the exact input, and no part of it survives.
func TestHiddenNames(t *testing.T) {
	eng := engineForTest(t)
	for _, tt := range []struct {
		text  string
		found []string // source runs that must be findings, exactly
		gone  []string // what must not be seen in the output
	}{
		{"Yesterday &#79;&#100;&#101;&#116;&#116;&#101; Marchand came in.",
			[]string{"&#79;&#100;&#101;&#116;&#116;&#101; Marchand"}, []string{"Odette", "Marchand", "&#"}},
		{"I met &#x4F;dette Marchand and Ren&eacute;e Okafor on the ward.",
			[]string{"&#x4F;dette Marchand", "Ren&eacute;e Okafor"}, []string{"Odette", "Renée", "Okafor", "dette"}},
		{"Odette Mar\u200bchand came; later Ode\u00adtte said Dr. Oka\u200dfor agreed.",
			[]string{"Odette Mar\u200bchand", "Ode\u00adtte", "Dr. Oka\u200dfor"}, []string{"Odette", "Marchand", "Okafor", "chand", "\u200b", "\u00ad"}},
		{"Mixed: O&shy;dette Mar&#x200B;chand and \ufeffOdette\u2060 M&#97;rchand.",
			[]string{"O&shy;dette Mar&#x200B;chand", "Odette\u2060 M&#97;rchand"}, []string{"Odette", "Marchand", "&shy;"}},
		{"Later Ode<b>tte</b> Mar<!-- x -->chand and Ren**ée** Oka`for` came.",
			[]string{"Ode<b>tte", "Mar<!-- x -->chand", "Ren**ée", "Oka`for"}, []string{"Odette", "Marchand", "Renée", "Okafor", "dette"}},
		{"<p title=\"x\">Ren&#xe9;e Okafor</p> [&#79;dette](/notes/) ![Ode\u200btte Marchand](p.png)",
			nil, []string{"Renée", "Okafor", "Odette", "Marchand", "&#79;"}},
	} {
		res, err := eng.Deidentify(context.Background(), &deid.Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, tt.text, res)
		checkReplaced(t, tt.text, res)
		var got []string
		for _, f := range res.Findings {
			got = append(got, f.Text)
		}
		for _, w := range tt.found {
			if !contains(got, w) {
				t.Errorf("%q: findings %q, want %q among them", tt.text, got, w)
			}
		}
		seen := strings.ToLower(markdown.Visible(res.Text).Text)
		for _, g := range tt.gone {
			if strings.Contains(res.Text, g) || strings.Contains(seen, strings.ToLower(g)) {
				t.Errorf("%q -> %q: %q survived", tt.text, res.Text, g)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkReplaced asserts that no replaced span can still be read at its
// place in the output: around each replacement, the text a reader sees of
// the output does not show the finding's visible text (unless the
// replacement itself holds it, as a kept relative date does).
func checkReplaced(t *testing.T, text string, res *deid.Result) {
	t.Helper()
	outView := strings.ToLower(markdown.Visible(res.Text).Text)
	delta := 0
	for _, f := range res.Findings {
		at := f.Start + delta
		delta += len(f.Replacement) - f.Len()
		if res.Text[at:at+len(f.Replacement)] != f.Replacement {
			t.Fatalf("%q: replacement of [%d,%d) not at %d of the output", text, f.Start, f.End, at)
		}
		orig := strings.ToLower(strings.TrimSpace(markdown.Visible(f.Text).Text))
		repl := strings.ToLower(markdown.Visible(f.Replacement).Text)
		if len(orig) < 2 || strings.Contains(repl, orig) {
			continue
		}
		// Lower-cased like outView: ToLower turns each invalid UTF-8 byte into
		// U+FFFD, three bytes, so the prefix must be measured the same way.
		vp := len(strings.ToLower(markdown.Visible(res.Text[:at]).Text))
		vq := vp + len(repl)
		lo, hi := max(0, vp-len(orig)+1), min(len(outView), vq+len(orig)-1)
		if lo < hi && strings.Contains(outView[lo:hi], orig) {
			t.Errorf("%q -> %q: the %s at [%d,%d) can still be read around its replacement %q", text, res.Text, f.Kind, f.Start, f.End, f.Replacement)
		}
	}
}
