package normalize

// The element tables of the tree walks: the allowlist of finish, which
// mirrors feedPolicy, and sets of element names looked up by atom.

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attrRule checks the value of an allowed attribute; nil allows any value.
type attrRule func(string) bool

// allowed is one element of the allowlist: its attributes, and whether it
// is kept when it has none left.
type allowed struct {
	attrs   map[string]attrRule
	noAttrs bool
}

// allowlist mirrors feedPolicy. Every element but a and img is among
// bluemonday's elements allowed without attributes.
var allowlist = func() map[string]allowed {
	m := map[string]allowed{}
	for _, name := range []string{"p", "br", "div", "ul", "ol", "li", "dl", "dt", "dd",
		"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "pre", "code",
		"em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark",
		"del", "ins", "abbr", "cite", "figure", "figcaption", "hr",
		"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"} {
		m[name] = allowed{noAttrs: true}
	}
	add := func(rule attrRule, attrs []string, elems ...string) {
		for _, e := range elems {
			a := m[e]
			if a.attrs == nil {
				a.attrs = map[string]attrRule{}
			}
			for _, k := range attrs {
				a.attrs[k] = rule
			}
			m[e] = a
		}
	}
	add(nil, []string{"href"}, "a")
	add(func(v string) bool { return v == relLink }, []string{"rel"}, "a")
	add(nil, []string{"src", "alt"}, "img")
	add(func(v string) bool { return srcsetForm(v) || srcsetRe.MatchString(v) }, []string{"srcset"}, "img")
	add(numberOrPercent, []string{"width", "height"}, "img")
	add(nil, []string{"cite"}, "blockquote", "q", "del", "ins")
	add(nil, []string{"title"}, "abbr", "a", "img")
	add(integer, []string{"colspan", "rowspan"}, "td", "th")
	add(func(v string) bool { return v == "row" || v == "col" || v == "rowgroup" || v == "colgroup" }, []string{"scope"}, "th")
	add(integer, []string{"start"}, "ol")
	return m
}()

// allowAtoms is allowlist by atom.
var allowAtoms = func() map[atom.Atom]allowed {
	m := map[atom.Atom]allowed{}
	for name, a := range allowlist {
		if at := atom.Lookup([]byte(name)); at != 0 {
			m[at] = a
		}
	}
	return m
}()

// lookupAllowed returns the allowlist entry of element n.
func lookupAllowed(n *html.Node) (allowed, bool) {
	if n.DataAtom != 0 && n.Namespace == "" && n.DataAtom.String() == n.Data {
		a, ok := allowAtoms[n.DataAtom]
		return a, ok
	}
	a, ok := allowlist[n.Data]
	return a, ok
}

// skipContentTags are bluemonday's elements whose content goes with them.
var skipContentTags = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true, "noframes": true,
	"noscript": true, "nostyle": true, "object": true, "script": true, "style": true, "title": true,
}

// slowTags are the elements whose rendering the tokenizer reads back
// differently (raw text) or the policy treats apart (script, style).
var slowTags = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

// voidTags are the elements html.Render writes as self-closing tags.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "keygen": true, "link": true, "meta": true,
	"param": true, "source": true, "track": true, "wbr": true,
}

// integer and numberOrPercent are bluemonday.Integer (^[0-9]+$) and
// bluemonday.NumberOrPercent (^[0-9]+[%]?$).
func integer(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

func numberOrPercent(v string) bool {
	return integer(strings.TrimSuffix(v, "%"))
}

// plainName reports whether an element or attribute name renders and
// tokenizes back unchanged: lower-case ASCII letters, digits, '-', '_',
// ':' and '.', starting with a letter.
func plainName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.') {
			return false
		}
	}
	return true
}

// valid is validURL, remembered when r is not nil.
func (r *resolver) valid(raw string) (string, bool) {
	if r == nil {
		return validURL(raw)
	}
	if v, ok := r.urls[raw]; ok {
		return v.s, v.ok
	}
	s, ok := validURL(raw)
	r.urls[raw] = refResult{s, ok}
	return s, ok
}

// validURL is bluemonday's check of a parseable URL for this policy:
// schemes http, https and mailto, and relative URLs.
func validURL(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if strings.ContainsAny(raw, " \t\n") {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	switch u.Scheme {
	case "http", "https", "mailto", "":
	default:
		return "", false
	}
	s := u.String()
	if u.Scheme == "" && s == "" {
		return "", false
	}
	return s, true
}

// Element flags: the sets of element names the tree walks ask about, so
// that one look-up by atom (an integer) answers them all for an element.
const (
	tagBlock       uint8 = 1 << iota // blockTags
	tagSpace                         // spaceTags
	tagSkipContent                   // skipContent
	tagTidy                          // tidyTags
	tagSlow                          // slowTags
	tagVoid                          // voidTags
	tagSkipPolicy                    // skipContentTags
)

// tagFlagsByName and tagFlagsByAtom hold the flags of every name in the
// sets.
var tagFlagsByName, tagFlagsByAtom = func() (map[string]uint8, map[atom.Atom]uint8) {
	byName := map[string]uint8{}
	for flag, set := range map[uint8]map[string]bool{
		tagBlock: blockTags, tagSpace: spaceTags, tagSkipContent: skipContent, tagTidy: tidyTags,
		tagSlow: slowTags, tagVoid: voidTags, tagSkipPolicy: skipContentTags,
	} {
		for name, in := range set {
			if in {
				byName[name] |= flag
			}
		}
	}
	byAtom := map[atom.Atom]uint8{}
	for name, f := range byName {
		if a := atom.Lookup([]byte(name)); a != 0 {
			byAtom[a] = f
		}
	}
	return byName, byAtom
}()

// tagFlags returns the flags of element n. A node whose atom does not
// spell its name (one built by hand, or a foreign element the parser
// renamed) is looked up by name.
func tagFlags(n *html.Node) uint8 {
	if n.DataAtom != 0 && n.Namespace == "" && n.DataAtom.String() == n.Data {
		return tagFlagsByAtom[n.DataAtom]
	}
	return tagFlagsByName[n.Data]
}
