package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsdesk"
)

// fold collapses every run of white space (non-breaking and other Unicode
// spaces included) into one space, drops invisible characters (zero-width
// space, byte order mark, soft hyphen) and trims the ends.
func fold(s string) string {
	if folded(s) {
		return s
	}
	// One piece: fold is exact even for invalid UTF-8.
	f := folder{buf: make([]byte, 0, len(s))}
	f.WriteString(s)
	return f.String()
}

// folder is fold done while writing: what it holds is fold of everything
// written, as long as every piece written is valid UTF-8 (a rune cannot
// then straddle two pieces); bad records that one was not.
type folder struct {
	buf   []byte
	space bool
	bad   bool
	raw   bool // only collect what is written, unfolded
}

// reset empties f, keeping its buffer.
func (f *folder) reset() {
	f.buf, f.space, f.bad, f.raw = f.buf[:0], false, false, false
}

// WriteString folds s onto what f holds.
func (f *folder) WriteString(s string) (int, error) {
	if f.raw {
		f.buf = append(f.buf, s...)
		return len(s), nil
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && asciiSpace[c] {
			i++
			f.space = len(f.buf) > 0
			continue
		}
		// Copy at once the run of characters fold keeps as they are.
		if j := plainRun(s, i); j > i {
			if f.space {
				f.buf = append(f.buf, ' ')
				f.space = false
			}
			f.buf = append(f.buf, s[i:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			f.bad = true
		}
		switch {
		case unicode.IsSpace(r):
			f.space = len(f.buf) > 0
			continue
		case invisible(r):
			continue
		}
		if f.space {
			f.buf = append(f.buf, ' ')
			f.space = false
		}
		f.buf = utf8.AppendRune(f.buf, r)
	}
	return len(s), nil
}

// WriteByte folds one ASCII byte onto what f holds.
func (f *folder) WriteByte(c byte) error {
	if c >= utf8.RuneSelf {
		f.bad = true
	}
	_, err := f.WriteString(asciiStrings[c&0x7f])
	return err
}

// asciiStrings holds the one-byte strings of ASCII.
var asciiStrings = func() (s [utf8.RuneSelf]string) {
	for i := range s {
		s[i] = string(rune(i))
	}
	return s
}()

// String returns fold of everything written.
func (f *folder) String() string {
	return string(f.buf)
}

// plainRun returns the end of the run from s[i] of characters that fold
// keeps as they are and that take no decoding to know: ASCII but space,
// and the two-byte characters U+00C0–U+07FF (Latin letters with accents
// and more; none is space or invisible, every one valid).
func plainRun(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if plainASCII[c] {
			i++
			continue
		}
		if c >= 0xc3 && c <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			i += 2
			continue
		}
		break
	}
	return i
}

// asciiSpace marks the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// plainASCII marks the ASCII characters fold copies as they are: all but
// the spaces.
var plainASCII = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !asciiSpace[c]
	}
	return t
}()

// invisible reports the characters fold drops.
func invisible(r rune) bool {
	return r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == '\u2060'
}

// folded reports whether fold would return s unchanged: valid UTF-8
// without space at the ends, runs of space, space other than ' ' or
// invisible characters.
func folded(s string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' {
				if prevSpace {
					return false
				}
				prevSpace = true
				continue
			}
			if asciiSpace[c] {
				return false
			}
			prevSpace = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unicode.IsSpace(r) || invisible(r) {
			return false
		}
		i += size
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// stripInvalid removes the characters XML 1.0 forbids (most C0 controls,
// surrogates, U+FFFE and U+FFFF) and bytes that are not valid UTF-8.
func stripInvalid(s string) string {
	clean := true
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are all in 0x20–0x7F.
		if i+8 <= len(s) {
			t := s[i : i+8]
			w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
			if w&0x8080808080808080 == 0 && (w-0x2020202020202020)&0x8080808080808080 == 0 {
				i += 8
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			if !xmlASCII[c] {
				clean = false
				break
			}
			i++
			continue
		} else if c >= 0xc3 && c <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			i += 2 // U+00C0–U+07FF, all allowed
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !xmlChar(r, size) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if xmlChar(r, size) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// xmlASCII marks the ASCII characters XML 1.0 allows.
var xmlASCII = func() (t [utf8.RuneSelf]bool) {
	for i := range t {
		t[i] = newsdesk.IsXMLChar(rune(i))
	}
	return t
}()

// xmlChar reports whether a decoded rune of the given encoded size is an
// XML 1.0 Char (and not an invalid byte decoded as U+FFFD).
func xmlChar(r rune, size int) bool {
	return !(r == utf8.RuneError && size == 1) && newsdesk.IsXMLChar(r)
}
