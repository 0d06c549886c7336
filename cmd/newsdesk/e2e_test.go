package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"newsdesk/config"
	"newsdesk/feedgen"
	"newsdesk/storage"
)

// TestEndToEnd: fixture feeds on httptest → `newsdesk fetch` → the feed
// handler → every output parsed back with gofeed.
func TestEndToEnd(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, feeds.URL, "")

	if code, out, errOut := runCLI(t, "--config", cfgPath, "check"); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := runCLI(t, "fetch", "--config", cfgPath, "--log-level", "error")
	if code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "politique.rss: 3 items, 3 new") {
		t.Fatalf("fetch summary:\n%s", out)
	}

	first := renderAll(t, cfgPath)
	want := map[string][]string{
		"politique": {
			"Le Sénat adopte le projet de budget après trois jours de débats",
			"Municipales : la majorité dévoile sa stratégie d’alliances",
		},
		"international": {
			"Coastal states agree on a joint fisheries patrol",
			"Drought pushes river freight to record lows",
		},
		"economie": {
			"Le Sénat adopte le projet de budget après trois jours de débats",
			"L'inflation ralentit à 1,8 % en novembre",
			"Municipales : la majorité dévoile sa stratégie d’alliances",
			"Contenu sponsorisé : découvrez notre offre d'abonnement",
			"L'industrie recrée des emplois pour la première fois depuis 2023",
		},
	}
	for sec, titles := range want {
		for _, format := range []string{"atom", "rss", "json"} {
			f := first[sec+"."+format]
			if f == nil {
				t.Fatalf("%s.%s not rendered", sec, format)
			}
			var got []string
			for _, it := range f.Items {
				got = append(got, it.Title)
			}
			if strings.Join(got, "\n") != strings.Join(titles, "\n") {
				t.Errorf("%s.%s titles:\n%s\nwant:\n%s", sec, format, strings.Join(got, "\n"), strings.Join(titles, "\n"))
			}
		}
	}
	// Links are absolute and cleaned of tracking parameters; relative links
	// were resolved against xml:base.
	intl := first["international.atom"]
	if got, want := intl.Items[0].Link, "http://127.0.0.1/world/fisheries-patrol"; got != want {
		t.Errorf("resolved link = %q, want %q", got, want)
	}
	pol := first["politique.rss"]
	if got := pol.Items[0].Link; strings.Contains(got, "utm_") {
		t.Errorf("tracking parameters kept: %s", got)
	}
	if strings.Contains(intl.Items[0].Content, "<script") || strings.Contains(intl.Items[0].Content, "pixel.gif") {
		t.Errorf("unsafe content or tracking pixel kept: %s", intl.Items[0].Content)
	}

	// A second fetch of unchanged feeds changes nothing: ids and bytes stable.
	if code, out, errOut := runCLI(t, "fetch", "--force", "--config", cfgPath, "--log-level", "error"); code != 0 {
		t.Fatalf("second fetch: exit %d\n%s%s", code, out, errOut)
	}
	second := renderAll(t, cfgPath)
	for key, f := range first {
		g := second[key]
		if len(g.Items) != len(f.Items) {
			t.Fatalf("%s: %d items after refetch, had %d", key, len(g.Items), len(f.Items))
		}
		for i := range f.Items {
			if f.Items[i].GUID != g.Items[i].GUID || f.Items[i].GUID == "" {
				t.Errorf("%s item %d id changed: %q → %q", key, i, f.Items[i].GUID, g.Items[i].GUID)
			}
		}
	}
}

// renderAll opens the database of the config and fetches every section
// feed through the HTTP handler, returning them parsed by gofeed, keyed
// "section.format".
func renderAll(t *testing.T, cfgPath string) map[string]*gofeed.Feed {
	t.Helper()
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	db := storage.New(cfg.Database)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetSections(cfg.Sections)
	srv := httptest.NewServer(feedgen.NewHandler(db, cfg.Sections, feedgen.Options{BaseURL: cfg.BaseURL}))
	defer srv.Close()
	out := map[string]*gofeed.Feed{}
	for _, sec := range cfg.Sections {
		for _, format := range []string{"atom", "rss", "json"} {
			resp, err := http.Get(srv.URL + "/feeds/" + sec.ID + "." + format)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("%s.%s: status %d", sec.ID, format, resp.StatusCode)
			}
			f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("%s.%s does not parse: %v", sec.ID, format, err)
			}
			out[sec.ID+"."+format] = f
		}
	}
	return out
}

