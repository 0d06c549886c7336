package neardup

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// Index is an in-memory LSH index: given a signature, it returns the items
// added before that share at least one informative key with it (a band
// key, or a name key: see below), are dated within a window, and could
// pass Same.
//
// A band key is informative when few items of the window hold it: the
// Index counts, per key, the items of each shard that hold it, and a
// lookup follows only the chains of keys held by at most CommonKey items
// of the shards its window covers. On topical text every item of a
// section shares the word pairs of its common vocabulary, and the keys
// those pairs win grow chains as long as the window is full; skipping
// them keeps a lookup's cost flat in the number of items the window
// holds (at most (Bands+MaxNames)·CommonKey postings read), never a scan. What is
// common is learned from what the Index holds, so each section (each
// Index) has its own. Two retellings of one story share many word pairs
// that only they hold (names, figures, rarer words), hence many rare
// keys among the Bands: on every test corpus, each pair Same accepts is
// still a candidate (index_test.go checks it against brute force).
//
// Each item also hangs on one chain per kept name (numbers, proper names,
// dates: up to MaxNames), under the same rarity rule: a one- or two-line
// digest that retells its article in another order shares no band key
// with it, but Same accepts it only when all of its names are in the
// article (decision.digest), so the pair shares the digest's rarest
// names. Names most items hold (a day, the capital) are common keys and
// are not followed. A short signature (a flash: see Sign) hangs on its
// name keys alone: it has no band keys, and Same accepts it against a
// text only when all of its names are in that text (decision.flash).
//
// Items are kept in shards of one span of dates each (by the date given
// to Add), so Evict drops everything older than a horizon at once, without
// touching the rest. Per item an Index holds its id, its date, one posting
// per band and per name (a name's posting is reserved when the item has
// fewer names), a sketch (the low 8 bits of each MinHash value) and hash
// slots of 8 bytes with their counts (a table kept at most three
// quarters full, so that a probe for an absent key mostly stops within a
// cache line or two), and the text part of its signature (322 bytes,
// below); BenchmarkLookup reports it as index-B/item.
//
// The sketch rules out most candidates without reading their signature:
// two signatures agree on at least as many sketch bytes as MinHash values,
// and Same needs a Jaccard estimate of at least minJaccard, so a candidate
// whose sketch agrees in fewer positions cannot be the same story, unless
// it passes Same's digest rule, which reads no MinHash value. Each
// item also keeps the text part of its signature (322 bytes: the two Bloom
// filters, the names, the shingle count), and a candidate must pass Same's
// tests of those (the containment thresholds, the digest rule and the
// names' veto) with the same code as Same: on a small vocabulary, where many items share
// rare keys and agree on sketch bytes by chance, that leaves almost only
// the pairs Same accepts, so callers read few stored signatures. What
// the Index cannot check exactly is Same's MinHash part (its Jaccard
// estimate and a shared band value: band keys are folded to 32 bits, so
// two different keys may share a chain). A candidate is still a
// candidate, never a verdict: callers check it with Same. An Index is
// not safe for concurrent use.
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
	texts   []textSummary // beside entries, read only for candidates whose sketch agrees
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
	maxEntries = headMask / keysPer
)

// keysPer is the number of keys an entry may hang on chains: its Bands
// band keys, then one name key for each of its kept names (MaxNames at
// most; the postings of absent names are left unused). The name keys let
// a look-up find a one- or two-line digest that retells its article in
// another order: the two share no band key, but every name and number of
// the digest is in the article (decision.digest), and the rare ones,
// held by at most CommonKey items of the window, are followed.
const keysPer = Bands + MaxNames

// textSummary is an entry's text part (what Same reads besides the MinHash
// values: see text), 322 bytes: the two Bloom filters and the kept names
// as stored, the shingle and name counts saturated where Same stops
// telling them apart.
type textSummary struct {
	bloom [bloomLen]uint32
	words [wordsLen]uint32
	names [MaxNames]uint32 // ascending, 0-padded
	size  uint8            // shingle count, at most 255 (Same only asks whether it is under shortSize)
	count uint8            // name count, at most MaxNames+1 (Same only asks whether all are kept)
	short bool             // a short signature's (bloom is zero)
}

func summarize(t text) textSummary {
	var s textSummary
	copy(s.bloom[:], t.bloom)
	copy(s.words[:], t.words)
	copy(s.names[:], t.names)
	s.size = uint8(min(t.size, 255))
	s.short = t.short
	s.count = uint8(len(t.names))
	if !t.complete {
		s.count = MaxNames + 1
	}
	return s
}

