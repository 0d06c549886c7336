package newsdesk

import (
	"strings"
)

// EncodeURL percent-encodes the ASCII characters a URL may not contain
// (controls, space, '"', '<', '>', '\\', '^', '`', '{', '|', '}'): net/url
// keeps a query as written, so a raw '<' in a feed's link would reach
// every output. Everything else, escapes included, is kept.
func EncodeURL(s string) string {
	i := 0
	for i < len(s) && !urlIllegal(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if c := s[i]; urlIllegal(c) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// urlIllegal reports the bytes EncodeURL escapes: all ASCII, so a byte
// of a multi-byte character is never one.
func urlIllegal(c byte) bool {
	switch c {
	case '"', '<', '>', '\\', '^', '`', '{', '|', '}', 0x7F:
		return true
	}
	return c <= ' '
}
