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
	serveVary(w, r, rd, cc, false)
}

// serveVary is serve for the responses of a feed URL, which depend on the
// Accept header (varyAccept): a browser gets an HTML page there.
func serveVary(w http.ResponseWriter, r *http.Request, rd *rendered, cc *constHeaders, varyAccept bool) {
	h := w.Header()
	hv := &rd.hdr
	h["Content-Type"] = hv.ctype
	if (rd.ctype == typeAtom || rd.ctype == typeRSS) && xmlOnly(r.Header.Get("Accept")) {
		// A client that takes XML but not the feed types (nor */*) gets
		// text/xml, with which it applies feed.xsl. Browsers get an HTML
		// page instead (prefersHTML) and feed readers the exact type.
		h["Content-Type"] = cc.xmlType
	}
	h["Cache-Control"] = cc.cacheControl
	h["Vary"] = hv.vary
	if varyAccept {
		h["Vary"] = cc.varyAccept
	}
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
	cacheControl, nosniff, csp, referrer, gzip, xmlType, varyAccept []string
}

// contentSecurityPolicy is the policy of every response: nothing but our
// own files, except the items' lead images, which sources host.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' https: http:"

func newConstHeaders(maxAge time.Duration) *constHeaders {
	return &constHeaders{
		cacheControl: one("public, max-age=" + strconv.Itoa(int(maxAge/time.Second))),
		nosniff:      one("nosniff"),
		csp:          one(contentSecurityPolicy),
		referrer:     one("no-referrer"),
		gzip:         one("gzip"),
		xmlType:      one("text/xml; charset=utf-8"),
		varyAccept:   one("Accept-Encoding, Accept"),
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

// mediaRange is one entry of an Accept header.
type mediaRange struct {
	typ, sub string
	q        float64
}

func parseAccept(accept string) []mediaRange {
	var out []mediaRange
	for rest := accept; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		mt, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		typ, sub, ok := strings.Cut(strings.ToLower(strings.TrimSpace(mt)), "/")
		if !ok {
			continue
		}
		q := 1.0
		for params != "" {
			var p string
			p, params, _ = strings.Cut(params, ";")
			k, v, ok := strings.Cut(p, "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || !(f >= 0 && f <= 1) {
					f = 0
				}
				q = f
			}
		}
		out = append(out, mediaRange{typ, strings.TrimSpace(sub), q})
	}
	return out
}

// quality is the q an Accept list gives to a media type: that of its most
// specific matching range (RFC 9110 section 12.5.1), -1 when none matches.
func quality(ranges []mediaRange, mediaType string) float64 {
	typ, sub, _ := strings.Cut(mediaType, "/")
	best, q := -1, -1.0
	for _, r := range ranges {
		spec := -1
		switch {
		case r.typ == typ && r.sub == sub:
			spec = 2
		case r.typ == typ && r.sub == "*":
			spec = 1
		case r.typ == "*" && r.sub == "*":
			spec = 0
		}
		if spec > best {
			best, q = spec, r.q
		}
	}
	return q
}

// feedMediaTypes are the types a client may name to ask for a feed format.
var feedMediaTypes = map[string][]string{
	formatAtom: {"application/atom+xml", "application/xml", "text/xml"},
	formatRSS:  {"application/rss+xml", "application/xml", "text/xml"},
	formatJSON: {"application/feed+json", "application/json"},
}

// prefersHTML reports whether a request for a feed in format is a
// browser's: its Accept header gives text/html a higher q than any type of
// the feed (so "*/*", no Accept and every feed reader get the feed).
func prefersHTML(accept, format string) bool {
	ranges := parseAccept(accept)
	html := quality(ranges, "text/html")
	if html <= 0 {
		return false
	}
	for _, t := range feedMediaTypes[format] {
		if quality(ranges, t) >= html {
			return false
		}
	}
	return true
}

// xmlOnly reports whether an Accept header takes XML as text/xml or
// application/xml but neither the feed types nor "*/*": such a client
// (an XSLT-capable viewer) gets the feed as text/xml, styled by feed.xsl.
func xmlOnly(accept string) bool {
	ranges := parseAccept(accept)
	if quality(ranges, "text/xml") <= 0 && quality(ranges, "application/xml") <= 0 {
		return false
	}
	return quality(ranges, "application/atom+xml") <= 0 && quality(ranges, "application/rss+xml") <= 0
}
