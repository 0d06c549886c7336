// Package report builds the editor's report: per section and per source,
// items per day, share of the section, duplicate and filtered rates, the
// last new item, the error streak, and which sources have gone stale. It
// renders it as text (the report command) and HTML or JSON (serve's /report
// and /api/report). It reads nothing itself: storage supplies the figures.
package report

import (
	"fmt"
	"sort"
	"time"

	"newsdesk"
	"newsdesk/storage"
)

// Row is one source in one section.
type Row struct {
	Source       string    `json:"source"`
	URL          string    `json:"url"`
	In           int       `json:"items"`
	PerDay       float64   `json:"items_per_day"`
	Share        float64   `json:"share"`          // of the section's items in the window
	FeedShare    float64   `json:"feed_share"`     // of the section feed's first page (its items / the page's length): what the source cap bounds
	DupRate      float64   `json:"duplicate_rate"` // duplicates / (items + duplicates)
	FilteredRate float64   `json:"filtered_rate"`  // filtered / everything it sent
	LastNew      time.Time `json:"last_new_item,omitzero"`
	ErrorStreak  int       `json:"error_streak"`
	LastError    string    `json:"last_error,omitempty"`
	Stale        bool      `json:"stale"`
}

// Section is the report of one section.
type Section struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	In     int     `json:"items"`
	PerDay float64 `json:"items_per_day"`
	// SourceCap is the section's source_cap: the largest share of one
	// feed page a source may take (0: none). FeedShare of every row is
	// within it.
	SourceCap float64 `json:"source_cap,omitempty"`
	Sources   []Row   `json:"sources"`
	Editor    Editor  `json:"editor_actions"` // in the window
}

// SetFeedShares sets each section's source cap and each source's share of
// the section feed's first page, pages[section id]: the items subscribers
// get, shaped by the cap exactly as the feed is (storage's SectionPage).
// The share is of the page's length (the section's limit), as the cap is:
// a page that other sources cannot fill is short, never more capped.
func (r *Report) SetFeedShares(sections []newsdesk.Section, pages map[string][]newsdesk.Item) {
	caps, limits := map[string]float64{}, map[string]int{}
	for _, sec := range sections {
		caps[sec.ID] = sec.SourceCap
		limits[sec.ID] = sec.Limit
		if sec.Limit <= 0 {
			limits[sec.ID] = 50
		}
	}
	for i := range r.Sections {
		s := &r.Sections[i]
		if c := caps[s.ID]; c > 0 && c < 1 {
			s.SourceCap = c
		}
		page := pages[s.ID]
		count := map[string]int{}
		for _, it := range page {
			count[it.SourceURL]++
		}
		n := max(limits[s.ID], len(page))
		for j := range s.Sources {
			s.Sources[j].FeedShare = float64(count[s.Sources[j].URL]) / float64(n)
		}
	}
}

// Editor counts an editor's actions on a section.
type Editor struct {
	Hide   int `json:"hide"`
	Unhide int `json:"unhide"`
	Pin    int `json:"pin"`
	Unpin  int `json:"unpin"` // expiries included
}

// String is the counts as the text report prints them.
func (e Editor) String() string {
	return fmt.Sprintf("%d hidden, %d unhidden, %d pinned, %d unpinned", e.Hide, e.Unhide, e.Pin, e.Unpin)
}

// AddEditorActions sets each section's editor counts from storage's
// (by section, then action).
func (r *Report) AddEditorActions(counts map[string]map[string]int) {
	for i := range r.Sections {
		c := counts[r.Sections[i].ID]
		r.Sections[i].Editor = Editor{Hide: c["hide"], Unhide: c["unhide"], Pin: c["pin"], Unpin: c["unpin"]}
	}
}

// Report covers the window [Since, Now].
type Report struct {
	Now        time.Time `json:"now"`
	Since      time.Time `json:"since"`
	Days       int       `json:"days"`
	StaleAfter string    `json:"stale_after"`
	Sections   []Section `json:"sections"`
}

// Build assembles the report for the configured sections from storage's
// activity figures. A configured source with no stored item appears too,
// stale. staleAfter is how long without a new item makes a source stale.
func Build(sections []newsdesk.Section, activity []storage.SourceActivity, now time.Time, days int, staleAfter time.Duration) Report {
	if days < 1 {
		days = 1
	}
	rep := Report{Now: now, Since: now.Add(-time.Duration(days) * 24 * time.Hour), Days: days, StaleAfter: staleAfter.String()}
	byKey := map[[2]string]storage.SourceActivity{}
	for _, a := range activity {
		byKey[[2]string{a.Section, a.SourceURL}] = a
	}
	for _, sec := range sections {
		s := Section{ID: sec.ID, Title: sec.Title}
		for _, src := range sec.Sources {
			a, ok := byKey[[2]string{sec.ID, src.URL}]
			row := Row{Source: src.Title, URL: src.URL}
			if ok {
				if row.Source == "" {
					row.Source = a.Source
				}
				row.In, row.LastNew, row.ErrorStreak, row.LastError = a.In, a.LastNew, a.ErrorCount, a.LastError
				row.PerDay = float64(a.In) / float64(days)
				if n := a.In + a.Duplicate; n > 0 {
					row.DupRate = float64(a.Duplicate) / float64(n)
				}
				if n := a.In + a.Duplicate + a.Filtered; n > 0 {
					row.FilteredRate = float64(a.Filtered) / float64(n)
				}
			}
			if row.Source == "" {
				row.Source = src.URL
			}
			row.Stale = row.LastNew.IsZero() || now.Sub(row.LastNew) > staleAfter
			s.In += row.In
			s.Sources = append(s.Sources, row)
		}
		for i := range s.Sources {
			if s.In > 0 {
				s.Sources[i].Share = float64(s.Sources[i].In) / float64(s.In)
			}
		}
		sort.SliceStable(s.Sources, func(i, j int) bool { return s.Sources[i].In > s.Sources[j].In })
		s.PerDay = float64(s.In) / float64(days)
		rep.Sections = append(rep.Sections, s)
	}
	return rep
}
