package metrics

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsdesk/ingest"
	"newsdesk/storage"
)

func TestObserveAndExpose(t *testing.T) {
	m := New("v1.2.3")
	m.Observe(ingest.Report{Source: "https://a.example/feed", Status: 200, Bytes: 1234, Duration: 150 * time.Millisecond,
		Outcome: storage.Outcome{Sections: map[string]*storage.SectionCounts{"news": {In: 3, Duplicate: 1, Filtered: 2, Updated: 1}}}})
	m.Observe(ingest.Report{Source: "https://b.example/feed", Err: errors.New("HTTP 500")})
	m.Observe(ingest.Report{Source: "https://c.example/feed", NotModified: true})
	m.ObserveRender("news", "atom")
	m.ObserveRender("news", "atom")
	m.ObserveRender("news", "json")

	srv := httptest.NewServer(m.Instrument(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		m.Handler().ServeHTTP(w, r)
	})))
	defer srv.Close()
	http.Get(srv.URL + "/missing")
	http.Get(srv.URL + "/feeds/news.atom")
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	text := string(body)
	for _, want := range []string{
		`newsdesk_fetches_total{outcome="ok"} 1`,
		`newsdesk_fetches_total{outcome="error"} 1`,
		`newsdesk_fetches_total{outcome="not_modified"} 1`,
		`newsdesk_fetched_bytes_total 1234`,
		`newsdesk_items_total{decision="new",section="news"} 3`,
		`newsdesk_items_total{decision="duplicate",section="news"} 1`,
		`newsdesk_items_total{decision="filtered",section="news"} 2`,
		`newsdesk_sources_in_error 1`,
		`newsdesk_source_last_success_timestamp_seconds{source="https://a.example/feed"}`,
		`newsdesk_fetch_duration_seconds_count 3`,
		`newsdesk_http_requests_total{code="404",path="other"} 1`,
		`newsdesk_http_requests_total{code="200",path="feed_atom"} 1`,
		`newsdesk_feed_renders_total{format="atom",section="news"} 2`,
		`newsdesk_feed_renders_total{format="json",section="news"} 1`,
		`newsdesk_build_info{goversion=`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	// A source that recovers leaves the error count.
	m.Observe(ingest.Report{Source: "https://b.example/feed", Status: 200})
	if got := gauge(t, m, "newsdesk_sources_in_error"); got != "0" {
		t.Errorf("sources in error after recovery = %s, want 0", got)
	}
}

func TestWatchNearIndex(t *testing.T) {
	m := New("v1")
	n := 41
	m.WatchNearIndex(func() int { return n })
	n++
	if got := gauge(t, m, "newsdesk_neardup_index_items"); got != "42" {
		t.Errorf("newsdesk_neardup_index_items = %s, want 42 (read at scrape time)", got)
	}
}

func gauge(t *testing.T, m *Metrics, name string) string {
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return v
		}
	}
	t.Fatalf("no %s", name)
	return ""
}

func TestPathClassIsBounded(t *testing.T) {
	cases := map[string]string{
		"/feeds/politique.atom": "feed_atom", "/feeds/x.rss": "feed_rss", "/feeds/x.json": "feed_json",
		"/feeds.opml": "opml", "/": "index", "/sections/x": "section", "/sources": "status", "/api/report": "status",
		"/healthz": "healthz", "/metrics": "metrics", "/static/style.css": "static", "/feed.xsl": "static",
		"/wp-login.php": "other", "/feeds/../../etc/passwd": "other",
	}
	for p, want := range cases {
		if got := PathClass(p); got != want {
			t.Errorf("PathClass(%q) = %q, want %q", p, got, want)
		}
	}
}
