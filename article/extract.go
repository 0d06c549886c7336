package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoArticle: the page has no main text an extractor can find.
var ErrNoArticle = errors.New("no article text found")

// Extraction is what Extract found in one article page. HTML is the
// extractor's output and is not safe to publish: normalize.Article
// cleans and sanitizes it.
type Extraction struct {
	HTML      string
	Title     string
	Byline    string
	Published time.Time // zero when the page gives none
	Image     string    // og:image (or JSON-LD image), absolute
	Canonical string    // <link rel="canonical">, absolute
	Language  string
}

// Extract finds the main text of an article page, given as UTF-8 HTML,
// with go-readability (a port of Mozilla's Readability), after removing
// the page furniture readability is known to keep (see preclean). It also
// reads the page's metadata: byline and published date (JSON-LD
// NewsArticle, OpenGraph article:published_time, meta author), lead image
// (og:image) and canonical link. pageURL resolves relative URLs. Pure and
// safe for concurrent use.
func Extract(page []byte, pageURL string) (Extraction, error) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return Extraction{}, fmt.Errorf("extract: page url %q: %w", pageURL, err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Extraction{}, fmt.Errorf("extract: parse html: %w", err)
	}
	if n := countElements(doc, maxElements+1); n > maxElements {
		return Extraction{}, fmt.Errorf("extract: %w: more than %d elements", ErrNoArticle, maxElements)
	}
	openNoscript(doc)
	liftRecords(doc)
	imageFigures(doc)
	flatHeadings(doc)
	lineRuns(doc)
	var ex Extraction
	meta := readMeta(doc, base)
	ex.Canonical, ex.Image = meta.canonical, meta.image
	lead := findLead(doc, base, meta.image, meta.description)
	title := pageTitle(doc)
	seen, site := blockCounts(doc), siteWords(doc)
	calls := preclean(doc)
	plainPhrases(doc)
	gallery := findGallery(doc)
	p := readability.NewParser()
	p.CharThresholds = 200
	art, err := p.ParseAndMutate(doc, base)
	if err != nil {
		return ex, fmt.Errorf("extract: %w: %v", ErrNoArticle, err)
	}
	if art.Node == nil {
		return ex, fmt.Errorf("extract: %w", ErrNoArticle)
	}
	fixAtoms(art.Node)
	if h := findFirst(art.Node, func(n *html.Node) bool { return attr(n, headlineMark) != "" }); h != nil {
		h.Parent.RemoveChild(h)
	}
	dropTailLinks(art.Node, base)
	dropOffTopicLinks(art.Node, base, art.Title())
	dropCallButtons(art.Node, calls)
	dropRepeatedLines(art.Node, seen)
	dropPublisherTail(art.Node, site)
	dropVoted(art.Node, base, title)
	dropContactTail(art.Node)
	dropOrphanHeadings(art.Node)
	var b strings.Builder
	if err := art.RenderHTML(&b); err != nil {
		return ex, fmt.Errorf("extract: render: %w", err)
	}
	ex.HTML = lead.restore(b.String(), art.Node)
	if gallery != nil && gallery.missedBy(art.Node) {
		if gallery.captionLen() < textLen(art.Node) {
			// An article with its gallery beside it (a press release's
			// images): the text stays, the captioned figures follow it.
			ex.HTML += gallery.render()
		} else {
			ex.HTML = gallery.render()
		}
	}
	ex.Title = strings.TrimSpace(art.Title())
	ex.Byline = strings.Join(strings.Fields(art.Byline()), " ")
	if len([]rune(ex.Byline)) > 120 {
		ex.Byline = "" // a paragraph taken for a byline
	}
	if t, err := art.PublishedTime(); err == nil && t.Year() > 1990 {
		ex.Published = t.UTC()
	} else if !meta.published.IsZero() {
		ex.Published = meta.published
	}
	if ex.Image == "" {
		ex.Image = absolute(base, art.ImageURL())
	}
	ex.Language = art.Language()
	return ex, nil
}

// fixAtoms gives the elements readability makes by name (a <div> of text
// it turns into a <p>) their atom, so that the rules run on its output
// see them for what they are.
func fixAtoms(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == 0 {
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fixAtoms(c)
	}
}

// maxElements bounds the pages Extract reads: the furniture rules and
// readability walk subtrees many times, so a hostile page of a million
// nested elements would cost minutes. Real article pages have a few
// thousand.
const maxElements = 30000

func countElements(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			if c.Type == html.ElementNode {
				count++
			}
			walk(c)
		}
	}
	walk(n)
	return count
}

// pageMeta is what the head of a page says about it.
type pageMeta struct {
	canonical   string
	image       string
	published   time.Time
	description string // og:description, else meta description
}

// readMeta reads <link rel="canonical">, og:image, the description and
// article:published_time (readability reads the rest).
func readMeta(doc *html.Node, base *url.URL) pageMeta {
	var m pageMeta
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if hasToken(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = absolute(base, attr(n, "href"))
				}
			case atom.Meta:
				prop := strings.ToLower(attr(n, "property"))
				if prop == "" {
					prop = strings.ToLower(attr(n, "name"))
				}
				switch prop {
				case "og:image", "og:image:url", "og:image:secure_url":
					if m.image == "" {
						m.image = absolute(base, attr(n, "content"))
					}
				case "og:description":
					m.description = attr(n, "content")
				case "description", "twitter:description":
					if m.description == "" {
						m.description = attr(n, "content")
					}
				case "article:published_time":
					if t, err := time.Parse(time.RFC3339, strings.TrimSpace(attr(n, "content"))); err == nil {
						m.published = t.UTC()
					}
				}
			case atom.Script:
				if m.image == "" && strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					m.image = absolute(base, jsonLDImage(n.FirstChild.Data))
				}
			case atom.Body:
				return // metadata lives in the head; JSON-LD may sit in the body, read by readability
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// jsonLDImage returns the image of a JSON-LD article object: a URL, an
// ImageObject or a list of either.
func jsonLDImage(s string) string {
	var v map[string]any
	if json.Unmarshal([]byte(s), &v) != nil {
		return ""
	}
	var pick func(any) string
	pick = func(x any) string {
		switch x := x.(type) {
		case string:
			return x
		case map[string]any:
			return pick(x["url"])
		case []any:
			if len(x) > 0 {
				return pick(x[0])
			}
		}
		return ""
	}
	return pick(v["image"])
}

func absolute(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}
