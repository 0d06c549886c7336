package fetcher

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk"
)

// outcome is what one attempt found, before it becomes a SourceState.
type outcome struct {
	status     int
	header     http.Header // of the response that produced the body
	bytes      int64
	feed       *gofeed.Feed
	unchanged  bool // 304, or same body hash
	hash       string
	moved      string    // permanent redirect target of the feed request
	discovered string    // feed link found in an HTML page
	retryAt    time.Time // Retry-After of a 429/503
	hint       time.Duration
	truncated  Truncation
	err        error
	warnings   []string // problems of the document that lost nothing, or only part of it
	partial    bool     // the document ends early: items were kept, validators are not
}

// Fetch fetches one source, prev.FinalURL when set, else src.URL, sending
// prev's validators, and returns the parsed feed and the source's next
// state. It waits for a slot under the per-host and global limits, then
// finishes within Options.Timeout. It never fails for good: errors only move
// State.NextAttempt. When ctx itself ends (shutdown), Err wraps ctx's error
// and State is prev unchanged, so the caller can skip storing it.
//
// Fetch is safe for concurrent use.
func (f *Fetcher) Fetch(ctx context.Context, src newsdesk.Source, prev newsdesk.SourceState) Result {
	target := prev.FinalURL
	if target == "" {
		target = src.URL
	}
	now := f.opt.Now()
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		o := outcome{err: fmt.Errorf("fetch %q: not an absolute http(s) URL", target)}
		return f.finish(src, prev, o, now, 0)
	}
	sl := &slots{f: f}
	if err := sl.enter(ctx, hostKey(u)); err != nil {
		return Result{State: prev, Err: fmt.Errorf("fetch %s: %w", target, err)}
	}
	defer sl.leave()

	began := time.Now()
	now = f.opt.Now()
	fctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	o := f.attempt(fctx, sl, target, prev, now)
	if ctx.Err() != nil {
		return Result{State: prev, Err: fmt.Errorf("fetch %s: %w", target, ctx.Err())}
	}
	res := f.finish(src, prev, o, now, time.Since(began))
	f.log.Debug("fetched", "source", src.URL, "url", target, "status", res.State.Status,
		"bytes", res.State.Bytes, "duration", res.State.Duration, "not_modified", res.NotModified,
		"moved", res.Moved, "discovered", res.Discovered, "error", res.Err)
	return res
}

// attempt runs the requests of one fetch: the target, and the feed an HTML
// page links to.
func (f *Fetcher) attempt(ctx context.Context, sl *slots, target string, prev newsdesk.SourceState, now time.Time) outcome {
	var o outcome
	resp, err := f.request(ctx, sl, target, validators{etag: prev.ETag, lastModified: prev.LastModified}, &o, now)
	if err != nil {
		o.err = err
		return o
	}
	if resp.status == http.StatusNotModified {
		o.unchanged = true
		return o
	}
	o.moved = resp.permanent
	if o.sameBody(resp, prev) {
		return o
	}
	decoded, info, err := decodeBody(resp)
	if err != nil {
		o.err = err
		return o
	}
	if info.kind == kindHTML {
		link := discoverFeed(decoded, resp.url)
		if link == "" {
			o.err = fmt.Errorf("fetch %s: %w: html page without a <link rel=\"alternate\"> feed: %s",
				resp.url, ErrNotFeed, describe(resp.header.Get("Content-Type"), decoded))
			return o
		}
		o.discovered = link
		if resp, err = f.request(ctx, sl, link, validators{}, &o, now); err != nil {
			o.err = err
			return o
		}
		o.moved = resp.permanent
		if o.sameBody(resp, prev) {
			return o
		}
		if decoded, info, err = decodeBody(resp); err != nil {
			o.err = err
			return o
		}
		if info.kind == kindHTML {
			o.err = fmt.Errorf("fetch %s: %w: discovered feed link is another html page", link, ErrNotFeed)
			return o
		}
	}
	if info.kind == kindUnknown {
		what := "not RSS, Atom or JSON Feed"
		if info.root != "" {
			what = fmt.Sprintf("XML with root <%s>", info.root)
		}
		o.err = fmt.Errorf("fetch %s: %w: %s: %s", resp.url, ErrNotFeed, what, describe(resp.header.Get("Content-Type"), decoded))
		return o
	}
	if decoded, o.truncated, err = boundEntries(ctx, decoded, info.kind, f.opt.MaxItems); err != nil {
		o.err = fmt.Errorf("fetch %s: %w", resp.url, err)
		return o
	}
	if o.feed, o.warnings, o.partial, err = parseFeed(decoded, info); err != nil {
		o.err = fmt.Errorf("fetch %s: %w", resp.url, err)
		return o
	}
	if ctx.Err() != nil {
		// Parsing is not interruptible; what it built past the deadline
		// is not used.
		o.feed = nil
		o.err = fmt.Errorf("fetch %s: %w: parsing the document outlasted the deadline: %w", resp.url, ErrTimeout, ctx.Err())
		return o
	}
	o.hint = max(bodyHint(decoded), syndicationHint(o.feed))
	return o
}

