package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"newsdesk/storage"
)

func checkCommand() *command {
	var connect bool
	return &command{
		name:    "check",
		summary: "validate the config and print every problem with its field path and line",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "check", "[--connect]", "Validates the config file and prints every problem with its field path and line\n"+
				"(a PostgreSQL URL is checked without connecting).\n"+
				"Warnings (base_url not set or unreachable from other machines, no section, a\n"+
				"source listed with different titles or schedules) go to stderr and keep exit 0.\n"+
				"Exit 0 when valid, 2 when not. --connect also connects to a PostgreSQL database and\n"+
				"prints the server's version and the schema's migration state (exit 1 when it cannot connect).")
			fs.BoolVar(&connect, "connect", false, "connect to the PostgreSQL database and report its version and migration state")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			cfg, err := loadConfig(g)
			if err != nil {
				return fail(g, err)
			}
			for _, w := range cfg.Warnings {
				fmt.Fprintf(g.stderr, "warning: %s\n", w.Error())
			}
			warned := ""
			if n := len(cfg.Warnings); n > 0 {
				warned = fmt.Sprintf(", %d warning(s)", n)
			}
			fmt.Fprintf(g.stdout, "%s: ok (%d sections, %d sources%s)\n", g.config, len(cfg.Sections), len(cfg.Sources()), warned)
			if !connect {
				return 0
			}
			if !storage.IsPostgresURL(cfg.Database) {
				fmt.Fprintf(g.stdout, "database %s: SQLite file (nothing to connect to)\n", cfg.Database)
				return 0
			}
			cctx, cancel := context.WithTimeout(ctx, 15*time.Second)
			defer cancel()
			info, err := storage.Inspect(cctx, cfg.Database)
			if err != nil {
				return fail(g, err)
			}
			state := fmt.Sprintf("schema at migration %d, up to date", info.Schema)
			switch {
			case info.Schema == 0:
				state = fmt.Sprintf("empty: migrations up to %d run at the first start", info.Latest)
			case info.Schema < info.Latest:
				state = fmt.Sprintf("schema at migration %d of %d: the next start migrates", info.Schema, info.Latest)
			case info.Schema > info.Latest:
				state = fmt.Sprintf("schema at migration %d, newer than this binary's %d: upgrade newsdesk", info.Schema, info.Latest)
			case len(info.Pending) > 0:
				state = fmt.Sprintf("schema at migration %d without %s: the next start migrates", info.Schema, joinInts(info.Pending))
			}
			fmt.Fprintf(g.stdout, "database %s: %s; %s\n", storage.RedactURL(cfg.Database), info.Version, state)
			return 0
		},
	}
}

// joinInts writes migration numbers as "8" or "8, 10".
func joinInts(ns []int) string {
	var b strings.Builder
	for i, n := range ns {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d", n)
	}
	return b.String()
}
