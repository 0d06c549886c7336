package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsdesk/ingest"
)

// ttyBuffer is a buffer that says it is a terminal, as a user's stderr is.
type ttyBuffer struct{ syncBuffer }

func (*ttyBuffer) IsTerminal() bool { return true }

const sampleOPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>reader</title></head><body>
<outline text="News" title="News">
<outline type="rss" text="Port news" xmlUrl="https://port.example/feed.xml"/>
</outline></body></opml>
`

// TestFlagsAnywhere: flags are accepted before and after positional
// arguments and the command name, in every command.
func TestFlagsAnywhere(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, feeds.URL, "")
	opmlFile := filepath.Join(dir, "reader.opml")
	os.WriteFile(opmlFile, []byte(sampleOPML), 0o644)
	var outputs []string
	for _, args := range [][]string{
		{"--config", cfg, "import-opml", opmlFile, "--section", "politique"}, // as README and help write it
		{"--config", cfg, "import-opml", "--section", "politique", opmlFile},
		{"import-opml", opmlFile, "--config", cfg, "--section=politique"},
		{"--config", cfg, "import-opml", "--section", "politique", "--", opmlFile}, // after "--", positional only
	} {
		code, out, errOut := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%q: exit %d\n%s", args, code, errOut)
		}
		if !strings.Contains(out, "https://port.example/feed.xml") {
			t.Fatalf("%q printed %q", args, out)
		}
		outputs = append(outputs, out)
	}
	for i := range outputs {
		if outputs[i] != outputs[0] {
			t.Errorf("order %d printed %q, order 0 %q", i, outputs[i], outputs[0])
		}
	}
	for _, args := range [][]string{
		{"check", "--config", cfg},
		{"--log-level", "error", "fetch", "--quiet", "--config", cfg, "--section", "politique"},
		{"report", "--json", "--config", cfg, "--days", "2"},
		{"sources", "--config", cfg, "--json"},
		{"export", "--config", cfg, "--out", filepath.Join(dir, "out")},
	} {
		if code, _, errOut := runCLI(t, args...); code != 0 {
			t.Errorf("%q: exit %d\n%s", args, code, errOut)
		}
	}
}

// TestStrayArgumentsAndTypos: an argument a command does not take is
// refused with its usage (exit 2), and a typo gets the nearest command or
// flag.
func TestStrayArgumentsAndTypos(t *testing.T) {
	feeds := fixtureServer(t)
	cfg := writeConfig(t, t.TempDir(), feeds.URL, "")
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"--config", cfg, "fetch", "politique"}, []string{`unexpected argument "politique"`, "did you mean --section politique?", "Usage: newsdesk [--config PATH] fetch"}},
		{[]string{"--config", cfg, "fetch", "http://127.0.0.1:1/x"}, []string{`did you mean --source http://127.0.0.1:1/x?`}},
		{[]string{"--config", cfg, "check", "extra", "more"}, []string{`unexpected arguments ["extra" "more"]`, "check takes flags only"}},
		{[]string{"version", "now"}, []string{`unexpected argument "now"`}},
		{[]string{"--config", cfg, "import-opml", "a.opml", "b.opml", "--section", "x"}, []string{`unexpected argument "b.opml"`}},
		{[]string{"--config", cfg, "import-opml", "--section", "x"}, []string{"missing argument", "import-opml FILE --section ID"}},
		{[]string{"--confg", cfg, "check"}, []string{"unknown flag --confg; did you mean --config?"}},
		{[]string{"fetsh"}, []string{`unknown command "fetsh"; did you mean "fetch"?`}},
		{[]string{"--config", cfg, "fetch", "--sectoin", "x"}, []string{"-sectoin", "did you mean --section?"}},
		{[]string{"--config", cfg, "export", "--out=x", "--froce"}, []string{"-froce"}},
		{[]string{"help", "fecth"}, []string{`did you mean "fetch"?`}},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, c.args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2\n%s%s", c.args, code, out, errOut)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%q: stderr lacks %q:\n%s", c.args, w, errOut)
			}
		}
	}
	// Nothing was fetched by the refused "fetch politique".
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "e2e.db")); err == nil {
		t.Error("a refused command created the database")
	}
}

