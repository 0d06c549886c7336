package main

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsdesk/metrics"
)

// TestHealthz answers 200 while the database answers and 503 once it does not.
func TestHealthz(t *testing.T) {
	feeds := fixtureServer(t)
	cfgPath := writeConfig(t, t.TempDir(), feeds.URL, "")
	g, _, err := parseGlobals([]string{"--config", cfgPath, "--log-level", "error"})
	if err != nil {
		t.Fatal(err)
	}
	g.stderr = os.Stderr
	a, err := openApp(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	s := &server{app: a, g: g, metrics: metrics.New("test")}
	h, _ := s.routes()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != 200 {
		t.Fatalf("healthz = %d, want 200", rec.Code)
	}
	a.Close()
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != 503 {
		t.Fatalf("healthz with the database closed = %d, want 503", rec.Code)
	}
}

// TestServeReportsUnopenableDatabase: a database that cannot be opened is a
// clear error naming the file, exit 1.
func TestServeReportsUnopenableDatabase(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	// Port 0: the test must not depend on 8080 being free (serve binds
	// before it opens the database).
	os.WriteFile(cfg, []byte("listen: 127.0.0.1:0\ndatabase: no/such/dir/x.db\nsections:\n  - id: a\n    sources:\n      - http://127.0.0.1:1/feed\n"), 0o644)
	code, _, errOut := runCLI(t, "--config", cfg, "serve")
	if code != 1 || !strings.Contains(errOut, "no/such/dir/x.db") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}
