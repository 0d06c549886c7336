package neardup

import (
	"math"
	"slices"
)

// Index is an in-memory LSH index: given a signature, it returns the items
// added before that share at least one band key with it, are dated within
// a window, and could pass Same. A lookup costs the band keys' chains of
// the shards the window covers, whatever the number of items stored
// elsewhere.
//
// Items are kept in shards of one span of dates each (by the date given
// to Add), so Evict drops everything older than a horizon at once, without
// touching the rest. Per item an Index holds its id, its date, one posting
// per band, a sketch (the low 8 bits of each MinHash value) and hash
// slots: about 700 bytes.
//
// The sketch rules out most candidates without reading their signature:
// two signatures agree on at least as many sketch bytes as MinHash values,
// and Same needs a Jaccard estimate of at least minJaccard, so a candidate
// whose sketch agrees in fewer positions cannot be the same story. Band
// keys are folded to 32 bits, so two different keys may share a chain. A
// candidate is still a candidate, never a verdict: callers check it with
// Same. An Index is not safe for concurrent use.
type Index struct {
	span   int64
	shards map[int64]*shard
	n      int
}

// NewIndex returns an empty Index with shards of span seconds (at least 1).
func NewIndex(span int64) *Index {
	return &Index{span: max(span, 1), shards: map[int64]*shard{}}
}

// shard holds the items dated within one span. Entry e's postings are
// e*Bands+band; next links a posting to the previous one in its slot's
// chain (stored +1 so that 0 ends a chain), and heads holds the newest
// posting (+1) of each slot of an open-addressing table of keys.
type shard struct {
	ids    []int64 // 0 marks a removed entry
	ats    []int64
	sketch []byte // NumHashes bytes per entry
	next   []int32
	keys   []uint32 // 0 marks a free slot
	heads  []int32
	used   int
}

// Len returns the number of items in the index, removed ones excluded
// (0 for a nil Index).
func (x *Index) Len() int {
	if x == nil {
		return 0
	}
	return x.n
}

// Add indexes item id dated at (unix seconds) under the band keys of sig.
// An empty signature is not indexed.
func (x *Index) Add(id, at int64, sig Signature) {
	if sig.Empty() {
		return
	}
	b := floorDiv(at, x.span)
	s := x.shards[b]
	if s == nil {
		s = &shard{}
		x.shards[b] = s
	}
	s.add(id, at, sig)
	x.n++
}

// Remove drops item id dated at, if present. It is meant for undoing the
// last few Adds (a rolled-back transaction): it searches from the newest.
func (x *Index) Remove(id, at int64) {
	s := x.shards[floorDiv(at, x.span)]
	if s == nil {
		return
	}
	for e := len(s.ids) - 1; e >= 0; e-- {
		if s.ids[e] == id {
			s.ids[e] = 0
			x.n--
			return
		}
	}
}

// Evict drops every shard holding only items dated before the given time,
// and returns how many items it dropped.
func (x *Index) Evict(before int64) int {
	dropped := 0
	for b, s := range x.shards {
		if (b+1)*x.span <= before {
			for _, id := range s.ids {
				if id != 0 {
					dropped++
				}
			}
			delete(x.shards, b)
		}
	}
	x.n -= dropped
	return dropped
}

// Candidates appends to dst the ids of the items dated within [from, to]
// that share a band key with sig and whose sketch agrees with sig's in
// enough positions for Same to accept them, each once, in increasing
// order. Every item Same accepts among those sharing a band key is
// returned.
func (x *Index) Candidates(dst []int64, sig Signature, from, to int64) []int64 {
	if sig.Empty() || from > to {
		return dst
	}
	q := query{keys: foldedKeys(sig), sketch: sketchOf(sig), from: from, to: to}
	start := len(dst)
	lo, hi := floorDiv(from, x.span), floorDiv(to, x.span)
	if hi-lo > int64(len(x.shards)) {
		for b, s := range x.shards {
			if b >= lo && b <= hi {
				dst = s.candidates(dst, &q)
			}
		}
	} else {
		for b := lo; b <= hi; b++ {
			if s := x.shards[b]; s != nil {
				dst = s.candidates(dst, &q)
			}
		}
	}
	found := dst[start:]
	slices.Sort(found)
	return dst[:start+len(slices.Compact(found))]
}