// TestFetchProgressOnTerminal: on a terminal, fetch draws one progress line
// on stderr that log lines do not break, leaves the per-source lines to the
// summary, and prints one summary line per source on stdout.
func TestFetchProgressOnTerminal(t *testing.T) {
	feeds := fixtureServer(t)
	cfg := writeConfig(t, t.TempDir(), feeds.URL, "")
	var out bytes.Buffer
	errOut := &ttyBuffer{}
	code := run(context.Background(), []string{"--config", cfg, "fetch"}, strings.NewReader(""), &out, errOut)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errOut.String())
	}
	e := errOut.String()
	if !strings.Contains(e, "] 3/3 sources") {
		t.Errorf("no progress bar reaching 3/3 on stderr: %q", e)
	}
	if strings.Contains(e, "msg=fetch") {
		t.Errorf("per-source log lines on stderr beside the summary: %q", e)
	}
	if n := strings.Count(out.String(), "ok    "); n != 3 {
		t.Errorf("%d summary lines, want 3 (one per source):\n%s", n, out.String())
	}
	if !strings.HasSuffix(e, "\r\033[K") {
		t.Errorf("the bar is not erased at the end: %q", e)
	}
}

// TestProgressKeepsLogLinesWhole: a log line written while the bar shows
// clears the bar, is written whole on its own line, and the bar comes back.
func TestProgressKeepsLogLinesWhole(t *testing.T) {
	tty := &ttyBuffer{}
	p := newProgress(tty)
	p.start(2)
	p.step(ingest.Report{})
	p.Write([]byte("level=WARN msg=something\n"))
	p.step(ingest.Report{})
	p.done()
	got := tty.String()
	bar1 := "\r\033[K[###############...............] 1/2 sources"
	want := "\r\033[K[..............................] 0/2 sources" + bar1 + "\r\033[K" + "level=WARN msg=something\n" + bar1 +
		"\r\033[K[##############################] 2/2 sources" + "\r\033[K"
	if got != want {
		t.Errorf("terminal got\n%q\nwant\n%q", got, want)
	}
	// Not a terminal: no bar at all, logs as they are.
	var plain bytes.Buffer
	p = newProgress(&plain)
	p.start(2)
	p.step(ingest.Report{})
	p.Write([]byte("line\n"))
	p.done()
	if plain.String() != "line\n" {
		t.Errorf("not a terminal: %q", plain.String())
	}
}

// TestFetchInterrupted: a fetch cancelled (SIGINT) while sources are in
// flight says it was interrupted, not that they failed.
func TestFetchInterrupted(t *testing.T) {
	release := make(chan struct{})
	arrived := make(chan struct{}, 2)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(release)
	feeds := fixtureServer(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte("database: x.db\nfetch:\n  per_host: 4\nsections:\n  - id: a\n    sources:\n      - "+feeds.URL+"/politique.rss\n      - "+
		slow.URL+"/one\n      - "+slow.URL+"/two\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"--config", cfg, "--log-level", "error", "fetch"}, strings.NewReader(""), &out, &errOut)
	}()
	<-arrived
	<-arrived
	eventuallyT(t, "the fast source is stored", func() bool {
		_, js, _ := runCLI(t, "--config", cfg, "--log-level", "error", "sources", "--json")
		return strings.Contains(js, `"items_stored": 3`)
	})
	cancel()
	code := <-done
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(out.String(), "interrupted: 2 of 3 sources not fetched") || strings.Contains(out.String(), "sources failed") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "ok    "+feeds.URL+"/politique.rss") {
		t.Errorf("the source fetched before the interruption has no summary line:\n%s", out.String())
	}
}

