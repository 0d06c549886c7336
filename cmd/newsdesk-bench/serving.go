package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// loadResult is one load run against one handler.
type loadResult struct {
	requests int
	wall     time.Duration
	p50, p99 time.Duration
	status   int // status of the responses (all equal, else an error)
}

func (l loadResult) rps() float64 { return float64(l.requests) / l.wall.Seconds() }

// serveLoopback serves h on a fresh loopback listener until the returned
// stop is called.
func serveLoopback(h http.Handler) (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// target is one URL the load test requests, with its headers.
type target struct {
	url string
	hdr map[string]string
}

// load sends requests GETs over conns keep-alive connections, request i
// to targets[i % len(targets)], and measures each request's latency.
func load(ctx context.Context, targets []target, conns, requests int) (loadResult, error) {
	if len(targets) == 0 {
		return loadResult{}, fmt.Errorf("load: no target")
	}
	tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	lat := make([]time.Duration, requests)
	var next atomic.Int64
	var status atomic.Int64
	var firstErr error
	var once sync.Once
	fail := func(err error) { once.Do(func() { firstErr = err }) }
	do := func(i int) (int, error) {
		tg := targets[i%len(targets)]
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, tg.url, nil)
		if err != nil {
			return 0, err
		}
		for k, v := range tg.hdr {
			req.Header.Set(k, v)
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, err
	}
	// One warm-up request per connection opens the connections.
	var wg sync.WaitGroup
	for c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := do(c); err != nil {
				fail(err)
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return loadResult{}, firstErr
	}
	start := time.Now()
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= requests {
					return
				}
				t := time.Now()
				code, err := do(i)
				lat[i] = time.Since(t)
				if err != nil {
					fail(err)
					return
				}
				if old := status.Swap(int64(code)); old != 0 && old != int64(code) {
					fail(fmt.Errorf("status %d then %d", old, code))
				}
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	if firstErr != nil {
		return loadResult{}, firstErr
	}
	sortDurations(lat)
	return loadResult{requests: requests, wall: wall, p50: quantile(lat, 0.50), p99: quantile(lat, 0.99), status: int(status.Load())}, nil
}

// bareDoc is one document the bare handler serves.
type bareDoc struct {
	body        []byte
	ctype, etag string
}

// bareHandler serves each document at its path as the feed handler would,
// with nothing else: a fixed ETag answered with 304 on a match.
func bareHandler(docs map[string]bareDoc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, ok := docs[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", d.etag)
		if r.Header.Get("If-None-Match") == d.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", d.ctype)
		w.Write(d.body)
	})
}

// bestOf runs f rounds times and keeps the round with the most requests
// per second (the machine is shared: the best round is the least
// disturbed one).
func bestOf(rounds int, f func() (loadResult, error)) (loadResult, error) {
	var best loadResult
	for range rounds {
		r, err := f()
		if err != nil {
			return r, err
		}
		if best.requests == 0 || r.rps() > best.rps() {
			best = r
		}
	}
	return best, nil
}
