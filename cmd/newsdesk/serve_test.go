package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"newsdesk/storage"
)

// syncBuffer is a bytes.Buffer safe for a process writing while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServe starts `newsdesk serve` as a real process.
func startServe(t *testing.T, cfgPath string, env ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(binary(t), "--config", cfgPath, "--log-format", "text", "serve", "--shutdown-grace", "2s")
	cmd.Env = append(os.Environ(), env...)
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, logs
}

func get(url string) (int, string) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// eventually polls cond (a bounded number of times) until it holds.
//
// It waits up to a minute: a liveness bound, not a speed claim (real
// processes built with -race on a loaded two-core machine take their time;
// a failure here means it never happened).
func eventually(t *testing.T, what string, logs *syncBuffer, cond func() bool) {
	t.Helper()
	for range 1200 {
		if cond() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("never happened: %s\nlogs:\n%s", what, logs.String())
}

// TestServeReloadAndShutdown runs the real binary: it fetches at start-up
// and serves the feeds; SIGHUP with a new section adds it; SIGHUP with a
// broken config keeps the running one; SIGTERM exits 0 with the database
// closed cleanly.
func TestServeReloadAndShutdown(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	cfgPath := writeConfig(t, dir, feeds.URL, addr)
	notify, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: dir + "/notify.sock", Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer notify.Close()
	var states syncBuffer
	go func() {
		buf := make([]byte, 256)
		for {
			n, err := notify.Read(buf)
			if err != nil {
				return
			}
			states.Write(append(buf[:n:n], '\n'))
		}
	}()
	cmd, logs := startServe(t, cfgPath, "NOTIFY_SOCKET="+dir+"/notify.sock")
	base := "http://" + addr
	eventually(t, "systemd told READY=1", logs, func() bool { return strings.Contains(states.String(), "READY=1") })

	eventually(t, "healthz answers", logs, func() bool { c, _ := get(base + "/healthz"); return c == 200 })
	eventually(t, "start-up fetch filled politique", logs, func() bool {
		_, body := get(base + "/feeds/politique.rss")
		return strings.Contains(body, "Le Sénat adopte le projet de budget")
	})
	if c, _ := get(base + "/feeds/sport.atom"); c != 404 {
		t.Fatalf("unknown section: %d, want 404", c)
	}

	// Reload with one more section: served without a restart.
	cfgAdded := writeConfig(t, dir, feeds.URL, addr, "  - id: sport\n    title: Sport\n    sources:\n      - "+feeds.URL+"/monde.atom\n")
	if cfgAdded != cfgPath {
		t.Fatal("config path moved")
	}
	cmd.Process.Signal(syscall.SIGHUP)
	eventually(t, "new section served after SIGHUP", logs, func() bool {
		_, body := get(base + "/feeds/sport.atom")
		return strings.Contains(body, "Coastal states agree")
	})

	if c, body := get(base + "/api/sources"); c != 200 || !strings.Contains(body, `"items_stored": 3`) || !strings.Contains(body, `"status": 200`) {
		t.Fatalf("/api/sources (%d):\n%s", c, body)
	}
	if c, body := get(base + "/sources"); c != 200 || !strings.Contains(body, "politique.rss") {
		t.Fatalf("/sources (%d):\n%.300s", c, body)
	}

	// Reload without the international section: it is gone from the server.
	raw, _ := os.ReadFile(cfgPath)
	without := strings.Replace(string(raw), "  - id: international\n    title: International\n    description: World news\n    language: en\n    sources:\n      - url: "+feeds.URL+"/monde.atom\n        title: Wire Agency\n", "", 1)
	if without == string(raw) {
		t.Fatal("test config layout changed: could not remove the section")
	}
	os.WriteFile(cfgPath, []byte(without), 0o644)
	cmd.Process.Signal(syscall.SIGHUP)
	eventually(t, "removed section answers 404", logs, func() bool { c, _ := get(base + "/feeds/international.atom"); return c == 404 })
	if c, _ := get(base + "/feeds/sport.atom"); c != 200 {
		t.Fatalf("sport after removing international: %d", c)
	}

	// A broken config is reported and the running one stays.
	os.WriteFile(cfgPath, []byte("sections: [\n"), 0o644)
	cmd.Process.Signal(syscall.SIGHUP)
	eventually(t, "invalid config logged", logs, func() bool { return strings.Contains(logs.String(), "invalid config, keeping the running one") })
	if c, _ := get(base + "/feeds/sport.atom"); c != 200 {
		t.Fatalf("after a broken reload, sport answers %d", c)
	}
	if c, body := get(base + "/metrics"); c != 200 || !strings.Contains(body, "newsdesk_fetches_total") || !strings.Contains(body, "newsdesk_build_info") {
		t.Fatalf("metrics (%d) lack newsdesk_ names:\n%.500s", c, body)
	}

	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve exited with %v\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not stop on SIGTERM\n%s", logs.String())
	}
	if _, err := os.Stat(dir + "/e2e.db-wal"); err == nil {
		if st, _ := os.Stat(dir + "/e2e.db-wal"); st.Size() != 0 {
			t.Errorf("WAL not checkpointed at shutdown: %d bytes", st.Size())
		}
	}
	if got, want := states.String(), "READY=1\nRELOADING=1\nREADY=1\nRELOADING=1\nREADY=1\nRELOADING=1\nREADY=1\nSTOPPING=1\n"; got != want {
		t.Errorf("sd_notify states:\n%s\nwant:\n%s", got, want)
	}
	db := storage.New(dir + "/e2e.db")
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if res, err := db.Check(context.Background()); err != nil || res != "ok" {
		t.Fatalf("integrity after shutdown: %q %v", res, err)
	}
}

// TestServeRefusesInvalidConfig: exit 2 with the problem named.
func TestServeRefusesInvalidConfig(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/config.yaml"
	os.WriteFile(path, []byte("sections:\n  - id: Bad Id\n    sources: []\n"), 0o644)
	cmd := exec.Command(binary(t), "--config", path, "serve")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("serve on an invalid config: %v, want exit 2\n%s", err, out)
	}
	if !strings.Contains(string(out), "sections[0].id") {
		t.Fatalf("message does not name the field:\n%s", out)
	}
}
