package fetcher

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk"
)

// peakCounter counts the requests a handler serves at once.
type peakCounter struct {
	now, peak, total atomic.Int64
}

func (p *peakCounter) wrap(delay time.Duration, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := p.now.Add(1)
		p.total.Add(1)
		for {
			old := p.peak.Load()
			if n <= old || p.peak.CompareAndSwap(old, n) {
				break
			}
		}
		time.Sleep(delay)
		p.now.Add(-1)
		_, _ = w.Write(body)
	}
}

// fetchAll runs one Fetch per URL at once and returns the results in order.
func fetchAll(f *Fetcher, urls []string) []Result {
	results := make([]Result, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Go(func() { results[i] = fetchURL(f, u, newsdesk.SourceState{}) })
	}
	wg.Wait()
	return results
}

func TestPerHostLimit(t *testing.T) {
	var pc peakCounter
	srv := serve(t, pc.wrap(100*time.Millisecond, rssFeed("Slow", 1)))
	f := newTestFetcher(t, Options{PerHost: 2, Concurrency: 8})
	urls := make([]string, 6)
	for i := range urls {
		urls[i] = srv.URL + "/feed/" + string(rune('a'+i))
	}
	for i, res := range fetchAll(f, urls) {
		if res.Err != nil {
			t.Errorf("fetch %d: %v", i, res.Err)
		}
	}
	if got, want := pc.total.Load(), int64(6); got != want {
		t.Errorf("requests = %d, want %d", got, want)
	}
	if got := pc.peak.Load(); got > 2 {
		t.Errorf("server saw %d requests at once, want at most 2", got)
	}
}

func TestGlobalLimit(t *testing.T) {
	var pc peakCounter
	h := pc.wrap(50*time.Millisecond, rssFeed("Slow", 1))
	a, b := serve(t, h), serve(t, h) // two hosts (ports)
	f := newTestFetcher(t, Options{PerHost: 4, Concurrency: 1})
	for i, res := range fetchAll(f, []string{a.URL + "/1", b.URL + "/1", a.URL + "/2", b.URL + "/2"}) {
		if res.Err != nil {
			t.Errorf("fetch %d: %v", i, res.Err)
		}
	}
	if got := pc.peak.Load(); got != 1 {
		t.Errorf("requests at once across hosts = %d, want 1", got)
	}
}

func TestFetchCancelledWhileWaiting(t *testing.T) {
	release := make(chan struct{})
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
		_, _ = w.Write(rssFeed("Held", 1))
	}))
	f := newTestFetcher(t, Options{Concurrency: 1})
	held := make(chan Result)
	go func() { held <- fetchURL(f, srv.URL+"/held", newsdesk.SourceState{}) }()
	// Wait until the first fetch holds the only slot.
	for len(f.global) == 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	prev := newsdesk.SourceState{URL: srv.URL + "/waiting", ConsecutiveErrors: 3, ETag: `"e"`}
	res := f.Fetch(ctx, newsdesk.Source{URL: srv.URL + "/waiting"}, prev)
	if !errors.Is(res.Err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", res.Err)
	}
	if res.State != prev {
		t.Errorf("State = %+v, want prev unchanged %+v", res.State, prev)
	}
	close(release)
	if r := <-held; r.Err != nil {
		t.Errorf("held fetch: %v", r.Err)
	}
}

// TestHealthyBesideFaulty fetches healthy and faulty sources in one run:
// every healthy feed arrives whole.
func TestHealthyBesideFaulty(t *testing.T) {
	healthy := rssFeed("Healthy", 50)
	bomb := gzipBomb(t)
	faulty := []http.HandlerFunc{
		func(w http.ResponseWriter, r *http.Request) { waitGone(r) },
		func(w http.ResponseWriter, r *http.Request) {
			conn, _, _ := w.(http.Hijacker).Hijack()
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0)
			}
			_ = conn.Close()
		},
		func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) },
		func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write(bomb)
		},
	}
	var urls []string
	for _, h := range faulty {
		urls = append(urls, serve(t, h).URL)
		urls = append(urls, serve(t, serveBytes("application/rss+xml", healthy)).URL)
	}
	f := newTestFetcher(t, Options{Timeout: 500 * time.Millisecond, MaxBody: 1 << 20, Concurrency: 4})
	for i, res := range fetchAll(f, urls) {
		if i%2 == 0 {
			if res.Err == nil {
				t.Errorf("faulty source %d: err = nil", i/2)
			}
			continue
		}
		if res.Err != nil {
			t.Errorf("healthy source %d: %v", i/2, res.Err)
			continue
		}
		if got, want := len(res.Feed.Items), 50; got != want {
			t.Errorf("healthy source %d: %d items, want %d", i/2, got, want)
		}
		if got, want := res.Feed.Items[49].Title, "Story 49"; got != want {
			t.Errorf("healthy source %d: last item %q, want %q", i/2, got, want)
		}
	}
}
