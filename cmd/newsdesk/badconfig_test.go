package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// everyMistake holds one of each kind of config problem the issue lists;
// wantProblems is what `check` must print for it, each with file, line,
// column and field path.
const everyMistake = `listen: 127.0.0.1:8080
colour: blue
fetch:
  timeout: 30
  max_body: 10XB
  concurrency: many
schedule: "*/61 * * * *"
sections:
  - id: news
    exclude: ["("]
    sources:
      - ftp://127.0.0.1/feed.xml
      - url: /relative.xml
  - id: news
    sources: [http://127.0.0.1/a]
  - id: empty
    sources: []
`

var wantProblems = []string{
	`config.yaml:2:1: colour: unknown key "colour"`,
	`config.yaml:4:12: fetch.timeout: invalid duration "30"`,
	`config.yaml:5:13: fetch.max_body: invalid size "10XB"`,
	`config.yaml:6:16: fetch.concurrency: expected an integer, got "many"`,
	`config.yaml:7:11: schedule: invalid cron spec "*/61 * * * *"`,
	`config.yaml:10:15: sections[0].exclude[0]: invalid regular expression "("`,
	`config.yaml:12:9: sections[0].sources[0]: invalid URL "ftp://127.0.0.1/feed.xml": the scheme must be http or https`,
	`config.yaml:13:14: sections[0].sources[1].url: invalid URL "/relative.xml"`,
	`config.yaml:14:9: sections[1].id: duplicate section id "news"`,
	`config.yaml:17:14: sections[2].sources: a section needs at least one source`,
}

// TestBadConfigEveryProblemAtOnce: `check` and `serve` (a real process)
// report every problem of the file at once, each with line, column and
// field path, and exit 2; a missing file is named, exit 2.
func TestBadConfigEveryProblemAtOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(everyMistake), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "--config", path, "check")
	if code != 2 {
		t.Errorf("check: exit %d, want 2", code)
	}
	for _, want := range wantProblems {
		if !strings.Contains(errOut, want) {
			t.Errorf("check output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("check output:\n%s", errOut)
	}

	out, err := exec.Command(binary(t), "--config", path, "serve").CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
		t.Fatalf("serve on a bad config: %v, want exit 2\n%s", err, out)
	}
	for _, want := range wantProblems {
		if !strings.Contains(string(out), want) {
			t.Errorf("serve output lacks %q", want)
		}
	}

	missing := filepath.Join(dir, "nope.yaml")
	for _, cmd := range []string{"check", "serve", "fetch"} {
		out, err := exec.Command(binary(t), "--config", missing, cmd).CombinedOutput()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
			t.Errorf("%s on a missing config: %v, want exit 2\n%s", cmd, err, out)
		}
		if !strings.Contains(string(out), missing+": config file does not exist") {
			t.Errorf("%s on a missing config does not name it:\n%s", cmd, out)
		}
	}
}
