package feedgen

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// hubRecorder is a WebSub hub that records publish notifications.
type hubRecorder struct {
	mu     sync.Mutex
	topics []string
	modes  []string
	status int
}

func (hr *hubRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		http.Error(w, "want a form POST", http.StatusBadRequest)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	hr.mu.Lock()
	hr.modes = append(hr.modes, r.PostForm.Get("hub.mode"))
	hr.topics = append(hr.topics, r.PostForm.Get("hub.url"))
	status := hr.status
	hr.mu.Unlock()
	w.WriteHeader(status)
}

func TestWebSubPing(t *testing.T) {
	hub := &hubRecorder{status: http.StatusNoContent}
	hubSrv := httptest.NewServer(hub)
	defer hubSrv.Close()
	ts := newTestServer(t, pagingStore(testItems), func(o *Options) { o.Hub = hubSrv.URL + "/hub" })

	_, body := ts.do(t, "GET", "/feeds/politique.atom", nil)
	if !bytes.Contains(body, []byte(`<link href="`+hubSrv.URL+`/hub" rel="hub">`)) {
		t.Error("Atom feed lacks the rel=hub link")
	}
	ts.h.Invalidate("politique", "nope")
	ts.h.pings.Wait()

	hub.mu.Lock()
	defer hub.mu.Unlock()
	base := ts.srv.URL + "/feeds/politique."
	if want := []string{base + "atom", base + "rss", base + "json"}; !slices.Equal(hub.topics, want) {
		t.Errorf("pinged topics = %q, want %q", hub.topics, want)
	}
	for _, m := range hub.modes {
		if m != "publish" {
			t.Errorf("hub.mode = %q, want publish", m)
		}
	}
}

func TestWebSubPingFailureIsLogged(t *testing.T) {
	hub := &hubRecorder{status: http.StatusInternalServerError}
	hubSrv := httptest.NewServer(hub)
	defer hubSrv.Close()
	var logs bytes.Buffer
	var logMu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &logMu}, nil))
	ts := newTestServer(t, pagingStore(testItems), func(o *Options) {
		o.Hub = hubSrv.URL
		o.Logger = logger
		o.PingTimeout = 5 * time.Second
	})
	ts.h.Invalidate("world")
	ts.h.pings.Wait()
	logMu.Lock()
	defer logMu.Unlock()
	if got, want := bytes.Count(logs.Bytes(), []byte("websub ping failed")), 3; got != want {
		t.Errorf("logged failures = %d, want %d:\n%s", got, want, logs.String())
	}
	if resp, _ := ts.do(t, "GET", "/feeds/world.rss", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("after a failed ping: status = %d, want 200", resp.StatusCode)
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
