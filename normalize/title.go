package normalize

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// titleTags finds the tags of s as an HTML tokenizer reads them and
// returns their [start, end) offsets, as regexp's FindAllStringIndex
// does. A start or end tag's name runs to white space, '/' or '>' ("<a!
// on>" is an element a! with an attribute); an attribute's name runs to
// white space, '/', '>' or '=', quotes and '<' included ("<img """>" is
// an element with an attribute named `"""`); a quote opens a value only
// after '=' ("<a title='>'>" is one tag); an unquoted value runs to white
// space or '>' ("<a onclick=alert(1)<>" is one tag with a handler). A
// comment runs to "-->", a declaration ("<!x") to '>'. A tag s ends
// before closing is not one: a browser drops it with the rest of s, and
// the title rules leave it as text, which every output escapes. Wider than
// tagRe, so that nothing a browser would take for a tag escapes the title
// rules.
func titleTags(s string) [][]int {
	var locs [][]int
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		start := i + j
		end := tagEnd(s, start)
		if end < 0 {
			i = start + 1
			continue
		}
		locs = append(locs, []int{start, end})
		i = end
	}
	return locs
}

// tagEnd returns the offset just past the tag that opens at s[start]
// ('<'), or -1 when none does there.
func tagEnd(s string, start int) int {
	i := start + 1
	if strings.HasPrefix(s[i:], "!--") {
		return commentEnd(s, i+3)
	}
	if strings.HasPrefix(s[i:], "!") {
		if i+1 >= len(s) || !isASCIILetter(s[i+1]) {
			return -1
		}
		k := strings.IndexByte(s[i+1:], '>')
		if k < 0 {
			return -1
		}
		return i + 1 + k + 1
	}
	if i < len(s) && s[i] == '/' {
		i++
	}
	if i >= len(s) || !isASCIILetter(s[i]) {
		return -1
	}
	for i < len(s) && !isTagSpace(s[i]) && s[i] != '/' && s[i] != '>' {
		i++
	}
	// Attributes, by the tokenizer's states from "before attribute name".
	for i < len(s) {
		switch c := s[i]; {
		case c == '>':
			return i + 1
		case isTagSpace(c) || c == '/':
			i++
			continue
		}
		// An attribute name; a leading '=' belongs to it.
		i++
		for i < len(s) && !isTagSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=' {
			i++
		}
		for i < len(s) && isTagSpace(s[i]) {
			i++
		}
		if i >= len(s) || s[i] != '=' {
			continue
		}
		i++
		for i < len(s) && isTagSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return -1
		}
		switch q := s[i]; q {
		case '"', '\'':
			k := strings.IndexByte(s[i+1:], q)
			if k < 0 {
				return -1
			}
			i += 1 + k + 1
		case '>':
			return i + 1
		default:
			for i < len(s) && !isTagSpace(s[i]) && s[i] != '>' {
				i++
			}
		}
	}
	return -1
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isTagSpace reports the white space of the HTML tokenizer's tag states.
func isTagSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// commentEnd returns the offset just past the comment whose text starts
// at s[i] (after "<!--"): at the first "-->" or "--!>", or at once for
// "<!-->" and "<!--->", as the tokenizer ends one; -1 when none does.
func commentEnd(s string, i int) int {
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, ">"):
		return i + 1
	case strings.HasPrefix(rest, "->"):
		return i + 2
	}
	end := -1
	if k := strings.Index(rest, "-->"); k >= 0 {
		end = i + k + 3
	}
	if k := strings.Index(rest, "--!>"); k >= 0 && (end < 0 || i+k+4 < end) {
		end = i + k + 4
	}
	return end
}

// TitleTypeKey is the gofeed.Item.Custom key under which the fetcher
// records the declared type of an Atom entry's title (or a JSON Feed's):
// "text", or "html" (Atom html and xhtml). Without it a title is read by
// the HTML rule (see Title).
const TitleTypeKey = "newsdesk:title-type"

// inlineTags are the elements of inline formatting a title may carry as
// markup. With every other element HTML knows, they are what an HTML title
// loses when written as markup (see dropInline); any other "<…>" in a title
// is literal text ("Vector<T>", "the <blink> tag").
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "acronym": true, "b": true, "bdi": true, "bdo": true,
	"big": true, "br": true, "cite": true, "code": true, "del": true, "dfn": true,
	"em": true, "font": true, "i": true, "ins": true, "kbd": true, "mark": true,
	"nobr": true, "q": true, "s": true, "samp": true, "small": true, "span": true,
	"strike": true, "strong": true, "sub": true, "sup": true, "time": true, "tt": true,
	"u": true, "var": true, "wbr": true,
}