func eventuallyT(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for range 400 {
		if cond() {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("never happened: %s", what)
}

// TestDatabaseFolderProblems: a missing or read-only database folder is
// named with what is missing, instead of SQLite's "unable to open
// database file (14)".
func TestDatabaseFolderProblems(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte("database: missing/news.db\nsections:\n  - id: a\n    sources:\n      - http://127.0.0.1:1/feed\n"), 0o644)
	code, _, errOut := runCLI(t, "--config", cfg, "sources")
	if code != 1 || !strings.Contains(errOut, "the folder "+filepath.Join(dir, "missing")+" does not exist") {
		t.Errorf("missing folder: exit %d, %q", code, errOut)
	}

	// A folder the user cannot write: as root (CI), run the binary as
	// nobody, for whom permissions hold.
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	os.WriteFile(cfg, []byte("database: ro/news.db\nsections:\n  - id: a\n    sources:\n      - http://127.0.0.1:1/feed\n"), 0o644)
	cmd := exec.Command(binary(t), "--config", cfg, "sources")
	if os.Geteuid() == 0 {
		for d := dir; d != "/" && d != "."; d = filepath.Dir(d) {
			if st, err := os.Stat(d); err == nil && st.Mode().Perm()&0o005 != 0o005 {
				os.Chmod(d, st.Mode().Perm()|0o005)
			}
		}
		bin := binary(t)
		os.Chmod(filepath.Dir(bin), 0o755)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, _ := cmd.CombinedOutput()
	want := "the folder " + ro + " is not writable by this user"
	if cmd.ProcessState.ExitCode() != 1 || !strings.Contains(string(out), want) {
		t.Errorf("read-only folder: exit %d, output %q; want exit 1 and %q", cmd.ProcessState.ExitCode(), out, want)
	}
	if _, err := os.Stat(filepath.Join(ro, "news.db")); err == nil {
		t.Error("a database appeared in the read-only folder")
	}
}

// TestCheckWarnings: check warns (exit 0) about a source listed in several
// sections with different titles or schedules, naming both field paths
// and lines, about base_url unset, and about a config with no section.
func TestCheckWarnings(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte(`listen: 0.0.0.0:9090
sections:
  - id: a
    sources:
      - url: http://127.0.0.1:1/feed
        title: Agence
        schedule: "@every 10m"
  - id: b
    sources:
      - url: http://127.0.0.1:1/feed
        title: Agency
        schedule: "@every 20m"
`), 0o644)
	code, out, errOut := runCLI(t, "--config", cfg, "check")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{
		cfg + `:11:16: sections[1].sources[0].title: "Agency" differs from sections[0].sources[0].title "Agence" (line 6)`,
		cfg + `:12:19: sections[1].sources[0].schedule: "@every 20m" differs from sections[0].sources[0].schedule "@every 10m" (line 7)`,
		"base_url: not set: links and feed ids use http://",
	} {
		if !strings.Contains(errOut, w) {
			t.Errorf("check stderr lacks %q:\n%s", w, errOut)
		}
	}
	if !strings.Contains(out, "ok (2 sections, 1 sources, 3 warning(s))") {
		t.Errorf("stdout %q", out)
	}
	os.WriteFile(cfg, []byte("base_url: http://127.0.0.1:8080\nlisten: 0.0.0.0:8080\n"), 0o644)
	code, _, errOut = runCLI(t, "--config", cfg, "check")
	if code != 0 || !strings.Contains(errOut, "sections: no section") || !strings.Contains(errOut, "base_url: http://127.0.0.1:8080 is this machine only") {
		t.Errorf("empty config on a public listen: exit %d, %q", code, errOut)
	}
}

// TestRenameReachesFeedsOnSIGHUP: a source's new title is in its items in
// the feeds right after SIGHUP, without a fetch.
func TestRenameReachesFeedsOnSIGHUP(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	cfg := writeConfig(t, dir, feeds.URL, addr)
	cmd, logs := startServe(t, cfg)
	base := "http://" + addr
	eventually(t, "start-up fetch", logs, func() bool {
		_, body := get(base + "/feeds/international.atom")
		return strings.Contains(body, "<entry>")
	})
	// All three of start-up's fetches are logged before the rename: on a
	// loaded machine the third may come after the first feed is served.
	eventually(t, "start-up's three fetches", logs, func() bool {
		return strings.Count(logs.String(), "msg=fetch ") >= 3
	})
	raw, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, bytes.Replace(raw, []byte("title: Wire Agency"), []byte("title: Renamed Wire"), 1), 0o644)
	cmd.Process.Signal(syscall.SIGHUP)
	eventually(t, "the rename in the feed", logs, func() bool {
		_, body := get(base + "/feeds/international.atom")
		return strings.Contains(body, "Renamed Wire")
	})
	if n := strings.Count(logs.String(), "msg=fetch "); n != 3 {
		t.Errorf("%d fetches logged, want the 3 of start-up only (the rename needs none)", n)
	}
}

