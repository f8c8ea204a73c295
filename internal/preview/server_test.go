package preview

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// files is a snapshot over a map; it fails the test if asked for a name
// that is not clean.
func files(t *testing.T, m map[string]string, info map[string]*Info) Snapshot {
	return Snapshot{Lookup: func(name string) ([]byte, *Info, bool) {
		if strings.Contains(name, "..") || strings.HasPrefix(name, "/") {
			t.Errorf("Lookup(%q): not a clean relative name", name)
		}
		b, ok := m[name]
		return []byte(b), info[name], ok
	}}
}

const page = "<!doctype html><html><head><title>t</title></head><body><p>hello</p></body></html>"

func get(t *testing.T, h http.Handler, method, target, host string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Host = host
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServe(t *testing.T) {
	s := New()
	if rec := get(t, s, "GET", "/", "localhost"); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("before the first build: %d, want 503", rec.Code)
	}
	s.Publish(files(t, map[string]string{
		"index.html":          page,
		"posts/a/index.html":  page,
		"posts/b/index.html":  strings.Replace(page, "hello", "b "+MarkOpen(0)+"Quillon"+MarkClose+` <a href="/x/`+url.PathEscape(MarkOpen(0)+"Quillon"+MarkClose)+`">l</a>`, 1),
		"fragment.html":       "<p>no head</p>",
		"css/style.css":       "body{}",
		"index.xml":           "<rss></rss>",
		"404.html":            strings.Replace(page, "hello", "not here", 1),
		"static/dir/file.txt": "x",
	}, map[string]*Info{
		"posts/b/index.html": {Source: "content/posts/b.md", Marks: []Highlight{{Kind: "person", Rule: "dict/person", Original: "Odile", Replacement: "Quillon", Line: 7}}},
	}))
	tests := []struct {
		name, method, target, host string
		code                       int
		has, hasNot                []string
	}{
		{"home", "GET", "/", "localhost:1313", 200, []string{"hello", `id="veil-preview-script"`, "EventSource", `id="veil-toolbar"`}, nil},
		{"loopback v4", "GET", "/", "127.0.0.1:1313", 200, []string{"hello"}, nil},
		{"loopback v6", "GET", "/", "[::1]:1313", 200, []string{"hello"}, nil},
		{"a name under localhost", "GET", "/", "blog.localhost", 200, []string{"hello"}, nil},
		{"foreign host (DNS rebinding)", "GET", "/", "evil.example:1313", 403, nil, []string{"hello"}},
		{"foreign address", "GET", "/", "10.0.0.5", 403, nil, []string{"hello"}},
		{"no host", "GET", "/", "", 403, nil, []string{"hello"}},
		{"post", "GET", "/posts/a/", "localhost", 200, []string{"hello"}, nil},
		{"post without slash redirects", "GET", "/posts/a", "localhost", 301, nil, nil},
		{"directory without index: no listing", "GET", "/static/dir/", "localhost", 404, []string{"not here"}, []string{"file.txt"}},
		{"path escape", "GET", "/../../../etc/passwd", "localhost", 404, nil, []string{"root:"}},
		{"encoded escape", "GET", "/posts/%2e%2e/%2e%2e/etc/passwd", "localhost", 404, nil, nil},
		{"css untouched", "GET", "/css/style.css", "localhost", 200, []string{"body{}"}, []string{"veil-preview"}},
		{"feed untouched", "GET", "/index.xml", "localhost", 200, []string{"<rss>"}, []string{"veil-preview"}},
		{"html without head gets no script", "GET", "/fragment.html", "localhost", 200, []string{"no head"}, []string{"veil-preview-script"}},
		{"post", "POST", "/", "localhost", 405, nil, nil},
		{"highlight with kind and rule, marker gone from the link", "GET", "/posts/b/", "localhost", 200,
			[]string{`<mark class="veil-r veil-k-person" data-veil-i="0" data-kind="person" data-rule="dict/person" data-original="Odile" title="person · dict/person · line 7">Quillon</mark>`, `href="/x/Quillon"`, "show originals", "content/posts/b.md"},
			[]string{"\uE000", "%EE%80"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, s, tt.method, tt.target, tt.host)
			if rec.Code != tt.code {
				t.Fatalf("%s %s (Host %q): status %d, want %d", tt.method, tt.target, tt.host, rec.Code, tt.code)
			}
			body := rec.Body.String()
			for _, h := range tt.has {
				if !strings.Contains(body, h) {
					t.Errorf("response lacks %q:\n%s", h, body)
				}
			}
			for _, h := range tt.hasNot {
				if strings.Contains(body, h) {
					t.Errorf("response has %q:\n%s", h, body)
				}
			}
		})
	}
}

