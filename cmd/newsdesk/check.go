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
			return newFlags(g, "check", "", "Validates the config file. Exit 0 when valid, 2 when not.")
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			cfg, err := loadConfig(g)
			if err != nil {
				return fail(g, err)
			}
			fmt.Fprintf(g.stdout, "%s: ok (%d sections, %d sources)\n", g.config, len(cfg.Sections), len(cfg.Sources()))
			return 0
		},
	}
}
