package article

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Furniture after the text: once the last paragraph of prose is over (a
// line of at least 20 words, most of it not links), a line made mostly of
// links to the site's own pages is the page's furniture, whatever it says
// ("Voir tous ses articles", "Give today", "Storm Isolde: what we know so
// far", "Imprimer cet article | Envoyer à un ami"). Measured on readability's
// output for every labeled page: 54 such lines, all furniture. A line
// citing a source links to another site, and stays.

// dropTailLinks removes, from the extracted text root, the lines after
// the last paragraph of prose whose text is at least half links, every
// link to a page of the site (page's host, a relative or fragment
// address, or none). Lines of a caption are kept.
func dropTailLinks(root *html.Node, base *url.URL) {
	lines := textLines(root)
	last := -1
	for i, ln := range lines {
		if len(strings.Fields(textOf(ln))) >= 20 && linkShare(ln) < 0.5 {
			last = i
		}
	}
	if last < 0 {
		return
	}
	for _, ln := range lines[last+1:] {
		if linkShare(ln) < 0.5 || inFigcaption(ln) || ln.Parent == nil {
			continue
		}
		own := true
		for _, a := range linksIn(ln) {
			if !ownSite(attr(a, "href"), base) {
				own = false
				break
			}
		}
		if own {
			ln.Parent.RemoveChild(ln)
		}
	}
}

// ownSite reports whether href is an address on the page's own site.
func ownSite(href string, base *url.URL) bool {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return true
	}
	u, err := base.Parse(href)
	if err != nil {
		return false
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return false // mailto:, tel:, a script
	}
	return strings.EqualFold(strings.TrimPrefix(u.Hostname(), "www."), strings.TrimPrefix(base.Hostname(), "www."))
}

// textLines returns the lines of the extracted text in order: the
// elements that hold text and no block, with headings, list items and
// captions.
func textLines(root *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Table, atom.Pre:
				if strings.TrimSpace(textOf(c)) != "" {
					out = append(out, c)
				}
				continue
			}
			if !hasBlockBelow(c) {
				if strings.TrimSpace(textOf(c)) != "" {
					out = append(out, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

// hasBlockBelow reports whether n holds a block element at any depth.
func hasBlockBelow(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Div, atom.P, atom.Ul, atom.Ol, atom.Li, atom.Section, atom.Article, atom.Figure, atom.Figcaption, atom.Table, atom.Dl, atom.Dt, atom.Dd,
			atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Pre, atom.Aside, atom.Header, atom.Footer, atom.Main, atom.Body, atom.Html:
			return true
		}
		if hasBlockBelow(c) {
			return true
		}
	}
	return false
}
