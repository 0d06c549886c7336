package feedgen

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsdesk"
)

// ErrBadRequest marks invalid query parameters; the handler answers 400.
var ErrBadRequest = errors.New("bad request")

// maxLimit bounds ?limit=: the largest limit a section may have
// (config.MaxLimit), so that any section's whole feed can be asked for.
const maxLimit = 1000

// formatPage encodes where a next page starts, for ?before=: the
// position just past the last item shown (its sort date in Unix seconds
// and nanoseconds, and its order key, dot-separated), then, for each source the
// section's source cap held back, "_", the source key, "." and that
// source's own position.
func formatPage(p *newsdesk.Page) string {
	var b strings.Builder
	if p.Before != nil {
		b.WriteString(cursorString(*p.Before))
	}
	for _, d := range p.Deferred {
		b.WriteString("_" + d.Source + "." + cursorString(d.At))
	}
	return b.String()
}

func cursorString(c newsdesk.Cursor) string {
	t, id := c.SortAt, c.Ord
	return strconv.FormatInt(t.Unix(), 10) + "." + strconv.Itoa(t.Nanosecond()) + "." + strconv.FormatInt(id, 10)
}

// parsePage decodes a ?before= value written by formatPage.
func parsePage(s string) (before *newsdesk.Cursor, deferred []newsdesk.SourceCursor, err error) {
	parts := strings.Split(s, "_")
	if parts[0] != "" || len(parts) == 1 {
		if before, err = parseCursor(parts[0]); err != nil {
			return nil, nil, err
		}
	}
	for _, p := range parts[1:] {
		key, pos, ok := strings.Cut(p, ".")
		if !ok || key == "" || len(key) > 16 || strings.Trim(key, "0123456789abcdefghijklmnopqrstuvwxyz") != "" {
			return nil, nil, fmt.Errorf("%w: cursor %q: want SECONDS.NANOS.ORD, then _SOURCE.SECONDS.NANOS.ORD", ErrBadRequest, s)
		}
		c, err := parseCursor(pos)
		if err != nil {
			return nil, nil, err
		}
		deferred = append(deferred, newsdesk.SourceCursor{Source: key, At: *c})
	}
	if len(deferred) > maxLimit {
		return nil, nil, fmt.Errorf("%w: cursor %q holds too many sources", ErrBadRequest, s)
	}
	return before, deferred, nil
}

// parseCursor decodes one position written by cursorString.
func parseCursor(s string) (*newsdesk.Cursor, error) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("%w: cursor %q: want SECONDS.NANOS.ORD", ErrBadRequest, s)
	}
	sec, err1 := strconv.ParseInt(parts[0], 10, 64)
	nsec, err2 := strconv.ParseInt(parts[1], 10, 64)
	id, err3 := strconv.ParseInt(parts[2], 10, 64)
	if err := errors.Join(err1, err2, err3); err != nil || nsec < 0 || nsec > 999_999_999 {
		return nil, fmt.Errorf("%w: cursor %q", ErrBadRequest, s)
	}
	return &newsdesk.Cursor{SortAt: time.Unix(sec, nsec).UTC(), Ord: id}, nil
}

// pageQuery is a validated feed request: how many items, from where.
type pageQuery struct {
	limit  int    // items per page
	before string // cursor, re-encoded, "" for the first page
	page   newsdesk.Page
	first  bool // the first page at the section's default limit
}

// parsePageQuery validates ?limit= (1..maxLimit) and ?before=; def is the
// section's feed length.
func parsePageQuery(rawQuery string, def int) (pageQuery, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return pageQuery{}, fmt.Errorf("%w: query: %v", ErrBadRequest, err)
	}
	pq := pageQuery{limit: def}
	if vs, ok := q["limit"]; ok {
		if len(vs) != 1 {
			return pageQuery{}, fmt.Errorf("%w: limit given %d times", ErrBadRequest, len(vs))
		}
		n, err := strconv.Atoi(vs[0])
		if err != nil || n < 1 || n > maxLimit {
			return pageQuery{}, fmt.Errorf("%w: limit %q: want an integer from 1 to %d", ErrBadRequest, vs[0], maxLimit)
		}
		pq.limit = n
	}
	if vs, ok := q["before"]; ok {
		if len(vs) != 1 {
			return pageQuery{}, fmt.Errorf("%w: before given %d times", ErrBadRequest, len(vs))
		}
		if pq.page.Before, pq.page.Deferred, err = parsePage(vs[0]); err != nil {
			return pageQuery{}, err
		}
		pq.before = formatPage(&pq.page) // one cache key per position
	}
	pq.page.Limit = pq.limit
	pq.first = pq.before == "" && pq.limit == def
	return pq, nil
}

// pageURL is the feed URL of one page; the canonical URL for the first
// page at the default limit.
func (o Options) pageURL(id, format string, limit int, before string, def int) string {
	u := o.feedURL(id, format)
	v := url.Values{}
	if before != "" {
		v.Set("before", before)
	}
	if limit != def {
		v.Set("limit", strconv.Itoa(limit))
	}
	if len(v) == 0 {
		return u
	}
	return u + "?" + v.Encode()
}
