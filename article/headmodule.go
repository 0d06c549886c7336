package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// freeHeadingModule takes a subheading out of the wrappers that hold it
// alone, when text follows them: a site builder sets each subheading in
// a module of its own ("j-module j-header", a "heading-block", Avada's
// "fusion-title"), and readability drops the module whose class says
// "header", or any <div> whose only text is a heading's, with the
// subheading in it. A rail's heading over a list of
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
	// The subheading takes its wrappers' place: readability drops a
	// <div> whose only text is a heading's as holding nothing of use.
	h.Parent.RemoveChild(h)
	top.Parent.InsertBefore(h, top)
	top.Parent.RemoveChild(top)
}
