package neardup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"newsdesk/internal/textgen"
)

// randomText returns n words drawn from a vocabulary of size vocab.
func randomText(r *rand.Rand, n, vocab int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprintf("mot%d", r.IntN(vocab))
	}
	return strings.Join(words, " ")
}

func TestIndexFindsRetoldStory(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	x := NewIndex(3600)
	story := randomText(r, 150, 50000)
	x.Add(10, 1000, Sign("", story))
	x.Add(11, 1000, Sign("", randomText(r, 150, 50000)))
	retold := strings.Replace(story, "mot", "mots", 3) // a lightly edited copy
	sig := Sign("", retold)

	tests := []struct {
		name     string
		from, to int64
		want     []int64
	}{
		{"in window", 0, 2000, []int64{10}},
		{"window ends at the date", 0, 1000, []int64{10}},
		{"window starts at the date", 1000, 5000, []int64{10}},
		{"before the window", 1001, 9000, nil},
		{"after the window", -9000, 999, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := x.Candidates(nil, sig, tt.from, tt.to)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Candidates = %v, want %v", got, tt.want)
			}
		})
	}
	if got := x.Candidates(nil, nil, 0, 2000); got != nil {
		t.Errorf("Candidates(empty signature) = %v, want none", got)
	}
	if got := x.Len(); got != 2 {
		t.Errorf("Len = %d, want 2", got)
	}
}

// perturbed returns base with each word replaced, with probability p, by
// a random word of a vocabulary of size vocab.
func perturbed(r *rand.Rand, base string, p float64, vocab int) string {
	words := strings.Fields(base)
	for i := range words {
		if r.Float64() < p {
			words[i] = fmt.Sprintf("mot%d", r.IntN(vocab))
		}
	}
	return strings.Join(words, " ")
}

// TestIndexMatchesBruteForce checks every lookup against a scan of all
// items (a shared informative folded band key within the window, a
// sketch agreeing enough, a text part passing Same's containment and
// names tests), over several shards and many slot-table growths, and
// checks that no pair Same accepts among those is lost.
func TestIndexMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const vocab = 3000
	var bases []string
	for range 60 {
		bases = append(bases, randomText(r, 80, vocab))
	}
	story := func() Signature {
		return Sign("", perturbed(r, bases[r.IntN(len(bases))], 0.1+0.6*r.Float64(), vocab))
	}
	type item struct {
		id, at int64
		sig    Signature
	}
	var items []item
	x := NewIndex(500)
	for i := range 3000 {
		it := item{id: int64(i + 1), at: int64(r.IntN(5000)) - 1000, sig: story()}
		items = append(items, it)
		x.Add(it.id, it.at, it.sig)
	}

	var same, ruledOut, textOut int
	for q := range 200 {
		sig := story()
		from := int64(r.IntN(5000)) - 1500
		to := from + int64(r.IntN(2000))
		keys, sk := foldedKeys(sig), sketchOf(sig)
		// A key is followed when 1 to CommonKey postings of the shards
		// the window covers hold it.
		lo, hi := floorDiv(from, 500), floorDiv(to, 500)
		held := map[uint32]int{}
		for _, it := range items {
			if b := floorDiv(it.at, 500); b >= lo && b <= hi {
				for _, k := range foldedKeys(it.sig) {
					held[k]++
				}
			}
		}
		var want []int64
		for _, it := range items {
			if it.at < from || it.at > to {
				continue
			}
			other, osk := foldedKeys(it.sig), sketchOf(it.sig)
			shared := false
			for b := range keys {
				if n := held[keys[b]]; n >= 1 && n <= CommonKey {
					shared = shared || slices.Contains(other[:], keys[b])
				}
			}
			if !shared {
				continue
			}
			switch {
			case agree(sk[:], osk[:]) < minAgree():
				ruledOut++
			case !defaultDecision().sameText(sig.text(), it.sig.text()):
				textOut++
			default:
				want = append(want, it.id)
			}
			if Same(sig, it.sig) {
				same++
				if !slices.Contains(want, it.id) {
					t.Errorf("query %d: item %d is Same but not a candidate", q, it.id)
				}
			}
		}
		got := x.Candidates(nil, sig, from, to)
		if !slices.Equal(got, want) {
			t.Fatalf("query %d [%d, %d]: %d candidates, want %d", q, from, to, len(got), len(want))
		}
	}
	// The corpus must exercise both sides of the sketch and of the text
	// part.
	if same < 100 || ruledOut < 20 || textOut < 20 {
		t.Errorf("%d pairs Same, %d ruled out by the sketch, %d by the text part: the corpus does not exercise the index",
			same, ruledOut, textOut)
	}
}

