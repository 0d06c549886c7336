package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"golang.org/x/term"

	"newsdesk/curate"
)

// command is one subcommand: its flags and what it runs.
type command struct {
	name    string
	summary string
	flags   func(g *globals) *flag.FlagSet
	run     func(ctx context.Context, g *globals, args []string) int

	// Positional arguments: how many (none unless said) and their usage.
	minArgs, maxArgs int
	usage            string
}

func commands() []*command {
	return []*command{
		serveCommand(), fetchCommand(), checkCommand(), exportCommand(), sourcesCommand(),
		explainCommand(), reportCommand(), importOPMLCommand(), exportOPMLCommand(),
		editorCommand(curate.Hide, "take items (and their stories) out of a section's outputs", "Hides items: their stories leave every output of the section, and stay out when\nsources update them or report them again."),
		editorCommand(curate.Unhide, "bring hidden items (and their stories) back", "Unhides items: their stories come back, represented by rank."),
		editorCommand(curate.Pin, "put an item first in a section's feeds and pages for a while", "Pins an item: its story comes first in the section's feeds and pages until the\npin expires (--for) or is removed; its dates do not change."),
		editorCommand(curate.Unpin, "end a pin", "Unpins items: their stories go back to their place by date."),
		previewCommand(), copyDBCommand(), versionCommand(),
	}
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// newFlags returns a flag set whose usage names the command.
func newFlags(g *globals, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(g.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: newsdesk [--config PATH] %s %s\n\n%s\n", name, args, summary)
		var n int
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// globals are the flags every command accepts, before or after its name.
type globals struct {
	config    string
	logFormat string
	logLevel  string
	stdin     io.Reader
	stdout    io.Writer
	stderr    io.Writer
}

// parseGlobals takes the global flags out of args wherever they stand and
// returns the rest.
func parseGlobals(args []string) (*globals, []string, error) {
	g := &globals{config: "config.yaml", logLevel: "info"}
	if env := os.Getenv("NEWSDESK_CONFIG"); env != "" {
		g.config = env
	}
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") {
			rest = append(rest, a)
			continue
		}
		var dst *string
		switch name {
		case "config":
			dst = &g.config
		case "log-format":
			dst = &g.logFormat
		case "log-level":
			dst = &g.logLevel
		default:
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, nil, fmt.Errorf("flag --%s needs a value", name)
			}
			i++
			value = args[i]
		}
		*dst = value
	}
	switch g.logFormat {
	case "", "text", "json":
	default:
		return nil, nil, fmt.Errorf("--log-format: %q is not text or json", g.logFormat)
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(g.logLevel)); err != nil {
		return nil, nil, fmt.Errorf("--log-level: %q is not debug, info, warn or error", g.logLevel)
	}
	return g, rest, nil
}

// logger builds the process logger: text on a terminal, JSON otherwise,
// unless --log-format says.
func (g *globals) logger() *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(g.logLevel))
	opts := &slog.HandlerOptions{Level: lvl}
	format := g.logFormat
	if format == "" {
		format = "json"
		if writerIsTerminal(g.stderr) {
			format = "text"
		}
	}
	if format == "text" {
		return slog.New(slog.NewTextHandler(g.stderr, opts))
	}
	return slog.New(slog.NewJSONHandler(g.stderr, opts))
}

// isTerminal reports whether w is a terminal (for progress output).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// exitCode maps an error to the exit status of the contract: 2 for usage
// and config errors, 1 for the rest.
func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

type usageError struct{ error }
