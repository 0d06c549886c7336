package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/feedgen"
	"newsdesk/metrics"
	"newsdesk/scheduler"
	"newsdesk/storage"

	xhtml "golang.org/x/net/html"
)

// testServer wires serve's handlers over the e2e fixture (fetched once)
// with the given extra config, its logs in logs.
func testServer(t *testing.T, extra string) (*server, *syncBuffer) {
	t.Helper()
	feeds := fixtureServer(t)
	cfgPath := writeConfig(t, t.TempDir(), feeds.URL, "", extra)
	if code, out, errOut := runCLI(t, "--config", cfgPath, "--log-level", "error", "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	return serverOf(t, cfgPath)
}

// serverOf wires serve's handlers over the stored items of a config.
func serverOf(t *testing.T, cfgPath string) (*server, *syncBuffer) {
	t.Helper()
	g, _, err := parseGlobals([]string{"--config", cfgPath, "--log-format", "text", "--log-level", "debug"})
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	g.stdout, g.stderr = logs, logs
	a, err := openApp(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	s := &server{app: a, g: g, metrics: metrics.New("test")}
	s.feeds = feedgen.NewHandler(a.db, a.cfg.Sections, feedOptions(a.cfg, a.log))
	s.sched = scheduler.New(func(context.Context, newsdesk.Source) {}, a.log)
	return s, logs
}

// firstItem is the number of the newest item published in politique.
func firstItem(t *testing.T, s *server) string {
	t.Helper()
	ds, err := s.db.Explain(context.Background(), "politique", 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.State == "in" {
			return strconv.FormatInt(d.ItemID, 10)
		}
	}
	t.Fatal("no item in politique")
	return ""
}

// do sends one request from addr through h.
func do(h http.Handler, method, target, addr string, hdr map[string]string, form url.Values) *httptest.ResponseRecorder {
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	req.RemoteAddr = addr
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

const (
	loopback = "127.0.0.1:50000"
	remote   = "203.0.113.7:40000"
)

var adminGets = []string{"/sources", "/api/sources", "/report", "/api/report", "/metrics", "/desk", "/desk/politique"}
var publicGets = []string{"/", "/sections/politique", "/feeds/politique.atom", "/feeds/politique.rss", "/feeds/politique.json",
	"/feeds.opml", "/static/style.css", "/feed.xsl", "/healthz"}

// TestAdminAccessWithToken: every admin path without the token, with a
// wrong one and with the right one; public paths for anyone; failures
// logged without the token and slowed down per client address.
func TestAdminAccessWithToken(t *testing.T) {
	const token = "right-token-7b3e91c0a5d2"
	s, logs := testServer(t, "token: "+token+"\n")
	var mu sync.Mutex
	delays := map[string][]time.Duration{}
	s.guard = newGuard(func() string { return s.config().Token }, s.log)
	s.guard.sleep = func(_ context.Context, d time.Duration) { mu.Lock(); delays["x"] = append(delays["x"], d); mu.Unlock() }
	h, _ := s.routes()
	for _, p := range publicGets {
		if rec := do(h, "GET", p, remote, nil, nil); rec.Code != http.StatusOK {
			t.Errorf("public GET %s from a remote client = %d, want 200", p, rec.Code)
		}
	}
	bearer := func(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }
	for _, p := range adminGets {
		for _, addr := range []string{loopback, remote} {
			if rec := do(h, "GET", p, addr, nil, nil); rec.Code != http.StatusUnauthorized {
				t.Errorf("GET %s from %s without the token = %d, want 401", p, addr, rec.Code)
			}
			if rec := do(h, "GET", p, addr, bearer("wrong-"+token), nil); rec.Code != http.StatusUnauthorized {
				t.Errorf("GET %s from %s with a wrong token = %d, want 401", p, addr, rec.Code)
			}
			if rec := do(h, "GET", p, addr, bearer(token), nil); rec.Code != http.StatusOK {
				t.Errorf("GET %s from %s with the token = %d, want 200", p, addr, rec.Code)
			}
		}
	}
	// Unknown paths under /api/ and /desk/ are admin paths too.
	for _, p := range []string{"/api/", "/api/nothing", "/api/report/x", "/desk/politique/x/y"} {
		if rec := do(h, "POST", p, remote, nil, nil); rec.Code != http.StatusUnauthorized {
			t.Errorf("POST %s without the token = %d, want 401", p, rec.Code)
		}
		if rec := do(h, "GET", p, remote, bearer(token), nil); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s with the token = %d, want 404", p, rec.Code)
		}
	}
	edit := "/api/sections/politique/items/" + firstItem(t, s) + "/hide"
	if rec := do(h, "POST", edit, remote, nil, nil); rec.Code != http.StatusUnauthorized {
		t.Errorf("POST %s without the token = %d, want 401", edit, rec.Code)
	}
	if rec := do(h, "POST", edit, remote, bearer(token+"x"), nil); rec.Code != http.StatusUnauthorized {
		t.Errorf("POST %s with a wrong token = %d, want 401", edit, rec.Code)
	}
	if rec := do(h, "POST", edit, remote, bearer(token), nil); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"state": "hidden"`) {
		t.Errorf("POST %s with the token = %d %s, want 200 and the item hidden", edit, rec.Code, rec.Body)
	}
	// Failures are slowed down, more and more (the right token resets).
	mu.Lock()
	delays["x"] = nil
	mu.Unlock()
	for range 4 {
		do(h, "GET", "/sources", remote, bearer("guess"), nil)
	}
	mu.Lock()
	got := delays["x"]
	mu.Unlock()
	if len(got) != 4 || got[0] != 250*time.Millisecond || got[1] != 500*time.Millisecond || got[2] != time.Second || got[3] != 2*time.Second {
		t.Errorf("delays after failures = %v, want 250ms, 500ms, 1s, 2s", got)
	}
	// Per client address: another client starts at the first delay, and
	// the first client's count goes on.
	do(h, "GET", "/sources", "198.51.100.9:41000", bearer("guess"), nil)
	do(h, "GET", "/sources", remote, bearer("guess"), nil)
	mu.Lock()
	got = delays["x"][4:]
	mu.Unlock()
	if len(got) != 2 || got[0] != 250*time.Millisecond || got[1] != 4*time.Second {
		t.Errorf("delays of another client, then of the first = %v, want 250ms, 4s", got)
	}
	l := logs.String()
	if !strings.Contains(l, "rejected credentials") || !strings.Contains(l, "client=203.0.113.7") {
		t.Errorf("failures are not logged with the client:\n%s", l)
	}
	if strings.Contains(l, token) {
		t.Errorf("a token appears in the logs:\n%s", l)
	}
}

// TestAdminAccessWithoutToken: the admin surface answers loopback clients
// only, and the API changes nothing.
func TestAdminAccessWithoutToken(t *testing.T) {
	s, _ := testServer(t, "")
	h, _ := s.routes()
	for _, p := range adminGets {
		if rec := do(h, "GET", p, loopback, nil, nil); rec.Code != http.StatusOK {
			t.Errorf("GET %s from loopback = %d, want 200", p, rec.Code)
		}
		if rec := do(h, "GET", p, "[::1]:5000", nil, nil); rec.Code != http.StatusOK {
			t.Errorf("GET %s from ::1 = %d, want 200", p, rec.Code)
		}
		if rec := do(h, "GET", p, remote, nil, nil); rec.Code != http.StatusForbidden {
			t.Errorf("GET %s from a remote client = %d, want 403", p, rec.Code)
		}
	}
	for _, p := range publicGets {
		if rec := do(h, "GET", p, remote, nil, nil); rec.Code != http.StatusOK {
			t.Errorf("public GET %s from a remote client = %d, want 200", p, rec.Code)
		}
	}
	rec := do(h, "POST", "/api/sections/politique/items/"+firstItem(t, s)+"/hide", loopback, nil, nil)
	if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "changes nothing") {
		t.Errorf("POST hide from loopback without a token = %d %s, want 403", rec.Code, rec.Body)
	}
	if page := do(h, "GET", "/desk/politique", loopback, nil, nil).Body.String(); !strings.Contains(page, "Read-only") || strings.Contains(page, `class="hide"`) {
		t.Errorf("the desk without a token is not read-only:\n%s", page)
	}
	ds, err := s.db.Explain(context.Background(), "politique", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.State == "hidden" || d.Hidden {
			t.Fatalf("item #%d was hidden without a token", d.ItemID)
		}
	}
}

// TestAdminListen: with admin_listen, the admin surface is served on the
// second handler only.
func TestAdminListen(t *testing.T) {
	s, _ := testServer(t, "admin_listen: 127.0.0.1:1\n")
	public, admin := s.routes()
	if admin == nil {
		t.Fatal("no admin handler with admin_listen")
	}
	for _, p := range adminGets {
		if rec := do(public, "GET", p, loopback, nil, nil); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s on listen = %d, want 404", p, rec.Code)
		}
		if rec := do(admin, "GET", p, loopback, nil, nil); rec.Code != http.StatusOK {
			t.Errorf("GET %s on admin_listen = %d, want 200", p, rec.Code)
		}
	}
	if rec := do(admin, "GET", "/feeds/politique.atom", loopback, nil, nil); rec.Code != http.StatusNotFound {
		t.Errorf("a feed on admin_listen = %d, want 404", rec.Code)
	}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// TestDeskLoginAndCSRF: the desk's login sets a signed HttpOnly,
// SameSite=Strict cookie; a form posted without a valid CSRF token is
// refused and changes nothing; with it, the action is done; logout ends
// the session.
func TestDeskLoginAndCSRF(t *testing.T) {
	const token = "desk-token-0c8d2f6a9e1b"
	s, logs := testServer(t, "token: "+token+"\n")
	s.guard = newGuard(func() string { return s.config().Token }, s.log)
	s.guard.sleep = func(context.Context, time.Duration) {}
	h, _ := s.routes()
	if rec := do(h, "GET", "/desk", remote, nil, nil); rec.Code != http.StatusUnauthorized || !strings.Contains(rec.Body.String(), `name="token"`) {
		t.Fatalf("GET /desk without a session = %d, want 401 with the login form", rec.Code)
	}
	if rec := do(h, "POST", "/desk/login", remote, nil, url.Values{"token": {"nope"}}); rec.Code != http.StatusUnauthorized || len(rec.Result().Cookies()) != 0 {
		t.Fatalf("login with a wrong token = %d, cookies %v", rec.Code, rec.Result().Cookies())
	}
	rec := do(h, "POST", "/desk/login", remote, nil, url.Values{"token": {token}})
	cookies := rec.Result().Cookies()
	if rec.Code != http.StatusSeeOther || len(cookies) != 1 {
		t.Fatalf("login = %d, cookies %v", rec.Code, cookies)
	}
	c := cookies[0]
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Value == "" || strings.Contains(c.Value, token) {
		t.Fatalf("session cookie = %+v: want HttpOnly, SameSite=Strict, signed (not the token)", c)
	}
	withCookie := map[string]string{"Cookie": c.Name + "=" + c.Value}
	page := do(h, "GET", "/desk/politique", remote, withCookie, nil)
	m := csrfField.FindStringSubmatch(page.Body.String())
	if page.Code != http.StatusOK || m == nil || !strings.Contains(page.Body.String(), `class="hide"`) {
		t.Fatalf("desk page = %d without forms:\n%s", page.Code, page.Body)
	}
	csrf := m[1]
	action := "/desk/politique/items/" + firstItem(t, s) + "/hide"
	for name, form := range map[string]url.Values{"no csrf": {"reason": {"x"}}, "wrong csrf": {"csrf": {strings.Repeat("0", len(csrf))}}} {
		if rec := do(h, "POST", action, remote, withCookie, form); rec.Code != http.StatusForbidden {
			t.Errorf("%s: POST %s = %d, want 403", name, action, rec.Code)
		}
	}
	// A forged cookie is no session.
	forged := map[string]string{"Cookie": c.Name + "=9999999999." + strings.Repeat("ab", 32)}
	if rec := do(h, "POST", action, remote, forged, url.Values{"csrf": {csrf}}); rec.Code != http.StatusUnauthorized {
		t.Errorf("forged cookie: POST = %d, want 401", rec.Code)
	}
	// The API with the cookie alone needs the CSRF header.
	if rec := do(h, "POST", "/api/sections/politique/items/"+firstItem(t, s)+"/hide", remote, withCookie, nil); rec.Code != http.StatusForbidden {
		t.Errorf("API with the cookie and no CSRF header = %d, want 403", rec.Code)
	}
	ds, _ := s.db.Explain(context.Background(), "politique", 50)
	for _, d := range ds {
		if d.Hidden {
			t.Fatalf("item #%d hidden by a refused request", d.ItemID)
		}
	}
	rec = do(h, "POST", action, remote, withCookie, url.Values{"csrf": {csrf}, "reason": {"doublon"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("POST %s with the CSRF token = %d %s", action, rec.Code, rec.Body)
	}
	page = do(h, "GET", rec.Header().Get("Location"), remote, withCookie, nil)
	if !strings.Contains(page.Body.String(), "hidden by desk") || !strings.Contains(page.Body.String(), "doublon") {
		t.Fatalf("the desk does not show who hid the item:\n%s", page.Body)
	}
	rec = do(h, "POST", "/desk/logout", remote, withCookie, url.Values{"csrf": {csrf}})
	if out := rec.Result().Cookies(); rec.Code != http.StatusSeeOther || len(out) != 1 || out[0].MaxAge >= 0 {
		t.Fatalf("logout = %d, cookies %v", rec.Code, out)
	}
	// The session is over on the server too: a copy of the cookie kept
	// from before the logout opens nothing.
	if rec := do(h, "GET", "/desk/politique", remote, withCookie, nil); rec.Code != http.StatusUnauthorized || strings.Contains(rec.Body.String(), `class="hide"`) {
		t.Errorf("the desk with the cookie of a logged-out session = %d, want 401 and the login form", rec.Code)
	}
	if rec := do(h, "POST", action, remote, withCookie, url.Values{"csrf": {csrf}}); rec.Code != http.StatusUnauthorized {
		t.Errorf("a desk form with the cookie of a logged-out session = %d, want 401", rec.Code)
	}
	if strings.Contains(logs.String(), token) {
		t.Fatalf("the token appears in the logs")
	}
}

// TestDeskUnderBasePath: with a path in base_url, the desk and the API
// are served under it, and the desk's links, forms and redirects carry it.
func TestDeskUnderBasePath(t *testing.T) {
	const token = "base-token-93c1e7a2f4d6"
	s, _ := testServer(t, "token: "+token+"\n")
	cfg := *s.cfg
	cfg.BaseURL = "http://127.0.0.1:8080/news"
	s.cfg = &cfg
	s.guard = newGuard(func() string { return s.config().Token }, s.log)
	h, _ := s.routes()
	rec := do(h, "POST", "/news/desk/login", remote, nil, url.Values{"token": {token}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/news/desk" {
		t.Fatalf("login under /news = %d, Location %q", rec.Code, rec.Header().Get("Location"))
	}
	c := rec.Result().Cookies()[0]
	page := do(h, "GET", "/news/desk/politique", remote, map[string]string{"Cookie": c.Name + "=" + c.Value}, nil).Body.String()
	for _, want := range []string{`href="/news/static/style.css"`, `action="/news/desk/politique/items/`, `action="/news/desk/logout"`} {
		if !strings.Contains(page, want) {
			t.Errorf("desk page under /news lacks %s", want)
		}
	}
	if strings.Contains(page, `action="/desk`) {
		t.Errorf("desk page under /news has a form outside it")
	}
	item := firstItem(t, s)
	api := do(h, "POST", "/news/api/sections/politique/items/"+item+"/pin", remote, map[string]string{"Authorization": "Bearer " + token}, nil)
	if api.Code != http.StatusOK || !strings.Contains(api.Body.String(), `"pinned_until"`) {
		t.Fatalf("pin under /news = %d %s", api.Code, api.Body)
	}
	if rec := do(h, "GET", "/desk", remote, nil, nil); rec.Code != http.StatusNotFound {
		t.Errorf("GET /desk outside the base path = %d, want 404", rec.Code)
	}
}

// TestDeskShowsStates: the desk lists each item's state as an editor
// reads it — in, filtered with the rule, duplicate of which item, hidden
// by whom (with the reason), pinned until when.
func TestDeskShowsStates(t *testing.T) {
	const token = "states-token-6e2b8d41c9a7"
	feeds := newDeskFeeds(t)
	dir := t.TempDir()
	cfgPath := deskConfig(t, dir, feeds.URL, "127.0.0.1:1", "token: "+token+"\n")
	plain, _ := os.ReadFile(cfgPath)
	os.WriteFile(cfgPath, []byte(strings.Replace(string(plain), "    language: fr\n", "    language: fr\n    exclude: [{title: \"(?i)biblioth\"}]\n", 1)), 0o644)
	fetch := func() {
		t.Helper()
		if code, out, errOut := runCLI(t, "--config", cfgPath, "--log-level", "error", "fetch", "--force"); code != 0 {
			t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
		}
	}
	fetch()
	feeds.set("/b.rss", "b2.rss") // B reports the bridge story too
	fetch()
	s, _ := serverOf(t, cfgPath)
	s.guard = newGuard(func() string { return s.config().Token }, s.log)
	h, _ := s.routes()
	rec := do(h, "POST", "/desk/login", remote, nil, url.Values{"token": {token}})
	c := rec.Result().Cookies()[0]
	cookie := map[string]string{"Cookie": c.Name + "=" + c.Value}
	ds, err := s.db.Explain(t.Context(), "desk", 50)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]storage.Decision{}
	for _, d := range ds {
		byTitle[d.Title[:12]] = d
	}
	pontD, dupD, photoD, marcheD, biblioD := byTitle[pont[:12]], byTitle[pont2[:12]], byTitle[photo[:12]], byTitle[marche[:12]], byTitle[biblio[:12]]
	if dupD.State != storage.StateDuplicate || pontD.State != storage.StateIn || biblioD.State != storage.StateFiltered {
		t.Fatalf("fixture: decisions %+v", ds)
	}
	page := do(h, "GET", "/desk/desk", remote, cookie, nil).Body.String()
	csrf := csrfField.FindStringSubmatch(page)[1]
	post := func(id int64, action string, form url.Values) {
		t.Helper()
		form.Set("csrf", csrf)
		if rec := do(h, "POST", fmt.Sprintf("/desk/desk/items/%d/%s", id, action), remote, cookie, form); rec.Code != http.StatusSeeOther {
			t.Fatalf("%s #%d = %d %s", action, id, rec.Code, rec.Body)
		}
	}
	post(photoD.ItemID, "hide", url.Values{"reason": {"doublon du concours"}})
	before := time.Now()
	post(marcheD.ItemID, "pin", url.Values{"for": {"6h"}})
	after := time.Now()
	rows := deskStates(t, do(h, "GET", "/desk/desk", remote, cookie, nil).Body.String())
	for id, want := range map[int64][]string{
		pontD.ItemID:   {"in"},
		dupD.ItemID:    {fmt.Sprintf("duplicate of #%d", pontD.ItemID)},
		biblioD.ItemID: {"filtered: exclude: title: (?i)biblioth"},
		photoD.ItemID:  {"hidden", "hidden by desk on ", "(doublon du concours)"},
		marcheD.ItemID: {"in", "pinned until "},
	} {
		got := rows[fmt.Sprintf("item-%d", id)]
		if id == marcheD.ItemID {
			_, until, _ := strings.Cut(got, "pinned until ")
			at, err := time.ParseInLocation("2006-01-02 15:04", until, time.Local)
			if err != nil || at.Before(before.Add(6*time.Hour).Truncate(time.Minute)) || at.After(after.Add(6*time.Hour)) {
				t.Errorf("desk row #%d = %q, want pinned until 6 h after the pin", id, got)
			}
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("desk row #%d = %q, want %q in it", id, got, w)
			}
		}
		if want[0] == "in" && len(want) == 1 && got != "in" {
			t.Errorf("desk row #%d = %q, want just in", id, got)
		}
	}
	// Hiding the story's representative hides the story: its duplicate's
	// row says so, as the CLI and the API do.
	post(pontD.ItemID, "hide", url.Values{})
	rows = deskStates(t, do(h, "GET", "/desk/desk", remote, cookie, nil).Body.String())
	if got, want := rows[fmt.Sprintf("item-%d", dupD.ItemID)], fmt.Sprintf("duplicate of #%d, whose story is hidden", pontD.ItemID); !strings.Contains(got, want) {
		t.Errorf("desk row #%d of a hidden story = %q, want %q in it", dupD.ItemID, got, want)
	}
	if got := rows[fmt.Sprintf("item-%d", marcheD.ItemID)]; strings.Contains(got, "story is hidden") {
		t.Errorf("desk row #%d of another story = %q", marcheD.ItemID, got)
	}
}

