// Package feedgen renders a section's items as Atom 1.0, RSS 2.0 and JSON
// Feed 1.1 documents, an OPML subscription list and a small HTML index, and
// serves them over HTTP with validators, compression and an in-memory cache
// of rendered bytes. It also writes the same documents as static files.
//
// Rendering is a pure function of the section, its items and the Options:
// the bytes never depend on the time of rendering, so re-rendering unchanged
// data yields identical bytes and ETags. feedgen builds documents with
// github.com/gorilla/feeds and then corrects and extends the structures that
// library returns before marshalling them with encoding/xml or encoding/json.
//
// feedgen does not fetch, filter, deduplicate or store items: it reads them
// through Store, newest first, with Related already filled.
package feedgen

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"newsdesk"
)

// Store is the read side of storage that feedgen needs.
type Store interface {
	// SectionPage returns one page of the section's feed in feed order,
	// with Related filled, and the page after it (nil when none is left):
	// following the next pages from a first page reaches every item of the
	// section once, the section's source cap applied to every page
	// (newsdesk.Paginate).
	SectionPage(ctx context.Context, section string, page newsdesk.Page) ([]newsdesk.Item, *newsdesk.Page, error)
}

// Options configures rendering and serving. BaseURL should always be set:
// without it, ids and links are host-relative and the feeds are invalid.
type Options struct {
	BaseURL   string        // public URL prefix, e.g. "https://news.example"; ids and self links derive from it
	Hub       string        // WebSub hub URL; "" disables hub links and pings
	Generator string        // "newsdesk" + version, e.g. "newsdesk 1.0.0"
	MaxAge    time.Duration // Cache-Control max-age and RSS ttl (e.g. the default schedule interval)
	Logger    *slog.Logger  // nil: discard
	// DeepPageCache is the byte budget of cached pages other than each
	// feed's first page (deep ?before= cursors, other ?limit= values);
	// 0: DefaultDeepPageCache. First pages are always cached.
	DeepPageCache int64
	// Redact shows source URLs in outputs without their secrets (the
	// zero value hides the built-in list of credential parameters).
	Redact newsdesk.Redactor

	// Client sends WebSub pings; nil: http.DefaultClient. PingTimeout
	// bounds each ping either way.
	Client *http.Client
	// PingTimeout bounds each WebSub ping (0: 10s).
	PingTimeout time.Duration
	// Location is the time zone of the times the HTML pages show (nil:
	// UTC). The pages always name the zone.
	Location *time.Location
	// Now is the clock used only to measure render durations for logs;
	// it never reaches any output. nil: time.Now.
	Now func() time.Time
	// Rendered, when set, is called after each render of a section's feed
	// (section id and format: atom, rss, json), whatever the page: the
	// count of renders per change, for /metrics.
	Rendered func(section, format string)
}

// PageLinks are the URLs of one page of a paged feed (RFC 5005).
type PageLinks struct {
	Next string // URL of the next (older) page, "" when none
	Self string // URL of this document; "" means the feed's canonical URL

	// Changed dates a feed without items: the section's last change, or
	// its sources' first fetch (zero: the epoch). A feed with items is
	// dated by its items.
	Changed time.Time
}

// Feed formats, as used in URLs.
const (
	formatAtom = "atom"
	formatRSS  = "rss"
	formatJSON = "json"
)

// Media types of the documents served.
const (
	typeAtom = "application/atom+xml; charset=utf-8"
	typeRSS  = "application/rss+xml; charset=utf-8"
	typeJSON = "application/feed+json"
	typeOPML = "text/x-opml; charset=utf-8"
	typeHTML = "text/html; charset=utf-8"
	typeXSL  = "text/xsl; charset=utf-8"
	typeCSS  = "text/css; charset=utf-8"
)

// defaultLimit is a section's feed length when its config leaves it 0.
const defaultLimit = 50

func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}

func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

func (o Options) deepPageCache() int64 {
	if o.DeepPageCache > 0 {
		return o.DeepPageCache
	}
	return DefaultDeepPageCache
}

func (o Options) base() string { return strings.TrimRight(o.BaseURL, "/") }

// basePath is the path of BaseURL without its trailing slash: "" for
// "https://news.example", "/news" for "https://example.org/news/". Every
// path is served under it and every page link starts with it.
func (o Options) basePath() string { return BasePath(o.BaseURL) }

// BasePath returns the path part of a base URL without its trailing slash
// ("" when the base URL has none or does not parse).
func BasePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return ""
	}
	return strings.TrimRight(u.EscapedPath(), "/")
}

func (o Options) generator() string {
	if o.Generator == "" {
		return "newsdesk"
	}
	return o.Generator
}

// feedURL is the canonical public URL of a section feed in one format.
func (o Options) feedURL(id, format string) string {
	return o.base() + "/feeds/" + url.PathEscape(id) + "." + format
}

// sectionURL is the public URL of a section's HTML page.
func (o Options) sectionURL(id string) string {
	return o.base() + "/sections/" + url.PathEscape(id)
}

func (o Options) stylesheetURL() string { return o.base() + "/feed.xsl" }

// selfURL returns page.Self, or the canonical feed URL when it is unset.
func (o Options) selfURL(sec *newsdesk.Section, format string, page PageLinks) string {
	if page.Self != "" {
		return page.Self
	}
	return o.feedURL(sec.ID, format)
}

func sectionLimit(sec *newsdesk.Section) int {
	if sec.Limit > 0 {
		return sec.Limit
	}
	return defaultLimit
}

// isHTTPURL reports whether s is an absolute http or https URL with a host.
func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	return u.Scheme == "http" || u.Scheme == "https"
}
