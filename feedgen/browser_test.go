package feedgen

import (
	"bytes"
	"testing"
)

// TestBrowserGetsStylableXML: a browser navigation (Accept names text/html)
// gets the same bytes as text/xml, which browsers style with feed.xsl; feed
// readers get the exact feed type.
func TestBrowserGetsStylableXML(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	cases := []struct {
		name, path, accept, want string
	}{
		{"reader atom", "/feeds/politique.atom", "application/atom+xml, application/rss+xml;q=0.9, */*;q=0.1", typeAtom},
		{"no accept", "/feeds/politique.rss", "", typeRSS},
		{"browser atom", "/feeds/politique.atom", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/xml; charset=utf-8"},
		{"browser rss", "/feeds/politique.rss", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/xml; charset=utf-8"},
		{"html refused", "/feeds/politique.rss", "text/html;q=0, application/rss+xml", typeRSS},
		{"json never", "/feeds/politique.json", "text/html", typeJSON},
	}
	var bodies [][]byte
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := ts.do(t, "GET", c.path, map[string]string{"Accept": c.accept})
			if got := resp.Header.Get("Content-Type"); got != c.want {
				t.Fatalf("Content-Type = %q, want %q", got, c.want)
			}
			if c.path == "/feeds/politique.atom" {
				bodies = append(bodies, body)
				if resp.Header.Get("Vary") != "Accept-Encoding, Accept" {
					t.Errorf("Vary = %q", resp.Header.Get("Vary"))
				}
			}
		})
	}
	if len(bodies) == 2 && !bytes.Equal(bodies[0], bodies[1]) {
		t.Fatal("browser and reader got different bytes")
	}
}
