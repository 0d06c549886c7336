package storage

import (
	"context"
	"fmt"
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
	start := newsdesk.Cursor{SortAt: time.Unix(1<<40, 0), ID: 1 << 62}
	if s := newsdesk.PageStart(page); s != nil {
		start = *s
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+itemColumns+` FROM section_items si
		JOIN items i ON i.id = si.item_id JOIN sources s ON s.id = i.source_id
		WHERE si.section = ? AND si.state = 'in' AND (si.sort_at, si.item_id) < (?, ?)
		ORDER BY si.sort_at DESC, si.item_id DESC`,
		section, start.SortAt.Unix(), start.ID)
	if err != nil {
		return nil, nil, fmt.Errorf("read section %s: %w", section, err)
	}
	next := func() (newsdesk.Item, bool, error) {
		if !rows.Next() {
			return newsdesk.Item{}, false, rows.Err()
		}
		it, err := scanItem(rows)
		return it, err == nil, err
	}
	items, np, err := newsdesk.Paginate(page, per, next)
	rows.Close()
	if err != nil {
		return nil, nil, fmt.Errorf("read section %s: %w", section, err)
	}
	if err := db.fillRelated(ctx, section, items); err != nil {
		return nil, nil, err
	}
	return items, np, nil
}
