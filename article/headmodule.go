package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// freeHeadingModule takes a subheading out of the wrappers that hold it
// alone, when text follows them: a site builder sets each subheading in
// a module of its own ("j-module j-header", a "heading-block", Avada's
// "fusion-title"), maybe beside the heading's empty anchor link
// (Starlight's "sl-heading-wrapper"), and readability drops the module
// whose class says "header", or any <div> whose only text is a
// heading's, with the subheading in it. A rail's heading over a list of
// links, with no sentence after it, keeps its wrappers' classes and
// whatever rules know it by.
func freeHeadingModule(h *html.Node) {
	top := h
	for top.Parent != nil && onlyTextElement(top.Parent) == top && (top.Parent.DataAtom == atom.Div || top.Parent.DataAtom == atom.Section) {
		top = top.Parent
	}
	if top == h {
		return
	}
	next := nextElement(top)
	if next == nil || !proseBlock(next) {
		return
	}
	// The subheading takes its wrappers' place: readability drops a
	// <div> whose only text is a heading's as holding nothing of use.
	h.Parent.RemoveChild(h)
	top.Parent.InsertBefore(h, top)
	top.Parent.RemoveChild(top)
}

// onlyTextElement returns n's one child element with text in it when
// its other child elements are empty links or icons (a heading's anchor
// link), and no text sits between them; else nil.
func onlyTextElement(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil
		case c.Type != html.ElementNode:
		case textLen(c) == 0 && !pictured(c) && (c.DataAtom == atom.A || c.DataAtom == atom.Span || c.DataAtom == atom.Svg || c.DataAtom == atom.I):
			// an anchor link, an icon (a box emptied of its text is not)
		case only != nil:
			return nil
		default:
			only = c
		}
	}
	return only
}
