package fetcher

import (
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"

	"newsdesk"
)

// redirectServer serves a feed at /feed.xml and redirects elsewhere.
func redirectServer(t *testing.T, hits *atomic.Int64) string {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", serveBytes("application/rss+xml", rssFeed("Target", 2)))
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/b", http.StatusFound)
	})
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/self", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/self#again", http.StatusFound)
	})
	mux.HandleFunc("/chain", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		if n == 0 {
			http.Redirect(w, r, "/feed.xml", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/chain?n="+strconv.Itoa(n-1), http.StatusFound)
	})
	for path, code := range map[string]int{"/moved301": 301, "/moved308": 308, "/temp302": 302, "/temp307": 307} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			http.Redirect(w, r, "/feed.xml", code)
		})
	}
	// A permanent move to a temporary redirect: only the first hop is a move.
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/feed.xml", http.StatusFound)
	})
	return serve(t, mux).URL
}

func TestFetchRedirects(t *testing.T) {
	var hits atomic.Int64
	base := redirectServer(t, &hits)
	tests := []struct {
		name      string
		path      string
		want      error
		wantFinal string // path of State.FinalURL; "" when unchanged
	}{
		{name: "loop", path: "/loop/a", want: ErrRedirectLoop},
		{name: "loop to itself", path: "/self", want: ErrRedirectLoop},
		{name: "five redirects", path: "/chain?n=4"}, // 4 chain hops, then 1 to the feed
		{name: "six redirects", path: "/chain?n=5", want: ErrTooManyRedirects},
		{name: "301", path: "/moved301", wantFinal: "/feed.xml"},
		{name: "308", path: "/moved308", wantFinal: "/feed.xml"},
		{name: "302", path: "/temp302"},
		{name: "307", path: "/temp307"},
		{name: "301 then 302", path: "/old", wantFinal: "/new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newTestFetcher(t, Options{})
			res := fetchURL(f, base+tt.path, newsdesk.SourceState{})
			if tt.want != nil {
				wantErr(t, res.Err, tt.want)
				if got, want := res.State.ConsecutiveErrors, 1; got != want {
					t.Errorf("ConsecutiveErrors = %d, want %d", got, want)
				}
				if res.State.FinalURL != "" {
					t.Errorf("FinalURL = %q after a failure, want empty", res.State.FinalURL)
				}
				return
			}
			if res.Err != nil {
				t.Fatalf("err = %v", res.Err)
			}
			if got, want := len(res.Feed.Items), 2; got != want {
				t.Fatalf("items = %d, want %d", got, want)
			}
			wantFinal := ""
			if tt.wantFinal != "" {
				wantFinal = base + tt.wantFinal
			}
			if got := res.State.FinalURL; got != wantFinal {
				t.Errorf("FinalURL = %q, want %q", got, wantFinal)
			}
			if got := res.Moved; got != wantFinal {
				t.Errorf("Moved = %q, want %q", got, wantFinal)
			}
		})
	}
}

func TestFetchUsesFinalURL(t *testing.T) {
	var hits atomic.Int64
	base := redirectServer(t, &hits)
	f := newTestFetcher(t, Options{})
	first := fetchURL(f, base+"/moved301", newsdesk.SourceState{})
	if first.Err != nil {
		t.Fatalf("first fetch: %v", first.Err)
	}
	second := fetchURL(f, base+"/moved301", first.State)
	if second.Err != nil {
		t.Fatalf("second fetch: %v", second.Err)
	}
	if got, want := hits.Load(), int64(1); got != want {
		t.Errorf("requests to the old URL = %d, want %d (the second fetch should use FinalURL)", got, want)
	}
	if got, want := second.State.FinalURL, base+"/feed.xml"; got != want {
		t.Errorf("FinalURL = %q, want %q", got, want)
	}
	if second.Moved != "" {
		t.Errorf("Moved = %q on a direct fetch, want empty", second.Moved)
	}
	if got, want := second.State.URL, base+"/moved301"; got != want {
		t.Errorf("URL = %q, want the configured %q", got, want)
	}
}

func TestFetchFinalURL404FallsBack(t *testing.T) {
	srv := serve(t, http.NotFoundHandler())
	f := newTestFetcher(t, Options{})
	prev := newsdesk.SourceState{URL: srv.URL + "/configured", FinalURL: srv.URL + "/moved"}
	res := f.Fetch(t.Context(), newsdesk.Source{URL: srv.URL + "/configured"}, prev)
	wantErr(t, res.Err, ErrHTTPStatus)
	if res.State.FinalURL != "" {
		t.Errorf("FinalURL = %q after a 404 at the moved URL, want empty (retry the configured URL)", res.State.FinalURL)
	}
}
