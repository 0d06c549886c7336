package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// openNoscript turns into markup the <noscript> blocks that hold the
// page's content: a single-page application (Flarum, some shops and
// wikis) serves its server-rendered text there for readers without
// scripts, and an HTML parser with scripting on reads a <noscript>'s
// body as one run of text. A block of at least two paragraphs and 300
// characters of text is parsed and put in place, as a <div>; a notice
// asking to turn scripts on, or a tracking pixel, stays as it was.
func openNoscript(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom == atom.Noscript {
			if div := noscriptContent(c); div != nil {
				n.InsertBefore(div, c)
				n.RemoveChild(c)
			}
		} else if c.Type == html.ElementNode {
			openNoscript(c)
		}
		c = next
	}
}

// noscriptContent returns a <noscript>'s body parsed as a <div> with its
// attributes when it holds the page's content, else nil.
func noscriptContent(ns *html.Node) *html.Node {
	raw := ns.FirstChild
	if raw == nil || raw.Type != html.TextNode || raw.NextSibling != nil || strings.Count(strings.ToLower(raw.Data), "<p") < 2 {
		return nil
	}
	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div, Attr: ns.Attr}
	nodes, err := html.ParseFragment(strings.NewReader(raw.Data), div)
	if err != nil {
		return nil
	}
	for _, k := range nodes {
		div.AppendChild(k)
	}
	if textLen(div) < 300 || proseParagraphs(div, 2) < 2 {
		return nil
	}
	return div
}
