package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to read the database as it is

	"newsdesk/storage"
	"newsdesk/storage/pgtest"
)

// countingFeeds serves genFeeds and counts the requests of every source at
// the server. The sources listed in hang answer an empty channel until
// armed; then the first request of each is held until its client goes away
// (a process killed mid-fetch).
type countingFeeds struct {
	gen  *genFeeds
	hang map[int]bool

	mu       sync.Mutex
	armed    bool
	requests map[int][]time.Time // arrival times by source number
	hanging  int                 // requests being held now
	held     map[int]int         // index in requests of the held request, by source
}

func (c *countingFeeds) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, _ := strings.CutPrefix(r.URL.Path, "/f/")
	n, _ := strconv.Atoi(strings.TrimSuffix(name, ".rss"))
	c.mu.Lock()
	c.requests[n] = append(c.requests[n], time.Now())
	_, done := c.held[n]
	hold := c.hang[n] && c.armed && !done
	empty := c.hang[n] && !c.armed
	if hold {
		c.held[n] = len(c.requests[n]) - 1
		c.hanging++
	}
	c.mu.Unlock()
	switch {
	case hold:
		<-r.Context().Done() // until the client is gone
		c.mu.Lock()
		c.hanging--
		c.mu.Unlock()
	case empty:
		w.Header().Set("ETag", fmt.Sprintf(`"f%d-empty"`, n))
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write([]byte(genRSS(n, 0, 0)))
	default:
		c.gen.ServeHTTP(w, r)
	}
}

func (c *countingFeeds) arm() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.armed = true
}

func (c *countingFeeds) count(n int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.requests[n])
}

func (c *countingFeeds) holding() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hanging
}

// startServeAt starts `newsdesk serve --listen addr` with env.
func startServeAt(t *testing.T, cfgPath, addr string, env ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(binary(t), "--config", cfgPath, "--log-format", "text", "serve", "--listen", addr, "--shutdown-grace", "2s")
	cmd.Env = append(os.Environ(), env...)
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, logs
}

// getFeed returns a feed's status, ETag and body digest.
func getFeed(url string) (int, string, string) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, "", err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("ETag"), fmt.Sprintf("%x", sha256.Sum256(b))
}