func TestIndexRemoveAndEvict(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	x := NewIndex(100)
	text := randomText(r, 100, 50000)
	sig := Sign("", text)
	x.Add(1, 50, sig)  // shard 0
	x.Add(2, 150, sig) // shard 1
	x.Add(3, 250, sig) // shard 2
	x.Add(4, 250, sig) // shard 2
	x.Remove(4, 250)
	x.Remove(99, 250) // absent: no effect
	if got, want := x.Candidates(nil, sig, 0, 1000), []int64{1, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("after Remove: Candidates = %v, want %v", got, want)
	}
	if got := x.Len(); got != 3 {
		t.Errorf("after Remove: Len = %d, want 3", got)
	}
	// Shard 1 ends at 200: evicting before 199 keeps it, before 200 drops it.
	if got := x.Evict(199); got != 1 {
		t.Errorf("Evict(199) dropped %d, want 1", got)
	}
	if got := x.Evict(200); got != 1 {
		t.Errorf("Evict(200) dropped %d, want 1", got)
	}
	if got, want := x.Candidates(nil, sig, 0, 1000), []int64{3}; !slices.Equal(got, want) {
		t.Errorf("after Evict: Candidates = %v, want %v", got, want)
	}
	if got := x.Len(); got != 1 {
		t.Errorf("after Evict: Len = %d, want 1", got)
	}
}

func TestIndexNegativeDates(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	x := NewIndex(100)
	sig := Sign("", randomText(r, 100, 50000))
	x.Add(1, -50, sig) // shard -1, not shard 0
	if got := x.Candidates(nil, sig, -60, -40); !slices.Equal(got, []int64{1}) {
		t.Errorf("Candidates = %v, want [1]", got)
	}
	if got := x.Evict(0); got != 1 {
		t.Errorf("Evict(0) dropped %d, want 1", got)
	}
}

// BenchmarkIndexCandidates measures a lookup among n items in the window:
// its cost follows what the window holds, not what is stored elsewhere.
func BenchmarkIndexCandidates(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(9, 10))
			x := NewIndex(86400)
			for i := range n {
				x.Add(int64(i+1), int64(i%86400), Sign("", randomText(r, 120, 100000)))
			}
			sig := Sign("", randomText(r, 120, 100000))
			var dst []int64
			b.ReportAllocs()
			for b.Loop() {
				dst = x.Candidates(dst[:0], sig, 0, 86400)
			}
		})
	}
}

// TestIndexFindsEverySamePair checks, on generated corpora of each text
// mode, that every pair Same accepts is a candidate: items are added in
// order, each looked up first (window: two days either side) among those
// added before it, and the lookup is compared with a scan of all of them.
// The Zipf corpus is topical (its common keys are skipped), the Small one
// is all collisions and nothing to merge.
func TestIndexFindsEverySamePair(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 600
	}
	for _, mode := range corpusModes {
		t.Run(mode.String(), func(t *testing.T) {
			items := buildCorpus(t, mode, n, 11)
			x := NewIndex(corpusShard)
			var same, retold, found, skipped int
			var got []int64
			for i, it := range items {
				got = x.Candidates(got[:0], it.sig, it.at-corpusSpan, it.at+corpusSpan)
				for _, o := range items[:i] {
					if !Same(it.sig, o.sig) {
						continue
					}
					same++
					if slices.Contains(got, o.id) {
						found++
					} else {
						t.Errorf("item %d (retelling of %d): item %d is Same but not a candidate", it.id, it.of, o.id)
					}
				}
				if it.of != 0 {
					retold++
				}
				x.Add(it.id, it.at, it.sig)
			}
			skipped = commonKeys(x)
			t.Logf("%s: %d items, %d retellings, %d pairs Same accepts, %d found; %d band keys are common", mode, n, retold, same, found, skipped)
			switch mode.String() {
			case "small":
				if same != 0 {
					t.Errorf("small corpus: %d pairs Same accepts, want none (nothing to merge)", same)
				}
			default:
				if same < retold/2 {
					t.Errorf("%d pairs Same accepts for %d retellings: the corpus does not exercise the index", same, retold)
				}
			}
			if skipped == 0 {
				t.Error("no band key is common: the corpus does not exercise the rarity rule")
			}
		})
	}
}

