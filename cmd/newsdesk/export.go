package main

import (
	"context"
	"flag"
	"fmt"

	"newsdesk/feedgen"
)

func exportCommand() *command {
	var out string
	return &command{
		name:    "export",
		summary: "write every feed, the OPML and the index as static files",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "export", "--out DIR",
				"Writes DIR/feeds/{section}.atom|.rss|.json, DIR/feeds.opml and DIR/index.html from\n"+
					"the database, each file atomically (a static host never serves half a feed).")
			fs.StringVar(&out, "out", "", "output folder (required)")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			if out == "" {
				return fail(g, usageError{fmt.Errorf("export: --out DIR is required")})
			}
			a, err := openApp(ctx, g)
			if err != nil {
				return fail(g, err)
			}
			defer a.Close()
			if err := feedgen.Export(ctx, a.db, a.cfg.Sections, feedOptions(a.cfg, a.log), out); err != nil {
				return fail(g, err) // Export's errors say "export"
			}
			fmt.Fprintf(g.stdout, "exported %d sections to %s\n", len(a.cfg.Sections), out)
			return 0
		},
	}
}