func TestChrome(t *testing.T) {
	s := New()
	snap := files(t, map[string]string{"posts/d/index.html": page}, map[string]*Info{
		"posts/d/index.html": {
			Banner: "held back: would not be published", Reasons: []string{"a rare <condition> named"},
			Risk: &Risk{Score: 0.81, Blocked: true, Rows: [][2]string{{"crowd estimate", "~3"}}, Reasons: []string{"few people match"}},
		},
	})
	snap.Errors = []string{"content/posts/e.md:3: front matter: bad <date>"}
	s.Publish(snap)
	body := get(t, s, "GET", "/posts/d/", "localhost").Body.String()
	for _, want := range []string{
		`id="veil-banner"`, "held back: would not be published", "a rare &lt;condition&gt; named",
		`id="veil-risk"`, "risk 0.81 · held back", "<th>crowd estimate</th><td>~3</td>", "few people match",
		`id="veil-errors"`, "content/posts/e.md:3: front matter: bad &lt;date&gt;", "<p>hello</p>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q:\n%s", want, body)
		}
	}
}

// TestEvents: a page gets the current version at once and a new one after
// each Publish.
func TestEvents(t *testing.T) {
	s := New()
	s.Publish(files(t, map[string]string{"index.html": page}, nil))
	srv := httptest.NewServer(s)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				lines <- strings.TrimPrefix(sc.Text(), "data: ")
			}
		}
		close(lines)
	}()
	read := func() string {
		select {
		case l := <-lines:
			return l
		case <-time.After(10 * time.Second):
			t.Fatal("no event within 10 s")
			return ""
		}
	}
	if v := read(); v != "1" {
		t.Errorf("first event %q, want version 1", v)
	}
	s.Publish(files(t, map[string]string{"index.html": page}, nil))
	if v := read(); v != "2" {
		t.Errorf("after Publish: %q, want version 2", v)
	}
}

// TestNothingBuiltYet: when the first build failed, every page is a 404
// that carries the error and the reload script.
func TestNothingBuiltYet(t *testing.T) {
	s := New()
	s.Publish(Snapshot{Lookup: func(string) ([]byte, *Info, bool) { return nil, nil, false }, Errors: []string{"theme/layouts/baseof.html:3: unexpected EOF"}})
	rec := get(t, s, "GET", "/", "localhost")
	body := rec.Body.String()
	if rec.Code != 404 || !strings.Contains(body, "baseof.html:3: unexpected EOF") || !strings.Contains(body, "EventSource") {
		t.Errorf("status %d, body:\n%s\nwant 404 with the error and the reload script", rec.Code, body)
	}
}

func TestEventsRefuseForeignHost(t *testing.T) {
	s := New()
	s.Publish(files(t, map[string]string{"index.html": page}, nil))
	rec := get(t, s, "GET", eventsPath, "attacker.example")
	if rec.Code != http.StatusForbidden {
		t.Errorf("events with a foreign Host: %d, want 403", rec.Code)
	}
}

func TestServeShutsDown(t *testing.T) {
	s := New()
	s.Publish(files(t, map[string]string{"index.html": page}, nil))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, s) }()
	// An open event stream must not hold the shutdown up.
	resp, err := http.Get("http://" + ln.Addr().String() + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	if _, err := br.ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	io.Copy(io.Discard, br) // the stream ends
}

func TestLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST:80": true, "127.0.0.1": true, "127.1.2.3:9": true, "[::1]:1313": true, "::1": true,
		"a.localhost": true, "localhost.": true,
		"": false, "example.com": false, "localhost.example.com": false, "10.0.0.1": false, "0.0.0.0": false, "[::]": false, "127.0.0.1.nip.io": false,
	} {
		if got := LoopbackHost(host); got != want {
			t.Errorf("LoopbackHost(%q) = %v, want %v", host, got, want)
		}
	}
	for bind, want := range map[string]bool{"127.0.0.1": true, "::1": true, "localhost": true, "": false, "0.0.0.0": false, "192.168.1.4": false} {
		if got := LoopbackBind(bind); got != want {
			t.Errorf("LoopbackBind(%q) = %v, want %v", bind, got, want)
		}
	}
}

// TestBase: a site published below the root is served there.
func TestBase(t *testing.T) {
	s := New()
	snap := files(t, map[string]string{"index.html": page, "posts/a/index.html": page}, nil)
	snap.Base = "/blog/"
	s.Publish(snap)
	for target, code := range map[string]int{
		"/": 302, "/blog/": 200, "/blog/posts/a/": 200, "/blog/posts/a": 301, "/posts/a/": 404, "/blogposts/a/": 404,
	} {
		rec := get(t, s, "GET", target, "localhost")
		if rec.Code != code {
			t.Errorf("GET %s: %d, want %d", target, rec.Code, code)
		}
		if code == 301 && rec.Header().Get("Location") != "/blog/posts/a/" {
			t.Errorf("GET %s: Location %q", target, rec.Header().Get("Location"))
		}
	}
}
