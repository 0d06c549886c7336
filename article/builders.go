package article

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page builders and component CMSs write their blocks in markup of their
// own: records that should be siblings, image boxes that are not
// <figure>s, quotes without a <blockquote>, component classes under a
// prefix a consent manager uses too. The rules here read that markup as
// its author meant it, before the furniture rules judge it.

// liftRecords puts back in line the records of a page builder that builds
// a page as a flat list of records, each a top-level block (Tilda's
// `<div class="r t-rec" data-record-type="…">` under #allrecords: a text
// field, a title, an image, a quote, a form, each its own record). A
// record whose template leaves a <div> unclosed (a text record missing
// its last </div>) makes the parser nest every later record inside it,
// down to the footer: one block then holds the end of the article, the
// related cards and the cookie notice, and the furniture rules that drop
// such a block take the article's last records with it. A record found
// inside another is moved, with the siblings that follow it, to follow
// that record, as the page's author wrote it; then each record gives its
// place to its content under the layout wrappers.
func liftRecords(doc *html.Node) {
	var records []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if builderRecord(c) {
				records = append(records, c)
			}
			walk(c)
		}
	}
	walk(doc)
	for _, r := range records {
		outer := enclosingRecord(r)
		if outer == nil || outer.Parent == nil {
			continue
		}
		// r and what follows it in its parent were written after outer.
		at := outer.NextSibling
		for c := r; c != nil; {
			next := c.NextSibling
			c.Parent.RemoveChild(c)
			outer.Parent.InsertBefore(c, at)
			c = next
		}
	}
	// A record's wrappers are layout (T004's t004, t-container, t-col
	// around the text field): under them, readability scores each
	// record's text too deep to join the records of a short page, and
	// keeps one. The record's content takes the record's place.
	for _, r := range records {
		if inner := unwrapChain(r); inner != r && r.Parent != nil {
			inner.Parent.RemoveChild(inner)
			r.Parent.InsertBefore(inner, r)
			r.Parent.RemoveChild(r)
		}
	}
}

// builderRecord reports whether n is a record of a page builder that
// lays a page out as a list of records: Tilda's "t-rec" with its
// data-record-type.
func builderRecord(n *html.Node) bool {
	if _, ok := attrOK(n, "data-record-type"); !ok {
		return false
	}
	for _, tok := range strings.Fields(attr(n, "class")) {
		if tok == "t-rec" {
			return true
		}
	}
	return false
}

// enclosingRecord returns the nearest record n is inside, or nil.
func enclosingRecord(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && builderRecord(p) {
			return p
		}
	}
	return nil
}

// imageFigures makes a <figure> of an image box that a template marks up
// as a schema.org ImageObject instead (Tilda's image record with its
// title and description fields, an AEM image component with its
// caption): the box holds the image and its caption lines, marked
// itemprop "caption", "description" or "name". As a figure and its
// caption, the lines are the caption's for the rules that follow (a
// credit "Photo : … / …" is not a byline) and for readability, which
// keeps a figure's caption with its image. Boxes that hold a figure, or
// are in one, are left as they are.
func imageFigures(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.Figure {
			continue
		}
		if imageObject(c) && contains(c, atom.Img) && !contains(c, atom.Figure) {
			lines := captionLines(c)
			if t := soleText(c); len(lines) == 0 && t != nil && countAtom(c, atom.Img, 2) == 1 {
				if nw := wordCount(t); nw >= 3 && nw <= 60 {
					lines = []*html.Node{t} // a theme's caption box, no itemprop (Enfold's "av-image-caption-overlay")
				}
			}
			if len(lines) > 0 {
				c.Data, c.DataAtom = "figure", atom.Figure
				caption := lines[0].Parent
				for _, l := range lines {
					if l.Parent != caption {
						caption = nil
						break
					}
				}
				if caption != nil && caption != c && !contains(caption, atom.Img) {
					lines = []*html.Node{caption} // the title and the credit, one caption
				}
				for _, l := range lines {
					l.Data, l.DataAtom = "figcaption", atom.Figcaption
					for p := l.Parent; p != nil && p != c; p = p.Parent {
						dropClassID(p) // the caption's boxes are the figure's, not an overlay's
					}
				}
				continue
			}
		}
		imageFigures(c)
	}
}

