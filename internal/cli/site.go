package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/risk"
	"github.com/veil-blog/veil/internal/site"
	"github.com/veil-blog/veil/theme"
)

// siteFlags are the flags shared by the commands that read a site.
type siteFlags struct {
	source string
	dest   string
	drafts bool
	strict bool
	quiet  bool // no progress line
}

func (f *siteFlags) register(c *cobra.Command, withDest bool) {
	c.Flags().StringVarP(&f.source, "source", "s", ".", "site directory")
	if withDest {
		c.Flags().StringVarP(&f.dest, "destination", "d", "", "output directory (default: config publishDir, \"public\")")
	}
	c.Flags().BoolVar(&f.drafts, "drafts", false, "include posts marked draft: true")
	c.Flags().BoolVar(&f.strict, "strict", false, "exit 1 when any post is held back")
	c.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "no progress line on a terminal")
}

// privateDir is where a site keeps what must never be published.
const privateDir = ".veil"

// load reads the configuration and prints its warnings.
func (f *siteFlags) load(c *cobra.Command, e *env) (*config.Config, error) {
	flags := map[string]any{}
	if f.dest != "" {
		flags["publishdir"] = f.dest
	}
	cfg, warns, err := config.Load(f.source, config.Options{Flags: flags})
	for _, w := range warns {
		fmt.Fprintln(e.stderr, "warning:", w)
	}
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: err}
	}
	if err := checkRiskConfig(cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// checkRiskConfig checks risk.homeArea against the risk tables (config only checks its
// form).
func checkRiskConfig(cfg *config.Config) error {
	if !risk.ValidHomeArea(cfg.Risk.HomeArea) {
		file := cfg.File
		if file == "" {
			file = "configuration"
		}
		return &exitError{code: ExitUsage, err: &config.Error{File: file, Key: "risk.homeArea", Value: cfg.Risk.HomeArea,
			Msg: "no such country, US state or US Census region"}}
	}
	return nil
}

// engine builds the de-identification engine for a site: its key (created
// on first use), its configured actions and the recognizers.
func newEngine(root string, cfg *config.Config) (*deid.Engine, error) {
	key, err := deid.LoadKey(filepath.Join(root, privateDir, "key"), true)
	if err != nil {
		return nil, err
	}
	opts := []deid.Option{deid.WithKey(key), deid.WithDetectors(detectors()...)}
	if cfg != nil {
		d := cfg.Deid
		for k, a := range map[deid.Kind]config.Action{
			deid.Person: d.Person, deid.Place: d.Place, deid.Date: d.Date, deid.Age: d.Age,
			deid.Contact: d.Contact, deid.ID: d.ID, deid.Organization: d.Organization,
		} {
			opts = append(opts, deid.WithAction(k, deid.Action(a)))
		}
	}
	opts = append(opts, engineOptions()...)
	return deid.New(opts...), nil
}

// loadKnowledge reads the site's private known.yaml and allows what the
// site publishes by the author's own choice: its title, each part of the
// title around a colon or dash ("Field Notes: Reflective Practice"), and
// the byline. Left to the recognizers, a title-case site name in a post
// reads like a person's name.
func loadKnowledge(root string, cfg *config.Config) (*deid.Knowledge, error) {
	k, err := deid.LoadKnowledge(filepath.Join(root, privateDir, "known.yaml"))
	if err != nil || cfg == nil {
		return k, err
	}
	return k.With(nil, siteNames(cfg.Title, cfg.Author)), nil
}

// siteNames returns the names given and the parts of each around a colon,
// a dash or a bar, trimmed and without empties.
func siteNames(names ...string) []string {
	var out []string
	for _, n := range names {
		parts := strings.FieldsFunc(n, func(r rune) bool { return r == ':' || r == '|' || r == '–' || r == '—' })
		if len(parts) == 1 {
			parts = strings.Split(n, " - ")
		}
		for _, p := range append([]string{n}, parts...) {
			if p = strings.TrimSpace(p); p != "" && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// siteOptions assembles everything a build needs.
func (f *siteFlags) siteOptions(c *cobra.Command, e *env) (site.Options, error) {
	cfg, err := f.load(c, e)
	if err != nil {
		return site.Options{}, err
	}
	eng, err := newEngine(f.source, cfg)
	if err != nil {
		return site.Options{}, inputErr("%w", err)
	}
	know, err := loadKnowledge(f.source, cfg)
	if err != nil {
		return site.Options{}, &exitError{code: ExitUsage, err: err}
	}
	return site.Options{Root: f.source, Config: cfg, Engine: eng, Knowledge: know, Theme: theme.FS(), Drafts: f.drafts,
		KeyFingerprint: keyFingerprint(f.source)}, nil
}

// keyFingerprint identifies the site key by a hash that reveals nothing
// about it (domain-separated SHA-256, 64 bits), or "" without a key.
func keyFingerprint(root string) string {
	key, err := deid.LoadKey(filepath.Join(root, privateDir, "key"), false)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(append([]byte("veil site key fingerprint\x00"), key...))
	return hex.EncodeToString(sum[:8])
}

// report prints a build's warnings, errors and held posts and turns them
// into the exit status.
func (f *siteFlags) report(e *env, rep *site.Report) error {
	for _, w := range rep.Warnings {
		fmt.Fprintln(e.stderr, "warning:", w)
	}
	for _, err := range rep.Errors {
		fmt.Fprintln(e.stderr, "error:", firstLine(err.Error()))
	}
	switch {
	case len(rep.Errors) > 0:
		return silent(ExitInput)
	case f.strict && len(rep.Held) > 0:
		return silent(ExitInput)
	}
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// loadConfigQuiet reads a site's configuration without flags; a missing
// config.yaml means defaults.
func loadConfigQuiet(dir string) (*config.Config, []string, error) {
	return config.Load(dir, config.Options{})
}
