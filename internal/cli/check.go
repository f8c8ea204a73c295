package cli

import (
	"fmt"
	"sort"

	"github.com/spf13/cobra"
	"github.com/veil-blog/veil/internal/site"
)

func newCheck(e *env) *cobra.Command {
	var f siteFlags
	var format string
	c := &cobra.Command{
		Use:   "check",
		Short: "De-identify every post and report what was found, without writing anything",
		Long: `check runs the same stages as build (load, de-identify, score) in memory
and prints, per post, how many details of each kind were found and replaced,
and which posts would be held back. Nothing is written.

Only --format text exists so far; JSON and SARIF reports come with the risk
gate. Exit status as for build.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if format != "text" {
				return usageErr("check --format %s: not built yet; only text is available", format)
			}
			opts, err := f.siteOptions(c, e)
			if err != nil {
				return err
			}
			rep, err := site.Render(c.Context(), opts)
			if err != nil {
				return inputErr("%w", err)
			}
			posts := append([]*site.Cleared(nil), rep.Published...)
			sort.Slice(posts, func(i, j int) bool { return posts[i].Post.Permalink < posts[j].Post.Permalink })
			for _, p := range posts {
				counts := map[string]int{}
				for _, fd := range p.Findings {
					counts[string(fd.Kind)]++
				}
				kinds := make([]string, 0, len(counts))
				for k := range counts {
					kinds = append(kinds, k)
				}
				sort.Strings(kinds)
				fmt.Fprintf(e.stdout, "ok    %s: %d findings", p.Post.Permalink, len(p.Findings))
				for _, k := range kinds {
					fmt.Fprintf(e.stdout, " %s=%d", k, counts[k])
				}
				fmt.Fprintf(e.stdout, " risk=%.2f\n", p.Verdict.Score)
			}
			for _, h := range rep.Held {
				fmt.Fprintf(e.stdout, "held  %s: %s\n", h.Path, h.Reason)
			}
			fmt.Fprintf(e.stdout, "%d publishable, %d held back, %d input errors\n", len(rep.Published), len(rep.Held), len(rep.Errors))
			return f.report(e, rep)
		},
	}
	f.register(c, false)
	c.Flags().StringVar(&format, "format", "text", "report format (text; json and sarif are not built yet)")
	return c
}
