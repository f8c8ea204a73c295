package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/internal/site"
)

func newBuild(e *env) *cobra.Command {
	var f siteFlags
	c := &cobra.Command{
		Use:   "build",
		Short: "De-identify every post and write the site to the output directory",
		Long: `build loads the site's posts, de-identifies each one, holds back any post
that fails a stage, renders the rest with the theme and replaces the output
directory in one step: on a theme error nothing is written and the previous
output stays.

Exit status: 0 success; 1 when a post or the theme could not be processed
(or, with --strict, when a post is held back); 2 on a usage or configuration
error, such as an output directory veil will not replace (one that is, or
overlaps, the site, a source folder, .git or .veil, or that holds files
veil did not write).`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts, err := f.siteOptions(c, e)
			if err != nil {
				return err
			}
			start := time.Now()
			dest := opts.Config.Path(f.source, opts.Config.PublishDir)
			kept, err := e.openCache(opts)
			if err != nil {
				fmt.Fprintln(e.stderr, "warning: no cache:", err)
			} else {
				// One build looks each post up once: the cache keeps its
				// results on disk only, not also in memory.
				kept.OneShot()
				opts.Prepare, opts.Memo = kept.Wrap, render.NewStoreMemo(kept.Conversions())
			}
			var finish func()
			opts.Progress, finish = f.progress(e)
			undoGC := oneShotGC(buildGCPercent, buildMemoryLimit)
			rep, err := site.Build(c.Context(), opts, dest)
			undoGC()
			finish()
			if kept != nil && err != nil {
				// What was analysed before the error is kept for the
				// next build (on success, Prune below keeps it).
				if ferr := kept.Flush(); ferr != nil {
					fmt.Fprintln(e.stderr, "warning: cache:", ferr)
				}
			}
			var refused *site.RefusedError
			if errors.As(err, &refused) {
				return usageErr("%w", err)
			}
			if err != nil {
				return inputErr("%w", err)
			}
			if kept != nil {
				if err := kept.Prune(); err != nil {
					fmt.Fprintln(e.stderr, "warning: cache:", err)
				}
			}
			err = f.report(e, rep)
			fmt.Fprintf(e.stderr, "built %s: %d files in %s", dest, rep.Written, time.Since(start).Round(time.Millisecond))
			if kept != nil {
				n := kept.Counts()
				fmt.Fprintf(e.stderr, "; %d analysed, %d from .veil/cache", n.Misses, n.Hits)
			}
			fmt.Fprintln(e.stderr)
			fmt.Fprintf(e.stderr, "published %d, held back %d, drafts %d\n", len(rep.Published), len(rep.Held), len(rep.Drafts))
			for _, h := range rep.Held {
				fmt.Fprintf(e.stderr, "  held back %s: %s\n", rel(f.source, h.Path), firstLine(h.Reason))
			}
			return err
		},
	}
	f.register(c, true)
	return c
}
