package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
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
