package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// verdictCase is one testdata/verdicts/*.txtar: a post as its author writes it (before
// de-identification), the verdict a careful reviewer reaches with the reasoning beside it
// (want: pass|held), the ordinary words that must survive into the published page (keep:)
// and the identifiers that must be gone from it (gone:).
type verdictCase struct {
	name, want string
	// known is veil's verdict where it still disagrees with the reviewer (veil: ...).
	known      string
	keep, gone []string
	post       []byte
}

func loadVerdictCases(t *testing.T) []verdictCase {
	t.Helper()
	files, err := filepath.Glob("testdata/verdicts/*.txtar")
	if err != nil || len(files) < 20 {
		t.Fatalf("%d verdict cases (%v)", len(files), err)
	}
	var cases []verdictCase
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c := verdictCase{name: strings.TrimSuffix(filepath.Base(file), ".txtar")}
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			key, val, _ := strings.Cut(line, ": ")
			var list []string
			for _, w := range strings.Split(val, ";") {
				if w = strings.TrimSpace(w); w != "" {
					list = append(list, w)
				}
			}
			switch key {
			case "want":
				c.want = val
			case "veil":
				c.known = val
			case "keep":
				c.keep = list
			case "gone":
				c.gone = list
			}
		}
		if c.want != "pass" && c.want != "held" || len(ar.Files) != 1 {
			t.Fatalf("%s: want: pass|held and one post file", file)
		}
		c.post = ar.Files[0].Data
		cases = append(cases, c)
	}
	return cases
}

// TestVerdictsPipeline runs the reviewer's cases through the whole pipeline (load,
// de-identify, score) as `veil check --format json` does, then builds the site and reads
// the published pages of the posts that pass.
func TestVerdictsPipeline(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the de-identification models")
	}
	cases := loadVerdictCases(t)
	root := t.TempDir()
	posts := filepath.Join(root, "content", "posts")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if err := os.WriteFile(filepath.Join(posts, c.name+".md"), c.post, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	Run(context.Background(), []string{"check", "--format", "json", "-s", root}, nil, &stdout, &stderr)
	var rep struct {
		Posts []struct {
			Path   string `json:"path"`
			Status string `json:"status"`
			Risk   struct {
				Crowd float64 `json:"crowd"`
			} `json:"risk"`
			Reasons []string `json:"reasons"`
		} `json:"posts"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("check JSON: %v\n%s", err, stderr.String())
	}
	got := map[string]string{}
	for _, p := range rep.Posts {
		name := strings.TrimSuffix(filepath.Base(p.Path), ".md")
		v := map[string]string{"held": "held", "publish": "pass"}[p.Status]
		got[name] = v
		t.Logf("%s: %s, crowd %.3g", name, p.Status, p.Risk.Crowd)
		for _, c := range cases {
			if c.name == name && v != c.verdict() {
				t.Errorf("%s: %s (crowd %.3g), the reviewer says %s (pinned: %s)\nreasons: %q", name, p.Status, p.Risk.Crowd, c.want, c.verdict(), p.Reasons)
			}
		}
	}
	for _, c := range cases {
		if got[c.name] == "" {
			t.Errorf("%s: no verdict", c.name)
		}
	}

	stdout.Reset()
	stderr.Reset()
	Run(context.Background(), []string{"build", "-s", root}, nil, &stdout, &stderr)
	// Each published post page, by the words of its own body: find a page holding every
	// keep word, and check none of the gone strings is anywhere in the output.
	var pages []string
	err := filepath.WalkDir(filepath.Join(root, "public"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := html.UnescapeString(string(data))
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, text)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	for _, c := range cases {
		if c.verdict() != "pass" || len(c.keep) == 0 {
			continue
		}
		found := false
		for _, p := range pages {
			lower := strings.ToLower(p)
			ok := true
			for _, k := range c.keep {
				ok = ok && strings.Contains(lower, strings.ToLower(k))
			}
			if !ok {
				continue
			}
			found = true
			// The post's own page: its identifiers are gone (another post's
			// pseudonym may be any name, so only this page is read).
			for _, g := range c.gone {
				if strings.Contains(p, g) {
					t.Errorf("%s: %q is in its published page", c.name, g)
				}
			}
		}
		if !found {
			t.Errorf("%s: no published page keeps all of %q", c.name, c.keep)
		}
	}
}

// verdict is what veil is pinned to: the reviewer's, or a known disagreement written in
// the case (veil: ...) with the reason it is not fixed.
func (c verdictCase) verdict() string {
	if c.known != "" {
		return c.known
	}
	return c.want
}

// TestRiskFlag: a post in which the de-identifier found an identifier of a kind risk.flag
// lists is held back for review, with the kind and its place first among the reasons;
// without the key the same post is published.
func TestRiskFlag(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the de-identification models")
	}
	root := t.TempDir()
	post := "---\ntitle: Referrals\ndate: 2026-01-02\n---\nI rang the referral line on 555-301-7788 and we talked about waiting lists.\n"
	if err := os.MkdirAll(filepath.Join(root, "content", "posts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content", "posts", "a.md"), []byte(post), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		config string
		code   int
		want   string
	}{
		{"title: t\n", ExitOK, `"status": "publish"`},
		{"title: t\nrisk:\n  flag: [contact]\n", ExitInput, `contact at 5:29: a direct identifier of a kind risk.flag holds back`},
		{"title: t\nrisk:\n  flag: [id]\n", ExitOK, `"status": "publish"`},
	} {
		if err := os.WriteFile(filepath.Join(root, "config.yaml"), []byte(c.config), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		code := Run(context.Background(), []string{"check", "--format", "json", "-s", root}, nil, &stdout, &stderr)
		if code != c.code || !strings.Contains(stdout.String(), c.want) {
			t.Errorf("%q: exit %d, want %d with %q\n%s%s", c.config, code, c.code, c.want, stdout.String(), stderr.String())
		}
	}
}
