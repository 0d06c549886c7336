package neardup

// LSH banding: Bands bands of Rows MinHash values each, taken from the
// start of the signature. Two items with true Jaccard similarity s share at
// least one band key with probability 1-(1-s^Rows)^Bands:
//
//	s     0.02  0.03  0.05  0.08  0.10  0.15  0.20
//	P     0.73  0.86  0.96  0.995 0.999 1.000 1.000
//
// A summary of 10 to 20 word pairs cut from a 110-pair article has
// s ≈ 0.09–0.18, hence 64 one-row bands: the index (Index) follows only
// the keys rare enough to inform, so the more keys an item has, the more
// of them are rare. The other NumHashes-Bands values only sharpen the
// estimate of Similarity, which is why they are kept on 16 bits.
const (
	Bands = 64
	Rows  = 1
)

// BandKeys returns the Bands LSH keys of s, in band order; two signatures
// are candidates for Same when they share at least one key. Each key hashes
// the band number, Version and the band's Rows values, so equal values in
// different bands never collide on purpose. Keys are int64 to fit an SQLite
// INTEGER column. An empty or a short signature has no keys (nil).
func (s Signature) BandKeys() []int64 {
	if s.Empty() || s.short() {
		return nil
	}
	m := s.mins()
	keys := make([]int64, Bands)
	for band := range Bands {
		h := mix64(uint64(Version)<<32 | uint64(band))
		for _, v := range m[band*Rows : (band+1)*Rows] {
			h = mix64(h ^ uint64(v))
		}
		keys[band] = int64(h)
	}
	return keys
}
