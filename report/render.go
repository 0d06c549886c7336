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
		r.Days, r.Since.Local().Format("2006-01-02 15:04"), r.StaleAfter)
	for _, s := range r.Sections {
		fmt.Fprintf(w, "\n%s (%s): %d items, %.1f/day\n", s.Title, s.ID, s.In, s.PerDay)
		fmt.Fprintf(w, "  editor actions: %s\n", s.Editor)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  SOURCE\tITEMS/DAY\tSHARE\tDUPLICATES\tFILTERED\tLAST NEW ITEM\tERRORS\t")
		for _, row := range s.Sources {
			flag := ""
			if row.Stale {
				flag = "STALE"
			}
			fmt.Fprintf(tw, "  %s\t%.1f\t%s\t%s\t%s\t%s\t%d\t%s\n", row.Source, row.PerDay, pct(row.Share),
				pct(row.DupRate), pct(row.FilteredRate), when(row.LastNew), row.ErrorStreak, flag)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// WriteHTML writes the report as an HTML page (no scripts, our stylesheet).
func (r Report) WriteHTML(w io.Writer) error {
	return page.Execute(w, r)
}

func pct(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }

func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04")
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{"pct": pct, "when": when}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Report — newsdesk</title><link rel="stylesheet" href="/static/style.css"></head>
<body><main><h1>Editor's report</h1>
<p>Last {{.Days}} day(s). A source is <strong>stale</strong> after {{.StaleAfter}} without a new item. <a href="/">Sections</a> · <a href="/sources">Sources</a> · <a href="/api/report">JSON</a></p>
{{range .Sections}}<section><h2>{{.Title}}</h2><p>{{.In}} items, {{printf "%.1f" .PerDay}} a day. Editor actions: {{.Editor}}.</p>
<table><thead><tr><th>Source</th><th>Items/day</th><th>Share</th><th>Duplicates</th><th>Filtered</th><th>Last new item</th><th>Error streak</th><th></th></tr></thead><tbody>
{{range .Sources}}<tr><td>{{.Source}}</td><td>{{printf "%.1f" .PerDay}}</td><td>{{pct .Share}}</td><td>{{pct .DupRate}}</td><td>{{pct .FilteredRate}}</td><td>{{when .LastNew}}</td><td>{{.ErrorStreak}}</td><td>{{if .Stale}}<strong>stale</strong>{{end}}</td></tr>
{{end}}</tbody></table></section>
{{end}}</main></body></html>
`))
