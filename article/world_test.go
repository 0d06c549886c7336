package article

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"

	"newsdesk"
	"newsdesk/fetcher"
	"newsdesk/ingest"
	"newsdesk/storage"
)

// site is one test web site on loopback: pages, feeds and robots.txt,
// counting the requests of each path.
type site struct {
	srv   *httptest.Server
	mu    sync.Mutex
	pages map[string]sitePage
	feeds map[string]string // path → feed body
	hits  map[string]int
	robot string // robots.txt body; "" answers 404
}

type sitePage struct {
	body        []byte
	contentType string
	etag        string
	wait        chan struct{} // when set, the answer waits for it to close
	status      int
}

func newSite(t *testing.T) *site {
	s := &site{pages: map[string]sitePage{}, feeds: map[string]string{}, hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	p, isPage := s.pages[r.URL.Path]
	feed, isFeed := s.feeds[r.URL.Path]
	robots := s.robot
	s.mu.Unlock()
	switch {
	case r.URL.Path == "/robots.txt" && robots != "":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, robots)
	case isFeed:
		if strings.HasSuffix(r.URL.Path, ".atom") {
			w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		}
		fmt.Fprint(w, feed)
	case isPage:
		if p.wait != nil {
			select {
			case <-p.wait:
			case <-r.Context().Done():
				return
			}
		}
		if p.etag != "" {
			w.Header().Set("ETag", p.etag)
			if r.Header.Get("If-None-Match") == p.etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		if p.contentType != "" {
			w.Header().Set("Content-Type", p.contentType)
		}
		if p.status != 0 {
			w.WriteHeader(p.status)
		}
		w.Write(p.body)
	default:
		http.NotFound(w, r)
	}
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) page(path string, p sitePage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.contentType == "" {
		p.contentType = "text/html; charset=utf-8"
	}
	s.pages[path] = p
}

func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// feedItem is one item of a summary-only test feed.
type feedItem struct {
	title, link, summary, date, author string
}

func (s *site) rss(path string, items []feedItem) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test site</title><link>` + s.srv.URL + `/</link><description>x</description>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid><description>%s</description>", html.EscapeString(it.title),
			html.EscapeString(it.link), html.EscapeString(it.link), html.EscapeString(it.summary))
		if it.date != "" {
			if t, err := time.Parse(time.RFC3339, it.date); err == nil {
				fmt.Fprintf(&b, "<pubDate>%s</pubDate>", t.Format(time.RFC1123Z))
			}
		}
		if it.author != "" {
			fmt.Fprintf(&b, "<author>%s</author>", html.EscapeString(it.author))
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	s.mu.Lock()
	s.feeds[path] = b.String()
	s.mu.Unlock()
}

func (s *site) atom(path string, items []feedItem) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Test site</title><id>` + s.srv.URL + `/</id><updated>2026-11-28T00:00:00Z</updated><link href="` + s.srv.URL + `/"/>`)
	for _, it := range items {
		date := it.date
		if date == "" {
			date = "2026-11-27T00:00:00Z"
		}
		fmt.Fprintf(&b, `<entry><title>%s</title><link href="%s"/><id>%s</id><updated>%s</updated><summary>%s</summary></entry>`,
			html.EscapeString(it.title), html.EscapeString(it.link), html.EscapeString(it.link), date, html.EscapeString(it.summary))
	}
	b.WriteString("</feed>")
	s.mu.Lock()
	s.feeds[path] = b.String()
	s.mu.Unlock()
}

// world is newsdesk's pipeline on a temporary database: a fetcher, the
// feed desk and the article stage behind it.
type world struct {
	t      *testing.T
	db     *storage.DB
	f      *fetcher.Fetcher
	desk   *ingest.Desk
	stage  *Stage
	runner *Runner
	now    time.Time
	mu     sync.Mutex
	events []string // "feed:SECTION" and "article:SECTION", in order
}

func newWorld(t *testing.T, opt fetcher.Options, sections ...newsdesk.Section) *world {
	w := &world{t: t, now: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}
	w.db = storage.New(filepath.Join(t.TempDir(), "a.db"))
	w.db.Now = func() time.Time { return w.now }
	if err := w.db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Whatever a test did, the curation engine's invariants hold
		// after it (upgrades go through the engine).
		w.runner.Wait()
		if err := w.db.CheckInvariants(context.Background()); err != nil {
			t.Errorf("invariants: %v", err)
		}
		w.db.Close()
	})
	w.db.SetSections(sections)
	if opt.Timeout == 0 {
		opt.Timeout = 10 * time.Second
	}
	opt.Now = func() time.Time { return w.now }
	w.f = fetcher.New(opt)
	t.Cleanup(w.f.Close)
	w.desk = &ingest.Desk{Fetcher: w.f, Store: w.db, Now: func() time.Time { return w.now },
		OnChange: func(ids []string) { w.note("feed", ids) }}
	w.stage = &Stage{Fetcher: w.f, Store: w.db, UserAgent: fetcher.DefaultUserAgent, Now: func() time.Time { return w.now },
		OnChange: func(ids []string) { w.note("article", ids) }}
	w.runner = &Runner{Stage: w.stage}
	w.desk.AfterStore = w.runner.Kick
	t.Cleanup(w.runner.Wait)
	return w
}

func (w *world) note(kind string, ids []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, id := range ids {
		w.events = append(w.events, kind+":"+id)
	}
}

// fetch fetches a source and waits for its article run.
func (w *world) fetch(src newsdesk.Source) {
	w.t.Helper()
	rep := w.desk.FetchSource(context.Background(), src, true)
	if rep.Err != nil {
		w.t.Fatalf("fetch %s: %v", src.URL, rep.Err)
	}
	w.runner.Wait()
}

// items returns the section's published items by link.
func (w *world) items(section string) map[string]newsdesk.Item {
	w.t.Helper()
	its, err := w.db.SectionItems(context.Background(), section, newsdesk.Page{Limit: 500})
	if err != nil {
		w.t.Fatal(err)
	}
	out := map[string]newsdesk.Item{}
	for _, it := range its {
		out[it.Link] = it
	}
	return out
}

// plain returns the text of an HTML fragment.
func plain(fragment string) string {
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(fragment))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case xhtml.TextToken:
			b.Write(z.Text())
			b.WriteByte(' ')
		case xhtml.StartTagToken, xhtml.EndTagToken:
			b.WriteByte(' ')
		}
	}
}

func section(id string, sources ...newsdesk.Source) newsdesk.Section {
	sec := newsdesk.Section{ID: id, Title: id, Limit: 500}
	for _, s := range sources {
		sec.Sources = append(sec.Sources, newsdesk.SectionSource{URL: s.URL, FullText: s.FullText, FullTextHosts: s.FullTextHosts})
	}
	return sec
}

func fetcherOpts() fetcher.Options { return fetcher.Options{} }