// TestSmallerCLIItems covers the smaller items of issue 18.
func TestSmallerCLIItems(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, feeds.URL, "")
	for _, days := range []string{"0", "-3"} {
		code, _, errOut := runCLI(t, "--config", cfg, "report", "--days", days)
		if code != 2 || !strings.Contains(errOut, "--days "+days+": want a number of days of at least 1") {
			t.Errorf("report --days %s: exit %d, %q", days, code, errOut)
		}
	}
	// One "export" in an export error.
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o644)
	code, _, errOut := runCLI(t, "--config", cfg, "export", "--out", blocker)
	if code != 1 || strings.Count(errOut, "export") != 1 {
		t.Errorf("export into a file: exit %d, %q; want one \"export\"", code, errOut)
	}
	// A failing source's log line has no zero next_attempt.
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("database: bad.db\nsections:\n  - id: a\n    sources:\n      - http://127.0.0.1:1/feed\n"), 0o644)
	code, _, errOut = runCLI(t, "--config", bad, "--log-format", "text", "fetch")
	if code != 1 || !strings.Contains(errOut, "fetch failed") || strings.Contains(errOut, "0001-01-01") {
		t.Errorf("failed fetch: exit %d, logs %q", code, errOut)
	}
}

// TestServePortTakenCreatesNothing: serve binds before it opens the
// database, so a port in use leaves no database file and names the address.
func TestServePortTakenCreatesNothing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte("listen: "+ln.Addr().String()+"\nbase_url: http://"+ln.Addr().String()+
		"\ndatabase: new.db\nsections:\n  - id: a\n    sources:\n      - http://127.0.0.1:1/feed\n"), 0o644)
	code, _, errOut := runCLI(t, "--config", cfg, "serve")
	if code != 1 || !strings.Contains(errOut, "listen on "+ln.Addr().String()) {
		t.Errorf("exit %d, %q", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "new.db") {
			t.Errorf("serve on a taken port created %s", e.Name())
		}
	}
}

// TestDerivedBaseURL: without base_url, links use http:// + listen, so a
// server on another port links to itself.
func TestDerivedBaseURL(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	raw, _ := os.ReadFile("testdata/e2e.yaml")
	text := strings.ReplaceAll(string(raw), "BASE", feeds.URL)
	text = strings.Replace(text, "listen: 127.0.0.1:0", "listen: "+addr, 1)
	text = strings.Replace(text, "base_url: http://127.0.0.1:8080\n", "", 1)
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte(text), 0o644)
	_, logs := startServe(t, cfg)
	eventually(t, "serving", logs, func() bool { c, _ := get("http://" + addr + "/healthz"); return c == 200 })
	_, body := get("http://" + addr + "/feeds.opml")
	if !strings.Contains(body, `xmlUrl="http://`+addr+`/feeds/politique.atom"`) {
		t.Errorf("OPML does not link to the listen address %s:\n%s", addr, body)
	}
	if m := regexp.MustCompile(`127\.0\.0\.1:8080`).FindString(body); m != "" {
		t.Errorf("OPML still links to %s", m)
	}
}