// commonKeys counts the keys held by more than CommonKey items of one
// shard.
func commonKeys(x *Index) int {
	n := 0
	for _, s := range x.shards {
		for _, c := range s.slots {
			if c.count() > CommonKey {
				n++
			}
		}
	}
	return n
}

// TestIndexFindsRetellingsAtScale adds 20,000 items of topical (Zipf) and
// Default text, where many band keys are common, and checks that the
// retellings Same accepts against the story they retell are candidates
// of it when they are added (brute force over all pairs is too slow at
// this size: TestIndexFindsEverySamePair does it on 1,500 items). This is
// where the rarity rule costs: a feed summary of a few lines made only of
// the section's common word pairs shares no rare key with its article
// (5 of 3,910 on Zipf text); such a summary is left to the link and title
// rules. The test allows 1 in 500.
func TestIndexFindsRetellingsAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("20,000 items per corpus")
	}
	for _, mode := range corpusModes[:2] {
		t.Run(mode.String(), func(t *testing.T) {
			items := buildCorpus(t, mode, 20_000, 12)
			x := NewIndex(corpusShard)
			var same, found int
			var got []int64
			for _, it := range items {
				if it.of != 0 && Same(it.sig, items[it.of-1].sig) {
					same++
					got = x.Candidates(got[:0], it.sig, it.at-corpusSpan, it.at+corpusSpan)
					if slices.Contains(got, it.of) {
						found++
					} else {
						t.Logf("item %d (%d shingles): the story it retells (%d) is Same but not a candidate", it.id, it.sig.size(), it.of)
					}
				}
				x.Add(it.id, it.at, it.sig)
			}
			t.Logf("%s: %d retellings Same accepts, %d found; %d band keys are common", mode, same, found, commonKeys(x))
			if missed := same - found; missed*500 > same {
				t.Errorf("%d of %d retellings Same accepts are not candidates, want at most 1 in 500", missed, same)
			}
			if same < 3000 || commonKeys(x) < 100 {
				t.Errorf("%d retellings, %d common keys: the corpus does not exercise the index", same, commonKeys(x))
			}
		})
	}
}

// TestIndexFindsLabeledPairs indexes every distinct item of the labeled
// set (about 400, in one window: the names most stories share, days and
// capitals, are common keys there) and checks that each pair Same
// accepts is found by a look-up of either side, the digests that share
// no band key with their article included (through their names).
func TestIndexFindsLabeledPairs(t *testing.T) {
	set := signedSet(t)
	x := NewIndex(corpusShard)
	ids := map[string]int64{}
	id := func(s Signature) int64 {
		b, _ := s.MarshalBinary()
		k := string(b)
		if ids[k] == 0 {
			ids[k] = int64(len(ids) + 1)
			x.Add(ids[k], 1000, s)
		}
		return ids[k]
	}
	for _, p := range set {
		id(p.a)
		id(p.b)
	}
	var got []int64
	same, byNames := 0, 0
	for _, p := range set {
		ia, ib := id(p.a), id(p.b)
		if !Same(p.a, p.b) || ia == ib {
			continue
		}
		same++
		if !shareBand(p.a, p.b) {
			byNames++
		}
		if got = x.Candidates(got[:0], p.b, 0, 2000); !slices.Contains(got, ia) {
			t.Errorf("%s (%s): Same, but a is not a candidate of b", p.ID, p.Kind)
		}
		if got = x.Candidates(got[:0], p.a, 0, 2000); !slices.Contains(got, ib) {
			t.Errorf("%s (%s): Same, but b is not a candidate of a", p.ID, p.Kind)
		}
	}
	t.Logf("%d items, %d pairs Same accepts, %d of them without a shared band key; %d common keys", len(ids), same, byNames, commonKeys(x))
	if byNames == 0 {
		t.Error("no pair is accepted without a shared band key: the name keys are not exercised")
	}
}

