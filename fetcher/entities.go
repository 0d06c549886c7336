package fetcher

import (
	"bytes"
	"fmt"
)

// Limits of the internal entities a DOCTYPE may declare. Some CMS exports
// declare HTML's names (<!ENTITY nbsp "&#160;">); nothing legitimate comes
// near these bounds, and an entity-expansion attack stays harmless.
const (
	maxEntities     = 256     // declarations in one DOCTYPE
	maxEntityValue  = 1024    // bytes of one replacement text
	maxEntityGrowth = 1 << 20 // bytes expansion may add to a document
)

// predefined are XML's own entities: a declaration of one is ignored, and
// the parser expands them.
var predefined = map[string]bool{"amp": true, "lt": true, "gt": true, "quot": true, "apos": true}

// parseEntityDecl reads the <!ENTITY …> declaration at the start of b
// (inside a DOCTYPE's internal subset) and returns its name, replacement
// text and length. Only plain internal general entities are accepted: a
// quoted value without markup, holding no reference to another entity
// (character references are kept, the XML parser decodes them). External
// (SYSTEM, PUBLIC) and parameter entities are refused with ErrParse.
func parseEntityDecl(b []byte) (name string, value []byte, n int, err error) {
	i := skipSpace(b, len("<!ENTITY"))
	if i < len(b) && b[i] == '%' {
		return "", nil, 0, fmt.Errorf("%w: DOCTYPE entities: a parameter entity is refused", ErrParse)
	}
	nm := readName(b[i:])
	if len(nm) == 0 {
		return "", nil, 0, fmt.Errorf("%w: DOCTYPE entities: a declaration without a name", ErrParse)
	}
	name = string(nm)
	i = skipSpace(b, i+len(nm))
	if i >= len(b) || (b[i] != '"' && b[i] != '\'') {
		return "", nil, 0, fmt.Errorf("%w: DOCTYPE entities: the external entity %q (SYSTEM or PUBLIC) is refused", ErrParse, name)
	}
	q := b[i]
	end := bytes.IndexByte(b[i+1:], q)
	if end < 0 {
		return "", nil, 0, fmt.Errorf("%w: DOCTYPE entities: %q has an unterminated value", ErrParse, name)
	}
	value = b[i+1 : i+1+end]
	i = skipSpace(b, i+1+end+1)
	if i >= len(b) || b[i] != '>' {
		return "", nil, 0, fmt.Errorf("%w: DOCTYPE entities: %q: want '>' after its value", ErrParse, name)
	}
	switch {
	case len(value) > maxEntityValue:
		return "", nil, 0, fmt.Errorf("%w: DOCTYPE entities: %q is %d bytes long (at most %d), refused", ErrParse, name, len(value), maxEntityValue)
	case bytes.ContainsAny(value, "<%"):
		return "", nil, 0, fmt.Errorf("%w: DOCTYPE entities: %q holds markup or a parameter reference, refused", ErrParse, name)
	case refersToEntity(value):
		return "", nil, 0, fmt.Errorf("%w: DOCTYPE entities: %q references another entity, refused (only plain values are expanded)", ErrParse, name)
	}
	return name, value, i + 1, nil
}

// refersToEntity reports whether v holds an entity reference other than a
// character reference (&#…;) or a predefined entity.
func refersToEntity(v []byte) bool {
	for {
		i := bytes.IndexByte(v, '&')
		if i < 0 {
			return false
		}
		v = v[i+1:]
		if len(v) > 0 && v[0] == '#' {
			continue
		}
		end := bytes.IndexByte(v, ';')
		if end < 0 || !predefined[string(v[:end])] {
			return true
		}
	}
}

// expandEntities returns b with its DOCTYPE (doctype, the span found by
// inspect) removed and every reference to one of ents written out as its
// replacement text, outside CDATA sections and comments. A document whose
// expansion would grow past maxEntityGrowth is refused with ErrParse.
func expandEntities(b []byte, doctype [2]int, ents map[string][]byte) ([]byte, error) {
	out := make([]byte, 0, len(b))
	out = append(out, b[:doctype[0]]...)
	rest := b[doctype[1]:]
	growth := 0
	for len(rest) > 0 {
		i := bytes.IndexAny(rest, "&<")
		if i < 0 {
			out = append(out, rest...)
			break
		}
		out = append(out, rest[:i]...)
		rest = rest[i:]
		if rest[0] == '<' {
			n := 1
			for _, skip := range [][2]string{{"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
				if bytes.HasPrefix(rest, []byte(skip[0])) {
					if end := bytes.Index(rest, []byte(skip[1])); end >= 0 {
						n = end + len(skip[1])
					} else {
						n = len(rest)
					}
				}
			}
			out = append(out, rest[:n]...)
			rest = rest[n:]
			continue
		}
		end := bytes.IndexByte(rest[1:min(len(rest), 64)], ';')
		if end < 0 {
			out = append(out, '&')
			rest = rest[1:]
			continue
		}
		ref := rest[:end+2]
		v, ok := ents[string(ref[1:len(ref)-1])]
		if !ok {
			out = append(out, ref...)
			rest = rest[len(ref):]
			continue
		}
		if growth += len(v) - len(ref); growth > maxEntityGrowth {
			return nil, fmt.Errorf("%w: expanding the DOCTYPE's entities would add more than %d bytes, refused", ErrParse, maxEntityGrowth)
		}
		out = append(out, v...)
		rest = rest[len(ref):]
	}
	return out, nil
}
