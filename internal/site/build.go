package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/markdown"
	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/internal/risk"
)

// Options are the inputs of a build besides the site files.
type Options struct {
	// Root is the site directory.
	Root   string
	Config *config.Config
	// Engine de-identifies posts; it carries the site key.
	Engine *deid.Engine
	// Knowledge is the author's .veil/known.yaml.
	Knowledge *deid.Knowledge
	// Theme is the default theme; a site's own theme directory overrides it.
	Theme fs.FS
	// Drafts includes posts marked draft, and posts before their publish
	// date or after their expiry date (Hugo's publishDate, expiryDate).
	Drafts bool
	// Now is the build time (feeds); time.Now when zero.
	Now time.Time
	// Workers bounds parallel per-post work; GOMAXPROCS when 0.
	Workers int
	// KeyFingerprint identifies the site key without revealing it; Build
	// records it in the output marker and warns when it changes.
	KeyFingerprint string
	// Progress, if set, is called after each post is de-identified and
	// scored, with the posts done so far, their total and how many were
	// held back; calls are serialised, and must be quick.
	Progress func(done, total, held int)

	// The hooks below let a caller reuse work across builds (veil serve,
	// a warm veil build); a build without them does everything afresh.

	// Prepare, when set, wraps the per-post work (de-identification and
	// the risk gate): a cache returns what next returned for the same
	// inputs. See PrepareFunc.
	Prepare func(next PrepareFunc) PrepareFunc
	// Memo remembers Markdown conversions across builds.
	Memo *render.Memo
	// Loaded remembers parsed posts across builds.
	Loaded *content.Cache
	// Lazy leaves HTML pages unrendered: Report.Files then holds only
	// the files that need no template, and Report.Pages renders the rest
	// on demand (the preview renders what the browser asks for).
	Lazy bool
	// Unlisted also prepares the drafts that Drafts leaves out, into
	// Report.DraftPosts, and gives them and the posts the risk gate held back
	// (Held.Post) the permalinks they would have, for the preview. They are
	// never rendered into the site.
	Unlisted bool
}

// Report says what a build did.
type Report struct {
	Published []*Cleared
	Held      []Held
	// Errors are input problems (path:line: message); they make the build
	// exit non-zero while the rest of the site is still published.
	Errors   []error
	Warnings []string
	// Drafts are the paths of posts marked draft that were left out.
	Drafts []string
	// Files are the output files, slash paths relative to the output root.
	Files map[string][]byte
	// Written is the number of files Build wrote (Build renders the
	// pages as it writes them, so its Files holds only the others).
	Written int
	// Pages is the planned site; with Options.Lazy, the HTML pages are
	// rendered from it on demand. After Build it renders no post's page
	// (their HTML was spooled to a file that is gone); Build's Published
	// posts keep no findings and only the accepted risk details.
	Pages *render.Pages
	// DraftPosts are the drafts left out of the site, prepared when
	// Options.Unlisted is set, with the permalinks they would have.
	DraftPosts []*Cleared
}

type builder struct {
	opts Options
	r    *render.Renderer
	// stream is set by Build: each post is converted as soon as it is
	// cleared, and its text dropped (see streaming).
	stream    *streaming
	engine    *deid.Engine
	knowledge *deid.Knowledge
	policy    risk.Policy
	md        *markdown.Converter // reads the structure of post bodies
}

// Render loads, de-identifies, scores and renders the site into memory. It
// writes nothing. An error means nothing can be published (for example the
// theme does not parse); per-post problems are in the report.
func Render(ctx context.Context, opts Options) (*Report, error) {
	return renderSite(ctx, opts, nil)
}

// streaming is how Build keeps a large site's memory small: a post's
// source is dropped once it is de-identified, its Markdown once it is
// converted (at once, by the worker that cleared it), and its HTML waits
// in spool (when there is one) until its page is written. Only what the
// lists, feeds and sitemap read stays in memory.
type streaming struct {
	spool *render.Spool
}

