package normalize

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// quickFragment builds the tree html.ParseFragment builds for s in a body
// context, without the HTML5 tree construction machinery, for the
// fragments where that construction is nesting and the few implicit closes
// reproduced here: an end tag closes the element it names with those open
// inside it, an open p closes before a block, an open list item before a
// list item, raw text (script, style, iframe…) runs to its end tag. It
// reports false for anything the parser would reopen (a formatting element
// closed by another's end tag), adopt (misnested formatting, a link in a
// link) or reorder (tables, forms, select, foreign content, templates), and
// for tokens beyond the simple kinds it reads as x/net/html's tokenizer
// does; the caller then parses with x/net/html. The fast path decides
// nothing about safety, it only builds the same tree: FuzzQuickFragment
// and TestQuickFragmentRandom compare the two node for node. s must be
// free of NUL (parseFragment strips it).
//
// Text and attribute values that need no decoding are substrings of s, and
// nodes and attributes are allocated in chunks.
func quickFragment(s string) (*html.Node, bool) {
	if strings.IndexByte(s, 0) >= 0 {
		return nil, false
	}
	q := quickParser{s: s}
	// At most one element per '<' that is no "</", one text node per '<'
	// and one more, and the root.
	lt := strings.Count(s, "<")
	q.left = 2 + 2*lt - strings.Count(s, "</")
	q.root = q.node()
	q.root.Type, q.root.Data, q.root.DataAtom = html.ElementNode, "body", atom.Body
	if !q.parse() {
		return nil, false
	}
	q.endMerge()
	return q.root, true
}

// Bounds of the fast path, so that no input makes its per-tag work grow
// with the input: elements open at once, attributes of one tag.
const (
	maxQuickDepth = 256
	maxQuickAttrs = 64
)

// quickParser is the state of quickFragment.
type quickParser struct {
	s     string
	root  *html.Node
	open  []*html.Node     // open elements below root, innermost last
	nodes []html.Node      // a chunk of nodes, never grown
	left  int              // nodes still to be allocated, at most
	attrs []html.Attribute // attribute slab; elements take capped slices of it
	keys  []html.Attribute // the current tag's attributes
	// The text node that text runs are being merged into, and its text.
	merged *html.Node
	buf    []byte
}

// node returns a new node from the chunk; chunks are small, so that a
// fragment given up on early wastes little.
func (q *quickParser) node() *html.Node {
	if len(q.nodes) == cap(q.nodes) {
		q.nodes = make([]html.Node, 0, max(1, min(q.left, 32)))
	}
	q.left--
	q.nodes = append(q.nodes, html.Node{})
	return &q.nodes[len(q.nodes)-1]
}

func (q *quickParser) top() *html.Node {
	if len(q.open) == 0 {
		return q.root
	}
	return q.open[len(q.open)-1]
}

// parse reads every token of s; false when one is beyond the fast path.
func (q *quickParser) parse() bool {
	s := q.s
	text := 0 // start of the text run being read
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		k := i + j // the '<'
		if k+1 >= len(s) {
			break // a '<' at the end is text
		}
		c := s[k+1]
		switch {
		case isASCIILetter(c):
			q.text(s[text:k])
			end, ok := q.startTag(k)
			if !ok {
				return false
			}
			i, text = end, end
		case c == '/':
			q.text(s[text:k])
			end, ok := q.endTag(k)
			if !ok {
				return false
			}
			i, text = end, end
		case c == '!':
			q.text(s[text:k])
			end, ok := q.comment(k)
			if !ok {
				return false
			}
			i, text = end, end
		case c == '?':
			return false // a bogus comment
		default:
			i = k + 1 // a '<' that starts no tag is text
		}
	}
	q.text(s[text:])
	return true
}

// text adds a run of text as the parser does: newlines normalized,
// character references decoded, merged into a text node just before it.
func (q *quickParser) text(t string) {
	if t == "" {
		return
	}
	if strings.IndexByte(t, '\r') >= 0 {
		t = convertNewlines(t)
	}
	if strings.IndexByte(t, '&') >= 0 {
		t = html.UnescapeString(t)
	}
	top := q.top()
	if top.FirstChild == nil && (top.DataAtom == atom.Pre || top.DataAtom == atom.Listing) {
		// The parser drops a newline just after <pre>.
		t = strings.TrimPrefix(t, "\r")
		t = strings.TrimPrefix(t, "\n")
		if t == "" {
			return
		}
	}
	if last := top.LastChild; last != nil && last.Type == html.TextNode {
		// Runs merge when what came between them made no node (an end
		// tag ignored): collected in a buffer, since they may be many.
		if last != q.merged {
			q.endMerge()
			q.merged, q.buf = last, append(q.buf[:0], last.Data...)
		}
		q.buf = append(q.buf, t...)
		return
	}
	n := q.node()
	n.Type, n.Data = html.TextNode, t
	top.AppendChild(n)
}

