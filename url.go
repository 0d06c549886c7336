package newsdesk

import (
	"fmt"
	"strings"
)

// EncodeURL percent-encodes the ASCII characters a URL may not contain
// (controls, space, '"', '<', '>', '\\', '^', '`', '{', '|', '}'): net/url
// keeps a query as written, so a raw '<' in a feed's link would reach
// every output. Everything else, escapes included, is kept.
func EncodeURL(s string) string {
	i := strings.IndexFunc(s, urlIllegal)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if urlIllegal(r) {
			fmt.Fprintf(&b, "%%%02X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func urlIllegal(r rune) bool {
	return r <= ' ' || r == 0x7F || strings.ContainsRune("\"<>\\^`{|}", r)
}
