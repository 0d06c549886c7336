package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"newsdesk"
	"newsdesk/curate"
	"newsdesk/neardup"
)

// Full text (package article): the extractions of article pages, the
// decision taken for each item of a full_text source, the upgrade of an
// item to its article's text, and the per-site block counts of the
// recurring-block detection.

// ArticleItem is an item of a full_text source that has no full-text
// decision for its current version in its feed.
type ArticleItem struct {
	ID            int64
	Link          string
	CanonicalLink string
	Title         string
	Summary       string
	ContentHTML   string
	ContentHash   string
	ImageURL      string
	HasAuthors    bool
	Published     time.Time
	Changed       bool // decided before, for an older version of the item: refetch (conditionally)
	Tries         int  // transient failures so far
}

// maxArticleTries bounds the attempts after transient failures (timeouts,
// 5xx, network errors) for one version of an item.
const maxArticleTries = 3

// PendingArticles returns up to limit items of the source, newest first,
// that wait for a full-text decision: never decided, changed in their feed
// since, or failed transiently fewer than three times.
func (db *DB) PendingArticles(ctx context.Context, sourceURL string, limit int) ([]ArticleItem, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT i.id, i.link, i.canonical_link, i.title, i.summary, i.content_html,
		i.content_hash, i.image_url, i.authors <> '', i.published_at,
		ia.item_id IS NOT NULL AND ia.feed_hash <> i.content_hash, coalesce(ia.tries, 0)
		FROM items i JOIN sources s ON s.id = i.source_id LEFT JOIN item_articles ia ON ia.item_id = i.id
		WHERE s.url = ? AND i.link <> ''
		AND (ia.item_id IS NULL OR ia.feed_hash <> i.content_hash OR (ia.state = 'retry' AND ia.tries < ?))
		ORDER BY i.sort_at DESC, i.id DESC LIMIT ?`, sourceURL, maxArticleTries, limit)
	if err != nil {
		return nil, fmt.Errorf("read pending articles of %s: %w", sourceURL, err)
	}
	defer rows.Close()
	var out []ArticleItem
	for rows.Next() {
		var it ArticleItem
		var published int64
		if err := rows.Scan(&it.ID, &it.Link, &it.CanonicalLink, &it.Title, &it.Summary, &it.ContentHTML,
			&it.ContentHash, &it.ImageURL, &it.HasAuthors, &published, &it.Changed, &it.Tries); err != nil {
			return nil, fmt.Errorf("read pending articles of %s: %w", sourceURL, err)
		}
		it.Published = fromUnix(published)
		out = append(out, it)
	}
	return out, rows.Err()
}

// UpgradedItem is an item of a source that publishes its article's text,
// with the stored extraction it was made from.
type UpgradedItem struct {
	ID          int64
	Title       string
	ContentHash string
	ContentHTML string // as published
	Key         string // the article's key
	Article     Article
}

// UpgradedArticles returns the newest limit items of the source that
// publish their article's text, with their stored extractions, for
// cleaning them again when the site's furniture is better known.
func (db *DB) UpgradedArticles(ctx context.Context, sourceURL string, limit int) ([]UpgradedItem, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT i.id, i.title, i.content_hash, i.content_html, a.url, a.final_url, a.html
		FROM items i JOIN sources s ON s.id = i.source_id
		JOIN item_articles ia ON ia.item_id = i.id AND ia.state = 'full' AND ia.feed_hash = i.content_hash
		JOIN articles a ON a.url = ia.url
		WHERE s.url = ? AND a.html <> '' ORDER BY i.sort_at DESC, i.id DESC LIMIT ?`, sourceURL, limit)
	if err != nil {
		return nil, fmt.Errorf("read upgraded items of %s: %w", sourceURL, err)
	}
	defer rows.Close()
	var out []UpgradedItem
	for rows.Next() {
		var u UpgradedItem
		if err := rows.Scan(&u.ID, &u.Title, &u.ContentHash, &u.ContentHTML, &u.Key, &u.Article.FinalURL, &u.Article.HTML); err != nil {
			return nil, fmt.Errorf("read upgraded items of %s: %w", sourceURL, err)
		}
		u.Article.URL = u.Key
		out = append(out, u)
	}
	return out, rows.Err()
}

// Article is one article page as stored: its extraction (HTML, unsafe to
// publish as it is), or the error that left it without one.
type Article struct {
	URL          string // key: the canonical link of the items that carry it
	FinalURL     string
	Canonical    string
	Status       int
	ETag         string
	LastModified string
	HTML         string
	Byline       string
	Published    time.Time
	ImageURL     string
	Error        string
	FetchedAt    time.Time
}

