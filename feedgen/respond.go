package feedgen

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// serve writes rd as the response to r: validators, caching and security
// headers, 304 for a matching conditional request, gzip when the client
// accepts it, and no body for HEAD. The header values come prebuilt with
// rd (see headerValues) and cc, so a cached response costs no allocation
// beyond net/http's own.
func serve(w http.ResponseWriter, r *http.Request, rd *rendered, cc *constHeaders) {
	h := w.Header()
	hv := &rd.hdr
	h["Content-Type"] = hv.ctype
	if (rd.ctype == typeAtom || rd.ctype == typeRSS) && wantsHTML(r.Header.Get("Accept")) {
		// Browsers show application/atom+xml and rss+xml as raw text or a
		// download and never apply feed.xsl; as text/xml they do. Feed
		// readers do not ask for text/html and get the exact type.
		h["Content-Type"] = cc.xmlType
	}
	h["Cache-Control"] = cc.cacheControl
	h["Vary"] = hv.vary
	h["X-Content-Type-Options"] = cc.nosniff
	// The feeds get the same policy as pages: a browser applying feed.xsl
	// renders them as HTML.
	h["Content-Security-Policy"] = cc.csp
	h["Referrer-Policy"] = cc.referrer
	body, etag := rd.body, hv.etag
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body, etag = rd.gz, hv.gzETag
		h["Content-Encoding"] = cc.gzip
	}
	h["Etag"] = etag
	if hv.lastModified != nil {
		h["Last-Modified"] = hv.lastModified
	}
	if notModified(r, rd) {
		delete(h, "Content-Type")
		delete(h, "Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body) // the client went away; nothing to do
	}
}

// constHeaders are the header values every response of a Handler shares.
type constHeaders struct {
	cacheControl, nosniff, csp, referrer, gzip, xmlType []string
}

func newConstHeaders(maxAge time.Duration) *constHeaders {
	return &constHeaders{
		cacheControl: one("public, max-age=" + strconv.Itoa(int(maxAge/time.Second))),
		nosniff:      one("nosniff"),
		csp:          one("default-src 'self'"),
		referrer:     one("no-referrer"),
		gzip:         one("gzip"),
		xmlType:      one("text/xml; charset=utf-8"),
	}
}

// notModified evaluates If-None-Match, or when it is absent
// If-Modified-Since (RFC 9110 section 13.2.2).
func notModified(r *http.Request, rd *rendered) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		return etagMatch(inm, rd)
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || rd.modified.IsZero() {
		return false
	}
	t, err := http.ParseTime(ims)
	if err != nil {
		return false
	}
	return !rd.modified.After(t)
}

// etagMatch reports whether an If-None-Match list names either
// representation of rd, with the weak comparison RFC 9110 prescribes.
func etagMatch(list string, rd *rendered) bool {
	for rest := list; rest != ""; {
		var tag string
		tag, rest, _ = strings.Cut(rest, ",")
		tag = strings.TrimSpace(tag)
		if tag == "*" {
			return true
		}
		tag = strings.TrimPrefix(tag, "W/")
		if tag == rd.etag || tag == rd.gzETag {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: named
// with a non-zero q, or covered by "*" when not named.
func acceptsGzip(header string) bool {
	gzipQ, starQ := -1.0, -1.0
	for rest := header; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		name, params, _ := strings.Cut(part, ";")
		q := 1.0
		for params != "" {
			var p string
			p, params, _ = strings.Cut(params, ";")
			k, v, ok := strings.Cut(p, "=")
			if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
				continue
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || !(f >= 0 && f <= 1) { // also NaN
				f = 0
			}
			q = f
		}
		name = strings.TrimSpace(name)
		switch {
		case strings.EqualFold(name, "gzip"), strings.EqualFold(name, "x-gzip"):
			gzipQ = max(gzipQ, q)
		case name == "*":
			starQ = max(starQ, q)
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return starQ > 0
}

// httpError writes a short plain-text error.
func httpError(w http.ResponseWriter, code int, msg string) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	http.Error(w, msg, code)
}

// wantsHTML reports whether an Accept header is a browser navigation's: it
// names text/html explicitly with a non-zero q.
func wantsHTML(accept string) bool {
	for rest := accept; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		mt, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(mt), "text/html") {
			return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") || strings.Contains(params, "q=0.")
		}
	}
	return false
}
