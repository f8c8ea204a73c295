// Command servebench measures veil serve's save-to-served latency and veil
// build's warm and cold times on a site, beside Hugo's build when hugo is
// installed. It is a benchmark, not a test: run it by hand on a quiet
// machine, e.g. on a corpus from ../shared/bench/gen_corpus.py:
//
//	python3 ../shared/bench/gen_corpus.py --posts 1000 --out /tmp/site1k
//	go build -o /tmp/veil ./cmd/veil
//	go run ./tools/servebench -veil /tmp/veil -site /tmp/site1k
//
// Latency: the post whose body is nearest 1,500 words gets a fixed slug
// (set up, not timed); then, edits times, a new sentence is saved into it
// the way editors save (write beside, rename over) and the post's page is
// fetched every millisecond or two until the sentence is served. The
// figure is from the rename to the first response holding it.
//
// Builds: veil build with the cache removed (cold) and with it warm, and
// hugo (when on PATH), alternating, runs times each; medians are printed.
// The site's .veil/cache is left warm.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

func main() {
	veil := flag.String("veil", "veil", "veil executable")
	siteDir := flag.String("site", "", "site directory (required)")
	edits := flag.Int("edits", 40, "edits to time")
	runs := flag.Int("runs", 5, "builds of each kind to time")
	skipBuild := flag.Bool("skip-build", false, "time only the preview")
	flag.Parse()
	if *siteDir == "" {
		fmt.Fprintln(os.Stderr, "servebench: -site is required")
		os.Exit(2)
	}
	if err := run(*veil, *siteDir, *edits, *runs, *skipBuild); err != nil {
		fmt.Fprintln(os.Stderr, "servebench:", err)
		os.Exit(1)
	}
}

func run(veil, siteDir string, edits, runs int, skipBuild bool) error {
	post, err := pickPost(filepath.Join(siteDir, "content"))
	if err != nil {
		return err
	}
	orig, err := os.ReadFile(post)
	if err != nil {
		return err
	}
	defer os.WriteFile(post, orig, 0o644)
	fmt.Printf("site %s, post %s (%d words)\n", siteDir, post, words(orig))

	if !skipBuild {
		if err := builds(veil, siteDir, runs); err != nil {
			return err
		}
	}
	return latency(veil, siteDir, post, orig, edits)
}

// latency starts veil serve and times edits.
func latency(veil, siteDir, post string, orig []byte, edits int) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, veil, "serve", "-s", siteDir, "--port", "0")
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.Stderr = io.Discard
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	defer cmd.Wait()
	url, err := readURL(out)
	if err != nil {
		return err
	}
	// The URL is printed at once; pages answer 503 until the first build.
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != http.StatusServiceUnavailable {
				break
			}
		}
		if time.Since(start) > 10*time.Minute {
			return fmt.Errorf("no first build after 10 minutes")
		}
		time.Sleep(10 * time.Millisecond)
	}
	fmt.Printf("serve: first build served after %s at %s\n", time.Since(start).Round(time.Millisecond), url)

	// Set up: a fixed slug, so the page's address is known.
	withSlug := strings.Replace(string(orig), "\ntitle:", "\nslug: veil-bench-target\ntitle:", 1)
	page := url + "posts/veil-bench-target/"
	if _, err := save(post, withSlug, page, "veil-bench-target"); err != nil {
		return err
	}
	var lat []time.Duration
	for i := range edits {
		time.Sleep(400 * time.Millisecond) // past the debounce of the edit before
		token := fmt.Sprintf("benchmark%dsentence", i)
		text := strings.TrimRight(withSlug, "\n") + "\n\nA new thought after the visit, " + token + " written down.\n"
		d, err := save(post, text, page, token)
		if err != nil {
			return err
		}
		lat = append(lat, d)
	}
	slices.Sort(lat)
	fmt.Printf("save-to-served over %d edits: median %s, p95 %s, min %s, max %s\n", len(lat),
		ms(pct(lat, 50)), ms(pct(lat, 95)), ms(lat[0]), ms(lat[len(lat)-1]))
	cancel()
	return nil
}

// save writes text to path as editors do and returns how long until page
// serves a body holding token.
func save(path, text, page, token string) (time.Duration, error) {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".swp-bench")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		return 0, err
	}
	t0 := time.Now()
	if err := os.Rename(tmp, path); err != nil {
		return 0, err
	}
	client := &http.Client{Timeout: 10 * time.Second}
	for time.Since(t0) < 60*time.Second {
		resp, err := client.Get(page)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(b), token) {
				return time.Since(t0), nil
			}
		}
		time.Sleep(time.Millisecond)
	}
	return 0, fmt.Errorf("%s never served %q", page, token)
}

