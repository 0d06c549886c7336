package feedgen

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// checker finds a conformance checker from /work/shared/conformance (or
// the folder named by NEWSDESK_CONFORMANCE_BIN) on PATH; the test is
// skipped where it is not installed.
func checker(t *testing.T, name string) string {
	t.Helper()
	if dir := os.Getenv("NEWSDESK_CONFORMANCE_BIN"); dir != "" {
		if p, err := exec.LookPath(filepath.Join(dir, name)); err == nil {
			return p
		}
	}
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (set NEWSDESK_CONFORMANCE_BIN)", name)
	}
	return p
}

// TestConformance runs the external checkers on the golden files and on
// feeds served over HTTP, which also checks the Content-Type.
func TestConformance(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	for _, c := range []struct{ ext, tool string }{{"atom", "check-atom"}, {"rss", "check-rss"}, {"json", "check-jsonfeed"}} {
		t.Run(c.tool, func(t *testing.T) {
			bin := checker(t, c.tool)
			args, _ := filepath.Glob(filepath.Join("testdata", "golden", "*."+c.ext))
			for _, sec := range testSections() {
				args = append(args, ts.srv.URL+"/feeds/"+sec.ID+"."+c.ext)
			}
			out, err := exec.Command(bin, args...).CombinedOutput()
			if err != nil {
				t.Errorf("%s: %v\n%s", c.tool, err, out)
			}
			if got, want := strings.Count(string(out), ": OK"), len(args); got != want {
				t.Errorf("%s: %d documents OK, want %d:\n%s", c.tool, got, want, out)
			}
		})
	}
}
