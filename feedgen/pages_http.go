package feedgen

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"newsdesk"
)

func (h *Handler) serveIndex(w http.ResponseWriter, r *http.Request) {
	sections, gen := h.allSections(keyIndex)
	rd, err := h.cache.get(cacheKey{section: keyIndex, kind: "index"}, gen, true, func() (*rendered, error) {
		ctx, cancel := renderContext(r)
		defer cancel()
		return h.renderIndex(ctx, sections)
	})
	h.respond(w, r, rd, err)
}

func (h *Handler) renderIndex(ctx context.Context, sections []newsdesk.Section) (*rendered, error) {
	items, newest, err := latestItems(ctx, h.store, sections, indexItems)
	if err != nil {
		return nil, err
	}
	body, err := h.pages.index(sections, items)
	if err != nil {
		return nil, err
	}
	return newRendered(body, typeHTML, newest)
}

// latestItems reads the first n items of each section's feed (n = 0: the
// whole first page) and the newest change among them. They are the first
// items of the feed's own first page, so the source cap shapes the index
// and the pages exactly as it shapes the feed.
func latestItems(ctx context.Context, store Store, sections []newsdesk.Section, n int) ([][]newsdesk.Item, time.Time, error) {
	out := make([][]newsdesk.Item, len(sections))
	var newest time.Time
	for i := range sections {
		items, _, err := store.SectionPage(ctx, sections[i].ID, newsdesk.Page{Limit: sectionLimit(&sections[i])})
		if err != nil {
			return nil, time.Time{}, fmt.Errorf("section %s items: %w", sections[i].ID, err)
		}
		if n > 0 && len(items) > n {
			items = items[:n]
		}
		out[i] = items
		if t := newestChange(items); t.After(newest) {
			newest = t
		}
	}
	return out, newest, nil
}

func (h *Handler) servePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	sec, gen, ok := h.section(id)
	if !ok {
		httpError(w, http.StatusNotFound, "no such section")
		return
	}
	pq, err := parsePageQuery(r.URL.RawQuery, sectionLimit(&sec))
	if err != nil {
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}
	key := cacheKey{section: id, kind: "page", limit: pq.limit, before: pq.before}
	rd, err := h.cache.get(key, gen, pq.first, func() (*rendered, error) {
		ctx, cancel := renderContext(r)
		defer cancel()
		return h.renderPage(ctx, &sec, "", pq)
	})
	h.respond(w, r, rd, err)
}

// renderPage renders one page of a section as HTML: the section page
// (format "") or what a browser sees at the URL of a feed in format. Its
// older and newer links follow the feed's paging.
func (h *Handler) renderPage(ctx context.Context, sec *newsdesk.Section, format string, pq pageQuery) (*rendered, error) {
	items, next, err := h.store.SectionPage(ctx, sec.ID, pq.page)
	if err != nil {
		return nil, fmt.Errorf("section %s items: %w", sec.ID, err)
	}
	def := sectionLimit(sec)
	link := func(before string) string {
		if format != "" {
			return h.opt.pageURL(sec.ID, format, pq.limit, before, def)
		}
		v := url.Values{}
		if before != "" {
			v.Set("before", before)
		}
		if pq.limit != def {
			v.Set("limit", strconv.Itoa(pq.limit))
		}
		if len(v) == 0 {
			return h.pages.pagePath(sec.ID)
		}
		return h.pages.pagePath(sec.ID) + "?" + v.Encode()
	}
	links := pageLinks{format: format}
	if next != nil {
		links.older = link(formatPage(next))
	}
	if pq.before != "" {
		newer, err := newerCursor(ctx, h.store, sec.ID, pq)
		if err != nil {
			return nil, err
		}
		links.newer = link(newer)
	}
	body, err := h.pages.page(sec, items, links)
	if err != nil {
		return nil, err
	}
	return newRendered(body, typeHTML, newestChange(items))
}

// walkMax bounds the walk that finds the page newer than a cursor, in
// items.
const walkMax = 20_000

// newerCursor returns the ?before= value of the page of pq.limit items just
// newer than the page pq asks for ("" when that is the first page). Pages
// are only walked towards older items (the source cap makes a page depend
// on the pages before it), so it walks them from the first page to pq's
// cursor; a cursor it does not meet (an item was pruned, the section
// changed) leads to the first page.
func newerCursor(ctx context.Context, store Store, section string, pq pageQuery) (string, error) {
	prev := "" // cursor of the page being read, "" for the first
	page := &newsdesk.Page{Limit: pq.limit}
	for walked := 0; page != nil && walked < walkMax; {
		items, next, err := store.SectionPage(ctx, section, *page)
		if err != nil {
			return "", fmt.Errorf("section %s items: %w", section, err)
		}
		if next == nil {
			break
		}
		c := formatPage(next)
		if c == pq.before {
			return prev, nil
		}
		walked += len(items)
		prev, page = c, next
	}
	return "", nil
}

func (h *Handler) serveOPML(w http.ResponseWriter, r *http.Request) {
	sections, gen := h.allSections(keyOPML)
	rd, err := h.cache.get(cacheKey{section: keyOPML, kind: "opml"}, gen, true, func() (*rendered, error) {
		body, err := OPML(sections, h.opt)
		if err != nil {
			return nil, err
		}
		return newRendered(body, typeOPML, time.Time{})
	})
	h.respond(w, r, rd, err)
}

func (h *Handler) serveStatic(w http.ResponseWriter, r *http.Request) {
	rd, ok := h.static[r.URL.Path]
	if !ok {
		httpError(w, http.StatusNotFound, "not found")
		return
	}
	serve(w, r, rd, h.hdrs)
}
