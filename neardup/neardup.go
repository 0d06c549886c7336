// Package neardup recognizes the same news story retold by two sources:
// another URL and another headline over mostly the same dispatch text, as
// when two newspapers print lightly edited agency copy, or when one feed
// carries a two-line summary of the article another feed prints in full.
// It turns an item's title and text into a Signature, gives LSH band keys
// so that a store can find candidates through an index instead of a scan,
// decides with Same whether a candidate is the same story, and with
// Conflict whether two items whose headlines agree (TitleKey) tell
// different events.
//
// A Signature holds four summaries of the text's word shingles, words and
// names: MinHash values (a Jaccard estimate, and the band keys of the LSH
// index), a 1024-bit Bloom filter of the shingles (a containment estimate
// that holds across a large size gap: a summary against its article), a
// 1024-bit Bloom filter of the content words (a digest that retells its
// article in another order keeps its words, not its word pairs), and
// the bottom 16 hashes of its numbers, proper names and dates (two
// reports that disagree on them are different stories, however alike the
// rest of their wording). It marshals to 711 bytes.
//
// A text of fewer than MinWords words (an agency flash, an "en bref"
// line: a title and one line) has too few word pairs for the first three;
// Sign gives it a short signature instead: the Bloom filter of the
// content words and the names of its title and text together, 199
// bytes marshalled. Same reads it with its flash rule only (see
// decision.flash), and an Index finds it through its names.
//
// Everything here is pure: no I/O, no SQLite, no clock, no randomness (all
// hash seeds are fixed), so signatures and band keys computed today match
// those stored yesterday. Storing signatures and choosing the time window
// belong to the caller (storage). The package does not translate: the
// same dispatch in French and in English is two stories to it. All
// functions are safe for concurrent use; an Index is not.
//
// Known limits: a summary that rewords its article, rather than cutting
// or reordering it, is matched only when enough of its word pairs
// survive or it keeps three quarters of its words and all of its names
// (the title rule catches most of those); a flash under MinShortWords
// words (title not counted), or with fewer than two names that are not
// days or months in its title and text, is not signed at all; two reports of one event that disagree on
// a figure (a toll that rose between two editions) are kept apart.
package neardup

import "slices"

// Parameters of the signature. Changing any of them (or the normalization,
// the hash family, the name and number extraction or the 16-bit
// narrowing of the values after the bands) makes stored signatures
// incomparable with new ones: bump Version so that BandKeys change, and
// give the marshalled form a new encoding version whose decoder alone
// remains (binary.go), so that UnmarshalBinary rejects the old bytes and
// the caller signs the items again.
const (
	// Version is the version of the signature scheme: it seeds the band
	// keys, so signatures of different Versions never share one. Version
	// 1 had 32 bands and neither the Bloom filter nor the names.
	Version = 2
	// NumHashes is the number of MinHash values in a Signature. 128 values
	// estimate a Jaccard similarity J with a standard error of
	// sqrt(J(1-J)/128): ±0.03 at J = 0.15.
	NumHashes = 128
	// ShingleSize is k, the number of consecutive content words (stop
	// words removed) in a shingle. Rewording breaks three-word runs faster
	// than it breaks the stories apart; single words are shared by every
	// story on one subject.
	ShingleSize = 2
	// MinWords is the least number of words (stop words included) the text
	// must have for Sign to return a full signature.
	MinWords = 12
	// MinShortWords is the least number of words (stop words included)
	// of a text under MinWords for Sign to return a short signature.
	MinShortWords = 6
	// BloomBits is the size of the Bloom filter of the shingles (one bit
	// per shingle). A 200-word lead sets about 110 bits (11%): the
	// intersection of two filters estimates the shared shingles within a
	// few units.
	BloomBits = 1024
	// MaxNames is how many hashes of numbers, proper names and dates a
	// Signature keeps: the smallest ones (a bottom-k sample), so that two
	// signatures compare exactly on the hashes below both samples' limits.
	MaxNames = 16
	// WordBloomBits is the size of the Bloom filter of the text's content
	// words (single words, one bit each): a digest that retells its
	// article in another order keeps its words, not its word pairs, and
	// Same reads their containment (see decision.digest).
	WordBloomBits = 1024
)

// Layout of a usable Signature.
const (
	sizeSlot   = 0                    // number of distinct shingles
	minsSlot   = 1                    // NumHashes MinHash values
	bloomSlot  = minsSlot + NumHashes // BloomBits/32 words
	wordsSlot  = bloomSlot + bloomLen // WordBloomBits/32 words
	countSlot  = wordsSlot + wordsLen // number of distinct names (all, not only the kept ones)
	namesSlot  = countSlot + 1        // MaxNames name hashes, ascending, 0-padded
	sigLen     = namesSlot + MaxNames // 210
	bloomLen   = BloomBits / 32
	wordsLen   = WordBloomBits / 32
	narrowBits = 16
)

// Layout of a short Signature (a text under MinWords words).
const (
	shortWordsSlot = 1                         // WordBloomBits/32 words
	shortCountSlot = shortWordsSlot + wordsLen // number of distinct names
	shortNamesSlot = shortCountSlot + 1        // MaxNames name hashes, ascending, 0-padded
	shortLen       = shortNamesSlot + MaxNames // 50
)

