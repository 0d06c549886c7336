// Command newsdesk aggregates RSS, Atom and JSON feeds into curated section
// feeds. See `newsdesk help`.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
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
				fs := c.flags(g)
				fs.SetOutput(stdout)
				fs.Usage()
				return 0
			}
			fmt.Fprintf(stderr, "newsdesk help: unknown command %q%s\n", rest[0], nearestCommand(rest[0]))
			return 2
		}
		usage(stdout)
		return 0
	}
	if strings.HasPrefix(name, "-") && name != "-" {
		fmt.Fprintf(stderr, "newsdesk: unknown flag %s%s\n\n", name, nearestFlag(name, globalFlags))
		usage(stderr)
		return 2
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "newsdesk: unknown command %q%s\n\n", name, nearestCommand(name))
		usage(stderr)
		return 2
	}
	fs := c.flags(g)
	pos, err := parseInterspersed(fs, rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return 0
		}
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		fmt.Fprintf(stderr, "newsdesk %s: %v%s\n\n", c.name, err, flagSuggestion(err, append(names, globalFlags...)))
		fs.SetOutput(stderr)
		fs.Usage()
		return 2
	}
	if len(pos) < c.minArgs || len(pos) > c.maxArgs {
		fmt.Fprintf(stderr, "newsdesk %s: %s\n\n", c.name, argsProblem(c, pos))
		fs.SetOutput(stderr)
		fs.Usage()
		return 2
	}
	return c.run(ctx, g, pos)
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

A command's flags may come before or after its arguments; after "--" everything
is an argument. Run 'newsdesk COMMAND --help' for a command's flags.
`)
}
