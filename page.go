package newsdesk

import (
	"hash/fnv"
	"strconv"
)

// SourceCursor is where one source resumes in a paged section feed: its
// items strictly older than At are not shown yet. A page records one for
// each source the section's source cap held back.
type SourceCursor struct {
	Source string // SourceKey of the source URL
	At     Cursor // position of the source's last item shown
}

// SourceKey is the short stable key of a source URL used in SourceCursor
// (an FNV-1a digest in hex): a paging cursor stays small whatever the URL.
func SourceKey(sourceURL string) string {
	h := fnv.New64a()
	h.Write([]byte(sourceURL))
	return strconv.FormatUint(h.Sum64(), 36)
}

// CompareCursors orders positions in a section feed: -1 when a comes
// before b (newer), 0 when equal, +1 when a comes after b (older).
func CompareCursors(a, b Cursor) int {
	switch {
	case a.SortAt.After(b.SortAt):
		return -1
	case a.SortAt.Before(b.SortAt):
		return 1
	case a.Ord > b.Ord:
		return -1
	case a.Ord < b.Ord:
		return 1
	}
	return 0
}

// ItemCursor is the position of it in its section feed.
func ItemCursor(it *Item) Cursor { return Cursor{SortAt: it.SortAt, Ord: it.Ord} }

// PerSource is how many items of one page of limit items one source may
// take under the share cap (0 or 1: no cap, returned as 0): the largest
// whole number within the share, and at least one.
func PerSource(sourceCap float64, limit int) int {
	if sourceCap <= 0 || sourceCap >= 1 {
		return 0
	}
	return max(1, int(sourceCap*float64(limit)))
}

// PageStart is the position a page's walk starts from (exclusive): the
// newest of page.Before and its source cursors; nil for the first page.
func PageStart(page Page) *Cursor {
	start := page.Before
	for i := range page.Deferred {
		if at := page.Deferred[i].At; start == nil || CompareCursors(at, *start) < 0 {
			start = &at
		}
	}
	return start
}

// maxScanPerItem bounds how many items a page's walk examines per item of
// the page: a page of a section one capped source dominates stops early,
// short, rather than reading the whole section.
const maxScanPerItem = 10

// Paginate builds one page of a section feed. next yields the section's
// items in feed order (newest first), starting strictly after
// PageStart(page), and false at the end. Every page holds at most
// page.Limit items and, when perSource > 0, at most perSource of one
// source; the items a source is held back from go to later pages, never
// away: following the returned next pages from any first page reaches
// every item of the section exactly once. next is nil when no item is
// left. Paginate is pure: the same items and page give the same result.
func Paginate(page Page, perSource int, next func() (Item, bool, error)) ([]Item, *Page, error) {
	limit := page.Limit
	if limit <= 0 {
		limit = 50
	}
	resume := make(map[string]Cursor, len(page.Deferred))
	for _, d := range page.Deferred {
		resume[d.Source] = d.At
	}
	eligible := func(it *Item, key string) bool {
		at, ok := resume[key]
		if !ok {
			if page.Before == nil {
				return true
			}
			at = *page.Before
		}
		return CompareCursors(ItemCursor(it), at) > 0
	}
	var (
		out     []Item
		taken   = map[string]int{}
		last    = map[string]Cursor{} // last item shown per source, this page
		skipped = false
		end     *Cursor // last item examined
		scanned = 0
		more    = false
	)
	for {
		it, ok, err := next()
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			break
		}
		key := SourceKey(it.SourceURL)
		if !eligible(&it, key) {
			continue
		}
		if len(out) == limit || scanned == maxScanPerItem*limit {
			more = true // something is left beyond this page
			break
		}
		scanned++
		c := ItemCursor(&it)
		end = &c
		if perSource > 0 && taken[key] >= perSource {
			skipped = true
			continue
		}
		taken[key]++
		last[key] = c
		out = append(out, it)
	}
	if !more && !skipped {
		return out, nil, nil
	}
	// The new frontier moves only back in the feed.
	before := end
	if page.Before != nil && (before == nil || CompareCursors(*page.Before, *before) > 0) {
		before = page.Before
	}
	np := &Page{Limit: page.Limit, Before: before}
	keys := map[string]Cursor{}
	for k, at := range resume {
		keys[k] = at
	}
	for k, at := range last {
		keys[k] = at
	}
	for k, at := range keys {
		if before == nil || CompareCursors(at, *before) < 0 {
			np.Deferred = append(np.Deferred, SourceCursor{Source: k, At: at})
		}
	}
	sortSourceCursors(np.Deferred)
	return out, np, nil
}

// sortSourceCursors orders cursors by source key, so that a page's next
// cursor, and the URL made of it, is the same every time.
func sortSourceCursors(cs []SourceCursor) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Source < cs[j-1].Source; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}
