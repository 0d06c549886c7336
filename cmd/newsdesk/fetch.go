package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"newsdesk"
	"newsdesk/article"
	"newsdesk/ingest"
)

func fetchCommand() *command {
	var section, source string
	var force, quiet bool
	return &command{
		name:    "fetch",
		summary: "fetch every source once, store and deduplicate the items, print a summary",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "fetch", "[--section ID] [--source URL] [--force]",
				"Fetches every source once (or those of one section, or one source), stores and\n"+
					"deduplicates the items and prints a line per source. Exit 0 when every source\n"+
					"was fetched, 1 when some failed (items from the others are stored).")
			fs.StringVar(&section, "section", "", "only the sources of this section")
			fs.StringVar(&source, "source", "", "only this source URL")
			fs.BoolVar(&force, "force", false, "fetch even sources in backoff, rate-limited or gone")
			fs.BoolVar(&quiet, "quiet", false, "print only failures")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			// On a terminal the logs go through the progress bar, which
			// keeps them apart from it, and the per-source log lines are
			// left to the summary.
			bar := newProgress(g.stderr)
			if bar.on {
				gb := *g
				gb.stderr = bar
				g = &gb
			}
			a, err := openApp(ctx, g)
			if err != nil {
				return fail(g, err)
			}
			defer a.Close()
			if err := applyRules(ctx, a.db, a.log); err != nil {
				return fail(g, err)
			}
			if bar.on {
				a.desk.Logger = slog.New(dropFetchLines{a.desk.Logger.Handler()})
			}
			sources := a.cfg.Sources()
			if section != "" {
				if a.cfg.Section(section) == nil {
					return fail(g, usageError{fmt.Errorf("--section: no section %q in %s", section, g.config)})
				}
				sources = slices.DeleteFunc(sources, func(s newsdesk.Source) bool { return !slices.Contains(s.Sections, section) })
			}
			if source != "" {
				sources = slices.DeleteFunc(sources, func(s newsdesk.Source) bool { return s.URL != source })
				if len(sources) == 0 {
					return fail(g, usageError{fmt.Errorf("--source: no source %q in %s", source, g.config)})
				}
			}
			bar.start(len(sources))
			var artMu sync.Mutex
			var articles []article.Report
			a.articles.Done = func(r article.Report, err error) {
				artMu.Lock()
				defer artMu.Unlock()
				if err != nil && ctx.Err() == nil {
					fmt.Fprintf(g.stderr, "newsdesk: articles of %s: %v\n", r.Source, err)
				}
				articles = append(articles, r)
			}
			reports := a.desk.FetchAll(ctx, sources, force, bar.step)
			bar.done()
			// Items are stored and published; their articles finish now.
			a.articles.Wait()
			for _, r := range articles {
				if r.Pending > 0 && !quiet {
					fmt.Fprintln(g.stdout, articleLine(r))
				}
			}
			var cancelled int
			for _, r := range reports {
				if r.Err != nil && ctx.Err() != nil && errors.Is(r.Err, context.Canceled) {
					cancelled++
					continue
				}
				if quiet && r.Err == nil {
					continue
				}
				fmt.Fprintln(g.stdout, a.red.Text(summaryLine(r)))
			}
			failed := len(ingest.Failed(reports)) - cancelled
			switch {
			case cancelled > 0:
				fmt.Fprintf(g.stdout, "interrupted: %d of %d sources not fetched", cancelled, len(reports))
				if failed > 0 {
					fmt.Fprintf(g.stdout, ", %d failed", failed)
				}
				fmt.Fprintln(g.stdout, " (what was fetched is stored)")
				return 1
			case failed > 0:
				fmt.Fprintf(g.stdout, "%d of %d sources failed\n", failed, len(reports))
				return 1
			}
			return 0
		},
	}
}

// summaryLine is one source's line in the fetch summary.
func summaryLine(r ingest.Report) string {
	switch {
	case r.Skipped != "":
		return fmt.Sprintf("skip  %s: %s", r.Source, r.Skipped)
	case r.Err != nil:
		return fmt.Sprintf("FAIL  %s: %v", r.Source, r.Err)
	}
	var dup, filtered int
	for _, c := range r.Outcome.Sections {
		dup += c.Duplicate
		filtered += c.Filtered
	}
	line := fmt.Sprintf("ok    %s: %d items, %d new, %d updated, %d duplicates, %d filtered",
		r.Source, r.Items, r.Outcome.New, r.Outcome.Updated, dup, filtered)
	if r.NotModified {
		line = fmt.Sprintf("ok    %s: not modified", r.Source)
	}
	if r.Moved != "" {
		line += fmt.Sprintf(" (moved permanently to %s: update the config)", r.Moved)
	}
	if r.Discovered != "" {
		line += fmt.Sprintf(" (feed discovered at %s: put it in the config)", r.Discovered)
	}
	if r.Truncated != "" {
		line += " (" + r.Truncated + ")"
	}
	return line
}

// articleLine is one source's line of full-text outcomes in the fetch
// summary.
func articleLine(r article.Report) string {
	return fmt.Sprintf("text  %s: %d full text, %d summary kept, %d retry later, %d not wanted, %d over budget (%d pages fetched, %d reused)",
		r.Source, r.Full, r.Kept, r.Retry, r.Skipped, r.Deferred, r.Fetched, r.Reused)
}
