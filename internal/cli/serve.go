package cli

import (
	"github.com/spf13/cobra"
)

func newServe(e *env) *cobra.Command {
	var f siteFlags
	c := &cobra.Command{
		Use:   "serve",
		Short: "Live preview while drafting (not built yet)",
		Long: `serve will watch the site, rebuild on every save and show a live preview on
loopback with what was replaced and why. It is not built yet: it says so and
exits 1. Use "veil build" and open the output directory meanwhile.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return inputErr("serve: the live preview is %w; run \"veil build\" and open %s/index.html", errNotYet, "public")
		},
	}
	f.register(c, true)
	c.Flags().String("bind", "127.0.0.1", "interface to listen on (loopback only)")
	c.Flags().Int("port", 1313, "port to listen on")
	return c
}
