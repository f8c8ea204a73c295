package cache

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/internal/site"
)

// spellingSite is testSite with messages a cached result carries: the
// risk gate holds back every post naming a person, a held post and a
// published one each accept a detail that is not there (a warning naming
// the post's path), and a held post has an alias naming someone.
func spellingSite(t *testing.T) string {
	t.Helper()
	root := testSite(t)
	files := map[string]string{
		"config.yaml":        "risk:\n  flag: [person]\n",
		"content/posts/d.md": "---\ntitle: Quiet\ndate: 2024-04-01\nveil:\n  accept:\n    - text: a lighthouse keeper\n      reason: invented\n---\nA plain day with no one in it.\n",
		"content/posts/e.md": "---\ntitle: Loud\ndate: 2024-05-01\naliases: [/2018/with-bartholomew/]\nveil:\n  accept:\n    - text: a ferry captain\n      reason: invented\n---\nOsei again.\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(root, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// spelledBuild builds the site named root (as veil build does: a OneShot
// cache over dir, pruned after the build; none when dir is "") and
// returns the files written, the counts and the report.
func spelledBuild(t *testing.T, root, dir string) (map[string][]byte, Counts, *site.Report) {
	t.Helper()
	opts := options(t, root, "key one")
	var c *Cache
	if dir != "" {
		c = Open(dir, []byte("salt")).SiteRoot(root).OneShot()
		opts.Prepare, opts.Memo = c.Wrap, render.NewStoreMemo(c.Conversions())
	}
	dest := filepath.Join(t.TempDir(), "public")
	rep, err := site.Build(context.Background(), opts, dest)
	if err != nil {
		t.Fatal(err)
	}
	var st Counts
	if c != nil {
		if err := c.Prune(); err != nil {
			t.Fatal(err)
		}
		st = c.Counts()
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
	return out, st, rep
}

// messages are what a build reports about its posts: its warnings and the
// held posts' paths and reasons.
func messages(rep *site.Report) []string {
	out := slices.Clone(rep.Warnings)
	for _, h := range rep.Held {
		out = append(out, "held "+h.Path+": "+h.Reason)
		for _, w := range h.Warnings {
			out = append(out, "held warning "+w)
		}
		if h.Post != nil {
			out = append(out, "held post "+h.Post.Path)
			for _, w := range h.Post.Warnings {
				out = append(out, "held post warning "+w)
			}
		}
	}
	for _, c := range rep.Published {
		out = append(out, "published "+c.Path)
	}
	return out
}

// TestSpellingsShareTheCache: the same site named by its absolute path, a
// relative one and a symlink finds the entries another spelling kept (and
// pruning after one spelling keeps them for the others); each warm build
// writes what a cold build writes and reports the paths as it typed them.
func TestSpellingsShareTheCache(t *testing.T) {
	root := spellingSite(t)
	dir := filepath.Join(root, ".veil", "cache")
	link := filepath.Join(t.TempDir(), "site-link")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(root))
	relative := filepath.Base(root)
	spellings := []string{root, relative, link, root}

	cold, _, coldRep := spelledBuild(t, root, "")
	if len(coldRep.Held) == 0 || len(coldRep.Published) == 0 {
		t.Fatalf("the site should have held and published posts: %d held, %d published", len(coldRep.Held), len(coldRep.Published))
	}
	posts := int64(len(coldRep.Held) + len(coldRep.Published))
	if _, st, _ := spelledBuild(t, root, dir); st.Misses != posts || st.Hits != 0 {
		t.Fatalf("first build: %+v, want %d misses", st, posts)
	}
	for i, spelled := range spellings {
		_, _, want := spelledBuild(t, spelled, "")
		out, st, rep := spelledBuild(t, spelled, dir)
		if st.Hits != posts || st.Misses != 0 || st.Bad != 0 {
			t.Errorf("build %d as %q: %+v, want %d hits", i, spelled, st, posts)
		}
		if !maps.EqualFunc(out, cold, bytes.Equal) {
			t.Errorf("build %d as %q through the cache differs from a cold build", i, spelled)
		}
		if got, w := messages(rep), messages(want); !slices.Equal(got, w) {
			t.Errorf("build %d as %q reports\n  %s\nwhere a cold build reports\n  %s", i, spelled, strings.Join(got, "\n  "), strings.Join(w, "\n  "))
		}
		// The messages name the post as this spelling types it.
		for _, name := range []string{"d.md", "e.md"} {
			prefix := filepath.Join(spelled, "content", "posts", name) + ":"
			if !slices.ContainsFunc(messages(rep), func(m string) bool { return strings.Contains(m, prefix) && strings.Contains(m, "veil.accept") }) {
				t.Errorf("build %d as %q: no veil.accept warning begins %q:\n  %s", i, spelled, prefix, strings.Join(messages(rep), "\n  "))
			}
		}
	}
}
