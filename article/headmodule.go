package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// freeHeadingModule takes the class and id off the wrappers that hold a
// subheading alone, when text follows them: a site builder sets each
// subheading in a module of its own ("j-module j-header", a
// "heading-block"), and readability drops the module whose class says
// "header" with the subheading in it. A rail's heading over a list of
// links, with no sentence after it, keeps its wrappers' classes and
// whatever rules know it by.
func freeHeadingModule(h *html.Node) {
	top := h
	for top.Parent != nil && onlyElement(top.Parent) == top && (top.Parent.DataAtom == atom.Div || top.Parent.DataAtom == atom.Section) {
		top = top.Parent
	}
	if top == h {
		return
	}
	next := nextElement(top)
	if next == nil || !proseBlock(next) {
		return
	}
	for w := h.Parent; w != top.Parent; w = w.Parent {
		dropClassID(w)
	}
}
