package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"newsdesk"
	"newsdesk/curate"
	"newsdesk/neardup"
)

// Fetch is one fetch of one source as storage records it: the source's next
// state (validators included) and the items of the document, if one was
// parsed. SaveFetch writes all of it in one transaction.
type Fetch struct {
	Source newsdesk.Source
	State  newsdesk.SourceState
	Items  []newsdesk.Item // nil when nothing was parsed (304, unchanged body, error)

	derived []derived // by item, filled by Prepare
}

// derived is what filing a new item needs beside the item itself.
type derived struct {
	ok       bool
	sig      neardup.Signature
	titleKey string
	words    int
}

func derive(it *newsdesk.Item) derived {
	lead := it.Lead
	if lead == "" {
		lead = it.Summary
	}
	return derived{ok: true, sig: neardup.Sign(it.Title, lead), titleKey: neardup.TitleKey(it.Title), words: curate.Words(lead)}
}

// Prepare computes, before SaveFetch and outside its transaction, what
// filing the fetch's new items needs (near-duplicate signature, title
// key), so that the single writer spends its time writing. Items already
// stored for the source, read through the read pool, are skipped. Calling
// it is optional: SaveFetch computes whatever is missing. Safe for
// concurrent use.
func (db *DB) Prepare(ctx context.Context, f *Fetch) error {
	if len(f.Items) == 0 {
		return nil
	}
	stored := map[string]bool{}
	var sid int64
	err := db.r.QueryRowContext(ctx, `SELECT id FROM sources WHERE url = ?`, f.Source.URL).Scan(&sid)
	switch {
	case err == nil:
		keys := make([]any, len(f.Items))
		for i := range f.Items {
			keys[i] = f.Items[i].Key
		}
		err = inChunks(ctx, db.r, `SELECT key FROM items WHERE source_id = ? AND key IN `, sid, keys,
			func(rows *sql.Rows) error {
				var key string
				err := rows.Scan(&key)
				stored[key] = true
				return err
			})
		if err != nil {
			return fmt.Errorf("prepare %s: %w", f.Source.URL, err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("prepare %s: %w", f.Source.URL, err)
	}
	f.derived = make([]derived, len(f.Items))
	for i := range f.Items {
		if !stored[f.Items[i].Key] {
			f.derived[i] = derive(&f.Items[i])
		}
	}
	return nil
}

// SectionCounts counts the decisions SaveFetch made for one section.
type SectionCounts struct {
	In, Filtered, Duplicate, Updated int
}

// Outcome is what SaveFetch did.
type Outcome struct {
	New, Updated, Unchanged, Seen int
	Sections                      map[string]*SectionCounts // by section id, for every section the source feeds
	Changed                       []string                  // sections whose output changed
}

// SetSections gives storage the sections of the current config: their
// filters, caps and source priorities. Safe to call while other methods run.
func (db *DB) SetSections(sections []newsdesk.Section) {
	m := make(map[string]*newsdesk.Section, len(sections))
	for i := range sections {
		s := sections[i]
		m[s.ID] = &s
	}
	db.mu.Lock()
	db.sections = m
	db.mu.Unlock()
}

func (db *DB) section(id string) *newsdesk.Section {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.sections[id]
}

// sourceSections are the sections of the current config (SetSections)
// that list src: those of src.Sections first, in their order, then any
// the config added. A fetch started before a reload is filed under the
// config that holds when its transaction runs, not the one it started
// with: else a section the reload gave the source would miss its items
// (Reconcile may already have run), and one that dropped it would get
// them.
func (db *DB) sourceSections(src newsdesk.Source) []*newsdesk.Section {
	db.mu.RLock()
	defer db.mu.RUnlock()
	var out []*newsdesk.Section
	seen := map[string]bool{}
	for _, id := range src.Sections {
		s := db.sections[id]
		if s == nil || seen[id] || !listsSource(s, src.URL) {
			continue
		}
		seen[id] = true
		out = append(out, s)
	}
	var more []*newsdesk.Section
	for id, s := range db.sections {
		if !seen[id] && listsSource(s, src.URL) {
			more = append(more, s)
		}
	}
	sort.Slice(more, func(i, j int) bool { return more[i].ID < more[j].ID })
	return append(out, more...)
}

func listsSource(s *newsdesk.Section, url string) bool {
	for _, ss := range s.Sources {
		if ss.URL == url {
			return true
		}
	}
	return false
}

// sectionsMu is embedded in DB through these fields (declared here to keep
// the section bookkeeping in one file).
type sectionsMu struct {
	mu       sync.RWMutex
	sections map[string]*newsdesk.Section
	dated    map[string]bool // sections known to have a version row
}

// SaveFetch records one fetch: the source state and validators, new items,
// updates of known items in place, and each new item's membership in every
// section of the source (filtered, duplicate of a cluster, or in). All in
// one transaction: either everything is stored or nothing is. Concurrent
// calls may share a transaction (batch.go); each returns once its fetch
// is committed.
func (db *DB) SaveFetch(ctx context.Context, f Fetch) (Outcome, error) {
	return db.save(ctx, f)
}

// newOutcome is the empty outcome of a fetch filed into secs.
func newOutcome(secs []*newsdesk.Section) Outcome {
	out := Outcome{Sections: map[string]*SectionCounts{}}
	for _, s := range secs {
		out.Sections[s.ID] = &SectionCounts{}
	}
	return out
}

// saveIn writes one fetch inside the write transaction tx: SaveFetch's
// work. It fills r.out and r.dated.
func (db *DB) saveIn(ctx context.Context, tx *sql.Tx, nt *nearTx, r *saveReq) error {
	f, now := &r.f, r.now
	secs := db.sourceSections(f.Source)
	r.out, r.dated = newOutcome(secs), nil
	out := &r.out
	{
		s := db.newSaver(ctx, tx, nt, now, f.Source, out)
		defer func() { r.dated = s.datedNow }()
		if err := s.writeSource(f, secs); err != nil {
			return err
		}
		if len(f.Items) == 0 {
			return nil
		}
		sid := s.sourceID
		var err error
		var hadItems bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM items WHERE source_id = ?)`, sid).Scan(&hadItems); err != nil {
			return fmt.Errorf("read items of %s: %w", f.Source.URL, err)
		}
		s.backfill = !hadItems
		if hadItems {
			if err := adoptSharedGUIDs(ctx, boundTx{tx, s}, sid, f.Items); err != nil {
				return fmt.Errorf("read items of %s: %w", f.Source.URL, err)
			}
		}
		if s.known, err = loadKnown(ctx, boundTx{tx, s}, sid, f.Items, hadItems); err != nil {
			return fmt.Errorf("read items of %s: %w", f.Source.URL, err)
		}
		// The duplicate rules look up only the items to insert: those not
		// stored yet, nor pruned.
		var links []any
		var titles titleLookup
		w := int64(db.TitleWindow.Seconds())
		for i := range f.Items {
			it := &f.Items[i]
			if _, stored := s.known.items[it.Key]; stored || s.known.seen[it.Key] || s.known.seenLinks[it.CanonicalLink] {
				continue
			}
			if it.CanonicalLink != "" {
				links = append(links, it.CanonicalLink)
			}
			tk := ""
			if i < len(f.derived) && f.derived[i].ok {
				tk = f.derived[i].titleKey
			} else {
				tk = neardup.TitleKey(it.Title)
			}
			titles.keys = append(titles.keys, tk)
			at := curate.StoryDate(it.Published, now).Unix()
			titles.addDays(floorDiv(at-w, daySeconds), floorDiv(at+w, daySeconds))
		}
		if err := s.known.loadClusterKeys(ctx, boundTx{tx, s}, links, titles); err != nil {
			return fmt.Errorf("read items of %s: %w", f.Source.URL, err)
		}
		s.et.buffer = true
		// The new items' rows and signatures are written first, in a few
		// multi-row statements; filing them follows, item by item.
		var fresh []*newsdesk.Item
		var freshD []*derived
		seenKeys := make(map[string]bool, len(f.Items))
		for i := range f.Items {
			it := &f.Items[i]
			if seenKeys[it.Key] {
				continue
			}
			seenKeys[it.Key] = true
			if _, stored := s.known.items[it.Key]; stored || s.known.seen[it.Key] || it.CanonicalLink != "" && s.known.seenLinks[it.CanonicalLink] {
				continue
			}
			if i >= len(f.derived) || !f.derived[i].ok {
				if len(f.derived) < len(f.Items) {
					f.derived = append(f.derived, make([]derived, len(f.Items)-len(f.derived))...)
				}
				f.derived[i] = derive(it)
			}
			fresh = append(fresh, it)
			freshD = append(freshD, &f.derived[i])
		}
		if err := s.insertRows(fresh, freshD); err != nil {
			return fmt.Errorf("save items of %s: %w", f.Source.URL, err)
		}
		var secIDs []string
		for _, sec := range secs {
			secIDs = append(secIDs, sec.ID)
		}
		if err := s.et.reserveClusters(secIDs, len(fresh)); err != nil {
			return fmt.Errorf("save items of %s: %w", f.Source.URL, err)
		}
		clear(seenKeys)
		for i := range f.Items {
			it := &f.Items[i]
			if seenKeys[it.Key] {
				continue
			}
			seenKeys[it.Key] = true
			it.SourceURL = f.Source.URL
			var d *derived
			if i < len(f.derived) && f.derived[i].ok {
				d = &f.derived[i]
			}
			if err := s.save(it, secs, d); err != nil {
				return fmt.Errorf("save item %q of %s: %w", it.Key, f.Source.URL, err)
			}
		}
		if s.err != nil {
			return s.err
		}
		if err := s.et.flush(); err != nil {
			return fmt.Errorf("save items of %s: %w", f.Source.URL, err)
		}
		if err := s.et.releaseClusters(); err != nil {
			return fmt.Errorf("save items of %s: %w", f.Source.URL, err)
		}
		for id := range s.changed {
			out.Changed = append(out.Changed, id)
			if err := bumpVersion(ctx, tx, id, now.Unix()); err != nil {
				return err
			}
		}
		return nil
	}
}

// markDated remembers, once their transaction committed, the sections
// dateSection gave a version row.
func (db *DB) markDated(dated []string) {
	if len(dated) == 0 {
		return
	}
	db.mu.Lock()
	if db.dated == nil {
		db.dated = map[string]bool{}
	}
	for _, id := range dated {
		db.dated[id] = true
	}
	db.mu.Unlock()
}

// writeSource writes the fetch's source row and state, and dates the
// sections it is filed into (secs) at their first successful fetch.
func (s *saver) writeSource(f *Fetch, secs []*newsdesk.Section) error {
	f.State.URL = f.Source.URL
	sid, cached := s.db.srcIDs.get(f.Source.URL)
	if cached {
		ok, err := writeState(s.ctx, s.q(qWriteState), sid, f.State, f.Source.Title)
		if err != nil {
			return err
		}
		if !ok {
			s.db.srcIDs.drop(f.Source.URL)
			cached = false
		}
	}
	if !cached {
		var err error
		if sid, err = sourceID(s.ctx, s.q(qSourceID), f.Source.URL); err != nil {
			return err
		}
		ok, err := writeState(s.ctx, s.q(qWriteState), sid, f.State, f.Source.Title)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("write state of %s: no source row #%d", f.Source.URL, sid)
		}
		// Cached even if the transaction rolls back: the row id is
		// checked at every use.
		s.db.srcIDs.put(f.Source.URL, sid)
	}
	s.sourceID = sid
	if f.State.Error == "" && !f.State.LastSuccess.IsZero() {
		// A section's first successful fetch dates it, even empty: its
		// feeds' updated date is then that fetch, not 1970.
		for _, sec := range secs {
			if err := s.dateSection(sec.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// saver holds the state of one SaveFetch transaction.
type saver struct {
	db       *DB
	tx       *sql.Tx
	nt       *nearTx // near-duplicate index additions of the transaction
	ctx      context.Context
	now      time.Time
	sourceID int64
	source   newsdesk.Source
	backfill bool // the source had no items: dates are taken as given
	out      *Outcome
	changed  map[string]bool
	known    known   // what was stored of the fetch's items before it
	cands    []int64 // near-duplicate candidates of the item being placed
	stmts    txStmts // prepared statements bound to tx
	et       *engineTx
	seq      int64                     // the transaction's change sequence number
	err      error                     // a write error met where the engine cannot return it
	datedNow []string                  // sections dateSection dated
	ins      map[*newsdesk.Item]insRow // new items insertRows wrote
}

func (db *DB) newSaver(ctx context.Context, tx *sql.Tx, nt *nearTx, now time.Time, src newsdesk.Source, out *Outcome) *saver {
	s := &saver{db: db, tx: tx, nt: nt, ctx: ctx, now: now, source: src, out: out, changed: map[string]bool{}, seq: nt.seq}
	s.et = &engineTx{s: s, pending: map[int64]pendingItem{}}
	return s
}

// q returns a prepared write statement bound to the transaction.
func (s *saver) q(query string) *sql.Stmt {
	if s.stmts.tx == nil {
		s.stmts = txStmts{ctx: s.ctx, tx: s.tx, db: s.db}
	}
	return s.stmts.stmt(query)
}

func (s *saver) save(it *newsdesk.Item, secs []*newsdesk.Section, d *derived) error {
	if s.known.seen[it.Key] || it.CanonicalLink != "" && s.known.seenLinks[it.CanonicalLink] {
		s.out.Seen++
		return nil
	}
	k, ok := s.known.items[it.Key]
	switch {
	case !ok:
		if d == nil {
			dd := derive(it)
			d = &dd
		}
		return s.insert(it, secs, d)
	case k.hash == it.ContentHash:
		s.out.Unchanged++
		return nil
	default:
		it.ID = k.id
		return s.update(it, secs)
	}
}

// sortAt is the stable sort date of a new item: its published date, never
// after the time it was first seen, and — once the source's first fetch has
// filled the backlog — never more than a day before it, so a backdated item
// does not vanish below the section's limit.
func (s *saver) sortAt(it *newsdesk.Item) time.Time {
	t := it.Published
	if t.IsZero() || t.After(s.now) {
		return s.now
	}
	if floor := s.now.Add(-24 * time.Hour); !s.backfill && t.Before(floor) {
		return floor
	}
	return t
}

// insRow is a new item's row as insertRows wrote it.
type insRow struct {
	sigBytes []byte
	story    time.Time
	ord      int64
}

// newItemColumns are the columns of a new item's row, in qInsertItem's order.
const newItemColumns = `source_id, key, guid, link, canonical_link, title,
		summary, content_html, authors, categories, enclosures, image_url, language, published_at, updated_at,
		first_seen_at, sort_at, modified_at, content_hash, title_key, story_at, ord, words, seq`

// insertRows writes the rows and signatures of new items (keys unique
// within the source) in multi-row statements, and sets their ids; insert
// files them.
func (s *saver) insertRows(items []*newsdesk.Item, ds []*derived) error {
	if s.ins == nil {
		s.ins = map[*newsdesk.Item]insRow{}
	}
	for _, n := range runs(len(items)) {
		chunk, cd := items[:n], ds[:n]
		items, ds = items[n:], ds[n:]
		args := make([]any, 0, 24*n)
		byKey := make(map[string]*newsdesk.Item, n)
		for i, it := range chunk {
			d := cd[i]
			it.FirstSeen, it.ModifiedAt = s.now, s.now
			it.SortAt = s.sortAt(it)
			sigBytes, err := d.sig.MarshalBinary()
			if err != nil {
				return err
			}
			r := insRow{sigBytes: sigBytes, story: curate.StoryDate(it.Published, s.now), ord: curate.OrdKey(s.source.URL, it.Key)}
			s.ins[it] = r
			byKey[it.Key] = it
			args = append(args, s.sourceID, it.Key, it.GUID, it.Link, it.CanonicalLink, it.Title, it.Summary, it.ContentHTML,
				jsonList(it.Authors), jsonList(it.Categories), jsonList(it.Enclosures), it.ImageURL, it.Language,
				unix(it.Published), unix(it.Updated), s.now.Unix(), it.SortAt.Unix(), s.now.Unix(), it.ContentHash,
				d.titleKey, r.story.Unix(), r.ord, d.words, s.seq)
		}
		rows, err := s.q(multiRow(qInsertItemsHead, 24, n, qInsertItemsTail)).QueryContext(s.ctx, args...)
		if err != nil {
			return err
		}
		got := 0
		for rows.Next() {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				rows.Close()
				return err
			}
			if it := byKey[key]; it != nil {
				it.ID = id
				got++
			}
		}
		err = rows.Close()
		if err == nil {
			err = rows.Err()
		}
		if err != nil {
			return err
		}
		if got != n {
			return fmt.Errorf("insert items: %d ids returned for %d rows", got, n)
		}
		args = args[:0]
		for _, it := range chunk {
			if raw := s.ins[it].sigBytes; len(raw) > 0 {
				args = append(args, it.ID, raw)
			}
		}
		if err := s.writeSignatures(args); err != nil {
			return err
		}
	}
	return nil
}

// writeSignatures inserts (item id, signature) pairs.
func (s *saver) writeSignatures(args []any) error {
	for _, n := range runs(len(args) / 2) {
		if _, err := s.q(multiRow(qInsertSigsHead, 2, n, "")).ExecContext(s.ctx, args[:2*n]...); err != nil {
			return err
		}
		args = args[2*n:]
	}
	return nil
}

func (s *saver) insert(it *newsdesk.Item, secs []*newsdesk.Section, d *derived) error {
	sig, titleKey := d.sig, d.titleKey
	r, written := s.ins[it]
	if !written {
		it.FirstSeen, it.ModifiedAt = s.now, s.now
		it.SortAt = s.sortAt(it)
		sigBytes, err := sig.MarshalBinary()
		if err != nil {
			return err
		}
		r = insRow{sigBytes: sigBytes, story: curate.StoryDate(it.Published, s.now), ord: curate.OrdKey(s.source.URL, it.Key)}
		authors, categories, enclosures := jsonList(it.Authors), jsonList(it.Categories), jsonList(it.Enclosures)
		err = s.q(qInsertItem).QueryRowContext(s.ctx,
			s.sourceID, it.Key, it.GUID, it.Link, it.CanonicalLink, it.Title, it.Summary, it.ContentHTML,
			authors, categories, enclosures, it.ImageURL, it.Language, unix(it.Published), unix(it.Updated),
			s.now.Unix(), it.SortAt.Unix(), s.now.Unix(), it.ContentHash, titleKey,
			r.story.Unix(), r.ord, d.words, s.seq).Scan(&it.ID)
		if err != nil {
			return err
		}
		if len(sigBytes) > 0 {
			if _, err := s.q(qInsertSignature).ExecContext(s.ctx, it.ID, sigBytes); err != nil {
				return err
			}
		}
	}
	sigBytes, story, ord := r.sigBytes, r.story, r.ord
	s.out.New++
	ci := curate.Item{ID: it.ID, Source: s.source.URL, Key: it.Key, Link: it.CanonicalLink, TitleKey: titleKey,
		StoryAt: story, Words: d.words, Ord: ord, Sig: sig}
	p := pendingItem{sortAt: it.SortAt.Unix(), ord: ord, fresh: true}
	if s.et.buffer {
		// The member as a look-up would read it back from the database:
		// date to the second, signature as stored.
		p.item = ci
		p.item.StoryAt = time.Unix(story.Unix(), 0).UTC()
		p.item.Sig = nil
		if len(sigBytes) > 0 {
			_ = p.item.Sig.UnmarshalBinary(sigBytes)
		}
	}
	s.et.pending[it.ID] = p
	for _, sec := range secs {
		p, err := s.db.engine.File(s.et, sec, ci, it, s.now)
		if err != nil {
			return fmt.Errorf("section %s: %w", sec.ID, err)
		}
		state := p.State
		if p.Joined {
			state = StateDuplicate // a new report of a story already there
		}
		s.count(sec.ID, state)
	}
	if s.et.buffer {
		return nil // the fetch's later items find it in the buffer
	}
	if s.known.links != nil && it.CanonicalLink != "" {
		s.known.links[it.CanonicalLink] = true // for the fetch's later items
	}
	if s.known.titles != nil && titleKey != "" {
		s.known.titles[titleKey] = true
	}
	return nil
}

// dateSection gives the section a version row dated now if it has none.
func (s *saver) dateSection(id string) error {
	s.db.mu.RLock()
	dated := s.db.dated[id]
	s.db.mu.RUnlock()
	if dated {
		return nil
	}
	if _, err := s.tx.ExecContext(s.ctx, `INSERT INTO section_versions (section, version, changed_at) VALUES (?, 1, ?)
		ON CONFLICT (section) DO NOTHING`, id, s.now.Unix()); err != nil {
		return fmt.Errorf("date section %s: %w", id, err)
	}
	s.datedNow = append(s.datedNow, id) // remembered once the transaction commits
	return nil
}

// count adds a new item's decision to the section's counts.
func (s *saver) count(section, state string) {
	c := s.out.Sections[section]
	if c == nil {
		c = &SectionCounts{}
		s.out.Sections[section] = c
	}
	switch state {
	case StateIn:
		c.In++
	case StateDuplicate:
		c.Duplicate++
	case StateFiltered:
		c.Filtered++
	}
}

// update rewrites a known item whose content changed, keeping its identity,
// first-seen and sort dates (the output shows the change as its updated
// date). The item is signed again and placed again in each of its
// sections: it may join, leave or merge stories.
func (s *saver) update(it *newsdesk.Item, secs []*newsdesk.Section) error {
	var firstSeen int64
	if err := s.tx.QueryRowContext(s.ctx, `SELECT first_seen_at FROM items WHERE id = ?`, it.ID).Scan(&firstSeen); err != nil {
		return err
	}
	d := derive(it)
	story := curate.StoryDate(it.Published, time.Unix(firstSeen, 0))
	if it.Published.IsZero() {
		// The source dropped the date: the stored one stays.
		if err := s.tx.QueryRowContext(s.ctx, `SELECT story_at FROM items WHERE id = ?`, it.ID).Scan(&firstSeen); err != nil {
			return err
		}
		story = time.Unix(firstSeen, 0)
	}
	_, err := s.tx.ExecContext(s.ctx, `UPDATE items SET guid = ?, link = ?, canonical_link = ?, title = ?,
		summary = ?, content_html = ?, authors = ?, categories = ?, enclosures = ?, image_url = ?, language = ?,
		published_at = CASE WHEN ? = 0 THEN published_at ELSE ? END, updated_at = ?, modified_at = ?,
		content_hash = ?, title_key = ?, story_at = ?, words = ?, seq = ? WHERE id = ?`,
		it.GUID, it.Link, it.CanonicalLink, it.Title, it.Summary, it.ContentHTML, jsonList(it.Authors),
		jsonList(it.Categories), jsonList(it.Enclosures), it.ImageURL, it.Language,
		unix(it.Published), unix(it.Published), unix(it.Updated), s.now.Unix(), it.ContentHash,
		d.titleKey, story.Unix(), d.words, s.seq, it.ID)
	if err != nil {
		return err
	}
	if err := s.writeSignature(it.ID, d.sig); err != nil {
		return err
	}
	s.out.Updated++
	ci := curate.Item{ID: it.ID, Source: s.source.URL, Key: it.Key, Link: it.CanonicalLink, TitleKey: d.titleKey,
		StoryAt: story.UTC(), Words: d.words, Ord: curate.OrdKey(s.source.URL, it.Key), Sig: d.sig}
	for _, sec := range secs {
		old, err := s.memberRow(sec.ID, it.ID)
		if err != nil {
			return err
		}
		if old == nil {
			continue // not filed there (a section it was never placed in)
		}
		if old.State != StateFiltered {
			if c := s.out.Sections[sec.ID]; c != nil {
				c.Updated++
			}
			s.changed[sec.ID] = true
		}
		if _, err := s.db.engine.Refile(s.et, sec, *old, ci, it, s.now); err != nil {
			return fmt.Errorf("section %s: %w", sec.ID, err)
		}
	}
	return nil
}

// writeSignature stores (or removes) an item's near-duplicate signature.
func (s *saver) writeSignature(id int64, sig neardup.Signature) error {
	raw, err := sig.MarshalBinary()
	if err != nil {
		return err
	}
	if len(raw) == 0 {
		_, err = s.tx.ExecContext(s.ctx, `DELETE FROM signatures WHERE item_id = ?`, id)
		return err
	}
	_, err = s.tx.ExecContext(s.ctx, `INSERT INTO signatures (item_id, signature) VALUES (?, ?)
		ON CONFLICT (item_id) DO UPDATE SET signature = excluded.signature`, id, raw)
	return err
}

func jsonList[T any](v []T) string {
	if len(v) == 0 {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}
