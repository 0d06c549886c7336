package main

// Tests of the bench command's own logic: its flags, the documents its
// servers send, what it reads from newsdesk's output, the databases it
// builds. No timing is asserted: the bench measures, it does not judge.

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk/config"
	"newsdesk/internal/textgen"
	"newsdesk/storage"
)

func validOptions() options {
	return options{sources: 10, items: 5, sections: 4, serveSections: 1, deskItems: 1_000_000, cronSections: 200}
}

func TestOptionsCheck(t *testing.T) {
	if err := validOptions().check(); err != nil {
		t.Fatalf("defaults refused: %v", err)
	}
	ok := validOptions()
	ok.serveSections, ok.cronSources, ok.newsdesk, ok.rerenderSections = 4, 10, "/bin/true", 200
	if err := ok.check(); err != nil {
		t.Fatalf("valid options refused: %v", err)
	}
	for _, tc := range []struct {
		flag string
		edit func(*options)
	}{
		{"-serve-sections", func(o *options) { o.serveSections = 5 }}, // more than -sections
		{"-serve-sections", func(o *options) { o.serveSections = 0 }},
		{"-cron-sources", func(o *options) { o.cronSources = -1 }},
		{"-cron-sources", func(o *options) { o.cronSources = 10 }}, // without -newsdesk
		{"-rerender-sections", func(o *options) { o.rerenderSections = 5000 }},
		{"-cron-sections", func(o *options) { o.cronSources, o.newsdesk, o.cronSections = 10, "/bin/true", 0 }},
		{"-cron-sections", func(o *options) { o.cronSources, o.newsdesk, o.cronSections = 10, "/bin/true", 1001 }},
		{"-desk-items", func(o *options) { o.rerenderSections, o.deskItems = 10, 0 }},
		{"-sources", func(o *options) { o.sources = 0 }},
	} {
		o := validOptions()
		tc.edit(&o)
		err := o.check()
		if err == nil || !strings.HasPrefix(err.Error(), tc.flag) {
			t.Errorf("%s: error %v, want one naming %s", tc.flag, err, tc.flag)
		}
	}
}

func TestParseWindows(t *testing.T) {
	got, err := parseWindows(" 0, 10000 ,100000")
	if err != nil || len(got) != 3 || got[0] != 0 || got[1] != 10000 || got[2] != 100000 {
		t.Fatalf("parseWindows = %v, %v", got, err)
	}
	if got, err := parseWindows(""); err != nil || got != nil {
		t.Errorf("empty list: %v, %v", got, err)
	}
	for _, bad := range []string{"10k", "-1", "1,,2"} {
		if _, err := parseWindows(bad); err == nil || !strings.Contains(err.Error(), "-window") {
			t.Errorf("parseWindows(%q): error %v, want one naming -window", bad, err)
		}
	}
}

