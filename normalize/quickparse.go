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