// StoredArticle returns the stored article for url; false when none.
func (db *DB) StoredArticle(ctx context.Context, url string) (Article, bool, error) {
	var a Article
	var published, fetched int64
	err := db.r.QueryRowContext(ctx, `SELECT url, final_url, canonical, status, etag, last_modified, html, byline,
		published_at, image_url, error, fetched_at FROM articles WHERE url = ?`, url).Scan(&a.URL, &a.FinalURL,
		&a.Canonical, &a.Status, &a.ETag, &a.LastModified, &a.HTML, &a.Byline, &published, &a.ImageURL, &a.Error, &fetched)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, false, nil
	}
	if err != nil {
		return Article{}, false, fmt.Errorf("read article %s: %w", url, err)
	}
	a.Published, a.FetchedAt = fromUnix(published), fromUnix(fetched)
	return a, true, nil
}

// SaveArticle stores (or replaces) an article.
func (db *DB) SaveArticle(ctx context.Context, a Article) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO articles (url, final_url, canonical, status, etag, last_modified,
			html, byline, published_at, image_url, error, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, canonical = excluded.canonical,
			status = excluded.status, etag = excluded.etag, last_modified = excluded.last_modified, html = excluded.html,
			byline = excluded.byline, published_at = excluded.published_at, image_url = excluded.image_url,
			error = excluded.error, fetched_at = excluded.fetched_at`,
			a.URL, a.FinalURL, a.Canonical, a.Status, a.ETag, a.LastModified, a.HTML, a.Byline, unix(a.Published),
			a.ImageURL, a.Error, unix(a.FetchedAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("save article %s: %w", a.URL, err)
	}
	return nil
}

// PruneArticles deletes the stored articles no item refers to any more
// (retention pruned them) that were fetched before olderThan, and returns
// how many.
func (db *DB) PruneArticles(ctx context.Context, olderThan time.Time) (int, error) {
	var n int64
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE fetched_at < ?
			AND NOT EXISTS (SELECT 1 FROM item_articles ia WHERE ia.url = articles.url)`, olderThan.Unix())
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("prune articles: %w", err)
	}
	return int(n), nil
}

// Article decision states.
const (
	ArticleFull    = "full"    // the article's text is published
	ArticleKept    = "kept"    // the feed's text stays; Reason says why
	ArticleRetry   = "retry"   // a transient failure; tried again
	ArticleSkipped = "skipped" // not wanted (auto: not a summary, or off-site)
)

// ArticleDecision is the full-text decision for one version of an item.
type ArticleDecision struct {
	ItemID   int64
	URL      string
	FeedHash string // the item's ContentHash the decision is for
	State    string
	Reason   string
	Words    int
}

// RecordArticle stores a decision that leaves the item's content as it is
// (kept, retry, skipped). A retry counts one more try of the same version
// of the item.
func (db *DB) RecordArticle(ctx context.Context, d ArticleDecision) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error { return recordArticle(ctx, tx, d, db.Now().Unix()) })
	if err != nil {
		return fmt.Errorf("record article of item %d: %w", d.ItemID, err)
	}
	return nil
}

