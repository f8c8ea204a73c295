package preview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Snapshot is one build as the preview serves it.
type Snapshot struct {
	// Lookup returns the file at name, a clean slash path without a
	// leading slash ("index.html", "posts/x/index.html", "css/style.css"),
	// and what the preview should show about it (nil for none). ok is
	// false when the build has no such file.
	Lookup func(name string) (body []byte, info *Info, ok bool)
	// Errors are the build's problems, "path:line: message", shown over
	// every page while the pages stay those of the last good build.
	Errors []string
	// Notes are shown in the toolbar (e.g. "3 drafts", "1 held back").
	Notes []string
	// Links are pages the site links from nowhere that the author may
	// want to see: drafts and held-back posts.
	Links []PageLink
	// Base is the path the site lives under ("/blog/" for a site
	// published at https://example.org/blog/), as its links expect; ""
	// or "/" for the root.
	Base string
}

// PageLink is a page to list in the toolbar.
type PageLink struct{ Label, Href string }

// Info is what the preview shows about a page beyond the page itself.
type Info struct {
	// Source is the post's file, relative to the site.
	Source string
	// Banner, when set, is shown at the top: a draft or a held-back post
	// ("held back: would not be published").
	Banner string
	// Reasons explain the banner.
	Reasons []string
	// Marks describe the replacements, by the index their markers carry.
	Marks []Highlight
	// Risk is the risk panel's content; nil for none.
	Risk *Risk
}

// Highlight is one replacement as the preview shows it.
type Highlight struct {
	Kind, Rule            string
	Original, Replacement string
	Line                  int
}

// Risk is the content of the risk panel.
type Risk struct {
	Score   float64
	Blocked bool
	// Rows are label/value pairs, in order ("crowd estimate", "~40").
	Rows [][2]string
	// Reasons are the verdict's explanations.
	Reasons []string
}

// Server serves the latest published snapshot. It is safe for concurrent
// use; the zero value is not: use New.
type Server struct {
	mu      sync.Mutex
	snap    Snapshot
	version uint64
	changed chan struct{} // closed and replaced on every Publish
}

// New returns a Server with nothing published: it answers 503 until the
// first Publish.
func New() *Server {
	return &Server{changed: make(chan struct{})}
}

// Publish makes snap the served build and tells every open page to reload.
func (s *Server) Publish(snap Snapshot) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.snap = snap
	s.version++
	close(s.changed)
	s.changed = make(chan struct{})
}

// current returns the snapshot, its version and a channel closed when the
// next one is published.
func (s *Server) current() (Snapshot, uint64, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snap, s.version, s.changed
}

// Version is the number of snapshots published so far.
func (s *Server) Version() uint64 {
	_, v, _ := s.current()
	return v
}

// eventsPath is where pages listen for reloads.
const eventsPath = "/_veil/events"

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if !LoopbackHost(r.Host) {
		http.Error(w, "403 forbidden: the preview answers only to localhost or a loopback address", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == eventsPath {
		s.events(w, r)
		return
	}
	snap, version, _ := s.current()
	if version == 0 {
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, `<!doctype html><html><head><meta http-equiv="refresh" content="1"><title>Building…</title></head><body><p>The first build is not ready yet; this page reloads itself.</p></body></html>`)
		return
	}
	urlPath := r.URL.Path
	base := strings.TrimSuffix(snap.Base, "/")
	if base != "" {
		if urlPath == "/" {
			http.Redirect(w, r, base+"/", http.StatusFound)
			return
		}
		rest, ok := strings.CutPrefix(urlPath, base)
		if !ok || rest != "" && rest[0] != '/' {
			rest = "/\x00" // outside the site: not found
		}
		urlPath = rest
	}
	name, redirect, ok := resolve(snap, urlPath)
	if redirect != "" {
		http.Redirect(w, r, base+redirect, http.StatusMovedPermanently)
		return
	}
	status := http.StatusOK
	var body []byte
	var info *Info
	if ok {
		body, info, _ = snap.Lookup(name)
	} else {
		status = http.StatusNotFound
		name = "404.html"
		if body, info, ok = snap.Lookup(name); !ok {
			// With a head, so that the reload script and the error
			// overlay are added: after a first build that failed, this
			// page reloads by itself once the error is fixed.
			body = []byte("<!doctype html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>")
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	if strings.HasPrefix(ctype, "text/html") {
		body = decorate(body, info, snap, version)
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// resolve maps a request path to a file of the snapshot. Only files are
// served: "/posts/x/" is posts/x/index.html, "/posts/x" redirects there if
// that exists, and a directory without an index is not found (no
// listings). Clean removes every "..", so nothing outside the build can be
// named; the snapshot holds nothing else anyway.
func resolve(snap Snapshot, urlPath string) (name, redirect string, ok bool) {
	if strings.ContainsAny(urlPath, "\x00\\") {
		return "", "", false
	}
	clean := path.Clean("/" + urlPath)
	name = strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(urlPath, "/") || name == "" {
		if name != "" {
			name += "/"
		}
		name += "index.html"
		_, _, ok = snap.Lookup(name)
		return name, "", ok
	}
	if _, _, ok = snap.Lookup(name); ok {
		return name, "", true
	}
	if _, _, ok := snap.Lookup(name + "/index.html"); ok {
		return "", clean + "/", false
	}
	return name, "", false
}

// events streams a "reload" event whenever a new snapshot is published.
// It first sends the current version, so that a page rendered from an older
// snapshot, reconnecting, reloads at once.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)
	ctx := r.Context()
	keepAlive := time.NewTicker(25 * time.Second)
	defer keepAlive.Stop()
	for {
		_, version, changed := s.current()
		if _, err := fmt.Fprintf(w, "event: version\ndata: %d\n\n", version); err != nil {
			return
		}
		fl.Flush()
	wait:
		for {
			select {
			case <-ctx.Done():
				return
			case <-changed:
				break wait
			case <-keepAlive.C:
				if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
					return
				}
				fl.Flush()
			}
		}
	}
}

// LoopbackHost reports whether a Host header names this machine's loopback:
// "localhost" (and names under .localhost), or an IPv4 or IPv6 loopback
// address, with or without a port.
func LoopbackHost(host string) bool {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(h, "]"), "["), ".")
	h = strings.ToLower(h)
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// LoopbackBind reports whether a listen address (host, without the port)
// accepts connections from this machine only.
func LoopbackBind(host string) bool {
	if host == "" {
		return false // all interfaces
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Serve serves s on ln until ctx is done, then shuts down: it stops
// accepting, ends open event streams and waits up to two seconds for
// requests under way.
func Serve(ctx context.Context, ln net.Listener, s *Server) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := srv.Shutdown(shut)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// headEnd finds where </head> starts, case-insensitively, or -1.
func headEnd(b []byte) int { return bytes.Index(bytes.ToLower(b), []byte("</head>")) }