// endMerge gives the text node being merged into its text.
func (q *quickParser) endMerge() {
	if q.merged != nil {
		q.merged.Data = string(q.buf)
		q.merged = nil
	}
}

// convertNewlines makes "\r\n" and a lone "\r" "\n", as the tokenizer does.
func convertNewlines(t string) string {
	return strings.ReplaceAll(strings.ReplaceAll(t, "\r\n", "\n"), "\r", "\n")
}

// startTag reads the start tag at s[k] ('<' and a letter) and inserts its
// element; it returns the offset after the tag.
func (q *quickParser) startTag(k int) (int, bool) {
	s := q.s
	p := k + 1
	for p < len(s) && !isTagSpace(s[p]) && s[p] != '/' && s[p] != '>' {
		p++
	}
	if p >= len(s) {
		return 0, false
	}
	name, ok := tagName(s[k+1 : p])
	if !ok {
		return 0, false
	}
	a := atom.Lookup([]byte(name))
	cat := category(name, a)
	if cat == qpOther {
		return 0, false
	}
	end, ok := q.readAttrs(p)
	if !ok {
		return 0, false
	}
	if !q.admit(name, cat) {
		return 0, false
	}
	n := q.node()
	n.Type = html.ElementNode
	if a != 0 {
		n.DataAtom, n.Data = a, a.String()
	} else {
		n.Data = name
	}
	if len(q.keys) > 0 {
		if cap(q.attrs)-len(q.attrs) < len(q.keys) {
			q.attrs = make([]html.Attribute, 0, max(4, len(q.keys)))
		}
		from := len(q.attrs)
		q.attrs = append(q.attrs, q.keys...)
		n.Attr = q.attrs[from:len(q.attrs):len(q.attrs)]
		if cat == qpFormatting || cat == qpLink {
			// The parser sorts a formatting element's attributes (for
			// its Noah's Ark clause).
			slices.SortFunc(n.Attr, func(a, b html.Attribute) int {
				return cmp.Or(cmp.Compare(a.Namespace, b.Namespace), cmp.Compare(a.Key, b.Key), cmp.Compare(a.Val, b.Val))
			})
		}
	}
	q.top().AppendChild(n)
	switch cat {
	case qpVoid, qpRule:
	case qpRaw, qpEscapable:
		return q.rawText(n, end, cat == qpEscapable)
	default:
		if len(q.open) == maxQuickDepth {
			return 0, false
		}
		q.open = append(q.open, n)
	}
	return end, true
}

// rawText reads the text of the raw text or escapable element n, which
// starts at s[p], and its end tag: the first "</" and n's name (in any
// case) followed by white space, '/' or '>', as the tokenizer finds it.
// A script whose text holds "<!--" (the tokenizer's escaped states) and
// an end tag with more than white space before its '>' are beyond the
// fast path.
func (q *quickParser) rawText(n *html.Node, p int, escapable bool) (int, bool) {
	s := q.s
	name := n.Data
	for i := p; ; {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return 0, false
		}
		e := i + j + 2 + len(name)
		if e >= len(s) || !asciiFold(s[i+j+2:e], name) || !(isTagSpace(s[e]) || s[e] == '/' || s[e] == '>') {
			i += j + 2
			continue
		}
		text := s[p : i+j]
		if name == "script" && strings.Contains(text, "<!--") {
			return 0, false
		}
		end := skipTagSpace(s, e)
		if end >= len(s) || s[end] != '>' {
			return 0, false
		}
		if strings.IndexByte(text, '\r') >= 0 {
			text = convertNewlines(text)
		}
		if escapable && strings.IndexByte(text, '&') >= 0 {
			text = html.UnescapeString(text)
		}
		if name == "textarea" {
			// The parser drops a newline just after <textarea>.
			text = strings.TrimPrefix(text, "\r")
			text = strings.TrimPrefix(text, "\n")
		}
		if text != "" {
			t := q.node()
			t.Type, t.Data = html.TextNode, text
			n.AppendChild(t)
		}
		return end + 1, true
	}
}