func renderSite(ctx context.Context, opts Options, stream *streaming) (*Report, error) {
	cfg := opts.Config
	b := &builder{stream: stream, opts: opts, engine: opts.Engine, knowledge: opts.Knowledge, policy: risk.Policy{MinCrowd: cfg.Risk.MinCrowd, HomeArea: cfg.Risk.HomeArea, Flag: cfg.Risk.Flag}, md: markdown.New()}
	if b.knowledge == nil {
		b.knowledge = &deid.Knowledge{}
	}
	realRoot, err := content.RealPath(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("site %s: %w", opts.Root, err)
	}
	themeFS := opts.Theme
	var themeWarnings []string
	if dir := cfg.Path(opts.Root, cfg.ThemeDir); isDir(dir) {
		if err := checkThemeLinks(realRoot, dir); err != nil {
			return nil, err
		}
		layouts, warns, err := b.cleanLayouts(ctx, dir)
		if err != nil {
			return nil, err
		}
		themeWarnings = warns
		themeFS = render.Overlay(render.Overlay(layouts, os.DirFS(dir)), opts.Theme)
	}
	var ropts []render.Option
	if opts.Memo != nil {
		ropts = append(ropts, render.WithMemo(opts.Memo))
	}
	r, err := render.New(withoutStatic{themeFS}, ropts...)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	b.r = r

	loaded, err := opts.Loaded.Load(ctx, opts.Root, cfg.Path(opts.Root, cfg.ContentDir))
	if err != nil {
		return nil, err
	}
	rep := &Report{Errors: loaded.Errors, Warnings: append(loaded.Warnings, themeWarnings...)}
	now := opts.Now
	if now.IsZero() {
		now = time.Now().UTC()
	}
	var posts, drafts []*content.Post
	var unlive int
	for _, p := range loaded.Posts {
		if (p.Meta.Draft || !p.Meta.Live(now)) && !opts.Drafts {
			// Posts before their publish date or after their expiry date
			// (Hugo) are left out as drafts are, and listed with them.
			rep.Drafts = append(rep.Drafts, p.Path)
			drafts = append(drafts, p)
			if !p.Meta.Draft {
				unlive++
			}
			continue
		}
		posts = append(posts, p)
	}
	if stream != nil {
		loaded.Posts = nil // prepareAll lets go of each post once it is done
	}
	if unlive > 0 {
		rep.Warnings = append(rep.Warnings, "not built: "+plural(unlive, "post before its publish date or after its expiry date", "posts before their publish date or after their expiry date")+" (--drafts builds them)")
	}

	cleared, held := b.prepareAll(ctx, posts)
	if opts.Unlisted {
		// A draft the risk gate would hold back is shown with its verdict.
		dc, dh := b.prepareAll(ctx, drafts)
		for _, h := range dh {
			if h.Post != nil {
				dc = append(dc, h.Post)
			}
		}
		rep.DraftPosts = dc
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep.Held = held
	for _, c := range cleared {
		rep.Warnings = append(rep.Warnings, c.Warnings...)
	}
	for _, h := range held {
		rep.Warnings = append(rep.Warnings, h.Warnings...)
		if h.Err != nil {
			rep.Errors = append(rep.Errors, fmt.Errorf("%s: %s: %w", h.Path, h.Reason, h.Err))
		}
	}
	sections, warns := b.publicSections(ctx, cleared)
	rep.Warnings = append(rep.Warnings, warns...)
	assignPermalinks(cleared, cfg.Permalinks, sections)
	rep.Warnings = append(rep.Warnings, resolveRefs(cleared, cfg.BaseURL)...)
	rep.Published = cleared
	if opts.Unlisted {
		assignUnlisted(cleared, rep.DraftPosts, held, cfg.Permalinks, sections)
	}

	rposts := make([]render.Post, len(cleared))
	for i, c := range cleared {
		rposts[i] = c.Post
	}
	siteText, warns, err := b.siteText(ctx)
	if err != nil {
		return nil, err
	}
	rep.Warnings = append(rep.Warnings, warns...)
	pages, err := r.Plan(ctx, render.Site{
		Title: siteText["title"], BaseURL: cfg.BaseURL, Language: cfg.Language, Author: siteText["author"],
		Description: siteText["description"], Paginate: cfg.Paginate, FeedLimit: cfg.FeedLimit, Now: now,
	}, rposts)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	rep.Pages = pages
	files := map[string][]byte{}
	if !opts.Lazy {
		if files, err = pages.All(ctx); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
	}
	static, warns, errs := b.loadStatic(ctx, opts.Root)
	rep.Warnings = append(rep.Warnings, warns...)
	rep.Errors = append(rep.Errors, errs...)
	names := make([]string, 0, len(static))
	for name := range static {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if pages.Has(name) || name == MarkerName {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("static file %s: a generated page has the same path; the page wins", name))
			continue
		}
		files[name] = static[name]
	}
	warns, errs = b.addImported(ctx, files, cleared)
	rep.Warnings = append(rep.Warnings, warns...)
	rep.Errors = append(rep.Errors, errs...)
	rep.Files = files
	return rep, nil
}

