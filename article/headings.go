package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flatHeadings unwraps the blocks a heading holds: a documentation
// site's subheading is an anchor icon's <div> and a <div> of its words
// ("<h2><div><a href="#…">🔗</a></div><div>Nouveautés</div></h2>"), which
// readability, turning the second <div> into a paragraph, loses with its
// heading. A heading holds phrasing content only; its words stay, as the
// heading's own.
func flatHeadings(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			unwrapBlocks(c)
			continue
		}
		flatHeadings(c)
	}
}

// unwrapBlocks replaces each <div>, <p> or <section> below n with its
// children, set apart by spaces.
func unwrapBlocks(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			unwrapBlocks(c)
			switch c.DataAtom {
			case atom.Div, atom.P, atom.Section:
				// A space each side: the words of two blocks stay apart.
				n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, c)
				for k := c.FirstChild; k != nil; k = c.FirstChild {
					c.RemoveChild(k)
					n.InsertBefore(k, c)
				}
				n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, c)
				n.RemoveChild(c)
			}
		}
		c = next
	}
}
