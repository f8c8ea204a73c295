package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to write from one goroutine and read
// from another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingRE = regexp.MustCompile(`Serving .* at (http://\S+)`)

// startServe runs "veil serve --port 0" on root in this process and
// returns the URL it prints. It is stopped, as by Ctrl-C, when the test
// ends, and must then return 0.
func startServe(t *testing.T, root string, args ...string) (url string, stderr *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout syncBuffer
	stderr = &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, append([]string{"serve", "-s", root, "--port", "0"}, args...), strings.NewReader(""), &stdout, stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d after Ctrl-C; stderr:\n%s", code, stderr)
			}
		case <-time.After(20 * time.Second):
			t.Errorf("serve did not stop within 20 s of Ctrl-C")
		}
	})
	deadline := time.Now().Add(120 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingRE.FindStringSubmatch(stdout.String()); m != nil {
			// The URL is printed before the first build is done: wait
			// for it.
			if code, _ := fetch(t, m[1], ""); code != http.StatusServiceUnavailable {
				return m[1], stderr
			}
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d; stderr:\n%s", code, stderr)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve printed no URL; stderr:\n%s", stderr)
	return "", nil
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	// As editors do: write beside, then rename over.
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	if err := os.WriteFile(tmp, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func fetch(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor fetches url until its body satisfies ok; the deadline only
// guards against a hang.
func waitFor(t *testing.T, url string, ok func(string) bool) string {
	t.Helper()
	var body string
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, body = fetch(t, url, ""); ok(body) {
			return body
		}
	}
	t.Fatalf("%s never showed what was expected; last body:\n%s", url, body)
	return ""
}

const servePost = `---
title: A porch visit
date: 2025-03-02
tags: [visits]
---
I spoke with Ignatius Fairweather on the porch about the garden.
`

// TestServe drives veil serve over HTTP: the preview shows the
// de-identified post with its highlights, follows edits, deletions and a
// broken post (the last good page stays, with the error over it), shows
// drafts unlisted, refuses a foreign Host, and never writes public/.
func TestServe(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "config.yaml"), "title: Field notes\n")
	post := filepath.Join(root, "content", "posts", "porch.md")
	writeFile(t, post, servePost)
	url, stderr := startServe(t, root)
	postURL := url + "posts/a-porch-visit/"

	code, body := fetch(t, postURL, "")
	if code != 200 {
		t.Fatalf("GET %s: %d\n%s", postURL, code, stderr)
	}
	if !strings.Contains(body, `data-original="Ignatius Fairweather"`) || !strings.Contains(body, `class="veil-r veil-k-person"`) {
		t.Errorf("post lacks the highlighted replacement:\n%s", body)
	}
	if strings.Contains(stripMarks(body), "Fairweather") {
		t.Errorf("the original name shows outside the highlight's data:\n%s", body)
	}
	if code, _ := fetch(t, postURL, "attacker.example"); code != 403 {
		t.Errorf("foreign Host: %d, want 403", code)
	}
	if _, home := fetch(t, url, ""); !strings.Contains(home, "/posts/a-porch-visit/") {
		t.Errorf("home does not list the post:\n%s", home)
	}

	// An edit shows, de-identified.
	writeFile(t, post, strings.Replace(servePost, "about the garden.", "about the garden. Later, Philippa Horncastle phoned.", 1))
	body = waitFor(t, postURL, func(b string) bool { return strings.Contains(b, "phoned") })
	if !strings.Contains(body, `data-original="Philippa Horncastle"`) || strings.Contains(stripMarks(body), "Horncastle") {
		t.Errorf("edited post: new name not replaced and highlighted:\n%s", body)
	}

	// A broken post: the error is shown, the last good page stays.
	writeFile(t, post, "---\ntitle: A porch visit\ndate: someday\n---\nI spoke with Ignatius Fairweather.\n")
	body = waitFor(t, postURL, func(b string) bool { return strings.Contains(b, `id="veil-errors"`) })
	if !strings.Contains(body, "<pre>content/posts/porch.md:3:") || !strings.Contains(body, "phoned") {
		t.Errorf("broken post: want the error with path:line over the last good page:\n%s", body)
	}

	// A broken theme template: the error with its file and line over the
	// last good page, until it is fixed.
	writeFile(t, post, servePost)
	waitFor(t, postURL, func(b string) bool { return !strings.Contains(b, `id="veil-errors"`) })
	single := filepath.Join(root, "theme", "layouts", "single.html")
	writeFile(t, single, "{{ define \"main\" }}\n<p>{{ .Post.Title }</p>\n{{ end }}\n")
	body = waitFor(t, postURL, func(b string) bool { return strings.Contains(b, `id="veil-errors"`) })
	if !strings.Contains(body, "theme/layouts/single.html:2:") {
		t.Errorf("theme error without its file and line:\n%s", body)
	}
	if err := os.RemoveAll(filepath.Join(root, "theme")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, postURL, func(b string) bool { return !strings.Contains(b, `id="veil-errors"`) })

	// A draft is shown with a banner but not listed.
	writeFile(t, filepath.Join(root, "content", "posts", "draft.md"), "---\ntitle: Unfinished thoughts\ndate: 2025-03-03\ndraft: true\n---\nNot ready.\n")
	draftURL := url + "posts/unfinished-thoughts/"
	body = waitFor(t, draftURL, func(b string) bool { return strings.Contains(b, "Not ready.") })
	if !strings.Contains(body, `id="veil-banner"`) || !strings.Contains(body, "draft: not published") {
		t.Errorf("draft without its banner:\n%s", body)
	}
	home := waitFor(t, url, func(b string) bool { return !strings.Contains(b, `id="veil-errors"`) })
	if strings.Contains(strings.SplitN(home, `id="veil-toolbar"`, 2)[0], "/posts/unfinished-thoughts/") {
		t.Errorf("home lists the draft outside the preview toolbar:\n%s", home)
	}

	// Deleting the post removes its page.
	if err := os.Remove(post); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if code, _ := fetch(t, postURL, ""); code == 404 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the deleted post's page is still served")
		}
	}
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Error("serve wrote public/")
	}
}

