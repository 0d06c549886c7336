package main

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// TestDeskLogoutEverywhere: a logout ends the session on every process
// sharing the database and outlives a restart, while another session of
// the same editor (a second login, even in the same second) stays open.
func TestDeskLogoutEverywhere(t *testing.T) {
	const token = "everywhere-token-5b7e1c9d3a"
	feeds := fixtureServer(t)
	cfgPath := writeConfig(t, t.TempDir(), feeds.URL, "", "token: "+token+"\n")
	if code, out, errOut := runCLI(t, "--config", cfgPath, "--log-level", "error", "fetch"); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errOut)
	}
	handler := func() http.Handler {
		s, _ := serverOf(t, cfgPath)
		s.guard = newGuard(func() string { return s.config().Token }, s.log)
		s.guard.sleep = func(context.Context, time.Duration) {}
		h, _ := s.routes()
		return h
	}
	a, b := handler(), handler() // two serve processes on one database
	login := func() map[string]string {
		rec := do(a, "POST", "/desk/login", remote, nil, url.Values{"token": {token}})
		cs := rec.Result().Cookies()
		if rec.Code != http.StatusSeeOther || len(cs) != 1 {
			t.Fatalf("login = %d, cookies %v", rec.Code, cs)
		}
		return map[string]string{"Cookie": cs[0].Name + "=" + cs[0].Value}
	}
	first, second := login(), login()
	if first["Cookie"] == second["Cookie"] {
		t.Fatalf("two logins gave the same session %s: a logout of one would end both", first["Cookie"])
	}
	for name, h := range map[string]http.Handler{"a": a, "b": b} {
		if rec := do(h, "GET", "/desk/politique", remote, first, nil); rec.Code != http.StatusOK {
			t.Fatalf("process %s: the desk with a fresh session = %d, want 200", name, rec.Code)
		}
	}
	page := do(a, "GET", "/desk/politique", remote, first, nil)
	m := csrfField.FindStringSubmatch(page.Body.String())
	if m == nil {
		t.Fatalf("no CSRF token on the desk page:\n%s", page.Body)
	}
	if rec := do(a, "POST", "/desk/logout", remote, first, url.Values{"csrf": {m[1]}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("logout = %d", rec.Code)
	}
	restarted := handler()
	for name, h := range map[string]http.Handler{"the process that logged out": a, "another process": b, "a restarted process": restarted} {
		if rec := do(h, "GET", "/desk/politique", remote, first, nil); rec.Code != http.StatusUnauthorized {
			t.Errorf("%s: the desk with the logged-out session = %d, want 401", name, rec.Code)
		}
		if rec := do(h, "GET", "/desk/politique", remote, second, nil); rec.Code != http.StatusOK {
			t.Errorf("%s: the desk with the other session = %d, want 200", name, rec.Code)
		}
	}
}
