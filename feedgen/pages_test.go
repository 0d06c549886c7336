package feedgen

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"newsdesk"
)

// doc is a parsed page with helpers to query it.
type doc struct{ root *html.Node }

func parseDoc(t *testing.T, body []byte) doc {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc{root}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasClass(n *html.Node, class string) bool {
	return n.Type == html.ElementNode && strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
}

// all returns the elements under n (n included) that match.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

// text is all the text under n.
func text(n *html.Node) string {
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

func (d doc) items() []*html.Node {
	return all(d.root, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "item") })
}

// link returns the href of the element with rel in the paging nav.
func (d doc) paging(rel string) string {
	for _, nav := range all(d.root, func(n *html.Node) bool { return n.Data == "nav" && hasClass(n, "paging") }) {
		for _, a := range all(nav, tag("a")) {
			if attr(a, "rel") == rel {
				return attr(a, "href")
			}
		}
	}
	return ""
}

func (d doc) lang() string {
	for _, n := range all(d.root, tag("html")) {
		return attr(n, "lang")
	}
	return ""
}

// TestPageItemElements: each item shows its time with the zone (in
// Options.Location), its lead image (alt, lazy, sized), its link and the
// other reports of its story.
func TestPageItemElements(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), func(o *Options) { o.Location = time.FixedZone("CET", 3600) })
	_, body := ts.do(t, "GET", "/sections/politique", nil)
	d := parseDoc(t, body)
	items := d.items()
	if len(items) == 0 {
		t.Fatal("no items")
	}
	first := items[0] // item 41: published 17:30 UTC, an image, two other reports
	times := all(first, tag("time"))
	if len(times) != 1 {
		t.Fatalf("%d <time> in the first item, want 1", len(times))
	}
	if got, want := attr(times[0], "datetime"), "2026-03-14T17:30:00Z"; got != want {
		t.Errorf("datetime = %q, want %q", got, want)
	}
	if got, want := text(times[0]), "14 mars 2026 à 18:30 CET"; got != want {
		t.Errorf("time shown = %q, want %q (French, local zone named)", got, want)
	}
	imgs := all(first, tag("img"))
	if len(imgs) != 1 {
		t.Fatalf("%d <img> in the first item, want 1", len(imgs))
	}
	img := imgs[0]
	for k, want := range map[string]string{
		"src":     "https://agence.example/img/lyon.jpg",
		"alt":     "Municipales : à Lyon, un second tour « serré » & incertain",
		"loading": "lazy",
		"width":   "160",
		"height":  "107",
	} {
		if got := attr(img, k); got != want {
			t.Errorf("img %s = %q, want %q", k, got, want)
		}
	}
	var related *html.Node
	for _, p := range all(first, tag("p")) {
		if hasClass(p, "related") {
			related = p
		}
	}
	if related == nil {
		t.Fatal("no 'Également sur' paragraph")
	}
	if got := text(related); !strings.HasPrefix(got, "Également sur : ") || !strings.Contains(got, "Lyon : second tour sous tension (Le Quotidien)") || !strings.Contains(got, "Radio Exemple") {
		t.Errorf("related = %q", got)
	}
	links := all(related, tag("a"))
	if len(links) != 1 || attr(links[0], "href") != "https://quotidien.example/lyon-2e-tour?x=1&y=2" {
		t.Errorf("related links = %d (first %q); want only the http one", len(links), attr(links[0], "href"))
	}
	// An item without an image has no <img> (item 40 has none).
	for _, it := range items[1:] {
		if strings.Contains(text(it), "Budget 2027") && len(all(it, tag("img"))) > 0 {
			t.Error("an item without image shows one")
		}
	}
}

