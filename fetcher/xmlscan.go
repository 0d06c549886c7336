package fetcher

import (
	"bytes"
	"fmt"
	"strings"
)

// maxDepth is the deepest element nesting accepted in an XML feed.
const maxDepth = 512

// docKind is what a body turned out to be.
type docKind int

const (
	kindUnknown docKind = iota // not markup, or XML with another root
	kindRSS                    // <rss> or <rdf:RDF>
	kindAtom                   // <feed>
	kindJSON                   // a JSON object or array
	kindHTML                   // an HTML page
)

// docInfo describes a decoded body, found without parsing it.
type docInfo struct {
	kind   docKind
	root   string // root element name as written ("" for JSON or text)
	rootAt int    // offset of the root start tag

	// entities are the plain internal entities the DOCTYPE declares,
	// by name; doctype is the DOCTYPE's span when there are any.
	entities map[string][]byte
	doctype  [2]int
}

// inspect finds the root element of a decoded body, skipping the XML
// declaration, comments, processing instructions and a DOCTYPE of any
// length. Plain internal entities of the DOCTYPE are collected in
// info.entities for expandEntities (the XML parser does not expand them);
// it fails with ErrParse when the DOCTYPE declares any other kind (external,
// parameter, referencing other entities, too long or too many: a
// billion-laughs or external-entity document is not a feed worth the risk).
func inspect(b []byte) (docInfo, error) {
	var info docInfo
	i := skipSpace(b, 0)
	if i < len(b) && b[i] == '{' {
		info.kind = kindJSON
		return info, nil
	}
	for i < len(b) {
		if b[i] != '<' {
			return info, nil // text before any element: not XML
		}
		rest := b[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return info, fmt.Errorf("%w: unterminated comment before the root element", ErrParse)
			}
			i += 4 + end + 3
		case bytes.HasPrefix(rest, []byte("<?")):
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 {
				return info, fmt.Errorf("%w: unterminated processing instruction before the root element", ErrParse)
			}
			i += end + 2
		case hasPrefixFold(rest, "<!DOCTYPE"):
			n, html, ents, err := scanDoctype(rest)
			if err != nil {
				return info, err
			}
			if html {
				info.kind = kindHTML
			}
			if len(ents) > 0 {
				info.entities, info.doctype = ents, [2]int{i, i + n}
			}
			i += n
		case bytes.HasPrefix(rest, []byte("<!")):
			if hasPrefixFold(rest, "<!ENTITY") {
				return info, fmt.Errorf("%w: document declares XML entities, refused", ErrParse)
			}
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				return info, fmt.Errorf("%w: unterminated declaration before the root element", ErrParse)
			}
			i += end + 1
		default:
			info.root = string(readName(rest[1:]))
			info.rootAt = i
			if info.root == "" {
				return info, nil
			}
			local := strings.ToLower(info.root[strings.LastIndexByte(info.root, ':')+1:])
			switch local {
			case "rss", "rdf":
				info.kind = kindRSS
			case "feed":
				info.kind = kindAtom
			case "html", "head", "body":
				info.kind = kindHTML
			}
			return info, nil
		}
		i = skipSpace(b, i)
	}
	return info, nil
}

// scanDoctype returns the length of the DOCTYPE declaration at the start of
// b, whether it names html, and the plain internal entities its internal
// subset declares. It walks quotes, comments and the internal subset; see
// parseEntityDecl for the entities refused.
func scanDoctype(b []byte) (n int, html bool, ents map[string][]byte, err error) {
	name := readName(b[skipSpace(b, len("<!DOCTYPE")):])
	html = strings.EqualFold(string(name), "html")
	var quote byte
	depth := 0
	for i := len("<!DOCTYPE"); i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '<' && bytes.HasPrefix(b[i:], []byte("<!--")):
			end := bytes.Index(b[i+4:], []byte("-->"))
			if end < 0 {
				return 0, false, nil, fmt.Errorf("%w: unterminated comment in DOCTYPE", ErrParse)
			}
			i += 4 + end + 2
		case c == '<' && hasPrefixFold(b[i:], "<!ENTITY"):
			if depth <= 0 {
				return 0, false, nil, fmt.Errorf("%w: DOCTYPE entities outside the internal subset are refused", ErrParse)
			}
			name, value, n, err := parseEntityDecl(b[i:])
			if err != nil {
				return 0, false, nil, err
			}
			if ents == nil {
				ents = map[string][]byte{}
			}
			if _, seen := ents[name]; !seen && !predefined[name] {
				if len(ents) == maxEntities {
					return 0, false, nil, fmt.Errorf("%w: DOCTYPE entities: more than %d declared, refused", ErrParse, maxEntities)
				}
				ents[name] = value // the first declaration binds (XML 1.0 §4.2)
			}
			i += n - 1
		case c == '%' && depth > 0:
			return 0, false, nil, fmt.Errorf("%w: DOCTYPE entities: a parameter entity reference is refused", ErrParse)
		case c == '>' && depth <= 0:
			return i + 1, html, ents, nil
		}
	}
	return 0, false, nil, fmt.Errorf("%w: unterminated DOCTYPE", ErrParse)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// readName returns the element name at the start of b.
func readName(b []byte) []byte {
	for i, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n', '/', '>', '<', '[', '"', '\'', '=':
			return b[:i]
		}
	}
	return b
}
