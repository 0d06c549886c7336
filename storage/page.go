package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"newsdesk"
)

// SectionPage returns one page of the section's feed — items in the
// section, one per story, in feed order, with the other reports of each
// story in Related — and the page after it (nil when none is left). The
// section's source cap keeps any one source to its share of the page; the
// items it holds back come on later pages (newsdesk.Paginate), so that
// following the next pages reaches every item once.
func (db *DB) SectionPage(ctx context.Context, section string, page newsdesk.Page) ([]newsdesk.Item, *newsdesk.Page, error) {
	if page.Limit <= 0 {
		page.Limit = 50
	}
	per := 0
	if sec := db.section(section); sec != nil {
		per = newsdesk.PerSource(sec.SourceCap, page.Limit)
	}
	// Pinned stories open the first page and appear nowhere else: the walk
	// of every page skips them, so paging never repeats one. They take at
	// most half of a page; further pins keep their place by date (every
	// page of one limit agrees on which pins go first).
	pinned, err := db.pinnedItems(ctx, section)
	if err != nil {
		return nil, nil, err
	}
	pinned = pinned[:min(len(pinned), max(1, page.Limit/2))]
	skip := make(map[int64]bool, len(pinned))
	for _, it := range pinned {
		skip[it.ID] = true
	}
	first := page.Before == nil && len(page.Deferred) == 0
	walk := page
	if first {
		walk.Limit = page.Limit - len(pinned)
	}
	start := newsdesk.Cursor{SortAt: time.Unix(1<<40, 0), Ord: 1<<63 - 1}
	if s := newsdesk.PageStart(page); s != nil {
		start = *s
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+itemColumns+` FROM section_items si
		JOIN items i ON i.id = si.item_id JOIN sources s ON s.id = i.source_id
		WHERE si.section = ? AND si.state = 'in' AND (si.sort_at, si.ord) < (?, ?)
		ORDER BY si.sort_at DESC, si.ord DESC`,
		section, start.SortAt.Unix(), start.Ord)
	if err != nil {
		return nil, nil, fmt.Errorf("read section %s: %w", section, err)
	}
	next := func() (newsdesk.Item, bool, error) {
		for rows.Next() {
			it, err := scanItem(rows)
			if err != nil || !skip[it.ID] {
				return it, err == nil, err
			}
		}
		return newsdesk.Item{}, false, rows.Err()
	}
	var items []newsdesk.Item
	var np *newsdesk.Page
	if walk.Limit > 0 {
		items, np, err = newsdesk.Paginate(walk, per, next)
	} else if it, ok, nerr := next(); nerr != nil {
		err = nerr
	} else if ok {
		// The page is all pins: the walk starts from the top next time.
		np = &newsdesk.Page{Before: &newsdesk.Cursor{SortAt: it.SortAt, Ord: it.Ord + 1}}
		if it.Ord == 1<<63-1 {
			np.Before = &newsdesk.Cursor{SortAt: it.SortAt.Add(time.Second), Ord: 0}
		}
	}
	rows.Close()
	if err != nil {
		return nil, nil, fmt.Errorf("read section %s: %w", section, err)
	}
	if np != nil {
		np.Limit = page.Limit
	}
	if first && len(pinned) > 0 {
		items = append(slices.Clone(pinned), items...)
	}
	if err := db.fillRelated(ctx, section, items); err != nil {
		return nil, nil, err
	}
	return items, np, nil
}

// SectionChanged returns the last change of the section's feed; for a
// section whose feed never changed, the earliest successful fetch on
// record among its sources; zero when neither is known. It dates an empty
// feed.
func (db *DB) SectionChanged(ctx context.Context, section string) (time.Time, error) {
	var changed int64
	err := db.r.QueryRowContext(ctx, `SELECT changed_at FROM section_versions WHERE section = ?`, section).Scan(&changed)
	switch {
	case err == nil && changed > 0:
		return time.Unix(changed, 0).UTC(), nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return time.Time{}, fmt.Errorf("read section %s change: %w", section, err)
	}
	sec := db.section(section)
	if sec == nil || len(sec.Sources) == 0 {
		return time.Time{}, nil
	}
	args := make([]any, len(sec.Sources))
	for i, s := range sec.Sources {
		args[i] = s.URL
	}
	var first sql.NullInt64
	err = db.r.QueryRowContext(ctx, `SELECT MIN(last_success) FROM sources WHERE last_success > 0 AND url IN (?`+
		strings.Repeat(", ?", len(args)-1)+`)`, args...).Scan(&first)
	if err != nil {
		return time.Time{}, fmt.Errorf("read section %s first fetch: %w", section, err)
	}
	if !first.Valid {
		return time.Time{}, nil
	}
	return time.Unix(first.Int64, 0).UTC(), nil
}
