package fetcher

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// truncated is what recoverTruncated made of a document that ends early.
type truncated struct {
	doc   []byte // the complete items, with the open elements closed
	items int    // items or entries kept
	cut   int    // offset (in the decoded body) where the document stopped
}

// recoverTruncated reads an XML feed whose parse failed and, when it
// failed because the document ends early (a connection cut, a CMS that
// stops writing), returns the document cut after its last complete <item>
// or <entry>, with the elements still open at that point closed. ok is
// false when the document is not truncated (a syntax error before its end)
// or holds no complete item.
func recoverTruncated(decoded []byte, info docInfo) (truncated, bool) {
	if info.kind != kindRSS && info.kind != kindAtom {
		return truncated{}, false
	}
	body := decoded[info.rootAt:]
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false // HTML entity names and stray '&' are the parser's business, not a cut
	var stack []string
	lastEnd, items := -1, 0
	var open []string // the stack just after the last complete item
	for {
		tok, err := d.RawToken()
		if err != nil {
			var se *xml.SyntaxError
			switch {
			case errors.Is(err, io.EOF) && len(stack) > 0:
			case errors.As(err, &se) && strings.Contains(se.Msg, "unexpected EOF"):
			default:
				return truncated{}, false // complete, or broken before its end
			}
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, qname(t.Name))
		case xml.EndElement:
			if len(stack) == 0 {
				return truncated{}, false
			}
			stack = stack[:len(stack)-1]
			if l := strings.ToLower(t.Name.Local); l == "item" || l == "entry" {
				lastEnd, items = int(d.InputOffset()), items+1
				open = append(open[:0], stack...)
			}
		}
	}
	if lastEnd < 0 {
		return truncated{}, false
	}
	out := make([]byte, 0, info.rootAt+lastEnd+64)
	out = append(out, decoded[:info.rootAt+lastEnd]...)
	for i := len(open) - 1; i >= 0; i-- {
		out = append(out, "</"+open[i]+">"...)
	}
	return truncated{doc: out, items: items, cut: len(decoded)}, true
}

// qname writes an element name as it appeared: prefix:local.
func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}
