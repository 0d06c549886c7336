package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// deskFeeds serves testdata/editor files as two sources, a.rss and b.rss,
// whose contents the test switches; dates are made relative to now.
type deskFeeds struct {
	*httptest.Server
	mu    sync.Mutex
	files map[string]string
}

func newDeskFeeds(t *testing.T) *deskFeeds {
	t.Helper()
	f := &deskFeeds{files: map[string]string{"/a.rss": "a1.rss", "/b.rss": "b1.rss"}}
	day := time.Now().UTC().Add(-24 * time.Hour).Format("Mon, 02 Jan 2006")
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		name := f.files[r.URL.Path]
		f.mu.Unlock()
		raw, err := os.ReadFile(filepath.Join("testdata/editor", name))
		if name == "" || err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(strings.ReplaceAll(string(raw), "Mon, 30 Nov 2026", day)))
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *deskFeeds) set(path, file string) {
	f.mu.Lock()
	f.files[path] = file
	f.mu.Unlock()
}

// deskConfig writes the config of the editor's tests.
func deskConfig(t *testing.T, dir, feeds, listen string, extra string) string {
	t.Helper()
	testDatabase(t)
	text := fmt.Sprintf(`listen: %s
base_url: http://%s
database: desk.db
schedule: "@every 1h"
%s
sections:
  - id: desk
    title: Desk
    language: fr
    sources:
      - %s/a.rss
      - %s/b.rss
`, listen, listen, extra, feeds, feeds)
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// jsonItem is an item of the JSON feed.
type jsonItem struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// feedItems reads the section's JSON feed.
func feedItems(t *testing.T, base string) []jsonItem {
	t.Helper()
	resp, err := http.Get(base + "/feeds/desk.json")
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	var f struct{ Items []jsonItem }
	if err := json.NewDecoder(resp.Body).Decode(&f); err != nil {
		return nil
	}
	return f.Items
}

// outputsWith lists the section's outputs other than the JSON feed (the
// Atom and RSS feeds, the section page, the index) that hold text.
func outputsWith(t *testing.T, base, text string) []string {
	t.Helper()
	var out []string
	for _, p := range []string{"/feeds/desk.atom", "/feeds/desk.rss", "/sections/desk", "/"} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d", p, resp.StatusCode)
		}
		if strings.Contains(string(b), text) {
			out = append(out, p)
		}
	}
	return out
}

func titles(items []jsonItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}

func hasTitle(items []jsonItem, prefix string) bool {
	return slices.ContainsFunc(items, func(it jsonItem) bool { return strings.HasPrefix(it.Title, prefix) })
}

// api posts an editor action and returns the status and body.
func api(t *testing.T, base, token, section, item, action, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", base+"/api/sections/"+section+"/items/"+url.PathEscape(item)+"/"+action, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const (
	pont   = "Le pont tournant ferme"
	photo  = "Concours de photographie au jardin"
	photo2 = "Concours de photographie : les inscriptions"
	biblio = "La bibliothèque"
	marche = "Le marché de Noël"
	bus    = "Une nouvelle ligne de bus"
	pont2  = "Travaux : le pont tournant"
)