// TestIndexFindsFlashes adds generated articles and flashes of some of
// them (eight words under MinWords: six of the article's words and two of
// its names or numbers, in another order, hence short signatures that
// share no band key with anything) and checks against brute force that
// every pair Same accepts is a candidate, from the side added last.
func TestIndexFindsFlashes(t *testing.T) {
	n := 1200
	if testing.Short() {
		n = 500
	}
	for _, mode := range corpusModes[:2] {
		t.Run(mode.String(), func(t *testing.T) {
			g := textgen.New(mode)
			r := uint64(0x5eed)
			next := func() uint64 { r ^= r << 13; r ^= r >> 7; r ^= r << 17; return r }
			var items []corpusItem
			var flashes, same, found int
			x := NewIndex(corpusShard)
			var got []int64
			for i := range n {
				text := g.Article(uint64(i)<<8|3, 3, 65)
				var of int64
				if i > 10 && next()%4 == 0 {
					j := int(next() % uint64(len(items)))
					if f := flashOf(g.Article(uint64(j)<<8|3, 3, 65), next()); f != "" {
						text, of = f, items[j].id
					}
				}
				it := corpusItem{id: int64(i + 1), at: int64(next() % corpusSpan), sig: Sign("", text), of: of}
				if it.sig.short() {
					flashes++
				}
				got = x.Candidates(got[:0], it.sig, it.at-corpusSpan, it.at+corpusSpan)
				for _, o := range items {
					if !Same(it.sig, o.sig) {
						continue
					}
					same++
					if slices.Contains(got, o.id) {
						found++
					} else {
						t.Errorf("item %d (flash of %d: %v): item %d is Same but not a candidate", it.id, it.of, it.sig.short(), o.id)
					}
				}
				x.Add(it.id, it.at, it.sig)
				items = append(items, it)
			}
			t.Logf("%s: %d items, %d flashes, %d pairs Same accepts, %d found", mode, n, flashes, same, found)
			if same < flashes/2 || flashes < n/10 {
				t.Errorf("%d flashes, %d pairs Same accepts: the corpus does not exercise short signatures", flashes, same)
			}
		})
	}
}

// flashOf returns a flash of a generated article: six of its lower-case
// words and two of its names (capitalized inside a sentence) or numbers,
// interleaved, or "" when it has too few of them.
func flashOf(article string, seed uint64) string {
	var words, names []string
	for _, sentence := range strings.Split(strings.ReplaceAll(article, "\n\n", " "), ".") {
		for i, w := range strings.Fields(sentence) {
			switch {
			case i > 0 && (unicode.IsUpper([]rune(w)[0]) || unicode.IsDigit([]rune(w)[0])):
				names = append(names, w)
			case len(w) >= 5 && unicode.IsLower([]rune(w)[0]):
				words = append(words, w)
			}
		}
	}
	if len(words) < 6 || len(names) < 2 {
		return ""
	}
	pick := func(from []string, k int) []string {
		out := make([]string, 0, k)
		for i := range k {
			out = append(out, from[int((seed>>(8*i))%uint64(len(from)))])
		}
		return out
	}
	w, nm := pick(words, 6), pick(names, 2)
	return strings.Join([]string{w[0], w[1], nm[0], w[2], w[3], nm[1], w[4], w[5]}, " ") + "."
}
