package neardup

import (
	"fmt"
	"math"
	"math/bits"
)

// decision holds the thresholds of Same and Conflict. They live in a
// value, not in package variables, so the labeled-set tests can sweep
// them without any mutable global state; Same and Conflict always use
// defaultDecision.
type decision struct {
	// containment is the estimated share of the smaller item's shingles
	// found in the other item (Bloom filters) at or above which two items
	// are the same story: the retold dispatch (similar sizes) and the
	// summary against its article alike.
	containment float64
	// minJaccard is the least MinHash Jaccard estimate of a match. It
	// keeps accepted pairs where the LSH index finds them (see Bands).
	minJaccard float64
	// shortSize is the shingle count under which an item is short: one
	// shared sentence is then a large share of it, so such a pair must
	// reach shortContainment instead.
	shortSize        int
	shortContainment float64
	// conflictContainment is the estimated containment under which two
	// texts disagree (Conflict): they share too little wording to be one
	// story, whatever their headlines.
	conflictContainment float64
	// retoldContainment is the lower containment at which two texts
	// are the same story when their names agree strongly (a dispatch
	// retold in other words keeps its figures, people and places):
	// at least agreeNames shared names (numbers weigh numberWeight),
	// at most agreeSmall of the smaller side's names and agreeLarge of
	// the larger side's missing from the other.
	retoldContainment float64
	agreeNames        float64
	agreeSmall        float64
	agreeLarge        float64
	// Names disagree when each side has at least minOnly names the other
	// lacks and they are at least disagreeSmall of the names of the side
	// that has fewer.
	minOnly       float64
	disagreeSmall float64
	numberWeight  float64
	// A digest is a text of at most digestSize shingles (one or two
	// lines) whose content words are at least digestContainment found
	// in the other text (the words' Bloom filters: a digest retells its
	// article in another order, keeping its words but few of its word
	// pairs), that shares at least digestNames names with it and has no
	// name or number the other lacks: the same story, whatever its
	// MinHash estimate (see digest).
	digestSize        int
	digestContainment float64
	digestNames       int
	// A flash (a short signature: a text under MinWords words, its title
	// counted) is the same story as a text with a full signature when
	// at least flashContainment of its content words are found in the
	// other's, it shares at least flashNames names besides days and
	// months (of which at least flashNumbers numbers) and has no name,
	// number or day the other lacks (see flash).
	flashContainment float64
	flashNames       int
	flashNumbers     int
}

// defaultDecision returns the thresholds chosen on the tuning half of
// testdata (TestTuneGrid) and checked on the held-out half
// (TestLabeledSet).
func defaultDecision() decision {
	return decision{
		containment:         0.35,
		minJaccard:          0.03,
		shortSize:           8,
		shortContainment:    0.7,
		conflictContainment: 0.15,
		retoldContainment:   0.2,
		agreeNames:          4,
		agreeSmall:          0.2,
		agreeLarge:          0.35,
		minOnly:             1,
		disagreeSmall:       0.3,
		numberWeight:        3,
		digestSize:          40,
		digestContainment:   0.75,
		digestNames:         2,
		flashContainment:    0.75,
		flashNames:          2,
		flashNumbers:        0,
	}
}

// Similarity returns the estimated Jaccard similarity of the shingle sets
// behind a and b: the share of MinHash positions where they agree. It is 0
// when either signature is empty or malformed.
//
// The first Bands positions (those behind the band keys) agree when their
// values are equal; the others when the low 16 bits of their values are
// (b-bit MinHash, what MarshalBinary stores): two different values
// collide on 16 bits with probability 2^-16, far below the estimate's
// standard error.
func Similarity(a, b Signature) float64 {
	if a.Empty() || b.Empty() || a.short() || b.short() {
		return 0
	}
	return float64(agreeing(a, b)) / NumHashes
}

func agreeing(a, b Signature) int {
	am, bm := a.mins(), b.mins()
	eq := 0
	for i := range Bands {
		if am[i] == bm[i] {
			eq++
		}
	}
	for i := Bands; i < NumHashes; i++ {
		if uint16(am[i]) == uint16(bm[i]) {
			eq++
		}
	}
	return eq
}

