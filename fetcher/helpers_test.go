package fetcher

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// fixedNow is the injected clock of every test.
var fixedNow = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

// newTestFetcher returns a Fetcher with a fixed clock and a short timeout.
func newTestFetcher(t testing.TB, opt Options) *Fetcher {
	t.Helper()
	if opt.Now == nil {
		opt.Now = func() time.Time { return fixedNow }
	}
	if opt.Timeout == 0 {
		opt.Timeout = 5 * time.Second
	}
	f := New(opt)
	t.Cleanup(f.Close)
	return f
}

// serve starts a test server on 127.0.0.1.
func serve(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// serveBytes answers every request with body and content type ct.
func serveBytes(ct string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		_, _ = w.Write(body)
	}
}

func fetchURL(f *Fetcher, u string, prev newsdesk.SourceState) Result {
	return f.Fetch(context.Background(), newsdesk.Source{URL: u}, prev)
}

// rssFeed returns an RSS 2.0 document with n items.
func rssFeed(title string, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>%s</title><link>http://127.0.0.1/site/</link><description>test</description>
`, title)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Story %d</title><link>http://127.0.0.1/site/%d</link><guid>story-%d</guid>
<pubDate>Mon, 02 Mar 2026 %02d:%02d:00 +0000</pubDate><description>&lt;p&gt;Paragraph %d of the story, with some words to read.&lt;/p&gt;</description></item>
`, i, i, i, i/60%24, i%60, i)
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// wantErr fails unless err wraps want.
func wantErr(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
}

// wantBackoff fails unless st.NextAttempt is fixedNow plus the backoff of
// st.ConsecutiveErrors failures, within the jitter.
func wantBackoff(t *testing.T, st newsdesk.SourceState) {
	t.Helper()
	base := Backoff(st.ConsecutiveErrors, 0)
	got := st.NextAttempt.Sub(fixedNow)
	lo := time.Duration(float64(base) * (1 - jitter))
	hi := min(time.Duration(float64(base)*(1+jitter)), maxHint)
	if got < lo || got > hi {
		t.Fatalf("NextAttempt = now+%s, want now+[%s, %s] after %d errors", got, lo, hi, st.ConsecutiveErrors)
	}
}