// readAttrs reads the attributes of a tag from s[p] (just after its name)
// as the tokenizer does, into q.keys, and returns the offset after the
// tag's '>'. Repeated attributes keep their first value.
func (q *quickParser) readAttrs(p int) (int, bool) {
	s := q.s
	q.keys = q.keys[:0]
	p = skipTagSpace(s, p)
	for {
		if p >= len(s) {
			return 0, false
		}
		if s[p] == '>' {
			return p + 1, true
		}
		ks := p
		for p < len(s) {
			c := s[p]
			if c == '=' && p == ks {
				p++
				continue
			}
			if isTagSpace(c) || c == '/' || c == '>' || c == '=' {
				break
			}
			p++
		}
		ke := p
		vs, ve := p, p
		p = skipTagSpace(s, p)
		if p >= len(s) {
			return 0, false
		}
		switch s[p] {
		case '/':
			p++
		case '=':
			p = skipTagSpace(s, p+1)
			if p >= len(s) {
				return 0, false
			}
			switch quote := s[p]; quote {
			case '>':
			case '"', '\'':
				e := strings.IndexByte(s[p+1:], quote)
				if e < 0 {
					return 0, false
				}
				vs, ve = p+1, p+1+e
				p = ve + 1
			default:
				vs = p
				for p < len(s) && !isTagSpace(s[p]) && s[p] != '>' {
					p++
				}
				if p >= len(s) {
					return 0, false
				}
				ve = p
			}
		}
		if ke > ks {
			key := lowerASCII(s[ks:ke])
			dup := false
			for _, a := range q.keys {
				if a.Key == key {
					dup = true
					break
				}
			}
			if !dup {
				if len(q.keys) == maxQuickAttrs {
					return 0, false
				}
				val, ok := attrValue(s[vs:ve])
				if !ok {
					return 0, false
				}
				q.keys = append(q.keys, html.Attribute{Key: key, Val: val})
			}
		}
		p = skipTagSpace(s, p)
	}
}

// endTag reads the end tag at s[k] ("</") and closes the element it names,
// which must be the one last opened.
func (q *quickParser) endTag(k int) (int, bool) {
	s := q.s
	p := k + 2
	if p >= len(s) || !isASCIILetter(s[p]) {
		return 0, false // "</>" and bogus comments
	}
	for p < len(s) && !isTagSpace(s[p]) && s[p] != '/' && s[p] != '>' {
		p++
	}
	name, ok := tagName(s[k+2 : p])
	if !ok {
		return 0, false
	}
	p = skipTagSpace(s, p)
	if p >= len(s) || s[p] != '>' {
		return 0, false
	}
	return p + 1, q.close(name)
}

// comment reads the comment at s[k] ("<!"): only "<!--" … "-->" whose
// text holds no "--" and does not start with ">" or "->" (the shapes
// where the tokenizer's end of comment is the first "-->").
func (q *quickParser) comment(k int) (int, bool) {
	s := q.s
	if !strings.HasPrefix(s[k:], "<!--") {
		return 0, false
	}
	body := s[k+4:]
	e := strings.Index(body, "-->")
	if e < 0 {
		return 0, false
	}
	data := body[:e]
	if strings.Contains(data, "--") || strings.HasPrefix(data, ">") || strings.HasPrefix(data, "->") {
		return 0, false
	}
	if strings.IndexByte(data, '\r') >= 0 {
		data = convertNewlines(data)
	}
	if strings.IndexByte(data, '&') >= 0 {
		data = html.UnescapeString(data)
	}
	n := q.node()
	n.Type, n.Data = html.CommentNode, data
	q.top().AppendChild(n)
	return k + 4 + e + 3, true
}

// attrValue decodes an attribute value as the tokenizer does: newlines
// normalized, character references decoded by the rules of attributes.
// Those rules differ from text's only for a named reference without its
// ';' (not decoded before '=', no shorter name tried): ok is false when
// v holds one that text's rules would decode.
func attrValue(v string) (string, bool) {
	if strings.IndexByte(v, '\r') >= 0 {
		v = convertNewlines(v)
	}
	if strings.IndexByte(v, '&') < 0 {
		return v, true
	}
	for i := 0; i < len(v); i++ {
		if v[i] != '&' {
			continue
		}
		rest := v[i+1:]
		if rest == "" || rest[0] == '#' {
			continue // numeric references decode alike
		}
		n := 0
		for n < len(rest) && isASCIIAlnum(rest[n]) {
			n++
		}
		if n == 0 {
			continue
		}
		ref := "&" + rest[:n]
		if n < len(rest) && rest[n] == ';' {
			switch rest[:n] {
			case "amp", "lt", "gt", "quot", "apos":
				continue // a whole name: decoded alike
			}
			ref += ";"
		}
		if html.UnescapeString(ref) != ref {
			return "", false
		}
	}
	return html.UnescapeString(v), true
}

// tagName lower-cases an element name read by the tokenizer; false unless
// it is ASCII letters, digits, '-', '_', ':' and '.'.
func tagName(raw string) (string, bool) {
	name := lowerASCII(raw)
	return name, plainName(name)
}

// lowerASCII lower-cases the ASCII letters of s, as the tokenizer does.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// asciiFold reports whether s is the lower-case ASCII name in any case
// of its ASCII letters.
func asciiFold(s, name string) bool {
	if len(s) != len(name) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != name[i] && c != name[i]-('a'-'A') {
			return false
		}
	}
	return true
}

func skipTagSpace(s string, p int) int {
	for p < len(s) && isTagSpace(s[p]) {
		p++
	}
	return p
}

func isASCIIAlnum(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9'
}
