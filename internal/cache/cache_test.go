package cache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/cache/gobstream"
	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/plan"
	"github.com/veil-blog/veil/internal/markdown"
	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/internal/site"
	"github.com/veil-blog/veil/theme"
)

// names finds capitalised words from a fixed set as people: a stand-in for
// the recognizers, enough to give the engine's planner names to replace.
type names struct{ re *regexp.Regexp }

func (names) Name() string { return "test/names" }
func (d names) Detect(_ context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	var out []deid.Finding
	for _, m := range d.re.FindAllStringIndex(doc.Text, -1) {
		out = append(out, deid.Finding{Start: m[0], End: m[1], Kind: deid.Person, Text: doc.Text[m[0]:m[1]], Confidence: 0.9})
	}
	return out, nil
}

// testSite writes posts that share people, so that a cache that broke
// pseudonym consistency across posts would show.
func testSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"content/posts/a.md": "---\ntitle: Visiting Wilhelmina\ndate: 2024-01-01\ntags: [Wilhelmina]\n---\nWilhelmina Osei met Bartholomew. Osei laughed.\n",
		"content/posts/b.md": "---\ntitle: Later\ndate: 2024-02-01\n---\nBartholomew and Wilhelmina again.\n",
		"content/posts/c.md": "---\ntitle: Third\ndate: 2024-03-01\naliases: [/2019/an-earlier-address/]\n---\nNo names here, only *emphasis* and a [link](https://example.org/).\n",
		"content/about.md":   "---\ntitle: About\n---\nAbout Bartholomew.\n",
	}
	for name, body := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func options(t *testing.T, root, key string) site.Options {
	t.Helper()
	cfg, _, err := config.Load(root, config.Options{Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	det := names{regexp.MustCompile(`\b(?:Wilhelmina|Osei|Bartholomew)\b`)}
	return site.Options{
		Root: root, Config: cfg, Theme: theme.FS(),
		Engine: deid.New(deid.WithDetectors(det), deid.WithKey([]byte(key)), deid.WithPlanner(plan.New())),
		Now:    time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

// build writes the site to a fresh directory through a cache over dir
// (none when dir is "") and returns the files written.
func build(t *testing.T, root, dir, key string) (map[string][]byte, Counts) {
	return buildWith(t, root, dir, key, false)
}

// buildWith is build, with a OneShot cache and a memo that keeps nothing
// in memory when oneShot is set, as veil build has.
func buildWith(t *testing.T, root, dir, key string, oneShot bool) (map[string][]byte, Counts) {
	t.Helper()
	opts := options(t, root, key)
	var c *Cache
	if dir != "" {
		c = Open(dir, []byte("salt:"+key))
		opts.Prepare, opts.Memo = c.Wrap, render.NewMemo(c.Conversions())
		if oneShot {
			opts.Prepare, opts.Memo = c.OneShot().Wrap, render.NewStoreMemo(c.Conversions())
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(context.Background(), opts, dest); err != nil {
		t.Fatal(err)
	}
	if c != nil {
		if err := c.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string][]byte{}
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dest, p)
			out[filepath.ToSlash(rel)] = b
		}
		return nil
	})
	var st Counts
	if c != nil {
		st = c.Counts()
	}
	return out, st
}

// TestWarmBuildIsByteIdentical: a build served from the cache on disk,
// by a new process's worth of state, writes exactly what a cold build
// writes, and the same person keeps one pseudonym across posts.
func TestWarmBuildIsByteIdentical(t *testing.T) {
	root := testSite(t)
	dir := filepath.Join(root, ".veil", "cache")
	cold, _ := build(t, root, "", "key one")
	first, st := build(t, root, dir, "key one")
	if st.Hits != 0 || st.Misses != 4 {
		t.Errorf("first build: %+v, want 4 misses", st)
	}
	warm, st := build(t, root, dir, "key one")
	if st.Hits != 4 || st.Misses != 0 || st.Bad != 0 {
		t.Errorf("warm build: %+v, want 4 hits", st)
	}
	if _, ok := cold["2019/an-earlier-address/index.html"]; !ok {
		t.Fatalf("no redirect page for the alias in the cold build: %v", keys(cold))
	}
	for name, out := range map[string]map[string][]byte{"first": first, "warm": warm} {
		if !maps.EqualFunc(out, cold, bytes.Equal) {
			t.Errorf("%s build through the cache differs from a cold build", name)
			for n := range cold {
				if !bytes.Equal(out[n], cold[n]) {
					t.Errorf("  %s differs", n)
				}
			}
		}
	}
	// One pseudonym per person across posts: the pseudonym for
	// Bartholomew in post a is the one in post b.
	a, b := string(warm["posts/visiting-"+pseudonymSlug(t, warm)+"/index.html"]), ""
	for n, f := range warm {
		if strings.HasPrefix(n, "posts/later/") {
			b = string(f)
		}
	}
	for _, f := range warm {
		if bytes.Contains(f, []byte("Wilhelmina")) || bytes.Contains(f, []byte("Bartholomew")) {
			t.Fatal("a name reached the output")
		}
	}
	if a == "" || b == "" {
		t.Fatalf("posts not found in %v", keys(warm))
	}
	pa, pb := firstWordAfter(a, "met "), firstWordAfter(b, "<p>")
	if pa == "" || pa != pb {
		t.Errorf("Bartholomew is %q in one post and %q in the other", pa, pb)
	}
}

// TestOneShotBuildIsByteIdentical: veil build's cache, which keeps its
// results on disk only, writes a cold build's bytes, cold and warm, and
// writes entries that a serving cache reads.
func TestOneShotBuildIsByteIdentical(t *testing.T) {
	root := testSite(t)
	dir := filepath.Join(root, ".veil", "cache")
	cold, _ := build(t, root, "", "key one")
	first, st := buildWith(t, root, dir, "key one", true)
	if st.Hits != 0 || st.Misses != 4 {
		t.Errorf("first build: %+v, want 4 misses", st)
	}
	warm, st := buildWith(t, root, dir, "key one", true)
	if st.Hits != 4 || st.Misses != 0 || st.Bad != 0 {
		t.Errorf("warm build: %+v, want 4 hits", st)
	}
	served, st := build(t, root, dir, "key one")
	if st.Hits != 4 || st.Misses != 0 || st.Bad != 0 {
		t.Errorf("serving cache after one-shot builds: %+v, want 4 hits", st)
	}
	for name, out := range map[string]map[string][]byte{"first": first, "warm": warm, "served": served} {
		if !maps.EqualFunc(out, cold, bytes.Equal) {
			t.Errorf("%s build differs from a cold build", name)
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// pseudonymSlug finds the slug part after "visiting-" of post a.
func pseudonymSlug(t *testing.T, files map[string][]byte) string {
	for n := range files {
		if rest, ok := strings.CutPrefix(n, "posts/visiting-"); ok {
			return strings.TrimSuffix(rest, "/index.html")
		}
	}
	t.Fatalf("no post a in %v", keys(files))
	return ""
}

// firstWordAfter returns the word after marker in page.
func firstWordAfter(page, marker string) string {
	i := strings.Index(page, marker)
	if i < 0 {
		return ""
	}
	rest := page[i+len(marker):]
	end := strings.IndexAny(rest, " .,<")
	if end < 0 {
		return ""
	}
	return rest[:end]
}

// packs returns the packs in dir.
func packs(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, packPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(names, func(n string) bool { return !isPackName(filepath.Base(n)) })
}

// rewriteEntries rewrites every pack in dir with each entry's payload
// replaced by f's, indexed with correct checksums: damage that only
// decoding can find.
func rewriteEntries(t *testing.T, dir string, f func([]byte) []byte) {
	t.Helper()
	for _, path := range packs(t, dir) {
		p, err := readIndex(path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := newStore(dir, new(atomic.Int64))
		s.indexed = true
		for _, e := range p.entries {
			s.put(e.kk, f(b[e.off:e.off+e.n]))
		}
		if err := s.flush(); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBadEntriesAreRebuilt: truncated, corrupt, foreign-format and empty
// packs, and entries that do not match their checksum or do not decode,
// are ignored and rewritten; the output is still a cold build's.
func TestBadEntriesAreRebuilt(t *testing.T) {
	flip := func(at func(n int) int) func([]byte) []byte {
		return func(b []byte) []byte {
			c := bytes.Clone(b)
			c[at(len(c))] ^= 0x55
			return c
		}
	}
	damage := map[string]func([]byte) []byte{
		"truncated":                 func(b []byte) []byte { return b[:len(b)/2] },
		"cut before the footer":     func(b []byte) []byte { return b[:len(b)-footerSize] },
		"a byte of the footer":      flip(func(n int) int { return n - 3 }),
		"a byte of the index":       flip(func(n int) int { return n - footerSize - 5 }),
		"the footer's index offset": flip(func(n int) int { return n - footerSize }),
		"another format":            func(b []byte) []byte { return append([]byte("veil pack 0\n"), b[len(packMagic):]...) },
		"empty":                     func([]byte) []byte { return nil },
	}
	// Packs whose index checks out but whose payloads were changed.
	payloads := map[string]func([]byte) []byte{
		"one payload byte flipped": func(b []byte) []byte {
			c := bytes.Clone(b)
			c[len(c)/2] ^= 0x55
			return c
		},
		// Checksummed payloads that are gob, but not an entry of today's
		// types: decoded by a kept decoder or a fresh one, never trusted.
		"another program's types": func([]byte) []byte {
			var g bytes.Buffer
			if err := gob.NewEncoder(&g).Encode(struct{ Cleared []int }{[]int{1, 2}}); err != nil {
				panic(err)
			}
			return g.Bytes()
		},
		"two values in one entry": func(b []byte) []byte { return append(bytes.Clone(b), b...) },
		"not gob at all":          func([]byte) []byte { return []byte("not gob at all") },
	}
	root := testSite(t)
	cold, _ := build(t, root, "", "key one")
	check := func(t *testing.T, dir string, wantBad bool) {
		out, st := build(t, root, dir, "key one")
		if st.Hits != 0 || (wantBad && st.Bad == 0) {
			t.Errorf("damaged cache: %+v, want no hits and some bad entries", st)
		}
		if !maps.EqualFunc(out, cold, bytes.Equal) {
			t.Error("output from a damaged cache differs from a cold build")
		}
		if _, st := build(t, root, dir, "key one"); st.Hits != 4 || st.Bad != 0 {
			t.Errorf("after rewriting: %+v, want 4 hits", st)
		}
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			build(t, root, dir, "key one")
			names := packs(t, dir)
			if len(names) != 1 {
				t.Fatalf("%d packs after a build, want 1", len(names))
			}
			b, _ := os.ReadFile(names[0])
			if err := os.WriteFile(names[0], f(b), 0o600); err != nil {
				t.Fatal(err)
			}
			check(t, dir, true)
		})
	}
	for name, f := range payloads {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			build(t, root, dir, "key one")
			if name == "one payload byte flipped" {
				// Flip a byte in place, checksums untouched.
				names := packs(t, dir)
				p, err := readIndex(names[0])
				if err != nil {
					t.Fatal(err)
				}
				b, _ := os.ReadFile(names[0])
				for _, e := range p.entries {
					copy(b[e.off:e.off+e.n], f(b[e.off:e.off+e.n]))
				}
				os.WriteFile(names[0], b, 0o600)
				check(t, dir, true)
				return
			}
			rewriteEntries(t, dir, f)
			// A payload of other types is a miss; the conversions'
			// store does not count what it cannot decode.
			check(t, dir, true)
		})
	}
}

// TestSaltSeparates: another key (so other pseudonyms) never reads the
// entries of the first.
func TestSaltSeparates(t *testing.T) {
	root := testSite(t)
	dir := t.TempDir()
	one, _ := build(t, root, dir, "key one")
	two, st := build(t, root, dir, "key two")
	if st.Hits != 0 {
		t.Errorf("another key hit %d entries of the first", st.Hits)
	}
	coldTwo, _ := build(t, root, "", "key two")
	if !maps.EqualFunc(two, coldTwo, bytes.Equal) || maps.EqualFunc(one, two, bytes.Equal) {
		t.Error("a build with another key is not its own cold build")
	}
}

// diskEntries counts the entries of each kind in dir's packs.
func diskEntries(t *testing.T, dir string) map[string]int {
	t.Helper()
	n := map[string]int{}
	for _, path := range packs(t, dir) {
		p, err := readIndex(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, e := range p.entries {
			n[e.kk.kind]++
		}
	}
	return n
}

// TestPrune removes entries not used since the last prune, and only the
// cache's own files: the entry files of the earlier format go, other
// files stay.
func TestPrune(t *testing.T) {
	root := testSite(t)
	dir := t.TempDir()
	build(t, root, dir, "key one")
	if n := diskEntries(t, dir); n[kindPrepare] != 4 || n[kindHTML] == 0 {
		t.Fatalf("entries after a build: %v, want 4 prepare and some html", n)
	}
	legacy := filepath.Join(dir, "prepare", "ab", "ab"+strings.Repeat("0", 62))
	other := filepath.Join(dir, "prepare", "README")
	otherPack := filepath.Join(dir, "pack-notes.txt.bak")
	os.MkdirAll(filepath.Dir(legacy), 0o700)
	os.WriteFile(legacy, []byte("veil cache 1\n"), 0o600)
	os.WriteFile(other, []byte("not an entry"), 0o600)
	os.WriteFile(otherPack, []byte("not a pack"), 0o600)
	c := Open(dir, []byte("salt:key one"))
	opts := options(t, root, "key one")
	os.Remove(filepath.Join(root, "content/posts/c.md"))
	opts.Prepare, opts.Memo = c.Wrap, render.NewMemo(c.Conversions())
	if _, err := site.Render(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if err := c.Prune(); err != nil {
		t.Fatal(err)
	}
	if n := diskEntries(t, dir); n[kindPrepare] != 3 {
		t.Errorf("%d prepare entries after prune, want 3", n[kindPrepare])
	}
	if n := len(packs(t, dir)); n != 1 {
		t.Errorf("%d packs after prune, want 1", n)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("prune removed a file it did not write: %v", err)
	}
	if _, err := os.Stat(legacy); err == nil {
		t.Error("prune left an entry file of the earlier format")
	}
	if _, err := os.Stat(filepath.Dir(legacy)); err == nil {
		t.Error("prune left the earlier format's emptied folder")
	}
	if _, err := os.Stat(otherPack); err != nil {
		t.Errorf("prune removed a file named like a pack that is not one: %v", err)
	}
	// What is left is what a build uses: it finds every post there.
	if _, st := build(t, root, dir, "key one"); st.Hits != 3 || st.Misses != 0 || st.Bad != 0 {
		t.Errorf("build after prune: %+v, want 3 hits", st)
	}
}

// A save makes the cache's folder when it is missing, also when it was
// there before and has gone since (a cache folder cleared by hand
// between builds).
func TestSaveRemakesFolders(t *testing.T) {
	root := testSite(t)
	dir := filepath.Join(root, ".veil", "cache")
	buildWith(t, root, dir, "key one", true)
	if len(packs(t, dir)) == 0 {
		t.Fatal("no pack in the cache after a build")
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if _, st := buildWith(t, root, dir, "key one", true); st.Misses != 4 {
		t.Errorf("build on the emptied cache: %+v, want 4 misses", st)
	}
	if _, st := buildWith(t, root, dir, "key one", true); st.Hits != 4 || st.Misses != 0 || st.Bad != 0 {
		t.Errorf("the next build: %+v, want 4 hits: the entries were not saved again", st)
	}
}

// TestPruneKeepsWholePacks: after a build that changed one post, prune
// removes the packs of that post's old entries and leaves every other
// pack as it was (not copied): here each entry is a pack of its own.
func TestPruneKeepsWholePacks(t *testing.T) {
	root := testSite(t)
	dir := t.TempDir()
	run := func() Counts {
		t.Helper()
		c := Open(dir, []byte("salt:key one")).OneShot()
		c.disk.segment = 1
		opts := options(t, root, "key one")
		opts.Prepare, opts.Memo = c.Wrap, render.NewStoreMemo(c.Conversions())
		if _, err := site.Build(context.Background(), opts, filepath.Join(t.TempDir(), "public")); err != nil {
			t.Fatal(err)
		}
		if err := c.Prune(); err != nil {
			t.Fatal(err)
		}
		return c.Counts()
	}
	run()
	before := packs(t, dir)
	if n := diskEntries(t, dir); len(before) != n[kindPrepare]+n[kindHTML] || n[kindPrepare] != 4 {
		t.Fatalf("%d packs holding %v, want one per entry and 4 prepare entries", len(before), n)
	}
	post := filepath.Join(root, "content/posts/b.md")
	b, _ := os.ReadFile(post)
	os.WriteFile(post, append(b, "Wilhelmina left early.\n"...), 0o644)
	if st := run(); st.Misses != 1 || st.Hits != 3 {
		t.Errorf("build after one edit: %+v, want 1 miss and 3 hits", st)
	}
	after := packs(t, dir)
	var kept int
	for _, p := range before {
		if slices.Contains(after, p) {
			kept++
		}
	}
	// The post's result and its conversion are new; the old ones gone.
	if kept != len(before)-2 || len(after) != len(before) {
		t.Errorf("%d packs before, %d after, %d of them kept: want all but the edited post's 2 kept and 2 new", len(before), len(after), kept)
	}
	if st := run(); st.Hits != 4 || st.Bad != 0 {
		t.Errorf("warm build after prune: %+v, want 4 hits", st)
	}
}

// TestEntriesAsFreshEncoder: the entries a build saves (posts and
// conversions, encoded by kept encoders) are byte for byte what a fresh
// gob.Encoder writes for the same values.
func TestEntriesAsFreshEncoder(t *testing.T) {
	root := testSite(t)
	opts := options(t, root, "key one")
	c := Open(filepath.Join(root, ".veil", "cache"), []byte("salt"))
	memo := render.NewMemo(c.Conversions())
	opts.Prepare, opts.Memo = c.Wrap, memo
	// One worker: posts prepared at once by several would each take a
	// fresh encoder, and how many do depends on the scheduler.
	opts.Workers = 1
	if _, err := site.Build(context.Background(), opts, filepath.Join(t.TempDir(), "public")); err != nil {
		t.Fatal(err)
	}
	fresh := func(v any) []byte {
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(v); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if n := c.enc.Reused(); n < 3 {
		t.Errorf("kept encoders wrote %d of 4 posts", n)
	}
	var results gobstream.Encoders[markdown.Result]
	var posts, conversions int
	for k, e := range c.mem {
		b, ok := c.disk.get(usedKey{kindPrepare, k})
		if !ok || !bytes.Equal(b, fresh(e.stored(nil))) {
			t.Errorf("entry %x: saved bytes differ from a fresh encoder's (found %v)", k[:4], ok)
		}
		posts++
	}
	for kk := range c.disk.at {
		if kk.kind != kindHTML {
			continue
		}
		b, _ := c.disk.get(kk)
		var res markdown.Result
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&res); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, fresh(res)) {
			t.Errorf("conversion %x: saved bytes differ from a fresh encoder's", kk.k[:4])
		}
		if again, err := results.Encode(res); err != nil || !bytes.Equal(again, b) {
			t.Errorf("conversion %x: encoded again, bytes differ (%v)", kk.k[:4], err)
		}
		conversions++
	}
	if n := results.Reused(); n != conversions-1 {
		t.Errorf("kept encoders wrote %d of %d conversions", n, conversions)
	}
	if posts < 4 || conversions < 4 {
		t.Errorf("%d posts and %d conversions compared; want 4 each", posts, conversions)
	}
}

// TestStoreReadsWhatItGathers: entries saved are read back, byte for
// byte, while their pack is being written (whether still gathered in
// memory or already in the file), after it is put in place, and by a new
// store, across packs of several segments.
func TestStoreReadsWhatItGathers(t *testing.T) {
	keys, payloads := benchEntries(300) // 4-20 KB each: ~3.6 MB
	var bad countBad
	dir := filepath.Join(t.TempDir(), "cache")
	s := newStore(dir, &bad.n)
	s.segment = 1 << 20
	check := func(s *store, upto int, when string) {
		t.Helper()
		for j := range upto {
			if b, ok := s.get(keys[j]); !ok || !bytes.Equal(b, payloads[j]) {
				t.Fatalf("%s: entry %d of %d read back wrong (found %v)", when, j, upto, ok)
			}
		}
	}
	for j, k := range keys {
		s.put(k, payloads[j])
		if j%37 == 0 {
			check(s, j+1, "while writing")
		}
	}
	check(s, len(keys), "before flush")
	if err := s.flush(); err != nil {
		t.Fatal(err)
	}
	check(s, len(keys), "after flush")
	check(newStore(dir, &bad.n), len(keys), "new store")
	if n := bad.n.Load(); n != 0 {
		t.Errorf("%d entries bad", n)
	}
}

// TestPutPartsAsPut: entries saved in two pieces (cut anywhere, either
// piece empty) make the same pack files, byte for byte, as the same
// entries saved whole, and read back whole.
func TestPutPartsAsPut(t *testing.T) {
	keys, payloads := benchEntries(300)
	var bad countBad
	whole, parts := filepath.Join(t.TempDir(), "whole"), filepath.Join(t.TempDir(), "parts")
	sw, sp := newStore(whole, &bad.n), newStore(parts, &bad.n)
	sw.segment, sp.segment = 1<<20, 1<<20
	for j, k := range keys {
		cut := (j * 7919) % (len(payloads[j]) + 1)
		switch j % 5 {
		case 0:
			cut = 0
		case 1:
			cut = len(payloads[j])
		}
		sw.put(k, payloads[j])
		sp.putParts(k, payloads[j][:cut], payloads[j][cut:])
		if b, ok := sp.get(k); !ok || !bytes.Equal(b, payloads[j]) {
			t.Fatalf("entry %d read back wrong (found %v)", j, ok)
		}
	}
	if err := sw.flush(); err != nil {
		t.Fatal(err)
	}
	if err := sp.flush(); err != nil {
		t.Fatal(err)
	}
	read := func(dir string) [][]byte {
		names, _ := filepath.Glob(filepath.Join(dir, packPrefix+"*"))
		slices.Sort(names) // in time order
		var out [][]byte
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
		return out
	}
	w, p := read(whole), read(parts)
	if len(w) < 2 || !slices.EqualFunc(w, p, bytes.Equal) {
		t.Errorf("%d packs saved whole, %d in pieces: not the same bytes", len(w), len(p))
	}
	if n := bad.n.Load(); n != 0 {
		t.Errorf("%d entries bad", n)
	}
}

// keyFprintf is Cache.key as it was written with fmt: the oracle of
// TestKeyAsFprintf.
func keyFprintf(c *Cache, p *content.Post) key {
	h := sha256.New()
	h.Write(c.salt[:])
	if rel, ok := c.relPath(p); ok {
		fmt.Fprintf(h, "site\x00%d:%s\x00", len(rel), rel)
	} else {
		fmt.Fprintf(h, "typed\x00%d:%s\x00", len(p.Path), p.Path)
	}
	fmt.Fprintf(h, "%d:%s\x00%d:", len(p.Rel), p.Rel, len(p.Source))
	h.Write(p.Source)
	var k key
	h.Sum(k[:0])
	return k
}

// TestKeyAsFprintf: keys of random posts (inside and outside the site
// root, paths of every length up to past the key's buffer, non-ASCII, NUL
// and colons) are those the fmt form gives.
func TestKeyAsFprintf(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 9))
	root := filepath.Join(string(filepath.Separator)+"srv", "site")
	pieces := []string{"a", "é", ":", "\x00", "/", "posts", "%d", " ", strings.Repeat("x", 100)}
	text := func() string {
		var b strings.Builder
		for n := rng.IntN(6); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for _, c := range []*Cache{Open("", []byte("salt")).SiteRoot(root), Open("", nil)} {
		for i := range 3000 {
			p := &content.Post{Rel: text(), Source: []byte(text())}
			switch rng.IntN(3) {
			case 0:
				p.Path = filepath.Join(root, "content", text()+".md")
			case 1:
				p.Path = text()
			default:
				p.Path = filepath.Join(root, text())
			}
			if rng.IntN(10) == 0 {
				p.Source = nil
			}
			if got, want := c.key(p), keyFprintf(c, p); got != want {
				t.Fatalf("post %d %+v: key %x, want %x", i, p, got, want)
			}
		}
	}
}

// BenchmarkKey keys a 10 KB post inside the site root, as each post of a
// build is keyed: the fmt form and the appended one.
func BenchmarkKey(b *testing.B) {
	c := Open("", []byte("salt")).SiteRoot("/srv/site")
	p := &content.Post{Path: "/srv/site/content/posts/a-week-on-the-ward.md", Rel: "posts/a-week-on-the-ward.md", Source: bytes.Repeat([]byte("a word "), 1500)}
	b.Run("fprintf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			keyFprintf(c, p)
		}
	})
	b.Run("append", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c.key(p)
		}
	})
}
