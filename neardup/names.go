package neardup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of names, kept in the low two bits of a name hash.
const (
	kindName   = 0 // a capitalized word that does not open a sentence
	kindNumber = 1 // a number, thousands separators removed, decimal comma as point
	kindDate   = 2 // a day or month name, in French or English
)

// textNames appends to dst the hashes of the names of text: its numbers,
// its day and month names, and its capitalized words that do not open a
// sentence, are not stop words and are at least two letters long ("AFP",
// "Dupont", "Élysée"; not the "Le" of a sentence start; none in a text
// written in capitals). The first skip
// words (a headline repeated at the head of the text) are passed over.
// Hashes may repeat.
func textNames(dst []uint32, text string, skip int) []uint32 {
	caps := shouting(text)
	start := true // the next word opens a sentence
	var prev string
	words := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsDigit(r):
			num, end := scanNumber(text, i)
			i = end
			words++
			if words > skip {
				dst = append(dst, nameHash(kindNumber, num))
			}
			start, prev = false, num
		case unicode.IsLetter(r):
			end := i
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) && !unicode.IsDigit(r2) {
					break
				}
				end += s2
			}
			word := text[i:end]
			i = end
			words++
			if words > skip {
				dst = appendName(dst, word, start || caps)
			}
			start, prev = false, word
		default:
			i += size
			switch r {
			case '.':
				// "M. Dupont", "Mme. Roy", "Dr. Lee": not a sentence end.
				if !isTitleAbbrev(prev) {
					start = true
				}
			case '!', '?', '…', ':', '«', '"', '“', '\n', '(', '[':
				start = true
			}
		}
	}
	return dst
}

// shouting reports whether most letters of text are capitals (a text in
// all caps), where capitals tell no names.
func shouting(text string) bool {
	upper, lower := 0, 0
	for _, r := range text {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper > lower
}

// appendName appends the hash of word if it is a date or a name.
func appendName(dst []uint32, word string, opensSentence bool) []uint32 {
	first, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(first) {
		// Only dates, and in their usual spellings: folding every word
		// would cost more than the rest of Sign.
		if isDateWord(word) || word == "février" || word == "août" || word == "décembre" {
			return append(dst, nameHash(kindDate, foldWord(word)))
		}
		return dst
	}
	folded := foldWord(word)
	if len(folded) < 2 {
		return dst
	}
	if isDateWord(folded) {
		return append(dst, nameHash(kindDate, folded))
	}
	if opensSentence || isStopWord(folded) {
		return dst
	}
	return append(dst, nameHash(kindName, folded))
}

// isTitleAbbrev reports whether a word followed by a point is a courtesy
// title (M., Mme., Dr., St.) rather than the end of a sentence.
func isTitleAbbrev(w string) bool {
	switch w {
	case "M", "Mme", "Mlle", "Me", "Dr", "Pr", "St", "Mr", "Mrs", "Ms", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov":
		return true
	}
	return false
}

// scanNumber reads the number starting at text[i] and returns it
// normalized, and the index after it. A separator followed by exactly
// three digits is a thousands separator ("2 000", "120,000", "1.200" all
// give "2000", "120000", "1200"); a comma or point before other digits is
// a decimal point ("4,6" gives "4.6"). Leading zeros are dropped.
func scanNumber(text string, i int) (string, int) {
	var b strings.Builder
	for {
		for i < len(text) && text[i] >= '0' && text[i] <= '9' {
			b.WriteByte(text[i])
			i++
		}
		if i < len(text) && !(text[i] >= '0' && text[i] <= '9') {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsDigit(r) { // another script's digit: taken as is
				b.WriteRune(r)
				i += size
				continue
			}
		}
		sep, size := sepAt(text, i)
		if sep == 0 {
			break
		}
		d := digitsAt(text, i+size)
		switch {
		case d == 3 && (sep == ' ' || sep == ',' || sep == '.'):
			i += size // thousands
		case d > 0 && (sep == ',' || sep == '.'):
			b.WriteByte('.')
			i += size
		default:
			return trimZeros(b.String()), i
		}
	}
	return trimZeros(b.String()), i
}

// sepAt returns the separator at text[i] that may sit inside a number
// (comma, point, space, no-break or narrow no-break space) and its size.
func sepAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch r {
	case ',', '.', ' ':
		return r, size
	case '\u00a0', '\u202f':
		return ' ', size
	}
	return 0, 0
}

// digitsAt counts the ASCII digits starting at text[i].
func digitsAt(text string, i int) int {
	n := 0
	for i+n < len(text) && text[i+n] >= '0' && text[i+n] <= '9' {
		n++
	}
	return n
}

func trimZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" || t[0] == '.' {
		return "0" + t
	}
	return t
}

// foldWord folds one word as forEachWord does (lower-case, accents and
// ligatures spelled out), joining the pieces.
func foldWord(w string) string {
	var b strings.Builder
	forEachWord(w, func(p []byte) { b.Write(p) })
	return b.String()
}

// nameHash hashes a folded name of a kind: FNV-1a, mixed, 32 bits, the
// kind in the low two bits, never 0 (the padding of the names slots).
func nameHash(kind uint32, folded string) uint32 {
	h := hashWord([]byte(folded)) ^ uint64(kind)<<56
	v := uint32(mix64(h)>>32)&^3 | kind
	if v == 0 {
		v = 4
	}
	return v
}

// isDateWord reports whether a folded word is a day or month name.
func isDateWord(w string) bool {
	switch w {
	case "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
		"septembre", "octobre", "novembre", "decembre",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december":
		return true
	}
	return false
}
