package storage

import "context"

// sectionSpan names one span of story dates of one section's index.
type sectionSpan struct {
	section string
	span    int64
}

// loadSection reads the spans of section covering story dates [from, to]
// that are not loaded yet, through q (the write transaction, or the read
// pool for the invariant check). Only that section's rows are read: the
// first write after Open pays for the windows of the sections it files
// into, not for every section of the desk.
func (n *nearIndex) loadSection(ctx context.Context, q queryer, section string, from, to int64) error {
	first, last := floorDiv(from, n.span), floorDiv(to, n.span)
	for b := first; b <= last; b++ {
		if n.loaded[sectionSpan{section, b}] {
			continue
		}
		// Runs of missing spans are read in one query.
		e := b
		for e+1 <= last && !n.loaded[sectionSpan{section, e + 1}] {
			e++
		}
		// Items by story date, then the section's row by its primary key:
		// the date range is narrow, the section's rows may be many.
		rows, err := q.QueryContext(ctx, `SELECT si.section, i.id, i.story_at, g.signature
			FROM items i CROSS JOIN section_items si ON si.section = ? AND si.item_id = i.id
			CROSS JOIN signatures g ON g.item_id = i.id
			WHERE i.story_at >= ? AND i.story_at < ? AND si.state <> 'filtered'`, section, b*n.span, (e+1)*n.span)
		if err != nil {
			return err
		}
		if err := n.addAll(rows); err != nil {
			return err
		}
		for x := b; x <= e; x++ {
			n.loaded[sectionSpan{section, x}] = true
		}
		b = e
	}
	return nil
}
