package curate

import (
	"crypto/sha256"
	"encoding/binary"
	"time"
	"unicode"
	"unicode/utf8"
)

// OrdKey returns the stable order key of an item: a hash of its source and
// identity key. It breaks ties between items of one date in every order
// the engine and the outputs use, so that they never depend on ids, which
// follow arrival order.
func OrdKey(source, key string) int64 {
	h := sha256.Sum256([]byte(source + "\n" + key))
	return int64(binary.BigEndian.Uint64(h[:8]) >> 1)
}

// StoryDate is the date the engine compares stories by: the source's
// publication date, or when it is missing or more than a day after the
// item was first seen (a clock or a typo in the future), the first-seen
// time. It is never "now": two reports published within a window of each
// other match whenever they arrive.
func StoryDate(published, firstSeen time.Time) time.Time {
	if published.IsZero() || published.After(firstSeen.Add(24*time.Hour)) {
		return firstSeen
	}
	return published
}

// maxWords caps Words: beyond it, every report is an article.
const maxWords = 1000

// Words counts the words of a plain text, up to a cap.
func Words(text string) int {
	n, in := 0, false
	for len(text) > 0 && n < maxWords {
		r, size := utf8.DecodeRuneInString(text)
		text = text[size:]
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
			}
			in = true
		} else {
			in = false
		}
	}
	return n
}
