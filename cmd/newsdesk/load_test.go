package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestServeUnderLoad starts `newsdesk serve` on 100 generated sources of 50
// items each and reads section feeds and pages from several goroutines
// while its start-up fetch writes those 5,000 items: every answer is a 200,
// and the readers saw the feed grow (they read during the ingest). Then it
// checks the HTTP surface on the same process: bounded query parameters,
// security headers, GET/HEAD only, oversized and slow headers cut off.
func TestServeUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a real process")
	}
	const sources, items = 100, 50
	// The last ten sources answer after a second, so that the ingest
	// lasts while the readers read, however fast the machine.
	feeds := httptest.NewServer(&genFeeds{items: items, delay: func(n int) time.Duration {
		if n >= sources-10 {
			return time.Second
		}
		return time.Duration(n%4) * 5 * time.Millisecond
	}})
	defer feeds.Close()
	dir := t.TempDir()
	addr := freeAddr(t)
	cfg := genConfig(t, dir, feeds.URL, sources, "")
	raw, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(strings.Replace(string(raw), "127.0.0.1:0", addr, 1),
		"http://127.0.0.1:8080", "http://"+addr, 1)), 0o644)
	_, logs := startServe(t, cfg)
	base := "http://" + addr
	eventually(t, "healthz answers", logs, func() bool { c, _ := get(base + "/healthz"); return c == 200 })

	var wg sync.WaitGroup
	var reads, bad atomic.Int64
	var lastBad atomic.Value
	var mu sync.Mutex
	sizes := map[int]bool{} // distinct lengths of /feeds/s0.atom seen
	paths := []string{"/feeds/s0.atom", "/feeds/s1.rss", "/feeds/mix.json", "/", "/sections/s2", "/feeds/s3.atom?limit=5"}
	var ingested atomic.Bool
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Read until the ingest is over (at most 1,000 reads each).
			for i := 0; i < 1000 && !ingested.Load(); i++ {
				p := paths[(g+i)%len(paths)]
				code, body := get(base + p)
				reads.Add(1)
				if code != http.StatusOK {
					bad.Add(1)
					lastBad.Store(fmt.Sprintf("%s: %d %.200s", p, code, body))
				}
				if p == "/feeds/s0.atom" {
					mu.Lock()
					sizes[len(body)] = true
					mu.Unlock()
				}
			}
		}()
	}
	eventually(t, "the ingest completes", logs, func() bool {
		_, body := get(base + "/api/sources")
		return strings.Count(body, fmt.Sprintf(`"items_stored": %d`, items)) == sources
	})
	ingested.Store(true)
	wg.Wait()
	if bad.Load() > 0 {
		t.Errorf("%d of %d reads during the ingest were not 200; last: %v", bad.Load(), reads.Load(), lastBad.Load())
	}
	if len(sizes) < 2 {
		t.Errorf("the readers saw %d version(s) of /feeds/s0.atom: they did not read during the ingest", len(sizes))
	}
	t.Logf("%d reads during the ingest, all 200; %d versions of one feed seen", reads.Load(), len(sizes))

	t.Run("bounded query parameters", func(t *testing.T) {
		for _, q := range []string{"?limit=100000", "?limit=0", "?limit=-1", "?limit=abc", "?limit=5&limit=6",
			"?before=garbage", "?before=1.2", "?before=1.9999999999.3", "?" + strings.Repeat("x=1&", 2000) + "before=x"} {
			if code, _ := get(base + "/feeds/s0.atom" + q); code != http.StatusBadRequest {
				t.Errorf("/feeds/s0.atom%.40s: %d, want 400", q, code)
			}
		}
		if code, _ := get(base + "/feeds/s0.atom?limit=500"); code != http.StatusOK {
			t.Errorf("limit=500: %d, want 200", code)
		}
	})

	t.Run("security headers", func(t *testing.T) {
		for _, p := range []string{"/", "/sections/s0", "/sources", "/report", "/feeds/s0.atom", "/feeds/s0.rss", "/feeds/s0.json", "/api/sources"} {
			resp, err := http.Get(base + p)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("%s: %d", p, resp.StatusCode)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("%s: X-Content-Type-Options %q, want nosniff", p, got)
			}
			if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || strings.HasPrefix(p, "/feeds/") {
				if got := resp.Header.Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'self'") {
					t.Errorf("%s: Content-Security-Policy %q, want default-src 'self'", p, got)
				}
			}
		}
	})

	t.Run("GET and HEAD only", func(t *testing.T) {
		// No endpoint changes state: every method but GET and HEAD is
		// refused on every path.
		for _, p := range []string{"/", "/sections/s0", "/feeds/s0.atom", "/feeds/s0.rss", "/feeds/s0.json", "/feeds.opml",
			"/sources", "/api/sources", "/report", "/api/report", "/healthz", "/metrics", "/static/style.css", "/feed.xsl", "/nope"} {
			for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
				req, _ := http.NewRequest(m, base+p, strings.NewReader("x=1"))
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusNotFound {
					t.Errorf("%s %s: %d, want 405 or 404", m, p, resp.StatusCode)
				}
			}
			req, _ := http.NewRequest(http.MethodHead, base+p, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if p != "/nope" && resp.StatusCode != http.StatusOK {
				t.Errorf("HEAD %s: %d, want 200", p, resp.StatusCode)
			}
		}
	})

	t.Run("oversized headers", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
		req.Header.Set("X-Big", strings.Repeat("a", 200<<10))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("200 KiB of headers: %d, want 431", resp.StatusCode)
		}
	})

	t.Run("slow headers cut off", func(t *testing.T) {
		// A slowloris client sends its headers a byte at a time; the server
		// hangs up (ReadHeaderTimeout) long before it is done.
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		closed := make(chan error, 1)
		go func() {
			_, err := io.Copy(io.Discard, bufio.NewReader(conn))
			closed <- err
		}()
		msg := "GET / HTTP/1.1\r\nHost: x\r\n" + strings.Repeat("X-Slow: yes\r\n", 10)
		for i := range len(msg) {
			if _, err := conn.Write([]byte{msg[i]}); err != nil {
				return // cut off while writing
			}
			select {
			case <-closed:
				t.Logf("cut off after %d of %d header bytes", i+1, len(msg))
				return
			case <-time.After(200 * time.Millisecond):
			}
		}
		t.Fatalf("the server read %d header bytes over %s without hanging up", len(msg), time.Duration(len(msg))*200*time.Millisecond)
	})
}

// TestServerTimeoutsSet parses serve.go: the http.Server it builds sets
// every timeout and the header size limit (none of them is testable in
// reasonable time but ReadHeaderTimeout, exercised above).
func TestServerTimeoutsSet(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(".", "serve.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		sel, ok := lit.Type.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Server" {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "http" {
			return true
		}
		found = true
		set := map[string]bool{}
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				set[kv.Key.(*ast.Ident).Name] = true
			}
		}
		for _, want := range []string{"ReadHeaderTimeout", "ReadTimeout", "WriteTimeout", "IdleTimeout", "MaxHeaderBytes"} {
			if !set[want] {
				t.Errorf("the http.Server in serve.go does not set %s", want)
			}
		}
		return true
	})
	if !found {
		t.Fatal("no http.Server literal in serve.go")
	}
}
