package fetcher

import (
	"strings"
	"unicode/utf8"

	"newsdesk"
)

// cleanXML prepares decoded UTF-8 text for the XML parser: a declaration
// naming another encoding is rewritten to say UTF-8, and characters XML 1.0
// forbids are removed. It copies only when something changes.
//
// The declaration is rewritten last: a forbidden character or reference
// removed before it can be what kept "<?xml" from being one
// ("<\x18?xml encoding=\"\"?>"), and cleaning must be idempotent.
func cleanXML(b []byte) []byte {
	return rewriteDecl(dropIllegalRefs(stripForbidden(b)))
}

// rewriteDecl makes the XML declaration, if any, say encoding="UTF-8".
func rewriteDecl(b []byte) []byte {
	decl := xmlDeclRe.FindIndex(b)
	if decl == nil {
		return b
	}
	m := xmlEncodingRe.FindSubmatchIndex(b[decl[0]:decl[1]])
	if m == nil {
		return b
	}
	start, end := decl[0]+m[2], decl[0]+m[3]
	if strings.EqualFold(string(b[start:end]), "utf-8") {
		return b
	}
	out := make([]byte, 0, len(b)+5)
	out = append(out, b[:start]...)
	out = append(out, "UTF-8"...)
	return append(out, b[end:]...)
}

// stripForbidden removes characters XML 1.0 forbids and replaces invalid
// UTF-8 with U+FFFD.
func stripForbidden(b []byte) []byte {
	i := firstForbidden(b)
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:i]...)
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if newsdesk.IsXMLChar(rune(c)) {
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = append(out, "\uFFFD"...)
		case newsdesk.IsXMLChar(r):
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// firstForbidden returns the index of the first byte stripForbidden would
// change, or -1.
func firstForbidden(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if (r == utf8.RuneError && size == 1) || !newsdesk.IsXMLChar(r) {
			return i
		}
		i += size
	}
	return -1
}