// voidInline are the elements that never have a closing tag and read as
// markup even alone.
var voidInline = map[string]bool{"br": true, "wbr": true, "hr": true}

// wrapperTags are what gofeed's HTML resolution wraps around an html
// title: markup even alone.
var wrapperTags = map[string]bool{"html": true, "head": true, "body": true}

// TextTitle returns raw, a title declared as text (Atom type="text", a JSON
// Feed title), as a plain-text title: nothing is removed from it but
// characters XML 1.0 forbids, control characters (C1 controls are read as
// the windows-1252 characters they nearly always stand for) and what would
// execute in a reader that wrongly renders titles as HTML (script, style,
// iframe, svg… tags, event handlers: see dropExecutable); whitespace is
// folded, and character references left escaped a second time by the
// producer ("&amp;#8217;") are decoded. "Use a <div> here" stays so. Safe
// for concurrent use.
func TextTitle(raw string) string {
	s := dropExecutable(mapC1(stripInvalid(raw)))
	for range maxDecodeRounds {
		if strings.IndexByte(s, '&') < 0 || !entityRe.MatchString(s) {
			break
		}
		prev := s
		s = dropExecutable(html.UnescapeString(s))
		if s == prev {
			break
		}
	}
	return fold(stripInvalid(mapC1(s)))
}

// dropExecutable removes from a text title only what would execute in a
// reader that renders it as HTML: the tags of executable elements (with
// the content of a script or style they enclose) and tags written with
// name=value attributes (event handlers, URLs, styles: markup, never a
// headline's words). "<div>", "Vector<T>", "<T extends U>" are text.
func dropExecutable(s string) string {
	return fixpoint(s, dropExecutableOnce)
}

// fixpoint applies pass until s no longer changes: removing a tag may
// join the halves of another ("<scr<script>ipt>"). Each pass that changes
// s shortens it, so this ends.
func fixpoint(s string, pass func(string) string) string {
	for {
		next := pass(s)
		if next == s {
			return s
		}
		s = next
	}
}

