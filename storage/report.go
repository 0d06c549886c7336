package storage

import (
	"context"
	"fmt"
	"time"
)

// SourceActivity is what one source brought to one section.
type SourceActivity struct {
	Section    string
	SourceURL  string
	Source     string // display title
	In         int    // items in the section, first seen in the window
	Duplicate  int
	Filtered   int
	LastNew    time.Time // newest first-seen of any of its items in the section, ever
	ErrorCount int       // consecutive fetch errors now
	LastError  string
}

// Activity returns, per section and source, the decisions made on items
// first seen since since, and the source's last new item and error streak.
func (db *DB) Activity(ctx context.Context, since time.Time) ([]SourceActivity, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT si.section, s.url, s.name, s.title,
		count(*) FILTER (WHERE si.state = 'in' AND i.first_seen_at >= ?),
		count(*) FILTER (WHERE si.state = 'duplicate' AND i.first_seen_at >= ?),
		count(*) FILTER (WHERE si.state = 'filtered' AND i.first_seen_at >= ?),
		max(i.first_seen_at), s.consecutive_errors, s.error
		FROM section_items si JOIN items i ON i.id = si.item_id JOIN sources s ON s.id = i.source_id
		GROUP BY si.section, s.id ORDER BY si.section, s.url`, since.Unix(), since.Unix(), since.Unix())
	if err != nil {
		return nil, fmt.Errorf("read activity: %w", err)
	}
	defer rows.Close()
	var out []SourceActivity
	for rows.Next() {
		var a SourceActivity
		var name, feedTitle string
		var last int64
		if err := rows.Scan(&a.Section, &a.SourceURL, &name, &feedTitle, &a.In, &a.Duplicate, &a.Filtered, &last,
			&a.ErrorCount, &a.LastError); err != nil {
			return nil, fmt.Errorf("read activity: %w", err)
		}
		a.Source = sourceTitle(name, feedTitle, a.SourceURL)
		a.LastNew = fromUnix(last)
		out = append(out, a)
	}
	return out, rows.Err()
}
