// Package pgtest gives tests a real PostgreSQL server: the one at
// $NEWSDESK_TEST_POSTGRES (a URL) when set, otherwise a throwaway cluster
// made with initdb and pg_ctl in a temporary folder when PostgreSQL's
// binaries are installed (Debian package postgresql), started once per test
// package by Main and stopped at its end. Without either, the tests that
// need it skip, naming the package to install.
package pgtest

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env is the variable naming the server's URL.
const Env = "NEWSDESK_TEST_POSTGRES"

// SkipMessage is why PostgreSQL tests skip when no server can be had.
const SkipMessage = "PostgreSQL tests need a server: set " + Env + " to a URL, or install the Debian package postgresql (initdb, pg_ctl)"

var (
	mu      sync.Mutex
	baseURL string // the server's maintenance database URL, "" when none
	why     string // why there is none
	seq     atomic.Int64
)

// Main starts the server for a test package and runs its tests:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
func Main(m *testing.M) int {
	stop, err := start()
	if err != nil {
		why = err.Error()
	}
	code := m.Run()
	if stop != nil {
		stop()
	}
	return code
}

// Available reports whether a server is running (after Main).
func Available() bool {
	mu.Lock()
	defer mu.Unlock()
	return baseURL != ""
}

// Need skips t when no PostgreSQL server is running, saying what to
// install, and fails it in CI (CI set), where .ci/run installs the server
// and nothing may skip.
func Need(t testing.TB) {
	t.Helper()
	if Available() {
		return
	}
	mu.Lock()
	reason := why
	mu.Unlock()
	if os.Getenv("CI") != "" {
		t.Fatal("no PostgreSQL server in CI (.ci/run installs the Debian package postgresql): " + SkipMessage + reason)
	}
	t.Skip(SkipMessage + reason)
}

// URL returns the URL of a new, empty database on the server, or skips t.
// The database is left behind (the throwaway cluster is removed whole).
func URL(t testing.TB) string {
	t.Helper()
	u, err := NewDatabase(context.Background(), t.Name())
	if err != nil {
		if !Available() {
			Need(t)
		}
		t.Fatal(err)
	}
	return u
}

// NewDatabase creates an empty database named after hint and returns its URL.
func NewDatabase(ctx context.Context, hint string) (string, error) {
	mu.Lock()
	base := baseURL
	mu.Unlock()
	if base == "" {
		return "", fmt.Errorf("no PostgreSQL server")
	}
	name := "t" + strconv.FormatInt(seq.Add(1), 10) + "_" + strconv.Itoa(os.Getpid()) + "_" + sanitize(hint)
	if len(name) > 60 {
		name = name[:60]
	}
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		return "", fmt.Errorf("connect to the test server: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE DATABASE "`+name+`" TEMPLATE template0 ENCODING 'UTF8'`); err != nil {
		return "", fmt.Errorf("create test database: %w", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

func sanitize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// start finds or starts the server and sets baseURL (and Env, so that
// processes the tests start use the same one).
func start() (stop func(), err error) {
	if u := os.Getenv(Env); u != "" {
		mu.Lock()
		baseURL = u
		mu.Unlock()
		return nil, nil
	}
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "newsdesk-pg-")
	if err != nil {
		return nil, err
	}
	run := func(args ...string) *exec.Cmd { return exec.Command(args[0], args[1:]...) }
	if os.Geteuid() == 0 {
		// The server refuses to run as root: it runs as postgres, in a
		// folder it owns.
		pu, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf(" (running as root without a postgres user: %v)", err)
		}
		uid, _ := strconv.Atoi(pu.Uid)
		gid, _ := strconv.Atoi(pu.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		run = func(args ...string) *exec.Cmd {
			c := exec.Command(args[0], args[1:]...)
			c.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
			c.Dir = dir
			return c
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := run(filepath.Join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres",
		"--locale=C", "-E", "UTF8", "--no-sync").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf(" (initdb: %v: %s)", err, out)
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	opts := fmt.Sprintf("-h 127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off "+
		"-c max_connections=300 -c shared_buffers=64MB", port, dir)
	if out, err := run(filepath.Join(bin, "pg_ctl"), "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"),
		"-w", "-t", "60", "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf(" (pg_ctl start: %v: %s %s)", err, out, log)
	}
	u := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	mu.Lock()
	baseURL = u
	mu.Unlock()
	os.Setenv(Env, u)
	return func() {
		run(filepath.Join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop").Run()
		os.RemoveAll(dir)
	}, nil
}

// findBin returns the folder of initdb and pg_ctl: PATH first, then
// Debian's /usr/lib/postgresql/VERSION/bin (the newest).
func findBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", fmt.Errorf(" (no initdb/pg_ctl on PATH nor in /usr/lib/postgresql/*/bin)")
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Wait gives a started server time to accept connections (used by tests
// that restart it).
func Wait(ctx context.Context, u string) error {
	for {
		c, err := pgx.Connect(ctx, u)
		if err == nil {
			c.Close(ctx)
			return nil
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(100 * time.Millisecond):
		}
	}
}
