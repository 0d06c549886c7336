package fetcher

import (
	"cmp"
	"errors"
	"math/rand/v2"
	"mime"
	"net/http"
	"strings"
	"time"

	"newsdesk"
)

// finish turns an attempt's outcome into the Result and the source's next
// state.
func (f *Fetcher) finish(src newsdesk.Source, prev newsdesk.SourceState, o outcome, now time.Time, took time.Duration) Result {
	st := prev
	st.URL = src.URL
	st.LastAttempt = now
	st.Status = o.status
	st.Bytes = o.bytes
	st.Duration = took
	res := Result{Feed: o.feed, NotModified: o.unchanged, Discovered: o.discovered, Truncated: o.truncated}

	if o.err != nil {
		res.Feed, res.NotModified, res.Err = nil, false, o.err
		st.Error = o.err.Error()
		st.ConsecutiveErrors++
		switch {
		case errors.Is(o.err, ErrGone):
			st.Gone = true
			st.NextAttempt = time.Time{}
		case !o.retryAt.IsZero():
			st.NextAttempt = o.retryAt
		default:
			st.NextAttempt = now.Add(Backoff(st.ConsecutiveErrors, (rand.Float64()*2-1)*jitter))
		}
		if o.status == http.StatusNotFound && prev.FinalURL != "" {
			// The moved or discovered URL is gone: try the configured one next.
			st.FinalURL = ""
		}
		res.State = st
		return res
	}

	st.Error = ""
	st.ConsecutiveErrors = 0
	st.LastSuccess = now
	st.Gone = false
	if o.status == http.StatusNotModified {
		// A 304 may refresh the validators; it never removes them.
		if etag := o.header.Get("ETag"); etag != "" {
			st.ETag = etag
		}
		if lm := o.header.Get("Last-Modified"); lm != "" {
			st.LastModified = lm
		}
	} else {
		st.ETag = o.header.Get("ETag")
		st.LastModified = o.header.Get("Last-Modified")
		st.BodyHash = o.hash
	}
	res.Warnings, res.Partial = o.warnings, o.partial
	if o.partial {
		// Never the validators of a partial body: the next fetch must get
		// the whole document.
		st.ETag, st.LastModified, st.BodyHash = "", "", ""
		st.Error = "warning: partial fetch: " + o.warnings[len(o.warnings)-1]
	}
	if o.feed != nil {
		st.Title = strings.TrimSpace(o.feed.Title)
		st.SiteURL = strings.TrimSpace(o.feed.Link)
	}
	if o.moved != "" {
		res.Moved = o.moved
	}
	switch final := cmp.Or(o.moved, o.discovered); {
	case final == src.URL:
		st.FinalURL = ""
	case final != "":
		st.FinalURL = final
	}
	st.NextAttempt = time.Time{}
	if f.opt.RespectCacheHeaders {
		if hint := max(headerHint(o.header, now), o.hint); hint > 0 {
			st.NextAttempt = now.Add(hint)
		}
	}
	res.State = st
	return res
}

// isHTMLType reports whether a Content-Type names an HTML page.
func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}
