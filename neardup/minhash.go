package neardup

import "math"

// Fixed seeds: signatures and band keys must be identical across runs,
// machines and releases of the same Version, so nothing here is random.
const (
	wordSeed  = 0xcbf29ce484222325 // FNV-1a 64 offset basis
	wordPrime = 0x100000001b3      // FNV-1a 64 prime
	hashSeed  = 0x6e65617264757032 // "neardup2": seeds the MinHash family
)

// contentWords appends to dst the hashes of the content words of s, in
// order, and returns it with the number of words of s, stop words
// included.
func contentWords(dst []uint64, s string) ([]uint64, int) {
	n := 0
	forEachWord(s, func(w []byte) {
		n++
		if isContentWord(w) {
			dst = append(dst, hashWord(w))
		}
	})
	return dst, n
}

// appendShingles appends to sh the hash of every ShingleSize consecutive
// words of words (content-word hashes). Fewer words than ShingleSize, but
// at least one, give a single shingle of all of them.
func appendShingles(sh []uint64, words []uint64) []uint64 {
	if len(words) > 0 && len(words) < ShingleSize {
		return append(sh, shingleHash(words))
	}
	for i := 0; i+ShingleSize <= len(words); i++ {
		sh = append(sh, shingleHash(words[i:i+ShingleSize]))
	}
	return sh
}

// hashWord is FNV-1a over the folded word.
func hashWord(w []byte) uint64 {
	h := uint64(wordSeed)
	for _, c := range w {
		h ^= uint64(c)
		h *= wordPrime
	}
	return h
}

// shingleHash combines word hashes, in order, and mixes the result.
func shingleHash(words []uint64) uint64 {
	h := uint64(len(words))
	for _, w := range words {
		h = (h^w)*wordPrime + 0x9e3779b97f4a7c15
	}
	return mix64(h)
}

// mix64 is the MurmurHash3 64-bit finalizer.
func mix64(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// splitmix64 advances *state and returns the next value of the SplitMix64
// sequence; it derives the fixed coefficients of the hash family.
func splitmix64(state *uint64) uint64 {
	*state += 0x9e3779b97f4a7c15
	z := *state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// minHash writes the size and the MinHash values of a set of distinct,
// well-mixed shingle hashes into sig. Hash function i is
// multiply-add-shift, h_i(x) = (a_i·x + b_i) >> 32 with odd a_i, over
// inputs that mix64 has already spread.
func minHash(sig Signature, shingles []uint64) {
	var a, b [NumHashes]uint64
	state := uint64(hashSeed)
	for i := range NumHashes {
		a[i] = splitmix64(&state) | 1
		b[i] = splitmix64(&state)
	}
	var mins [NumHashes]uint32
	for i := range mins {
		mins[i] = math.MaxUint32
	}
	for _, x := range shingles {
		for i := range NumHashes {
			if v := uint32((a[i]*x + b[i]) >> 32); v < mins[i] {
				mins[i] = v
			}
		}
	}
	sig[sizeSlot] = uint32(min(len(shingles), math.MaxUint32))
	copy(sig[minsSlot:], mins[:])
	narrow(sig)
}

// bloomBit is the bit of the Bloom filter a shingle hash sets: its low
// bits (mix64 spread them; the MinHash family uses the product's high
// bits).
func bloomBit(x uint64) uint32 { return uint32(x) % BloomBits }

// wordBit is the bit of a content word (hashWord) in the words' Bloom
// filter.
func wordBit(x uint64) uint32 { return uint32(mix64(x)) % WordBloomBits }

// narrow clears the high bits of the MinHash values after the first
// Bands of a usable signature, which Similarity ignores and MarshalBinary
// does not store, so that a signature equals its own round trip.
func narrow(sig Signature) {
	for i := minsSlot + Bands; i < minsSlot+NumHashes; i++ {
		sig[i] &= 1<<narrowBits - 1
	}
}
