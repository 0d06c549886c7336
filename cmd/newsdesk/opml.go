package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"newsdesk/config"
	"newsdesk/opml"
)

func importOPMLCommand() *command {
	var section string
	var write bool
	return &command{
		name:    "import-opml",
		summary: "print the YAML for an OPML file's feeds (--write appends them to the config)",
		minArgs: 1, maxArgs: 1, usage: "FILE --section ID [--write]",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "import-opml", "FILE --section ID [--write]",
				"Reads the feeds of an OPML file (as feed readers export them) and prints the YAML\n"+
					"to paste under the section's sources. With --write, appends the new ones to the\n"+
					"section in the config file itself, keeping its comments and layout, after\n"+
					"checking that the result is a valid config.")
			fs.StringVar(&section, "section", "", "section to add the feeds to (required)")
			fs.BoolVar(&write, "write", false, "append to the config file instead of printing")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			if section == "" {
				return fail(g, usageError{fmt.Errorf("import-opml: --section ID is required: usage: newsdesk import-opml FILE --section ID [--write]")})
			}
			f, err := os.Open(args[0])
			if err != nil {
				return fail(g, usageError{err})
			}
			feeds, err := opml.Parse(f)
			f.Close()
			if err != nil {
				return fail(g, usageError{fmt.Errorf("%s: %w", args[0], err)})
			}
			if !write {
				fmt.Fprint(g.stdout, opml.YAML(feeds, 6))
				return 0
			}
			old, err := os.ReadFile(g.config)
			if err != nil {
				return fail(g, usageError{err})
			}
			out, added, err := opml.Insert(old, section, feeds)
			if err != nil {
				return fail(g, usageError{fmt.Errorf("%s: %w", g.config, err)})
			}
			if _, err := config.Parse(out, g.config); err != nil {
				return fail(g, usageError{fmt.Errorf("the config would not be valid after the import, left unchanged:\n%w", err)})
			}
			if err := writeAtomic(g.config, out); err != nil {
				return fail(g, err)
			}
			fmt.Fprintf(g.stdout, "added %d of %d feeds to section %s in %s\n", added, len(feeds), section, g.config)
			return 0
		},
	}
}

func exportOPMLCommand() *command {
	return &command{
		name:    "export-opml",
		summary: "print the configured sources as OPML, one folder per section",
		flags: func(g *globals) *flag.FlagSet {
			return newFlags(g, "export-opml", "", "Prints every section's sources as OPML 2.0 (for a feed reader or another\naggregator). The feeds newsdesk publishes are at /feeds.opml.")
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			cfg, err := loadConfig(g)
			if err != nil {
				return fail(g, err)
			}
			if err := opml.Write(g.stdout, "newsdesk sources", cfg.Sections); err != nil {
				return fail(g, err)
			}
			return 0
		},
	}
}

// writeAtomic replaces path with data through a temporary file and rename,
// keeping the file's permissions.
func writeAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".newsdesk-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
