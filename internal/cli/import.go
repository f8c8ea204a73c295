package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/importer"
)

func newImport(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "import",
		Short: "Bring posts from another blog into the site",
	}
	c.AddCommand(newImportWordPress(e))
	return c
}

func newImportWordPress(e *env) *cobra.Command {
	var source string
	var comments bool
	c := &cobra.Command{
		Use:   "wordpress EXPORT.xml",
		Short: "Write the posts and pages of a WordPress export as Markdown into content/",
		Long: `wordpress reads a WordPress export (Tools > Export > All content, a WXR
file) and writes each post as content/posts/YYYY-MM-DD-post-N.md and each page
as content/page-N.md: neutral names, because file names reach version control
and URLs. Categories and tags are kept; drafts, pending, scheduled, private
and password-protected posts are marked draft: true. Nothing is published by
importing: run veil check to see, per post, what a build would replace and
what it would hold back.

Images and files from the old site's uploads are pointed at
static/uploads/file-N.ext; the list of what to copy where is written to
.veil/wordpress-attachments.tsv. The original slugs, links, dates and authors
are kept in .veil/wordpress-import.yaml, for redirects; .veil is never
published.

Comments are left out unless --comments is given; then approved comments go
into each post's front matter with the commenters' names and the text
de-identified with the site's key, and no e-mail, IP address or website.

A truncated or malformed export writes nothing.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			cfg, warns, err := loadConfigQuiet(source)
			for _, w := range warns {
				fmt.Fprintln(e.stderr, "warning:", w)
			}
			if err != nil {
				return &exitError{code: ExitUsage, err: err}
			}
			opts := importer.Options{Root: source, ContentDir: cfg.ContentDir, Comments: comments}
			if comments {
				eng, err := newEngine(source, cfg)
				if err != nil {
					return inputErr("%w", err)
				}
				know, err := loadKnowledge(source, cfg)
				if err != nil {
					return &exitError{code: ExitUsage, err: err}
				}
				opts.Clean = cleaner(eng, know)
			}
			res, err := importer.WordPress(c.Context(), args[0], opts)
			if err != nil {
				return inputErr("%w", err)
			}
			for _, n := range res.Notes {
				fmt.Fprintln(e.stderr, "note:", n)
			}
			kinds := make([]string, 0, len(res.Skipped))
			for k, n := range res.Skipped {
				kinds = append(kinds, fmt.Sprintf("%d of %s", n, k))
			}
			sort.Strings(kinds)
			if len(kinds) > 0 {
				fmt.Fprintf(e.stderr, "note: left out %s\n", strings.Join(kinds, ", "))
			}
			fmt.Fprintf(e.stdout, "imported %d posts and %d pages (%d marked draft) into %s", res.Posts, res.Pages, res.Drafts, cfg.ContentDir)
			if comments {
				fmt.Fprintf(e.stdout, ", with %d comments", res.Comments)
			}
			fmt.Fprintln(e.stdout)
			if n := len(res.Attachments); n > 0 {
				fmt.Fprintf(e.stdout, "%d uploaded files to copy into %s: see %s\n", n, cfg.StaticDir, filepath.ToSlash(res.AttachmentsPath))
			}
			fmt.Fprintf(e.stdout, "original slugs, links, dates and authors (private): %s\n", filepath.ToSlash(res.MapPath))
			fmt.Fprintln(e.stdout, "next: veil check, to see per post what a build would replace and hold back")
			return nil
		},
	}
	c.Flags().StringVarP(&source, "source", "s", ".", "site directory")
	c.Flags().BoolVar(&comments, "comments", false, "import approved comments, de-identified, into each post's front matter")
	return c
}

// cleaner de-identifies texts together, as a post's fields are: joined by
// blank lines into one document, with the given people as known names.
func cleaner(eng *deid.Engine, know *deid.Knowledge) importer.Cleaner {
	return func(ctx context.Context, texts []string, people []string) ([]string, error) {
		const sep = "\n\n"
		var b strings.Builder
		starts := make([]int, len(texts))
		for i, t := range texts {
			starts[i] = b.Len()
			b.WriteString(t)
			b.WriteString(sep)
		}
		text := b.String()
		known := append([]deid.KnownTerm(nil), know.Known...)
		for _, p := range people {
			known = append(known, deid.KnownTerm{Term: p, Kind: deid.Person})
		}
		res, err := eng.Deidentify(ctx, &deid.Doc{Text: text, Known: known, Allow: know.Allow})
		if err != nil {
			return nil, err
		}
		out := make([]string, len(texts))
		for i, t := range texts {
			start, end := starts[i], starts[i]+len(t)
			var local []deid.Finding
			for _, f := range res.Findings {
				if f.End <= start || f.Start >= end {
					continue
				}
				lf := f
				lf.Start, lf.End = max(f.Start, start)-start, min(f.End, end)-start
				local = append(local, lf)
			}
			out[i] = deid.Apply(t, local)
		}
		return out, nil
	}
}
