package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFullTextCommands: `fetch` on a full_text: auto source publishes the
// article of one item and keeps the summary of another whose page is
// missing; `explain` says which and why; `sources` shows the success
// rate, as a table and as JSON.
func TestFullTextCommands(t *testing.T) {
	article := `<html><head><title>Le pont</title></head><body><article><h1>Le pont rouvre</h1>` +
		strings.Repeat("<p>Le pont de la Mairie rouvre après trois mois de travaux de consolidation, annoncent les services techniques de la ville.</p>", 6) +
		`</article></body></html>`
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Ville</title><link>%[1]s/</link><description>x</description>
<item><title>Le pont rouvre</title><link>%[1]s/pont</link><guid>%[1]s/pont</guid><description>Le pont rouvre.</description></item>
<item><title>La fête est annulée</title><link>%[1]s/fete</link><guid>%[1]s/fete</guid><description>La fête n'aura pas lieu.</description></item>
</channel></rss>`, srv.URL)
		case "/pont":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, article)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	body := fmt.Sprintf(`database: %s
sections:
  - id: ville
    sources:
      - url: %s/feed.rss
        full_text: auto
`, filepath.Join(dir, "n.db"), srv.URL)
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--config", cfg, "fetch", "--log-level", "error")
	if code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "1 full text, 1 summary kept") {
		t.Errorf("fetch summary lacks the article line:\n%s", out)
	}
	code, out, errOut = runCLI(t, "--config", cfg, "explain", "--section", "ville")
	if code != 0 {
		t.Fatalf("explain: exit %d %s", code, errOut)
	}
	for _, want := range []string{"FULL TEXT", "full text (", "summary kept: HTTP 404 Not Found"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "--config", cfg, "sources")
	if code != 0 || !strings.Contains(out, "1/2 (50%)") {
		t.Errorf("sources: exit %d, want the rate 1/2 (50%%):\n%s", code, out)
	}
	code, out, _ = runCLI(t, "--config", cfg, "sources", "--json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil || len(rows) != 1 {
		t.Fatalf("sources --json: exit %d, %v:\n%s", code, err, out)
	}
	if rows[0]["full_text"] != "auto" || rows[0]["articles_full"] != 1.0 || rows[0]["articles_failed"] != 1.0 || rows[0]["article_success_rate"] != 0.5 {
		t.Errorf("sources --json row: %v", rows[0])
	}
}

// TestServeFullText runs the real binary: the start-up fetch publishes the
// feed's summary, then the article's text replaces it in the served feed
// (the cache is invalidated by the upgrade), and /metrics counts it.
func TestServeFullText(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Ville</title><link>%[1]s/</link><description>x</description>
<item><title>Le pont rouvre</title><link>%[1]s/pont</link><guid>%[1]s/pont</guid><description>Le pont rouvre.</description></item>
</channel></rss>`, srv.URL)
		case "/pont":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><head><title>Le pont</title></head><body><article><h1>Le pont rouvre</h1>`+
				strings.Repeat("<p>Les services techniques annoncent la réouverture du pont de la Mairie après trois mois de consolidation.</p>", 5)+
				`</article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	addr := freeAddr(t)
	cfg := filepath.Join(dir, "config.yaml")
	body := fmt.Sprintf(`listen: %s
base_url: http://%s
database: %s
sections:
  - id: ville
    sources:
      - url: %s/feed.rss
        full_text: true
`, addr, addr, filepath.Join(dir, "n.db"), srv.URL)
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd, logs := startServe(t, cfg)
	base := "http://" + addr
	eventually(t, "the article's text is served", logs, func() bool {
		_, feed := get(base + "/feeds/ville.atom")
		return strings.Contains(feed, "réouverture du pont de la Mairie")
	})
	eventually(t, "metrics count the article", logs, func() bool {
		_, m := get(base + "/metrics")
		return strings.Contains(m, `newsdesk_articles_total{outcome="full"} 1`)
	})
	cmd.Process.Signal(os.Interrupt)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve exit: %v\n%s", err, logs.String())
	}
}
