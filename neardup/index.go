package neardup

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// Index is an in-memory LSH index: given a signature, it returns the items
// added before that share at least one informative band key with it, are
// dated within a window, and could pass Same.
//
// A band key is informative when few items of the window hold it: the
// Index counts, per key, the items of each shard that hold it, and a
// lookup follows only the chains of keys held by at most CommonKey items
// of the shards its window covers. On topical text every item of a
// section shares the word pairs of its common vocabulary, and the keys
// those pairs win grow chains as long as the window is full; skipping
// them keeps a lookup's cost flat in the number of items the window
// holds (at most Bands·CommonKey postings read), never a scan. What is
// common is learned from what the Index holds, so each section (each
// Index) has its own. Two retellings of one story share many word pairs
// that only they hold (names, figures, rarer words), hence many rare
// keys among the Bands: on every test corpus, each pair Same accepts is
// still a candidate (index_test.go checks it against brute force).
//
// Items are kept in shards of one span of dates each (by the date given
// to Add), so Evict drops everything older than a horizon at once, without
// touching the rest. Per item an Index holds its id, its date, one posting
// per band, a sketch (the low 8 bits of each MinHash value) and hash
// slots of 8 bytes with their counts (a table kept at most two thirds
// full, so that a probe for an absent key mostly stops within a cache
// line): about 1.2–1.3 KB on the bench corpora (100,000 items: 61 distinct
// keys an item on default text, 41 on Zipf text), 1.9–3 KB before the
// slots lost their separate count and the table its half-empty rule.
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
	q      query // reused by Candidates
}

// NewIndex returns an empty Index with shards of span seconds (at least 1).
func NewIndex(span int64) *Index {
	return &Index{span: max(span, 1), shards: map[int64]*shard{}}
}

// CommonKey is the number of items of a lookup's window above which a
// band key is common: its chain is not followed.
const CommonKey = 16

// shard holds the items dated within one span. Entry e's postings are
// e*Bands+band; next links a posting to the previous one in its slot's
// chain (stored +1 so that 0 ends a chain), heads holds the newest
// posting (+1) of each slot of an open-addressing table of keys, and
// counts the length of its chain (removed entries included, until the
// shard is evicted).
type shard struct {
	entries []entry
	next    []int32
	slots   []slot
	used    int
}

// entry is one item of a shard: what a lookup reads of a candidate, side
// by side (two or three cache lines).
type entry struct {
	id, at int64 // id 0 marks a removed entry
	sketch [NumHashes]byte
}

// slot is one slot of a shard's table: a key (0 marks a free slot) and,
// in one word, the newest posting of its chain (+1, the low headBits) and
// the chain's length (removed entries included, saturated at maxCount:
// a lookup only asks whether it exceeds CommonKey), side by side so that
// a probe reads one cache line, eight slots to a line.
type slot struct {
	key uint32
	hc  uint32
}

const (
	headBits = 27
	headMask = 1<<headBits - 1
	maxCount = 1<<(32-headBits) - 1
	// maxEntries bounds a shard's items (one span of one section): their
	// postings must fit headBits. An Add beyond it is not indexed.
	maxEntries = headMask / Bands
)

func (sl *slot) head() int32  { return int32(sl.hc & headMask) }
func (sl *slot) count() int32 { return int32(sl.hc >> headBits) }

// push makes posting p (+1) the chain's newest and counts it.
func (sl *slot) push(p int32) {
	c := min(sl.hc>>headBits+1, maxCount)
	sl.hc = c<<headBits | uint32(p)
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
	x.add(id, at, foldedKeys(sig), sketchOf(sig))
}