// The summary lines of `newsdesk fetch` are what the cron phase counts.
func TestNewItemsFromFetchSummary(t *testing.T) {
	out := `ok    http://127.0.0.1:5/c/0.xml: 55 items, 5 new, 0 updated, 1 duplicates, 0 filtered
ok    http://127.0.0.1:5/c/1.xml: not modified
FAIL  http://127.0.0.1:5/c/2.xml: connection refused
ok    http://127.0.0.1:5/c/3.xml: 50 items, 50 new, 0 updated, 0 duplicates, 0 filtered (feed discovered at x)
`
	var n int
	for _, m := range newItems.FindAllStringSubmatch(out, -1) {
		n += atoi(t, m[1])
	}
	if n != 55 {
		t.Errorf("new items read from the summary: %d, want 55", n)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("%q is not a number", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// The cron phase's feeds move cronShift items on per generation, and
// answer 304 while the generation stays.
func TestCronFeedsGenerations(t *testing.T) {
	c := newCorpus(2, 20+3*cronShift, 0, time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), textgen.Default)
	f, err := startCronFeeds(c, 3)
	if err != nil {
		t.Fatal(err)
	}
	defer f.srv.Close()
	guids := func(etag string) (map[string]bool, string, int) {
		req, _ := http.NewRequest(http.MethodGet, f.url(1), nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		out := map[string]bool{}
		if resp.StatusCode == http.StatusOK {
			feed, err := gofeed.NewParser().ParseString(string(body))
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range feed.Items {
				out[it.GUID] = true
			}
		}
		return out, resp.Header.Get("ETag"), resp.StatusCode
	}
	g0, tag, code := guids("")
	if code != http.StatusOK || len(g0) != 20 {
		t.Fatalf("generation 0: status %d, %d items, want 200 and 20", code, len(g0))
	}
	if _, _, code := guids(tag); code != http.StatusNotModified {
		t.Errorf("same generation with its ETag: status %d, want 304", code)
	}
	f.gen.Store(1)
	g1, tag1, code := guids(tag)
	if code != http.StatusOK || len(g1) != 20 || tag1 == tag {
		t.Fatalf("generation 1: status %d, %d items, ETag %s (was %s)", code, len(g1), tag1, tag)
	}
	fresh := 0
	for g := range g1 {
		if !g0[g] {
			fresh++
		}
	}
	if fresh != cronShift {
		t.Errorf("generation 1 brings %d new items, want %d", fresh, cronShift)
	}
}

func TestCronConfig(t *testing.T) {
	c := newCorpus(3, 5, 0, time.Now(), textgen.Default)
	f := &cronFeeds{c: c, host: "127.0.0.1:9"}
	dir := t.TempDir()
	raw := cronConfig(f, 3, 4, filepath.Join(dir, "cron.db"))
	cfg, err := config.Parse([]byte(raw), filepath.Join(dir, "cron.yaml"))
	if err != nil {
		t.Fatalf("%v\n%s", err, raw)
	}
	if len(cfg.Sections) != 4 || cfg.Database != filepath.Join(dir, "cron.db") {
		t.Fatalf("%d sections, database %s", len(cfg.Sections), cfg.Database)
	}
	// sec0 lists the fetched sources only; sec1..sec3 the prefill's
	// sources filed in them (source k in section k mod 4).
	var in0 []string
	for _, s := range cfg.Sections[0].Sources {
		in0 = append(in0, s.URL)
	}
	if want := []string{f.url(0), f.url(1), f.url(2)}; strings.Join(in0, " ") != strings.Join(want, " ") {
		t.Errorf("sec0 sources %v, want %v", in0, want)
	}
	sec2 := cfg.Sections[2].Sources
	if len(sec2) != fillSources/4 || sec2[0].URL != fillURL(2) || sec2[1].URL != fillURL(6) {
		t.Errorf("sec2: %d sources, first %v", len(sec2), sec2[:2])
	}
	if got := len(cfg.Sources()); got != 3+3*fillSources/4 {
		t.Errorf("%d sources in all, want %d", got, 3+3*fillSources/4)
	}
}

// The serving test sends request i to target i mod n, with that target's
// headers; the bare handler serves each document at its own path.
func TestLoadRoundRobinAndBareHandler(t *testing.T) {
	docs := map[string]bareDoc{
		"/feeds/a.atom": {body: []byte("<a/>"), ctype: "application/atom+xml", etag: `"a"`},
		"/feeds/b.atom": {body: []byte("<b/>"), ctype: "application/atom+xml", etag: `"b"`},
	}
	var mu sync.Mutex
	seen := map[string]int{}
	bare := bareHandler(docs)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.URL.Path+" "+r.Header.Get("If-None-Match")]++
		mu.Unlock()
		bare.ServeHTTP(w, r)
	}))
	defer srv.Close()
	targets := []target{
		{url: srv.URL + "/feeds/a.atom", hdr: map[string]string{"If-None-Match": `"a"`}},
		{url: srv.URL + "/feeds/b.atom", hdr: map[string]string{"If-None-Match": `"b"`}},
	}
	r, err := load(context.Background(), targets, 4, 100)
	if err != nil {
		t.Fatal(err)
	}
	if r.requests != 100 || r.status != http.StatusNotModified {
		t.Errorf("load: %d requests, status %d; want 100 and 304", r.requests, r.status)
	}
	// 4 warm-up requests (one per connection) and 100 measured, half each.
	if seen[`/feeds/a.atom "a"`] != 52 || seen[`/feeds/b.atom "b"`] != 52 || len(seen) != 2 {
		t.Errorf("requests by target: %v, want 52 each", seen)
	}
	rec := httptest.NewRecorder()
	bare.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/feeds/b.atom", nil))
	if rec.Code != http.StatusOK || rec.Body.String() != "<b/>" || rec.Header().Get("ETag") != `"b"` {
		t.Errorf("bare GET b: %d %q %q", rec.Code, rec.Body.String(), rec.Header().Get("ETag"))
	}
	rec = httptest.NewRecorder()
	bare.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/feeds/c.atom", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("bare GET of an unknown path: %d, want 404", rec.Code)
	}
}

// prefill over several sections files each item in its source's section,
// with its cluster in the same section, and storage opens the result.
func TestPrefillSections(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db := storage.New(path)
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	secs := deskSectionIDs(3)
	if err := prefill(ctx, path, secs, 3000, 30*86400, textgen.New(textgen.Default)); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT si.section, count(*), sum(c.section = si.section),
		count(DISTINCT i.source_id) FROM section_items si JOIN items i ON i.id = si.item_id
		JOIN clusters c ON c.id = si.cluster_id GROUP BY si.section ORDER BY si.section`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]int{}
	for rows.Next() {
		var sec string
		var n, same, sources int
		if err := rows.Scan(&sec, &n, &same, &sources); err != nil {
			t.Fatal(err)
		}
		got[sec] = n
		if same != n {
			t.Errorf("%s: %d of %d items have their cluster in another section", sec, n-same, n)
		}
		if sources < 330 || sources > 340 {
			t.Errorf("%s: items from %d sources, want about 1000/3", sec, sources)
		}
	}
	if len(got) != 3 || got["sec0"]+got["sec1"]+got["sec2"] != 3000 || got["sec0"] < 990 || got["sec0"] > 1010 {
		t.Errorf("items per section: %v, want about 1000 in each of sec0..sec2", got)
	}
	// Each item is in exactly one section.
	var filed, items int
	if err := raw.QueryRow(`SELECT (SELECT count(*) FROM section_items), (SELECT count(*) FROM items)`).Scan(&filed, &items); err != nil {
		t.Fatal(err)
	}
	if filed != items || items != 3000 {
		t.Errorf("%d section rows for %d items, want 3000 each", filed, items)
	}
	db = storage.New(path)
	if err := db.Open(ctx); err != nil {
		t.Fatalf("storage opens the prefilled database: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}
