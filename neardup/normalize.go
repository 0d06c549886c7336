package neardup

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// forEachWord folds s and calls fn with each word in order: the text is
// decomposed (NFKD), combining marks are dropped (é → e), letters are
// lower-cased, the ligatures œ, æ and ß are spelled out, and every rune that
// is neither a letter nor a digit separates words (so "l'Élysée" gives "l"
// and "elysee", "peut-être" gives "peut" and "etre"). The word passed to fn
// is only valid during the call.
func forEachWord(s string, fn func(word []byte)) {
	buf := make([]byte, 0, 32)
	flush := func() {
		if len(buf) > 0 {
			fn(buf)
			buf = buf[:0]
		}
	}
	var it norm.Iter
	it.InitString(norm.NFKD, s)
	for !it.Done() {
		seg := it.Next() // one starter and its combining marks, decomposed
		for len(seg) > 0 {
			r, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			switch {
			case r < 0x80:
				switch {
				case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
					buf = append(buf, byte(r))
				case 'A' <= r && r <= 'Z':
					buf = append(buf, byte(r+'a'-'A'))
				default:
					flush()
				}
			case unicode.Is(unicode.Mn, r):
				// accent: dropped, the word goes on
			case r == 'œ' || r == 'Œ':
				buf = append(buf, 'o', 'e')
			case r == 'æ' || r == 'Æ':
				buf = append(buf, 'a', 'e')
			case r == 'ß':
				buf = append(buf, 's', 's')
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				buf = append(buf, string(unicode.ToLower(r))...)
			default:
				flush()
			}
		}
	}
	flush()
}

// isDigits reports whether w is made of ASCII digits only.
func isDigits(w []byte) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(w) > 0
}

// isContentWord reports whether a folded word carries meaning for
// similarity: stop words and lone letters (elided articles such as the "l"
// of "l'amendement") do not; numbers, even one digit long, do, because
// scores, quarters and amounts are what tell two stories on one subject
// apart.
func isContentWord(w []byte) bool {
	if len(w) == 1 && !isDigits(w) {
		return false
	}
	return !isStopWord(string(w))
}