// shareBand reports whether a and b agree on one of the first Bands
// MinHash values, that is share a band key: Same never accepts a pair
// that the LSH index could not find.
func shareBand(a, b Signature) bool {
	if a.short() || b.short() {
		return false // no band keys
	}
	am, bm := a.mins(), b.mins()
	for i := range Bands {
		if am[i] == bm[i] {
			return true
		}
	}
	return false
}

// Containment returns the estimated share of the shingles of the smaller
// of a and b that the other holds, from their Bloom filters: 1 for a
// summary cut from the article it is compared with, about 0.5 for a
// dispatch retold with half its word pairs changed, under 0.15 for two
// stories on one subject. It is symmetric, and 0 when either signature is
// empty or short (it has no shingles).
func Containment(a, b Signature) float64 {
	if a.Empty() || b.Empty() || a.short() || b.short() {
		return 0
	}
	return containment(a.bloom(), b.bloom())
}

// containment is Containment over two Bloom filters (bloomLen words each).
func containment(ab, bb []uint32) float64 {
	pa, pb, pu := 0, 0, 0
	for i := range ab {
		pa += bits.OnesCount32(ab[i])
		pb += bits.OnesCount32(bb[i])
		pu += bits.OnesCount32(ab[i] | bb[i])
	}
	na, nb, nu := bloomCount(pa), bloomCount(pb), bloomCount(pu)
	small := min(na, nb)
	if small <= 0 {
		return 0
	}
	return max(0, min(1, (na+nb-nu)/small))
}

// text is what Same and Conflict read of a usable signature besides its
// MinHash values: the shingle count, the Bloom filter and the names. An
// Index keeps it for each item (textSummary), so that a look-up rules
// out with the same code as Same every candidate whose text part fails.
type text struct {
	size     int
	bloom    []uint32
	words    []uint32 // the content words' Bloom filter
	names    []uint32 // the kept name hashes, ascending
	complete bool     // names holds all of the text's names
	short    bool     // a short signature's: no shingles (bloom is nil), the title's words and names counted
}

// text returns the text part of a usable signature.
func (s Signature) text() text {
	kept, complete := s.names()
	if s.short() {
		return text{size: s.size(), words: s.words(), names: kept, complete: complete, short: true}
	}
	return text{size: s.size(), bloom: s.bloom(), words: s.words(), names: kept, complete: complete}
}

// bloomCount estimates how many distinct shingles set p bits of a filter.
func bloomCount(p int) float64 {
	if p >= BloomBits {
		p = BloomBits - 1
	}
	return -BloomBits * math.Log(1-float64(p)/BloomBits)
}

// nameCounts compares the names of a and b on the hashes both samples
// cover (bottom-k): how many they share, and how many each has alone,
// numbers counted apart.
type nameCounts struct {
	common, onlyA, onlyB       int
	numOnlyA, numOnlyB, numCom int
	dateCom                    int // shared day and month names
}

func compareNames(a, b text) nameCounts {
	ka, ca := a.names, a.complete
	kb, cb := b.names, b.complete
	limit := uint32(math.MaxUint32)
	if !ca && len(ka) > 0 {
		limit = min(limit, ka[len(ka)-1])
	}
	if !cb && len(kb) > 0 {
		limit = min(limit, kb[len(kb)-1])
	}
	var n nameCounts
	i, j := 0, 0
	for i < len(ka) || j < len(kb) {
		switch {
		case j >= len(kb) || (i < len(ka) && ka[i] < kb[j]):
			if ka[i] <= limit {
				n.onlyA++
				if ka[i]&3 == kindNumber {
					n.numOnlyA++
				}
			}
			i++
		case i >= len(ka) || kb[j] < ka[i]:
			if kb[j] <= limit {
				n.onlyB++
				if kb[j]&3 == kindNumber {
					n.numOnlyB++
				}
			}
			j++
		default:
			if ka[i] <= limit {
				n.common++
				switch ka[i] & 3 {
				case kindNumber:
					n.numCom++
				case kindDate:
					n.dateCom++
				}
			}
			i++
			j++
		}
	}
	return n
}