func (s *textSummary) text() text {
	k := min(int(s.count), MaxNames)
	t := text{size: int(s.size), words: s.words[:], names: s.names[:k], complete: int(s.count) <= MaxNames, short: s.short}
	if !s.short {
		t.bloom = s.bloom[:]
	}
	return t
}

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
	t := sig.text()
	x.add(id, at, indexKeys(foldedKeys(sig), t.names), sketchOf(sig), summarize(t))
}

// AddEncoded indexes item id dated at as Add does, for the signature data
// encodes (MarshalBinary's bytes), read in place: loading a window at
// start-up neither allocates nor decodes the parts of a signature the
// Index does not hold. Bytes of another encoding version or length, or of
// a zero shingle count (what UnmarshalBinary refuses for those reasons),
// fail with an error wrapping ErrBadSignature and index nothing; the
// empty encoding indexes nothing.
func (x *Index) AddEncoded(id, at int64, data []byte) error {
	var d decoded
	if ok, err := d.decode(data); !ok {
		return err
	}
	x.add(id, at, indexKeys(d.keys, d.ts.names[:min(int(d.ts.count), MaxNames)]), d.sketch, d.ts)
	return nil
}

// decoded is what an Index keeps of an encoded signature.
type decoded struct {
	keys   [Bands]uint32
	sketch [NumHashes]byte
	ts     textSummary
}

// decode reads data (MarshalBinary's bytes) in place; it returns false
// for the empty encoding (nil error) and for bytes AddEncoded refuses.
func (d *decoded) decode(data []byte) (bool, error) {
	if len(data) == 0 {
		return false, nil
	}
	if data[0] != encodingVersion || len(data) != encodedLen && len(data) != shortEncodedLen {
		return false, fmt.Errorf("index signature: version %d, %d bytes: %w", data[0], len(data), ErrBadSignature)
	}
	body := data[1:]
	if binary.LittleEndian.Uint32(body) == 0 {
		return false, fmt.Errorf("index signature: zero shingle count: %w", ErrBadSignature)
	}
	if len(data) == shortEncodedLen {
		// A short signature: no band keys (0: no posting), a zero
		// sketch, the words' filter and the names.
		*d = decoded{}
		ts := &d.ts
		ts.short = true
		ts.size = uint8(min(binary.LittleEndian.Uint32(body), 255))
		tb := body[4:]
		for i := range wordsLen {
			ts.words[i] = binary.LittleEndian.Uint32(tb[4*i:])
		}
		tb = tb[4*wordsLen:]
		ts.count = uint8(min(binary.LittleEndian.Uint16(tb), MaxNames+1))
		tb = tb[2:]
		for i := range MaxNames {
			ts.names[i] = binary.LittleEndian.Uint32(tb[4*i:])
		}
		return true, nil
	}
	var mins [Bands]uint32
	for i := range Bands {
		mins[i] = binary.LittleEndian.Uint32(body[4+4*i:])
		d.sketch[i] = byte(mins[i])
	}
	for i := Bands; i < NumHashes; i++ {
		d.sketch[i] = body[4+4*Bands+2*(i-Bands)] // the low byte of the 16 kept bits
	}
	d.keys = foldKeys(mins[:])
	// The text part, where MarshalBinary puts it.
	ts := &d.ts
	ts.size = uint8(min(binary.LittleEndian.Uint32(body), 255))
	tb := body[4+4*Bands+2*(NumHashes-Bands):]
	for i := range bloomLen {
		ts.bloom[i] = binary.LittleEndian.Uint32(tb[4*i:])
	}
	tb = tb[4*bloomLen:]
	for i := range wordsLen {
		ts.words[i] = binary.LittleEndian.Uint32(tb[4*i:])
	}
	tb = tb[4*wordsLen:]
	ts.count = uint8(min(binary.LittleEndian.Uint16(tb), MaxNames+1))
	tb = tb[2:]
	for i := range MaxNames {
		ts.names[i] = binary.LittleEndian.Uint32(tb[4*i:])
	}
	return true, nil
}

