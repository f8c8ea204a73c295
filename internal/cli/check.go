package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/report"
	"github.com/veil-blog/veil/internal/site"
)

func newCheck(e *env) *cobra.Command {
	var f siteFlags
	var format string
	var showOriginal bool
	c := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "De-identify and score every post, and report what would be held back, without writing anything",
		Long: `check runs the same stages as build (load, de-identify, score the
re-identification risk) in memory and reports, per post, the rare details
left after replacement, the crowd they leave (how many people match them
all), and whether the post would be published or held back, with the
smallest set of details that causes it and edits that would let it through.
With PATH arguments only those files (or the posts under those directories)
are reported. Nothing is written.

  --format text   path:line:col: rare: ... lines, as linters print (default)
  --format json   {"posts": [{"path", "status", "risk", "findings", "reasons"}]}
  --format sarif  SARIF 2.1.0, for code-scanning tools

Originals (the text of a finding or a detail) are printed only with
--show-original. Exit status: 0 when every post would be published; 1 when a
post would be held back or could not be processed; 2 on a usage or
configuration error.`,
		RunE: func(c *cobra.Command, args []string) error {
			switch format {
			case "text", "json", "sarif":
			default:
				return usageErr("check --format %s: want text, json or sarif", format)
			}
			opts, err := f.siteOptions(c, e)
			if err != nil {
				return err
			}
			var finish func()
			opts.Progress, finish = f.progress(e)
			rep, err := site.Render(c.Context(), opts)
			finish()
			if err != nil {
				return inputErr("%w", err)
			}
			posts := reportPosts(f.source, rep)
			if len(args) > 0 {
				posts = selectPosts(f.source, posts, args)
			}
			report.Sort(posts)
			o := report.Options{ShowOriginal: showOriginal}
			switch format {
			case "json":
				err = report.JSON(e.stdout, posts, o)
			case "sarif":
				err = report.SARIF(e.stdout, posts, o)
			default:
				err = report.Text(e.stdout, posts, o)
			}
			if err != nil {
				return err
			}
			for _, w := range rep.Warnings {
				fmt.Fprintln(e.stderr, "warning:", w)
			}
			for _, p := range posts {
				if p.Status == report.Held || p.Status == report.Error {
					return silent(ExitInput)
				}
			}
			return nil
		},
	}
	f.register(c, false)
	c.Flags().StringVar(&format, "format", "text", "report format: text, json or sarif")
	c.Flags().BoolVar(&showOriginal, "show-original", false, "print the text of findings and rare details")
	return c
}

// rel gives a path relative to the site root, slash-separated, as a post is named in
// reports ("content/posts/x.md").
func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// reportPosts turns a build report into one entry per source file.
func reportPosts(root string, rep *site.Report) []report.Post {
	var posts []report.Post
	findings := func(fs []site.Finding) []report.Finding {
		out := make([]report.Finding, 0, len(fs))
		for _, f := range fs {
			out = append(out, report.Finding{Kind: string(f.Kind), Line: f.Line, Col: f.Col, Field: f.Field, Replacement: f.Replacement, Text: f.Text})
		}
		return out
	}
	for _, c := range rep.Published {
		v := c.Verdict
		posts = append(posts, report.Post{Path: rel(root, c.Path), Status: report.Publish, Verdict: &v, Findings: findings(c.Findings)})
	}
	for _, h := range rep.Held {
		p := report.Post{Path: rel(root, h.Path), Status: report.Held, Verdict: h.Verdict, Findings: findings(h.Findings)}
		if h.Err != nil {
			p.Status = report.Error
			p.Reasons = []string{h.Reason + ": " + firstLine(h.Err.Error())}
		} else if h.Verdict == nil {
			p.Reasons = []string{h.Reason}
		}
		posts = append(posts, p)
	}
	for _, d := range rep.Drafts {
		posts = append(posts, report.Post{Path: rel(root, d), Status: report.Draft})
	}
	seen := map[string]bool{}
	for _, p := range posts {
		seen[p.Path] = true
	}
	for _, err := range rep.Errors {
		var ce *content.Error
		if errors.As(err, &ce) && ce.Path != "" {
			path := rel(root, ce.Path)
			if seen[path] {
				continue
			}
			posts = append(posts, report.Post{Path: path, Status: report.Error, Reasons: []string{firstLine(err.Error())}})
			seen[path] = true
		}
	}
	return posts
}

// selectPosts keeps the posts named by args: files, or directories holding them, given
// relative to the working directory or to the site.
func selectPosts(root string, posts []report.Post, args []string) []report.Post {
	var out []report.Post
	for _, p := range posts {
		abs, _ := filepath.Abs(filepath.Join(root, filepath.FromSlash(p.Path)))
		for _, a := range args {
			var cands []string
			for _, c := range []string{a, filepath.Join(root, a)} {
				if ca, err := filepath.Abs(c); err == nil {
					cands = append(cands, ca)
				}
			}
			hit := false
			for _, ca := range cands {
				if abs == ca || content.Within(ca, abs) {
					hit = true
				}
			}
			if hit {
				out = append(out, p)
				break
			}
		}
	}
	return out
}
