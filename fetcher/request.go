package fetcher

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// response is the last response of a redirect chain, body read.
type response struct {
	status    int
	header    http.Header
	body      []byte // decompressed, at most MaxBody bytes; nil unless 2xx
	url       string // URL that gave this response
	permanent string // last URL reached through permanent redirects only; "" if none
}

// validators are the conditional-request headers to send, and the Accept
// header when it is not the feed one.
type validators struct{ etag, lastModified, accept string }

// get fetches rawURL, following at most maxRedirects redirects by hand.
// On error, the returned response (possibly nil) holds the last status seen.
func (f *Fetcher) get(ctx context.Context, sl *slots, rawURL string, v validators) (*response, error) {
	res := &response{}
	visited := make(map[string]bool)
	cur := rawURL
	chainPermanent := true
	for hop := 0; ; hop++ {
		u, err := url.Parse(cur)
		if err != nil {
			return res, fmt.Errorf("invalid url %q: %w", cur, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			return res, fmt.Errorf("unsupported url %q: want http or https", cur)
		}
		u.Fragment, u.RawFragment = "", ""
		cur = u.String()
		if visited[cur] {
			return res, fmt.Errorf("%w: back to %s", ErrRedirectLoop, cur)
		}
		visited[cur] = true
		if err := sl.move(ctx, hostKey(u)); err != nil {
			return res, err
		}
		resp, err := f.do(ctx, cur, v)
		if err != nil {
			return res, err
		}
		res.status, res.header, res.url = resp.StatusCode, resp.Header, cur
		if !isRedirect(resp.StatusCode) {
			defer resp.Body.Close()
			if resp.StatusCode >= 200 && resp.StatusCode < 300 {
				res.body, err = f.readBody(resp)
			}
			return res, err
		}
		drain(resp.Body)
		loc := resp.Header.Get("Location")
		if loc == "" {
			return res, fmt.Errorf("%w: %d redirect without Location", ErrHTTPStatus, resp.StatusCode)
		}
		next, err := u.Parse(loc)
		if err != nil {
			return res, fmt.Errorf("%w: bad Location %q: %v", ErrHTTPStatus, loc, err)
		}
		if hop >= maxRedirects {
			return res, fmt.Errorf("%w: more than %d, last to %s", ErrTooManyRedirects, maxRedirects, next)
		}
		if chainPermanent && (resp.StatusCode == http.StatusMovedPermanently || resp.StatusCode == http.StatusPermanentRedirect) {
			res.permanent = next.String()
		} else {
			chainPermanent = false // later hops are not moves of the source
		}
		cur = next.String()
	}
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// do sends one GET.
func (f *Fetcher) do(ctx context.Context, rawURL string, v validators) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	if v.accept != "" {
		req.Header.Set("Accept", v.accept)
	} else {
		req.Header.Set("Accept", acceptHeader)
	}
	if v.etag != "" {
		req.Header.Set("If-None-Match", v.etag)
	}
	if v.lastModified != "" {
		req.Header.Set("If-Modified-Since", v.lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		// The caller names the URL; *url.Error would name it twice more.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, err
	}
	return resp, nil
}

// drain reads a little of a body we do not need, so the connection can be
// reused, and closes it.
func drain(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 4<<10))
	_ = body.Close()
}

// readBody reads the decompressed body, failing with ErrTooLarge past
// MaxBody rather than truncating. The transport already undid the gzip it
// asked for; any Content-Encoding left (a server that compressed unasked,
// or an injected transport) is undone here, under the same limit.
func (f *Fetcher) readBody(resp *http.Response) ([]byte, error) {
	limit := f.opt.MaxBody
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	if enc == "" && resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: Content-Length %d exceeds the %d byte limit", ErrTooLarge, resp.ContentLength, limit)
	}
	r, err := decompress(resp.Body, enc)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if enc == "" && resp.ContentLength > 0 {
		buf.Grow(int(resp.ContentLength))
	}
	n, err := io.Copy(&buf, io.LimitReader(r, limit+1))
	if n > limit {
		return nil, fmt.Errorf("%w: body exceeds the %d byte limit", ErrTooLarge, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	return buf.Bytes(), nil
}

// decompress undoes a Content-Encoding.
func decompress(r io.Reader, enc string) (io.Reader, error) {
	switch enc {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%w: bad gzip body: %v", ErrParse, err)
		}
		return zr, nil
	case "deflate":
		// "deflate" should be zlib-wrapped; some servers send raw deflate.
		br := bufio.NewReader(r)
		hdr, err := br.Peek(2)
		if err == nil && hdr[0]&0x0f == 8 && (uint16(hdr[0])<<8|uint16(hdr[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("%w: bad deflate body: %v", ErrParse, err)
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("%w: unsupported Content-Encoding %q", ErrParse, enc)
}

// classify turns a transport error into the error the caller sees: a
// timeout (the fetch deadline, or a dial, TLS or header timeout of the
// transport) names the limit and wraps ErrTimeout and
// context.DeadlineExceeded.
func (f *Fetcher) classify(ctx context.Context, err error) error {
	var ne net.Error
	expired := errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded)
	if !expired && !(errors.As(err, &ne) && ne.Timeout()) {
		return err
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("%w (%w)", err, context.DeadlineExceeded)
	}
	return fmt.Errorf("%w after %s: %w", ErrTimeout, f.opt.Timeout, err)
}
