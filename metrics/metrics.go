// Package metrics exposes newsdesk's Prometheus metrics (names start with
// newsdesk_): fetches by outcome, fetch durations and bytes, item decisions
// per section, sources in error, last success per source, feed requests by
// path class and status, full-text outcomes and article pages fetched, feed
// renders per section and format, and build info. It owns its registry (no global
// state) and does nothing else.
package metrics

import (
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"newsdesk/article"
	"newsdesk/ingest"
)

// Metrics is a registry with newsdesk's collectors. Safe for concurrent use.
type Metrics struct {
	reg         *prometheus.Registry
	fetches     *prometheus.CounterVec
	duration    prometheus.Histogram
	bytes       prometheus.Counter
	items       *prometheus.CounterVec
	inError     prometheus.Gauge
	lastSuccess *prometheus.GaugeVec
	requests    *prometheus.CounterVec
	articles    *prometheus.CounterVec
	pages       prometheus.Counter
	renders     *prometheus.CounterVec

	mu     sync.Mutex
	errors map[string]bool
}

// New registers every collector, with build info for version.
func New(version string) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsdesk_fetches_total", Help: "Source fetches by outcome (ok, not_modified, error, skipped).",
		}, []string{"outcome"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "newsdesk_fetch_duration_seconds", Help: "Duration of source fetches, request to stored.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}),
		bytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsdesk_fetched_bytes_total", Help: "Body bytes received from sources.",
		}),
		items: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsdesk_items_total", Help: "Item decisions per section: new (in), updated, duplicate, filtered.",
		}, []string{"section", "decision"}),
		inError: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsdesk_sources_in_error", Help: "Sources whose last fetch failed.",
		}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "newsdesk_source_last_success_timestamp_seconds", Help: "Unix time of each source's last successful fetch.",
		}, []string{"source"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsdesk_http_requests_total", Help: "HTTP requests by path class and status code.",
		}, []string{"path", "code"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsdesk_articles_total", Help: "Full-text decisions of items: full, kept (the article failed), retry, skipped (not wanted), deferred (over budget), recleaned.",
		}, []string{"outcome"}),
		pages: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsdesk_article_pages_fetched_total", Help: "Article pages requested (stored extractions reused are not counted).",
		}),
		renders: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsdesk_feed_renders_total", Help: "Renders of section feeds (any page) by section and format; a cached feed is served without one.",
		}, []string{"section", "format"}),
		errors: map[string]bool{},
	}
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "newsdesk_build_info", Help: "Build information; the value is always 1.",
	}, []string{"version", "goversion"})
	build.WithLabelValues(version, runtime.Version()).Set(1)
	m.reg.MustRegister(m.fetches, m.duration, m.bytes, m.items, m.inError, m.lastSuccess, m.requests, m.articles, m.pages, m.renders, build,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// WatchNearIndex exposes the number of items held by the in-memory
// near-duplicate index (storage's memory that grows with the items of the
// last few days), read from items at each scrape. Call it once.
func (m *Metrics) WatchNearIndex(items func() int) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "newsdesk_neardup_index_items",
		Help: "Items held in memory by the near-duplicate index (about 700 bytes each).",
	}, func() float64 { return float64(items()) }))
}

// Observe records one fetch report.
func (m *Metrics) Observe(r ingest.Report) {
	switch {
	case r.Skipped != "":
		m.fetches.WithLabelValues("skipped").Inc()
		return
	case r.Err != nil:
		m.fetches.WithLabelValues("error").Inc()
	case r.NotModified:
		m.fetches.WithLabelValues("not_modified").Inc()
	default:
		m.fetches.WithLabelValues("ok").Inc()
	}
	m.duration.Observe(r.Duration.Seconds())
	m.bytes.Add(float64(r.Bytes))
	for id, c := range r.Outcome.Sections {
		m.items.WithLabelValues(id, "new").Add(float64(c.In))
		m.items.WithLabelValues(id, "updated").Add(float64(c.Updated))
		m.items.WithLabelValues(id, "duplicate").Add(float64(c.Duplicate))
		m.items.WithLabelValues(id, "filtered").Add(float64(c.Filtered))
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if r.Err != nil {
		m.errors[r.Source] = true
	} else {
		delete(m.errors, r.Source)
		m.lastSuccess.WithLabelValues(r.Source).Set(float64(time.Now().Unix()))
	}
	m.inError.Set(float64(len(m.errors)))
}

// ObserveArticles records one run of the article stage.
func (m *Metrics) ObserveArticles(r article.Report) {
	for outcome, n := range map[string]int{"full": r.Full, "kept": r.Kept, "retry": r.Retry, "skipped": r.Skipped,
		"deferred": r.Deferred, "recleaned": r.Recleaned} {
		m.articles.WithLabelValues(outcome).Add(float64(n))
	}
	m.pages.Add(float64(r.Fetched))
}

// ObserveRender counts one render of a section's feed in format.
func (m *Metrics) ObserveRender(section, format string) {
	m.renders.WithLabelValues(section, format).Inc()
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Instrument counts the requests next serves by path class and status.
func (m *Metrics) Instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(sw, r)
		m.requests.WithLabelValues(PathClass(r.URL.Path), strconv.Itoa(sw.code)).Inc()
	})
}

// PathClass groups request paths into a few classes, so that labels stay
// bounded whatever paths clients send.
func PathClass(p string) string {
	switch {
	case strings.HasPrefix(p, "/feeds/") && strings.HasSuffix(p, ".atom"):
		return "feed_atom"
	case strings.HasPrefix(p, "/feeds/") && strings.HasSuffix(p, ".rss"):
		return "feed_rss"
	case strings.HasPrefix(p, "/feeds/") && strings.HasSuffix(p, ".json"):
		return "feed_json"
	case p == "/feeds.opml":
		return "opml"
	case p == "/":
		return "index"
	case strings.HasPrefix(p, "/sections/"):
		return "section"
	case p == "/sources", p == "/api/sources", p == "/report", p == "/api/report":
		return "status"
	case p == "/healthz", p == "/metrics":
		return strings.TrimPrefix(p, "/")
	case strings.HasPrefix(p, "/static/"), p == "/feed.xsl":
		return "static"
	}
	return "other"
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