func (s *shard) add(id, at int64, sig Signature) {
	keys := foldedKeys(sig)
	e := int32(len(s.ids))
	s.ids = append(s.ids, id)
	s.ats = append(s.ats, at)
	sk := sketchOf(sig)
	s.sketch = append(s.sketch, sk[:]...)
	if (s.used+Bands)*4 >= len(s.keys)*3 {
		s.grow()
	}
	for band, k := range keys {
		slot := s.slot(k)
		if s.keys[slot] == 0 {
			s.keys[slot] = k
			s.used++
		}
		s.next = append(s.next, s.heads[slot])
		s.heads[slot] = e*Bands + int32(band) + 1
	}
}

// query is one Candidates lookup.
type query struct {
	keys     [Bands]uint32
	sketch   [NumHashes]byte
	from, to int64
	entries  []int32
}

func (s *shard) candidates(dst []int64, q *query) []int64 {
	if len(s.keys) == 0 {
		return dst
	}
	q.entries = q.entries[:0]
	for _, k := range q.keys {
		slot := s.slot(k)
		if s.keys[slot] == 0 {
			continue
		}
		for p := s.heads[slot]; p != 0; p = s.next[p-1] {
			e := (p - 1) / Bands
			if s.ids[e] != 0 && s.ats[e] >= q.from && s.ats[e] <= q.to {
				q.entries = append(q.entries, e)
			}
		}
	}
	slices.Sort(q.entries)
	least := minAgree()
	for _, e := range slices.Compact(q.entries) {
		if agree(q.sketch[:], s.sketch[int(e)*NumHashes:][:NumHashes]) >= least {
			dst = append(dst, s.ids[e])
		}
	}
	return dst
}

// minAgree returns the least number of agreeing MinHash values (hence
// sketch bytes) of a pair Same can accept: its Jaccard estimate must reach
// minJaccard.
func minAgree() int { return int(math.Ceil(defaultDecision().minJaccard * NumHashes)) }

// sketchOf returns the low 8 bits of each MinHash value of a usable
// signature.
func sketchOf(sig Signature) [NumHashes]byte {
	var out [NumHashes]byte
	for i, v := range sig.mins() {
		out[i] = byte(v)
	}
	return out
}

func agree(a, b []byte) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

// slot returns the slot holding k, or the free slot where k would go.
func (s *shard) slot(k uint32) int {
	mask := len(s.keys) - 1
	for i := int(k) & mask; ; i = (i + 1) & mask {
		if s.keys[i] == k || s.keys[i] == 0 {
			return i
		}
	}
}

// grow doubles the slot table (at least 1024 slots) and re-inserts the
// keys; chains stay as they are, they hang from their head.
func (s *shard) grow() {
	keys, heads := s.keys, s.heads
	n := max(1024, 2*len(keys))
	for (s.used+Bands)*4 >= n*3 {
		n *= 2
	}
	s.keys, s.heads = make([]uint32, n), make([]int32, n)
	for i, k := range keys {
		if k != 0 {
			j := s.slot(k)
			s.keys[j], s.heads[j] = k, heads[i]
		}
	}
}

// foldedKeys returns the band keys of a usable signature folded to 32
// bits, never 0 (the free-slot mark).
func foldedKeys(sig Signature) [Bands]uint32 {
	var out [Bands]uint32
	for band, k := range sig.BandKeys() {
		f := uint32(k) ^ uint32(uint64(k)>>32)
		if f == 0 {
			f = 1
		}
		out[band] = f
	}
	return out
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