func (x *Index) add(id, at int64, keys [keysPer]uint32, sketch [NumHashes]byte, ts textSummary) {
	b := floorDiv(at, x.span)
	s := x.shards[b]
	if s == nil {
		s = &shard{}
		x.shards[b] = s
	}
	if len(s.entries) >= maxEntries {
		return // millions of items in one span of one section: beyond what a posting can address
	}
	s.add(id, at, keys, sketch, &ts)
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

// Holds reports whether the Index holds item id dated at with exactly
// what it keeps of sig: its band keys, sketch and text part (an item
// signed again is held with each signature it was added with, until its
// shard is evicted). It lets a store check its in-memory copy against the
// signatures it keeps; an empty signature is never held.
func (x *Index) Holds(id, at int64, sig Signature) bool {
	s := x.shards[floorDiv(at, x.span)]
	if s == nil || sig.Empty() || len(s.slots) == 0 {
		return false
	}
	t := sig.text()
	sketch, ts := sketchOf(sig), summarize(t)
	keys := indexKeys(foldedKeys(sig), t.names)
	// The entry is on the chain of each of its keys: walk the shortest.
	best, bestCount := -1, int32(math.MaxInt32)
	for band, k := range keys {
		if k == 0 {
			continue // no such name (or band, for a short signature)
		}
		j := s.slot(k)
		if s.slots[j].key == 0 {
			return false
		}
		if c := s.slots[j].count(); c < bestCount {
			best, bestCount = band, c
		}
	}
	if best < 0 {
		return false
	}
	for p := s.slots[s.slot(keys[best])].head(); p != 0; p = s.next[p-1] {
		e := (p - 1) / keysPer
		if int((p-1)%keysPer) != best {
			continue
		}
		en := &s.entries[e]
		if en.id != id || en.at != at || en.sketch != sketch || s.texts[e] != ts {
			continue
		}
		// Every key's posting of the entry hangs from the slot of its key.
		ok := true
		for band, k := range keys {
			ok = ok && (k == 0 || s.onChain(s.slot(k), e*keysPer+int32(band)+1))
		}
		if ok {
			return true
		}
	}
	return false
}

// onChain reports whether posting p (+1) is on the chain of slot j.
func (s *shard) onChain(j int, p int32) bool {
	for q := s.slots[j].head(); q != 0; q = s.next[q-1] {
		if q == p {
			return true
		}
		if q < p {
			return false // chains run from the newest posting down
		}
	}
	return false
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
// that share an informative band or name key with sig (one held by at
// most CommonKey items of the shards the window covers), whose sketch
// agrees with sig's in enough positions for Same to accept them and whose
// text part (containment, names) passes Same's tests, or that pass Same's
// digest or flash rule, or that are a flash of the same words and names
// as sig's (found, though Same rejects it), each once, in increasing order. Every item Same accepts
// among those sharing an informative key is returned (an item added
// twice, with two signatures, is returned when either passes).
func (x *Index) Candidates(dst []int64, sig Signature, from, to int64) []int64 {
	if sig.Empty() || from > to {
		return dst
	}
	q := &x.q
	q.sketch, q.text, q.from, q.to = sketchOf(sig), sig.text(), from, to
	q.keys = indexKeys(foldedKeys(sig), q.text.names)
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
	q.slots = slices.Grow(q.slots[:0], n*keysPer)[:n*keysPer]
	var follow [keysPer]bool
	for band, k := range q.keys {
		if k == 0 {
			for i := range q.shards {
				q.slots[i*keysPer+band] = -1
			}
			continue // no such name
		}
		total := int32(0)
		for i, s := range q.shards {
			slot := int32(-1)
			if len(s.slots) > 0 {
				if j := s.slot(k); s.slots[j].key != 0 {
					slot = int32(j)
					total += s.slots[j].count()
				}
			}
			q.slots[i*keysPer+band] = slot
		}
		follow[band] = total > 0 && total <= CommonKey
	}
	start := len(dst)
	for i, s := range q.shards {
		dst = s.candidates(dst, q, &follow, q.slots[i*keysPer:(i+1)*keysPer])
	}
	found := dst[start:]
	slices.Sort(found)
	return dst[:start+len(slices.Compact(found))]
}

func (s *shard) add(id, at int64, keys [keysPer]uint32, sketch [NumHashes]byte, ts *textSummary) {
	e := int32(len(s.entries))
	s.entries = append(s.entries, entry{id: id, at: at, sketch: sketch})
	s.texts = append(s.texts, *ts)
	if full(s.used, len(s.slots)) {
		s.grow()
	}
	for band, k := range keys {
		if k == 0 {
			s.next = append(s.next, 0) // no such name: an unused posting
			continue
		}
		sl := &s.slots[s.slot(k)]
		if sl.key == 0 {
			sl.key = k
			s.used++
		}
		s.next = append(s.next, sl.head())
		sl.push(e*keysPer + int32(band) + 1)
	}
}

// query is one Candidates lookup.
type query struct {
	keys     [keysPer]uint32
	sketch   [NumHashes]byte
	text     text
	from, to int64
	shards   []*shard
	slots    []int32 // per shard, per band: the key's slot, or -1
	entries  []int32
	walked   int // postings read, over every lookup (for benchmarks)
}

// candidates appends the ids of the entries of s on the chains of the
// followed bands (slots: the keys' slots in s) that are dated within the
// window and whose sketch agrees enough.
func (s *shard) candidates(dst []int64, q *query, follow *[keysPer]bool, slots []int32) []int64 {
	q.entries = q.entries[:0]
	for band, slot := range slots {
		if !follow[band] || slot < 0 {
			continue
		}
		for p := s.slots[slot].head(); p != 0; p = s.next[p-1] {
			q.entries = append(q.entries, (p-1)/keysPer)
		}
	}
	q.walked += len(q.entries)
	slices.Sort(q.entries)
	d := defaultDecision()
	least := minAgree()
	for _, e := range slices.Compact(q.entries) {
		// One read of the entry: id, date and sketch are side by side.
		en := &s.entries[e]
		if en.id == 0 || en.at < q.from || en.at > q.to {
			continue
		}
		t := s.texts[e].text()
		if agree(q.sketch[:], en.sketch[:]) >= least && d.sameText(q.text, t) || d.digest(q.text, t) || sameFlash(q.text, t) {
			dst = append(dst, en.id)
		}
	}
	return dst
}

// sameFlash reports whether a and b are short signatures' texts of the
// same words and names: Same never accepts two flashes, but a look-up
// with an item's own signature finds the item (what storage's invariant
// check asks of every filed item), and a candidate is never a verdict.
func sameFlash(a, b text) bool {
	return a.short && b.short && a.complete && b.complete && a.size == b.size &&
		slices.Equal(a.names, b.names) && slices.Equal(a.words, b.words)
}

// minAgree returns the least number of agreeing MinHash values (hence
// sketch bytes) of a pair Same can accept: its Jaccard estimate must reach
// minJaccard.
func minAgree() int { return int(math.Ceil(defaultDecision().minJaccard * NumHashes)) }

// sketchOf returns the low 8 bits of each MinHash value of a usable
// signature.
func sketchOf(sig Signature) [NumHashes]byte {
	var out [NumHashes]byte
	if sig.short() {
		return out // no MinHash values: Same's MinHash part never passes
	}
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
// A key's first slot is its place in the table's range (k·n/2³², the
// keys being uniform), so that growing keeps the keys' order.
func (s *shard) slot(k uint32) int {
	n := len(s.slots)
	for i := int(uint64(k) * uint64(n) >> 32); ; {
		if s.slots[i].key == k || s.slots[i].key == 0 {
			return i
		}
		if i++; i == n {
			i = 0
		}
	}
}

// full reports whether a table of n slots holding used keys is too full
// for another item's keys: at most three quarters of it is used, so that
// a probe for an absent key mostly stops within a cache line or two.
func full(used, n int) bool { return (used+keysPer)*4 >= n*3 }

// grow doubles the slot table (at least 1024 slots) and re-inserts the
// keys in the table's order, which is theirs (see slot), so that the
// new table is written front to back; chains stay as they are, they hang
// from their head. (Growing by half instead kept tables fuller but made
// loading a window at start-up re-insert twice as many keys.)
func (s *shard) grow() {
	n := max(1024, 2*len(s.slots))
	for full(s.used, n) {
		n *= 2
	}
	s.resize(n)
}

// resize re-inserts the keys into a table of n slots.
func (s *shard) resize(n int) {
	old := s.slots
	s.slots = make([]slot, n)
	for _, sl := range old {
		if sl.key != 0 {
			s.slots[s.slot(sl.key)] = sl
		}
	}
}

// foldedKeys returns the band keys of a usable signature folded to 32
// bits, never 0 (the free-slot mark); a short signature has none (all 0:
// no posting).
func foldedKeys(sig Signature) [Bands]uint32 {
	if sig.Empty() || sig.short() {
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

// indexKeys returns the keys an entry hangs on: its band keys, then a
// key for each of its kept names (names), folded to 32 bits and never 0,
// 0 where it has no more names. Name keys are seeded apart from band
// keys, so a name never shares a chain with a band on purpose.
// nameSeed seeds the name keys (band numbers are under 0xffff).
var nameSeed = mix64(uint64(Version)<<32 | 0xffff)

func indexKeys(bands [Bands]uint32, names []uint32) [keysPer]uint32 {
	var out [keysPer]uint32
	copy(out[:], bands[:])
	for i, h := range names[:min(len(names), MaxNames)] {
		k := mix64(nameSeed ^ uint64(h))
		f := uint32(k) ^ uint32(k>>32)
		if f == 0 {
			f = 1
		}
		out[Bands+i] = f
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