// nameShares weighs the names of a and b (numbers count numberWeight
// times) and returns the weight they share, and the share of the names
// of the side with fewer (small) and of the other (large) that the other
// side lacks. It is symmetric.
func (d decision) nameShares(a, b text) (common, small, large float64) {
	n := compareNames(a, b)
	w := d.numberWeight - 1
	oa := float64(n.onlyA) + w*float64(n.numOnlyA)
	ob := float64(n.onlyB) + w*float64(n.numOnlyB)
	common = float64(n.common) + w*float64(n.numCom)
	if oa > ob {
		oa, ob = ob, oa
	}
	if oa+common > 0 {
		small = oa / (oa + common)
	}
	if ob+common > 0 {
		large = ob / (ob + common)
	}
	return common, small, large
}

// namesDisagree reports whether a and b tell events that differ in their
// numbers, names or dates: each has names the other lacks, and those are
// a large share of the names of the side that has fewer. A summary
// whose names all appear in the article never disagrees with it.
func (d decision) namesDisagree(a, b text) bool {
	n := compareNames(a, b)
	w := d.numberWeight - 1
	oa := float64(n.onlyA) + w*float64(n.numOnlyA)
	ob := float64(n.onlyB) + w*float64(n.numOnlyB)
	if min(oa, ob) < d.minOnly {
		return false
	}
	_, small, _ := d.nameShares(a, b)
	return small >= d.disagreeSmall
}

// namesAgree reports whether a and b share enough names, and lack few
// enough of each other's, for a lower share of shared wording to make
// them one story.
func (d decision) namesAgree(a, b text) bool {
	common, small, large := d.nameShares(a, b)
	return common >= d.agreeNames && small <= d.agreeSmall && large <= d.agreeLarge
}

// Same reports whether a and b are the same story: an estimated 35% of
// the smaller text's word pairs are found in the other (20% when their
// names agree strongly: at least four shared, weighing numbers three
// times, and few missing on either side; 70% when either text has fewer
// than 8 word pairs), they share a band key (so that the LSH index can
// find the pair) and a MinHash Jaccard estimate of 0.03, and their names
// do not disagree. A one- or two-line digest (at most 40 word pairs) is
// also the same story as a text that holds 75% of its content words, at
// least two of its names and every one of its names and numbers,
// whatever the order of its words (decision.digest). A flash (a short
// signature: a text under MinWords words, its title counted) is the same
// story as a text with a full signature that holds 75% of its content
// words, at least two of its names besides days and months and every one
// of its names, numbers and days (decision.flash); never as another
// flash. An empty signature is never the same as anything, itself
// included. Same is symmetric and pure.
func Same(a, b Signature) bool { return defaultDecision().same(a, b) }

// Explain says by which of Same's rules a and b are one story, in words
// for explain and the desk, or "" when Same is false: a flash's or a
// digest's words and names found in the other's text (with the share of
// its words), else near-duplicate text and its MinHash similarity.
func Explain(a, b Signature) string {
	d := defaultDecision()
	if !d.same(a, b) {
		return ""
	}
	ta, tb := a.text(), b.text()
	if d.digest(ta, tb) {
		kind := "digest"
		if ta.short || tb.short {
			kind = "flash"
		}
		return fmt.Sprintf("near-duplicate text: a %s whose names and %.0f%% of words are in the other's", kind, 100*min(1, containment(ta.words, tb.words)))
	}
	return fmt.Sprintf("near-duplicate text, similarity %.2f", Similarity(a, b))
}

func (d decision) same(a, b Signature) bool {
	if a.Empty() || b.Empty() {
		return false
	}
	ta, tb := a.text(), b.text()
	if d.digest(ta, tb) {
		return true
	}
	if ta.short || tb.short || Similarity(a, b) < d.minJaccard || !shareBand(a, b) {
		return false
	}
	return d.sameText(ta, tb)
}

