package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// secrets are the credentials the sources below carry; none may appear in
// any output.
var secrets = []string{"s3cretpw", "alice:", "SECRET123", "KEY777", "AUTH55", "CODE42", "SIG99"}

// TestSecretsNeverPublished configures sources whose URLs carry a user
// name and password and credential parameters (one of them named only in
// redact_params), one healthy, one failing with an error that names its
// URL, one moved permanently to a URL with a token; then reads every
// output — each feed, page, API answer, metric and log line of a real
// serve, and every command's output and exported file — and finds no
// secret, while the feed server did receive them.
func TestSecretsNeverPublished(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	feed, err := os.ReadFile("testdata/feeds/politique.rss")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, _ := r.BasicAuth()
		mu.Lock()
		seen = append(seen, user+":"+pass+" "+r.URL.String())
		mu.Unlock()
		switch r.URL.Path {
		case "/private.rss":
			w.Write(feed)
		case "/moved.rss":
			http.Redirect(w, r, "/private.rss?token=SECRET123&sig=SIG99", http.StatusMovedPermanently)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	private := "http://alice:s3cretpw@" + host + "/private.rss?token=SECRET123&feedcode=CODE42&page=1"
	missing := srv.URL + "/missing.rss?api_key=KEY777"
	moved := srv.URL + "/moved.rss?auth=AUTH55"

	dir := t.TempDir()
	addr := freeAddr(t)
	cfg := writeConfig(t, dir, srv.URL, addr,
		"  - id: private\n    title: Private\n    sources:\n      - url: "+private+"\n      - "+missing+"\n      - "+moved+"\n")
	raw, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte("redact_params: [feedcode]\n"+string(raw)), 0o644)

	var outputs []struct{ where, text string }
	add := func(where, text string) { outputs = append(outputs, struct{ where, text string }{where, text}) }

	cmd := exec.Command(binary(t), "--config", cfg, "--log-format", "json", "--log-level", "debug", "serve", "--shutdown-grace", "2s")
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	base := "http://" + addr
	eventually(t, "the private source fetched", logs, func() bool {
		code, body := get(base + "/feeds/private.atom")
		return code == 200 && strings.Contains(body, "<entry>")
	})
	eventually(t, "the failing source recorded", logs, func() bool {
		_, body := get(base + "/api/sources")
		return strings.Contains(body, "404")
	})
	for _, p := range []string{"/feeds/private.atom", "/feeds/private.rss", "/feeds/private.json", "/feeds/politique.atom",
		"/", "/sections/private", "/feeds.opml", "/sources", "/api/sources", "/report", "/api/report", "/metrics", "/healthz"} {
		code, body := get(base + p)
		if code != 200 {
			t.Errorf("GET %s: %d", p, code)
		}
		add("GET "+p, body)
	}
	cmd.Process.Signal(os.Interrupt)
	cmd.Wait()
	add("serve log", logs.String())

	for _, args := range [][]string{
		{"--log-level", "debug", "fetch", "--force"},
		{"sources"}, {"sources", "--json"}, {"report"}, {"report", "--json"},
		{"explain", "--section", "private"},
		{"export", "--out", filepath.Join(dir, "out")},
	} {
		_, out, errOut := runCLI(t, append([]string{"--config", cfg}, args...)...)
		add(strings.Join(args, " "), out+errOut)
	}
	filepath.Walk(filepath.Join(dir, "out"), func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(path)
			add("exported "+filepath.Base(path), string(b))
		}
		return nil
	})

	for _, o := range outputs {
		for _, s := range secrets {
			if i := strings.Index(o.text, s); i >= 0 {
				t.Errorf("%s shows %q: …%s…", o.where, s, o.text[max(0, i-80):min(len(o.text), i+40)])
			}
		}
	}
	// The outputs still name the sources, redacted.
	all := ""
	for _, o := range outputs {
		all += o.text
	}
	for _, want := range []string{"private.rss?token=REDACTED&amp;feedcode=REDACTED&amp;page=1", "missing.rss?api_key=REDACTED"} {
		if !strings.Contains(all, want) {
			t.Errorf("no output names the source as %q", want)
		}
	}
	// Only the fetcher saw the real URL.
	mu.Lock()
	defer mu.Unlock()
	if got := strings.Join(seen, "\n"); !strings.Contains(got, "alice:s3cretpw /private.rss?token=SECRET123&feedcode=CODE42") {
		t.Errorf("the feed server never received the credentials:\n%s", got)
	}
}
