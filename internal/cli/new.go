package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

func newNew(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "new",
		Short: "Create a new site or post",
	}
	c.AddCommand(newNewSite(e), newNewPost(e))
	return c
}

func newNewSite(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "site DIR",
		Short: "Write a ready site: config.yaml, an example post and a .gitignore",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			dir := args[0]
			if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
				return usageErr("new site: %s exists and is not empty", dir)
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return usageErr("new site: %w", err)
			}
			today := time.Now().Format("2006-01-02")
			files := map[string]string{
				"config.yaml": siteConfig,
				".gitignore":  "# veil: the private key, known names, cache and audit log, the build output\n# and the temporary output of an unfinished build\n.veil/\npublic/\n.public.new-*\n",
				filepath.Join("content", "posts", today+"-welcome.md"): fmt.Sprintf(examplePost, today),
				filepath.Join("static", ".gitkeep"):                    "",
			}
			for name, body := range files {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					return inputErr("new site: %w", err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					return inputErr("new site: %w", err)
				}
			}
			fmt.Fprintf(e.stdout, "new site in %s\nnext: cd %s && veil build\n", dir, dir)
			return nil
		},
	}
}

func newNewPost(e *env) *cobra.Command {
	var source string
	c := &cobra.Command{
		Use:   "post TITLE",
		Short: "Write a dated draft post with front matter and a neutral file name",
		Long: `post writes content/posts/YYYY-MM-DD-post-N.md, a draft with the given title.
The file name is neutral on purpose: a title often holds a client's name
while a draft is young, and file names end up in version control. The
published URL is made from the de-identified title at build time.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			title := strings.TrimSpace(args[0])
			if title == "" {
				return usageErr("new post: the title is empty")
			}
			cfg, _, err := loadConfigQuiet(source)
			if err != nil {
				return &exitError{code: ExitUsage, err: err}
			}
			dir := filepath.Join(cfg.Path(source, cfg.ContentDir), "posts")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return inputErr("new post: %w", err)
			}
			now := time.Now()
			for n := 1; n < 1000; n++ {
				p := filepath.Join(dir, fmt.Sprintf("%s-post-%d.md", now.Format("2006-01-02"), n))
				f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
				if errors.Is(err, fs.ErrExist) {
					continue
				}
				if err != nil {
					return inputErr("new post: %w", err)
				}
				_, err = fmt.Fprintf(f, "---\ntitle: %s\ndate: %s\ndraft: true\ntags: []\ndescription: \"\"\n---\n\nWrite here. veil replaces names, places, dates and other details when it builds;\nrun `veil deid --explain %s` to see what it finds.\n", yamlQuote(title), now.Format("2006-01-02"), filepath.ToSlash(p))
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					return inputErr("new post: %w", err)
				}
				fmt.Fprintln(e.stdout, p)
				return nil
			}
			return inputErr("new post: too many posts today in %s", dir)
		},
	}
	c.Flags().StringVarP(&source, "source", "s", ".", "site directory")
	return c
}

// yamlQuote writes s as a double-quoted YAML scalar.
func yamlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

const siteConfig = `# veil site configuration. Every key is optional; the values shown are the
# defaults. Environment variables VEIL_<KEY> (e.g. VEIL_PUBLISHDIR) and
# command-line flags override this file.

# title: "My veil site"           # the site's name, in every page and feed
# baseURL: "http://localhost/"    # absolute URL the site is published at
# author: ""                      # shown in feeds and page metadata
# language: "en"                  # language tag of the site (html lang)
# description: ""                 # one line about the site, for feeds and search
# contentDir: "content"           # where the Markdown posts are
# staticDir: "static"             # files copied to the site after checks
# publishDir: "public"            # build output (replaced on every build)
# themeDir: "theme"               # files here override the built-in theme
# paginate: 10                    # posts per page on the home page
# feedLimit: 0                    # items in each RSS feed, the newest; 0 = every post
# permalinks:                     # URL pattern per section; :slug :year :month :day :section
#   posts: "/posts/:slug/"

# What de-identification does with each kind of detail:
# replace (a consistent pseudonym or shifted date), generalise (a coarser
# description) or redact (a neutral label such as [phone]).
# deid:
#   person: replace
#   place: generalise
#   date: replace
#   age: generalise
#   contact: redact
#   id: redact
#   organization: generalise

# The re-identification risk gate: a post is held back when fewer than
# minCrowd people would match the rare details left in it (20: a 0.05 chance
# that a match is the right person). homeArea is where the people you write
# about live when a post does not say: a country code, a US state code or a
# US Census region.
# risk:
#   minCrowd: 20
#   homeArea: US
`

const examplePost = `---
title: "A first reflection"
date: %s
tags: [reflection]
description: "An example post: edit or delete it."
---

This is an example post. Write about your practice in Markdown. When you run
` + "`veil build`" + `, names, places, dates, ages, contact details, ID numbers and
organisations are found and replaced before anything is published.

Run ` + "`veil deid --explain content/posts/<file>.md`" + ` to see what veil finds in a post.
`
