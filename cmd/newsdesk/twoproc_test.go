package main

import (
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
)

// TestServeAndCronFetchShareTheFile runs `newsdesk serve` (fetching its
// "live" sources every second) while `newsdesk fetch --section cron` runs
// again and again on the same database file, as cron would. Every fetch
// succeeds, serve never answers a reader with an error, serve's cron feed
// shows each new batch the other process wrote, and the file stays sound.
func TestServeAndCronFetchShareTheFile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real processes")
	}
	var version atomic.Int64
	feeds := httptest.NewServer(&genFeeds{items: 20, version: func() int { return int(version.Load()) }})
	defer feeds.Close()
	dir := t.TempDir()
	addr := freeAddr(t)
	var b strings.Builder
	fmt.Fprintf(&b, "listen: %s\nbase_url: http://%s\ndatabase: gen.db\nschedule: \"@every 1h\"\nmin_interval: 1s\n", addr, addr)
	b.WriteString("fetch:\n  concurrency: 8\n  per_host: 8\nsections:\n  - id: live\n    limit: 500\n    sources:\n")
	for n := range 6 {
		fmt.Fprintf(&b, "      - url: %s/f/%d.rss\n        schedule: \"@every 1s\"\n", feeds.URL, n)
	}
	b.WriteString("  - id: cron\n    limit: 500\n    sources:\n")
	for n := 6; n < 16; n++ {
		fmt.Fprintf(&b, "      - %s/f/%d.rss\n", feeds.URL, n)
	}
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	serve, logs := startServe(t, cfg)
	base := "http://" + addr
	eventually(t, "serve fetched at start-up", logs, func() bool {
		_, body := get(base + "/feeds/cron.atom")
		return strings.Contains(body, "f6v0i0")
	})

	// Readers, all along.
	stop := make(chan struct{})
	var readers sync.WaitGroup
	var reads, bad atomic.Int64
	var lastBad atomic.Value
	for range 3 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				for _, p := range []string{"/feeds/cron.atom", "/feeds/live.json", "/", "/sources"} {
					code, body := get(base + p)
					reads.Add(1)
					if code != 200 {
						bad.Add(1)
						lastBad.Store(fmt.Sprintf("%s: %d %.200s", p, code, body))
					}
				}
			}
		}()
	}

	for v := 1; v <= 5; v++ {
		version.Store(int64(v))
		out, err := exec.Command(binary(t), "--config", cfg, "--log-level", "error", "fetch", "--section", "cron").CombinedOutput()
		if err != nil {
			close(stop)
			t.Fatalf("cron fetch %d beside serve: %v\n%s\nserve logs:\n%s", v, err, out, logs.String())
		}
		if !strings.Contains(string(out), "20 new") {
			t.Errorf("cron fetch %d stored no new items:\n%s", v, out)
		}
		want := fmt.Sprintf("f6v%di0", v)
		eventually(t, "serve shows the cron fetch's items ("+want+")", logs, func() bool {
			_, body := get(base + "/feeds/cron.atom")
			return strings.Contains(body, want)
		})
		eventually(t, "serve's own fetches stored version "+fmt.Sprint(v), logs, func() bool {
			_, body := get(base + "/feeds/live.json")
			return strings.Contains(body, fmt.Sprintf("f0v%di0", v))
		})
	}
	close(stop)
	readers.Wait()
	if bad.Load() > 0 {
		t.Errorf("%d of %d reads during the two processes' writes were not 200; last: %v", bad.Load(), reads.Load(), lastBad.Load())
	}
	t.Logf("%d reads, all 200, during 5 cron fetches beside serve", reads.Load())

	serve.Process.Signal(syscall.SIGTERM)
	if err := serve.Wait(); err != nil {
		t.Fatalf("serve exit: %v\n%s", err, logs.String())
	}
	if strings.Contains(logs.String(), "locked") {
		t.Errorf("serve logged a lock error:\n%s", logs.String())
	}
	st := readDB(t, filepath.Join(dir, "gen.db"))
	if n := len(st.keys[feeds.URL+"/f/6.rss"]); n != 6*20 {
		t.Errorf("cron source holds %d items, want %d (six versions of 20)", n, 6*20)
	}
}

// TestReadOnlyDatabase: a database the process may not write (another
// user's file in another user's folder) gives a clear error naming the
// file, and works once the permissions are fixed. As root, the fetch runs
// as nobody, since root ignores file modes.
func TestReadOnlyDatabase(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, feeds.URL, "")
	if code, out, _ := runCLI(t, "--config", cfg, "--log-level", "error", "fetch"); code != 0 {
		t.Fatalf("first fetch: exit %d\n%s", code, out)
	}
	dbPath := filepath.Join(dir, "e2e.db")

	bin := binary(t)
	var attr *syscall.SysProcAttr
	if os.Getuid() == 0 {
		// nobody must be able to run the binary and read the config.
		pub, err := os.MkdirTemp("", "newsdesk-ro-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(pub)
		os.Chmod(pub, 0o755)
		bin = copyFile(t, bin, filepath.Join(pub, "newsdesk"), 0o755)
		// t.TempDir's folders are 0700: open them (not the system's
		// temporary folder above them) to nobody.
		tmp := filepath.Clean(os.TempDir())
		for d := dir; strings.HasPrefix(d, tmp+string(filepath.Separator)); d = filepath.Dir(d) {
			os.Chmod(d, 0o755)
		}
		attr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	} else {
		os.Chmod(dbPath, 0o444)
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o755)
	}
	fetch := func() (int, string) {
		cmd := exec.Command(bin, "--config", cfg, "--log-level", "error", "fetch", "--force")
		cmd.SysProcAttr = attr
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, string(out)
	}
	code, out := fetch()
	if code == 0 {
		t.Fatalf("fetch into a read-only database succeeded:\n%s", out)
	}
	t.Logf("read-only: exit %d: %s", code, strings.TrimSpace(out))
	if !strings.Contains(out, dbPath) || !strings.Contains(out, "read-only") {
		t.Errorf("error does not name the database and say it is read-only:\n%s", out)
	}

	// Fixed: the same command works.
	if os.Getuid() == 0 {
		for _, p := range []string{dir, dbPath, dbPath + "-wal", dbPath + "-shm"} {
			os.Chown(p, 65534, 65534)
		}
	} else {
		os.Chmod(dir, 0o755)
		os.Chmod(dbPath, 0o644)
	}
	if code, out := fetch(); code != 0 {
		t.Fatalf("fetch after the permissions were fixed: exit %d\n%s", code, out)
	}
	st := readDB(t, dbPath)
	if len(st.keys) != 3 {
		t.Errorf("after recovery %d sources hold items, want 3", len(st.keys))
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) string {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return to
}
