package fetcher

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// waitGone blocks until the client goes away (or 10s pass), so that the
// test server can close.
func waitGone(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-time.After(10 * time.Second):
	}
}

func TestFetchTimeouts(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"slow headers", func(w http.ResponseWriter, r *http.Request) {
			waitGone(r)
		}},
		{"trickling body", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			_, _ = w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`))
			for {
				if _, err := w.Write([]byte("a")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.handler)
			f := newTestFetcher(t, Options{Timeout: 300 * time.Millisecond})
			res := fetchURL(f, srv.URL, newsdesk.SourceState{})
			wantErr(t, res.Err, ErrTimeout)
			wantErr(t, res.Err, context.DeadlineExceeded)
			if !strings.Contains(res.State.Error, "timed out after 300ms") {
				t.Errorf("Error = %q, want it to name the 300ms deadline", res.State.Error)
			}
			if got, want := res.State.ConsecutiveErrors, 1; got != want {
				t.Errorf("ConsecutiveErrors = %d, want %d", got, want)
			}
			wantBackoff(t, res.State)
		})
	}
}

func TestFetchTransportHeaderTimeout(t *testing.T) {
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { waitGone(r) }))
	tr := &http.Transport{ResponseHeaderTimeout: 100 * time.Millisecond}
	f := newTestFetcher(t, Options{Timeout: 5 * time.Second, Transport: tr})
	res := fetchURL(f, srv.URL, newsdesk.SourceState{})
	wantErr(t, res.Err, ErrTimeout)
	wantErr(t, res.Err, context.DeadlineExceeded)
	if got, want := res.State.Status, 0; got != want {
		t.Errorf("Status = %d, want %d", got, want)
	}
}

func TestFetchConnectionReset(t *testing.T) {
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		if tc, ok := conn.(*net.TCPConn); ok {
			_ = tc.SetLinger(0) // send RST, not FIN
		}
		_ = conn.Close()
	}))
	f := newTestFetcher(t, Options{})
	res := fetchURL(f, srv.URL, newsdesk.SourceState{})
	if res.Err == nil {
		t.Fatal("err = nil, want a network error")
	}
	for _, sentinel := range []error{ErrTimeout, ErrHTTPStatus, ErrParse, ErrNotFeed} {
		if errors.Is(res.Err, sentinel) {
			t.Errorf("err = %v, should not wrap %v", res.Err, sentinel)
		}
	}
	if got, want := res.State.Status, 0; got != want {
		t.Errorf("Status = %d, want %d for a network error", got, want)
	}
	if got, want := res.State.ConsecutiveErrors, 1; got != want {
		t.Errorf("ConsecutiveErrors = %d, want %d", got, want)
	}
	wantBackoff(t, res.State)
}

func TestFetchEndlessBody(t *testing.T) {
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		chunk := bytes.Repeat([]byte("<item><title>x</title></item>"), 100)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	f := newTestFetcher(t, Options{MaxBody: 64 << 10})
	res := fetchURL(f, srv.URL, newsdesk.SourceState{})
	wantErr(t, res.Err, ErrTooLarge)
	if !strings.Contains(res.State.Error, "65536 byte limit") {
		t.Errorf("Error = %q, want it to name the limit", res.State.Error)
	}
	if res.Feed != nil {
		t.Error("Feed != nil for a body over the limit")
	}
}

func TestFetchContentLengthTooLarge(t *testing.T) {
	body := rssFeed("Big", 40)
	srv := serve(t, serveBytes("application/rss+xml", body))
	f := newTestFetcher(t, Options{MaxBody: int64(len(body) - 1)})
	res := fetchURL(f, srv.URL, newsdesk.SourceState{})
	wantErr(t, res.Err, ErrTooLarge)
	f = newTestFetcher(t, Options{MaxBody: int64(len(body))})
	if res := fetchURL(f, srv.URL, newsdesk.SourceState{}); res.Err != nil {
		t.Fatalf("body of exactly MaxBody: err = %v", res.Err)
	}
}

// gzipBomb returns 100 MB of zeros, gzipped (about 100 KB).
func gzipBomb(t *testing.T) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 100 {
		if _, err := zw.Write(zeros); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFetchGzipBomb(t *testing.T) {
	bomb := gzipBomb(t)
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(bomb)
	}))
	tests := []struct {
		name      string
		transport http.RoundTripper
	}{
		{"transport decompresses", nil},
		// The server compresses although nobody asked: fetcher decompresses.
		{"fetcher decompresses", &http.Transport{DisableCompression: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newTestFetcher(t, Options{MaxBody: 1 << 20, Transport: tt.transport})
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			res := fetchURL(f, srv.URL, newsdesk.SourceState{})
			runtime.ReadMemStats(&after)
			wantErr(t, res.Err, ErrTooLarge)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
				t.Errorf("allocated %d MB for a 1 MB limit, want under 32 MB", alloc>>20)
			}
		})
	}
}

func TestFetchGzipFeed(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(rssFeed("Zipped", 3))
	_ = zw.Close()
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(buf.Bytes())
	}))
	for _, tr := range []http.RoundTripper{nil, &http.Transport{DisableCompression: true}} {
		f := newTestFetcher(t, Options{Transport: tr})
		res := fetchURL(f, srv.URL, newsdesk.SourceState{})
		if res.Err != nil {
			t.Fatalf("err = %v", res.Err)
		}
		if got, want := len(res.Feed.Items), 3; got != want {
			t.Errorf("items = %d, want %d", got, want)
		}
	}
}