// imageObject reports whether n is the scope of a schema.org ImageObject.
func imageObject(n *html.Node) bool {
	if _, ok := attrOK(n, "itemscope"); !ok {
		return false
	}
	return strings.HasSuffix(strings.ToLower(strings.TrimSpace(attr(n, "itemtype"))), "/imageobject")
}

// captionLines returns the elements under an ImageObject's scope that
// give its caption in text: itemprop caption, description or name, not
// a <meta>, not in a nested scope.
func captionLines(scope *html.Node) []*html.Node {
	var lines []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if _, ok := attrOK(c, "itemscope"); ok {
				continue
			}
			switch c.DataAtom {
			case atom.Meta, atom.Img, atom.A:
				continue
			}
			for _, p := range strings.Fields(strings.ToLower(attr(c, "itemprop"))) {
				if (p == "caption" || p == "description" || p == "name") && textLonger(c, 0) {
					lines = append(lines, c)
					break
				}
			}
			if len(lines) > 0 && lines[len(lines)-1] == c {
				continue
			}
			walk(c)
		}
	}
	walk(scope)
	return lines
}

// componentName reads a class token of a component-per-div CMS, Adobe
// Experience Manager's components ("cmp-image", "cmp-quote",
// "cmp-teaser--promo", their parts "cmp-image__title"), as the
// component's type ("image", "quote", "teaser--promo", "image__title").
// The prefix is also a consent manager's ("cmp-open", a consent box's
// "cmp-banner"), so a token is a component's only when the element is
// one (see component); a part, when it is inside its component.
func componentName(n *html.Node, tok string) (string, bool) {
	name, ok := strings.CutPrefix(tok, "cmp-")
	if !ok || name == "" {
		return "", false
	}
	block, _, _ := strings.Cut(tok, "--")
	if root, _, isPart := strings.Cut(block, "__"); isPart {
		for p := n.Parent; p != nil; p = p.Parent {
			if slices.Contains(strings.Fields(attr(p, "class")), root) {
				return name, component(p, root)
			}
		}
		return "", false
	}
	return name, component(n, block)
}

// component reports whether n, of class token block ("cmp-quote"), is a
// component: the core components say so by their data-cmp-is attribute,
// and AEM wraps every component, custom ones too, in a <div> named by
// its type ("<div class="quote aem-GridColumn">").
func component(n *html.Node, block string) bool {
	if _, ok := attrOK(n, "data-cmp-is"); ok {
		return true
	}
	typ := strings.TrimPrefix(block, "cmp-")
	return n.Parent != nil && slices.Contains(strings.Fields(attr(n.Parent, "class")), typ)
}

// quoteAuthorLine reports whether n is the author line of a quote that a
// page builder's quote block sets without a <blockquote> (Tilda's T181:
// a text field, then "t181__author"; a testimonial widget's name line):
// a short line whose class says author, name or citation, right after a
// block that is a quotation, in quotation marks.
func quoteAuthorLine(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span, atom.Cite, atom.Footer:
	default:
		return false
	}
	if hasBlockChild(n) || contains(n, atom.A) || wordCount(n) > 20 || !authorClassRe.MatchString(attr(n, "class")) {
		return false
	}
	prev := prevElement(n)
	if prev == nil || wordCount(prev) < 5 {
		return false
	}
	q := strings.TrimRight(strings.TrimSpace(textOf(prev)), ".!?…")
	open, _ := utf8.DecodeRuneInString(q)
	end, _ := utf8.DecodeLastRuneInString(q)
	return strings.ContainsRune(`«“"„`, open) && strings.ContainsRune(`»”"“`, end)
}

// authorClassRe matches a class that names a quote's author line.
var authorClassRe = regexp.MustCompile(`(?i)author|name|cite|citation|attribution`)

// soleText returns the element that holds all the text under n and no
// image, the lowest one, or nil when n has no text or its text and an
// image share every element.
func soleText(n *html.Node) *html.Node {
	var texts []*html.Node
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			switch {
			case k.Type == html.TextNode && strings.TrimSpace(k.Data) != "":
				texts = append(texts, k)
			case k.Type == html.ElementNode && k.DataAtom != atom.Script && k.DataAtom != atom.Style:
				walk(k)
			}
		}
	}
	walk(n)
	if len(texts) == 0 {
		return nil
	}
	common := texts[0].Parent
	for _, t := range texts[1:] {
		for common != nil && !isAncestor(common, t) {
			common = common.Parent
		}
	}
	if common == nil || common == n || !isAncestor(n, common) || contains(common, atom.Img) {
		return nil
	}
	return common
}