// AddEncoded indexes item id dated at as Add does, for the signature data
// encodes (MarshalBinary's bytes), read in place: loading a window at
// start-up neither allocates nor decodes the parts of a signature the
// Index does not hold. Bytes of another encoding version or length, or of
// a zero shingle count (what UnmarshalBinary refuses for those reasons),
// fail with an error wrapping ErrBadSignature and index nothing; the
// empty encoding indexes nothing.
func (x *Index) AddEncoded(id, at int64, data []byte) error {
	if len(data) == 0 {
		return nil
	}
	if data[0] != encodingVersion || len(data) != encodedLen {
		return fmt.Errorf("index signature: version %d, %d bytes: %w", data[0], len(data), ErrBadSignature)
	}
	body := data[1:]
	if binary.LittleEndian.Uint32(body) == 0 {
		return fmt.Errorf("index signature: zero shingle count: %w", ErrBadSignature)
	}
	var mins [Bands]uint32
	var sketch [NumHashes]byte
	for i := range Bands {
		mins[i] = binary.LittleEndian.Uint32(body[4+4*i:])
		sketch[i] = byte(mins[i])
	}
	for i := Bands; i < NumHashes; i++ {
		sketch[i] = body[4+4*Bands+2*(i-Bands)] // the low byte of the 16 kept bits
	}
	x.add(id, at, foldKeys(mins[:]), sketch)
	return nil
}

func (x *Index) add(id, at int64, keys [Bands]uint32, sketch [NumHashes]byte) {
	b := floorDiv(at, x.span)
	s := x.shards[b]
	if s == nil {
		s = &shard{}
		x.shards[b] = s
	}
	if len(s.entries) >= maxEntries {
		return // millions of items in one span of one section: beyond what a posting can address
	}
	s.add(id, at, keys, sketch)
	x.n++
}

