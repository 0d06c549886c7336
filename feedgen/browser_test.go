package feedgen

import (
	"bytes"
	"strings"
	"testing"
)

// TestFeedURLNegotiation: a browser navigation (Accept prefers text/html)
// at a feed URL gets an HTML page; feed readers, "*/*" and no Accept get
// the feed with its exact type; an XML-only client gets text/xml (which it
// styles with feed.xsl). Every response of a feed URL varies on Accept.
func TestFeedURLNegotiation(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	const chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
	const firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	cases := []struct {
		name, path, accept, want string
	}{
		{"reader atom", "/feeds/politique.atom", "application/atom+xml, application/rss+xml;q=0.9, */*;q=0.1", typeAtom},
		{"reader naming html lower", "/feeds/politique.atom", "application/atom+xml, text/html;q=0.5", typeAtom},
		{"reader naming html equal", "/feeds/politique.rss", "application/rss+xml, text/html", typeRSS},
		{"no accept", "/feeds/politique.rss", "", typeRSS},
		{"feedparser", "/feeds/politique.atom", "application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1", typeAtom},
		{"simplepie", "/feeds/politique.rss", "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, unknown/unknown;q=0.1, application/unknown;q=0.1, */*;q=0.1", typeRSS},
		{"star", "/feeds/politique.atom", "*/*", typeAtom},
		{"chromium atom", "/feeds/politique.atom", chromium, typeHTML},
		{"firefox rss", "/feeds/politique.rss", firefox, typeHTML},
		{"browser json", "/feeds/politique.json", chromium, typeHTML},
		{"json reader", "/feeds/politique.json", "application/feed+json, application/json;q=0.9, text/html;q=0.8", typeJSON},
		{"html refused", "/feeds/politique.rss", "text/html;q=0, application/rss+xml", typeRSS},
		{"xml only", "/feeds/politique.rss", "application/xml, text/xml", "text/xml; charset=utf-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := ts.do(t, "GET", c.path, map[string]string{"Accept": c.accept})
			if got := resp.Header.Get("Content-Type"); got != c.want {
				t.Fatalf("Content-Type = %q, want %q", got, c.want)
			}
			if got := resp.Header.Get("Vary"); got != "Accept-Encoding, Accept" {
				t.Errorf("Vary = %q, want Accept-Encoding, Accept", got)
			}
			isHTML := bytes.HasPrefix(body, []byte("<!doctype html>"))
			if isHTML != (c.want == typeHTML) {
				t.Errorf("body starts %q: HTML = %v, want %v", body[:min(40, len(body))], isHTML, c.want == typeHTML)
			}
			if c.want == typeHTML {
				// The page offers the very URL the browser opened.
				var found bool
				for _, e := range parseElements(t, body) {
					if e.tag == "input" && strings.Contains(e.attrs["class"], "feed-url") {
						found = e.attrs["value"] == ts.srv.URL+c.path
					}
				}
				if !found {
					t.Errorf("no feed-url box with %s", ts.srv.URL+c.path)
				}
			}
		})
	}
}

func TestPrefersHTML(t *testing.T) {
	for _, c := range []struct {
		accept, format string
		want           bool
	}{
		{"text/html", formatAtom, true},
		{"text/html;q=0.9, application/atom+xml", formatAtom, false},
		{"text/*, application/atom+xml;q=0.5", formatAtom, false}, // text/* covers text/xml at 1
		{"text/html, application/*;q=0.5", formatJSON, true},
		{"text/html;q=0.5, */*", formatRSS, false},
		{"TEXT/HTML", formatRSS, true},
		{"text/html;q=bad", formatRSS, false},
		{"", formatAtom, false},
	} {
		if got := prefersHTML(c.accept, c.format); got != c.want {
			t.Errorf("prefersHTML(%q, %s) = %v, want %v", c.accept, c.format, got, c.want)
		}
	}
}
