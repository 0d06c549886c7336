package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// timeWithZone is a date and time followed by a zone name or offset.
var timeWithZone = regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [A-Z+-][A-Za-z0-9+-]*$`)

// parseHTML parses a page and returns every element.
func parseHTML(t *testing.T, body string) []*html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestSourcesAndReportPages: /sources and /report, served under a base
// path, link every source URL, name a source by its feed's title when the
// config gives none, label each cell (the phone layout stacks them), keep
// times on one line with their zone, write durations as people do, and
// link only under the base path.
func TestSourcesAndReportPages(t *testing.T) {
	feeds := fixtureServer(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	cfg := writeConfig(t, dir, feeds.URL, addr)
	raw, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(raw), "base_url: http://"+addr, "base_url: http://"+addr+"/desk/", 1)), 0o644)
	_, logs := startServe(t, cfg)
	base := "http://" + addr + "/desk"
	eventually(t, "fetched", logs, func() bool {
		_, body := get(base + "/api/sources")
		return strings.Count(body, `"status": 200`) == 3
	})
	_, body := get(base + "/sources")
	els := parseHTML(t, body)
	var sourceLinks, labelled, cells int
	var names []string
	for _, n := range els {
		switch {
		case n.Data == "a" && strings.HasPrefix(nodeAttr(n, "href"), feeds.URL+"/"):
			sourceLinks++
		case n.Data == "td":
			cells++
			if nodeAttr(n, "data-label") != "" {
				labelled++
			}
			if l := nodeAttr(n, "data-label"); l == "Last fetch" || l == "Next fetch" {
				if !strings.Contains(nodeAttr(n, "class"), "nowrap") || !timeWithZone.MatchString(nodeText(n)) {
					t.Errorf("%s cell %q: want one line with the zone", l, nodeText(n))
				}
			}
			if nodeAttr(n, "data-label") == "Took" && !strings.HasSuffix(nodeText(n), " ms") && !strings.HasSuffix(nodeText(n), " s") {
				t.Errorf("duration %q is not written in ms or s", nodeText(n))
			}
		case n.Data == "strong":
			names = append(names, nodeText(n))
		}
		for _, k := range []string{"href", "src"} {
			if v := nodeAttr(n, k); strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "/desk/") {
				t.Errorf("/sources links %q outside the base path", v)
			}
		}
	}
	if sourceLinks != 3 {
		t.Errorf("%d source URLs are links, want 3", sourceLinks)
	}
	if cells == 0 || labelled != cells {
		t.Errorf("%d of %d cells labelled", labelled, cells)
	}
	joined := strings.Join(names, "|")
	for _, want := range []string{"Le Quotidien — Politique", "Wire Agency"} { // the feed's own title; the configured one
		if !strings.Contains(joined, want) {
			t.Errorf("source names %q lack %q", names, want)
		}
	}

	_, body = get(base + "/report")
	els = parseHTML(t, body)
	page := nodeText(els[0])
	if !strings.Contains(page, "after 3 days without a new item") || strings.Contains(page, "72h0m0s") {
		t.Errorf("report does not write the stale delay as people do: %.300q", page)
	}
	var reportLinks int
	for _, n := range els {
		if n.Data == "a" && strings.HasPrefix(nodeAttr(n, "href"), feeds.URL+"/") {
			reportLinks++
		}
		if n.Data == "td" && nodeAttr(n, "data-label") == "Last new item" && !strings.Contains(nodeAttr(n, "class"), "nowrap") {
			t.Error("last new item cell may wrap")
		}
		if v := nodeAttr(n, "href"); strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "/desk/") {
			t.Errorf("/report links %q outside the base path", v)
		}
	}
	if reportLinks != 4 {
		t.Errorf("%d source links in the report, want one per source and section (4)", reportLinks)
	}
}
