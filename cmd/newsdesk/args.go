package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// globalFlags are the flags every command accepts, before or after its name.
var globalFlags = []string{"config", "log-format", "log-level"}

// parseInterspersed parses flags wherever they stand among the positional
// arguments ("import-opml FILE --section ID" as well as "import-opml
// --section ID FILE") and returns the positional arguments in order.
// After "--" everything is positional. Parse errors are returned, not
// printed.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// argsProblem says what is wrong with the positional arguments of c.
func argsProblem(c *command, pos []string) string {
	if len(pos) < c.minArgs {
		return fmt.Sprintf("missing argument: usage: newsdesk %s %s", c.name, c.usage)
	}
	stray := pos[c.maxArgs:]
	msg := fmt.Sprintf("unexpected argument %q", stray[0])
	if len(stray) > 1 {
		msg = fmt.Sprintf("unexpected arguments %q", stray)
	}
	if c.maxArgs == 0 {
		msg += fmt.Sprintf(" (%s takes flags only)", c.name)
	}
	if s := c.hint(stray[0]); s != "" {
		msg += "; did you mean " + s + "?"
	}
	return msg
}

// hint suggests the flag a stray argument was likely meant for: a word
// after a command with --section is taken for a section id, a URL after
// one with --source for a source.
func (c *command) hint(arg string) string {
	fs := c.flags(&globals{stderr: io.Discard})
	switch {
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		if fs.Lookup("source") != nil {
			return "--source " + arg
		}
	case fs.Lookup("section") != nil:
		return "--section " + arg
	}
	if c := lookup(arg); c != nil {
		return "newsdesk " + arg + " (one command at a time)"
	}
	return ""
}

// nearestCommand returns `; did you mean "x"?` for the command closest to
// name, or "".
func nearestCommand(name string) string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if best := nearest(strings.ToLower(name), names); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; run 'newsdesk help' for the commands"
}

// nearestFlag returns "; did you mean --x?" for the flag in names closest
// to arg ("--confg", "-sectoin=x"), or "".
func nearestFlag(arg string, names []string) string {
	name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
	if best := nearest(name, names); best != "" {
		return fmt.Sprintf("; did you mean --%s?", best)
	}
	return ""
}

// flagSuggestion adds the nearest flag to the flag package's "flag
// provided but not defined: -x" error.
func flagSuggestion(err error, names []string) string {
	bad, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: ")
	if !ok {
		return ""
	}
	return nearestFlag(bad, names)
}

// nearest is the name closest to s within an edit distance of 2 (or a
// name s abbreviates), "" when none is.
func nearest(s string, names []string) string {
	best, bestDist := "", 3
	for _, n := range names {
		d := editDistance(s, n)
		if len(s) >= 3 && strings.HasPrefix(n, s) {
			d = 1
		}
		if d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