func recordArticle(ctx context.Context, tx *sql.Tx, d ArticleDecision, now int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO item_articles (item_id, url, feed_hash, state, reason, tries, words, decided_at)
		SELECT CAST(? AS BIGINT), ?, ?, ?, ?, CASE WHEN ? = 'retry' THEN 1 ELSE 0 END, CAST(? AS BIGINT), CAST(? AS BIGINT)
		WHERE EXISTS (SELECT 1 FROM items WHERE id = ?)
		ON CONFLICT (item_id) DO UPDATE SET url = excluded.url, state = excluded.state, reason = excluded.reason,
		tries = CASE WHEN excluded.state = 'retry' AND item_articles.feed_hash = excluded.feed_hash
			THEN item_articles.tries + 1 ELSE excluded.tries END,
		feed_hash = excluded.feed_hash, words = excluded.words, decided_at = excluded.decided_at`,
		d.ItemID, d.URL, d.FeedHash, d.State, d.Reason, d.State, d.Words, now, d.ItemID)
	return err
}

// Upgrade is an item's content replaced by its article's text.
type Upgrade struct {
	ItemID      int64
	FeedHash    string // the item's ContentHash when read: a changed item is left alone
	URL         string
	Title       string // the item's title, for its near-duplicate signature
	ContentHTML string // sanitized
	Lead        string // first words of the text, for the signature
	Words       int
	ImageURL    string   // set when the item has none
	Authors     []string // set when the item has none
	Published   time.Time
	Canonical   string // the page's canonical link, canonical form; "" keeps the item's
}

// UpgradeItem publishes an item's article text in one transaction: its
// content (the feed's content hash stays, so an unchanged feed does not
// undo it), its lead image, authors and published date where the feed
// gave none (the page's date becomes the story date then), its canonical
// link, its near-duplicate signature and word count made from the full
// text, the decision, and its place again in every section it is filed in
// (the curation engine's Refile: with its text, it may now join the story
// another source tells, and it ranks as a full report), with a new
// version of each section whose feed changed. It returns those sections;
// none when the item changed since it was read (it is then pending
// again).
func (db *DB) UpgradeItem(ctx context.Context, u Upgrade) ([]string, error) {
	sig := neardup.Sign(u.Title, u.Lead)
	words := curate.Words(u.Lead)
	now := db.Now().UTC()
	out := Outcome{Sections: map[string]*SectionCounts{}}
	var changed []string
	err := db.inNearTx(ctx, func(tx *sql.Tx, nt *nearTx) error {
		var titleKey string
		var storyAt, sourceID int64
		row := tx.QueryRowContext(ctx, `SELECT `+itemColumns+`, i.title_key, i.story_at, i.source_id
			FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ? AND i.content_hash = ?`, u.ItemID, u.FeedHash)
		it, err := scanItem(scanWith{row, []any{&titleKey, &storyAt, &sourceID}})
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		it.ContentHTML = u.ContentHTML
		if it.ImageURL == "" {
			it.ImageURL = u.ImageURL
		}
		if len(it.Authors) == 0 {
			it.Authors = u.Authors
		}
		story := fromUnix(storyAt)
		if it.Published.IsZero() && !u.Published.IsZero() {
			it.Published = u.Published
			story = curate.StoryDate(u.Published, it.FirstSeen)
		}
		if u.Canonical != "" {
			it.CanonicalLink = u.Canonical
		}
		s := db.newSaver(ctx, tx, nt, now, newsdesk.Source{URL: it.SourceURL}, &out)
		s.sourceID = sourceID
		if _, err := tx.ExecContext(ctx, `UPDATE items SET content_html = ?, image_url = ?, authors = ?, published_at = ?,
			canonical_link = ?, story_at = ?, words = ?, modified_at = ?, seq = ? WHERE id = ?`,
			it.ContentHTML, it.ImageURL, jsonList(it.Authors), unix(it.Published), it.CanonicalLink, story.Unix(),
			words, now.Unix(), s.seq, it.ID); err != nil {
			return err
		}
		if err := s.writeSignature(it.ID, sig); err != nil {
			return err
		}
		if err := recordArticle(ctx, tx, ArticleDecision{ItemID: u.ItemID, URL: u.URL, FeedHash: u.FeedHash,
			State: ArticleFull, Words: u.Words}, now.Unix()); err != nil {
			return err
		}
		var filed []string
		rows, err := tx.QueryContext(ctx, `SELECT section FROM section_items WHERE item_id = ?`, it.ID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var sec string
			if err := rows.Scan(&sec); err != nil {
				rows.Close()
				return err
			}
			filed = append(filed, sec)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		ci := curate.Item{ID: it.ID, Source: it.SourceURL, Key: it.Key, Link: it.CanonicalLink, TitleKey: titleKey,
			StoryAt: story.UTC(), Words: words, Ord: curate.OrdKey(it.SourceURL, it.Key), Sig: sig}
		for _, id := range filed {
			sec := db.section(id)
			if sec == nil {
				continue // a section no longer configured
			}
			old, err := s.memberRow(id, it.ID)
			if err != nil {
				return err
			}
			if old == nil {
				continue
			}
			if old.State != StateFiltered {
				s.changed[id] = true
			}
			if _, err := db.engine.Refile(s.et, sec, *old, ci, &it, now); err != nil {
				return fmt.Errorf("section %s: %w", id, err)
			}
		}
		if s.err != nil {
			return s.err
		}
		changed = changed[:0]
		for id := range s.changed {
			changed = append(changed, id)
			if err := bumpVersion(ctx, tx, id, now.Unix()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("upgrade item %d: %w", u.ItemID, err)
	}
	sort.Strings(changed)
	return changed, nil
}

// LearnBlocks counts one more page of host holding each of the block
// digests (each counted once), and forgets the blocks seen on a single
// page more than 30 days ago, so the table keeps what recurs.
func (db *DB) LearnBlocks(ctx context.Context, host string, digests []string) error {
	now := db.Now().UTC().Unix()
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO site_pages (host, pages) VALUES (?, 1)
			ON CONFLICT (host) DO UPDATE SET pages = site_pages.pages + 1`, host); err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, d := range digests {
			if seen[d] {
				continue
			}
			seen[d] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO site_blocks (host, digest, pages, last_seen) VALUES (?, ?, 1, ?)
				ON CONFLICT (host, digest) DO UPDATE SET pages = site_blocks.pages + 1, last_seen = excluded.last_seen`, host, d, now); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM site_blocks WHERE host = ? AND pages = 1 AND last_seen < ?`,
			host, now-30*24*3600)
		return err
	})
	if err != nil {
		return fmt.Errorf("learn blocks of %s: %w", host, err)
	}
	return nil
}

