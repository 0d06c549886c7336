package report

import (
	"fmt"
	"html/template"
	"io"
	"text/tabwriter"
	"time"
)

// WriteText writes the report as aligned text tables, one per section.
func (r Report) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "Report for the last %d day(s), since %s; stale = no new item for %s\n",
		r.Days, r.Since.Local().Format("2006-01-02 15:04 MST"), humanDuration(r.StaleAfter))
	for _, s := range r.Sections {
		fmt.Fprintf(w, "\n%s (%s): %d items, %.1f/day%s\n", s.Title, s.ID, s.In, s.PerDay, capNote(s.SourceCap))
		fmt.Fprintf(w, "  editor actions: %s\n", s.Editor)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  SOURCE\tITEMS/DAY\tSHARE\tON FEED\tDUPLICATES\tFILTERED\tLAST NEW ITEM\tERRORS\t")
		for _, row := range s.Sources {
			flag := ""
			if row.Stale {
				flag = "STALE"
			}
			fmt.Fprintf(tw, "  %s\t%.1f\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", row.Source, row.PerDay, pct(row.Share),
				pct(row.FeedShare), pct(row.DupRate), pct(row.FilteredRate), when(row.LastNew), row.ErrorStreak, flag)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// WriteHTML writes the report as an HTML page (no scripts, our
// stylesheet). base is the base path its links start with ("" or "/news").
func (r Report) WriteHTML(w io.Writer, base string) error {
	return page.Execute(w, struct {
		Report
		Base string
	}{r, base})
}

// humanDuration writes a Go duration string ("72h0m0s") as people do:
// "3 days", "36 h", "90 min"; anything else as Go writes it.
func humanDuration(s string) string {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil || d <= 0:
		return s
	case d%(24*time.Hour) == 0:
		if n := d / (24 * time.Hour); n == 1 {
			return "1 day"
		} else {
			return fmt.Sprintf("%d days", n)
		}
	case d%time.Hour == 0:
		return fmt.Sprintf("%d h", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%d min", d/time.Minute)
	}
	return d.String()
}

func pct(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }

// capNote says what the source cap bounds: the ON FEED column, a share of
// the feed's first page, not the share of the items received.
func capNote(c float64) string {
	if c <= 0 {
		return ""
	}
	return fmt.Sprintf("; source cap %s of each feed page (ON FEED)", pct(c))
}

func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04 MST")
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{"pct": pct, "when": when, "human": humanDuration, "capNote": capNote}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Report — newsdesk</title><link rel="stylesheet" href="{{.Base}}/static/style.css"><link rel="icon" href="{{.Base}}/static/icon.svg" type="image/svg+xml"></head>
<body class="wide"><main><h1>Editor's report</h1>
<p>Last {{.Days}} day(s). A source is <strong>stale</strong> after {{human .StaleAfter}} without a new item. <a href="{{.Base}}/">Sections</a> · <a href="{{.Base}}/sources">Sources</a> · <a href="{{.Base}}/api/report">JSON</a></p>
{{range .Sections}}<section><h2><a href="{{$.Base}}/sections/{{.ID}}">{{.Title}}</a></h2><p>{{.In}} items, {{printf "%.1f" .PerDay}} a day{{capNote .SourceCap}}. Editor actions: {{.Editor}}.</p>
<table><thead><tr><th>Source</th><th class="num">Items/day</th><th class="num">Share</th><th class="num">On feed</th><th class="num">Duplicates</th><th class="num">Filtered</th><th>Last new item</th><th class="num">Error streak</th><th></th></tr></thead><tbody>
{{range .Sources}}<tr><td class="url" data-label="Source">{{.Source}}{{if ne .Source .URL}}<br>{{end}}{{if ne .Source .URL}}<small><a href="{{.URL}}">{{.URL}}</a></small>{{else}}<a href="{{.URL}}">{{.URL}}</a>{{end}}</td><td class="num" data-label="Items/day">{{printf "%.1f" .PerDay}}</td><td class="num" data-label="Share">{{pct .Share}}</td><td class="num" data-label="On feed">{{pct .FeedShare}}</td><td class="num" data-label="Duplicates">{{pct .DupRate}}</td><td class="num" data-label="Filtered">{{pct .FilteredRate}}</td><td class="nowrap" data-label="Last new item">{{when .LastNew}}</td><td class="num" data-label="Error streak">{{.ErrorStreak}}</td><td>{{if .Stale}}<strong>stale</strong>{{end}}</td></tr>
{{end}}</tbody></table></section>
{{end}}</main></body></html>
`))
