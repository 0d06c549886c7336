package feedgen

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"newsdesk"
)

// DefaultDeepPageCache is the byte budget of the cached responses other
// than first pages (Options.DeepPageCache).
const DefaultDeepPageCache = 16 << 20

// renderTimeout bounds the store queries of one render; a render outlives
// the request that started it, since other requests may be waiting on it.
const renderTimeout = 30 * time.Second

// Handler serves the feeds, the OPML list, the HTML pages and their
// assets. Each response is rendered once per change of its section and
// then served from memory, so repeated and conditional requests neither
// query the store nor render. It is safe for concurrent use.
type Handler struct {
	store  Store
	opt    Options
	log    *slog.Logger
	pages  *pageRenderer
	mux    *http.ServeMux
	root   http.Handler // mux under the base path
	cache  *cache
	static map[string]*rendered // by URL path; never modified after NewHandler
	hdrs   *constHeaders
	pings  sync.WaitGroup

	mu       sync.RWMutex // guards sections and byID
	sections []newsdesk.Section
	byID     map[string]int
}

// NewHandler returns a Handler serving sections from store.
func NewHandler(store Store, sections []newsdesk.Section, opt Options) *Handler {
	pages, err := newPageRenderer(opt)
	if err != nil {
		panic(err) // the template is embedded: a build defect
	}
	h := &Handler{
		store:  store,
		opt:    opt,
		log:    opt.logger(),
		pages:  pages,
		mux:    http.NewServeMux(),
		cache:  newCache(opt.deepPageCache()),
		static: map[string]*rendered{},
		hdrs:   newConstHeaders(opt.MaxAge),
	}
	for path, a := range staticAssets() {
		rd, err := newRendered(asset(a.name), a.ctype, time.Time{})
		if err != nil {
			panic(err) // gzip into memory does not fail
		}
		h.static[path] = rd
	}
	h.setSections(sections)
	h.mux.HandleFunc("GET /{$}", h.serveIndex)
	h.mux.HandleFunc("GET /sections/{id}", h.servePage)
	h.mux.HandleFunc("GET /sections/{id}/{$}", h.servePage) // as exported: sections/ID/index.html
	h.mux.HandleFunc("GET /feeds/{file}", h.serveFeed)
	h.mux.HandleFunc("GET /feeds.opml", h.serveOPML)
	h.mux.HandleFunc("GET /feed.xsl", h.serveStatic)
	h.mux.HandleFunc("GET /static/style.css", h.serveStatic)
	h.mux.HandleFunc("GET /static/icon.svg", h.serveStatic)
	h.root = Under(opt.basePath(), h.mux)
	return h
}

// Under serves h under a base path (see BasePath): a request for
// prefix+"/x" reaches h as "/x", "/" and the prefix alone are redirected to
// prefix+"/", and everything else is 404. An empty prefix serves h as it is.
func Under(prefix string, h http.Handler) http.Handler {
	if prefix == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "/" || p == prefix {
			http.Redirect(w, r, prefix+"/", http.StatusMovedPermanently)
			return
		}
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok || !strings.HasPrefix(rest, "/") {
			httpError(w, http.StatusNotFound, "not found: this server serves everything under "+prefix+"/")
			return
		}
		r2 := new(http.Request)
		*r2 = *r
		r2.URL = new(url.URL)
		*r2.URL = *r.URL
		r2.URL.Path = rest
		r2.URL.RawPath = ""
		if raw, ok := strings.CutPrefix(r.URL.RawPath, prefix); ok {
			r2.URL.RawPath = raw
		}
		h.ServeHTTP(w, r2)
	})
}

// staticAssets maps URL paths to embedded files, as served and exported.
func staticAssets() map[string]struct{ name, ctype string } {
	return map[string]struct{ name, ctype string }{
		"/feed.xsl":         {"feed.xsl", typeXSL},
		"/static/style.css": {"style.css", typeCSS},
		"/static/icon.svg":  {"icon.svg", "image/svg+xml"},
	}
}

// ServeHTTP implements http.Handler: every path under the base path of
// Options.BaseURL.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.root.ServeHTTP(w, r) }

// Routes returns the handler's paths without the base path, for a caller
// that mounts it with others under Under.
func (h *Handler) Routes() http.Handler { return h.mux }

// SetSections replaces the sections after a config reload. Responses of
// removed or changed sections are dropped, and so are the index and the
// OPML list when anything changed; the hub is told about changed sections.
func (h *Handler) SetSections(sections []newsdesk.Section) {
	changed := h.setSections(sections)
	h.ping(changed)
}

func (h *Handler) setSections(sections []newsdesk.Section) (changed []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	byID := make(map[string]int, len(sections))
	for i := range sections {
		byID[sections[i].ID] = i
	}
	var drop []string
	for _, old := range h.sections {
		i, ok := byID[old.ID]
		switch {
		case !ok:
			drop = append(drop, old.ID)
		case !sameOutput(&old, &sections[i]):
			drop = append(drop, old.ID)
			changed = append(changed, old.ID)
		}
	}
	if !slices.EqualFunc(h.sections, sections, func(a, b newsdesk.Section) bool { return sameOutput(&a, &b) }) {
		drop = append(drop, keyIndex, keyOPML)
	}
	h.sections = slices.Clone(sections)
	h.byID = byID
	h.cache.invalidate(drop...)
	return changed
}

