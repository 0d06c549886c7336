package fetcher

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
)

const (
	bomUTF8    = "\xEF\xBB\xBF"
	asciiProbe = "<?xml"
)

var (
	// xmlDeclRe matches an XML declaration at the start of a document and
	// captures its encoding value.
	xmlDeclRe     = regexp.MustCompile(`^[ \t\r\n]*<\?xml[ \t\r\n][^>]{0,512}?\?>`)
	xmlEncodingRe = regexp.MustCompile(`encoding[ \t\r\n]*=[ \t\r\n]*["']([^"']{0,64})["']`)
	ctCharsetRe   = regexp.MustCompile(`(?i)charset[ \t]*=[ \t]*["']?([^"';, \t]+)`)
)

// DecodeCharset converts a feed body to UTF-8, decoding it exactly once.
//
// A UTF-16 body (byte-order mark, or "<\0" / "\0<" at the start) is decoded
// as UTF-16 first, since no ASCII declaration can describe it. A JSON body
// (starting with '{' or '[') is taken as UTF-8 with an optional BOM, as the
// JSON Feed spec requires. Otherwise the encoding is, in order: the XML
// declaration's encoding, the charset of contentType, a UTF-8 BOM, UTF-8 if
// the bytes are valid UTF-8, else windows-1252. Labels are resolved with the
// WHATWG index, then the IANA and MIME indexes of golang.org/x/text; unknown
// labels and labels that cannot describe ASCII text are skipped. A body
// said to be UTF-8 that holds invalid bytes and no valid multi-byte
// sequence at all is decoded as windows-1252 (a common server mislabel).
//
// For XML, the declaration is rewritten to say UTF-8 (so the XML parser
// does not decode a second time) and characters XML 1.0 forbids are
// removed. The result may share memory with body.
func DecodeCharset(body []byte, contentType string) ([]byte, error) {
	if enc, name := sniffUTF16(body); enc != nil {
		out, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			return nil, fmt.Errorf("decode %s: %w", name, err)
		}
		out = bytes.TrimPrefix(out, []byte(bomUTF8))
		if looksJSON(out) {
			return out, nil
		}
		return cleanDecoded(out), nil
	}
	hasBOM := bytes.HasPrefix(body, []byte(bomUTF8))
	text := bytes.TrimPrefix(body, []byte(bomUTF8))
	if looksJSON(text) {
		if utf8.Valid(text) {
			return text, nil
		}
		return bytes.ToValidUTF8(text, []byte("\uFFFD")), nil
	}

	valid := utf8.Valid(text)
	enc, name := encodingOf(declaredEncoding(text))
	if enc == nil {
		enc, name = encodingOf(headerCharset(contentType))
	}
	switch {
	case enc == nil && (hasBOM || valid):
		enc, name = unicode.UTF8, "utf-8"
	case enc == nil:
		enc, name = charmap.Windows1252, "windows-1252"
	}
	if enc == unicode.UTF8 && !valid && !hasBOM && !mostlyUTF8(text) {
		enc, name = charmap.Windows1252, "windows-1252"
	}

	var out []byte
	switch {
	case enc == unicode.UTF8 && valid:
		out = text
	case enc == unicode.UTF8:
		out = bytes.ToValidUTF8(text, []byte("\uFFFD"))
	default:
		var err error
		if out, err = enc.NewDecoder().Bytes(text); err != nil {
			return nil, fmt.Errorf("decode %s: %w", name, err)
		}
		out = bytes.TrimPrefix(out, []byte(bomUTF8))
	}
	return cleanDecoded(out), nil
}

// cleanDecoded is cleanXML for a decoded document, which then loses any
// byte-order mark left in front (a second one, or one that a removed
// forbidden character hid), so that decoding the output again changes
// nothing.
func cleanDecoded(b []byte) []byte {
	for {
		b = cleanXML(b)
		t := bytes.TrimPrefix(b, []byte(bomUTF8))
		if len(t) == len(b) {
			return b
		}
		b = t
	}
}

// sniffUTF16 recognizes UTF-16 by its byte-order mark, or by a '<' or '{'
// as the first character.
func sniffUTF16(b []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	case len(b) >= 2 && b[0] == 0 && (b[1] == '<' || b[1] == '{'):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
	case len(b) >= 2 && b[1] == 0 && (b[0] == '<' || b[0] == '{'):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	}
	return nil, ""
}

// looksJSON reports whether the first non-space byte opens a JSON object
// or array.
func looksJSON(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && (b[0] == '{' || b[0] == '[')
}

// declaredEncoding returns the encoding label of the XML declaration, if any.
func declaredEncoding(b []byte) string {
	decl := xmlDeclRe.Find(b)
	if decl == nil {
		return ""
	}
	if m := xmlEncodingRe.FindSubmatch(decl); m != nil {
		return string(m[1])
	}
	return ""
}

// headerCharset returns the charset parameter of a Content-Type value.
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return params["charset"]
	}
	if m := ctCharsetRe.FindStringSubmatch(contentType); m != nil {
		return m[1]
	}
	return ""
}

// encodingOf resolves a charset label. It returns nil for unknown labels,
// for the WHATWG "replacement" encoding, and for encodings in which ASCII
// markup is not ASCII bytes (UTF-16, EBCDIC): a label read from ASCII text
// cannot be one of those.
func encodingOf(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return nil, ""
	}
	var enc encoding.Encoding
	var name string
	if e, err := htmlindex.Get(label); err == nil && e != encoding.Replacement {
		enc = e
		name, _ = htmlindex.Name(e)
	} else {
		for _, idx := range []*ianaindex.Index{ianaindex.IANA, ianaindex.MIME} {
			if e, err := idx.Encoding(label); err == nil && e != nil {
				enc = e
				name, _ = idx.Name(e)
				break
			}
		}
	}
	if enc == nil {
		return nil, ""
	}
	if name == "utf-8" || strings.EqualFold(name, "UTF-8") {
		return unicode.UTF8, "utf-8"
	}
	if probe, err := enc.NewEncoder().String(asciiProbe); err != nil || probe != asciiProbe {
		return nil, ""
	}
	return enc, name
}

// mostlyUTF8 reports whether b is UTF-8, possibly with stray invalid bytes:
// false when it has invalid sequences and not one valid multi-byte one.
func mostlyUTF8(b []byte) bool {
	invalid, multi := false, false
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			invalid = true
		} else {
			multi = true
		}
		i += size
	}
	return multi || !invalid
}
