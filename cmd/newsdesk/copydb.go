package main

import (
	"context"
	"flag"
	"fmt"

	"newsdesk/storage"
)

func copyDBCommand() *command {
	var to, from string
	return &command{
		name:    "copy-db",
		summary: "copy the SQLite desk into a PostgreSQL database (lossless; running it twice is harmless)",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "copy-db", "--to postgres://… [--from FILE]",
				"Copies the SQLite desk (the config's database, or --from) into the PostgreSQL database --to:\n"+
					"sources with their states and validators, items, stories, decisions, what retention\n"+
					"remembers and the change sequence, keeping every id, in one transaction that compares\n"+
					"both sides before it commits. Rows already copied are left as they are; a target that\n"+
					"holds another desk's rows is refused and nothing is written. Stop serve first.")
			fs.StringVar(&to, "to", "", "the PostgreSQL URL to copy into (postgres:// or postgresql://)")
			fs.StringVar(&from, "from", "", "the SQLite file to copy (default: the config's database)")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			if to == "" {
				return fail(g, usageError{fmt.Errorf("copy-db: --to URL is required")})
			}
			if !storage.IsPostgresURL(to) {
				return fail(g, usageError{fmt.Errorf("copy-db: --to %q is not a postgres:// or postgresql:// URL", storage.RedactURL(to))})
			}
			if err := storage.ParsePostgresURL(to); err != nil {
				return fail(g, usageError{fmt.Errorf("copy-db: --to: %w", err)})
			}
			if from == "" {
				cfg, err := loadConfig(g)
				if err != nil {
					return fail(g, err)
				}
				from = cfg.Database
			}
			if storage.IsPostgresURL(from) {
				return fail(g, usageError{fmt.Errorf("copy-db: the desk to copy, %s, is not a SQLite file (give --from FILE)", storage.RedactURL(from))})
			}
			src := storage.New(from)
			src.Logger = g.logger().With("component", "storage")
			if err := src.Open(ctx); err != nil {
				return fail(g, err)
			}
			defer src.Close()
			dst := storage.New(to)
			dst.Logger = src.Logger
			if err := dst.Open(ctx); err != nil {
				return fail(g, err)
			}
			defer dst.Close()
			stats, err := src.CopyTo(ctx, dst)
			if err != nil {
				return fail(g, fmt.Errorf("copy %s to %s: %w (nothing was written)", from, storage.RedactURL(to), err))
			}
			var rows, copied int
			for _, s := range stats {
				fmt.Fprintf(g.stdout, "%-17s %7d rows: %7d copied, %7d already there\n", s.Table, s.Rows, s.Copied, s.Already)
				rows, copied = rows+s.Rows, copied+s.Copied
			}
			fmt.Fprintf(g.stdout, "copied %d of %d rows from %s to %s\n", copied, rows, from, storage.RedactURL(to))
			return 0
		},
	}
}
