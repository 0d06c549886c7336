package article

import "testing"

func TestRobotsRules(t *testing.T) {
	const txt = `# comment
User-agent: *
Disallow: /private/
Allow: /private/open$

User-agent: otherbot
User-agent: NewsDesk
Disallow: /news/*.pdf
Disallow: /drafts
Allow: /drafts/public
Sitemap: https://example.org/sitemap.xml
`
	cases := []struct {
		agent, path string
		want        bool
	}{
		{"newsdesk", "/private/x", true}, // its own group replaces "*"
		{"newsdesk", "/news/a.pdf", false},
		{"newsdesk", "/news/a.html", true},
		{"newsdesk", "/drafts/x", false},
		{"newsdesk", "/drafts/public/x", true}, // longest match wins
		{"somebot", "/private/x", false},
		{"somebot", "/private/open", true},
		{"somebot", "/private/open/x", false}, // "$" anchors
		{"somebot", "/", true},
	}
	for _, c := range cases {
		if got := parseRobots([]byte(txt), c.agent).allowed(c.path); got != c.want {
			t.Errorf("%s %s: allowed = %v, want %v", c.agent, c.path, got, c.want)
		}
	}
	if !parseRobots([]byte("User-agent: *\nDisallow:\n"), "newsdesk").allowed("/x") {
		t.Error("an empty Disallow forbids")
	}
	if parseRobots([]byte("User-agent: *\nDisallow: /\n"), "newsdesk").allowed("/x") {
		t.Error("Disallow: / allows")
	}
	if got := agentToken("newsdesk/1.0 (+https://github.com/newsdesk/newsdesk)"); got != "newsdesk" {
		t.Errorf("agent token %q", got)
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\n"), "/a/b")
	f.Add([]byte("User-agent: newsdesk\nAllow: /\nDisallow: /*?*\n"), "/x?y")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		if len(body) > 4096 || len(path) > 256 {
			return
		}
		parseRobots(body, "newsdesk").allowed(path)
	})
}