// request gets rawURL and turns an error status into an error, recording
// the status, headers and size in o.
func (f *Fetcher) request(ctx context.Context, sl *slots, rawURL string, v validators, o *outcome, now time.Time) (*response, error) {
	resp, err := f.get(ctx, sl, rawURL, v)
	if resp != nil {
		o.status, o.header, o.bytes = resp.status, resp.header, int64(len(resp.body))
	}
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, f.classify(ctx, err))
	}
	code := resp.status
	status := fmt.Sprintf("%d %s", code, http.StatusText(code))
	switch {
	case code == http.StatusNotModified && (v.etag != "" || v.lastModified != ""):
		return resp, nil
	case code >= 200 && code < 300:
		if len(resp.body) == 0 {
			return nil, fmt.Errorf("fetch %s: %w: status %s, %s", rawURL, ErrEmpty, status, describe(resp.header.Get("Content-Type"), nil))
		}
		return resp, nil
	case code == http.StatusGone:
		return nil, fmt.Errorf("fetch %s: %w (%w: %s)", rawURL, ErrGone, ErrHTTPStatus, status)
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		if at, ok := retryAfter(resp.header, now); ok {
			o.retryAt = at
			return nil, fmt.Errorf("fetch %s: %w until %s (%w: %s)", rawURL, ErrRateLimited, at.UTC().Format(time.RFC3339), ErrHTTPStatus, status)
		}
		if code == http.StatusTooManyRequests {
			return nil, fmt.Errorf("fetch %s: %w (%w: %s)", rawURL, ErrRateLimited, ErrHTTPStatus, status)
		}
	}
	return nil, fmt.Errorf("fetch %s: %w: %s", rawURL, ErrHTTPStatus, status)
}

// sameBody records the response's body hash and reports whether it equals
// the previous one; then the body is not parsed again.
func (o *outcome) sameBody(resp *response, prev newsdesk.SourceState) bool {
	sum := sha256.Sum256(resp.body)
	o.hash = hex.EncodeToString(sum[:])
	o.unchanged = prev.BodyHash != "" && o.hash == prev.BodyHash
	if o.unchanged {
		o.hint = bodyHint(resp.body)
	}
	return o.unchanged
}

// decodeBody decodes a response body to UTF-8 and inspects it.
func decodeBody(resp *response) ([]byte, docInfo, error) {
	ct := resp.header.Get("Content-Type")
	decoded, err := DecodeCharset(resp.body, ct)
	if err != nil {
		return nil, docInfo{}, fmt.Errorf("fetch %s: %w: %v", resp.url, ErrParse, err)
	}
	info, err := inspect(decoded)
	if err != nil {
		return nil, info, fmt.Errorf("fetch %s: %w", resp.url, err)
	}
	if len(info.entities) > 0 {
		if decoded, err = expandEntities(decoded, info.doctype, info.entities); err != nil {
			return nil, info, fmt.Errorf("fetch %s: %w", resp.url, err)
		}
		info.rootAt -= info.doctype[1] - info.doctype[0]
		info.entities = nil
	}
	if info.kind == kindUnknown && isHTMLType(ct) {
		info.kind = kindHTML
	}
	return decoded, info, nil
}
