package neardup

// decision holds the thresholds of Same. They live in a value, not in
// package variables, so the labeled-set tests can sweep them without any
// mutable global state; Same always uses defaultDecision.
type decision struct {
	// containment is the estimated share of the smaller item's shingles
	// found in the other item (the overlap coefficient) at or above which
	// two items are the same story. It serves both the retold dispatch
	// (similar sizes, where it amounts to a Jaccard similarity of
	// c/(2-c)) and the cut-down copy (a summary feed beside a full-text
	// feed), which a plain Jaccard threshold misses.
	containment float64
	// minJaccard is the least estimated Jaccard similarity for any match.
	// It keeps the pair where LSH finds it (see Bands) and bounds the size
	// ratio, since containment cannot be estimated from MinHash values
	// between a short text and a much longer one.
	minJaccard float64
	// shortSize is the shingle count under which an item is short: one
	// shared sentence is then a large share of it and the estimate is
	// coarse, so such a pair must reach shortJaccard instead.
	shortSize    int
	shortJaccard float64
}

// defaultDecision returns the thresholds chosen on the tuning half of
// testdata (TestTuneGrid) and checked on the held-out half
// (TestLabeledSet). On the tuning half no pair of different stories
// exceeded an estimated containment of 0.26; 0.40 adds two standard errors
// of the estimate (about 0.07 each at these sizes).
func defaultDecision() decision {
	return decision{
		containment:  0.40,
		minJaccard:   0.10,
		shortSize:    16,
		shortJaccard: 0.5,
	}
}

// Similarity returns the estimated Jaccard similarity of the shingle sets
// behind a and b: the share of MinHash positions where they agree. It is 0
// when either signature is empty or malformed.
//
// The first Bands positions (those behind the band keys) agree when their
// values are equal; the other NumHashes-Bands when the low 16 bits of
// their values are (b-bit MinHash, what MarshalBinary stores). Equal
// values still agree; two different values collide on 16 bits with
// probability 2^-16, which adds at most 96·2^-16 < 0.0015 to the expected
// number of agreeing positions out of 128 (less than 0.002 of a position,
// 1.2e-5 on the estimate), far below its standard error (±0.03 near the
// thresholds of Same).
func Similarity(a, b Signature) float64 {
	if a.Empty() || b.Empty() {
		return 0
	}
	ab, bb := a[1:1+Bands], b[1:1+Bands]
	an, bn := a[1+Bands:sigLen], b[1+Bands:sigLen]
	eq := 0
	for i, v := range ab {
		if v == bb[i] {
			eq++
		}
	}
	for i, v := range an {
		if uint16(v) == uint16(bn[i]) {
			eq++
		}
	}
	return float64(eq) / NumHashes
}

// containment estimates |A∩B| / min(|A|,|B|) from the Jaccard estimate j
// and the set sizes, using |A∩B| = j/(1+j)·(|A|+|B|).
func containment(j float64, na, nb int) float64 {
	small := min(na, nb)
	if small == 0 {
		return 0
	}
	return j / (1 + j) * float64(na+nb) / float64(small)
}

// Same reports whether a and b are the same story. It estimates which share
// of the smaller item's shingles the other item holds and accepts from 40%
// up, provided the estimated Jaccard similarity is at least 0.10 (so a
// two-line summary is not matched against a long article it merely
// resembles). When either item has fewer than 16 shingles the estimate is
// too coarse and the pair needs a Jaccard similarity of 0.5. An empty
// signature is never the same as anything, itself included.
func Same(a, b Signature) bool { return defaultDecision().same(a, b) }

func (d decision) same(a, b Signature) bool {
	if a.Empty() || b.Empty() {
		return false
	}
	j := Similarity(a, b)
	na, nb := a.size(), b.size()
	if min(na, nb) < d.shortSize {
		return j >= d.shortJaccard
	}
	return j >= d.minJaccard && containment(j, na, nb) >= d.containment
}
