package main

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk/curate/curatetest"
)

// TestFetchOrderIndependence stores the engine suite's four-source
// fixture (a chain A≈B≈C with A≉C, a digest sharing the article's link,
// one story told 30 and 60 hours apart, two same-time reports, a source's
// two templated items, then an update that breaks the chain) in every
// fetch order, each source fetched by its own `newsdesk fetch` process,
// and requires the same exported feeds. The processes run at different
// wall times, so the dates newsdesk itself stamps (an entry's <updated>
// falls back to when it was first seen; the feed's own <updated> is its
// last change) are masked; everything else must be byte-identical. The
// engine suite (curatetest) checks full byte identity at a fixed clock.
func TestFetchOrderIndependence(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real processes")
	}
	bin := binary(t)
	_, fetches, update := curatetest.OrderFixture()
	var mu sync.Mutex
	docs := map[string]string{} // path → RSS document
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		doc, ok := docs[r.URL.Path]
		mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, doc)
	}))
	defer srv.Close()
	name := func(f curatetest.Fetch) string { return "/" + f.Source[strings.LastIndex(f.Source, "/")+1:] + ".rss" }
	var cfg strings.Builder
	cfg.WriteString("listen: 127.0.0.1:0\nbase_url: http://127.0.0.1:8080\ndatabase: order.db\nschedule: \"@every 1h\"\n")
	cfg.WriteString("sections:\n  - id: news\n    title: News\n    language: fr\n    limit: 50\n    sources:\n")
	for _, f := range fetches {
		fmt.Fprintf(&cfg, "      - %s%s\n", srv.URL, name(f))
	}
	masked := regexp.MustCompile(`<updated>[^<]*</updated>`)
	var want []byte
	var wantOrder []int
	for _, perm := range curatetest.Permutations(len(fetches)) {
		dir := t.TempDir()
		path := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(path, []byte(cfg.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		run := func(args ...string) {
			t.Helper()
			cmd := exec.Command(bin, append([]string{"--config", path}, args...)...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("order %v: newsdesk %s: %v\n%s", perm, strings.Join(args, " "), err, out)
			}
		}
		mu.Lock()
		for _, f := range fetches {
			docs[name(f)] = rss(f)
		}
		mu.Unlock()
		for _, i := range perm {
			run("fetch", "--quiet", "--source", srv.URL+name(fetches[i]))
		}
		mu.Lock()
		docs[name(update)] = rss(update)
		mu.Unlock()
		run("fetch", "--quiet", "--force", "--source", srv.URL+name(update))
		out := filepath.Join(dir, "out")
		run("export", "--out", out)
		got, err := os.ReadFile(filepath.Join(out, "feeds", "news.atom"))
		if err != nil {
			t.Fatal(err)
		}
		got = masked.ReplaceAll(got, []byte("<updated>…</updated>"))
		if want == nil {
			want, wantOrder = got, perm
			if n := bytes.Count(got, []byte("<entry>")); n != 8 {
				t.Fatalf("feed has %d entries, want 8:\n%s", n, got)
			}
			continue
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("order %v exports another feed than order %v:\n%s", perm, wantOrder, diffAround(got, want))
		}
	}
}

// rss renders a fixture fetch as an RSS 2.0 document.
func rss(f curatetest.Fetch) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>`)
	fmt.Fprintf(&b, "<title>Source %s</title><link>%s</link><description>fixture</description>\n",
		strings.ToUpper(f.Source[len(f.Source)-1:]), html.EscapeString(f.Source))
	for _, it := range f.Items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid isPermaLink=\"false\">%s</guid><pubDate>%s</pubDate><description>%s</description></item>\n",
			html.EscapeString(it.Title), html.EscapeString(it.Link), html.EscapeString(it.GUID),
			it.Published.UTC().Format(time.RFC1123Z), html.EscapeString(it.Summary))
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// diffAround shows where two documents part.
func diffAround(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-300)
	return fmt.Sprintf("got  …%s\nwant …%s", got[from:min(len(got), i+300)], want[from:min(len(want), i+300)])
}
