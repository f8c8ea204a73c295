package site

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
)

// TestFoldersAsMkdirAll makes random nested folders from several
// goroutines at once with folders.make and with os.MkdirAll, and compares
// the trees and their modes; a file in the way fails both.
func TestFoldersAsMkdirAll(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 12))
	for round := range 20 {
		root := t.TempDir()
		a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
		for _, d := range []string{a, b} {
			if err := os.Mkdir(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		var rels []string
		for range 1 + rng.IntN(60) {
			rel := ""
			for range 1 + rng.IntN(4) {
				rel = filepath.Join(rel, fmt.Sprintf("d%d", rng.IntN(4)))
			}
			rels = append(rels, rel)
		}
		f := &folders{known: map[string]bool{a: true}}
		var wg sync.WaitGroup
		errs := make([]error, len(rels))
		for i, rel := range rels {
			wg.Go(func() { errs[i] = f.make(filepath.Join(a, rel)) })
		}
		wg.Wait()
		for i, rel := range rels {
			if errs[i] != nil {
				t.Fatalf("round %d: make %s: %v", round, rel, errs[i])
			}
			if err := os.MkdirAll(filepath.Join(b, rel), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if ta, tb := tree(t, a), tree(t, b); fmt.Sprint(ta) != fmt.Sprint(tb) {
			t.Fatalf("round %d: folders made %v, MkdirAll %v", round, ta, tb)
		}
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f := &folders{known: map[string]bool{root: true}}
	for _, rel := range []string{"x", "x/y", "x/y/z"} {
		got, want := f.make(filepath.Join(root, rel)), os.MkdirAll(filepath.Join(root, rel), 0o755)
		if got == nil || want == nil || got.Error() != want.Error() {
			t.Errorf("make %s over a file: %v, MkdirAll: %v", rel, got, want)
		}
	}
}

// tree lists the entries under root with their modes.
func tree(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, rel+" "+fi.Mode().String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}
