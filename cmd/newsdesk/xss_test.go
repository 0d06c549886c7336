package main

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// readVectors reads one vector per line, skipping blank lines and "# "
// comments.
func readVectors(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "xss", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// xmlText escapes s for XML text and attributes.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmlURL escapes a link vector for XML but keeps its character references,
// so that the parser turns "&#x6A;avascript:" into "javascript:".
func xmlURL(s string) string {
	if strings.Contains(s, "&#") {
		return strings.NewReplacer("<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
	}
	return xmlText(s)
}

// xssFeeds serves testdata/xss and three feeds generated from the vectors:
// every vector in an item's title, content, author and category, every
// link vector in item links, as RSS, Atom and JSON Feed.
func xssFeeds(t *testing.T, vectors, urls []string) *httptest.Server {
	var rss, atom strings.Builder
	rss.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>` + xmlText(vectors[0]) + `</title><link>` + xmlURL(urls[0]) + `</link><description>x</description>
`)
	atom.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">` + xmlText(vectors[1]) + `</title><id>urn:xss:gen</id><updated>2026-11-20T12:00:00Z</updated>
`)
	type author struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	type jitem struct {
		ID          string   `json:"id"`
		URL         string   `json:"url"`
		Title       string   `json:"title"`
		ContentHTML string   `json:"content_html"`
		Summary     string   `json:"summary"`
		Image       string   `json:"image"`
		Date        string   `json:"date_published"`
		Authors     []author `json:"authors"`
		Tags        []string `json:"tags"`
	}
	var items []jitem
	for i, v := range vectors {
		link := fmt.Sprintf("http://127.0.0.1/item/%d", i)
		if i < len(urls) {
			link = urls[i]
		}
		date := fmt.Sprintf("2026-11-20T%02d:%02d:00Z", 11-i/60, 59-i%60)
		words := func(format int) string { return genWords(uint64(format*1000+i), 12) }
		fmt.Fprintf(&rss, "<item><title>%s</title><link>%s</link><guid isPermaLink=\"false\">xss-rss-%d</guid><dc:creator>%s</dc:creator>"+
			"<category>%s</category><description>%s</description></item>\n",
			xmlText(fmt.Sprintf("R%d %s %s", i, words(1)[:20], v)), xmlURL(link), i, xmlText(v), xmlText(v),
			xmlText("<p>"+words(1)+"</p>"+v+"<p>after</p>"))
		fmt.Fprintf(&atom, "<entry><title type=\"html\">%s</title><id>urn:xss:atom:%d</id><updated>%s</updated><link href=\"%s\"/>"+
			"<author><name>%s</name></author><category term=\"%s\"/><content type=\"html\">%s</content></entry>\n",
			xmlText(fmt.Sprintf("A%d %s %s", i, words(2)[:20], v)), i, date, xmlURL(link), xmlText(v), xmlText(v),
			xmlText("<p>"+words(2)+"</p>"+v+"<p>after</p>"))
		items = append(items, jitem{ID: fmt.Sprintf("xss-json-%d", i), URL: link, Title: fmt.Sprintf("J%d %s %s", i, words(3)[:20], v),
			ContentHTML: "<p>" + words(3) + "</p>" + v + "<p>after</p>", Summary: v, Image: link, Date: date,
			Authors: []author{{Name: v, URL: link}}, Tags: []string{v}})
	}
	rss.WriteString("</channel></rss>\n")
	atom.WriteString("</feed>\n")
	jsonFeed, err := json.Marshal(map[string]any{"version": "https://jsonfeed.org/version/1.1", "title": vectors[2],
		"home_page_url": urls[1], "items": items})
	if err != nil {
		t.Fatal(err)
	}
	rssDoc := rss.String() // undated: its items take the fetch time
	files := http.FileServer(http.Dir("testdata/xss"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gen.rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(rssDoc))
		case "/gen.atom":
			w.Header().Set("Content-Type", "application/atom+xml")
			w.Write([]byte(atom.String()))
		case "/gen.json":
			w.Header().Set("Content-Type", "application/feed+json")
			w.Write(jsonFeed)
		default:
			files.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestNoScriptReachesAnyOutput fetches feeds full of XSS vectors through
// the real pipeline (`newsdesk serve`, a real process) and checks every
// output a reader or browser gets: Atom, RSS, JSON Feed, OPML, the index,
// the section page, /sources and /report. No script element, event
// handler, javascript:/vbscript:/data: URL or style-based injection
// survives anywhere, and titles, author names and categories are plain
// text (no markup) everywhere.
func TestNoScriptReachesAnyOutput(t *testing.T) {
	vectors, urls := readVectors(t, "vectors.txt"), readVectors(t, "urls.txt")
	structural := 0
	for _, f := range []string{"structural.atom", "structural.rss"} {
		b, _ := os.ReadFile(filepath.Join("testdata", "xss", f))
		structural += len(regexp.MustCompile(`(alert|msgbox)\(\d+\)`).FindAll(b, -1))
	}
	t.Logf("%d content vectors (each in title, content, author and category of RSS, Atom and JSON items), "+
		"%d link vectors, %d vectors in hand-written structural feeds: %d in all",
		len(vectors), len(urls), structural, len(vectors)+len(urls)+structural)

	feeds := xssFeeds(t, vectors, urls)
	dir := t.TempDir()
	addr := freeAddr(t)
	cfg := fmt.Sprintf(`listen: %[1]s
base_url: http://%[1]s
database: xss.db
sections:
  - id: xss
    limit: 500
    title: "<b>XSS</b> desk <script>alert(401)</script>"
    description: "<img src=x onerror=alert(402)>"
    sources:
      - url: %[2]s/gen.rss
        title: "<script>alert(403)</script>RSS"
      - url: %[2]s/gen.atom
        title: "<svg onload=alert(404)>"
      - %[2]s/gen.json
      - %[2]s/structural.atom
      - %[2]s/structural.rss
`, addr, feeds.URL)
	cfgPath := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfgPath, []byte(cfg), 0o644)
	code, out, errOut := runCLI(t, "--config", cfgPath, "--log-level", "error", "fetch")
	t.Logf("fetch: exit %d\n%s%s", code, out, errOut)
	if !strings.Contains(out, "gen.rss: 62 items") && !strings.Contains(out, fmt.Sprintf("gen.rss: %d items", len(vectors))) {
		t.Errorf("the generated RSS feed was not stored whole:\n%s", out)
	}
	_, logs := startServe(t, cfgPath)
	base := "http://" + addr
	eventually(t, "serve answers", logs, func() bool { c, _ := get(base + "/healthz"); return c == 200 })

	// The config's own titles carry markup too: the pages must escape them;
	// they are the operator's, so the plain-text rule does not apply.
	c := xssChecker{trusted: map[string]bool{"<b>XSS</b> desk <script>alert(401)</script>": true,
		"<img src=x onerror=alert(402)>": true, "<script>alert(403)</script>RSS": true, "<svg onload=alert(404)>": true}}
	for _, p := range []string{"/", "/sections/xss", "/sources", "/report"} {
		code, body := get(base + p)
		if code != 200 {
			t.Fatalf("%s: %d", p, code)
		}
		doc, err := xhtml.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		c.html(p, doc)
	}
	for _, p := range []string{"/feeds/xss.atom", "/feeds/xss.rss", "/feeds.opml"} {
		code, body := get(base + p)
		if code != 200 {
			t.Fatalf("%s: %d", p, code)
		}
		root, err := parseXML(body)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		c.xml(p, root)
	}
	code, body := get(base + "/feeds/xss.json")
	var doc any
	if err := json.Unmarshal([]byte(body), &doc); code != 200 || err != nil {
		t.Fatalf("/feeds/xss.json: %d %v", code, err)
	}
	c.json("/feeds/xss.json", "", doc)

	for _, p := range c.problems {
		t.Error(p)
	}
	if c.items < len(vectors) {
		t.Errorf("the Atom output holds %d entries, want at least %d: the vectors did not reach it", c.items, len(vectors))
	}
	t.Logf("checked %d elements, %d URLs, %d plain-text fields, %d HTML fragments", c.elements, c.urls, c.texts, c.fragments)
}