// Remove drops item id dated at, if present. It is meant for undoing the
// last few Adds (a rolled-back transaction): it searches from the newest.
func (x *Index) Remove(id, at int64) {
	s := x.shards[floorDiv(at, x.span)]
	if s == nil {
		return
	}
	for e := len(s.entries) - 1; e >= 0; e-- {
		if s.entries[e].id == id {
			s.entries[e].id = 0
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
			for _, en := range s.entries {
				if en.id != 0 {
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
// that share an informative band key with sig (one held by at most
// CommonKey items of the shards the window covers) and whose sketch
// agrees with sig's in enough positions for Same to accept them, each
// once, in increasing order. Every item Same accepts among those sharing
// an informative key is returned.
func (x *Index) Candidates(dst []int64, sig Signature, from, to int64) []int64 {
	if sig.Empty() || from > to {
		return dst
	}
	q := &x.q
	q.keys, q.sketch, q.from, q.to = foldedKeys(sig), sketchOf(sig), from, to
	q.shards = q.shards[:0]
	lo, hi := floorDiv(from, x.span), floorDiv(to, x.span)
	if hi-lo > int64(len(x.shards)) {
		for b, s := range x.shards {
			if b >= lo && b <= hi {
				q.shards = append(q.shards, s)
			}
		}
	} else {
		for b := lo; b <= hi; b++ {
			if s := x.shards[b]; s != nil {
				q.shards = append(q.shards, s)
			}
		}
	}
	// How many items of the window's shards hold each key: the chains of
	// the keys more than CommonKey of them hold are not followed.
	n := len(q.shards)
	q.slots = slices.Grow(q.slots[:0], n*Bands)[:n*Bands]
	var follow [Bands]bool
	for band, k := range q.keys {
		total := int32(0)
		for i, s := range q.shards {
			slot := int32(-1)
			if len(s.slots) > 0 {
				if j := s.slot(k); s.slots[j].key != 0 {
					slot = int32(j)
					total += s.slots[j].count()
				}
			}
			q.slots[i*Bands+band] = slot
		}
		follow[band] = total > 0 && total <= CommonKey
	}
	start := len(dst)
	for i, s := range q.shards {
		dst = s.candidates(dst, q, &follow, q.slots[i*Bands:(i+1)*Bands])
	}
	found := dst[start:]
	slices.Sort(found)
	return dst[:start+len(slices.Compact(found))]
}

func (s *shard) add(id, at int64, keys [Bands]uint32, sketch [NumHashes]byte) {
	e := int32(len(s.entries))
	s.entries = append(s.entries, entry{id: id, at: at, sketch: sketch})
	if (s.used+Bands)*3 >= len(s.slots)*2 {
		s.grow()
	}
	for band, k := range keys {
		sl := &s.slots[s.slot(k)]
		if sl.key == 0 {
			sl.key = k
			s.used++
		}
		s.next = append(s.next, sl.head())
		sl.push(e*Bands + int32(band) + 1)
	}
}

// query is one Candidates lookup.
type query struct {
	keys     [Bands]uint32
	sketch   [NumHashes]byte
	from, to int64
	shards   []*shard
	slots    []int32 // per shard, per band: the key's slot, or -1
	entries  []int32
	walked   int // postings read, over every lookup (for benchmarks)
}

// candidates appends the ids of the entries of s on the chains of the
// followed bands (slots: the keys' slots in s) that are dated within the
// window and whose sketch agrees enough.
func (s *shard) candidates(dst []int64, q *query, follow *[Bands]bool, slots []int32) []int64 {
	q.entries = q.entries[:0]
	for band, slot := range slots {
		if !follow[band] || slot < 0 {
			continue
		}
		for p := s.slots[slot].head(); p != 0; p = s.next[p-1] {
			q.entries = append(q.entries, (p-1)/Bands)
		}
	}
	q.walked += len(q.entries)
	slices.Sort(q.entries)
	least := minAgree()
	for _, e := range slices.Compact(q.entries) {
		// One read of the entry: id, date and sketch are side by side.
		en := &s.entries[e]
		if en.id != 0 && en.at >= q.from && en.at <= q.to && agree(q.sketch[:], en.sketch[:]) >= least {
			dst = append(dst, en.id)
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

// agree counts the positions where the sketches a and b (NumHashes
// bytes each) hold the same byte, eight at a time.
func agree(a, b []byte) int {
	const lo7 = 0x7f7f7f7f7f7f7f7f
	n := 0
	for i := 0; i+8 <= len(a) && i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(a[i:]) ^ binary.LittleEndian.Uint64(b[i:])
		// The high bit of each byte of y is set when that byte of x is
		// not zero.
		y := (x&lo7 + lo7) | x
		n += 8 - bits.OnesCount64(y&^lo7)
	}
	return n
}

// slot returns the slot holding k, or the free slot where k would go.
func (s *shard) slot(k uint32) int {
	mask := len(s.slots) - 1
	for i := int(k) & mask; ; i = (i + 1) & mask {
		if s.slots[i].key == k || s.slots[i].key == 0 {
			return i
		}
	}
}

// grow doubles the slot table (at least 1024 slots) and re-inserts the
// keys; chains stay as they are, they hang from their head.
func (s *shard) grow() {
	old := s.slots
	n := max(1024, 2*len(old))
	for (s.used+Bands)*3 >= n*2 {
		n *= 2
	}
	s.slots = make([]slot, n)
	for _, sl := range old {
		if sl.key != 0 {
			s.slots[s.slot(sl.key)] = sl
		}
	}
}

// foldedKeys returns the band keys of a usable signature folded to 32
// bits, never 0 (the free-slot mark).
func foldedKeys(sig Signature) [Bands]uint32 {
	if sig.Empty() {
		return [Bands]uint32{}
	}
	return foldKeys(sig.mins()[:Bands*Rows])
}

// foldKeys returns the folded band keys of the first Bands·Rows MinHash
// values: BandKeys' keys, without its slice (an Add and a look-up each
// need one set).
func foldKeys(m []uint32) [Bands]uint32 {
	var out [Bands]uint32
	for band := range Bands {
		k := mix64(uint64(Version)<<32 | uint64(band))
		for _, v := range m[band*Rows : (band+1)*Rows] {
			k = mix64(k ^ uint64(v))
		}
		f := uint32(k) ^ uint32(k>>32)
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
