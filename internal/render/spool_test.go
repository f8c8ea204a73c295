package render

import (
	"bytes"
	"context"
	"crypto/sha256"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/veil-blog/veil/theme"
)

// TestPreconvertedPostsRenderTheSame: posts converted ahead of Plan,
// with their HTML in a spool or in memory, render every file as posts
// converted by Plan do; the Markdown is dropped; Close removes the spool.
func TestPreconvertedPostsRenderTheSame(t *testing.T) {
	want := renderSample(t)
	dir := t.TempDir()
	spool, err := NewSpool(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range []*Spool{spool, nil} {
		r := newRenderer(t, theme.FS())
		posts := samplePosts()
		for i := range posts {
			r.Preconvert(&posts[i], sp)
			if posts[i].Markdown != nil {
				t.Fatalf("post %d keeps its Markdown after Preconvert", i)
			}
		}
		got, err := r.Render(context.Background(), sampleSite(), posts)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("spool %v: %d files, want %d", sp != nil, len(got), len(want))
		}
		for name, b := range want {
			if !bytes.Equal(got[name], b) {
				t.Errorf("spool %v: %s differs:\n%s", sp != nil, name, firstDiff(got[name], b))
			}
		}
	}
	if err := spool.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
		t.Errorf("spool files left: %v", left)
	}
}

// mapStore is a Store in memory, for tests.
type mapStore struct {
	mu sync.Mutex
	m  map[[sha256.Size]byte][]byte
}

func (s *mapStore) Load(k [sha256.Size]byte) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.m[k]
	return b, ok
}

func (s *mapStore) Save(k [sha256.Size]byte, b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = b
}

// TestConvertSpooledAsConvert converts random Markdown (with raw HTML,
// code, footnotes, headings, a summary marker, empty, and too costly to
// convert) as Preconvert does with a spool, without a memo and with a
// store-only memo, cold and then from the store, and compares it with
// convert followed by spooling the HTML (Preconvert's way before): the
// same conversion, error and spooled text.
func TestConvertSpooledAsConvert(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1))
	pieces := []string{"# Title\n\n", "Some *text* here. ", "A [link](https://example.org/a) and ![img](/a.png \"t\")", "\n\n", "<div>raw</div>\n\n", "<!--more-->\n\n", "```go\ncode\n```\n\n", "- item\n- item\n\n", "Note[^1].\n\n[^1]: The note.\n\n", "> quote\n\n", "&amp; &rsquo; \"q\" 'a'", "| a | b |\n|---|---|\n| 1 | 2 |\n\n", "## Sub heading\n\n", strings.Repeat("[", 3000), strings.Repeat("> ", 200) + "deep\n\n"}
	docs := [][]byte{nil, {}, []byte("x")}
	for range 400 {
		var b strings.Builder
		for n := rng.IntN(10); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		docs = append(docs, []byte(b.String()))
	}
	dir := t.TempDir()
	errs := 0
	for _, memo := range []string{"none", "store"} {
		var rOld, rNew *Renderer
		stOld, stNew := &mapStore{m: map[[sha256.Size]byte][]byte{}}, &mapStore{m: map[[sha256.Size]byte][]byte{}}
		if memo == "none" {
			rOld, rNew = newRenderer(t, theme.FS()), newRenderer(t, theme.FS())
		} else {
			var err error
			if rOld, err = New(theme.FS(), WithMemo(NewStoreMemo(stOld))); err != nil {
				t.Fatal(err)
			}
			if rNew, err = New(theme.FS(), WithMemo(NewStoreMemo(stNew))); err != nil {
				t.Fatal(err)
			}
		}
		for run := range 2 { // the second from the store
			spOld, err := NewSpool(dir)
			if err != nil {
				t.Fatal(err)
			}
			spNew, err := NewSpool(dir)
			if err != nil {
				t.Fatal(err)
			}
			for i, doc := range docs {
				c, err := rOld.convert(doc)
				want := &converted{c, err}
				if err == nil {
					want = spoolConversion(c, spOld)
				}
				got := rNew.convertSpooled(doc, spNew)
				if errText(got.err) != errText(want.err) {
					t.Fatalf("memo %s run %d doc %d: error %v, want %v", memo, run, i, got.err, want.err)
				}
				if got.err != nil {
					errs++
				}
				gotText, gerr := spooledText(got.res)
				wantText, werr := spooledText(want.res)
				g, w := got.res, want.res
				g.spooled, w.spooled = spooled{}, spooled{}
				if gerr != nil || werr != nil || gotText != wantText || !reflect.DeepEqual(g, w) {
					t.Fatalf("memo %s run %d doc %d %q:\n got %#v %q\nwant %#v %q", memo, run, i, doc, g, gotText, w, wantText)
				}
			}
			spOld.Close()
			spNew.Close()
			if !maps.EqualFunc(stNew.m, stOld.m, bytes.Equal) {
				t.Fatalf("memo %s run %d: the store holds %d entries, want the %d convert saves", memo, run, len(stNew.m), len(stOld.m))
			}
		}
	}
	if errs == 0 {
		t.Error("no document too costly to convert: the error path is not compared")
	}
}

// spooledText is the text c's spool holds, or "" when it holds none.
func spooledText(c conversion) (string, error) {
	if c.spooled.s == nil {
		return "", nil
	}
	return c.spooled.read()
}

// errText is err's message, or "" for none.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
