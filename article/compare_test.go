package article

import (
	"bytes"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsdesk/fetcher"
	"newsdesk/normalize"
)

var handlerRe = regexp.MustCompile(`(?i)<[^>]+\son[a-z]+\s*=`)

// TestCompareExtractors scores, on the whole labeled set and without the
// per-site learning (one page at a time), the extractors considered:
//   - density: a baseline that takes the element with the most paragraph
//     text below it (what simple "main text" finders do);
//   - readability: codeberg.org/readeck/go-readability/v2 alone, its text;
//   - readability+sanitize: its HTML through normalize's policy and chrome
//     rules;
//   - newsdesk: Extract (furniture removed first, standfirst and lead
//     figure restored) then normalize.Article.
//
// It logs mean F1, the pages below 0.9, the pages with chrome left and
// the pages whose extractor HTML kept an event-handler attribute, and
// checks that newsdesk beats each of the others on F1 and chrome; on the
// labeled set, then on the hand-written pages (testdata/unseen and
// testdata/blind), then on each tuned held-out set; on the measured sets
// it logs the figures without ranking.
func TestCompareExtractors(t *testing.T) {
	t.Run("labeled", func(t *testing.T) { compareExtractors(t, loadSet(t), true) })
	t.Run("hand-written", func(t *testing.T) {
		set := loadUnseen(t)
		for _, l := range loadPages(t, "testdata/blind") {
			l.site = "blind"
			set = append(set, l)
		}
		compareExtractors(t, set, true)
	})
	for _, dir := range heldoutSets {
		t.Run(filepath.Base(dir), func(t *testing.T) { compareExtractors(t, loadPages(t, dir), true) })
	}
	// A measured set is compared as it is scored: its figures logged, the
	// ranking not asserted (a fresh set may find newsdesk behind a
	// baseline on one count, which is what it is there to show); event
	// handlers are asserted everywhere.
	for _, dir := range measuredSets {
		t.Run(filepath.Base(dir), func(t *testing.T) { compareExtractors(t, loadPages(t, dir), false) })
	}
}

// compareExtractors scores the extractors on set; rank says whether
// newsdesk must beat each of the others on F1 and on pages with chrome.
func compareExtractors(t *testing.T, set []labeled, rank bool) {
	type score struct {
		sum      float64
		below    int
		chrome   int
		handlers int
	}
	names := []string{"density", "readability", "readability+sanitize", "newsdesk"}
	scores := map[string]*score{}
	for _, n := range names {
		scores[n] = &score{}
	}
	add := func(name string, l labeled, text, rawHTML string) {
		_, _, f := prf(text, l.gold)
		s := scores[name]
		s.sum += f
		if f < 0.9 {
			s.below++
		}
		if len(chromeLeft(text, l)) > 0 {
			s.chrome++
		}
		if handlerRe.MatchString(rawHTML) {
			s.handlers++
		}
	}
	for _, l := range set {
		pageURL := "https://" + l.site + ".example/" + l.name
		page, _, err := fetcher.DecodeHTML(l.html, "text/html")
		if err != nil {
			t.Fatal(err)
		}
		base, _ := url.Parse(pageURL)

		d := densityExtract(page)
		add("density", l, plain(d), d)

		art, err := readability.FromReader(bytes.NewReader(page), base)
		if err != nil {
			t.Fatalf("%s: readability: %v", l.name, err)
		}
		var rb strings.Builder
		if err := art.RenderHTML(&rb); err != nil {
			t.Fatal(err)
		}
		var tb strings.Builder
		if err := art.RenderText(&tb); err != nil {
			t.Fatal(err)
		}
		add("readability", l, tb.String(), rb.String())
		add("readability+sanitize", l, normalize.Article(rb.String(), normalize.ArticleOptions{Base: pageURL}).Text, "")

		ex, err := Extract(page, pageURL)
		if err != nil {
			t.Fatalf("%s: %v", l.name, err)
		}
		out := normalize.Article(ex.HTML, normalize.ArticleOptions{Base: pageURL})
		add("newsdesk", l, out.Text, out.ContentHTML)
	}
	for _, n := range names {
		s := scores[n]
		t.Logf("%-22s mean F1 %.3f, pages below 0.9: %2d, pages with chrome: %2d, pages with event handlers in its HTML: %2d",
			n, s.sum/float64(len(set)), s.below, s.chrome, s.handlers)
	}
	nd := scores["newsdesk"]
	if nd.handlers > 0 {
		t.Errorf("newsdesk output kept event handlers on %d pages", nd.handlers)
	}
	for _, n := range names[:3] {
		if s := scores[n]; rank && (s.sum > nd.sum || s.chrome < nd.chrome) {
			t.Errorf("%s scores better than newsdesk (F1 sum %.3f vs %.3f, chrome pages %d vs %d)", n, s.sum, nd.sum, s.chrome, nd.chrome)
		}
	}
}

// densityExtract returns the HTML of the element with the most text in
// <p> children directly below it.
func densityExtract(page []byte) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	var best *html.Node
	bestN := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		score := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.P || c.DataAtom == atom.Div && !hasBlockChild(c)) {
				score += textLen(c)
			}
		}
		if score > bestN {
			best, bestN = n, score
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if best == nil {
		return ""
	}
	var b strings.Builder
	_ = html.Render(&b, best)
	return b.String()
}
