package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	neturl "net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/veil-blog/veil/internal/cache"
	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/preview"
	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/internal/site"
	"github.com/veil-blog/veil/internal/watch"
)

func newServe(e *env) *cobra.Command {
	var f siteFlags
	var bind string
	var port int
	var open bool
	c := &cobra.Command{
		Use:   "serve",
		Short: "Live preview while drafting: rebuild on every save, show what was replaced",
		Long: `serve builds the site into memory (never into the output directory), serves
it on loopback and rebuilds on every save of a post, the static files, the
theme, config.yaml or .veil/known.yaml. Open pages reload themselves.

The preview shows what veil build would publish, and on top of it what was
replaced (highlighted, with its kind and the rule that found it; a toggle
shows the originals), each post's risk, drafts and held-back posts (with a
banner; the home page lists only what would be published), and build
errors as path:line: message over the last good pages.

The preview shows unredacted originals: it listens on 127.0.0.1 and refuses
requests whose Host is not a loopback name. --port 0 picks a free port.
Only the posts that changed are analysed again; results are kept in
.veil/cache, so a restart and a later veil build are warm. Ctrl-C stops.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return e.serve(c, &f, bind, port, open)
		},
	}
	f.register(c, true)
	c.Flags().StringVar(&bind, "bind", "127.0.0.1", "interface to listen on; anything but loopback shows drafts to the network")
	c.Flags().IntVar(&port, "port", 1313, "port to listen on (0: any free port)")
	c.Flags().BoolVar(&open, "open", false, "open the preview in the default browser")
	return c
}

// previewer holds veil serve's state between rebuilds. Only its run
// goroutine touches it.
type previewer struct {
	e      *env
	f      *siteFlags
	cmd    *cobra.Command
	pv     *preview.Server
	opts   site.Options
	loaded *content.Cache
	memo   *render.Memo
	kept   *cache.Cache // nil when the cache could not be opened
	// good is the last snapshot built without errors: its pages stand in
	// for posts that fail to build now.
	good *snapshot
}

func (e *env) serve(c *cobra.Command, f *siteFlags, bind string, port int, open bool) error {
	ctx := c.Context()
	p := &previewer{e: e, f: f, cmd: c, pv: preview.New(), loaded: content.NewCache()}
	if err := p.configure(); err != nil {
		return err
	}
	root := f.source
	cfg := p.opts.Config
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		return usageErr("serve: %w", err)
	}
	defer ln.Close()
	if !preview.LoopbackBind(bind) {
		fmt.Fprintf(e.stderr, "warning: listening on %s, not loopback: unredacted drafts and originals are visible to anyone who can reach this address and send a loopback Host header\n", bind)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []string, 1)
	// The watcher trusted with every change: the content cache then reads
	// no file it was not told about (see content.Cache.Trust).
	p.loaded.Trust(true)
	w, err := p.watch(ctx, batches)
	if err != nil {
		return inputErr("serve: watch: %w", err)
	}
	defer func() { w.stop() }()
	url := "http://" + ln.Addr().String() + basePath(cfg.BaseURL)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsLoopback() && tcp.IP.To4() != nil {
		url = fmt.Sprintf("http://localhost:%d%s", tcp.Port, basePath(cfg.BaseURL))
	}
	// Serve at once: until the first build is done, pages say so and
	// refresh themselves.
	serveDone := make(chan error, 1)
	go func() { serveDone <- preview.Serve(ctx, ln, p.pv) }()
	fmt.Fprintf(e.stdout, "Serving %s at %s (Ctrl-C to stop)\n", root, url)
	if open {
		openBrowser(url)
	}
	p.rebuild(ctx, nil)
	if p.kept != nil && ctx.Err() == nil {
		// As after veil build: what the first build did not use is out of
		// date. Later rebuilds add the entries of the versions saved
		// meanwhile, which the next start or build prunes.
		if err := p.kept.Prune(); err != nil {
			fmt.Fprintln(e.stderr, "warning: cache:", err)
		}
	}

	for {
		select {
		case <-ctx.Done():
			err := <-serveDone
			w.stop()
			fmt.Fprintln(e.stderr, "stopped")
			return err
		case err := <-serveDone:
			if ctx.Err() != nil {
				// Stopped (Ctrl-C): the server ended because ctx did, and
				// the select happened to take this case first.
				w.stop()
				fmt.Fprintln(e.stderr, "stopped")
				return err
			}
			cancel()
			w.stop()
			if err == nil {
				err = errors.New("the server stopped")
			}
			return inputErr("serve: %w", err)
		case b := <-batches:
			p.rebuild(ctx, b)
			if !slices.Equal(p.watchedDirs(), w.dirs) {
				// The configuration moved a folder: watch the new one,
				// not the old.
				w.stop()
				if w, err = p.watch(ctx, batches); err != nil {
					cancel()
					<-serveDone
					return inputErr("serve: watch: %w", err)
				}
				p.loaded.Clear()
				p.rebuild(ctx, nil)
			}
		}
	}
}

// watching is one running watcher of veil serve.
type watching struct {
	dirs   []string
	cancel context.CancelFunc
	done   chan error
}

// stop stops the watcher and waits for it; a second stop does nothing.
func (w *watching) stop() {
	if w == nil || w.cancel == nil {
		return
	}
	w.cancel()
	<-w.done
	w.cancel = nil
}

// watchedDirs are the folders the configuration says to watch.
func (p *previewer) watchedDirs() []string {
	root, cfg := p.f.source, p.opts.Config
	return []string{cfg.Path(root, cfg.ContentDir), cfg.Path(root, cfg.StaticDir), cfg.Path(root, cfg.ThemeDir)}
}

// watch starts watching the site's folders and files, sending batches of
// changes, and returns once every watch is in place.
func (p *previewer) watch(ctx context.Context, batches chan<- []string) (*watching, error) {
	root := p.f.source
	w := &watching{dirs: p.watchedDirs(), done: make(chan error, 1)}
	ready := make(chan struct{})
	wt := watch.New(
		watch.WithDirs(w.dirs...),
		watch.WithFiles(filepath.Join(root, "config.yaml"), filepath.Join(root, privateDir, "known.yaml")),
		watch.WithErrors(func(err error) {
			// A change may have gone unreported: look at every file again.
			p.loaded.Trust(false)
			fmt.Fprintln(p.e.stderr, "warning: watch:", err)
		}),
		watch.WithReady(func() { close(ready) }),
	)
	wctx, cancel := context.WithCancel(ctx)
	w.cancel = cancel
	go func() {
		w.done <- wt.Run(wctx, func(b []string) {
			select {
			case batches <- b:
			case <-wctx.Done():
			}
		})
	}()
	select {
	case <-ready:
		return w, nil
	case err := <-w.done:
		cancel()
		return nil, err
	}
}

// configure reads the configuration, the key and the author's lists, and
// opens the cache for them. It runs at start and when one of them changes.
func (p *previewer) configure() error {
	opts, err := p.f.siteOptions(p.cmd, p.e)
	if err != nil {
		return err
	}
	opts.Lazy, opts.Unlisted = true, true
	opts.Loaded = p.loaded
	kept, err := p.e.openCache(opts)
	if p.kept != nil {
		p.flush() // the old settings' entries, for a later run with them
	}
	p.kept = kept
	if err != nil {
		fmt.Fprintln(p.e.stderr, "warning: no cache:", err)
		p.memo = render.NewMemo()
	} else {
		opts.Prepare = kept.Wrap
		p.memo = render.NewMemo(kept.Conversions())
	}
	opts.Memo = p.memo
	p.opts = opts
	return nil
}

// rebuild builds the site again after the changes in batch (nil: the first
// build) and publishes it.
func (p *previewer) rebuild(ctx context.Context, batch []string) {
	start := time.Now()
	// The entries this rebuild saved are put on disk after its pages are
	// published, also when it failed or was cancelled: what it analysed
	// holds.
	defer func() {
		if p.kept != nil {
			p.flush()
		}
	}()
	root := p.f.source
	cfg := p.opts.Config
	reconfigure := false
	for _, path := range batch {
		p.loaded.Forget(path)
		switch {
		case filepath.Base(path) == "config.yaml" && filepath.Dir(path) == filepath.Clean(root),
			path == filepath.Join(root, privateDir, "known.yaml"):
			reconfigure = true
		case !content.IsMarkdown(path):
			// A folder created, moved or removed: parse its posts again.
			if ext := filepath.Ext(path); ext == "" && content.Within(cfg.Path(root, cfg.ContentDir), path) {
				p.loaded.Clear()
			}
		}
	}
	if reconfigure {
		if err := p.configure(); err != nil {
			p.publishError(err)
			return
		}
	}
	opts := p.opts
	opts.Now = time.Now().UTC()
	rep, err := site.Render(ctx, opts)
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		p.publishError(err)
		return
	}
	p.memo.Sweep()
	if p.kept != nil {
		p.kept.Sweep()
	}
	snap := newSnapshot(root, basePath(p.opts.Config.BaseURL), p.opts.Config.Risk.Threshold, rep, p.good)
	if len(snap.errors) == 0 {
		p.good = snap
	}
	p.pv.Publish(snap.preview())
	held := len(rep.Held)
	fmt.Fprintf(p.e.stderr, "built %d posts (%d held back, %d drafts, %d errors) in %s\n",
		len(rep.Published), held, len(rep.Drafts), len(snap.errors), time.Since(start).Round(time.Millisecond))
	for _, m := range snap.errors {
		fmt.Fprintln(p.e.stderr, "error:", m)
	}
}

// flush puts the entries the last rebuild saved on disk, for a restart
// and a later veil build.
func (p *previewer) flush() {
	if err := p.kept.Flush(); err != nil {
		fmt.Fprintln(p.e.stderr, "warning: cache:", err)
	}
}

// publishError shows err over the last good pages.
func (p *previewer) publishError(err error) {
	msg := firstLine(err.Error())
	fmt.Fprintln(p.e.stderr, "error:", msg)
	var exit *exitError
	if errors.As(err, &exit) {
		msg = firstLine(exit.err.Error())
	}
	msg = relMessage(p.f.source, msg)
	if p.good == nil {
		p.pv.Publish(preview.Snapshot{
			Lookup: func(string) ([]byte, *preview.Info, bool) { return nil, nil, false },
			Errors: []string{msg},
		})
		return
	}
	s := p.good.preview()
	s.Errors = []string{msg}
	p.pv.Publish(s)
}

// openBrowser asks the desktop to open url; failing that, the URL printed
// is enough.
func openBrowser(url string) {
	name := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name = "explorer"
	}
	if cmd := exec.Command(name, url); cmd.Start() == nil {
		go cmd.Wait()
	}
}

// basePath is the path of a base URL, "/" or "/blog/".
func basePath(baseURL string) string {
	u, err := neturl.Parse(baseURL)
	if err != nil || strings.Trim(u.Path, "/") == "" {
		return "/"
	}
	return "/" + strings.Trim(u.Path, "/") + "/"
}

// pageName is the output file of a permalink, as render names it.
func pageName(permalink string) string {
	p := strings.TrimPrefix(permalink, "/")
	switch {
	case p == "" || strings.HasSuffix(p, "/"):
		return p + "index.html"
	case !strings.Contains(filepath.Base(p), "."):
		return p + "/index.html"
	}
	return p
}