// stripMarks removes the preview's own markup (attributes carrying
// originals, the style and script) so that what remains is what a reader
// sees.
func stripMarks(s string) string {
	return regexp.MustCompile(`data-original="[^"]*"|title="[^"]*"`).ReplaceAllString(s, "")
}

// TestServeFollowsContentDir: when config.yaml moves the content folder,
// serve shows the new folder's posts and follows edits there (the watcher
// moves with the configuration), and no longer the old folder's.
func TestServeFollowsContentDir(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "config.yaml"), "title: Field notes\n")
	writeFile(t, filepath.Join(root, "content", "posts", "porch.md"), servePost)
	writeFile(t, filepath.Join(root, "drafts", "posts", "kitchen.md"), "---\ntitle: A kitchen visit\ndate: 2025-03-04\n---\nTea and biscuits.\n")
	url, _ := startServe(t, root)
	waitFor(t, url, func(b string) bool { return strings.Contains(b, "/posts/a-porch-visit/") })

	writeFile(t, filepath.Join(root, "config.yaml"), "title: Field notes\ncontentDir: drafts\n")
	waitFor(t, url, func(b string) bool {
		return strings.Contains(b, "/posts/a-kitchen-visit/") && !strings.Contains(b, "/posts/a-porch-visit/")
	})
	// An edit in the new folder is seen.
	writeFile(t, filepath.Join(root, "drafts", "posts", "kitchen.md"), "---\ntitle: A kitchen visit\ndate: 2025-03-04\n---\nTea and toast.\n")
	waitFor(t, url+"posts/a-kitchen-visit/", func(b string) bool { return strings.Contains(b, "Tea and toast.") })
}

// TestServeKeepsItsAnalyses: what serve analysed after an edit is on disk
// while it runs (it puts its cache entries in place after each rebuild),
// so a veil build meanwhile analyses nothing.
func TestServeKeepsItsAnalyses(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "config.yaml"), "title: Field notes\n")
	post := filepath.Join(root, "content", "posts", "porch.md")
	writeFile(t, post, servePost)
	url, _ := startServe(t, root)
	writeFile(t, post, strings.Replace(servePost, "about the garden.", "about the garden and the fence.", 1))
	waitFor(t, url+"posts/a-porch-visit/", func(b string) bool { return strings.Contains(b, "the fence") })
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"build", "-s", root}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "; 0 analysed, 1 from .veil/cache") {
		t.Errorf("build beside serve did not find serve's analysis of the edit:\n%s", stderr.String())
	}
}
