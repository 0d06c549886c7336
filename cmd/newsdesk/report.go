package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"time"

	"newsdesk"
	"newsdesk/report"
)

func reportCommand() *command {
	var days int
	var stale time.Duration
	var asJSON bool
	return &command{
		name:    "report",
		summary: "per section and source: items per day, share, duplicate and filtered rates, stale sources",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "report", "[--days N] [--stale 72h] [--json]",
				"The editor's report: for each section and each of its sources, items per day, share\n"+
					"of the section, duplicate rate, filtered rate, last new item, error streak, and\n"+
					"whether the source is stale (no new item for --stale).")
			fs.IntVar(&days, "days", 7, "window in days")
			fs.DurationVar(&stale, "stale", 72*time.Hour, "a source without a new item for this long is stale")
			fs.BoolVar(&asJSON, "json", false, "print JSON")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			if days < 1 {
				return fail(g, usageError{fmt.Errorf("report: --days %d: want a number of days of at least 1", days)})
			}
			if stale <= 0 {
				return fail(g, usageError{fmt.Errorf("report: --stale %s: want a positive duration such as 72h", stale)})
			}
			a, err := openApp(ctx, g)
			if err != nil {
				return fail(g, err)
			}
			defer a.Close()
			rep, err := buildReport(ctx, a, time.Now(), days, stale)
			if err != nil {
				return fail(g, err)
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				err = enc.Encode(rep)
			} else {
				err = rep.WriteText(g.stdout)
			}
			if err != nil {
				return fail(g, err)
			}
			return 0
		},
	}
}

func buildReport(ctx context.Context, a *app, now time.Time, days int, stale time.Duration) (report.Report, error) {
	act, err := a.db.Activity(ctx, now.Add(-time.Duration(days)*24*time.Hour))
	if err != nil {
		return report.Report{}, err
	}
	rep := report.Build(a.cfg.Sections, act, now, days, stale)
	pages := map[string][]newsdesk.Item{}
	for _, sec := range a.cfg.Sections {
		limit := sec.Limit
		if limit <= 0 {
			limit = 50
		}
		items, _, err := a.db.SectionPage(ctx, sec.ID, newsdesk.Page{Limit: limit})
		if err != nil {
			return report.Report{}, err
		}
		pages[sec.ID] = items
	}
	rep.SetFeedShares(a.cfg.Sections, pages)
	for i := range rep.Sections {
		for j := range rep.Sections[i].Sources {
			row := &rep.Sections[i].Sources[j]
			row.Source, row.URL, row.LastError = a.red.Text(row.Source), a.red.URL(row.URL), a.red.Text(row.LastError)
		}
	}
	counts, err := a.db.EditorCounts(ctx, rep.Since)
	if err != nil {
		return report.Report{}, err
	}
	rep.AddEditorActions(counts)
	return rep, nil
}