// Build renders the site and replaces dest with the result atomically: on
// any error before the switch, the previous output is left as it was.
//
// dest must be a directory veil may replace (see checkDest; a refusal is a
// *RefusedError). One build of a site runs at a time (a *LockedError
// otherwise); leftovers of killed builds beside dest are removed.
func Build(ctx context.Context, opts Options, dest string) (*Report, error) {
	realDest, err := checkDest(opts.Root, opts.Config, dest)
	if err != nil {
		return nil, err
	}
	unlock, err := lockSite(opts.Root)
	if err != nil {
		return nil, err
	}
	defer unlock()
	leftovers := removeLeftovers(realDest)
	// The pages are rendered as they are written (writeStream), not all
	// held in memory first: a large site's pages outweigh everything else
	// a build keeps.
	lazy := opts
	lazy.Lazy = true
	stream := &streaming{}
	// spoolClosed is closed once the spool, closed while the build's
	// records are written, is gone.
	var spoolClosed chan struct{}
	if err := os.MkdirAll(filepath.Join(opts.Root, privateDir), 0o700); err == nil {
		// Without a spool the HTML stays in memory: slower to nothing,
		// only bigger.
		if stream.spool, err = render.NewSpool(filepath.Join(opts.Root, privateDir)); err == nil {
			defer func() {
				if spoolClosed == nil {
					stream.spool.Close()
				} else {
					<-spoolClosed
				}
			}()
		}
	}
	rep, err := renderSite(ctx, lazy, stream)
	if err != nil {
		return nil, err
	}
	rep.Warnings = append(rep.Warnings, leftovers...)
	if w := keyWarning(realDest, opts.KeyFingerprint); w != "" {
		rep.Warnings = append(rep.Warnings, w)
	}
	names := outputNames(rep)
	put := reportPut(rep)
	// The URLs that moved since the last build, this build's URL record
	// and its audit log's lines depend only on the report: they are made
	// while the pages are written (made before and after, they were
	// serial parts of a large build), and the records are written, as
	// before, only once the new output is in place.
	type records struct {
		moved  []string
		urls   []byte
		urlErr error
		audit  auditLog
	}
	made := make(chan records, 1)
	go func() {
		var r records
		r.moved = movedURLs(loadURLRecord(opts.Root), rep.Published)
		r.urls, r.urlErr = urlRecordBytes(rep.Published)
		r.audit = auditLines(rep)
		made <- r
	}()
	err = writeStreamTo(ctx, realDest, names, put, marker(opts.KeyFingerprint, names))
	recs := <-made
	if err != nil {
		return nil, err
	}
	rep.Warnings = append(rep.Warnings, recs.moved...)
	rep.Written = len(names)
	if stream.spool != nil {
		// Closing the spool frees its file's blocks (at 10,000 posts, a
		// hundred megabytes): done beside the records' writing.
		spoolClosed = make(chan struct{})
		go func() {
			defer close(spoolClosed)
			stream.spool.Close()
		}()
	}
	urlErr := recs.urlErr
	if urlErr == nil {
		urlErr = writeURLRecord(opts.Root, recs.urls)
	}
	if urlErr != nil {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("could not record this build's URLs in %s: %v", privateDir, urlErr))
	}
	if err := recs.audit.appendTo(filepath.Join(opts.Root, privateDir, "audit.jsonl"), opts.Now); err != nil {
		rep.Warnings = append(rep.Warnings, "audit log: "+err.Error())
	}
	return rep, nil
}

// reportPut hands writeStreamTo the outputs of a lazy report: as Render
// without Lazy makes them, a static or imported file the report holds
// replacing a theme file of the same name. A page is written from the
// buffer it is rendered into, not from a copy of it (at 10,000 posts, a
// quarter of a gigabyte less to allocate).
func reportPut(rep *Report) putFunc {
	return func(name string, use func([]byte) error) error {
		if b, ok := rep.Files[name]; ok {
			return use(b)
		}
		var useErr error
		ok, err := rep.Pages.FileTo(name, func(b []byte) error {
			useErr = use(b)
			return useErr
		})
		switch {
		case useErr != nil:
			return useErr
		case err != nil:
			return fmt.Errorf("render: %w", err)
		case !ok:
			return use(nil) // as File's nil bytes were written
		}
		return nil
	}
}

// let goes of what a streaming build no longer needs of a post once it is
// prepared: its text, its Markdown (converted now, unless the post links
// to others by ref, whose links are only known once every post has its
// permalink), the held-back post kept for the preview, and of a published
// post its findings and the risk details that were not accepted (Build's
// report feeds the audit log, which keeps the verdict's figures and the
// accepted details; veil check and the preview use Render).
func (b *builder) let(c *Cleared, h *Held, p *content.Post) {
	if c != nil {
		c.src = p.WithoutText()
		if len(p.Refs) == 0 {
			b.r.Preconvert(&c.Post, b.stream.spool)
		}
		c.Findings, c.Spans = nil, nil
		var kept []risk.Detail
		for _, d := range c.Verdict.Details {
			if d.Accepted {
				kept = append(kept, d)
			}
		}
		c.Verdict.Details = kept
	}
	if h != nil && !b.opts.Unlisted {
		h.Post = nil
	}
}