// TestPageLanguage: interface text and <html lang> follow the section's
// language, English for a language without translation, and the index is
// English when its sections' languages differ (each section then carries
// its own lang).
func TestPageLanguage(t *testing.T) {
	secs := []newsdesk.Section{
		{ID: "fr", Title: "Politique", Language: "fr", Limit: 5},
		{ID: "frca", Title: "Québec", Language: "fr-CA", Limit: 5},
		{ID: "de", Title: "Politik", Language: "de", Limit: 5},
		{ID: "none", Title: "Misc", Limit: 5},
	}
	item := newsdesk.Item{ID: 1, Title: "x", SourceTitle: "S", SortAt: time.Date(2026, 7, 4, 9, 5, 0, 0, time.UTC),
		Related: []newsdesk.Related{{Title: "y", SourceTitle: "T"}}}
	store := pagingStore(func() map[string][]newsdesk.Item {
		return map[string][]newsdesk.Item{"fr": {item}, "frca": {item}, "de": {item}, "none": {item}}
	})
	ts := newTestServer(t, store, nil)
	ts.h.SetSections(secs)
	cases := []struct {
		path, lang, heading, related, when string
	}{
		{"/sections/fr", "fr", "Derniers articles", "Également sur : ", "4 juil. 2026 à 09:05 UTC"},
		{"/sections/frca", "fr-CA", "Derniers articles", "Également sur : ", "4 juil. 2026 à 09:05 UTC"},
		{"/sections/de", "de", "Latest items", "Also reported by: ", "Jul 4, 2026, 09:05 UTC"},
		{"/sections/none", "en", "Latest items", "Also reported by: ", "Jul 4, 2026, 09:05 UTC"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			_, body := ts.do(t, "GET", c.path, nil)
			d := parseDoc(t, body)
			if got := d.lang(); got != c.lang {
				t.Errorf("html lang = %q, want %q", got, c.lang)
			}
			var headings []string
			for _, h := range all(d.root, tag("h2")) {
				headings = append(headings, text(h))
			}
			if !strings.Contains(strings.Join(headings, "|"), c.heading) {
				t.Errorf("headings %q lack %q", headings, c.heading)
			}
			if !strings.Contains(text(d.root), c.related) || !strings.Contains(text(d.root), c.when) {
				t.Errorf("page lacks %q or %q", c.related, c.when)
			}
			if c.lang == "fr" && strings.Contains(string(body), "Latest items") {
				t.Error("French page has English interface text")
			}
		})
	}
	_, body := ts.do(t, "GET", "/", nil)
	d := parseDoc(t, body)
	if got := d.lang(); got != "en" {
		t.Errorf("mixed index lang = %q, want en", got)
	}
	langs := map[string]string{}
	for _, s := range all(d.root, tag("section")) {
		langs[attr(s, "id")] = attr(s, "lang")
	}
	if langs["fr"] != "fr" || langs["de"] != "de" || langs["none"] != "" {
		t.Errorf("section langs on the index = %v", langs)
	}
	// The index links to each section page.
	hrefs := map[string]bool{}
	for _, a := range all(d.root, tag("a")) {
		hrefs[attr(a, "href")] = true
	}
	for _, s := range secs {
		if !hrefs["/sections/"+s.ID] {
			t.Errorf("index has no link to /sections/%s", s.ID)
		}
	}
	// One language for all: the index speaks it.
	ts.h.SetSections(secs[:1])
	_, body = ts.do(t, "GET", "/", nil)
	if d := parseDoc(t, body); d.lang() != "fr" || !strings.Contains(text(d.root), "Tous les articles de la rubrique Politique") {
		t.Errorf("French index: lang %q, text %q", d.lang(), text(d.root))
	}
}

// manyItems makes n items newest first, with runs of equal dates so that
// paging must break ties by id.
func manyItems(n int) []newsdesk.Item {
	base := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	out := make([]newsdesk.Item, n)
	for i := range out {
		out[i] = newsdesk.Item{
			ID: int64(n - i), Title: fmt.Sprintf("item %03d", i), SourceURL: "https://s.example/feed", Key: fmt.Sprintf("hash:%d", i),
			SortAt: base.Add(-time.Duration(i/3) * time.Hour), // three items per date
		}
	}
	return out
}

// walkPages follows one rel from path to the end and returns the item
// titles of each page in order.
func walkPages(t *testing.T, ts *testServer, path, rel string, hdr map[string]string) [][]string {
	t.Helper()
	var pages [][]string
	for n := 0; path != ""; n++ {
		if n > 50 {
			t.Fatal("paging does not end")
		}
		resp, body := ts.do(t, "GET", path, hdr)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
		d := parseDoc(t, body)
		var titles []string
		for _, it := range d.items() {
			titles = append(titles, text(all(it, tag("h3"))[0]))
		}
		pages = append(pages, titles)
		path = d.paging(rel)
	}
	return pages
}

