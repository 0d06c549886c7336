package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsdesk"
	"newsdesk/config"
	"newsdesk/storage"
	"newsdesk/storage/pgtest"
)

// readTree returns every file under dir by its relative path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			b, _ := os.ReadFile(p)
			out[rel] = string(b)
		}
		return nil
	})
	return out
}

// TestCopyDBRoundTrip fills a SQLite desk (the fixture feeds: filters,
// stories told by several sources, then retention so that pruned items
// are remembered), copies it to PostgreSQL, and reads both through the
// commands: the exported feeds, OPML and index, `sources --json` and
// `explain` are byte-identical. A second copy writes nothing; a copy of
// another desk into the same database is refused and changes nothing;
// the copied database then takes new items with new ids.
func TestCopyDBRoundTrip(t *testing.T) {
	pg := pgtest.URL(t)
	feeds := fixtureServer(t)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, feeds.URL, "")
	if code, out, errOut := runCLI(t, "--config", cfgPath, "--log-level", "error", "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	desk := storage.New(cfg.Database)
	if err := desk.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	desk.SetSections(cfg.Sections)
	if n, err := desk.Prune(context.Background(), 0, 3); err != nil || n == 0 {
		t.Fatalf("prune = %d, %v: the desk should remember pruned items", n, err)
	}
	// What the bounds record travels too: a source's truncation warning
	// (sources) and what was cut from an item (explain).
	var noted, noteKey string
	var hideID int64
	for _, sec := range cfg.Sections {
		if sec.ID != "politique" {
			continue
		}
		items, err := desk.SectionItems(context.Background(), sec.ID, newsdesk.Page{Limit: 2})
		if err != nil || len(items) < 2 {
			t.Fatalf("items of politique: %v, %v", items, err)
		}
		noted, noteKey, hideID = items[0].SourceURL, items[0].Key, items[1].ID
	}
	const warning, note = "truncated: the document has 9000 entries, only the first 5000 were read", "title cut from 901 to 500 characters"
	if err := desk.SetWarning(context.Background(), noted, warning); err != nil {
		t.Fatal(err)
	}
	if err := desk.NoteItems(context.Background(), noted, map[string]string{noteKey: note}); err != nil {
		t.Fatal(err)
	}
	desk.Close()
	// And the editor's marks and audit: a hidden story.
	if code, out, errOut := runCLI(t, "--config", cfgPath, "hide", "--section", "politique", "--reason", "copy test", fmt.Sprint(hideID)); code != 0 {
		t.Fatalf("hide: exit %d\n%s%s", code, out, errOut)
	}

	read := func(what string) (map[string]string, string) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "site")
		if code, _, errOut := runCLI(t, "--config", cfgPath, "export", "--out", out); code != 0 {
			t.Fatalf("%s: export: %s", what, errOut)
		}
		var text strings.Builder
		for _, args := range [][]string{{"sources", "--json"}, {"explain", "--section", "economie"}, {"explain", "--section", "politique"}, {"report", "--json"}} {
			code, stdout, errOut := runCLI(t, append([]string{"--config", cfgPath}, args...)...)
			if code != 0 {
				t.Fatalf("%s: %v: exit %d %s", what, args, code, errOut)
			}
			for _, line := range strings.Split(stdout, "\n") {
				if !strings.Contains(line, `"now":`) && !strings.Contains(line, `"since":`) { // the report's own time
					fmt.Fprintf(&text, "%v %s\n", args, line)
				}
			}
		}
		return readTree(t, out), text.String()
	}
	wantFiles, wantText := read("SQLite")
	if !strings.Contains(wantText, warning) || !strings.Contains(wantText, "capped: "+note) || !strings.Contains(wantText, "copy test") {
		t.Fatalf("the desk's warning, note and editor's action are not shown:\n%s", wantText)
	}

	code, out, errOut := runCLI(t, "--config", cfgPath, "copy-db", "--to", pg)
	if code != 0 || !strings.Contains(out, "copied") {
		t.Fatalf("copy-db: exit %d\n%s%s", code, out, errOut)
	}
	t.Logf("copy-db:\n%s", out)
	var total string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "copied ") {
			total = line
		}
	}
	if strings.HasPrefix(total, "copied 0 ") {
		t.Fatalf("copy-db copied nothing: %s", total)
	}

	t.Setenv(config.DatabaseEnv, pg)
	gotFiles, gotText := read("PostgreSQL")
	if gotText != wantText {
		t.Errorf("sources, explain and report differ after the copy:\n--- SQLite\n%s\n--- PostgreSQL\n%s", wantText, gotText)
	}
	if len(gotFiles) != len(wantFiles) {
		t.Errorf("export wrote %d files from PostgreSQL, %d from SQLite", len(gotFiles), len(wantFiles))
	}
	for name, body := range wantFiles {
		if gotFiles[name] != body {
			t.Errorf("exported %s differs after the copy:\n--- SQLite\n%.1500s\n--- PostgreSQL\n%.1500s", name, body, gotFiles[name])
		}
	}
	t.Setenv(config.DatabaseEnv, "")

	// Twice: nothing written.
	code, out2, errOut := runCLI(t, "--config", cfgPath, "copy-db", "--to", pg)
	if code != 0 || !strings.Contains(out2, "copied 0 of") {
		t.Fatalf("second copy-db: exit %d\n%s%s", code, out2, errOut)
	}

	// Another desk into the same database: refused, nothing changes.
	other := httptest.NewServer(&genFeeds{items: 5})
	defer other.Close()
	odir := t.TempDir()
	ocfg := genConfig(t, odir, other.URL, 4, "")
	if code, _, errOut := runCLI(t, "--config", ocfg, "--log-level", "error", "fetch"); code != 0 {
		t.Fatalf("fetch other desk: %s", errOut)
	}
	code, _, errOut = runCLI(t, "--config", ocfg, "copy-db", "--to", pg)
	if code != 1 || !strings.Contains(errOut, "holds other data") || !strings.Contains(errOut, "nothing was written") {
		t.Fatalf("copy of another desk: exit %d, %s; want exit 1 naming the other data", code, errOut)
	}
	t.Setenv(config.DatabaseEnv, pg)
	if again, _ := read("PostgreSQL after the refused copy"); len(again) != len(wantFiles) || again["feeds/economie.atom"] != wantFiles["feeds/economie.atom"] {
		t.Error("the refused copy changed the database")
	}

	// A larger desk (1,200 items, several insert batches) into a database
	// of its own: the export is the same.
	t.Setenv(config.DatabaseEnv, "")
	big := httptest.NewServer(&genFeeds{items: 30})
	defer big.Close()
	bcfg := genConfig(t, t.TempDir(), big.URL, 40, "")
	if code, _, errOut := runCLI(t, "--config", bcfg, "--log-level", "error", "fetch"); code != 0 {
		t.Fatalf("fetch the larger desk: %s", errOut)
	}
	export := func() map[string]string {
		out := filepath.Join(t.TempDir(), "site")
		if code, _, errOut := runCLI(t, "--config", bcfg, "export", "--out", out); code != 0 {
			t.Fatalf("export: %s", errOut)
		}
		return readTree(t, out)
	}
	bigWant := export()
	pg2 := pgtest.URL(t)
	if code, out, errOut := runCLI(t, "--config", bcfg, "copy-db", "--to", pg2); code != 0 || !strings.Contains(out, "items                1200 rows:    1200 copied") {
		t.Fatalf("copy-db of the larger desk: exit %d\n%s%s", code, out, errOut)
	}
	t.Setenv(config.DatabaseEnv, pg2)
	for name, body := range export() {
		if bigWant[name] != body {
			t.Errorf("larger desk: exported %s differs after the copy", name)
		}
	}

	// The copied database goes on: new rows get new ids.
	db := storage.New(pg)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetSections(cfg.Sections)
	src := newsdesk.Source{URL: "http://127.0.0.1/new.rss", Sections: []string{"politique"}}
	it := newsdesk.Item{Key: "guid:new", GUID: "new", Title: "Une nouvelle après la copie", Link: "http://127.0.0.1/new",
		CanonicalLink: "http://127.0.0.1/new", Summary: "Texte", ContentHash: "h-new"}
	if _, err := db.SaveFetch(context.Background(), storage.Fetch{Source: src, Items: []newsdesk.Item{it}}); err != nil {
		t.Fatalf("store after the copy: %v", err)
	}
	if err := db.CheckInvariants(context.Background()); err != nil {
		t.Error(err)
	}
}

