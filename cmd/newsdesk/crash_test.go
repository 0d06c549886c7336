package main

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// genFeeds serves generated RSS feeds at /f/{n}.rss: sources × items
// distinct stories, each feed with a strong ETag answering If-None-Match
// with 304. Every seventh item's title carries "marker7", which section
// "mix" excludes. version changes every document (and its ETag).
type genFeeds struct {
	items   int
	version func() int
	delay   func(n int) time.Duration // before answering source n; nil: none
}

func (g *genFeeds) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, _ := strings.CutPrefix(r.URL.Path, "/f/")
	name, ok := strings.CutSuffix(name, ".rss")
	n, err := strconv.Atoi(name)
	if !ok || err != nil {
		http.NotFound(w, r)
		return
	}
	if g.delay != nil {
		time.Sleep(g.delay(n))
	}
	v := 0
	if g.version != nil {
		v = g.version()
	}
	etag := fmt.Sprintf(`"f%d-v%d"`, n, v)
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write([]byte(genRSS(n, g.items, v)))
}

// genRSS is source n's document at version v: items stories, newest first.
func genRSS(n, items, v int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Generated %d</title>"+
		"<link>http://127.0.0.1/f/%d</link><description>test source</description>\n", n, n)
	base := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	for i := range items {
		id := fmt.Sprintf("f%dv%di%d", n, v, i)
		title := fmt.Sprintf("Bulletin %s %s", id, genWords(uint64(n*1_000_003+v*7919+i), 6))
		if i%7 == 0 {
			title += " marker7"
		}
		fmt.Fprintf(&b, "<item><title>%s</title><link>http://127.0.0.1/story/%s</link><guid isPermaLink=\"false\">%s</guid>"+
			"<pubDate>%s</pubDate><category>gen</category><description>&lt;p&gt;%s %s&lt;/p&gt;</description></item>\n",
			title, id, id, base.Add(-time.Duration(v*1000+i)*time.Minute).Format(time.RFC1123Z),
			id, genWords(uint64(n*31+i*1_000_033+v), 40))
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

var genVocabulary = strings.Fields(`council budget minister vote harbour strike court ruling election mayor river
flood school teachers hospital nurses railway tunnel festival museum treaty border farmers drought market prices
energy wind solar factory workers union reform pension tax audit police inquiry storm coast fishing bridge repair
league final coach transfer stadium archive library science telescope vaccine trial climate summit delegation`)

// genWords returns n words chosen from seed, each with a number, so that
// generated stories never look alike.
func genWords(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	out := make([]string, n)
	for i := range out {
		out[i] = genVocabulary[r.IntN(len(genVocabulary))] + strconv.Itoa(r.IntN(10000))
	}
	return strings.Join(out, " ")
}

// genConfig writes a config listing sources generated feeds spread over
// four sections, the first ten also in section "mix" (which excludes
// "marker7"), with the database in dir.
func genConfig(t testing.TB, dir, feedBase string, sources int, extra string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("listen: 127.0.0.1:0\nbase_url: http://127.0.0.1:8080\ndatabase: gen.db\nschedule: \"@every 1h\"\n")
	b.WriteString("fetch:\n  concurrency: 8\n  per_host: 8\n  timeout: 20s\n" + extra + "sections:\n")
	for s := range 4 {
		fmt.Fprintf(&b, "  - id: s%d\n    title: Section %d\n    limit: 500\n    sources:\n", s, s)
		for n := s; n < sources; n += 4 {
			fmt.Fprintf(&b, "      - %s/f/%d.rss\n", feedBase, n)
		}
	}
	b.WriteString("  - id: mix\n    title: Mix\n    limit: 500\n    exclude: [marker7]\n    sources:\n")
	for n := range min(10, sources) {
		fmt.Fprintf(&b, "      - %s/f/%d.rss\n", feedBase, n)
	}
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// dbState is what a database holds, for comparison between runs.
type dbState struct {
	keys    map[string][]string // item keys by source URL
	members []string            // "section source key state", sorted
	etags   map[string]string   // stored ETag by source URL
	bodies  map[string]string   // stored body hash by source URL
}

// readDB opens the file as the next process would (recovering the WAL),
// checks its integrity and reads its contents.
func readDB(t testing.TB, path string) dbState {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check of %s: %q %v", path, res, err)
	}
	st := dbState{keys: map[string][]string{}, etags: map[string]string{}, bodies: map[string]string{}}
	var tables int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'sources'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables == 0 {
		return st // killed before its first migration committed: nothing stored
	}
	rows, err := db.Query(`SELECT s.url, s.etag, s.body_hash FROM sources s`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var u, etag, body string
		rows.Scan(&u, &etag, &body)
		st.etags[u], st.bodies[u] = etag, body
	}
	rows.Close()
	rows, err = db.Query(`SELECT s.url, i.key FROM items i JOIN sources s ON s.id = i.source_id ORDER BY s.url, i.key`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var u, k string
		rows.Scan(&u, &k)
		st.keys[u] = append(st.keys[u], k)
	}
	rows.Close()
	rows, err = db.Query(`SELECT si.section, s.url, i.key, si.state FROM section_items si
		JOIN items i ON i.id = si.item_id JOIN sources s ON s.id = i.source_id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var sec, u, k, state string
		rows.Scan(&sec, &u, &k, &state)
		st.members = append(st.members, sec+" "+u+" "+k+" "+state)
	}
	rows.Close()
	slices.Sort(st.members)
	return st
}

// checkValidators fails when a source has validators (ETag or body hash)
// stored without all the items of the document they describe.
func checkValidators(t testing.TB, st dbState, items int, when string) {
	t.Helper()
	for u, etag := range st.etags {
		if (etag != "" || st.bodies[u] != "") && len(st.keys[u]) != items {
			t.Fatalf("%s: source %s has validators (etag %s) but %d items stored, want %d", when, u, etag, len(st.keys[u]), items)
		}
	}
}

// TestCrashAnywhere kills `newsdesk fetch` and `newsdesk serve` (real
// processes) with SIGKILL at random moments of a large ingest, at least 20
// times. After every kill the file is sound and no source has validators
// without its items; after a final clean fetch, the database holds exactly
// what a run never interrupted holds.
func TestCrashAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes")
	}
	const sources, items, wantKills = 40, 30, 24
	bin := binary(t)
	// Answers take 10–50 ms, so that the ingest is spread over the life of
	// the process and kills land between and inside its transactions.
	feeds := httptest.NewServer(&genFeeds{items: items, delay: func(n int) time.Duration {
		return time.Duration(10+n%5*10) * time.Millisecond
	}})
	defer feeds.Close()

	cleanDir := t.TempDir()
	cleanCfg := genConfig(t, cleanDir, feeds.URL, sources, "")
	run := func(cfg string, args ...string) {
		out, err := exec.Command(bin, append([]string{"--config", cfg, "--log-level", "error"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	start := time.Now()
	run(cleanCfg, "fetch", "--quiet")
	full := time.Since(start)
	clean := readDB(t, filepath.Join(cleanDir, "gen.db"))
	checkValidators(t, clean, items, "clean run")
	if len(clean.keys) != sources {
		t.Fatalf("clean run stored %d sources, want %d", len(clean.keys), sources)
	}

	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("NEWSDESK_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (set NEWSDESK_CRASH_SEED to replay); an uninterrupted fetch takes %s", seed, full.Round(time.Millisecond))
	rng := rand.New(rand.NewPCG(seed, 1))
	// Each round starts from an empty file and kills three times, within
	// the time an uninterrupted fetch takes and sooner each time, so most
	// kills land while items are being written.
	kills, partial, rounds := 0, 0, 0
	for kills < wantKills && rounds < 20 {
		rounds++
		dir := t.TempDir()
		cfg := genConfig(t, dir, feeds.URL, sources, "")
		dbPath := filepath.Join(dir, "gen.db")
		for i := 0; i < 3 && kills < wantKills; i++ {
			cmdName := "fetch"
			args := []string{"--config", cfg, "--log-level", "error", "fetch", "--quiet"}
			if i%2 == 1 {
				cmdName = "serve"
				args = []string{"--config", cfg, "--log-level", "error", "serve"}
			}
			// Later kills of a round come sooner: less work is left.
			delay := time.Duration(rng.Int64N(int64(full) / int64(i+1)))
			cmd := exec.Command(bin, args...)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(delay)
			cmd.Process.Signal(syscall.SIGKILL)
			err := cmd.Wait()
			killed := false
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
				killed = true
				kills++
			}
			st := readDB(t, dbPath)
			stored := 0
			for _, k := range st.keys {
				stored += len(k)
			}
			if killed && stored > 0 && stored < sources*items {
				partial++
			}
			t.Logf("round %d: %s killed after %s: killed=%v (%v), %d items stored", rounds, cmdName, delay.Round(time.Millisecond), killed, err, stored)
			checkValidators(t, st, items, fmt.Sprintf("after kill %d", kills))
		}
		// A restart picks up where it stopped.
		run(cfg, "fetch", "--quiet")
		got := readDB(t, dbPath)
		checkValidators(t, got, items, "after the final fetch")
		for u, want := range clean.keys {
			if !slices.Equal(got.keys[u], want) {
				t.Errorf("round %d: source %s: %d keys, want %d as in a clean run", rounds, u, len(got.keys[u]), len(want))
			}
		}
		if !slices.Equal(got.members, clean.members) {
			t.Errorf("round %d: %d section memberships, want %d as in a clean run; first difference: %s", rounds,
				len(got.members), len(clean.members), firstDiff(got.members, clean.members))
		}
	}
	if kills < wantKills {
		t.Fatalf("only %d processes were killed while running, want %d", kills, wantKills)
	}
	t.Logf("%d kills survived in %d rounds, %d of them in the middle of the ingest", kills, rounds, partial)
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("%q vs %q", a[i], b[i])
		}
	}
	return "one list is a prefix of the other"
}
