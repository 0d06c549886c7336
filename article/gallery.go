package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A photo essay or a gallery tells its story in the captions of its
// figures. Readability scores paragraphs by their container and their
// container's container; a caption's paragraph sits in a figcaption in a
// figure, so the gallery that holds the figures gets nothing and a short
// introduction beside them wins. findGallery notes such a gallery (after
// the furniture is gone, before readability changes the page) and Extract
// publishes it whole when the extraction missed most of its captions.

type gallery struct {
	node     *html.Node // a clone of the smallest element holding all the captioned figures
	captions []string   // their captions' texts
}

// findGallery returns the page's gallery: at least three figures with a
// caption of some length, their captions most of the text of the
// smallest element holding them all. Nil when the page has none.
func findGallery(doc *html.Node) *gallery {
	body := findBody(doc)
	if body == nil {
		return nil
	}
	var figs []*html.Node
	var caps []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Figure {
				if fc := findAtom(c, atom.Figcaption); fc != nil && textLen(fc) >= 40 {
					figs = append(figs, c)
					caps = append(caps, normText(fc))
				}
				continue
			}
			walk(c)
		}
	}
	walk(body)
	if len(figs) < 3 {
		return nil
	}
	root := figs[0].Parent
	for _, f := range figs[1:] {
		for root != nil && !isAncestor(root, f) {
			root = root.Parent
		}
	}
	if root == nil {
		return nil
	}
	g := &gallery{captions: caps}
	if g.captionLen()*2 < textLen(root) {
		return nil // an article with figures, not a gallery
	}
	g.node = cloneTree(root)
	return g
}

// missedBy reports whether the extraction holds fewer than half of the
// gallery's captions.
func (g *gallery) missedBy(extracted *html.Node) bool {
	text := normText(extracted)
	found := 0
	for _, c := range g.captions {
		if strings.Contains(text, c) {
			found++
		}
	}
	return found*2 < len(g.captions)
}

// captionLen returns the length of the gallery's captions together.
func (g *gallery) captionLen() int {
	n := 0
	for _, c := range g.captions {
		n += len(c)
	}
	return n
}

// render returns the gallery's HTML without its headline (the item's
// title says it).
func (g *gallery) render() string {
	if h := findAtom(g.node, atom.H1); h != nil && h.Parent != nil {
		h.Parent.RemoveChild(h)
	}
	var b strings.Builder
	if err := html.Render(&b, g.node); err != nil {
		return ""
	}
	return b.String()
}
