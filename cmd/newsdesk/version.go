package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
)

func versionCommand() *command {
	return &command{
		name:    "version",
		summary: "print the version",
		flags: func(g *globals) *flag.FlagSet {
			return newFlags(g, "version", "", "Prints the version of newsdesk and of the Go toolchain that built it.")
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			fmt.Fprintf(g.stdout, "newsdesk %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return 0
		},
	}
}
