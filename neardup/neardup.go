// Package neardup recognizes the same news story retold by two sources:
// another URL and another headline over mostly the same dispatch text, as
// when two newspapers print lightly edited agency copy. It turns an item's
// title and text into a MinHash Signature of word shingles, gives LSH band
// keys so a store can find candidates through an index instead of a scan,
// and decides with Same whether a candidate is the same story. TitleKey
// normalizes headlines for a separate "same title in a short window" rule.
//
// Everything here is pure: no I/O, no SQLite, no clock, no randomness (all
// hash seeds are fixed), so signatures and band keys computed today match
// those stored yesterday. A signature marshals to 325 bytes. Storing
// signatures, indexing band keys and choosing the time window belong to
// the caller (storage). The package does not translate: the same
// dispatch in French and in English is two stories to it. All functions
// are safe for concurrent use.
//
// Known limits: a two-line summary is not matched against a much longer
// article (MinHash cannot estimate containment across such a size gap; the
// canonical-link and title rules must catch those), and stories written
// from one template (quarterly results, market wraps) come closest to the
// threshold, which the caller's time window helps keep apart.
package neardup

import "slices"

// Parameters of the signature. Changing any of them (or the normalization,
// the hash family or the 16-bit narrowing of the values after the bands)
// makes stored signatures incomparable with new ones: bump Version so that
// BandKeys change, and give the marshalled form a new encoding version
// whose decoder alone remains (binary.go), so that UnmarshalBinary rejects
// the old bytes.
const (
	// Version is the version of the signature scheme: it seeds the band
	// keys, so signatures of different Versions never share one. It is
	// not the version byte of the marshalled form, which changes alone
	// when only the encoding does (binary.go): the 517-byte encoding 1
	// and the 325-byte encoding 2 both hold Version 1 signatures.
	Version = 1
	// NumHashes is the number of MinHash values in a Signature. 128 values
	// estimate a Jaccard similarity J with a standard error of
	// sqrt(J(1-J)/128): ±0.03 at J = 0.15, ±0.04 at J = 0.3. Same works
	// near J = 0.15–0.25, where 64 values (±0.05) blurred the gap between
	// retold dispatches and distinct stories on one subject.
	NumHashes = 128
	// ShingleSize is k, the number of consecutive content words (stop
	// words removed) in a shingle. With exact sets on the labeled data,
	// k = 2 put 111 of 112 true pairs above the most similar pair of
	// different stories (overlap measure), k = 3 only 108: rewording
	// breaks three-word runs faster than it breaks the stories apart.
	// Single words (k = 1) separated too, but different stories on one
	// subject already shared two thirds of their vocabulary, a share that
	// grows with text length.
	ShingleSize = 2
	// MinWords is the least number of words (stop words included) the text
	// must have for Sign to return a usable signature.
	MinWords = 12
)

// sizeSlot is the index of the signature element that holds the number of
// distinct shingles; the MinHash values follow it.
const sizeSlot = 0

// sigLen is the length of every usable Signature.
const sigLen = 1 + NumHashes

// narrowBits is the number of low bits kept of the MinHash values after
// the first Bands (b-bit MinHash): Similarity compares them on these bits
// only, and MarshalBinary stores only these bits. Both are written for 16
// (uint16); changing it means changing them.
const narrowBits = 16

// Signature is the near-duplicate fingerprint of one item. A usable
// signature has 1+NumHashes elements: element 0 is the number of distinct
// shingles of the item (what lets Same tell a short text from a long one
// and estimate containment), elements 1..NumHashes are the MinHash values.
// The first Bands values, behind the band keys, have 32 bits; the other
// NumHashes-Bands have only their low 16 bits (the high 16 are zero in
// what Sign and UnmarshalBinary return, and ignored by Similarity).
//
// The empty signature (nil, returned for items with too little text) never
// matches anything: Same(nil, x) is false, Similarity(nil, x) is 0 and
// BandKeys returns nil, so such items are never candidates either.
// A Signature is a plain value; it is safe for concurrent reads.
type Signature []uint32

// Empty reports whether s is the empty (or a malformed) signature, one that
// never matches anything.
func (s Signature) Empty() bool { return len(s) != sigLen || s[sizeSlot] == 0 }

// size returns the number of distinct shingles s was built from.
func (s Signature) size() int { return int(s[sizeSlot]) }

// mins returns the MinHash values of a usable signature.
func (s Signature) mins() []uint32 { return s[1:] }

// Sign returns the signature of an item from its title and its plain text
// (lead, summary or content, HTML already removed). Words are folded
// (lower-case, accents removed, punctuation as space), French and English
// stop words are dropped, and every ShingleSize consecutive remaining words
// form a shingle.
//
// The title is not shingled: each paper writes its own headline, so it
// only dilutes the overlap (on the tuning half of the labeled set, adding
// it lowered recall from 0.93 to 0.88 at equal precision). It is used to
// drop the headline when a feed repeats it at the head of the text, so
// that feeds which do and feeds which do not still match.
//
// When the text has fewer than MinWords words, or no content word, Sign
// returns nil, the empty signature: the title alone never makes an item
// signable.
func Sign(title, text string) Signature {
	w, words := contentWords(make([]uint64, 0, len(text)/6), text)
	if words < MinWords {
		return nil
	}
	tw, _ := contentWords(make([]uint64, 0, 16), title)
	if len(tw) > 0 && len(w) > len(tw) && slices.Equal(w[:len(tw)], tw) {
		w = w[len(tw):]
	}
	if len(w) == 0 {
		return nil
	}
	sh := appendShingles(make([]uint64, 0, len(w)), w)
	slices.Sort(sh)
	sh = slices.Compact(sh)
	return minHash(sh)
}
