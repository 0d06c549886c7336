package fetcher

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk"
)

func TestFetchConditional(t *testing.T) {
	const etag, lastMod = `"v1"`, "Mon, 02 Mar 2026 10:00:00 GMT"
	var gotINM, gotIMS atomic.Value
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotINM.Store(r.Header.Get("If-None-Match"))
		gotIMS.Store(r.Header.Get("If-Modified-Since"))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write(rssFeed("Conditional", 3))
	}))
	f := newTestFetcher(t, Options{})

	first := fetchURL(f, srv.URL, newsdesk.SourceState{})
	if first.Err != nil || first.Feed == nil || first.NotModified {
		t.Fatalf("first fetch: err %v, feed %v, not modified %v", first.Err, first.Feed != nil, first.NotModified)
	}
	if gotINM.Load() != "" || gotIMS.Load() != "" {
		t.Errorf("first request sent If-None-Match %q, If-Modified-Since %q; want none", gotINM.Load(), gotIMS.Load())
	}
	st := first.State
	if st.ETag != etag || st.LastModified != lastMod || len(st.BodyHash) != 64 {
		t.Fatalf("validators = %q, %q, hash %q; want %q, %q, a sha256", st.ETag, st.LastModified, st.BodyHash, etag, lastMod)
	}

	second := fetchURL(f, srv.URL, st)
	if got := gotINM.Load(); got != etag {
		t.Errorf("If-None-Match = %q, want %q", got, etag)
	}
	if got := gotIMS.Load(); got != lastMod {
		t.Errorf("If-Modified-Since = %q, want %q", got, lastMod)
	}
	if second.Err != nil || !second.NotModified || second.Feed != nil {
		t.Fatalf("second fetch: err %v, not modified %v, feed %v; want nil, true, nil", second.Err, second.NotModified, second.Feed)
	}
	st2 := second.State
	if st2.ETag != etag || st2.LastModified != lastMod || st2.BodyHash != st.BodyHash {
		t.Errorf("validators after 304 = %q, %q, %q; want them kept", st2.ETag, st2.LastModified, st2.BodyHash)
	}
	if st2.Status != http.StatusNotModified || st2.Title != "Conditional" || !st2.LastSuccess.Equal(fixedNow) {
		t.Errorf("after 304: status %d, title %q, last success %v; want 304, kept title, now", st2.Status, st2.Title, st2.LastSuccess)
	}
}

func TestFetchSameBodyByHash(t *testing.T) {
	var body atomic.Value
	body.Store(rssFeed("Hashed", 2))
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			t.Errorf("conditional headers sent without validators")
		}
		_, _ = w.Write(body.Load().([]byte))
	}))
	f := newTestFetcher(t, Options{})
	first := fetchURL(f, srv.URL, newsdesk.SourceState{})
	if first.Err != nil || first.Feed == nil {
		t.Fatalf("first fetch: %v", first.Err)
	}
	second := fetchURL(f, srv.URL, first.State)
	if second.Err != nil || !second.NotModified || second.Feed != nil {
		t.Fatalf("same body: err %v, not modified %v, feed %v; want nil, true, nil", second.Err, second.NotModified, second.Feed)
	}
	if second.State.BodyHash != first.State.BodyHash || second.State.Status != 200 {
		t.Errorf("hash %q status %d, want %q 200", second.State.BodyHash, second.State.Status, first.State.BodyHash)
	}
	body.Store(rssFeed("Hashed", 3))
	third := fetchURL(f, srv.URL, second.State)
	if third.Err != nil || third.NotModified || third.Feed == nil || len(third.Feed.Items) != 3 {
		t.Fatalf("changed body: err %v, not modified %v; want a parsed feed of 3 items", third.Err, third.NotModified)
	}
	if third.State.BodyHash == first.State.BodyHash {
		t.Error("BodyHash unchanged after the body changed")
	}
}

func TestFetchCacheHints(t *testing.T) {
	tests := []struct {
		name    string
		header  map[string]string
		body    []byte
		respect bool
		want    time.Duration // 0: NextAttempt zero
	}{
		{"max-age", map[string]string{"Cache-Control": "public, max-age=600"}, rssFeed("A", 1), true, 10 * time.Minute},
		{"max-age ignored when not respected", map[string]string{"Cache-Control": "max-age=600"}, rssFeed("A", 1), false, 0},
		{"expires", map[string]string{"Date": fixedNow.Format(http.TimeFormat), "Expires": fixedNow.Add(20 * time.Minute).Format(http.TimeFormat)}, rssFeed("A", 1), true, 20 * time.Minute},
		{"expires in the past", map[string]string{"Expires": fixedNow.Add(-time.Hour).Format(http.TimeFormat)}, rssFeed("A", 1), true, 0},
		{"no-cache", map[string]string{"Cache-Control": "no-cache, max-age=600"}, rssFeed("A", 1), true, 0},
		{"rss ttl", nil, fixture(t, "rss20.xml"), true, 45 * time.Minute},
		{"ttl beats a shorter max-age", map[string]string{"Cache-Control": "max-age=60"}, fixture(t, "rss20.xml"), true, 45 * time.Minute},
		{"sy updatePeriod", nil, fixture(t, "rss10.rdf"), true, 30 * time.Minute},
		{"capped at a day", map[string]string{"Cache-Control": "max-age=9999999"}, rssFeed("A", 1), true, 24 * time.Hour},
		{"no hint", nil, rssFeed("A", 1), true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				_, _ = w.Write(tt.body)
			}))
			f := newTestFetcher(t, Options{RespectCacheHeaders: tt.respect})
			res := fetchURL(f, srv.URL, newsdesk.SourceState{})
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			want := time.Time{}
			if tt.want > 0 {
				want = fixedNow.Add(tt.want)
			}
			if !res.State.NextAttempt.Equal(want) {
				t.Errorf("NextAttempt = %v, want %v", res.State.NextAttempt, want)
			}
			// An unchanged body keeps honouring the hints.
			again := fetchURL(f, srv.URL, res.State)
			if !again.NotModified || !again.State.NextAttempt.Equal(want) {
				t.Errorf("unchanged: NotModified %v, NextAttempt = %v; want true, %v", again.NotModified, again.State.NextAttempt, want)
			}
		})
	}
}
