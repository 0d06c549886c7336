package neardup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
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
// items (a shared folded band key within the window, a sketch agreeing
// enough), over several shards and many slot-table growths, and checks
// that no pair Same accepts is lost.
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
	var same, ruledOut int
	for q := range 200 {
		sig := story()
		from := int64(r.IntN(5000)) - 1500
		to := from + int64(r.IntN(2000))
		keys, sk := foldedKeys(sig), sketchOf(sig)
		var want []int64
		for _, it := range items {
			if it.at < from || it.at > to {
				continue
			}
			other, osk := foldedKeys(it.sig), sketchOf(it.sig)
			shared := false
			for b := range keys {
				shared = shared || slices.Contains(other[:], keys[b])
			}
			if !shared {
				continue
			}
			if agree(sk[:], osk[:]) >= minAgree() {
				want = append(want, it.id)
			} else {
				ruledOut++
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
	// The corpus must exercise both sides of the sketch.
	if same < 100 || ruledOut < 100 {
		t.Errorf("%d pairs Same, %d ruled out by the sketch: the corpus does not exercise the index", same, ruledOut)
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