// TestCheckConnect: check validates a PostgreSQL URL without connecting;
// check --connect connects and says the server version and the schema's
// migration state, or why it cannot connect, never showing the password.
func TestCheckConnect(t *testing.T) {
	feeds := fixtureServer(t)
	cfgPath := writeConfig(t, t.TempDir(), feeds.URL, "")
	t.Setenv(config.DatabaseEnv, "postgres://ed:s3cret@127.0.0.1:1/desk?sslmode=disable&connect_timeout=2")
	if code, out, errOut := runCLI(t, "--config", cfgPath, "check"); code != 0 || !strings.Contains(out, "ok") {
		t.Fatalf("check without connecting: exit %d %s%s", code, out, errOut)
	}
	code, out, errOut := runCLI(t, "--config", cfgPath, "check", "--connect")
	if code != 1 || !strings.Contains(errOut, "127.0.0.1:1") || strings.Contains(out+errOut, "s3cret") {
		t.Fatalf("check --connect to nothing: exit %d %s%s", code, out, errOut)
	}
	pg := pgtest.URL(t)
	t.Setenv(config.DatabaseEnv, pg)
	if code, out, errOut := runCLI(t, "--config", cfgPath, "check", "--connect"); code != 0 || !strings.Contains(out, "PostgreSQL 1") || !strings.Contains(out, "empty: migrations up to") {
		t.Fatalf("check --connect on an empty database: exit %d %s%s", code, out, errOut)
	}
	db := storage.New(pg)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if code, out, errOut := runCLI(t, "--config", cfgPath, "check", "--connect"); code != 0 || !strings.Contains(out, "up to date") {
		t.Fatalf("check --connect on a migrated database: exit %d %s%s", code, out, errOut)
	}
	t.Setenv(config.DatabaseEnv, "postgres://127.0.0.1/")
	if code, _, errOut := runCLI(t, "--config", cfgPath, "check"); code != 2 || !strings.Contains(errOut, "NEWSDESK_DATABASE: invalid PostgreSQL URL") {
		t.Fatalf("check of a bad NEWSDESK_DATABASE: exit %d %s", code, errOut)
	}
}
