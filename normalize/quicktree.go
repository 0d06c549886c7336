package normalize

// The tree construction rules of quickFragment: what x/net/html's parser
// does, in its "in body" insertion mode, with the start and end tags the
// fast path takes, and where the fast path gives up.

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Categories of start tags, by what the parser's "in body" mode does with
// them.
const (
	qpOther      = iota // beyond the fast path
	qpPlain             // inserted, nothing else
	qpFormatting        // inserted and listed as an active formatting element
	qpLink              // a: a formatting element that first closes an open a
	qpBlock             // closes an open p first
	qpHeading           // closes an open p and an open heading first
	qpListItem          // li: closes an open li first
	qpDefItem           // dd, dt: close an open dd or dt first
	qpVoid              // inserted and closed at once
	qpRule              // hr: closes an open p, then void
	qpPre               // pre, listing: a block whose first newline is dropped
	qpRaw               // raw text up to its end tag: script, style, iframe…
	qpEscapable         // title, textarea: text with references up to the end tag
)

// qpTags are the categories of the elements the fast path knows by name.
var qpTags = func() map[string]uint8 {
	m := map[string]uint8{}
	set := func(cat uint8, names ...string) {
		for _, n := range names {
			m[n] = cat
		}
	}
	set(qpPlain, "span", "abbr", "cite", "q", "sub", "sup", "mark", "del", "ins", "dfn",
		"kbd", "samp", "var", "time", "data", "bdi", "bdo", "label", "picture", "video", "audio")
	set(qpFormatting, "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u")
	set(qpLink, "a")
	set(qpBlock, "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
		"div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main",
		"menu", "nav", "ol", "p", "search", "section", "summary", "ul")
	set(qpHeading, "h1", "h2", "h3", "h4", "h5", "h6")
	set(qpListItem, "li")
	set(qpDefItem, "dd", "dt")
	set(qpVoid, "br", "img", "wbr", "source", "track")
	set(qpRule, "hr")
	set(qpPre, "pre", "listing")
	set(qpRaw, "script", "style", "noframes", "iframe", "noembed", "noscript", "xmp")
	set(qpEscapable, "title", "textarea")
	return m
}()

// qpSpecial are the elements the fast path may hold open that x/net/html
// counts as special (isSpecialElement): they bound the search for an open
// list item.
var qpSpecial = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true,
	"dd": true, "details": true, "dir": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true, "header": true,
	"hgroup": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "listing": true, "main": true, "menu": true, "nav": true, "ol": true, "p": true, "pre": true,
	"section": true, "summary": true, "ul": true,
}

// category returns the category of a start tag of the given lower-case
// name and its atom. Names that are no known element are plain, as the
// parser's default case makes them.
func category(name string, a atom.Atom) uint8 {
	if cat, ok := qpTags[name]; ok {
		return cat
	}
	if a == 0 {
		return qpPlain
	}
	return qpOther
}

// admit closes what the parser closes before it inserts an element of
// the category: an open p before a block, an open heading before a
// heading, an open list item before a list item. It reports false when
// that is beyond the fast path: a link in a link, or a close that would
// leave a formatting element to be reopened later.
func (q *quickParser) admit(name string, cat uint8) bool {
	switch cat {
	case qpLink:
		return !q.isOpen("a")
	case qpBlock, qpRule, qpPre:
		return q.closeP()
	case qpRaw:
		return name != "xmp" || q.closeP()
	case qpHeading:
		if !q.closeP() {
			return false
		}
		if len(q.open) > 0 && qpTags[q.top().Data] == qpHeading {
			q.open = q.open[:len(q.open)-1]
		}
	case qpListItem, qpDefItem:
		for i := len(q.open) - 1; i >= 0; i-- {
			d := q.open[i].Data
			if cat == qpListItem && d == "li" || cat == qpDefItem && (d == "dd" || d == "dt") {
				if !q.popTo(i) {
					return false
				}
				break
			}
			if qpSpecial[d] && d != "address" && d != "div" && d != "p" {
				break
			}
		}
		return q.closeP()
	}
	return true
}

// closeP closes an open p, with the elements open inside it.
func (q *quickParser) closeP() bool {
	for i := len(q.open) - 1; i >= 0; i-- {
		if q.open[i].Data == "p" {
			return q.popTo(i)
		}
	}
	return true
}

// popTo closes q.open[i] and the elements open inside it; false, closing
// nothing, when one of them is a formatting element (the parser would
// reopen it at the next text).
func (q *quickParser) popTo(i int) bool {
	for _, n := range q.open[i:] {
		if c := qpTags[n.Data]; c == qpFormatting || c == qpLink {
			return false
		}
	}
	q.open = q.open[:i]
	return true
}

func (q *quickParser) isOpen(name string) bool {
	for _, n := range q.open {
		if n.Data == name {
			return true
		}
	}
	return false
}

// close does what the parser does with the end tag of name: closes the
// element it names and those open inside it, inserts what a stray </p>
// or </br> stands for, or ignores it. False when that is beyond the fast
// path.
func (q *quickParser) close(name string) bool {
	cat, known := qpTags[name]
	if !known {
		if atom.Lookup([]byte(name)) != 0 {
			return false // an element the fast path never opens
		}
		cat = qpPlain
	}
	// The nearest open element the end tag closes, and whether an
	// element between stops the search (the tag is then ignored).
	nearest := func(match func(string) bool, stop func(string) bool) int {
		for i := len(q.open) - 1; i >= 0; i-- {
			d := q.open[i].Data
			if match(d) {
				return i
			}
			if stop != nil && stop(d) {
				return -1
			}
		}
		return -1
	}
	is := func(n string) func(string) bool { return func(d string) bool { return d == n } }
	switch {
	case name == "br":
		// </br> is read as <br>.
		n := q.node()
		n.Type, n.DataAtom, n.Data = html.ElementNode, atom.Br, "br"
		q.top().AppendChild(n)
		return true
	case name == "p":
		if i := nearest(is("p"), nil); i >= 0 {
			return q.popTo(i)
		}
		// A </p> without an open p stands for an empty paragraph.
		n := q.node()
		n.Type, n.DataAtom, n.Data = html.ElementNode, atom.P, "p"
		q.top().AppendChild(n)
		return true
	case cat == qpFormatting || cat == qpLink:
		if len(q.open) > 0 && q.top().Data == name {
			q.open = q.open[:len(q.open)-1]
			return true
		}
		// Not open at all: ignored; else the adoption agency.
		return nearest(is(name), nil) < 0
	case name == "li":
		i := nearest(is("li"), func(d string) bool { return d == "ul" || d == "ol" })
		return i < 0 || q.popTo(i)
	case cat == qpHeading:
		i := nearest(func(d string) bool { return qpTags[d] == qpHeading }, nil)
		return i < 0 || q.popTo(i)
	case cat == qpBlock || cat == qpPre || cat == qpDefItem:
		i := nearest(is(name), nil)
		return i < 0 || q.popTo(i)
	case cat == qpPlain:
		// Closes the nearest element of its name unless a special one
		// comes first.
		i := nearest(is(name), func(d string) bool { return qpSpecial[d] })
		return i < 0 || q.popTo(i)
	}
	return false
}