func dropExecutableOnce(s string) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	locs := titleTags(s)
	if locs == nil {
		return s
	}
	tags := make([]tagParts, len(locs))
	for i, l := range locs {
		tags[i] = parseTag(s[l[0]:l[1]])
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(locs); i++ {
		l, t := locs[i], tags[i]
		if l[0] < last || !(executable[t.name] || t.handler || t.attrValues || pairedTemplate(tags, i)) {
			continue
		}
		b.WriteString(s[last:l[0]])
		last = l[1]
		if dropContent[t.name] && !t.end {
			for j := i + 1; j < len(locs); j++ {
				if tags[j].end && tags[j].name == t.name {
					last, i = locs[j][1], j
					break
				}
			}
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// pairedTemplate reports whether tags[i] is a template start tag closed
// later in the title: a template element written as markup, which a
// reader rendering the title as HTML would parse (its content inert, but
// a wrapper for what is not). A lone "<template>" is a word about one.
func pairedTemplate(tags []tagParts, i int) bool {
	if tags[i].name != "template" || tags[i].end {
		return false
	}
	for _, t := range tags[i+1:] {
		if t.end && t.name == "template" {
			return true
		}
	}
	return false
}

// htmlTitle is Title: the HTML rule.
func htmlTitle(raw string) string {
	s := mapC1(stripInvalid(raw))
	for range maxDecodeRounds {
		prev := s
		s = dropInline(s)
		if strings.IndexByte(s, '&') >= 0 && entityRe.MatchString(s) {
			s = html.UnescapeString(s)
		}
		if s == prev {
			break
		}
	}
	// Markup the last round decoded is markup too.
	return fold(stripInvalid(mapC1(dropInline(s))))
}

// itemTitle cleans an item's title by the rule its declared type calls for:
// text titles are text, everything else (Atom html and xhtml, RSS, whose
// titles carry escaped markup as often as not) is read by the HTML rule.
func itemTitle(raw string, custom map[string]string) string {
	if custom[TitleTypeKey] == "text" {
		return TextTitle(raw)
	}
	return htmlTitle(raw)
}

// unsafeTags are elements that embed, execute or wrap a document: written
// as markup in a title they are removed, never shown as text (the markup a
// reader might otherwise run). html, head and body are also what gofeed's
// HTML resolution wraps around an html title.
var unsafeTags = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "textarea": true,
	"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"applet": true, "svg": true, "math": true, "img": true, "image": true, "video": true,
	"audio": true, "source": true, "picture": true, "form": true, "input": true,
	"button": true, "select": true, "link": true, "meta": true, "base": true,
	"html": true, "head": true, "body": true, "title": true,
}

// executable are the elements a reader that wrongly renders a title as
// HTML would run or embed: their tags never stay in a title, not even
// alone or in a text title, and a tag carrying an event handler or a
// script URL goes too. What they cost a headline is rare; what they cost a
// reader is not. (template holds inert content: "Using <template> in web
// components" keeps its words.)
var executable = map[string]bool{
	"script": true, "style": true, "iframe": true, "frame": true, "frameset": true,
	"object": true, "embed": true, "applet": true, "base": true, "form": true,
	"svg": true, "math": true, "isindex": true, "link": true, "meta": true,
	"noscript": true, // its content is raw text where scripts run: the classic mutation XSS
}

// dropContent are the unsafe elements whose content goes with them.
var dropContent = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "textarea": true,
	"title": true, "svg": true, "math": true, "object": true, "applet": true, "iframe": true,
}

// dropInline removes from s the comments and the HTML markup: the tags of
// HTML elements (inline formatting, blocks, unsafe elements with the
// content of script-like ones) written as markup, that is a void element
// (br, wbr) always, another element when its start tag carries attributes
// or its end tag is present too. A name HTML does not know ("<T>" in
// "Vector<T>") and a lone tag without attributes ("the <blink> tag") are
// text. A tag of a block element becomes a space.
func dropInline(s string) string {
	return fixpoint(s, dropInlineOnce)
}

func dropInlineOnce(s string) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	locs := titleTags(s)
	if locs == nil {
		return s
	}
	tags := make([]tagParts, len(locs))
	opened, closed := map[string]bool{}, map[string]bool{}
	for i, l := range locs {
		t := parseTag(s[l[0]:l[1]])
		tags[i] = t
		if t.end {
			closed[t.name] = true
		} else {
			opened[t.name] = true
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	dropped := map[string]bool{} // names whose start tag was dropped
	for i := 0; i < len(locs); i++ {
		l, t := locs[i], tags[i]
		if l[0] < last {
			continue // inside content already dropped
		}
		known := inlineTags[t.name] || unsafeTags[t.name] || atom.Lookup([]byte(t.name)) != 0
		drop := false
		switch {
		case t.name == "!--", t.handler, executable[t.name], t.attrValues:
			drop = true
		case t.end && dropped[t.name]:
			drop = true
		case !known:
		case voidInline[t.name], t.selfClose, wrapperTags[t.name]:
			drop = true
		case t.end:
			drop = opened[t.name]
		default:
			drop = t.attrs || closed[t.name]
		}
		if !drop {
			continue
		}
		if !t.end {
			dropped[t.name] = true
		}
		b.WriteString(s[last:l[0]])
		if spaceTags[t.name] {
			b.WriteByte(' ')
		}
		last = l[1]
		if dropContent[t.name] && !t.end {
			for j := i + 1; j < len(locs); j++ {
				if tags[j].end && tags[j].name == t.name {
					last, i = locs[j][1], j
					break
				}
			}
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// tagParts is what dropInline needs of one tag.
type tagParts struct {
	name       string
	end, attrs bool
	selfClose  bool // written "<name/>" or "<name …/>"
	handler    bool // carries an on…= event handler attribute or a script URL
	attrValues bool // carries name=value attributes: markup, whatever the name
}

// parseTag reads a tag found by titleTags: its lower-case name ("!--" for a
// comment), whether it is an end tag and whether it has attributes.
func parseTag(m string) tagParts {
	if strings.HasPrefix(m, "<!--") {
		return tagParts{name: "!--"}
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(m, "<"), ">")
	var t tagParts
	if strings.HasPrefix(inner, "/") {
		t.end, inner = true, inner[1:]
	}
	end := strings.IndexAny(inner, " \t\n\r\f/")
	if end < 0 {
		end = len(inner)
	}
	t.name = strings.ToLower(inner[:end])
	t.selfClose = strings.HasSuffix(inner, "/")
	rest := strings.TrimSpace(strings.Trim(inner[end:], "/"))
	t.attrs = rest != ""
	t.attrValues = strings.Contains(rest, "=")
	low := strings.ToLower(rest)
	if strings.Contains(low, "javascript:") || strings.Contains(low, "vbscript:") {
		t.handler = true
	}
	for i := strings.Index(low, "on"); i >= 0; {
		if i == 0 || strings.ContainsRune(" \t\n\r\f/\"'", rune(low[i-1])) {
			t.handler = true
			break
		}
		next := strings.Index(low[i+2:], "on")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	return t
}
