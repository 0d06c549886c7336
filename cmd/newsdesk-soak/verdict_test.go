package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsdesk/config"
)

func series(heap, goroutines []int) []sample {
	var out []sample
	for i := range heap {
		out = append(out, sample{at: time.Duration(i) * 10 * time.Second, heap: uint64(heap[i]) << 20,
			rss: 100 << 20, goroutines: goroutines[i] + 500*(i%2), lasting: goroutines[i]})
	}
	return out
}

func TestJudge(t *testing.T) {
	for _, tc := range []struct {
		name       string
		heap, gor  []int
		warmup     time.Duration
		wantFlat   bool
		wantReason string
		wantGrows  string
	}{
		{"flat", []int{50, 20, 21, 20, 22, 21, 20, 21, 22}, []int{300, 200, 200, 201, 199, 200, 202, 200, 201}, 10 * time.Second, true, "", ""},
		{"warm-up left out", []int{5, 20, 21, 20, 22}, []int{10, 200, 200, 201, 199}, 10 * time.Second, true, "", ""},
		{"heap grows", []int{20, 20, 25, 30, 35, 40, 45, 50}, []int{200, 200, 200, 200, 200, 200, 200, 200}, 0, false, "", "heap in use"},
		{"goroutines leak", []int{20, 20, 20, 20, 20, 20, 20, 20}, []int{200, 210, 220, 230, 240, 250, 260, 270}, 0, false, "", "goroutines"},
		// A fetch burst in the last quarter and none in the first: the
		// floors are level, nothing leaks.
		{"periodic bursts", []int{20, 20, 21, 20, 20, 60, 20, 61}, []int{60, 60, 600, 60, 60, 60, 60, 700}, 0, true, "", ""},
		{"too few samples", []int{20, 20, 20}, []int{1, 1, 1}, 0, false, "too few samples", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := judge(series(tc.heap, tc.gor), tc.warmup, 0.20)
			if v.flat != tc.wantFlat {
				t.Errorf("flat = %v, want %v (%+v)", v.flat, tc.wantFlat, v)
			}
			if !strings.Contains(v.reason, tc.wantReason) {
				t.Errorf("reason %q, want %q", v.reason, tc.wantReason)
			}
			for _, f := range v.figures {
				if f.info {
					continue // all goroutines swing by 500 here, and are not judged
				}
				if grows := tc.wantGrows != "" && strings.HasPrefix(f.name, tc.wantGrows); grows == f.flat {
					t.Errorf("%s: flat = %v (%.1f → %.1f)", f.name, f.flat, f.first, f.last)
				}
			}
			var b strings.Builder
			v.write(&b)
			if want := map[bool]string{true: "verdict: flat", false: "verdict: "}[tc.wantFlat]; !strings.Contains(b.String(), want) {
				t.Errorf("report lacks %q:\n%s", want, b.String())
			}
		})
	}
}

func TestFeedServerChangesEachSecond(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	f := &feedServer{items: 3, now: func() time.Time { return now }}
	get := func() string {
		rec := httptest.NewRecorder()
		f.ServeHTTP(rec, mustRequest("/s/7.rss"))
		return rec.Body.String()
	}
	a := get()
	now = now.Add(time.Second)
	b := get()
	if a == b || !strings.Contains(b, "s7-1800000001") || strings.Contains(b, "s7-1799999998") {
		t.Fatalf("feed did not move by one item:\n%s\n---\n%s", a, b)
	}
	if strings.Count(b, "<item>") != 3 {
		t.Errorf("want 3 items:\n%s", b)
	}
}

func mustRequest(path string) *http.Request {
	return httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+path, nil)
}