func TestExportWritesEveryFile(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, feeds.URL, "")
	if code, _, errOut := runCLI(t, "--config", cfgPath, "--log-level", "error", "fetch"); code != 0 {
		t.Fatalf("fetch: %s", errOut)
	}
	out := filepath.Join(dir, "site")
	if code, _, errOut := runCLI(t, "--config", cfgPath, "export", "--out", out); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	var files []string
	filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(out, p)
			files = append(files, rel)
		}
		return nil
	})
	sort.Strings(files)
	for _, want := range []string{"feeds.opml", "index.html", "feeds/politique.atom", "feeds/politique.rss", "feeds/politique.json",
		"feeds/economie.atom", "feeds/international.json"} {
		i := sort.SearchStrings(files, want)
		if i >= len(files) || files[i] != want {
			t.Errorf("export lacks %s (has %v)", want, files)
		}
	}
}

func TestFetchExitStatus(t *testing.T) {
	feeds := fixtureServer(t)
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	defer broken.Close()
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, feeds.URL, "", "  - id: broken\n    sources:\n      - "+broken.URL+"/feed.xml\n")
	code, out, _ := runCLI(t, "--config", cfgPath, "--log-level", "error", "fetch")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	if !strings.Contains(out, "FAIL  "+broken.URL+"/feed.xml") || !strings.Contains(out, "1 of 4 sources failed") {
		t.Fatalf("summary does not name the failed source:\n%s", out)
	}
	// The healthy sources were stored all the same.
	if !strings.Contains(out, "politique.rss: 3 items, 3 new") {
		t.Fatalf("healthy source not stored:\n%s", out)
	}
	code, out, _ = runCLI(t, "--config", cfgPath, "sources", "--json")
	if code != 0 || !strings.Contains(out, `"consecutive_errors": 1`) || !strings.Contains(out, `"status": 500`) {
		t.Fatalf("sources --json (exit %d):\n%s", code, out)
	}
}

func TestCheckReportsProblems(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	os.WriteFile(path, []byte("listen: 127.0.0.1:8080\nschedul: \"@every 15m\"\nsections:\n  - id: news\n    sources:\n      - url: https://a.example/feed\n        schedule: \"*/61 * * * *\"\n"), 0o644)
	code, _, errOut := runCLI(t, "--config", path, "check")
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	for _, want := range []string{"config.yaml:2:", "schedul", "config.yaml:7:", "sections[0].sources[0].schedule"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("check output lacks %q:\n%s", want, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "--config", filepath.Join(dir, "missing.yaml"), "check"); code != 2 || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("missing config: exit %d, %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "no-such-command"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
	if code, out, _ := runCLI(t, "help"); code != 0 || !strings.Contains(out, "import-opml") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}

func TestExplainNamesTheRule(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, feeds.URL, "")
	if code, _, errOut := runCLI(t, "--config", cfgPath, "--log-level", "error", "fetch"); code != 0 {
		t.Fatalf("fetch: %s", errOut)
	}
	code, out, errOut := runCLI(t, "--config", cfgPath, "explain", "--section", "politique")
	if code != 0 {
		t.Fatalf("explain: exit %d %s", code, errOut)
	}
	var sponsored string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Contenu sponsoris") {
			sponsored = line
		}
	}
	if !strings.Contains(sponsored, "filtered") || !strings.Contains(sponsored, "exclude: (?i)sponsoris") {
		t.Fatalf("explain does not say why the sponsored item is out:\n%s", out)
	}
	if code, _, _ := runCLI(t, "--config", cfgPath, "explain", "--section", "nope"); code != 2 {
		t.Fatalf("explain of an unknown section: exit %d, want 2", code)
	}
}
