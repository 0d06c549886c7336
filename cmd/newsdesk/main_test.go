package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"newsdesk/storage/pgtest"
)

// fixtureServer serves testdata/feeds on 127.0.0.1 and counts requests.
func fixtureServer(t testing.TB) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir("testdata/feeds")))
	t.Cleanup(srv.Close)
	return srv
}

// writeConfig writes testdata/e2e.yaml with the fixture server's URL and
// the given listen address into dir, returning its path.
func writeConfig(t testing.TB, dir, feedBase, listen string, extra ...string) string {
	t.Helper()
	testDatabase(t)
	raw, err := os.ReadFile("testdata/e2e.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(raw), "BASE", feedBase)
	if listen != "" {
		text = strings.Replace(text, "listen: 127.0.0.1:0", "listen: "+listen, 1)
		text = strings.Replace(text, "base_url: http://127.0.0.1:8080", "base_url: http://"+listen, 1)
	}
	for _, e := range extra {
		text += e
	}
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runCLI runs one command line in-process.
func runCLI(t testing.TB, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the newsdesk binary once for the tests that need a real
// process (signals, kill -9, two processes on one database).
func binary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newsdesk-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "newsdesk")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = err
			binPath = string(out)
		}
	})
	if binErr != nil {
		t.Fatalf("build newsdesk: %v\n%s", binErr, binPath)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := pgtest.Main(m) // a PostgreSQL server for the multi-process tests

	if binPath != "" && binErr == nil {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}