func TestFeedServerPeriodAndNotModified(t *testing.T) {
	start := time.Unix(1_800_000_000, 0) // a multiple of 300 s
	now := start
	f := &feedServer{items: 4, period: 5 * time.Minute, now: func() time.Time { return now }}
	get := func(n int, hdr map[string]string) *httptest.ResponseRecorder {
		req := mustRequest("/s/" + strconv.Itoa(n) + ".rss")
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		f.ServeHTTP(rec, req)
		return rec
	}
	a := get(7, nil) // source 7 ticks at second 3 of each period (7/2 = 3)
	if !strings.Contains(a.Body.String(), "s7-1799998803") {
		t.Fatalf("want the oldest of 4 ticks in the first document:\n%s", a.Body.String())
	}
	if a.Code != http.StatusOK || strings.Count(a.Body.String(), "<item>") != 4 {
		t.Fatalf("status %d, body:\n%s", a.Code, a.Body.String())
	}
	// The newest item is the source's last tick: 1,800,000,000 - 300 + 3.
	if !strings.Contains(a.Body.String(), "s7-1799999703") || strings.Contains(a.Body.String(), "s7-1800000003") {
		t.Fatalf("want the last tick at second 3 of the period:\n%s", a.Body.String())
	}
	tag, mod := a.Header().Get("ETag"), a.Header().Get("Last-Modified")
	now = start.Add(2 * time.Second) // before the tick: the same document
	if r := get(7, map[string]string{"If-None-Match": tag}); r.Code != http.StatusNotModified || r.Body.Len() != 0 {
		t.Errorf("matching ETag: status %d, %d bytes; want 304 and no body", r.Code, r.Body.Len())
	}
	if r := get(7, map[string]string{"If-Modified-Since": mod}); r.Code != http.StatusNotModified {
		t.Errorf("If-Modified-Since its date: status %d, want 304", r.Code)
	}
	if r := get(7, map[string]string{"If-None-Match": `"other"`, "If-Modified-Since": mod}); r.Code != http.StatusOK {
		t.Errorf("a stale ETag with a current date: status %d, want 200 (If-None-Match takes precedence)", r.Code)
	}
	now = start.Add(3 * time.Second) // the tick: one new item, the oldest gone
	b := get(7, map[string]string{"If-None-Match": tag})
	if b.Code != http.StatusOK || !strings.Contains(b.Body.String(), "s7-1800000003") ||
		strings.Contains(b.Body.String(), "s7-1799998803") || b.Header().Get("ETag") == tag {
		t.Fatalf("after the tick: status %d, ETag %s (was %s):\n%s", b.Code, b.Header().Get("ETag"), tag, b.Body.String())
	}
}

func TestFeedServerNearCopies(t *testing.T) {
	// Sources 6 and 7 tick together: every tenth tick of 7 retells 6's
	// story of that tick (the same text); 7 and 8 do not tick together,
	// so 8 retells nothing.
	now := time.Unix(1_800_000_000, 0)
	f := &feedServer{items: 30, period: time.Minute, now: func() time.Time { return now }}
	text := func(n int) string {
		rec := httptest.NewRecorder()
		f.ServeHTTP(rec, mustRequest("/s/"+strconv.Itoa(n)+".rss"))
		return rec.Body.String()
	}
	shared := func(a, b string) int {
		n := 0
		for _, d := range descriptions(a) {
			if strings.Contains(b, d) {
				n++
			}
		}
		return n
	}
	if got := shared(text(6), text(7)); got != 3 {
		t.Errorf("sources 6 and 7 share %d texts, want 3 (one tick in ten of 30)", got)
	}
	if got := shared(text(7), text(8)); got != 0 {
		t.Errorf("sources 7 and 8 share %d texts, want 0 (they tick at other seconds)", got)
	}
}

func descriptions(doc string) []string {
	var out []string
	for _, part := range strings.Split(doc, "<description>")[2:] { // the first is the channel's
		out = append(out, part[:strings.Index(part, "</description>")])
	}
	return out
}

func TestOptionsCheck(t *testing.T) {
	good := options{duration: time.Minute, sample: time.Second, sources: 10, sections: 2, items: 5,
		schedule: time.Second, change: time.Second, maxItems: 200, concurrency: 4, tolerance: 0.2}
	if err := good.check(); err != nil {
		t.Fatalf("valid options refused: %v", err)
	}
	for _, tc := range []struct {
		flag string
		edit func(*options)
	}{
		{"-schedule", func(o *options) { o.schedule = 500 * time.Millisecond }},
		{"-schedule", func(o *options) { o.schedule = 1500 * time.Millisecond }},
		{"-change", func(o *options) { o.change = 0 }},
		{"-sections", func(o *options) { o.sections = 11 }},
		{"-sources", func(o *options) { o.sources = 0 }},
		{"-max-items", func(o *options) { o.maxItems = -1 }},
		{"-concurrency", func(o *options) { o.concurrency = 0 }},
		{"-items", func(o *options) { o.items = 0 }},
	} {
		o := good
		tc.edit(&o)
		err := o.check()
		if err == nil || !strings.HasPrefix(err.Error(), tc.flag+" ") {
			t.Errorf("%s: error %v, want one naming %s", tc.flag, err, tc.flag)
		}
	}
}

func TestSoakConfigParses(t *testing.T) {
	o := options{sources: 7, sections: 3, schedule: time.Minute, maxItems: 50, concurrency: 8}
	cfg, err := config.Parse([]byte(soakConfig(o, "http://127.0.0.1:9")), filepath.Join(t.TempDir(), "soak.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sources()) != 7 || len(cfg.Sections) != 3 || cfg.Retention.MaxItems != 50 || cfg.Fetch.Concurrency != 8 {
		t.Errorf("config: %d sources, %d sections, max_items %d, concurrency %d", len(cfg.Sources()), len(cfg.Sections),
			cfg.Retention.MaxItems, cfg.Fetch.Concurrency)
	}
	for _, s := range cfg.Sources() {
		if s.Schedule != "@every 1m0s" {
			t.Errorf("%s: schedule %q", s.URL, s.Schedule)
		}
	}
}
