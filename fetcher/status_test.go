package fetcher

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk"
)

func TestFetchErrorStatus(t *testing.T) {
	retryDate := fixedNow.Add(90 * time.Minute)
	tests := []struct {
		name     string
		status   int
		header   map[string]string
		want     error
		notWant  error
		wantNext time.Time // zero: backoff expected, unless gone
		gone     bool
	}{
		{name: "404", status: 404, want: ErrHTTPStatus, notWant: ErrRateLimited},
		{name: "403", status: 403, want: ErrHTTPStatus, notWant: ErrGone},
		{name: "410", status: 410, want: ErrGone, gone: true},
		{name: "429 Retry-After seconds", status: 429, header: map[string]string{"Retry-After": "120"},
			want: ErrRateLimited, wantNext: fixedNow.Add(120 * time.Second)},
		{name: "429 Retry-After date", status: 429, header: map[string]string{"Retry-After": retryDate.Format(http.TimeFormat)},
			want: ErrRateLimited, wantNext: retryDate},
		{name: "429 Retry-After beyond a day", status: 429, header: map[string]string{"Retry-After": "999999"},
			want: ErrRateLimited, wantNext: fixedNow.Add(24 * time.Hour)},
		{name: "429 without Retry-After", status: 429, want: ErrRateLimited},
		{name: "503 Retry-After", status: 503, header: map[string]string{"Retry-After": "30"},
			want: ErrRateLimited, wantNext: fixedNow.Add(30 * time.Second)},
		{name: "503 without Retry-After", status: 503, want: ErrHTTPStatus, notWant: ErrRateLimited},
		{name: "500", status: 500, want: ErrHTTPStatus, notWant: ErrRateLimited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte("<html>error page</html>"))
			}))
			f := newTestFetcher(t, Options{})
			res := fetchURL(f, srv.URL+"/feed", newsdesk.SourceState{})
			wantErr(t, res.Err, tt.want)
			if tt.notWant != nil && errors.Is(res.Err, tt.notWant) {
				t.Errorf("err = %v, should not wrap %v", res.Err, tt.notWant)
			}
			st := res.State
			if got, want := st.Status, tt.status; got != want {
				t.Errorf("Status = %d, want %d", got, want)
			}
			if !strings.Contains(st.Error, strconv.Itoa(tt.status)) {
				t.Errorf("Error = %q, want it to name %d", st.Error, tt.status)
			}
			if got, want := st.ConsecutiveErrors, 1; got != want {
				t.Errorf("ConsecutiveErrors = %d, want %d", got, want)
			}
			if got, want := st.Gone, tt.gone; got != want {
				t.Errorf("Gone = %v, want %v", got, want)
			}
			if !st.LastAttempt.Equal(fixedNow) || !st.LastSuccess.IsZero() {
				t.Errorf("LastAttempt, LastSuccess = %v, %v; want %v, zero", st.LastAttempt, st.LastSuccess, fixedNow)
			}
			if res.Feed != nil || res.NotModified {
				t.Errorf("Feed, NotModified = %v, %v; want nil, false", res.Feed, res.NotModified)
			}
			switch {
			case tt.gone:
				if !st.NextAttempt.IsZero() {
					t.Errorf("NextAttempt = %v, want zero for a gone source", st.NextAttempt)
				}
			case !tt.wantNext.IsZero():
				if !st.NextAttempt.Equal(tt.wantNext) {
					t.Errorf("NextAttempt = %v, want %v", st.NextAttempt, tt.wantNext)
				}
			default:
				wantBackoff(t, st)
			}
		})
	}
}

func TestFetchBackoffGrowsAndResets(t *testing.T) {
	var healthy atomic.Bool
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !healthy.Load() {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		_, _ = w.Write(rssFeed("Back", 1))
	}))
	f := newTestFetcher(t, Options{})
	var st newsdesk.SourceState
	for i := 1; i <= 4; i++ {
		res := fetchURL(f, srv.URL, st)
		wantErr(t, res.Err, ErrHTTPStatus)
		st = res.State
		if got, want := st.ConsecutiveErrors, i; got != want {
			t.Fatalf("ConsecutiveErrors = %d, want %d", got, want)
		}
		wantBackoff(t, st)
	}
	if got, want := Backoff(4, 0), 8*time.Minute; got != want {
		t.Fatalf("Backoff(4, 0) = %s, want %s", got, want)
	}
	healthy.Store(true)
	res := fetchURL(f, srv.URL, st)
	if res.Err != nil {
		t.Fatalf("err = %v after recovery", res.Err)
	}
	st = res.State
	if st.ConsecutiveErrors != 0 || st.Error != "" || !st.NextAttempt.IsZero() || !st.LastSuccess.Equal(fixedNow) {
		t.Fatalf("state after success = errors %d, error %q, next %v, last success %v; want 0, \"\", zero, now",
			st.ConsecutiveErrors, st.Error, st.NextAttempt, st.LastSuccess)
	}
	if got, want := st.Status, 200; got != want {
		t.Errorf("Status = %d, want %d", got, want)
	}
	if got, want := st.Title, "Back"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		n      int
		jitter float64
		want   time.Duration
	}{
		{0, 0, 0},
		{-3, 0.1, 0},
		{1, 0, time.Minute},
		{2, 0, 2 * time.Minute},
		{3, 0.1, 4*time.Minute + 24*time.Second},
		{3, -0.1, 3*time.Minute + 36*time.Second},
		{11, 0, 1024 * time.Minute},
		{12, 0, 24 * time.Hour},
		{1000, 0, 24 * time.Hour},
		{1000, 0.1, 24 * time.Hour},
		{1000, -0.1, 24 * time.Hour * 9 / 10},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.n)+"/"+strconv.FormatFloat(tt.jitter, 'g', -1, 64), func(t *testing.T) {
			if got := Backoff(tt.n, tt.jitter); got != tt.want {
				t.Fatalf("Backoff(%d, %g) = %s, want %s", tt.n, tt.jitter, got, tt.want)
			}
		})
	}
}