// TestScaleOutOnPostgres runs several `newsdesk serve` processes on one
// PostgreSQL database, from one config file (--listen each), with 120
// sources on a loopback feed server that counts its requests:
//
//   - the first process starts alone and stores 108 sources (hourly) and
//     12 others (every 4 s, empty at first); the next request of each of
//     the 12 is held, and the process is killed (SIGKILL) in the middle of
//     those 12 fetches;
//   - three more start: none fetches the hourly sources again (each was
//     fetched once in its tick), and once the dead process's claims have
//     expired (twice fetch.timeout) the held sources are taken over and
//     stored whole, each fetched by one process per tick;
//   - the three serve every section with identical bytes and ETag; a
//     cron-run `newsdesk fetch` beside them finds every source claimed in
//     its tick, and with --force stores a source's new version, which all
//     three serve, each rendering the changed feed once however often it
//     is asked (newsdesk_feed_renders_total);
//   - no source's items are lost or doubled, and the engine's invariants
//     hold on the database.
func TestScaleOutOnPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real processes")
	}
	pgURL := pgtest.URL(t)
	const hourly, ticking, items = 108, 12, 20
	var version int
	var vmu sync.Mutex
	gen := &genFeeds{items: items, version: func() int { vmu.Lock(); defer vmu.Unlock(); return version }}
	feeds := &countingFeeds{gen: gen, hang: map[int]bool{}, requests: map[int][]time.Time{}, held: map[int]int{}}
	for n := hourly; n < hourly+ticking; n++ {
		feeds.hang[n] = true
	}
	srv := httptest.NewServer(feeds)
	defer srv.Close()

	dir := t.TempDir()
	var b strings.Builder
	// The file names a database that must not be used: NEWSDESK_DATABASE wins.
	b.WriteString("listen: 127.0.0.1:0\nbase_url: http://news.example\ndatabase: unused.db\nschedule: \"@every 1h\"\nmin_interval: 1s\n")
	b.WriteString("fetch:\n  concurrency: 32\n  per_host: 32\n  timeout: 10s\nsections:\n")
	for s := range 4 {
		fmt.Fprintf(&b, "  - id: s%d\n    title: Section %d\n    limit: 500\n    sources:\n", s, s)
		for n := s; n < hourly; n += 4 {
			fmt.Fprintf(&b, "      - %s/f/%d.rss\n", srv.URL, n)
		}
	}
	b.WriteString("  - id: ticking\n    title: Ticking\n    limit: 500\n    sources:\n")
	for n := hourly; n < hourly+ticking; n++ {
		fmt.Fprintf(&b, "      - url: %s/f/%d.rss\n        schedule: \"*/4 * * * * *\"\n", srv.URL, n)
	}
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	env := "NEWSDESK_DATABASE=" + pgURL

	// One process alone: it stores the hourly sources (and the ticking
	// ones, empty until armed), then is killed in the middle of the
	// ticking sources' next fetches, which the server holds.
	first, firstLogs := startServeAt(t, cfg, freeAddr(t), env)
	eventually(t, "the first process fetched the sources", firstLogs, func() bool {
		for n := range hourly + ticking {
			if feeds.count(n) == 0 {
				return false
			}
		}
		return true
	})
	eventually(t, "the sources are stored", firstLogs, func() bool { return storedSources(t, pgURL) >= hourly+ticking })
	feeds.arm()
	for i := 0; feeds.holding() < ticking; i++ {
		if i == 600 {
			t.Fatalf("the first process's next tick of the ticking sources: %d of %d held\n%s", feeds.holding(), ticking, firstLogs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	first.Process.Kill() // all twelve held: mid-fetch
	first.Wait()
	killed := time.Now()

	// Three processes take over.
	var addrs []string
	var logs []*syncBuffer
	for range 3 {
		addr := freeAddr(t)
		_, l := startServeAt(t, cfg, addr, env)
		addrs, logs = append(addrs, addr), append(logs, l)
	}
	all := &syncBuffer{}
	logsOf := func() string {
		var s strings.Builder
		for i, l := range logs {
			fmt.Fprintf(&s, "--- process %d\n%s", i+2, l.String())
		}
		return s.String()
	}
	for _, a := range addrs {
		eventually(t, "process on "+a+" answers", all, func() bool { c, _ := get("http://" + a + "/healthz"); return c == 200 })
	}
	for n := hourly; n < hourly+ticking; n++ {
		for range 600 {
			if itemsOf(t, pgURL, fmt.Sprintf("%s/f/%d.rss", srv.URL, n)) == items {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if got := itemsOf(t, pgURL, fmt.Sprintf("%s/f/%d.rss", srv.URL, n)); got != items {
			t.Fatalf("source %d held by the killed process: %d items stored, want %d\n%s", n, got, items, logsOf())
		}
	}
	t.Logf("the killed process's sources were taken over and stored %s after the kill", time.Since(killed).Round(100*time.Millisecond))
	// Not before the dead process's lease (twice fetch.timeout from its
	// claim, made just before its request reached the server): a process
	// that is only slow keeps its sources until then.
	const lease = 2 * 10 * time.Second
	feeds.mu.Lock()
	for n := hourly; n < hourly+ticking; n++ {
		r, h := feeds.requests[n], feeds.held[n]
		if len(r) < h+2 {
			t.Errorf("source %d held by the killed process: no request after the held one", n)
		} else if r[h+1].Sub(r[h]) < lease-time.Second {
			t.Errorf("source %d held by the killed process was fetched again %v after its claim, before the lease of %v ended", n, r[h+1].Sub(r[h]), lease)
		}
	}
	feeds.mu.Unlock()

	// Every hourly source was fetched once: the three new processes found
	// each one claimed in its tick.
	for n := range hourly {
		if c := feeds.count(n); c != 1 {
			t.Errorf("hourly source %d was requested %d times, want 1", n, c)
		}
	}
	// The ticking sources: one request per tick of their schedule (4 s,
	// at whole multiples of 4 s since the epoch), whichever process made it.
	feeds.mu.Lock()
	for n := hourly; n < hourly+ticking; n++ {
		ticks := map[int64]int{}
		for _, at := range feeds.requests[n][feeds.held[n]+1:] { // the three processes
			ticks[at.Add(time.Second).Unix()/4]++ // a request follows its tick closely
		}
		for tick, c := range ticks {
			if c > 1 {
				t.Errorf("source %d was requested %d times in the tick at %s", n, c, time.Unix(tick*4, 0).Format(time.TimeOnly))
			}
		}
	}
	feeds.mu.Unlock()

	// Identical feeds from every process.
	sections := []string{"s0", "s1", "s2", "s3", "ticking"}
	same := func() (bool, string) {
		for _, sec := range sections {
			var first string
			for i, a := range addrs {
				code, etag, sum := getFeed("http://" + a + "/feeds/" + sec + ".atom")
				if code != 200 || etag == "" {
					return false, fmt.Sprintf("%s from process %d: %d", sec, i+2, code)
				}
				if i == 0 {
					first = etag + " " + sum
				} else if etag+" "+sum != first {
					return false, fmt.Sprintf("%s: process %d serves %s, process 2 %s", sec, i+2, etag+" "+sum, first)
				}
			}
		}
		return true, ""
	}
	waitSame := func(what string) {
		t.Helper()
		var why string
		for range 300 {
			var ok bool
			if ok, why = same(); ok {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s: the processes serve different feeds: %s\n%s", what, why, logsOf())
	}
	waitSame("after the takeover")

	// A cron-run fetch beside them: without --force every hourly source is
	// claimed in its tick already; with it, they are fetched again, and all
	// three processes serve what it stored.
	cron := exec.Command(binary(t), "--config", cfg, "--log-level", "error", "fetch", "--section", "s0")
	cron.Env = append(os.Environ(), env)
	out, err := cron.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "claimed by another process") {
		t.Fatalf("cron fetch beside serve: %v\n%s", err, out)
	}
	renders := func() []int {
		var out []int
		for _, a := range addrs {
			_, body := get("http://" + a + "/metrics")
			n := -1
			for _, line := range strings.Split(body, "\n") {
				if v, ok := strings.CutPrefix(line, `newsdesk_feed_renders_total{format="atom",section="s0"} `); ok {
					n, _ = strconv.Atoi(v)
				}
			}
			out = append(out, n)
		}
		return out
	}
	before := renders()
	vmu.Lock()
	version = 1
	vmu.Unlock()
	// One source, so that its new items are all on the feed's first page.
	cmd := exec.Command(binary(t), "--config", cfg, "--log-level", "error", "fetch", "--source", srv.URL+"/f/0.rss", "--force")
	cmd.Env = append(os.Environ(), env)
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "20 new") {
		t.Fatalf("cron fetch --force beside serve: %v\n%s", err, out)
	}
	stored := time.Now()
	want := "f0v1i0"
	for i, a := range addrs {
		eventually(t, fmt.Sprintf("process %d shows the cron fetch", i+2), logs[i], func() bool {
			_, body := get("http://" + a + "/feeds/s0.atom")
			if !strings.Contains(body, want) && strings.Count(body, "<entry>") < 3 {
				t.Logf("s0.atom: %.300s", body)
			}
			return strings.Contains(body, want)
		})
	}
	t.Logf("all three processes served the cron fetch's items %s after it stored them", time.Since(stored).Round(10*time.Millisecond))
	waitSame("after the cron fetch")
	// One change, one render of the feed in each process, however many
	// requests (the polls above, and these).
	for range 10 {
		for _, a := range addrs {
			getFeed("http://" + a + "/feeds/s0.atom")
		}
	}
	after := renders()
	for i := range addrs {
		if before[i] < 1 || after[i] != before[i]+1 {
			t.Errorf("process %d: %d renders of s0.atom before the cron fetch, %d more after it; want exactly one more, for its one change", i+2, before[i], after[i]-before[i])
		}
	}

	// Nothing lost or doubled, and the engine's invariants hold.
	db := storage.New(pgURL)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	states, err := db.SourceStates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for n := range hourly + ticking {
		u := fmt.Sprintf("%s/f/%d.rss", srv.URL, n)
		want := items
		if n == 0 {
			want = 2 * items // fetched again at version 1
		}
		got := states[u].ItemsStored
		if n >= hourly && got == 2*items {
			continue // a tick after the version change fetched version 1 too
		}
		if got != want {
			t.Errorf("source %d: %d items stored, want %d", n, got, want)
		}
	}
	if err := db.CheckInvariants(context.Background()); err != nil {
		t.Errorf("invariants after the scale-out run: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "unused.db")); err == nil {
		t.Error("the config file's database was created although NEWSDESK_DATABASE names another")
	}
}

// storedSources counts the sources with a successful fetch stored.
func storedSources(t *testing.T, url string) int {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sources WHERE last_success > 0`).Scan(&n); err != nil {
		return 0 // not migrated yet
	}
	return n
}

// itemsOf counts a source's stored items.
func itemsOf(t *testing.T, url, source string) int {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM items i JOIN sources s ON s.id = i.source_id WHERE s.url = $1`, source).Scan(&n); err != nil {
		return 0
	}
	return n
}
