package article

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability keeps the container that holds most of the text; the
// standfirst and the lead image often sit above it, in the article's
// header, and are lost. findLead notes them before extraction and restore
// puts back what the extraction lacks.

// standfirstRe matches a class token, or itemprop, of a standfirst.
var standfirstRe = regexp.MustCompile(`(?i)(?:^|[-_])(?:standfirst|chapo|chapeau|excerpt|subtitle|sub-title|desc|description|dek|lede|lead|intro|summary|kicker-text)(?:$|[-_])`)

type leadParts struct {
	standfirst string     // its text, or ""
	figure     *html.Node // a clone of the lead figure, or nil
	figureSrc  string     // the src of its image, absolute
}

// findLead looks, before the first paragraph of the page, for a
// standfirst (an element named so by its class or itemprop, of 60 to 800
// characters) and for the figure of the lead image (the one showing
// og:image, else the first figure with a caption).
func findLead(doc *html.Node, base *url.URL, ogImage string) leadParts {
	var lp leadParts
	body := findBody(doc)
	if body == nil {
		return lp
	}
	first := firstParagraph(body)
	var walk func(n *html.Node) bool // false stops the walk
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c == first {
				return false
			}
			if c.Type != html.ElementNode {
				continue
			}
			if lp.standfirst == "" && isStandfirst(c) {
				if t := strings.Join(strings.Fields(textOf(c)), " "); len(t) >= 60 && len(t) <= 800 {
					lp.standfirst = t
					continue
				}
			}
			if lp.figure == nil && c.DataAtom == atom.Figure {
				if src := figureImage(c, base); src != "" && (src == ogImage || hasCaption(c)) {
					lp.figure, lp.figureSrc = cloneTree(c), src
					continue
				}
			}
			if lp.figure == nil && c.DataAtom != atom.Figure && ogImage != "" {
				// Div soup: the smallest container of the og:image and a
				// short text is the lead figure and its caption.
				if src := figureImage(c, base); src != "" && samePath(src, ogImage) {
					if t := strings.Join(strings.Fields(textOf(c)), " "); t != "" && len(t) <= 300 {
						lp.figure, lp.figureSrc = makeFigure(src, t), src
						continue
					}
				}
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(body)
	return lp
}

func samePath(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Path == ub.Path && ua.Path != "" && ua.Path != "/"
}

// makeFigure builds <figure><img src><figcaption>caption</figcaption></figure>.
func makeFigure(src, caption string) *html.Node {
	fig := &html.Node{Type: html.ElementNode, Data: "figure", DataAtom: atom.Figure}
	fig.AppendChild(&html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img, Attr: []html.Attribute{{Key: "src", Val: src}}})
	cap := &html.Node{Type: html.ElementNode, Data: "figcaption", DataAtom: atom.Figcaption}
	cap.AppendChild(&html.Node{Type: html.TextNode, Data: caption})
	fig.AppendChild(cap)
	return fig
}

func isStandfirst(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H2, atom.H3, atom.Section, atom.Span, atom.Strong:
	default:
		return false
	}
	if contains(n, atom.H1) {
		return false // the headline's container, not a standfirst
	}
	if strings.EqualFold(attr(n, "itemprop"), "description") {
		return true
	}
	for _, tok := range strings.Fields(attr(n, "class")) {
		if standfirstRe.MatchString(tok) {
			return true
		}
	}
	return false
}

// firstParagraph returns the first <p> of the page with a sentence in it.
func firstParagraph(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isStandfirst(c) {
			continue
		}
		if c.DataAtom == atom.P && len(strings.Fields(textOf(c))) >= 12 {
			return c
		}
		if p := firstParagraph(c); p != nil {
			return p
		}
	}
	return nil
}

func figureImage(fig *html.Node, base *url.URL) string {
	var src string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if src != "" {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Img || n.Data == "amp-img") {
			src = absolute(base, attr(n, "src"))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(fig)
	return src
}

func hasCaption(fig *html.Node) bool {
	var found bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Figcaption && textLen(n) > 0 {
			found = true
		}
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			walk(c)
		}
	}
	walk(fig)
	return found
}

// restore prepends to the extracted HTML the standfirst and the lead
// figure it lacks.
func (lp leadParts) restore(extracted string, node *html.Node) string {
	var pre strings.Builder
	if lp.standfirst != "" && !strings.Contains(strings.Join(strings.Fields(textOf(node)), " "), lp.standfirst) {
		pre.WriteString("<p>" + html.EscapeString(lp.standfirst) + "</p>\n")
	}
	if lp.figure != nil && !strings.Contains(extracted, lp.figureSrc) && !hasImage(node, lp.figureSrc) {
		var b strings.Builder
		if html.Render(&b, lp.figure) == nil {
			pre.WriteString(b.String() + "\n")
		}
	}
	if pre.Len() == 0 {
		return extracted
	}
	return pre.String() + extracted
}

func hasImage(n *html.Node, src string) bool {
	if n == nil {
		return false
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Img && strings.Contains(src, attr(n, "src")) && attr(n, "src") != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasImage(c, src) {
			return true
		}
	}
	return false
}

func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}
