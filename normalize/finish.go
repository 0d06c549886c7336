package normalize

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// The feed allowlist, applied straight to the tree: finish walks the tree
// once and writes what feedPolicy (bluemonday) would keep of the tree's
// rendering, without rendering, tokenizing and regex-matching it again.
// The walk keeps bluemonday's rules to the letter, quirks included (a link
// whose only URL was refused keeps its rel; an element that loses all its
// attributes and needs one drops its tags but keeps its text), so that the
// output is byte for byte the policy's. Trees holding anything whose
// rendering would not tokenize back into the same nodes (raw-text elements,
// foreign content, comments, unusual names) go the slow way, through
// html.Render and feedPolicy.

// finish returns the sanitized HTML of the children of root and the first
// absolute http(s) image src in it (what firstImg would find). size, the
// length of the source HTML, sizes the output buffer.
func finish(root *html.Node, r *resolver, size int) (string, string) {
	if out, img, ok := finishFast(root, r, size); ok {
		return out, img
	}
	out := finishSlow(root)
	return out, firstImg(out)
}

// finishFast is finish by the tree walk; false when the tree needs the
// slow way.
func finishFast(root *html.Node, r *resolver, size int) (string, string, bool) {
	w := writer{r: r}
	w.b.Grow(size)
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if !w.node(c) {
			return "", "", false
		}
	}
	return strings.TrimSpace(stripInvalid(w.b.String())), w.img, true
}

// writer replays bluemonday's sanitizing loop over the tokens html.Render
// would write for a tree.
type writer struct {
	b         strings.Builder
	skip      bool     // skipElementContent
	skipCount int      // skippingElementsCount
	skipClose []string // closingTagToSkipStack
	img       string   // first http(s) image src written
	attrs     []html.Attribute
	r         *resolver // memo of validURL; may be nil
}

// node writes n and its subtree; false means the tree needs the slow way.
func (w *writer) node(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return true
	case html.ElementNode:
	default:
		return false
	}
	flags := tagFlags(n)
	if n.Namespace != "" || flags&tagSlow != 0 || !plainName(n.Data) {
		return false
	}
	for _, a := range n.Attr {
		// The tokenizer would read a NUL back as U+FFFD.
		if a.Namespace != "" || !plainName(a.Key) || strings.IndexByte(a.Val, 0) >= 0 {
			return false
		}
	}
	if flags&tagVoid != 0 {
		if n.FirstChild != nil {
			return false
		}
		w.startTag(n, flags, true)
		return true
	}
	w.startTag(n, flags, false)
	if c := n.FirstChild; c != nil && c.Type == html.TextNode && strings.HasPrefix(c.Data, "\n") && (n.Data == "pre" || n.Data == "listing") {
		w.text("\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !w.node(c) {
			return false
		}
	}
	w.endTag(n, flags)
	return true
}

func (w *writer) text(s string) {
	if !w.skip {
		escapeTo(&w.b, s)
	}
}

func (w *writer) startTag(n *html.Node, flags uint8, selfClosing bool) {
	name, attrs := n.Data, n.Attr
	el, ok := lookupAllowed(n)
	if !ok {
		if !selfClosing && flags&tagSkipPolicy != 0 {
			w.skip = true
			w.skipCount++
		}
		return
	}
	if len(attrs) != 0 {
		attrs = w.sanitizeAttrs(name, attrs, el)
	}
	if len(attrs) == 0 && !el.noAttrs {
		if !selfClosing {
			w.skipClose = append(w.skipClose, name)
		}
		return
	}
	if w.skip {
		return
	}
	w.b.WriteByte('<')
	w.b.WriteString(name)
	for _, a := range attrs {
		w.b.WriteByte(' ')
		w.b.WriteString(a.Key)
		w.b.WriteString(`="`)
		escapeTo(&w.b, a.Val)
		w.b.WriteByte('"')
	}
	if selfClosing {
		w.b.WriteString("/>")
	} else {
		w.b.WriteByte('>')
	}
	if name == "img" && w.img == "" {
		for _, a := range attrs {
			if a.Key == "src" {
				if v := stripInvalid(a.Val); strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
					w.img = v
					break
				}
			}
		}
	}
}

func (w *writer) endTag(n *html.Node, flags uint8) {
	name := n.Data
	if n := len(w.skipClose); n > 0 && w.skipClose[n-1] == name {
		w.skipClose = w.skipClose[:n-1]
		return
	}
	if _, ok := lookupAllowed(n); !ok {
		if flags&tagSkipPolicy != 0 {
			w.skipCount--
			if w.skipCount == 0 {
				w.skip = false
			}
		}
		return
	}
	if !w.skip {
		w.b.WriteString("</")
		w.b.WriteString(name)
		w.b.WriteByte('>')
	}
}

// sanitizeAttrs keeps the allowed attributes of an allowed element, checks
// its URLs as bluemonday's RequireParseableURLs does and marks links
// nofollow. The result is only valid until the next call.
func (w *writer) sanitizeAttrs(name string, attrs []html.Attribute, el allowed) []html.Attribute {
	clean := w.attrs[:0]
	for _, a := range attrs {
		rule, ok := el.attrs[a.Key]
		if !ok || (rule != nil && !rule(a.Val)) {
			continue
		}
		switch {
		case a.Key == "href" && name == "a",
			a.Key == "cite" && (name == "blockquote" || name == "del" || name == "ins" || name == "q"),
			a.Key == "src" && name == "img":
			v, ok := w.r.valid(a.Val)
			if !ok {
				continue
			}
			a.Val = v
		}
		clean = append(clean, a)
	}
	w.attrs = clean
	if name != "a" || !slices.ContainsFunc(clean, func(a html.Attribute) bool { return a.Key == "href" }) {
		return clean
	}
	rel := false
	for i := range clean {
		if clean[i].Key == "rel" {
			rel = true
			if !strings.Contains(clean[i].Val, "nofollow") {
				clean[i].Val += " nofollow"
			}
		}
	}
	if !rel {
		clean = append(clean, html.Attribute{Key: "rel", Val: "nofollow"})
		w.attrs = clean
	}
	return clean
}

// escaped marks the bytes html.EscapeString escapes.
var escaped = [256]bool{'&': true, '\'': true, '<': true, '>': true, '"': true, '\r': true}

// escapeTo writes s escaped as html.EscapeString does.
func escapeTo(b *strings.Builder, s string) {
	for {
		i := 0
		for i < len(s) && !escaped[s[i]] {
			i++
		}
		if i == len(s) {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\r':
			b.WriteString("&#13;")
		}
		s = s[i+1:]
	}
}
