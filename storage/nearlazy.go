package storage

import "context"

// The near-duplicate index is read lazily: a look-up reads the spans of
// story dates its section needs and has not read yet, inside its
// transaction. A process that files into a few sections (a cron-run
// fetch of one section) reads those sections' windows only, each through
// the story-date index and the section's primary key; once a process has
// read lazySections sections that way (a daemon filing into every
// section), it reads the spans it still needs for every section at once,
// one query per run of spans, as a whole window load does, rather than
// paying the story-date range again for each further section.

// lazySections is how many sections a process reads one by one before it
// reads the rest of each span it needs for every section at once.
const lazySections = 4

// sectionSpan names one span of story dates of one section's index.
type sectionSpan struct {
	section string
	span    int64
}

// isLoaded reports whether span b of section is in memory.
func (n *nearIndex) isLoaded(section string, b int64) bool {
	return n.spans[b] || n.loaded[sectionSpan{section, b}]
}

// loadSection reads the spans of section covering story dates [from, to]
// that are not loaded yet, through q (the write transaction, or the read
// pool for the invariant check).
func (n *nearIndex) loadSection(ctx context.Context, q queryer, section string, from, to int64) error {
	first, last := floorDiv(from, n.span), floorDiv(to, n.span)
	for b := first; b <= last; b++ {
		if n.isLoaded(section, b) {
			continue
		}
		// Runs of missing spans are read in one query.
		e := b
		for e+1 <= last && !n.isLoaded(section, e+1) {
			e++
		}
		var err error
		if n.lazyReads >= lazySections {
			err = n.loadSpans(ctx, q, b, e)
		} else {
			n.lazyReads++
			err = n.loadSectionSpans(ctx, q, section, b, e)
		}
		if err != nil {
			return err
		}
		b = e
	}
	return nil
}

// loadSectionSpans reads spans b to e of one section: the items by story
// date, then the section's row by its primary key.
func (n *nearIndex) loadSectionSpans(ctx context.Context, q queryer, section string, b, e int64) error {
	rows, err := q.QueryContext(ctx, `SELECT si.section, i.id, i.story_at, g.signature
		FROM items i CROSS JOIN section_items si ON si.section = ? AND si.item_id = i.id
		CROSS JOIN signatures g ON g.item_id = i.id
		WHERE i.story_at >= ? AND i.story_at < ? AND si.state <> 'filtered'`, section, b*n.span, (e+1)*n.span)
	if err != nil {
		return err
	}
	if err := n.addAll(rows, nil); err != nil {
		return err
	}
	for x := b; x <= e; x++ {
		n.loaded[sectionSpan{section, x}] = true
	}
	return nil
}

// loadSpans reads spans b to e for every section, but the sections that
// already read them.
func (n *nearIndex) loadSpans(ctx context.Context, q queryer, b, e int64) error {
	rows, err := q.QueryContext(ctx, `SELECT si.section, i.id, i.story_at, g.signature
		FROM items i CROSS JOIN section_items si ON si.item_id = i.id
		CROSS JOIN signatures g ON g.item_id = i.id
		WHERE i.story_at >= ? AND i.story_at < ? AND si.state <> 'filtered'`, b*n.span, (e+1)*n.span)
	if err != nil {
		return err
	}
	// n.loaded is only read while the rows are added.
	read := func(section string, at int64) bool { return n.loaded[sectionSpan{section, floorDiv(at, n.span)}] }
	if err := n.addAll(rows, read); err != nil {
		return err
	}
	for x := b; x <= e; x++ {
		n.spans[x] = true
	}
	return nil
}
