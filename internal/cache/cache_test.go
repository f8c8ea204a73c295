package cache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/plan"
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

// TestBadEntriesAreRebuilt: truncated, corrupt, foreign-format and empty
// entries are ignored and rewritten; the output is still a cold build's.
// withSum makes an entry file of payload, with a correct checksum.
func withSum(payload []byte) []byte {
	sum := sha256.Sum256(payload)
	return append(append([]byte(magic), sum[:]...), payload...)
}

func TestBadEntriesAreRebuilt(t *testing.T) {
	damage := map[string]func([]byte) []byte{
		"truncated": func(b []byte) []byte { return b[:len(b)/2] },
		"one byte flipped": func(b []byte) []byte {
			c := bytes.Clone(b)
			c[len(c)-3] ^= 0x55
			return c
		},
		"another format": func(b []byte) []byte { return append([]byte("veil cache 0\n"), b[len(magic):]...) },
		"empty":          func([]byte) []byte { return nil },
		// Checksummed payloads that are gob, but not an entry of today's
		// types: decoded by a kept decoder or a fresh one, never trusted.
		"another program's types": func([]byte) []byte {
			var g bytes.Buffer
			if err := gob.NewEncoder(&g).Encode(struct{ Cleared []int }{[]int{1, 2}}); err != nil {
				panic(err)
			}
			return withSum(g.Bytes())
		},
		"two values in one entry": func(b []byte) []byte {
			payload := b[len(magic)+sha256.Size:]
			return withSum(append(bytes.Clone(payload), payload...))
		},
		"checksum of garbage": func([]byte) []byte {
			payload := []byte("not gob at all")
			sum := sha256.Sum256(payload)
			return append(append([]byte(magic), sum[:]...), payload...)
		},
	}
	root := testSite(t)
	cold, _ := build(t, root, "", "key one")
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			build(t, root, dir, "key one")
			n := 0
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					b, _ := os.ReadFile(p)
					os.WriteFile(p, f(b), 0o600)
					n++
				}
				return nil
			})
			if n == 0 {
				t.Fatal("no cache files written")
			}
			out, st := build(t, root, dir, "key one")
			if st.Hits != 0 || st.Bad == 0 {
				t.Errorf("damaged cache: %+v, want no hits and some bad entries", st)
			}
			if !maps.EqualFunc(out, cold, bytes.Equal) {
				t.Error("output from a damaged cache differs from a cold build")
			}
			if _, st := build(t, root, dir, "key one"); st.Hits != 4 || st.Bad != 0 {
				t.Errorf("after rewriting: %+v, want 4 hits", st)
			}
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

// TestPrune removes entries not used since the last prune, and only the
// cache's own files.
func TestPrune(t *testing.T) {
	root := testSite(t)
	dir := t.TempDir()
	build(t, root, dir, "key one")
	other := filepath.Join(dir, "prepare", "README")
	os.WriteFile(other, []byte("not an entry"), 0o600)
	c := Open(dir, []byte("salt:key one"))
	opts := options(t, root, "key one")
	os.Remove(filepath.Join(root, "content/posts/c.md"))
	opts.Prepare = c.Wrap
	if _, err := site.Render(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if err := c.Prune(); err != nil {
		t.Fatal(err)
	}
	var entries int
	filepath.WalkDir(filepath.Join(dir, "prepare"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != "README" {
			entries++
		}
		return nil
	})
	if entries != 3 {
		t.Errorf("%d prepare entries after prune, want 3", entries)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("prune removed a file it did not write: %v", err)
	}
}

// A save makes the entry's folder when it is missing, also when it was
// there before and has gone since (a cache folder cleared by hand
// between builds).
func TestSaveRemakesFolders(t *testing.T) {
	root := testSite(t)
	dir := filepath.Join(root, ".veil", "cache")
	buildWith(t, root, dir, "key one", true)
	subs, err := os.ReadDir(dir)
	if err != nil || len(subs) == 0 {
		t.Fatalf("no folders in the cache after a build: %v", err)
	}
	for _, s := range subs {
		if err := os.RemoveAll(filepath.Join(dir, s.Name())); err != nil {
			t.Fatal(err)
		}
	}
	if _, st := buildWith(t, root, dir, "key one", true); st.Misses != 4 {
		t.Errorf("build on the emptied cache: %+v, want 4 misses", st)
	}
	if _, st := buildWith(t, root, dir, "key one", true); st.Hits != 4 || st.Misses != 0 || st.Bad != 0 {
		t.Errorf("the next build: %+v, want 4 hits: the entries were not saved again", st)
	}
}