// TestEditorEndToEnd drives the editor's CLI and API against a running
// serve (a real process), the CLI running as another process on the
// same database: hidden within two seconds, not back after its source
// updates it nor when another source reports the story, back after
// unhide; pins first, then expired; the audit in explain and report.
func TestEditorEndToEnd(t *testing.T) {
	feeds := newDeskFeeds(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	const token = "editor-e2e-token-4f9c2a7b1d"
	cfg := deskConfig(t, dir, feeds.URL, addr, "")
	_, logs := startServe(t, cfg, "NEWSDESK_TOKEN="+token)
	base := "http://" + addr
	eventually(t, "the first fetch is served", logs, func() bool { return len(feedItems(t, base)) == 4 })
	if got := titles(feedItems(t, base)); !strings.HasPrefix(got[0], marche) {
		t.Fatalf("feed order = %q", got)
	}

	// Hide with the CLI (its own opening of the database), by link.
	start := time.Now()
	code, out, errOut := runCLI(t, "--config", cfg, "hide", "--section", "desk", "http://127.0.0.1/gazette/pont-ferme", "--reason", "published by mistake")
	if code != 0 || !strings.Contains(out, "hid #") || !strings.Contains(out, "its story is hidden") {
		t.Fatalf("hide: exit %d\n%s%s", code, out, errOut)
	}
	eventually(t, "the hidden item leaves the served feed", logs, func() bool { return !hasTitle(feedItems(t, base), pont) })
	t.Logf("hidden item left the served feed %v after the command started", time.Since(start).Round(10*time.Millisecond))
	if where := outputsWith(t, base, pont); len(where) > 0 {
		t.Fatalf("the hidden item is still in %v", where)
	}

	// Its source updates it (and retitles another item, which tells when
	// serve has the new fetch): it stays out.
	feeds.set("/a.rss", "a2.rss")
	if code, out, errOut := runCLI(t, "--config", cfg, "--log-level", "error", "fetch", "--force"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	eventually(t, "the update is served", logs, func() bool { return hasTitle(feedItems(t, base), photo2) })
	if items := feedItems(t, base); hasTitle(items, pont) {
		t.Fatalf("the hidden item came back with its update: %q", titles(items))
	}
	// Another source reports the hidden story (A's link, with a tracking
	// parameter): it stays out too.
	feeds.set("/b.rss", "b2.rss")
	if code, out, errOut := runCLI(t, "--config", cfg, "--log-level", "error", "fetch", "--force"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	eventually(t, "B's new items are served", logs, func() bool { return hasTitle(feedItems(t, base), bus) })
	if items := feedItems(t, base); hasTitle(items, pont) || hasTitle(items, pont2) {
		t.Fatalf("a second report of the hidden story is published: %q", titles(items))
	}
	code, out, _ = runCLI(t, "--config", cfg, "explain", "--section", "desk")
	if code != 0 || !strings.Contains(out, "hidden by an editor") || !strings.Contains(out, "published by mistake") ||
		!strings.Contains(out, "hide   #") {
		t.Fatalf("explain: exit %d\n%s", code, out)
	}

	// The API: without the token 401, an unknown item 404, then unhide
	// by the output id of B's report (taken from explain's number).
	if code, body := api(t, base, "", "desk", "1", "unhide", ""); code != http.StatusUnauthorized {
		t.Fatalf("unhide without the token = %d %s, want 401", code, body)
	}
	if code, body := api(t, base, "wrong-token", "desk", "1", "unhide", ""); code != http.StatusUnauthorized {
		t.Fatalf("unhide with a wrong token = %d %s, want 401", code, body)
	}
	if code, body := api(t, base, token, "desk", "tag:newsdesk,2026:item:0000", "unhide", ""); code != http.StatusNotFound {
		t.Fatalf("unhide of an unknown item = %d %s, want 404", code, body)
	}
	code, body := api(t, base, token, "desk", "http://127.0.0.1/gazette/pont-ferme?utm_source=courrier", "unhide", `{"reason": "checked with the desk"}`)
	if code != http.StatusOK || !strings.Contains(body, `"published": true`) {
		t.Fatalf("unhide = %d %s", code, body)
	}
	eventually(t, "the story is back after unhide", logs, func() bool { return hasTitle(feedItems(t, base), pont) })
	if where := outputsWith(t, base, pont); len(where) != 4 {
		t.Fatalf("after unhide the item is in %v only, want every output", where)
	}

	// Pin the oldest item with the CLI: it comes first, its dates kept.
	items := feedItems(t, base)
	last := items[len(items)-1]
	if !strings.HasPrefix(last.Title, biblio) {
		t.Fatalf("oldest item = %q, want the library's", last.Title)
	}
	code, out, errOut = runCLI(t, "--config", cfg, "pin", last.ID, "--section", "desk", "--for", "1h")
	if code != 0 || !strings.Contains(out, "pinned first until") {
		t.Fatalf("pin: exit %d\n%s%s", code, out, errOut)
	}
	eventually(t, "the pinned item comes first", logs, func() bool { return strings.HasPrefix(feedItems(t, base)[0].Title, biblio) })
	code, out, _ = runCLI(t, "--config", cfg, "unpin", last.ID)
	if code != 0 {
		t.Fatalf("unpin: exit %d\n%s", code, out)
	}
	eventually(t, "the unpinned item goes back", logs, func() bool { return strings.HasPrefix(feedItems(t, base)[0].Title, bus) })
	// A pin through the API for 2 seconds expires by itself.
	if code, body := api(t, base, token, "desk", last.ID, "pin", `{"for": "2s"}`); code != http.StatusOK || !strings.Contains(body, "pinned_until") {
		t.Fatalf("pin = %d %s", code, body)
	}
	eventually(t, "the API pin puts it first", logs, func() bool { return strings.HasPrefix(feedItems(t, base)[0].Title, biblio) })
	eventually(t, "the pin expires", logs, func() bool { return strings.HasPrefix(feedItems(t, base)[0].Title, bus) })

	// Unknown items: exit 1; usage: exit 2.
	if code, _, errOut := runCLI(t, "--config", cfg, "hide", "#999999"); code != 1 || !strings.Contains(errOut, "no item") {
		t.Fatalf("hide of an unknown item: exit %d %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "--config", cfg, "hide"); code != 2 {
		t.Fatalf("hide without an item: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "--config", cfg, "pin", "1", "2"); code != 2 {
		t.Fatalf("pin of two items: exit %d, want 2", code)
	}

	// The audit: report counts the actions, explain lists who did them.
	code, out, _ = runCLI(t, "--config", cfg, "report", "--json")
	var rep struct {
		Sections []struct {
			ID     string
			Editor struct{ Hide, Unhide, Pin, Unpin int } `json:"editor_actions"`
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil || len(rep.Sections) != 1 {
		t.Fatalf("report: exit %d %v\n%s", code, err, out)
	}
	if e := rep.Sections[0].Editor; e.Hide != 1 || e.Unhide < 1 || e.Pin != 2 || e.Unpin != 2 {
		t.Fatalf("report's editor actions = %+v, want 1 hide, ≥1 unhide (one per story member), 2 pins, 2 unpins (one expired)", e)
	}
	code, out, _ = runCLI(t, "--config", cfg, "explain", "--section", "desk")
	t.Logf("explain:\n%s", out)
	for _, want := range []string{"by api: checked with the desk", "by expiry: pin expired", "by " + osUser() + ": published by mistake"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(logs.String(), token) {
		t.Fatalf("the token appears in serve's logs")
	}
}

// TestRulesOnStoredItems: an exclude rule added to the config takes the
// stored items it matches out after SIGHUP, and removing it brings them
// back; preview lists both changes before they are applied; a restart
// applies the config at start.
func TestRulesOnStoredItems(t *testing.T) {
	feeds := newDeskFeeds(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	cfg := deskConfig(t, dir, feeds.URL, addr, "")
	cmd, logs := startServe(t, cfg)
	base := "http://" + addr
	eventually(t, "the first fetch is served", logs, func() bool { return len(feedItems(t, base)) == 4 })
	plain, _ := os.ReadFile(cfg)
	excluded := strings.Replace(string(plain), "    language: fr\n", "    language: fr\n    exclude: [{title: \"(?i)^le pont\"}]\n", 1)
	if err := os.WriteFile(cfg, []byte(excluded), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--config", cfg, "preview")
	if code != 0 || !strings.Contains(out, "remove") || !strings.Contains(out, pont) || !strings.Contains(out, "exclude: title: (?i)^le pont") ||
		strings.Count(out, "\n") != 3 {
		t.Fatalf("preview: exit %d\n%s%s", code, out, errOut)
	}
	t.Logf("preview:\n%s", out)
	if !hasTitle(feedItems(t, base), pont) {
		t.Fatal("preview changed what is published")
	}
	cmd.Process.Signal(syscall.SIGHUP)
	eventually(t, "the excluded stored item leaves after SIGHUP", logs, func() bool { return !hasTitle(feedItems(t, base), pont) })
	code, out, _ = runCLI(t, "--config", cfg, "explain", "--section", "desk")
	if code != 0 || !strings.Contains(out, "filtered") || !strings.Contains(out, "exclude: title: (?i)^le pont") {
		t.Fatalf("explain after the reload: exit %d\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "--config", cfg, "preview"); code != 0 || !strings.Contains(out, "no change") {
		t.Fatalf("preview once applied: exit %d\n%s", code, out)
	}
	os.WriteFile(cfg, plain, 0o644)
	code, out, _ = runCLI(t, "--config", cfg, "preview", "--section", "desk")
	if code != 0 || !strings.Contains(out, "add") || !strings.Contains(out, "no longer left out by exclude: title: (?i)^le pont") {
		t.Fatalf("preview of the removal: exit %d\n%s", code, out)
	}
	cmd.Process.Signal(syscall.SIGHUP)
	eventually(t, "the item comes back after SIGHUP", logs, func() bool { return hasTitle(feedItems(t, base), pont) })

	// A restart applies the config on disk at start, without a fetch.
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	excluded = strings.Replace(excluded, "    language: fr\n", "    language: fr\n    limit: 3\n", 1)
	os.WriteFile(cfg, []byte(excluded), 0o644)
	feeds.Close() // nothing can be fetched: the change comes from the stored items
	cmd, logs = startServe(t, cfg)
	eventually(t, "after a restart the excluded item is out", logs, func() bool {
		items := feedItems(t, base)
		return len(items) == 3 && !hasTitle(items, pont)
	})
	// source_cap alone, on SIGHUP: one place of three per source, so the
	// Gazette's older item leaves the first page the feed has cached.
	capped := strings.Replace(excluded, "    limit: 3\n", "    limit: 3\n    source_cap: 0.34\n", 1)
	os.WriteFile(cfg, []byte(capped), 0o644)
	cmd.Process.Signal(syscall.SIGHUP)
	eventually(t, "source_cap applies after SIGHUP", logs, func() bool {
		items := feedItems(t, base)
		return len(items) == 2 && !hasTitle(items, biblio)
	})
	os.WriteFile(cfg, []byte(excluded), 0o644)
	cmd.Process.Signal(syscall.SIGHUP)
	eventually(t, "without source_cap the item is back", logs, func() bool { return hasTitle(feedItems(t, base), biblio) })
}

// TestEditorReferences: the CLI finds an item by each kind of reference
// an editor may give — '#N', N, the output id, the link as published
// (with its tracking parameters) and the canonical link — and, without
// --section, acts in every section holding it (politique.rss feeds
// politique and economie); with --section, in that one only.
func TestEditorReferences(t *testing.T) {
	s, _ := testServer(t, "")
	cfg := s.g.config
	ctx := t.Context()
	const published = "http://127.0.0.1/politique/budget-senat-adopte.html?utm_source=rss&utm_medium=feed"
	const canonical = "http://127.0.0.1/politique/budget-senat-adopte.html"
	found, err := s.db.FindItems(ctx, "politique", canonical)
	if err != nil || len(found) != 1 {
		t.Fatalf("FindItems(canonical) = %+v, %v", found, err)
	}
	id := strconv.FormatInt(found[0].ID, 10)
	hiddenIn := func() []string {
		t.Helper()
		var out []string
		for _, sec := range []string{"politique", "economie"} {
			ds, err := s.db.Explain(ctx, sec, 50)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				if d.ItemID == found[0].ID && d.Hidden {
					out = append(out, sec)
				}
			}
		}
		return out
	}
	for _, ref := range []string{"#" + id, id, found[0].OutputID, published, canonical} {
		code, out, errOut := runCLI(t, "--config", cfg, "hide", ref)
		if code != 0 || strings.Count(out, "hid #"+id+" in ") != 2 {
			t.Errorf("hide %q: exit %d, want one line per section\n%s%s", ref, code, out, errOut)
		}
		if got := hiddenIn(); !slices.Equal(got, []string{"politique", "economie"}) {
			t.Errorf("hide %q: hidden in %v, want politique and economie", ref, got)
		}
		if code, out, errOut := runCLI(t, "--config", cfg, "unhide", ref); code != 0 || len(hiddenIn()) != 0 {
			t.Fatalf("unhide %q: exit %d, still hidden in %v\n%s%s", ref, code, hiddenIn(), out, errOut)
		}
	}
	code, out, errOut := runCLI(t, "--config", cfg, "hide", "--section", "economie", published, "--reason", "hors sujet")
	if code != 0 || !strings.Contains(out, "in economie") || strings.Contains(out, "in politique") {
		t.Fatalf("hide --section economie: exit %d\n%s%s", code, out, errOut)
	}
	if got := hiddenIn(); !slices.Equal(got, []string{"economie"}) {
		t.Fatalf("hide --section economie: hidden in %v", got)
	}
	if code, _, errOut := runCLI(t, "--config", cfg, "hide", "--section", "nowhere", id); code != 2 || !strings.Contains(errOut, `no section "nowhere"`) {
		t.Fatalf("hide --section of an unknown section: exit %d %s", code, errOut)
	}
	// explain prints the audit: when, what, which item, who, why.
	_, out, _ = runCLI(t, "--config", cfg, "explain", "--section", "economie")
	audit := regexp.MustCompile(`(?m)^  (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)  hide   #` + id + ` by ` + regexp.QuoteMeta(osUser()) + `: hors sujet  \(`)
	if m := audit.FindStringSubmatch(out); m == nil {
		t.Errorf("explain lacks the audit line of the last hide:\n%s", out)
	} else if at, err := time.ParseInLocation("2006-01-02 15:04:05", m[1], time.Local); err != nil || time.Since(at) > time.Hour || time.Since(at) < -time.Minute {
		t.Errorf("the audit line's time %q is not the time of the hide", m[1])
	}
	// report counts the actions per section: five hides and unhides in
	// both, the last hide in economie only, nothing in international.
	code, out, _ = runCLI(t, "--config", cfg, "report", "--json")
	var rep struct {
		Sections []struct {
			ID     string
			Editor struct{ Hide, Unhide, Pin, Unpin int } `json:"editor_actions"`
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("report: exit %d %v\n%s", code, err, out)
	}
	got := map[string]string{}
	for _, sec := range rep.Sections {
		got[sec.ID] = fmt.Sprintf("%+v", sec.Editor)
	}
	want := map[string]string{"politique": "{Hide:5 Unhide:5 Pin:0 Unpin:0}", "economie": "{Hide:6 Unhide:5 Pin:0 Unpin:0}",
		"international": "{Hide:0 Unhide:0 Pin:0 Unpin:0}"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("report's editor actions = %v, want %v", got, want)
	}
}

// TestFetchAppliesRules: fetch files items, so it applies a new rule to
// the stored items first — even an item its source no longer lists —
// and removing the rule brings it back on the next fetch.
func TestFetchAppliesRules(t *testing.T) {
	feeds := newDeskFeeds(t)
	dir := t.TempDir()
	cfg := deskConfig(t, dir, feeds.URL, "127.0.0.1:1", "")
	fetch := func() {
		t.Helper()
		if code, out, errOut := runCLI(t, "--config", cfg, "--log-level", "error", "fetch", "--force"); code != 0 {
			t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
		}
	}
	state := func() string {
		t.Helper()
		_, out, _ := runCLI(t, "--config", cfg, "explain", "--section", "desk")
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, marche) {
				return line
			}
		}
		t.Fatalf("explain lacks %q:\n%s", marche, out)
		return ""
	}
	fetch()
	plain, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(plain), "    language: fr\n", "    language: fr\n    exclude: [{title: \"(?i)noël\"}]\n", 1)), 0o644)
	feeds.set("/b.rss", "")                                                // B's feed is gone: its stored item is re-decided all the same
	runCLI(t, "--config", cfg, "--log-level", "error", "fetch", "--force") // B's fetch fails: its exit status is not the point
	if got := state(); !strings.Contains(got, "filtered") || !strings.Contains(got, "exclude: title: (?i)noël") {
		t.Fatalf("after fetch with the exclude: %s", got)
	}
	os.WriteFile(cfg, plain, 0o644)
	feeds.set("/b.rss", "b1.rss")
	fetch()
	if got := state(); !strings.Contains(got, " in ") {
		t.Fatalf("after fetch without the exclude: %s", got)
	}
}
