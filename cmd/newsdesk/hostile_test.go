package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// hostileDocs are feeds built to exhaust a parser, by name.
func hostileDocs(entityURL string) map[string]string {
	var laughs strings.Builder
	laughs.WriteString(`<?xml version="1.0"?>` + "\n<!DOCTYPE rss [\n  <!ENTITY lol0 \"lol\">\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&laughs, "  <!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	laughs.WriteString("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>\n")

	deep := `<?xml version="1.0"?><rss version="2.0"><channel><title>deep</title><item><title>deep</title><description>` +
		strings.Repeat("<x>", 100_000) + strings.Repeat("</x>", 100_000) + "</description></item></channel></rss>\n"
	deepAtom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>deep</title><id>urn:d</id><entry><id>urn:e</id><title>t</title><content type="xhtml">` +
		strings.Repeat(`<div xmlns="http://www.w3.org/1999/xhtml">`, 100_000) + strings.Repeat("</div>", 100_000) + "</content></entry></feed>\n"
	deepJSON := `{"version":"https://jsonfeed.org/version/1.1","title":"deep","items":[{"id":"1","title":"t","content_html":"x","_x":` +
		strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "}]}"
	external := `<?xml version="1.0"?>` + "\n<!DOCTYPE rss [\n  <!ENTITY xxe SYSTEM \"" + entityURL + "\">\n  <!ENTITY file SYSTEM \"file:///etc/passwd\">\n]>\n" +
		`<rss version="2.0"><channel><title>xxe</title><item><title>&xxe;</title><description>&file;</description><guid>x1</guid></item></channel></rss>` + "\n"
	return map[string]string{"laughs.rss": laughs.String(), "deep.rss": deep, "deep.atom": deepAtom, "deep.json": deepJSON, "external.rss": external}
}

// TestHostileFeedsFailAlone fetches XML bombs, 100,000-deep nestings and
// external entities beside healthy sources with the real binary: each
// hostile source gets a FAIL line saying what is wrong (or is parsed
// without expanding anything), the healthy sources are stored, no request
// goes to an external entity's URL, and the process stays small.
func TestHostileFeedsFailAlone(t *testing.T) {
	var entityHits atomic.Int64
	var docs map[string]string
	files := http.FileServer(http.Dir("testdata/feeds"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "secret" {
			entityHits.Add(1)
			w.Write([]byte("SECRET-FROM-ENTITY"))
			return
		}
		if d, ok := docs[name]; ok {
			w.Write([]byte(d))
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	docs = hostileDocs(srv.URL + "/secret")

	dir := t.TempDir()
	var extra strings.Builder
	extra.WriteString("  - id: hostile\n    sources:\n")
	for name := range docs {
		fmt.Fprintf(&extra, "      - %s/%s\n", srv.URL, name)
	}
	cfg := writeConfig(t, dir, srv.URL, "", extra.String())
	cmd := exec.Command(binary(t), "--config", cfg, "--log-level", "error", "fetch")
	var outBuf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &outBuf, &outBuf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	peak := watchPeak(cmd.Process.Pid, binary(t))
	err := cmd.Wait()
	peakKB := peak()
	out := outBuf.Bytes()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("fetch: %v, want exit 1 (some sources failed)\n%s", err, out)
	}
	t.Logf("fetch output:\n%s", out)
	lines := string(out)
	for _, healthy := range []string{"politique.rss: 3 items", "monde.atom: ", "economie.json: "} {
		if !strings.Contains(lines, "ok    "+srv.URL+"/"+healthy) {
			t.Errorf("healthy source %q not stored beside the hostile ones", healthy)
		}
	}
	for name := range docs {
		line := lineFor(lines, srv.URL+"/"+name)
		switch {
		case line == "":
			t.Errorf("%s: no summary line", name)
		case strings.HasPrefix(line, "FAIL"):
			if !strings.Contains(line, "parse") && !strings.Contains(line, "deep") && !strings.Contains(line, "entit") {
				t.Errorf("%s: the error does not say what is wrong: %s", name, line)
			}
		case name == "external.rss" && strings.HasPrefix(line, "ok"):
			// Parsed with the entities left unexpanded: checked below.
		default:
			t.Errorf("%s: %s, want a FAIL line", name, line)
		}
	}
	if n := entityHits.Load(); n != 0 {
		t.Errorf("the external entity's URL was requested %d times", n)
	}
	// The child's own peak (VmHWM): its ru_maxrss starts at the test
	// process's, which other tests grow.
	t.Logf("peak memory of the fetch: %d MiB", peakKB>>10)
	if peakKB == 0 || peakKB > 300<<10 {
		t.Errorf("fetch used %d MiB at most, want under 300 MiB (0: not read)", peakKB>>10)
	}
	code, body, _ := runCLI(t, "--config", cfg, "export", "--out", filepath.Join(dir, "out"))
	if code != 0 {
		t.Fatalf("export: exit %d %s", code, body)
	}
	exported, _ := os.ReadFile(filepath.Join(dir, "out", "feeds", "hostile.atom"))
	for _, leak := range []string{"SECRET-FROM-ENTITY", "root:x:0:0", "lollollol"} {
		if strings.Contains(string(exported), leak) {
			t.Errorf("the hostile section's feed holds %q", leak)
		}
	}
}

// lineFor returns the summary line of source u.
func lineFor(out, u string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, " "+u+":") {
			return l
		}
	}
	return ""
}
