package normalize

import (
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// relLink is the rel value every link in sanitized content carries.
const relLink = "nofollow noopener"

// srcsetRe matches the srcset values rewriteURLs produces: absolute http(s)
// candidates with an optional width or density descriptor.
var srcsetRe = regexp.MustCompile(`^https?://\S+(?: [0-9]+(?:\.[0-9]+)?[wx])?(?:, https?://\S+(?: [0-9]+(?:\.[0-9]+)?[wx])?)*$`)

// feedPolicy is the bluemonday policy for feed readers, built once; a
// bluemonday policy is safe for concurrent use once built. finish applies
// it without bluemonday for most trees (allowlist mirrors it); finishSlow
// applies it with bluemonday to the rest, and FuzzFinish checks that both
// agree byte for byte.
var feedPolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "div", "ul", "ol", "li", "dl", "dt", "dd",
		"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "pre", "code",
		"em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark",
		"del", "ins", "abbr", "cite", "figure", "figcaption", "hr",
		"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^` + relLink + `$`)).OnElements("a")
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowAttrs("srcset").Matching(srcsetRe).OnElements("img")
	p.AllowAttrs("width", "height").Matching(bluemonday.NumberOrPercent).OnElements("img")
	p.AllowAttrs("cite").OnElements("blockquote", "q", "del", "ins")
	p.AllowAttrs("title").OnElements("abbr", "a", "img")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("td", "th")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(?:row|col|rowgroup|colgroup)$`)).OnElements("th")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.RequireNoFollowOnLinks(true)
	return p
})

// Sanitize returns html made safe for feed readers: relative src, href,
// srcset and cite URLs resolved against base (kept relative when base is
// not an absolute http(s) URL), tracking parameters removed (the built-in
// list plus tracking), 1×1 and 0×0 tracking pixels dropped, links marked
// rel="nofollow noopener", and everything but a reader's basic elements
// removed: no script, style, iframe, object, form, on* or style attributes,
// javascript:, vbscript: or data: URLs. Text without any tag becomes
// paragraphs. It does not remove site chrome (Feed does). Safe for
// concurrent use.
func Sanitize(html, base string, tracking []string) string {
	root := parseFragment(mapC1(html))
	r := newResolver(parseBase(base), newTracker(tracking))
	embedsAsLinks(root, r)
	rewriteURLs(root, r)
	tidy(root)
	out, _ := finish(root, r, len(html))
	return out
}

// parseFragment parses s as the content of a body element and returns that
// element. Text without any element becomes paragraphs and line breaks.
func parseFragment(s string) *html.Node {
	root := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	s = stripInvalid(s)
	nodes, err := html.ParseFragment(strings.NewReader(s), root)
	if err != nil {
		nodes = []*html.Node{{Type: html.TextNode, Data: s}}
	}
	textOnly := true
	for _, n := range nodes {
		root.AppendChild(n)
		if n.Type != html.TextNode {
			textOnly = false
		}
	}
	if textOnly && strings.Contains(s, "\n") {
		paragraphs(root)
	}
	return root
}

// paragraphs turns the text of root into paragraphs at blank lines and
// line breaks at single newlines.
func paragraphs(root *html.Node) {
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(c.Data)
	}
	for c := root.FirstChild; c != nil; c = root.FirstChild {
		root.RemoveChild(c)
	}
	text := strings.ReplaceAll(b.String(), "\r\n", "\n")
	for para := range strings.SplitSeq(text, "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		first := true
		for line := range strings.SplitSeq(strings.TrimSpace(para), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			if !first {
				p.AppendChild(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br})
			}
			first = false
			p.AppendChild(&html.Node{Type: html.TextNode, Data: strings.TrimSpace(line)})
		}
		root.AppendChild(p)
	}
}

// rewriteURLs resolves and cleans the URLs of the tree, marks links, and
// removes script-like elements, comments and tracking pixels. It returns the
// src of each pixel removed.
func rewriteURLs(n *html.Node, r *resolver) (pixels []string) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type != html.ElementNode:
		case tagFlags(c)&tagSkipContent != 0:
			n.RemoveChild(c)
		default:
			if src, drop := rewriteElement(c, r); drop {
				n.RemoveChild(c)
				if src != "" {
					pixels = append(pixels, src)
				}
				break
			}
			pixels = append(pixels, rewriteURLs(c, r)...)
		}
		c = next
	}
	return pixels
}

// rewriteElement cleans the URL attributes of one element. It reports drop
// for an image without a usable src, and for a tracking pixel, whose src
// it returns.
func rewriteElement(n *html.Node, r *resolver) (src string, drop bool) {
	if n.DataAtom == atom.Img {
		unlazy(n, r)
	}
	attrs := n.Attr[:0]
	hasHref := false
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case a.Namespace != "":
			continue
		case key == "rel" && n.Data == "a":
			continue
		case key == "href" || key == "src" || key == "cite" || key == "poster":
			v, ok := r.clean(a.Val)
			if !ok {
				continue
			}
			a.Val = v
			hasHref = hasHref || key == "href"
			if key == "src" {
				src = v
			}
		case key == "srcset":
			v := cleanSrcset(a.Val, r)
			if v == "" {
				continue
			}
			a.Val = v
		}
		attrs = append(attrs, a)
	}
	n.Attr = attrs
	if n.Data == "a" && hasHref {
		n.Attr = append(n.Attr, html.Attribute{Key: "rel", Val: relLink})
	}
	switch {
	case n.Data != "img":
		return "", false
	case src == "":
		return "", true
	case isPixel(n, src):
		return src, true
	}
	return src, false
}

// finishSlow renders the children of root and passes them through the
// sanitizing policy: the way of finish for trees it cannot walk itself.
func finishSlow(root *html.Node) string {
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return ""
		}
	}
	return strings.TrimSpace(stripInvalid(feedPolicy().Sanitize(b.String())))
}

// tidyTags lists the containers removed when chrome removal or sanitizing
// leaves them without text or media.
var tidyTags = map[string]bool{
	"p": true, "div": true, "ul": true, "ol": true, "li": true, "dl": true,
	"blockquote": true, "figure": true, "figcaption": true, "span": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"section": true, "aside": true, "header": true, "footer": true, "nav": true,
	"a": true, "em": true, "strong": true, "b": true, "i": true, "small": true,
}

// tidy removes empty containers below n and reports whether n itself is
// empty (no text, no image, rule or table).
func tidy(n *html.Node) (empty bool) {
	empty = true
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				empty = false
			}
		case html.ElementNode:
			switch {
			case c.Data == "img" || c.Data == "hr" || c.Data == "table" || c.Data == "video" || c.Data == "audio":
				empty = false
			case c.Data == "br":
			case tidy(c) && tagFlags(c)&tagTidy != 0:
				n.RemoveChild(c)
			default:
				empty = false
			}
		}
		c = next
	}
	return empty
}
