package main

import (
	"context"
	"flag"
	"fmt"
)

func checkCommand() *command {
	return &command{
		name:    "check",
		summary: "validate the config and print every problem with its field path and line",
		flags: func(g *globals) *flag.FlagSet {
			return newFlags(g, "check", "", "Validates the config file and prints every problem with its field path and line.\n"+
				"Warnings (base_url not set or unreachable from other machines, no section, a\n"+
				"source listed with different titles or schedules) go to stderr and keep exit 0.\n"+
				"Exit 0 when valid, 2 when not.")
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
			return 0
		},
	}
}
