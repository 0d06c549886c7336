package main

import (
	"encoding/xml"
	"fmt"
	"html"
	"regexp"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// xnode is an element of a parsed XML output.
type xnode struct {
	name     xml.Name
	attrs    []xml.Attr
	text     strings.Builder // character data directly inside
	children []*xnode
}

// parseXML parses an XML document strictly into a tree.
func parseXML(doc string) (*xnode, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	d.Strict = true
	root := &xnode{}
	stack := []*xnode{root}
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return root, nil
			}
			return nil, err
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: tok.Name, attrs: tok.Attr}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text.Write(tok)
		}
	}
}

func (n *xnode) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// toHTML converts an XHTML subtree (Atom type="xhtml") into an HTML tree
// for the same checks.
func (n *xnode) toHTML() *xhtml.Node {
	h := &xhtml.Node{Type: xhtml.ElementNode, Data: n.name.Local}
	for _, a := range n.attrs {
		key := a.Name.Local
		if a.Name.Space == "http://www.w3.org/1999/xlink" || a.Name.Space == "xlink" {
			key = "xlink:" + key
		}
		h.Attr = append(h.Attr, xhtml.Attribute{Key: key, Val: a.Value})
	}
	for _, ch := range n.children {
		h.AppendChild(ch.toHTML())
	}
	return h
}

// xml walks an Atom, RSS or OPML output.
func (c *xssChecker) xml(where string, n *xnode) {
	local := n.name.Local
	text := n.text.String()
	atom := strings.HasSuffix(where, ".atom")
	if local == "entry" {
		c.items++
	}
	switch local {
	case "title", "subtitle", "name", "creator", "category", "author":
		if typ := n.attr("type"); typ == "html" || typ == "xhtml" {
			c.fail(where, "<%s type=%q>: titles must be plain text", local, typ)
		}
		if local != "author" || len(n.children) == 0 {
			c.plain(where+" <"+local+">", text)
		}
	case "content", "summary", "description", "encoded":
		switch typ := n.attr("type"); {
		case typ == "xhtml":
			for _, ch := range n.children {
				c.html(where+" <"+local+" type=xhtml>", ch.toHTML())
			}
		case typ == "text" || (atom && typ == ""):
			// Plain text by definition.
		default:
			c.fragment(where+" <"+local+">", text)
		}
	case "link", "comments", "url", "icon", "logo", "uri", "docs":
		if len(n.children) == 0 {
			c.url(where+" <"+local+">", text)
		}
	case "guid":
		if n.attr("isPermaLink") != "false" {
			c.url(where+" <guid>", text)
		}
	}
	for _, a := range n.attrs {
		switch a.Name.Local {
		case "href", "url", "xmlUrl", "htmlUrl", "src", "base":
			c.url(where+" <"+local+" "+a.Name.Local+">", a.Value)
		case "term", "label", "text", "title":
			c.plain(where+" <"+local+" "+a.Name.Local+">", a.Value)
		}
	}
	for _, ch := range n.children {
		c.xml(where, ch)
	}
}

// json walks a JSON Feed: content_html is HTML, titles, names, tags and
// summaries are plain text, and every URL field is checked.
func (c *xssChecker) json(where, key string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, val := range v {
			c.json(where, k, val)
		}
	case []any:
		for _, val := range v {
			c.json(where, key, val)
		}
	case string:
		switch key {
		case "content_html":
			c.fragment(where+" content_html", v)
		case "title", "name", "tags", "summary":
			c.plain(where+" "+key, v)
		case "url", "external_url", "image", "banner_image", "home_page_url", "feed_url", "icon", "favicon", "next_url", "avatar":
			c.url(where+" "+key, v)
		}
	}
}

// xssChecker collects what is executable in outputs.
type xssChecker struct {
	trusted                          map[string]bool
	problems                         []string
	elements, urls, texts, fragments int
	items                            int
}

var (
	tagLike      = regexp.MustCompile(`<[a-zA-Z!/?]`)
	badElements  = map[string]bool{"script": true, "iframe": true, "frame": true, "frameset": true, "object": true, "embed": true, "applet": true, "base": true, "form": true, "svg": true, "math": true, "style": true, "template": true, "noscript": true, "isindex": true}
	urlAttrs     = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true, "background": true, "data": true, "xlink:href": true, "cite": true, "lowsrc": true, "dynsrc": true, "ping": true, "manifest": true, "codebase": true, "longdesc": true, "usemap": true}
	badStyle     = regexp.MustCompile(`(?i)expression|javascript:|vbscript:|@import|behavio(u)?r|-moz-binding|url\(`)
	stripForURL  = regexp.MustCompile(`[\x00-\x20\x7f]+`)
	xmlPlainKeys = map[string]bool{"title": true, "name": true, "category": true, "creator": true, "author": true}
)

func (c *xssChecker) fail(where, format string, args ...any) {
	c.problems = append(c.problems, where+": "+fmt.Sprintf(format, args...))
}

// url fails a javascript:, vbscript: or data: URL, however disguised by
// entities, case, whitespace or control characters.
func (c *xssChecker) url(where, v string) {
	c.urls++
	s := strings.ToLower(stripForURL.ReplaceAllString(html.UnescapeString(html.UnescapeString(v)), ""))
	for _, scheme := range []string{"javascript:", "vbscript:", "data:", "livescript:"} {
		if strings.HasPrefix(s, scheme) {
			c.fail(where, "executable URL %q", v)
		}
	}
}

// plain checks a plain-text field. Since issue 13 a title keeps text in
// angle brackets as text ("Vector<T>", "the <blink> tag"): every output
// escapes it. What must never be there is what would run in a reader that
// wrongly renders the field as HTML: the field is parsed as HTML and
// checked as a fragment is. Text the operator wrote in the config
// (c.trusted) is exempt: it is still checked wherever it lands in HTML.
func (c *xssChecker) plain(where, s string) {
	c.texts++
	if tagLike.MatchString(s) && !c.trusted[strings.TrimSpace(s)] {
		c.fragment(fmt.Sprintf("%s %q read as HTML", where, s), s)
	}
}

// fragment parses s as HTML, as a reader displaying it would, and checks it.
func (c *xssChecker) fragment(where, s string) {
	c.fragments++
	if c.trusted[strings.TrimSpace(s)] {
		return // the operator's own markup (a section description in RSS)
	}
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		c.fail(where, "unparsable HTML: %v", err)
		return
	}
	for _, n := range nodes {
		c.html(where, n)
	}
}

// html walks a parsed HTML tree.
func (c *xssChecker) html(where string, n *xhtml.Node) {
	if n.Type == xhtml.ElementNode {
		c.elements++
		name := strings.ToLower(n.Data)
		if badElements[name] {
			c.fail(where, "<%s> element", name)
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			switch {
			case strings.HasPrefix(key, "on"):
				c.fail(where, "event handler %s=%q on <%s>", key, a.Val, name)
			case key == "srcdoc":
				c.fail(where, "srcdoc on <%s>", name)
			case key == "style" && badStyle.MatchString(a.Val):
				c.fail(where, "style injection %q on <%s>", a.Val, name)
			case key == "srcset":
				for _, cand := range strings.Split(a.Val, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						c.url(where+" srcset", f[0])
					}
				}
			case urlAttrs[key] || strings.HasSuffix(key, ":href"):
				c.url(where+" <"+name+" "+key+">", a.Val)
			case name == "meta" && key == "content" && strings.Contains(strings.ToLower(a.Val), "url="):
				c.fail(where, "meta refresh %q", a.Val)
			}
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.html(where, ch)
	}
}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return b.String()
}
