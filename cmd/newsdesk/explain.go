package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"newsdesk/storage"
)

func explainCommand() *command {
	var section string
	var limit int
	return &command{
		name:    "explain",
		summary: "show why each recent item of a section is in, filtered out or merged",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "explain", "--section ID [--limit N]",
				"Lists the section's most recent items with the decision made for each: in,\n"+
					"filtered (and the rule), duplicate (and the item it was merged into), or\n"+
					"hidden by an editor; when the decision last changed; pins; the editor's\n"+
					"actions (who, when, why); for full_text sources, whether the article's text\n"+
					"is published or why not.")
			fs.StringVar(&section, "section", "", "section id (required)")
			fs.IntVar(&limit, "limit", 50, "items to show")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			if section == "" {
				return fail(g, usageError{fmt.Errorf("explain: --section ID is required")})
			}
			a, err := openApp(ctx, g)
			if err != nil {
				return fail(g, err)
			}
			defer a.Close()
			if a.cfg.Section(section) == nil {
				return fail(g, usageError{fmt.Errorf("explain: no section %q in %s", section, g.config)})
			}
			ds, err := a.db.Explain(ctx, section, limit)
			if err != nil {
				return fail(g, err)
			}
			ids := make([]int64, len(ds))
			for i, d := range ds {
				ids[i] = d.ItemID
			}
			notes, err := a.db.ItemNotes(ctx, ids)
			if err != nil {
				return fail(g, err)
			}
			texts, err := a.db.ArticleStates(ctx, ids)
			if err != nil {
				return fail(g, err)
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			header := "ITEM\tDATE\tSTATE\tSOURCE\tTITLE\tWHY\tDECIDED"
			if len(texts) > 0 {
				header += "\tFULL TEXT"
			}
			fmt.Fprintln(tw, header)
			now := time.Now()
			for _, d := range ds {
				why := d.Reason
				if n := notes[d.ItemID]; n != "" {
					why = strings.TrimPrefix(why+"; capped: "+n, "; ")
				}
				if why == "" {
					why = "-"
				}
				if d.Pinned.After(now) {
					why += "; pinned first until " + d.Pinned.Local().Format("2006-01-02 15:04")
				}
				if d.Hidden && d.State != storage.StateHidden {
					why += "; hidden by an editor (applies if it represents a story again)"
				}
				fmt.Fprintf(tw, "#%d\t%s\t%s\t%s\t%s\t%s\t%s", d.ItemID, d.SortAt.Format("2006-01-02 15:04"), d.State,
					printable(clip(a.red.Text(d.Source), 24)), printable(clip(d.Title, 60)), printable(why), d.DecidedAt.Local().Format("2006-01-02 15:04:05"))
				if len(texts) > 0 {
					text := "-"
					if st, ok := texts[d.ItemID]; ok {
						text = st.String()
					}
					fmt.Fprintf(tw, "\t%s", text)
				}
				fmt.Fprintln(tw)
			}
			if err := tw.Flush(); err != nil {
				return fail(g, err)
			}
			audit, err := a.db.EditorActions(ctx, section, 0, limit)
			if err != nil {
				return fail(g, err)
			}
			if len(audit) > 0 {
				fmt.Fprintf(g.stdout, "\nEditor actions (newest first):\n")
				for _, e := range audit {
					fmt.Fprintln(g.stdout, "  "+auditLine(e))
				}
			}
			return 0
		},
	}
}

// printable removes what a terminal would act on rather than print:
// control characters and bidirectional-text controls.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 {
			return -1
		}
		return r
	}, s)
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