// Signature is the near-duplicate fingerprint of one item. A usable
// signature has 210 elements: the number of distinct shingles of the
// text; NumHashes MinHash values (the first Bands with 32 bits, behind the
// band keys; the others with only their low 16 bits, b-bit MinHash, the
// high bits zero); a Bloom filter of the shingles in BloomBits/32 words;
// a Bloom filter of the content words in WordBloomBits/32 words; the number of distinct names (numbers, proper names, dates) of the
// text; and the smallest MaxNames of their hashes, ascending, 0-padded.
//
// A short signature (a text under MinWords words: see Sign) has 50
// elements: the number of distinct content words of its title and text,
// their Bloom filter, and the number and smallest MaxNames hashes of
// their names. It has no MinHash values, no band keys and no shingles.
//
// The empty signature (nil, returned for items with too little text) never
// matches anything: Same(nil, x) is false, Conflict(nil, x) is false,
// Similarity(nil, x) is 0 and BandKeys returns nil, so such items are never
// candidates either. A Signature is a plain value; it is safe for
// concurrent reads.
type Signature []uint32

// Empty reports whether s is the empty (or a malformed) signature, one that
// never matches anything.
func (s Signature) Empty() bool {
	return len(s) != sigLen && len(s) != shortLen || s[sizeSlot] == 0
}

// short reports whether a usable signature is a short one (a text under
// MinWords words), with no MinHash values and no shingles.
func (s Signature) short() bool { return len(s) == shortLen }

// size returns the number of distinct shingles s was built from (of
// content words, for a short signature).
func (s Signature) size() int { return int(s[sizeSlot]) }

// mins returns the MinHash values of a usable signature.
func (s Signature) mins() []uint32 { return s[minsSlot : minsSlot+NumHashes] }

// bloom returns the Bloom filter words of a usable signature.
func (s Signature) bloom() []uint32 { return s[bloomSlot : bloomSlot+bloomLen] }

// words returns the words of the content words' Bloom filter of a usable
// signature.
func (s Signature) words() []uint32 {
	if s.short() {
		return s[shortWordsSlot : shortWordsSlot+wordsLen]
	}
	return s[wordsSlot : wordsSlot+wordsLen]
}

// names returns the kept name hashes (ascending) of a usable signature
// and whether they are all of the text's names.
func (s Signature) names() (kept []uint32, complete bool) {
	count, at := countSlot, namesSlot
	if s.short() {
		count, at = shortCountSlot, shortNamesSlot
	}
	n := int(s[count])
	k := min(n, MaxNames)
	return s[at : at+k], n <= MaxNames
}

// Sign returns the signature of an item from its title and its plain text
// (lead, summary or content, HTML already removed). Words are folded
// (lower-case, accents removed, punctuation as space), French and English
// stop words are dropped, and every ShingleSize consecutive remaining words
// form a shingle. Numbers, capitalized words that do not open a sentence,
// and day and month names are the text's names.
//
// The title is not shingled: each paper writes its own headline, so it
// only dilutes the overlap. It is used to drop the headline when a feed
// repeats it at the head of the text, so that feeds which do and feeds
// which do not still match.
//
// When the text has fewer than MinWords words (a flash: a title and one
// line), Sign returns a short signature (see Signature): the content
// words and names of the title and the text together, since a flash's
// headline carries half of what it says. It is nil, the empty signature,
// when the text has fewer than MinShortWords words or no content word, or
// when title and text hold fewer than two names other than days and
// months (too little for the flash rule, see decision.flash). When the
// text has no content word once a repeated headline is dropped, Sign
// returns nil too: the title alone never makes an item signable.
func Sign(title, text string) Signature {
	w, words := contentWords(make([]uint64, 0, len(text)/6), text)
	if words < MinWords {
		if words < MinShortWords || len(w) == 0 {
			return nil
		}
		return signShort(title, text, w)
	}
	tw, titleWords := contentWords(make([]uint64, 0, 16), title)
	skip := 0
	if len(tw) > 0 && len(w) > len(tw) && slices.Equal(w[:len(tw)], tw) {
		w = w[len(tw):]
		skip = titleWords
	}
	if len(w) == 0 {
		return nil
	}
	sh := appendShingles(make([]uint64, 0, len(w)), w)
	slices.Sort(sh)
	sh = slices.Compact(sh)
	sig := make(Signature, sigLen)
	minHash(sig, sh)
	for _, x := range sh {
		bit := bloomBit(x)
		sig[bloomSlot+bit/32] |= 1 << (bit % 32)
	}
	for _, x := range w {
		bit := wordBit(x)
		sig[wordsSlot+bit/32] |= 1 << (bit % 32)
	}
	names := textNames(make([]uint32, 0, 32), text, skip)
	slices.Sort(names)
	names = slices.Compact(names)
	sig[countSlot] = uint32(len(names))
	copy(sig[namesSlot:], names[:min(len(names), MaxNames)])
	return sig
}

// signShort returns the short signature of a text of fewer than MinWords
// words (w: its content words) under title, or nil when title and text
// hold fewer than two distinct names other than days and months.
func signShort(title, text string, w []uint64) Signature {
	names := textNames(make([]uint32, 0, 16), text, 0)
	names = textNames(names, title, 0)
	slices.Sort(names)
	names = slices.Compact(names)
	proper := 0
	for _, h := range names {
		if h&3 != kindDate {
			proper++
		}
	}
	if proper < 2 {
		return nil
	}
	w, _ = contentWords(w, title)
	slices.Sort(w)
	w = slices.Compact(w)
	sig := make(Signature, shortLen)
	sig[sizeSlot] = uint32(len(w))
	for _, x := range w {
		bit := wordBit(x)
		sig[shortWordsSlot+bit/32] |= 1 << (bit % 32)
	}
	sig[shortCountSlot] = uint32(len(names))
	copy(sig[shortNamesSlot:], names[:min(len(names), MaxNames)])
	return sig
}
