// Command newsdesk aggregates RSS, Atom and JSON feeds into curated section
// feeds. See `newsdesk help`.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is stamped at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g, rest, err := parseGlobals(args)
	if err != nil {
		fmt.Fprintf(stderr, "newsdesk: %v\n", err)
		return 2
	}
	g.stdin, g.stdout, g.stderr = stdin, stdout, stderr
	if len(rest) == 0 {
		usage(stderr)
		return 2
	}
	name, rest := rest[0], rest[1:]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(rest) > 0 {
			if c := lookup(rest[0]); c != nil {
				c.flags(g).Usage()
				return 0
			}
		}
		usage(stdout)
		return 0
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "newsdesk: unknown command %q\n", name)
		usage(stderr)
		return 2
	}
	fs := c.flags(g)
	if err := fs.Parse(rest); err != nil {
		if err.Error() == "flag: help requested" {
			return 0
		}
		return 2
	}
	return c.run(ctx, g, fs.Args())
}

func usage(w io.Writer) {
	fmt.Fprintf(w, `newsdesk %s: aggregates RSS, Atom and JSON feeds into curated section feeds.

Usage: newsdesk [--config PATH] [--log-format text|json] [--log-level LEVEL] COMMAND [flags]

Commands:
`, version)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Global flags (accepted before or after the command):
  --config PATH       config file (default ./config.yaml, or $NEWSDESK_CONFIG)
  --log-format FMT    text or json (default: text on a terminal, json otherwise)
  --log-level LEVEL   debug, info, warn or error (default info)

Run 'newsdesk COMMAND --help' for a command's flags.
`)
}