// TestPagePaging: "older" links walk the whole section once, in order, page
// by page of the section's limit; "newer" links walk back the same pages;
// the section page and a feed URL opened in a browser page alike.
func TestPagePaging(t *testing.T) {
	const n, limit = 23, 5
	items := manyItems(n)
	store := pagingStore(func() map[string][]newsdesk.Item { return map[string][]newsdesk.Item{"p": items} })
	ts := newTestServer(t, store, nil)
	ts.h.SetSections([]newsdesk.Section{{ID: "p", Title: "P", Language: "en", Limit: limit}})
	browser := map[string]string{"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
	for _, c := range []struct {
		name, start string
		hdr         map[string]string
	}{
		{"section page", "/sections/p", nil},
		{"feed in a browser", "/feeds/p.atom", browser},
	} {
		t.Run(c.name, func(t *testing.T) {
			older := walkPages(t, ts, c.start, "next", c.hdr)
			var got []string
			for i, p := range older {
				if len(p) != limit && i != len(older)-1 {
					t.Errorf("page %d has %d items, want %d", i, len(p), limit)
				}
				got = append(got, p...)
			}
			if len(got) != n {
				t.Fatalf("older pages list %d items, want %d: %q", len(got), n, got)
			}
			for i := range got {
				if got[i] != items[i].Title {
					t.Fatalf("item %d = %q, want %q", i, got[i], items[i].Title)
				}
			}
			// From the last page, newer links lead back through the same
			// pages to the first.
			_, body := ts.do(t, "GET", c.start, c.hdr)
			last := c.start
			for p := parseDoc(t, body).paging("next"); p != ""; {
				last = p
				_, b := ts.do(t, "GET", p, c.hdr)
				p = parseDoc(t, b).paging("next")
			}
			newer := walkPages(t, ts, last, "prev", c.hdr)
			if len(newer) != len(older) {
				t.Fatalf("newer walk has %d pages, older %d", len(newer), len(older))
			}
			for i := range newer {
				if want := older[len(older)-1-i]; strings.Join(newer[i], "|") != strings.Join(want, "|") {
					t.Errorf("newer walk page %d = %q, want %q", i, newer[i], want)
				}
			}
			// The newest page has no newer link.
			_, body = ts.do(t, "GET", c.start, c.hdr)
			if p := parseDoc(t, body).paging("prev"); p != "" {
				t.Errorf("first page has a newer link %q", p)
			}
		})
	}
}

// TestBasePath: with a base URL that has a path, every path is served
// under it, the root redirects there, other paths are 404, and every link
// of the pages, the feeds and the export starts with it.
func TestBasePath(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), func(o *Options) { o.BaseURL += "/news/" })
	prefix := ts.srv.URL + "/news"
	for _, c := range []struct {
		path string
		code int
	}{
		{"/news/", 200}, {"/news/sections/politique", 200}, {"/news/sections/politique/", 200},
		{"/news/feeds/politique.atom", 200}, {"/news/feeds.opml", 200}, {"/news/static/style.css", 200},
		{"/news/feed.xsl", 200}, {"/sections/politique", 404}, {"/feeds/politique.atom", 404}, {"/newsfeeds.opml", 404},
	} {
		resp, _ := ts.do(t, "GET", c.path, nil)
		if resp.StatusCode != c.code {
			t.Errorf("GET %s = %d, want %d", c.path, resp.StatusCode, c.code)
		}
	}
	noRedirect := *ts.client
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, p := range []string{"/", "/news"} {
		resp, err := noRedirect.Get(ts.srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/news/" {
			t.Errorf("GET %s = %d to %q, want 301 to /news/", p, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	checkLinks := func(t *testing.T, where string, body []byte) {
		t.Helper()
		d := parseDoc(t, body)
		var n int
		for _, e := range all(d.root, func(*html.Node) bool { return true }) {
			for _, k := range []string{"href", "src", "value"} {
				v := attr(e, k)
				if v == "" || (e.Data == "input" && k != "value") || e.Data != "input" && k == "value" {
					continue
				}
				u, err := url.Parse(v)
				if err != nil {
					t.Errorf("%s: bad URL %q", where, v)
					continue
				}
				if u.Host != "" && u.Host != strings.TrimPrefix(ts.srv.URL, "http://") {
					continue // an item's or a reader's link
				}
				n++
				if !strings.HasPrefix(u.Path, "/news/") {
					t.Errorf("%s: <%s %s=%q> is not under /news/", where, e.Data, k, v)
				}
			}
		}
		if n < 5 {
			t.Errorf("%s: only %d own links checked", where, n)
		}
	}
	for _, p := range []string{"/news/", "/news/sections/politique"} {
		_, body := ts.do(t, "GET", p, nil)
		checkLinks(t, p, body)
	}
	_, body := ts.do(t, "GET", "/news/feeds/politique.atom", nil)
	for _, want := range []string{`href="` + prefix + `/feeds/politique.atom"`, `href="` + prefix + `/feed.xsl"`} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("atom feed lacks %s", want)
		}
	}
	// Export: the same links, section pages as folders.
	dir := t.TempDir()
	opt := testOptions()
	opt.BaseURL = "https://static.example/news/"
	if err := Export(context.Background(), pagingStore(testItems), testSections(), opt, dir); err != nil {
		t.Fatal(err)
	}
	idx, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	d := parseDoc(t, idx)
	var css, section, feed bool
	for _, e := range all(d.root, func(*html.Node) bool { return true }) {
		switch href := attr(e, "href"); {
		case href == "/news/static/style.css":
			css = true
		case href == "/news/sections/politique/":
			section = true
		case href == "https://static.example/news/feeds/politique.rss":
			feed = true
		case strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "/news/"):
			t.Errorf("exported index links %q outside /news/", href)
		}
	}
	if !css || !section || !feed {
		t.Errorf("exported index: stylesheet %v, section folder %v, feed %v; want all", css, section, feed)
	}
	sec, err := os.ReadFile(filepath.Join(dir, "sections", "politique", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(sec, []byte(`href="/news/"`)) || !bytes.Contains(sec, []byte(`href="/news/static/style.css"`)) {
		t.Error("exported section page does not link home and the stylesheet under /news/")
	}
	opml, _ := os.ReadFile(filepath.Join(dir, "feeds.opml"))
	if !bytes.Contains(opml, []byte("https://static.example/news/feeds/politique.atom")) {
		t.Error("exported OPML does not carry the base path")
	}
}

// TestSubscribeBox: the section page's box has the Atom URL to copy, the
// other formats, and one-click reader links carrying the escaped feed URL;
// a browser at the RSS URL gets the RSS URL in the box.
func TestSubscribeBox(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	for _, c := range []struct{ path, accept, want string }{
		{"/sections/politique", "", "/feeds/politique.atom"},
		{"/feeds/politique.rss", "text/html", "/feeds/politique.rss"},
		{"/feeds/politique.json", "text/html", "/feeds/politique.json"},
	} {
		_, body := ts.do(t, "GET", c.path, map[string]string{"Accept": c.accept})
		d := parseDoc(t, body)
		boxes := all(d.root, func(n *html.Node) bool { return n.Data == "aside" && hasClass(n, "subscribe") })
		if len(boxes) != 1 {
			t.Fatalf("%s: %d subscribe boxes", c.path, len(boxes))
		}
		want := ts.srv.URL + c.want
		inputs := all(boxes[0], tag("input"))
		if len(inputs) != 1 || attr(inputs[0], "value") != want || !hasAttr(inputs[0], "readonly") {
			t.Fatalf("%s: feed URL box %v, want %s", c.path, inputs, want)
		}
		var readers, formats int
		for _, a := range all(boxes[0], tag("a")) {
			href := attr(a, "href")
			switch {
			case strings.Contains(href, url.QueryEscape(want)):
				readers++
			case strings.HasPrefix(href, ts.srv.URL+"/feeds/politique."):
				formats++
				if href == want {
					t.Errorf("%s: 'other formats' repeats %s", c.path, want)
				}
			}
		}
		if readers != len(webReaders) || formats != 2 {
			t.Errorf("%s: %d reader links, %d other formats; want %d and 2", c.path, readers, formats, len(webReaders))
		}
		if !strings.Contains(text(boxes[0]), "S’abonner") {
			t.Errorf("%s: French section's box is not in French: %q", c.path, text(boxes[0]))
		}
	}
}
