package neardup

// LSH banding: Bands bands of Rows MinHash values each, taken from the
// start of the signature. Two items with true Jaccard similarity s share at
// least one band key with probability 1-(1-s^Rows)^Bands:
//
//	s     0.02  0.05  0.08  0.10  0.15  0.20  0.25  0.30
//	P     0.48  0.81  0.93  0.966 0.995 0.999 1.000 1.000
//
// Same accepts a pair only from an estimated s of 0.10 up, and a retold
// dispatch of similar length only from about 0.25 up (containment 0.40),
// so accepted pairs are candidates with probability 0.97 to 1 (on the
// labeled set, every true pair was). One row per band is the price of
// catching retold and cut-down copies whose similarity is that low:
// stories on one subject that share a few names (s ≈ 0.02–0.05) often
// become candidates too, and Same rejects them; their number is bounded by
// what the caller's time window holds, not by what is stored. 32 keys per
// item keep the index small; the other 96 values only sharpen the
// estimate Same relies on, which is why they are kept on 16 bits (see
// Similarity) and the band values on 32.
const (
	Bands = 32
	Rows  = 1
)

// BandKeys returns the Bands LSH keys of s, in band order; two signatures
// are candidates for Same when they share at least one key. Each key hashes
// the band number, Version and the band's Rows values, so equal values in
// different bands never collide on purpose. Keys are int64 to fit an SQLite
// INTEGER column. An empty signature has no keys (nil).
func (s Signature) BandKeys() []int64 {
	if s.Empty() {
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