var urlRE = regexp.MustCompile(`Serving .* at (http://\S+)`)

func readURL(r io.Reader) (string, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if m := urlRE.FindStringSubmatch(sc.Text()); m != nil {
			go io.Copy(io.Discard, r)
			return m[1], nil
		}
	}
	return "", fmt.Errorf("veil serve printed no URL")
}

// builds times cold and warm veil builds and hugo, alternating.
func builds(veil, siteDir string, runs int) error {
	out, err := os.MkdirTemp("", "servebench-out-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	hugo, _ := exec.LookPath("hugo")
	var cold, warm, hugoT []time.Duration
	cpu := map[*[]time.Duration][]time.Duration{}
	var last time.Duration // CPU time (user+system) of the last command
	timeIt := func(name string, args ...string) (time.Duration, error) {
		t0 := time.Now()
		cmd := exec.Command(name, args...)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		if err := cmd.Run(); err != nil {
			return 0, fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
		}
		last = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		return time.Since(t0), nil
	}
	for range runs {
		os.RemoveAll(filepath.Join(siteDir, ".veil", "cache"))
		d, err := timeIt(veil, "build", "-s", siteDir, "-d", filepath.Join(out, "veil"))
		if err != nil {
			return err
		}
		cold = append(cold, d)
		cpu[&cold] = append(cpu[&cold], last)
		if d, err = timeIt(veil, "build", "-s", siteDir, "-d", filepath.Join(out, "veil")); err != nil {
			return err
		}
		warm = append(warm, d)
		cpu[&warm] = append(cpu[&warm], last)
		if hugo != "" {
			if d, err = timeIt(hugo, "--quiet", "-s", siteDir, "-d", filepath.Join(out, "hugo")); err != nil {
				return err
			}
			hugoT = append(hugoT, d)
			cpu[&hugoT] = append(cpu[&hugoT], last)
		}
	}
	// Leave the cache warm for the preview.
	if _, err := timeIt(veil, "build", "-s", siteDir, "-d", filepath.Join(out, "veil")); err != nil {
		return err
	}
	for _, s := range []*[]time.Duration{&cold, &warm, &hugoT} {
		slices.Sort(*s)
		slices.Sort(cpu[s])
	}
	fmt.Printf("veil build, cold (no cache): median %s wall, %s CPU, of %d\n", ms(pct(cold, 50)), ms(pct(cpu[&cold], 50)), len(cold))
	fmt.Printf("veil build, warm (nothing changed): median %s wall, %s CPU, of %d\n", ms(pct(warm, 50)), ms(pct(cpu[&warm], 50)), len(warm))
	if len(hugoT) > 0 {
		fmt.Printf("hugo build: median %s wall, %s CPU, of %d\n", ms(pct(hugoT, 50)), ms(pct(cpu[&hugoT], 50)), len(hugoT))
		fmt.Printf("warm veil / hugo: %.2f wall, %.2f CPU\n", float64(pct(warm, 50))/float64(pct(hugoT, 50)),
			float64(pct(cpu[&warm], 50))/float64(pct(cpu[&hugoT], 50)))
	} else {
		fmt.Println("hugo not on PATH: no side-by-side figure")
	}
	return nil
}

// pickPost returns the post whose body is nearest 1,500 words.
func pickPost(dir string) (string, error) {
	best, bestDiff := "", -1
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		diff := words(b) - 1500
		if diff < 0 {
			diff = -diff
		}
		if bestDiff < 0 || diff < bestDiff {
			best, bestDiff = p, diff
		}
		return nil
	})
	if best == "" && err == nil {
		err = fmt.Errorf("no posts under %s", dir)
	}
	return best, err
}

// words counts the words of a post's body (after its front matter).
func words(b []byte) int {
	s := string(b)
	if strings.HasPrefix(s, "---") {
		if i := strings.Index(s[3:], "\n---"); i >= 0 {
			s = s[3+i+4:]
		}
	}
	return len(strings.Fields(s))
}

func pct(s []time.Duration, p int) time.Duration {
	if len(s) == 0 {
		return 0
	}
	i := (len(s)*p + 99) / 100
	return s[min(max(i-1, 0), len(s)-1)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }
