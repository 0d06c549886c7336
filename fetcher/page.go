package fetcher

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// pageAccept is the Accept header of page requests.
const pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"

// Page is one web page (an item's article) as GetPage fetched it.
type Page struct {
	URL          string // after redirects
	Status       int
	ContentType  string
	ETag         string
	LastModified string
	Body         []byte // decompressed, at most MaxBody bytes; nil when NotModified
	NotModified  bool   // 304 to the validators given
}

// GetPage fetches one web page with the same client, User-Agent, per-host
// and global limits, timeout, redirect rules (http and https only, five at
// most) and body limit as feeds, sending etag and lastModified as
// validators when set. An error status (4xx, 5xx) is an error wrapping
// ErrHTTPStatus, with the Page holding the status. It does not decode the
// body (see DecodeHTML). Safe for concurrent use.
func (f *Fetcher) GetPage(ctx context.Context, rawURL, etag, lastModified string) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("get %q: not an absolute http(s) URL", rawURL)
	}
	sl := &slots{f: f}
	if err := sl.enter(ctx, hostKey(u)); err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	defer sl.leave()
	fctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	resp, err := f.get(fctx, sl, rawURL, validators{etag: etag, lastModified: lastModified, accept: pageAccept})
	p := &Page{URL: rawURL}
	if resp != nil {
		p.Status = resp.status
		if resp.url != "" {
			p.URL = resp.url
		}
		if resp.header != nil {
			p.ContentType = resp.header.Get("Content-Type")
			p.ETag, p.LastModified = resp.header.Get("ETag"), resp.header.Get("Last-Modified")
		}
		p.Body = resp.body
	}
	if err != nil {
		return p, fmt.Errorf("get %s: %w", rawURL, f.classify(fctx, err))
	}
	switch code := p.Status; {
	case code == http.StatusNotModified && (etag != "" || lastModified != ""):
		p.NotModified, p.Body = true, nil
		return p, nil
	case code >= 200 && code < 300:
		return p, nil
	default:
		return p, fmt.Errorf("get %s: %w: %d %s", rawURL, ErrHTTPStatus, code, http.StatusText(code))
	}
}

var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)`)

// DecodeHTML converts an HTML page to UTF-8, decoding it exactly once. The
// encoding is, in the order of the HTML standard: a byte-order mark
// (UTF-8 or UTF-16), the charset of contentType, a <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=..."> within the
// first 4096 bytes, UTF-8 when the bytes are valid UTF-8, else
// windows-1252. Labels resolve as in DecodeCharset (the WHATWG index
// first, so ISO-8859-1 reads as windows-1252, as browsers do). Characters
// XML 1.0 forbids are removed. It returns the name of the encoding used.
func DecodeHTML(body []byte, contentType string) ([]byte, string, error) {
	if enc, name := sniffUTF16(body); enc != nil && (bytes.HasPrefix(body, []byte{0xFE, 0xFF}) || bytes.HasPrefix(body, []byte{0xFF, 0xFE})) {
		out, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			return nil, name, fmt.Errorf("decode %s: %w", name, err)
		}
		return stripForbidden(bytes.TrimPrefix(out, []byte(bomUTF8))), name, nil
	}
	if bytes.HasPrefix(body, []byte(bomUTF8)) {
		return stripForbidden(bytes.ToValidUTF8(body[len(bomUTF8):], []byte("\uFFFD"))), "utf-8", nil
	}
	enc, name := encodingOf(headerCharset(contentType))
	if enc == nil {
		head := body[:min(len(body), 4096)]
		if m := metaCharsetRe.FindSubmatch(head); m != nil {
			enc, name = encodingOf(string(m[1]))
		}
	}
	valid := utf8.Valid(body)
	switch {
	case enc == nil && valid:
		enc, name = unicode.UTF8, "utf-8"
	case enc == nil:
		enc, name = charmap.Windows1252, "windows-1252"
	}
	switch {
	case enc == unicode.UTF8 && valid:
		return stripForbidden(body), name, nil
	case enc == unicode.UTF8:
		return stripForbidden(bytes.ToValidUTF8(body, []byte("\uFFFD"))), name, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, name, fmt.Errorf("decode %s: %w", name, err)
	}
	return stripForbidden(out), name, nil
}
