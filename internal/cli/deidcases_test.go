package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/veil-blog/veil/internal/deid"
)

// TestDeidCases runs the whole de-identification engine, as a build builds
// it, over testdata/deidcases/*.txtar. Each case file states one pattern of
// language in its comment and holds invented examples of it:
//
//	-- input --     the text, one example a line
//	-- replaced --  one string a line, each of which must not survive: every
//	                occurrence lies inside a finding
//	-- kept --      one string a line, each of which the output must still hold
//	                where the input had it (no finding overlaps it)
//	-- as --        "original => replacement" lines: the finding over original has
//	                that replacement (only for replacements that do not depend
//	                on the key)
//	-- never --     strings no replacement may be (nonsense in context)
//
// A line of replaced or kept may be "context | part": the part where it
// first occurs inside each occurrence of the context ("son is 7 | 7").
func TestDeidCases(t *testing.T) {
	files, err := filepath.Glob("testdata/deidcases/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	eng, err := newEngine(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string]string{}
			for _, f := range ar.Files {
				sec[f.Name] = string(f.Data)
			}
			in, ok := sec["input"]
			if !ok {
				t.Fatal("no input section")
			}
			for _, line := range strings.Split(strings.TrimRight(in, "\n"), "\n") {
				checkCaseLine(t, eng, line, sec)
			}
		})
	}
}

// lines returns the non-empty lines of a section.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// checkCaseLine de-identifies one input line and checks the expectations
// that concern it (those whose string occurs in it).
func checkCaseLine(t *testing.T, eng *deid.Engine, line string, sec map[string]string) {
	t.Helper()
	res, err := eng.Deidentify(context.Background(), &deid.Doc{Text: line})
	if err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	covered := func(s, e int) bool {
		for _, f := range res.Findings {
			if f.Start <= s && e <= f.End {
				return true
			}
		}
		return false
	}
	touched := func(s, e int) bool {
		for _, f := range res.Findings {
			if f.Start < e && s < f.End {
				return true
			}
		}
		return false
	}
	each := func(sub string, fn func(s, e int)) {
		if ctx, part, ok := strings.Cut(sub, " | "); ok {
			for off := 0; ; {
				i := strings.Index(line[off:], ctx)
				if i < 0 {
					return
				}
				j := strings.Index(ctx, part)
				if j < 0 {
					t.Fatalf("%q is not inside %q", part, ctx)
				}
				fn(off+i+j, off+i+j+len(part))
				off += i + len(ctx)
			}
		}
		for off := 0; ; {
			i := strings.Index(line[off:], sub)
			if i < 0 {
				return
			}
			fn(off+i, off+i+len(sub))
			off += i + len(sub)
		}
	}
	for _, want := range lines(sec["replaced"]) {
		each(want, func(s, e int) {
			if !covered(s, e) {
				t.Errorf("%q: %q at %d survives; output %q", line, want, s, res.Text)
			}
		})
	}
	for _, want := range lines(sec["kept"]) {
		each(want, func(s, e int) {
			if touched(s, e) {
				t.Errorf("%q: %q at %d was replaced; output %q", line, want, s, res.Text)
			}
		})
	}
	for _, pair := range lines(sec["as"]) {
		orig, repl, ok := strings.Cut(pair, "=>")
		if !ok {
			t.Fatalf("as: %q is not original => replacement", pair)
		}
		orig, repl = strings.TrimSpace(orig), strings.TrimSpace(repl)
		each(orig, func(s, e int) {
			for _, f := range res.Findings {
				if f.Start <= s && e <= f.End && f.Replacement != repl {
					t.Errorf("%q: %q became %q, want %q", line, orig, f.Replacement, repl)
				}
			}
		})
	}
	for _, bad := range lines(sec["never"]) {
		for _, f := range res.Findings {
			if f.Replacement == bad {
				t.Errorf("%q: %q became %q", line, f.Text, bad)
			}
		}
	}
}
