package fetcher

import (
	"bytes"
	"strconv"

	"newsdesk"
)

// dropIllegalRefs removes the character references to characters XML 1.0
// forbids (&#x8;, &#0;, &#xFFFE;, surrogates), which the XML parser
// rejects with the whole document ("illegal character code U+0008"). They
// go the way the raw forbidden characters already go: dropped, the rest of
// the item and the document kept. It copies only when it drops something.
func dropIllegalRefs(b []byte) []byte {
	i := bytes.Index(b, []byte("&#"))
	if i < 0 {
		return b
	}
	var out []byte
	from := 0 // start of what is not copied yet
	for i >= 0 {
		n, ok := illegalRef(b[i:])
		if ok {
			if out == nil {
				out = make([]byte, 0, len(b))
			}
			out = append(out, b[from:i]...)
			from = i + n
			i += n
		} else {
			i += 2
		}
		j := bytes.Index(b[i:], []byte("&#"))
		if j < 0 {
			break
		}
		i += j
	}
	if out == nil {
		return b
	}
	return append(out, b[from:]...)
}

// illegalRef reports whether b starts with a character reference
// ("&#NNN;" or "&#xHHH;") to a character XML forbids, and its length.
func illegalRef(b []byte) (int, bool) {
	end := bytes.IndexByte(b[:min(len(b), 16)], ';')
	if end < 3 {
		return 0, false
	}
	digits, base := b[2:end], 10
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil {
		return 0, false
	}
	return end + 1, v > 0x10FFFF || !newsdesk.IsXMLChar(rune(v))
}
