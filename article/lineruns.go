package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// lineRuns gives each short line of text that a box writes between <br>s
// beside blocks of its own an element of its own, as a browser lays it
// out: an old page's foot in one <font> ("<a>Page précédente</a> | …
// <br><table>webring</table><img><br>Site optimisé pour …<br>© …"). The
// line rules judge elements; a line that is only text between <br>s in a
// box that also holds a table is no element, and the box, holding a
// block, is no line. A box without a block of its own keeps its lines
// as they are (a post written between <br>s is the rules' to read whole),
// and so does a line of more than 30 words.
func lineRuns(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom != atom.Pre && c.DataAtom != atom.Script && c.DataAtom != atom.Style {
			lineRuns(c)
		}
	}
	if n.Type != html.ElementNode || !hasBlockChild(n) || !hasChild(n, atom.Br) {
		return
	}
	var run []*html.Node
	wrap := func() {
		words := 0
		for _, k := range run {
			words += wordCount(k)
		}
		if words > 0 && words <= 30 {
			line := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
			n.InsertBefore(line, run[0])
			for _, k := range run {
				n.RemoveChild(k)
				line.AppendChild(k)
			}
		}
		run = run[:0]
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.ElementNode && (c.DataAtom == atom.Br || c.DataAtom == atom.Hr || c.DataAtom == atom.Center || isBlock(c)):
			// (a rule and a <center> are laid out as blocks: the rule
			// stays the sibling of the foot it opens)
			wrap()
		case c.Type == html.TextNode || c.Type == html.ElementNode:
			run = append(run, c)
		}
		c = next
	}
	wrap()
}

// hasChild reports whether n has a child element of tag a.
func hasChild(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return true
		}
	}
	return false
}
