package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"newsdesk"
	"newsdesk/config"
	"newsdesk/scheduler"
	"newsdesk/storage"
)

func sourcesCommand() *command {
	var asJSON bool
	return &command{
		name:    "sources",
		summary: "table of sources: last fetch, status, errors, items stored, next fetch",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "sources", "[--json]", "Lists every configured source with its fetch state.")
			fs.BoolVar(&asJSON, "json", false, "print JSON instead of a table")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			a, err := openApp(ctx, g)
			if err != nil {
				return fail(g, err)
			}
			defer a.Close()
			rows, err := sourceRows(ctx, a.cfg, a.db, time.Now(), nil, nil)
			if err != nil {
				return fail(g, err)
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rows); err != nil {
					return fail(g, err)
				}
				return 0
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "URL\tSECTIONS\tLAST FETCH\tSTATUS\tERRORS\tITEMS\tFULL TEXT\tNEXT FETCH\tNOTE")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", r.URL, strings.Join(r.Sections, ","),
					fmtTime(r.LastAttempt), r.StatusText(), r.ConsecutiveErrors, r.ItemsStored, r.ArticleText(),
					fmtTime(r.NextFetch), r.Note)
			}
			if err := tw.Flush(); err != nil {
				return fail(g, err)
			}
			return 0
		},
	}
}

// sourceRow is one line of `newsdesk sources` and of /api/sources.
type sourceRow struct {
	URL               string    `json:"url"`
	Title             string    `json:"title,omitempty"`
	FeedTitle         string    `json:"feed_title,omitempty"` // the feed's own title, as last fetched
	Sections          []string  `json:"sections"`
	FinalURL          string    `json:"final_url,omitempty"`
	LastAttempt       time.Time `json:"last_attempt,omitzero"`
	LastSuccess       time.Time `json:"last_success,omitzero"`
	Status            int       `json:"status"`
	Error             string    `json:"error,omitempty"`
	Warning           string    `json:"warning,omitempty"`
	ConsecutiveErrors int       `json:"consecutive_errors"`
	ItemsStored       int       `json:"items_stored"`
	Bytes             int64     `json:"bytes"`
	DurationMS        int64     `json:"duration_ms"`
	Gone              bool      `json:"gone,omitempty"`
	NextFetch         time.Time `json:"next_fetch,omitzero"`
	Note              string    `json:"note,omitempty"`
	// Full text (full_text sources only): items published with their
	// article's text, items whose article failed (summary kept), and
	// the share of articles that gave text (-1 before any was tried).
	FullText       string   `json:"full_text,omitempty"`
	ArticlesFull   int      `json:"articles_full,omitempty"`
	ArticlesFailed int      `json:"articles_failed,omitempty"`
	ArticleRate    *float64 `json:"article_success_rate,omitempty"`
}

// ArticleText is the FULL TEXT column: "12/15 (80%)", or "-".
func (r sourceRow) ArticleText() string {
	switch {
	case r.FullText == "":
		return "-"
	case r.ArticleRate == nil:
		return "none yet"
	}
	return fmt.Sprintf("%d/%d (%.0f%%)", r.ArticlesFull, r.ArticlesFull+r.ArticlesFailed, *r.ArticleRate*100)
}

func (r sourceRow) StatusText() string {
	switch {
	case r.LastAttempt.IsZero():
		return "never"
	case strings.HasPrefix(r.Error, "warning: "):
		return fmt.Sprintf("%d partial", r.Status) // read, with a warning in the note: not an error
	case r.Error != "" && r.Status == 0:
		return "error"
	case r.Error != "":
		return fmt.Sprintf("%d error", r.Status)
	}
	return fmt.Sprint(r.Status)
}

// sourceRows joins the configured sources with their stored state, and
// with failed, the fetches serve could not store (newer than the stored
// states). next, when set, gives the scheduler's next run per URL (serve);
// otherwise it is computed from each source's schedule. URLs and errors
// are shown redacted.
func sourceRows(ctx context.Context, cfg *config.Config, db *storage.DB, now time.Time, next map[string]time.Time, failed map[string]newsdesk.SourceState) ([]sourceRow, error) {
	states, err := db.SourceStates(ctx)
	if err != nil {
		return nil, err
	}
	red := newsdesk.NewRedactor(cfg.Redact)
	rates, err := db.ArticleRates(ctx)
	if err != nil {
		return nil, err
	}
	var rows []sourceRow
	for _, src := range cfg.Sources() {
		st := states[src.URL]
		if f, ok := failed[src.URL]; ok && f.LastAttempt.After(st.LastAttempt) {
			st.LastAttempt, st.Status, st.Error = f.LastAttempt, f.Status, f.Error
			st.ConsecutiveErrors, st.NextAttempt = f.ConsecutiveErrors, f.NextAttempt
		}
		r := sourceRow{
			URL: src.URL, Title: src.Title, FeedTitle: st.Title, Sections: src.Sections, FinalURL: st.FinalURL,
			LastAttempt: st.LastAttempt, LastSuccess: st.LastSuccess, Status: st.Status, Error: st.Error,
			ConsecutiveErrors: st.ConsecutiveErrors, ItemsStored: st.ItemsStored, Bytes: st.Bytes,
			DurationMS: st.Duration.Milliseconds(), Gone: st.Gone, Warning: st.Warning,
		}
		if src.FullText != newsdesk.FullTextOff {
			ar := rates[src.URL]
			r.FullText, r.ArticlesFull, r.ArticlesFailed = src.FullText.String(), ar.Full, ar.Kept
			if rate := ar.Rate(); rate >= 0 {
				r.ArticleRate = &rate
			}
		}
		if t, ok := next[src.URL]; ok {
			r.NextFetch = t
		} else if sched, err := scheduler.Jittered(src.Schedule, src.URL); err == nil {
			r.NextFetch = sched.Next(now)
		}
		if st.NextAttempt.After(r.NextFetch) {
			r.NextFetch = st.NextAttempt
		}
		switch {
		case st.Gone:
			r.Note = "gone (410): remove it or change its entry"
			r.NextFetch = time.Time{}
		case st.FinalURL != "" && st.FinalURL != src.URL:
			r.Note = "moved to " + st.FinalURL + ": update the config"
		case st.Error != "":
			r.Note = st.Error
		case st.Warning != "":
			r.Note = st.Warning
		}
		r.URL, r.FinalURL = red.URL(r.URL), red.URL(r.FinalURL)
		r.Error, r.Note = red.Text(r.Error), red.Text(r.Note)
		rows = append(rows, r)
	}
	return rows, nil
}

// Name is what the source is called: its configured title, else the
// feed's own.
func (r sourceRow) Name() string {
	if r.Title != "" {
		return r.Title
	}
	return r.FeedTitle
}

// fmtTime is a local time with its zone, on one line; "-" for none.
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04:05 MST")
}

// fmtMillis is a fetch duration as people write it: "850 ms", "2.4 s".
func fmtMillis(ms int64) string {
	if ms < 1000 {
		return fmt.Sprintf("%d ms", ms)
	}
	return fmt.Sprintf("%.1f s", float64(ms)/1000)
}
