package feedgen

import (
	"context"
	"fmt"
	"net/http"
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
	rd, err := h.cache.get(cacheKey{section: id, kind: "page"}, gen, true, func() (*rendered, error) {
		ctx, cancel := renderContext(r)
		defer cancel()
		items, newest, err := latestItems(ctx, h.store, []newsdesk.Section{sec}, 0)
		if err != nil {
			return nil, err
		}
		body, err := h.pages.page(&sec, items[0])
		if err != nil {
			return nil, err
		}
		return newRendered(body, typeHTML, newest)
	})
	h.respond(w, r, rd, err)
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