// digest reports whether the shorter of a and b is a digest of the
// other: at most digestSize shingles, digestContainment of its content
// words found in the other (estimated from the words' Bloom filters), at
// least digestNames names shared besides days and months, and none of its names or numbers
// missing from the other (on the hashes both name samples cover). A
// one- or two-line digest that retells its article in another order
// shares its words, names and numbers but few of its word pairs, so
// neither the shingles' containment nor the MinHash estimate sees it;
// a digest of another event of one template differs in a number, a
// name or a place, and one of a follow-up brings names the article
// lacks. It does not read MinHash values: an Index finds such pairs
// through their shared names (see Index). It is symmetric.
func (d decision) digest(a, b text) bool {
	if a.short || b.short {
		return d.flash(a, b)
	}
	if min(a.size, b.size) > d.digestSize || len(a.words) == 0 || len(b.words) == 0 {
		return false
	}
	n := compareNames(a, b)
	if n.common-n.dateCom < d.digestNames {
		return false // days and months are shared by every story of a week
	}
	var only int
	switch {
	case a.size < b.size:
		only = n.onlyA
	case b.size < a.size:
		only = n.onlyB
	default:
		only = min(n.onlyA, n.onlyB)
	}
	if only > 0 {
		return false
	}
	return containment(a.words, b.words) >= d.digestContainment
}

// flash reports whether a and b, one of them a short signature's text
// (a flash: a title and one line), are one story. A flash and a text
// with a full signature are when at least flashContainment of the
// flash's content words (its title's included) are in the other's word
// filter, they share at least flashNames names besides days and months
// (flashNumbers of them numbers), and no name, number, day or month of
// the flash is missing from the other, on the hashes both name samples
// cover: a flash of another quake, vote or match of one template differs
// in a figure or a place, one of a follow-up brings a figure or a name of
// its own, one on the same subject and people shares them but not its
// words. Two flashes are never one story by their texts: a flash holds
// too little to tell how two others of one template differ ("Lyon 2,
// Nice 1" and "Nice 2, Lyon 1" have the same words and names); the link
// and title rules may still join them. It is symmetric.
func (d decision) flash(a, b text) bool {
	if a.short && b.short {
		return false
	}
	n := compareNames(a, b)
	only := n.onlyA
	if b.short {
		only = n.onlyB
	}
	if only > 0 || n.common-n.dateCom < d.flashNames || n.numCom < d.flashNumbers {
		return false
	}
	return containment(a.words, b.words) >= d.flashContainment
}

// sameText is the part of Same that reads the texts' shingle counts,
// Bloom filters and names: the containment thresholds and the names'
// veto. A short signature's text (no shingles) never passes it.
func (d decision) sameText(a, b text) bool {
	if a.short || b.short {
		return false
	}
	c := containment(a.bloom, b.bloom)
	switch {
	case min(a.size, b.size) < d.shortSize:
		if c < d.shortContainment {
			return false
		}
	case c < d.containment:
		if c < d.retoldContainment || !d.namesAgree(a, b) {
			return false
		}
	}
	return !d.namesDisagree(a, b)
}

// Conflict reports whether the texts behind a and b tell different
// events, so that equal headlines (TitleKey) must not merge them: their
// numbers, names or dates disagree (two censure motions, two fines of one
// regulator, two earthquakes under one generic headline), or they share
// almost no wording (an estimated containment under 0.15). It is false
// when either signature is empty or short (a text too short or unknown:
// the headline decides), and false for a summary whose wording and names are
// contained in the article it is compared with (or that is a digest of
// it, see Same). Conflict is symmetric.
func Conflict(a, b Signature) bool { return defaultDecision().conflict(a, b) }

func (d decision) conflict(a, b Signature) bool {
	if a.Empty() || b.Empty() {
		return false
	}
	ta, tb := a.text(), b.text()
	if ta.short || tb.short || d.digest(ta, tb) {
		return false // a flash: the headline decides, as for an unsigned one
	}
	return Containment(a, b) < d.conflictContainment || d.namesDisagree(ta, tb)
}

// containment and bloomCount read both Bloom filters with BloomBits.
var _ = [1]struct{}{}[WordBloomBits-BloomBits]
