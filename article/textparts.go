package article

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// lineNumbers reports whether n is the gutter of a code block: a cell or
// box whose text is the numbers 1, 2, 3 … in order and nothing else, beside
// an element holding the code (<pre> or <code>), whatever the classes a
// highlighter gives it (Hexo's "gutter", Pygments' "linenos", Rouge's
// "rouge-gutter").
func lineNumbers(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Td, atom.Div, atom.Pre, atom.Span:
	default:
		return false
	}
	ws := strings.Fields(textOf(n))
	if len(ws) < 2 {
		return false
	}
	for i, w := range ws {
		if v, err := strconv.Atoi(w); err != nil || v != i+1 {
			return false
		}
	}
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s != n && s.Type == html.ElementNode && (s.DataAtom == atom.Pre || s.DataAtom == atom.Code || contains(s, atom.Pre) || contains(s, atom.Code)) {
			return true
		}
	}
	return false
}

// captionedImage makes a <figure> of a box among the text that holds an
// image and, after it, its caption, and nothing else: the image alone in
// its element (or bare), then an element of three to sixty words of text,
// no link, no image, no block. A blog engine may name such a box by a word
// readability reads as furniture (Serendipity's
// "serendipity_imageComment_center"): the box, the image's element and the
// caption lose their classes, the caption becomes a <figcaption>.
func captionedImage(n *html.Node) bool {
	if n.DataAtom != atom.Div || attr(n, "class") == "" {
		return false
	}
	var els []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		case c.Type == html.ElementNode:
			els = append(els, c)
		}
	}
	if len(els) != 2 {
		return false
	}
	img, caption := els[0], els[1]
	if img.DataAtom != atom.Img && (countAtom(img, atom.Img, 2) != 1 || wordCount(img) > 0 || hasBlockChild(img)) {
		return false
	}
	if caption.DataAtom == atom.Figcaption || contains(caption, atom.Img) || contains(caption, atom.A) || hasBlockChild(caption) {
		return false
	}
	if nw := wordCount(caption); nw < 3 || nw > 60 {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.A || p.DataAtom == atom.Figure {
			return false
		}
	}
	if !amongProse(n) {
		return false
	}
	dropClassID(n)
	dropClassID(img)
	dropClassID(caption)
	n.Data, n.DataAtom = "figure", atom.Figure
	caption.Data, caption.DataAtom = "figcaption", atom.Figcaption
	return true
}

// pictureImg reports whether n is an image that is a picture rather than
// an icon or a badge: an icon declares a width of at most 120 pixels, a
// height of at most 48 and an area of at most 4800 (an arrow, a "new"
// badge, a "travaux" sign, an envelope, an 88×31 button); a visitor
// counter is none either.
func pictureImg(n *html.Node) bool {
	if n.DataAtom != atom.Img {
		return false
	}
	if counterImgRe.MatchString(attr(n, "src")) {
		return false // a visitor counter's digits, drawn by a script
	}
	w, errW := strconv.Atoi(strings.TrimSpace(attr(n, "width")))
	h, errH := strconv.Atoi(strings.TrimSpace(attr(n, "height")))
	return errW != nil || errH != nil || w > 120 || h > 48 || w*h > 4800
}

// counterImgRe is the address of an old page's visitor counter image
// ("/cgi-bin/Count.cgi?df=…", "compteur.free.fr/…").
var counterImgRe = regexp.MustCompile(`(?i)count(?:er)?\.cgi|compteur|hitcount|/counter`)

// joinTabPanels opens the tabs of a text: sibling panels (role
// "tabpanel") that each still hold prose once the furniture went are
// parts of one text shown a tab at a time (an episode's notes and its
// transcript), and readability would keep the longest alone. Each panel
// is replaced by what it holds, in order. A tab of comments or reviews
// went with the furniture before.
func joinTabPanels(n *html.Node) {
	var panels []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if strings.EqualFold(attr(c, "role"), "tabpanel") {
			panels = append(panels, c)
			continue
		}
		joinTabPanels(c)
	}
	prose := 0
	for _, p := range panels {
		if proseRuns(p, 1) > 0 {
			prose++
		}
	}
	if prose < 2 {
		for _, p := range panels {
			joinTabPanels(p)
		}
		return
	}
	for _, p := range panels {
		for k := p.FirstChild; k != nil; {
			next := k.NextSibling
			p.RemoveChild(k)
			n.InsertBefore(k, p)
			k = next
		}
		n.RemoveChild(p)
	}
}

// plainPhrases takes the classes and ids off the phrases of sentences: an
// inline element with text of its parent beside it. Readability drops an
// element whose class reads as furniture, and a wire's dateline spans
// ("legendSpanClass", read as "legends") or a term's "banner-word" span
// would take their words out of the sentence.
func plainPhrases(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Span, atom.Em, atom.Strong, atom.B, atom.I, atom.Font, atom.Small, atom.Time, atom.Abbr, atom.Mark, atom.Cite:
			if (attr(c, "class") != "" || attr(c, "id") != "") && !hiddenNode(c) && inRunningText(c) {
				c.Attr = slices.DeleteFunc(c.Attr, func(a html.Attribute) bool { return a.Key == "class" || a.Key == "id" })
			}
		}
		plainPhrases(c)
	}
}