// outputNames lists, sorted, every file of a lazy report's site: the
// planned pages and the files the report holds.
func outputNames(rep *Report) []string {
	names := rep.Pages.Names()
	for name := range rep.Files {
		if !rep.Pages.Has(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

func (b *builder) prepareAll(ctx context.Context, posts []*content.Post) ([]*Cleared, []Held) {
	workers := b.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type result struct {
		c *Cleared
		h *Held
	}
	results := make([]result, len(posts))
	prep := PrepareFunc(b.prepare)
	if b.opts.Prepare != nil {
		prep = b.opts.Prepare(prep)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex // serialises Progress
	done, nheld := 0, 0
	for w := 0; w < min(workers, max(len(posts), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				c, h := prep(ctx, posts[i])
				if c != nil {
					c.src = posts[i] // as loaded now, also when c comes from a cache
				}
				if h != nil && h.Post != nil {
					h.Post.src = posts[i]
				}
				if b.stream != nil {
					b.let(c, h, posts[i])
					posts[i] = nil
				}
				results[i] = result{c, h}
				if b.opts.Progress != nil {
					mu.Lock()
					done++
					if h != nil {
						nheld++
					}
					b.opts.Progress(done, len(posts), nheld)
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range posts {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	var cleared []*Cleared
	var held []Held
	for _, r := range results {
		switch {
		case r.c != nil:
			cleared = append(cleared, r.c)
		case r.h != nil:
			held = append(held, *r.h)
		}
	}
	return cleared, held
}

// assignPermalinks sets each post's permalink from the section's pattern and
// makes slugs unique within a section (a second "my-week" becomes
// "my-week-2"), in a stable order.
//
// A section's pattern is looked up by its folder name; the URL uses its
// public name from sections (see publicSections).
func assignPermalinks(cs []*Cleared, patterns map[string]string, sections map[string]string) {
	sortByDate(cs)
	taken := map[string]bool{}
	for _, c := range cs {
		claimPermalink(&c.Post, sectionPattern(&c.Post, patterns, sections, false), taken)
	}
}

// sectionPattern returns the permalink pattern of p's section and sets
// p.Section to the section's public name. A page's pattern is "/:slug/". A
// folder without a public name keeps its name, or, with hideUnknown, is
// put under neutralSection when no published post is in it either: its
// folder name was never de-identified, so it is not put in the address.
func sectionPattern(p *render.Post, patterns, sections map[string]string, hideUnknown bool) string {
	if p.IsPage {
		return "/:slug/"
	}
	folder := p.Section
	if public, ok := sections[folder]; ok {
		p.Section = public
	} else if _, ok := patterns[folder]; hideUnknown && !ok {
		p.Section = neutralSection
	}
	if pattern := patterns[folder]; pattern != "" {
		return pattern
	}
	return "/" + p.Section + "/:slug/"
}

// sortByDate orders posts oldest first, by slug on the same date: the order
// in which they claim their permalinks.
func sortByDate(cs []*Cleared) {
	slices.SortStableFunc(cs, func(x, y *Cleared) int {
		a, b := &x.Post, &y.Post
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
}

// claimPermalink gives p the permalink pattern makes of it, numbering its
// slug ("my-week-2") until the link is not taken, and marks it taken.
func claimPermalink(p *render.Post, pattern string, taken map[string]bool) {
	base := p.Slug
	for n := 2; ; n++ {
		link := expand(pattern, p)
		if !taken[link] {
			taken[link] = true
			p.Permalink = link
			return
		}
		p.Slug = fmt.Sprintf("%s-%d", base, n)
	}
}

// expand fills in a permalink pattern's :slug, :section, :year, :month and
// :day. It runs for every post on every build (and on every save in veil
// serve), so it scans the pattern once rather than building a replacer.
func expand(pattern string, p *render.Post) string {
	var b strings.Builder
	b.Grow(len(pattern) + len(p.Slug) + len(p.Section))
	for {
		i := strings.IndexByte(pattern, ':')
		if i < 0 {
			b.WriteString(pattern)
			return b.String()
		}
		b.WriteString(pattern[:i])
		rest := pattern[i:]
		switch {
		case strings.HasPrefix(rest, ":slug"):
			b.WriteString(p.Slug)
			pattern = rest[len(":slug"):]
		case strings.HasPrefix(rest, ":section"):
			b.WriteString(p.Section)
			pattern = rest[len(":section"):]
		case strings.HasPrefix(rest, ":year"):
			fmt.Fprintf(&b, "%04d", p.Date.Year())
			pattern = rest[len(":year"):]
		case strings.HasPrefix(rest, ":month"):
			fmt.Fprintf(&b, "%02d", int(p.Date.Month()))
			pattern = rest[len(":month"):]
		case strings.HasPrefix(rest, ":day"):
			fmt.Fprintf(&b, "%02d", p.Date.Day())
			pattern = rest[len(":day"):]
		default:
			b.WriteByte(':')
			pattern = rest[1:]
		}
	}
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