// RecurringBlocks returns which of the digests host's pages hold on at
// least minPages pages and at least share of the pages learned.
func (db *DB) RecurringBlocks(ctx context.Context, host string, digests []string, minPages int, share float64) (map[string]bool, error) {
	out := map[string]bool{}
	if len(digests) == 0 {
		return out, nil
	}
	var pages int
	err := db.r.QueryRowContext(ctx, `SELECT pages FROM site_pages WHERE host = ?`, host).Scan(&pages)
	if errors.Is(err, sql.ErrNoRows) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read blocks of %s: %w", host, err)
	}
	need := max(minPages, int(share*float64(pages)+0.999))
	for len(digests) > 0 {
		n := min(len(digests), 500)
		args := []any{host, need}
		for _, d := range digests[:n] {
			args = append(args, d)
		}
		digests = digests[n:]
		rows, err := db.r.QueryContext(ctx, `SELECT digest FROM site_blocks WHERE host = ? AND pages >= ? AND digest IN (?`+
			strings.Repeat(", ?", n-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("read blocks of %s: %w", host, err)
		}
		for rows.Next() {
			var d string
			if err := rows.Scan(&d); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read blocks of %s: %w", host, err)
			}
			out[d] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read blocks of %s: %w", host, err)
		}
	}
	return out, nil
}

// ArticleState is an item's full-text decision, for explain.
type ArticleState struct {
	State  string
	Reason string
	Words  int
	Tries  int // transient failures of the current version of the item
}

// String describes the decision in a few words.
func (s ArticleState) String() string {
	switch s.State {
	case ArticleFull:
		return fmt.Sprintf("full text (%d words)", s.Words)
	case ArticleKept:
		return "summary kept: " + s.Reason
	case ArticleRetry:
		if s.Tries >= maxArticleTries {
			return fmt.Sprintf("summary kept: %s (%d tries)", s.Reason, s.Tries)
		}
		return "summary kept for now: " + s.Reason
	case ArticleSkipped:
		return "not fetched: " + s.Reason
	}
	return ""
}

// ArticleStates returns the full-text decisions of the items that have
// one.
func (db *DB) ArticleStates(ctx context.Context, ids []int64) (map[int64]ArticleState, error) {
	out := map[int64]ArticleState{}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		chunk := ids[:n]
		ids = ids[n:]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := db.r.QueryContext(ctx, `SELECT item_id, state, reason, words, tries FROM item_articles WHERE item_id IN (?`+
			strings.Repeat(", ?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("read article states: %w", err)
		}
		for rows.Next() {
			var id int64
			var s ArticleState
			if err := rows.Scan(&id, &s.State, &s.Reason, &s.Words, &s.Tries); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read article states: %w", err)
			}
			out[id] = s
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read article states: %w", err)
		}
	}
	return out, nil
}

// ArticleRate counts a source's items by full-text outcome.
type ArticleRate struct {
	Full    int // published with their article's text
	Kept    int // the article failed: the summary stays
	Skipped int // not wanted
}

// Rate is the share of fetched articles that gave text, from 0 to 1; -1
// when none was tried.
func (r ArticleRate) Rate() float64 {
	if r.Full+r.Kept == 0 {
		return -1
	}
	return float64(r.Full) / float64(r.Full+r.Kept)
}

// ArticleRates returns the full-text outcomes per source URL.
func (db *DB) ArticleRates(ctx context.Context) (map[string]ArticleRate, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT s.url, ia.state, count(*) FROM item_articles ia
		JOIN items i ON i.id = ia.item_id JOIN sources s ON s.id = i.source_id GROUP BY s.url, ia.state`)
	if err != nil {
		return nil, fmt.Errorf("read article rates: %w", err)
	}
	defer rows.Close()
	out := map[string]ArticleRate{}
	for rows.Next() {
		var u, state string
		var n int
		if err := rows.Scan(&u, &state, &n); err != nil {
			return nil, fmt.Errorf("read article rates: %w", err)
		}
		r := out[u]
		switch state {
		case ArticleFull:
			r.Full += n
		case ArticleKept, ArticleRetry:
			r.Kept += n
		case ArticleSkipped:
			r.Skipped += n
		}
		out[u] = r
	}
	return out, rows.Err()
}
