package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"newsdesk"
)

const itemColumns = `i.id, i.key, i.guid, i.link, i.canonical_link, i.title, i.summary, i.content_html,
	i.authors, i.categories, i.enclosures, i.image_url, i.language, i.published_at, i.updated_at,
	i.first_seen_at, i.sort_at, i.modified_at, i.content_hash, s.url, s.name, s.title, s.site_url, i.ord`

func scanItem(sc interface{ Scan(...any) error }) (newsdesk.Item, error) {
	var it newsdesk.Item
	var authors, categories, enclosures, name, feedTitle string
	var published, updated, firstSeen, sortAt, modified int64
	err := sc.Scan(&it.ID, &it.Key, &it.GUID, &it.Link, &it.CanonicalLink, &it.Title, &it.Summary,
		&it.ContentHTML, &authors, &categories, &enclosures, &it.ImageURL, &it.Language, &published,
		&updated, &firstSeen, &sortAt, &modified, &it.ContentHash, &it.SourceURL, &name, &feedTitle, &it.SourceSite, &it.Ord)
	if err != nil {
		return it, err
	}
	it.Published, it.Updated = fromUnix(published), fromUnix(updated)
	it.FirstSeen, it.SortAt, it.ModifiedAt = fromUnix(firstSeen), fromUnix(sortAt), fromUnix(modified)
	it.SourceTitle = sourceTitle(name, feedTitle, it.SourceURL)
	unmarshalList(authors, &it.Authors)
	unmarshalList(categories, &it.Categories)
	unmarshalList(enclosures, &it.Enclosures)
	return it, nil
}

func sourceTitle(name, feedTitle, rawURL string) string {
	if name != "" {
		return name
	}
	if feedTitle != "" {
		return feedTitle
	}
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return u.Host
	}
	return rawURL
}

func unmarshalList[T any](s string, dst *[]T) {
	if s != "" {
		_ = json.Unmarshal([]byte(s), dst) // written by jsonList; a bad row reads as empty
	}
}

// SectionItems returns the items of SectionPage.
func (db *DB) SectionItems(ctx context.Context, section string, page newsdesk.Page) ([]newsdesk.Item, error) {
	items, _, err := db.SectionPage(ctx, section, page)
	return items, err
}

// pinnedItems returns the section's published representatives whose pin
// has not expired, newest first.
func (db *DB) pinnedItems(ctx context.Context, section string) ([]newsdesk.Item, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+itemColumns+` FROM section_items si
		JOIN items i ON i.id = si.item_id JOIN sources s ON s.id = i.source_id
		WHERE si.section = ? AND si.pinned_until <> 0 AND si.pinned_until > ? AND si.state = 'in'
		ORDER BY si.sort_at DESC, si.ord DESC`, section, db.Now().Unix())
	if err != nil {
		return nil, fmt.Errorf("read pinned items of %s: %w", section, err)
	}
	defer rows.Close()
	var out []newsdesk.Item
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, fmt.Errorf("read pinned items of %s: %w", section, err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// fillRelated sets Related on each item from the duplicates of its cluster.
func (db *DB) fillRelated(ctx context.Context, section string, items []newsdesk.Item) error {
	if len(items) == 0 {
		return nil
	}
	index := make(map[int64]int, len(items))
	args := []any{section}
	for i, it := range items {
		index[it.ID] = i
		args = append(args, it.ID)
	}
	// The other reports of each story, in an order that depends on the
	// stories alone: their story dates, then their order keys.
	rows, err := db.r.QueryContext(ctx, `SELECT rep.item_id, i.title, i.link, s.url, s.name, s.title
		FROM section_items rep JOIN section_items si ON si.section = rep.section AND si.cluster_id = rep.cluster_id
		JOIN items i ON i.id = si.item_id JOIN sources s ON s.id = i.source_id
		WHERE rep.section = ? AND rep.item_id IN (?`+strings.Repeat(", ?", len(items)-1)+`) AND si.state = 'duplicate'
		AND si.rep_id = rep.item_id
		ORDER BY rep.item_id, i.story_at, i.ord`, args...)
	if err != nil {
		return fmt.Errorf("read related of %s: %w", section, err)
	}
	defer rows.Close()
	for rows.Next() {
		var repID int64
		var r newsdesk.Related
		var srcURL, name, feedTitle string
		if err := rows.Scan(&repID, &r.Title, &r.Link, &srcURL, &name, &feedTitle); err != nil {
			return fmt.Errorf("read related of %s: %w", section, err)
		}
		r.SourceTitle = sourceTitle(name, feedTitle, srcURL)
		it := &items[index[repID]]
		if r.SourceTitle == it.SourceTitle && (r.Link == it.Link || r.Title == it.Title) {
			continue // the same source's own copy (a re-post, a tracking-parameter variant)
		}
		it.Related = append(it.Related, r)
	}
	return rows.Err()
}

// SectionVersions returns a counter per section that grows whenever the
// section's feed changes, in this process or another one on the same file.
func (db *DB) SectionVersions(ctx context.Context) (map[string]int64, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT section, version FROM section_versions`)
	if err != nil {
		return nil, fmt.Errorf("read section versions: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var s string
		var v int64
		if err := rows.Scan(&s, &v); err != nil {
			return nil, err
		}
		out[s] = v
	}
	return out, rows.Err()
}

// Decision is why one item is in, out of, or merged into a section.
type Decision struct {
	ItemID    int64
	Title     string
	Link      string
	Source    string
	State     string // in, filtered, duplicate
	Reason    string
	ClusterID int64
	SortAt    time.Time
	DecidedAt time.Time // when the decision last changed
	Rep       int64     // the representative of its story (filed items)
	Hidden    bool      // an editor hid this item
	Pinned    time.Time // the story's pin, on its representative (zero: none)
}

// Explain returns the decisions for the section's most recent items, newest
// first, limit rows at most.
func (db *DB) Explain(ctx context.Context, section string, limit int) ([]Decision, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT i.id, i.title, i.link, s.url, s.name, s.title, si.state,
		si.reason, si.cluster_id, si.sort_at, si.decided_at, si.rep_id, coalesce(mk.hidden, 0), si.pinned_until
		FROM section_items si JOIN items i ON i.id = si.item_id JOIN sources s ON s.id = i.source_id`+marksJoin+`
		WHERE si.section = ? ORDER BY si.sort_at DESC, si.ord DESC LIMIT ?`, section, limit)
	if err != nil {
		return nil, fmt.Errorf("explain %s: %w", section, err)
	}
	defer rows.Close()
	var out []Decision
	for rows.Next() {
		var d Decision
		var srcURL, name, feedTitle string
		var sortAt, decided, pinned int64
		if err := rows.Scan(&d.ItemID, &d.Title, &d.Link, &srcURL, &name, &feedTitle, &d.State, &d.Reason,
			&d.ClusterID, &sortAt, &decided, &d.Rep, &d.Hidden, &pinned); err != nil {
			return nil, fmt.Errorf("explain %s: %w", section, err)
		}
		d.Source = sourceTitle(name, feedTitle, srcURL)
		d.SortAt, d.DecidedAt, d.Pinned = fromUnix(sortAt), fromUnix(decided), fromUnix(pinned)
		out = append(out, d)
	}
	return out, rows.Err()
}
