package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findBrowser returns a Chromium or Chrome executable, or "". Without one
// the browser test skips, unless VEIL_REQUIRE_BROWSER=1 (as in CI), where
// it fails.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("VEIL_REQUIRE_BROWSER") == "1" {
		t.Fatal("no Chromium found and VEIL_REQUIRE_BROWSER=1: install Debian's chromium (apt-get install chromium)")
	}
	t.Skip("no Chromium found: install Debian's chromium to run the browser test (VEIL_REQUIRE_BROWSER=1 makes this a failure)")
	return ""
}

// TestServeInBrowser opens a post of veil serve's preview in headless
// Chromium, rewrites the post's Markdown on disk, and sees the page reload
// by itself with the new, de-identified text and its highlight.
func TestServeInBrowser(t *testing.T) {
	browser := findBrowser(t)
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "config.yaml"), "title: Field notes\n")
	post := filepath.Join(root, "content", "posts", "porch.md")
	// Long enough to scroll: the reload must keep the reader's place.
	long := servePost + strings.Repeat("\nWe talked about the weather, the roses and the week ahead.\n", 120)
	writeFile(t, post, long)
	url, stderr := startServe(t, root)

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browser), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-extensions", true),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()

	if _, err := chromedp.Run(ctx, chromedp.Navigate(url+"posts/a-porch-visit/")); err != nil {
		t.Fatalf("navigate: %v\nserve: %s", err, stderr)
	}
	// eval runs a script until it returns true; the deadline only guards
	// against a hang (a reload in between makes one evaluation fail).
	eval := func(what, script string) {
		t.Helper()
		var last error
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			step, cancel := context.WithTimeout(ctx, 10*time.Second)
			ok, err := chromedp.Run(step, chromedp.Evaluate[bool](script))
			cancel()
			if err == nil && ok {
				return
			}
			last = err
		}
		html, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.outerHTML`))
		t.Fatalf("%s: never true (last error %v)\npage:\n%s\nserve:\n%s", what, last, html, stderr)
	}
	eval("the first name is replaced and highlighted", `(() => {
		const m = document.querySelector('mark.veil-r[data-kind="person"][data-original="Ignatius Fairweather"]');
		return !!m && m.textContent.length > 0 && !document.body.innerText.includes('Fairweather');
	})()`)
	// A mark left on the window tells a reload from a change in place.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.veilTestBeforeReload = true; window.scrollTo(0, 900)`)); err != nil {
		t.Fatal(err)
	}
	eval("scrolled", `window.scrollY > 850`)
	writeFile(t, post, strings.Replace(long, "about the garden.", "about the garden. Later, Philippa Horncastle phoned.", 1))
	eval("the page reloads with the new sentence, its name replaced and highlighted, at the same place", `(() => {
		if (window.veilTestBeforeReload || Math.abs(window.scrollY - 900) > 40) return false;
		const m = document.querySelector('mark.veil-r[data-kind="person"][data-original="Philippa Horncastle"]');
		const text = document.body.innerText;
		return !!m && text.includes('phoned') && !text.includes('Horncastle') && text.includes(m.textContent);
	})()`)
	// The toggle shows the original beside the replacement.
	eval("the originals toggle", `(() => {
		const box = document.getElementById('veil-show-originals');
		if (!box) return false;
		box.click();
		const m = document.querySelector('mark.veil-r[data-original="Philippa Horncastle"]');
		return getComputedStyle(m, '::after').content.includes('Philippa Horncastle');
	})()`)
}