// sameOutput reports whether two configs of a section render alike.
func sameOutput(a, b *newsdesk.Section) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Description == b.Description &&
		a.Language == b.Language && a.Limit == b.Limit && a.SourceCap == b.SourceCap
}

// Invalidate records that the stored items of these sections changed:
// their responses and the index are rendered again on the next request,
// and the WebSub hub, if any, is pinged in the background.
func (h *Handler) Invalidate(sectionIDs ...string) {
	h.cache.invalidate(append(slices.Clone(sectionIDs), keyIndex)...)
	h.mu.RLock()
	var known []string
	for _, id := range sectionIDs {
		if _, ok := h.byID[id]; ok {
			known = append(known, id)
		}
	}
	h.mu.RUnlock()
	h.ping(known)
}

// section returns a copy of a section and the cache generation read with
// it, so that a render of an outdated config is never stored.
func (h *Handler) section(id string) (newsdesk.Section, uint64, bool) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	i, ok := h.byID[id]
	if !ok {
		return newsdesk.Section{}, 0, false
	}
	return h.sections[i], h.cache.generation(id), true
}

// allSections returns the sections and the generation of key.
func (h *Handler) allSections(key string) ([]newsdesk.Section, uint64) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.sections, h.cache.generation(key) // h.sections is replaced, never modified
}

// renderContext detaches a render from the request that started it.
func renderContext(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(r.Context()), renderTimeout)
}

func (h *Handler) serveFeed(w http.ResponseWriter, r *http.Request) {
	id, format, _ := strings.Cut(r.PathValue("file"), ".")
	if format != formatAtom && format != formatRSS && format != formatJSON {
		httpError(w, http.StatusNotFound, "not found")
		return
	}
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
	if prefersHTML(r.Header.Get("Accept"), format) {
		// A browser: the section's page, with this feed's URL to copy.
		key := cacheKey{section: id, kind: "view-" + format, limit: pq.limit, before: pq.before}
		rd, err := h.cache.get(key, gen, pq.first, func() (*rendered, error) {
			ctx, cancel := renderContext(r)
			defer cancel()
			return h.renderPage(ctx, &sec, format, pq)
		})
		h.respondVary(w, r, rd, err, true)
		return
	}
	key := cacheKey{section: id, kind: format, limit: pq.limit, before: pq.before}
	rd, err := h.cache.get(key, gen, pq.first, func() (*rendered, error) {
		ctx, cancel := renderContext(r)
		defer cancel()
		return h.renderFeed(ctx, &sec, format, pq)
	})
	h.respondVary(w, r, rd, err, true)
}

// respond serves rd, or answers a render error.
func (h *Handler) respond(w http.ResponseWriter, r *http.Request, rd *rendered, err error) {
	h.respondVary(w, r, rd, err, false)
}

func (h *Handler) respondVary(w http.ResponseWriter, r *http.Request, rd *rendered, err error, varyAccept bool) {
	if err != nil {
		h.log.Error("render", "path", r.URL.Path, "err", err)
		httpError(w, http.StatusInternalServerError, "internal error")
		return
	}
	serveVary(w, r, rd, h.hdrs, varyAccept)
}

// renderFeed queries one page and renders it in format, linking the next
// page when one is left.
func (h *Handler) renderFeed(ctx context.Context, sec *newsdesk.Section, format string, pq pageQuery) (*rendered, error) {
	start := h.opt.now()
	items, next, err := h.store.SectionPage(ctx, sec.ID, pq.page)
	if err != nil {
		return nil, fmt.Errorf("section %s items: %w", sec.ID, err)
	}
	def := sectionLimit(sec)
	links := PageLinks{Self: h.opt.pageURL(sec.ID, format, pq.limit, pq.before, def)}
	if links.Changed, err = emptyChanged(ctx, h.store, sec.ID, items); err != nil {
		return nil, fmt.Errorf("section %s: %w", sec.ID, err)
	}
	if next != nil {
		links.Next = h.opt.pageURL(sec.ID, format, pq.limit, formatPage(next), def)
	}
	var body []byte
	var ctype string
	switch format {
	case formatAtom:
		body, err = Atom(sec, items, h.opt, links)
		ctype = typeAtom
	case formatRSS:
		body, err = RSS(sec, items, h.opt, links)
		ctype = typeRSS
	default:
		body, err = JSON(sec, items, h.opt, links)
		ctype = typeJSON
	}
	if err != nil {
		return nil, fmt.Errorf("section %s: %w", sec.ID, err)
	}
	modified := newestChange(items)
	if modified.IsZero() {
		modified = links.Changed
	}
	rd, err := newRendered(body, ctype, modified)
	if err != nil {
		return nil, fmt.Errorf("section %s: %w", sec.ID, err)
	}
	if h.opt.Rendered != nil {
		h.opt.Rendered(sec.ID, format)
	}
	rd.transient = modified.IsZero()
	h.log.Debug("rendered feed", "section", sec.ID, "format", format, "items", len(items),
		"bytes", len(body), "took", h.opt.now().Sub(start))
	return rd, nil
}
