// Package fetcher downloads and parses one feed source per call.
//
// It sends conditional GET requests through one shared keep-alive transport,
// bounded by a global and a per-host concurrency limit, a total deadline per
// fetch and a limit on the decompressed body; it follows at most five
// redirects, remembers permanent ones, and backs off exponentially after
// errors. It decodes each body to UTF-8 exactly once (XML declaration, HTTP
// charset, byte-order mark, UTF-8, else windows-1252), refuses XML entity
// declarations and absurd nesting, finds the feed behind an HTML page's
// <link rel="alternate">, and parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON
// Feed 1.0/1.1 with gofeed. The result carries the source's next fetch state.
//
// It does not normalize items (package normalize), store anything (package
// storage) or decide when a source is due (the scheduler in cmd/newsdesk).
package fetcher

import (
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk"
)

// Errors a Result.Err wraps; callers branch on them with errors.Is.
var (
	// ErrTooLarge: the decompressed body exceeds Options.MaxBody.
	ErrTooLarge = errors.New("response body too large")
	// ErrNotFeed: the body is not RSS, Atom or JSON Feed (nor an HTML page
	// that links to one).
	ErrNotFeed = errors.New("not a feed")
	// ErrGone: the server answered 410 Gone; State.Gone is set.
	ErrGone = errors.New("feed gone")
	// ErrTooManyRedirects: more than five redirects in a row.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrRedirectLoop: a redirect led back to a URL already visited.
	ErrRedirectLoop = errors.New("redirect loop")
	// ErrHTTPStatus: the server answered with an error status (4xx, 5xx).
	ErrHTTPStatus = errors.New("http error status")
	// ErrRateLimited: 429, or 503 with Retry-After; State.NextAttempt
	// holds the time the server asked for.
	ErrRateLimited = errors.New("rate limited")
	// ErrEmpty: the server sent an empty body.
	ErrEmpty = errors.New("empty body")
	// ErrParse: the body looks like a feed but cannot be decoded or
	// parsed, or it declares XML entities or nests too deeply.
	ErrParse = errors.New("feed parse error")
	// ErrTimeout: the fetch did not finish within Options.Timeout. The
	// error also wraps context.DeadlineExceeded.
	ErrTimeout = errors.New("fetch timed out")
)

// Options configures a Fetcher. Zero fields take the defaults documented
// on each field.
type Options struct {
	Timeout             time.Duration // total deadline per fetch, headers and body (default 30s)
	Concurrency         int           // sources fetched at once across all calls (default 8)
	PerHost             int           // requests at once to one host (default 2)
	UserAgent           string        // default "newsdesk/1.0 (+https://github.com/newsdesk/newsdesk)"
	MaxBody             int64         // decompressed body limit (default 10 MB)
	MaxItems            int           // entries parsed per document, the rest dropped (default 5,000)
	RespectCacheHeaders bool          // honour Cache-Control max-age / Expires / RSS <ttl> / sy:updatePeriod as a minimum interval
	Now                 func() time.Time
	Logger              *slog.Logger
	Transport           http.RoundTripper // nil → a tuned *http.Transport; tests may inject
}

// Defaults applied by New to zero Options fields.
const (
	DefaultTimeout     = 30 * time.Second
	DefaultConcurrency = 8
	DefaultPerHost     = 2
	DefaultUserAgent   = "newsdesk/1.0 (+https://github.com/newsdesk/newsdesk)"
	DefaultMaxBody     = 10 << 20
)

const (
	maxRedirects = 5
	maxHint      = 24 * time.Hour // longest cache hint or Retry-After honoured
	jitter       = 0.1            // backoff jitter fraction
	acceptHeader = "application/rss+xml, application/atom+xml, application/feed+json, " +
		"application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, " +
		"text/html;q=0.5, */*;q=0.1"
)

// Fetcher fetches feed sources. It is safe for concurrent use; the
// concurrency limits apply across all calls to Fetch.
type Fetcher struct {
	opt    Options
	log    *slog.Logger
	client *http.Client
	global chan struct{}
	hosts  *hostLimiter
}

// Result is the outcome of one Fetch.
type Result struct {
	State       newsdesk.SourceState // the source's next state
	Feed        *gofeed.Feed         // nil when not modified, unchanged, or failed
	NotModified bool                 // 304, or same body hash as before (no parse done)
	Err         error                // nil on success; wraps the Err* sentinels
	Moved       string               // new URL after a 301/308 (also in State.FinalURL), for the log
	Discovered  string               // feed URL found in an HTML page's <link rel="alternate">
	Truncated   Truncation           // entries beyond Options.MaxItems were dropped when Truncated.Entries > Truncated.Kept

	// Warnings name what was wrong with a document that was read anyway:
	// a JSON Feed field of the wrong type (the field is lost, not the
	// item), a document that ends early.
	Warnings []string
	// Partial is set when the document ends early: the items complete
	// before the cut are in Feed, State keeps no validators (the next
	// fetch asks again) and State.Error holds the warning, without
	// counting as an error.
	Partial bool
}

// New returns a Fetcher with opt's zero fields set to their defaults.
func New(opt Options) *Fetcher {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = DefaultConcurrency
	}
	if opt.PerHost <= 0 {
		opt.PerHost = DefaultPerHost
	}
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.MaxItems <= 0 {
		opt.MaxItems = DefaultMaxItems
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Transport == nil {
		opt.Transport = newTransport(opt)
	}
	return &Fetcher{
		opt: opt,
		log: opt.Logger,
		client: &http.Client{
			Transport: opt.Transport,
			// Redirects are followed by hand, to count them, detect loops,
			// note permanent moves and apply the per-host limit to each hop.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		global: make(chan struct{}, opt.Concurrency),
		hosts:  newHostLimiter(opt.PerHost),
	}
}

// newTransport returns the shared keep-alive transport, with every phase of
// a request bounded. It asks for gzip and decompresses transparently, so
// MaxBody applies to the decompressed bytes.
func newTransport(opt Options) *http.Transport {
	step := min(opt.Timeout, 10*time.Second)
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: step, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   step,
		ResponseHeaderTimeout: opt.Timeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   opt.PerHost,
		ForceAttemptHTTP2:     true,
	}
}

// Close closes the transport's idle connections. The Fetcher stays usable.
func (f *Fetcher) Close() {
	if t, ok := f.opt.Transport.(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}