// deskStates reads the desk page's rows: row id → its state cell's text.
func deskStates(t *testing.T, page string) map[string]string {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "tr" {
			for _, a := range n.Attr {
				if a.Key == "id" {
					cells := 0
					for td := n.FirstChild; td != nil; td = td.NextSibling {
						if td.Type == xhtml.ElementNode && td.Data == "td" {
							if cells++; cells == 5 {
								rows[a.Val] = strings.Join(strings.Fields(textOf(td)), " ")
							}
						}
					}
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	return rows
}

// TestEditorAPIJSON: the API reads JSON (reason, for) and answers JSON:
// the action and each item changed with its section, number, output id,
// state and pin; a body it cannot read, an unknown field or a bad
// duration is 400, an unknown item or action 404, each with a JSON error.
func TestEditorAPIJSON(t *testing.T) {
	const token = "json-token-1d7c5a9e3b20"
	s, _ := testServer(t, "token: "+token+"\n")
	s.guard = newGuard(func() string { return s.config().Token }, s.log)
	h, _ := s.routes()
	call := func(item, action, body string) (int, map[string]any) {
		t.Helper()
		req := httptest.NewRequest("POST", "/api/sections/politique/items/"+url.PathEscape(item)+"/"+action, strings.NewReader(body))
		req.RemoteAddr = remote
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("%s %s: Content-Type %q", action, item, ct)
		}
		var out map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
			t.Fatalf("%s %s: %d, not JSON: %s", action, item, rec.Code, rec.Body)
		}
		return rec.Code, out
	}
	item := firstItem(t, s)
	before := time.Now()
	code, out := call(item, "pin", `{"reason": "à la une", "for": "90m"}`)
	items, _ := out["items"].([]any)
	if code != http.StatusOK || out["action"] != "pin" || len(items) != 1 {
		t.Fatalf("pin = %d %v", code, out)
	}
	got := items[0].(map[string]any)
	until, err := time.Parse(time.RFC3339, fmt.Sprint(got["pinned_until"]))
	if got["section"] != "politique" || fmt.Sprint(got["item"]) != item || got["state"] != "in" || got["published"] != true ||
		got["id"] == "" || got["link"] == "" || err != nil ||
		until.Before(before.Add(90*time.Minute).Truncate(time.Second)) || until.After(time.Now().Add(90*time.Minute)) {
		t.Errorf("pin answer = %v, want the item in politique, published, pinned 90 minutes", got)
	}
	// The output id the answer gives finds the item again.
	if code, out := call(fmt.Sprint(got["id"]), "unpin", ""); code != http.StatusOK || out["action"] != "unpin" {
		t.Errorf("unpin by the answer's id = %d %v", code, out)
	}
	for _, c := range []struct{ body, want string }{
		{`{"reason": `, "body:"},
		{`{"why": "x"}`, `unknown field "why"`},
		{`{"for": "soon"}`, "is not a positive duration"},
		{`{"for": "-1h"}`, "is not a positive duration"},
	} {
		if code, out := call(item, "pin", c.body); code != http.StatusBadRequest || !strings.Contains(fmt.Sprint(out["error"]), c.want) {
			t.Errorf("pin with %s = %d %v, want 400 saying %q", c.body, code, out, c.want)
		}
	}
	if code, out := call("999999", "hide", ""); code != http.StatusNotFound || out["error"] == nil {
		t.Errorf("hide of an unknown item = %d %v, want 404", code, out)
	}
	if code, out := call(item, "delete", ""); code != http.StatusNotFound || out["error"] == nil {
		t.Errorf("an unknown action = %d %v, want 404", code, out)
	}
	ds, _ := s.db.Explain(t.Context(), "politique", 50)
	for _, d := range ds {
		if d.Hidden || !d.Pinned.IsZero() && d.Pinned.After(time.Now()) {
			t.Errorf("item #%d changed by a refused request: hidden %v, pinned %v", d.ItemID, d.Hidden, d.Pinned)
		}
	}
}

// TestStorageFailureIsLogged: when the database fails behind an admin
// request, the client gets a 500 that says what failed and points to the
// log, never the storage's own words; the log has the cause.
func TestStorageFailureIsLogged(t *testing.T) {
	const token = "fail-token-6b1e0c93d2a4"
	s, logs := testServer(t, "token: "+token+"\n")
	s.guard = newGuard(func() string { return s.config().Token }, s.log)
	h, _ := s.routes()
	item := firstItem(t, s)
	if err := s.db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ method, path string }{
		{"POST", "/api/sections/politique/items/" + url.PathEscape(item) + "/hide"},
		{"GET", "/desk/politique"},
	} {
		req := httptest.NewRequest(c.method, c.path, nil)
		req.RemoteAddr = remote
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != http.StatusInternalServerError || !strings.Contains(body, "the daemon's log has the cause") {
			t.Errorf("%s %s on a closed database = %d %q, want 500 pointing to the log", c.method, c.path, rec.Code, body)
		}
		if strings.Contains(body, "closed") || strings.Contains(body, "sql") {
			t.Errorf("%s %s: the answer shows the storage's error: %q", c.method, c.path, body)
		}
	}
	if l := logs.String(); !strings.Contains(l, "request failed") || !strings.Contains(l, "closed") {
		t.Errorf("the log does not have the cause:\n%s", l)
	}
}
