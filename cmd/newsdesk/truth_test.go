package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk/feedgen"
	"newsdesk/metrics"
	"newsdesk/scheduler"
)

// freshFeeds serves /fresh.rss with three new items at every request, so
// that every fetch has something to write.
func freshFeeds(t *testing.T) *httptest.Server {
	var n atomic.Int64
	files := http.FileServer(http.Dir("testdata/feeds"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/fresh.rss" {
			files.ServeHTTP(w, r)
			return
		}
		k := n.Add(1)
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Fresh</title><link>http://127.0.0.1/</link>`)
		for i := range 3 {
			fmt.Fprintf(&b, "<item><title>Fresh story %d-%d about %s</title><link>http://127.0.0.1/fresh/%d/%d</link><description>%s</description></item>",
				k, i, genWords(uint64(k*10+int64(i)), 6), k, i, genWords(uint64(k*100+int64(i)), 400))
		}
		b.WriteString("</channel></rss>")
		w.Write([]byte(b.String()))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// truthServer opens the app of a fresh config in-process, with the given
// storage knobs, fetches every source once and returns the server.
func truthServer(t *testing.T, busy time.Duration, unhealthyAfter time.Duration) (*server, string) {
	t.Helper()
	feeds := freshFeeds(t)
	cfgPath := writeConfig(t, t.TempDir(), feeds.URL, "", "  - id: fresh\n    sources:\n      - "+feeds.URL+"/fresh.rss\n")
	g, _, err := parseGlobals([]string{"--config", cfgPath, "--log-level", "error"})
	if err != nil {
		t.Fatal(err)
	}
	g.stderr = os.Stderr
	a, err := openApp(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	// Reopen with the knobs a test needs (they are read at open).
	a.db.Close()
	a.db.BusyTimeout, a.db.UnhealthyAfter = busy, unhealthyAfter
	if err := a.db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	for _, r := range a.desk.FetchAll(context.Background(), a.cfg.Sources(), true, nil) {
		if r.Err != nil {
			t.Fatalf("first fetch of %s: %v", r.Source, r.Err)
		}
	}
	s := &server{app: a, g: g, metrics: metrics.New("test"), sched: scheduler.New(nil, a.log)}
	s.feeds = feedgen.NewHandler(a.db, a.cfg.Sections, feedOptions(a.cfg, a.log))
	return s, cfgPath
}

func call(h http.Handler, method, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, path, nil)
	req.RemoteAddr = "127.0.0.1:40000" // the admin pages answer loopback clients without a token
	h.ServeHTTP(rec, req)
	return rec
}

// rawSQLite are fragments of SQLite's own error text, which no public page
// may show.
var rawSQLite = []string{"malformed", "(11)", "(5)", "(13)", "(522)", "SQLITE_", "disk image"}

// TestHealthzTellsTheTruth breaks the store under a running app in each
// way a supervisor must hear of: /healthz answers 503 with the reason in
// words, and /sources says what is wrong without SQLite's text.
func TestHealthzTellsTheTruth(t *testing.T) {
	cases := []struct {
		name   string
		busy   time.Duration
		break_ func(t *testing.T, s *server) func()
		reason string
	}{
		{name: "garbage over the file", reason: "damaged", break_: func(t *testing.T, s *server) func() {
			fi, _ := os.Stat(s.db.Path)
			os.WriteFile(s.db.Path, []byte(strings.Repeat("\x07garbage", int(fi.Size()/8)+1)), 0o644)
			return nil
		}},
		{name: "WAL truncated", reason: "a read of the database", break_: func(t *testing.T, s *server) func() {
			if err := os.Truncate(s.db.Path+"-wal", 0); err != nil {
				t.Fatal(err)
			}
			return nil
		}},
		{name: "file deleted", reason: "deleted or replaced", break_: func(t *testing.T, s *server) func() {
			os.Remove(s.db.Path)
			return nil
		}},
		{name: "locked", busy: 50 * time.Millisecond, reason: "locked by another program", break_: func(t *testing.T, s *server) func() {
			other, err := sql.Open("sqlite", "file:"+s.db.Path+"?_pragma=busy_timeout(0)")
			if err != nil {
				t.Fatal(err)
			}
			conn, err := other.Conn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
				t.Fatal(err)
			}
			return func() { conn.ExecContext(context.Background(), "ROLLBACK"); conn.Close(); other.Close() }
		}},
		{name: "full", reason: "full", break_: func(t *testing.T, s *server) func() {
			other, err := sql.Open("sqlite", "file:"+s.db.Path)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			// The writer's own connection carries max_page_count: cap it at
			// what the file holds through a statement on the writer.
			var pages int
			other.QueryRow("PRAGMA page_count").Scan(&pages)
			s.db.Close()
			s.db.MaxPages = pages
			if err := s.db.Open(context.Background()); err != nil {
				t.Fatal(err)
			}
			return nil
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			busy := c.busy
			if busy == 0 {
				busy = time.Second
			}
			s, _ := truthServer(t, busy, time.Nanosecond)
			h, _ := s.routes()
			if rec := call(h, "GET", "/healthz"); rec.Code != 200 {
				t.Fatalf("healthz before = %d %s", rec.Code, rec.Body)
			}
			undo := c.break_(t, s)
			// Writes fail as fetches come (a supervisor sees it as soon as
			// every write has failed for UnhealthyAfter).
			for range 2 {
				s.desk.FetchAll(context.Background(), s.cfg.Sources(), true, nil)
			}
			rec := call(h, "GET", "/healthz")
			if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), c.reason) {
				t.Fatalf("healthz = %d %q, want 503 saying %q", rec.Code, rec.Body, c.reason)
			}
			for _, p := range []string{"/healthz", "/sources", "/api/sources"} {
				body := call(h, "GET", p).Body.String()
				for _, raw := range rawSQLite {
					if strings.Contains(body, raw) {
						t.Errorf("%s shows SQLite's text %q: %s", p, raw, body)
					}
				}
			}
			if c.name == "locked" || c.name == "full" {
				// The source is recorded as failing, with its streak and a
				// next attempt, though nothing could be written.
				body := call(h, "GET", "/api/sources").Body.String()
				if !strings.Contains(body, "storage failed: the ") || !strings.Contains(body, `"consecutive_errors": 2`) {
					t.Errorf("/api/sources does not record the storage failure:\n%s", body)
				}
			}
			if undo != nil {
				undo()
				s.desk.FetchAll(context.Background(), s.cfg.Sources(), true, nil)
				if rec := call(h, "GET", "/healthz"); rec.Code != 200 {
					t.Errorf("healthz once the lock is gone = %d %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// TestMethodsAnswer405: every path answers a method it does not serve
// with 405 and Allow, as the feeds do.
func TestMethodsAnswer405(t *testing.T) {
	s, _ := truthServer(t, time.Second, 0)
	h, _ := s.routes()
	for _, p := range []string{"/healthz", "/metrics", "/sources", "/api/sources", "/report", "/api/report",
		"/feeds/politique.atom", "/feeds.opml", "/", "/sections/politique"} {
		for _, m := range []string{"POST", "PUT", "DELETE"} {
			rec := call(h, m, p)
			if rec.Code != http.StatusMethodNotAllowed || !strings.Contains(rec.Header().Get("Allow"), "GET") {
				t.Errorf("%s %s = %d, Allow %q; want 405 with Allow", m, p, rec.Code, rec.Header().Get("Allow"))
			}
		}
		if rec := call(h, "HEAD", p); rec.Code != 200 {
			t.Errorf("HEAD %s = %d", p, rec.Code)
		}
	}
}
