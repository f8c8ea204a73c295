package vocab

import (
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// loadedNames returns the names lists.go loads, read from its source.
func loadedNames(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "lists.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if id, ok := c.Fun.(*ast.Ident); ok && (id.Name == "load" || id.Name == "loadTagged") && len(c.Args) == 1 {
			lit, ok := c.Args[0].(*ast.BasicLit)
			if !ok {
				t.Fatalf("load with %T, want a string literal", c.Args[0])
			}
			s, _ := strconv.Unquote(lit.Value)
			names = append(names, s)
		}
		return true
	})
	slices.Sort(names)
	return names
}

// TestEveryFileHasOneAccessor checks that each file of lists/ is loaded by
// exactly one function, and that no function loads a missing file.
func TestEveryFileHasOneAccessor(t *testing.T) {
	paths, err := filepath.Glob("lists/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range paths {
		files = append(files, strings.TrimSuffix(filepath.Base(p), ".txt"))
	}
	slices.Sort(files)
	loaded := loadedNames(t)
	if c := slices.Compact(slices.Clone(loaded)); len(c) != len(loaded) {
		t.Errorf("a list is loaded twice: %v", loaded)
	}
	if !slices.Equal(files, slices.Compact(loaded)) {
		t.Errorf("files and accessors differ:\nfiles  %v\nloaded %v", files, loaded)
	}
}

// TestListsAreDocumented checks the form of every list: a header that says
// what it is, words without surrounding space, a final newline.
func TestListsAreDocumented(t *testing.T) {
	paths, _ := filepath.Glob("lists/*.txt")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.HasPrefix(s, "# ") {
			t.Errorf("%s: no header comment saying what the list holds", p)
		}
		if !strings.HasSuffix(s, "\n") {
			t.Errorf("%s: no final newline", p)
		}
		for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
			if line != strings.TrimRight(line, " \t") {
				t.Errorf("%s:%d: trailing space", p, i+1)
			}
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string
		err  string
	}{
		{"plain", "# header\nalpha\n\n beta \n# note\ngamma\n", []string{"alpha", "beta", "gamma"}, ""},
		{"escaped", "# header\n\\#\n\\\\x\n", []string{"#", `\x`}, ""},
		{"twice", "# header\nalpha\nalpha\n", nil, "listed twice"},
		{"empty", "# header only\n", nil, "holds no words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseText(tc.name, tc.text)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("parse(%q) error %v, want one with %q", tc.text, err, tc.err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Fatalf("parse(%q) = %q, %v; want %q", tc.text, got, err, tc.want)
			}
		})
	}
}

func TestSet(t *testing.T) {
	s := StrongTitles()
	if !s.Has("dr") || s.Has("Dr") || s.Has("doctor") {
		t.Errorf("StrongTitles: Has(dr)=%v Has(Dr)=%v Has(doctor)=%v; want true false false", s.Has("dr"), s.Has("Dr"), s.Has("doctor"))
	}
	w := s.Words()
	if len(w) != s.Len() {
		t.Fatalf("Words has %d, Len %d", len(w), s.Len())
	}
	w[0] = "changed"
	if s.Words()[0] == "changed" || s.Has("changed") {
		t.Error("changing the slice Words returned changed the set")
	}
	n := 0
	for range s.All() {
		n++
	}
	if n != s.Len() {
		t.Errorf("All yields %d words, Len %d", n, s.Len())
	}
}

// TestTagged checks that a tagged list gives each reading its own words.
func TestTagged(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  Set
		in   []string
		out  []string
	}{
		{"strong", StrongTitles(), []string{"dr", "mrs", "herr"}, []string{"jr", "lady"}},
		{"social", SocialTitles(), []string{"mr", "ms"}, []string{"dr"}},
		{"prose", ProseTitles(), []string{"dr", "lady", "lord"}, []string{"Dr", "jr"}},
		{"honorific", Honorifics(), []string{"dr", "jr", "st"}, []string{"lady", "herr"}},
		{"relation", KinRelations(), []string{"son", "dtr"}, []string{"uncle"}},
		{"address", FamiliarTitles(), []string{"uncle", "grandma"}, []string{"son"}},
	} {
		for _, w := range tc.in {
			if !tc.set.Has(w) {
				t.Errorf("%s: %q missing", tc.name, w)
			}
		}
		for _, w := range tc.out {
			if tc.set.Has(w) {
				t.Errorf("%s: %q present", tc.name, w)
			}
		}
	}
}

// TestHasAgreesWithItsWords checks the quick rejection of Has (by length and
// first byte) against the words themselves: every word is found, and words
// one byte off are found exactly when they are listed.
func TestHasAgreesWithItsWords(t *testing.T) {
	entries, err := files.ReadDir("lists")
	if err != nil {
		t.Fatal(err)
	}
	var sets []Set
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".txt")
		func() {
			defer func() {
				if recover() != nil { // a tagged list: its lines carry tags
					for _, s := range loadTagged(name) {
						sets = append(sets, s)
					}
				}
			}()
			sets = append(sets, load(name))
		}()
	}
	if len(sets) < 100 {
		t.Fatalf("only %d sets read", len(sets))
	}
	for _, s := range sets {
		for w := range s.All() {
			if !s.Has(w) {
				t.Errorf("Has(%q) = false for a listed word", w)
			}
			for _, v := range []string{w + "s", w[1:], strings.ToUpper(w), "x" + w, w + strings.Repeat("y", 70)} {
				if got, want := s.Has(v), slices.Contains(s.Words(), v); got != want {
					t.Errorf("Has(%q) = %v, listed %v", v, got, want)
				}
			}
		}
	}
	if (Set{}).Len() != 0 || (Set{}).Words() != nil {
		t.Error("the zero Set has words")
	}
}

// TestHasIsMap compares Has, an open-addressing table behind two quick
// rejections, with a Go map of the set's words, on every set: its words,
// each with a byte changed, added or dropped at every place, and 2,000
// random strings made of the bytes its words hold and of any byte.
func TestHasIsMap(t *testing.T) {
	entries, err := files.ReadDir("lists")
	if err != nil {
		t.Fatal(err)
	}
	var sets []Set
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".txt")
		func() {
			defer func() {
				if recover() != nil { // a tagged list: its lines carry tags
					for _, s := range loadTagged(name) {
						sets = append(sets, s)
					}
				}
			}()
			sets = append(sets, load(name))
		}()
	}
	r := rand.New(rand.NewPCG(1, 2))
	asked := 0
	for _, s := range sets {
		m := map[string]bool{}
		var alphabet []byte
		for w := range s.All() {
			m[w] = true
			alphabet = append(alphabet, w...)
		}
		check := func(v string) {
			asked++
			if got := s.Has(v); got != m[v] {
				t.Fatalf("Has(%q) = %v, want %v (a set of %d words)", v, got, m[v], s.Len())
			}
		}
		check("")
		for w := range s.All() {
			check(w)
			for i := 0; i <= len(w); i++ {
				check(w[:i] + w[min(i+1, len(w)):])
				check(w[:i] + "e" + w[i:])
				if i < len(w) {
					check(w[:i] + string(w[i]^1) + w[i+1:])
				}
			}
		}
		for range 2000 {
			b := make([]byte, r.IntN(20))
			for i := range b {
				if r.IntN(4) == 0 || len(alphabet) == 0 {
					b[i] = byte(r.IntN(256))
				} else {
					b[i] = alphabet[r.IntN(len(alphabet))]
				}
			}
			check(string(b))
		}
	}
	if asked < 300000 {
		t.Errorf("%d strings asked of %d sets: too few", asked, len(sets))
	}
}
