package neardup

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk/internal/textgen"
)

// text200 returns a 200-word French dispatch built from a stored story.
func text200(b *testing.B) (string, string) {
	b.Helper()
	s := readJSONL[story](b, "stories.jsonl")[0]
	words := strings.Fields(s.Text + " " + s.Text)
	return s.Title, strings.Join(words[:200], " ")
}

func BenchmarkSign(b *testing.B) {
	title, text := text200(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sign(title, text)
	}
}

func BenchmarkSame(b *testing.B) {
	title, text := text200(b)
	x := Sign(title, text)
	y := Sign("", strings.Replace(text, "mardi", "mercredi", 1))
	b.ReportAllocs()
	for b.Loop() {
		Same(x, y)
	}
}

func BenchmarkBandKeys(b *testing.B) {
	title, text := text200(b)
	x := Sign(title, text)
	b.ReportAllocs()
	for b.Loop() {
		x.BandKeys()
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	title, text := text200(b)
	data, err := Sign(title, text).MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var s Signature
	for b.Loop() {
		if err := s.UnmarshalBinary(data); err != nil {
			b.Fatal(err)
		}
	}
}

// lookupCorpora caches the generated corpora of BenchmarkLookup and
// their queries, one per text mode: generating and signing 100,000 items
// takes seconds.
var lookupCorpora = map[textgen.Mode][2][]corpusItem{}

// BenchmarkLookup measures what storing one item costs in near-duplicate
// look-ups: Candidates over a two-day window holding 0, 10,000, 50,000 or
// 100,000 items of one section, and Same on every candidate. Queries are
// new stories and, one in five, retellings of one of the first 10,000
// stored stories (so that every window of 10,000 items or more holds the
// same true duplicates: the work of finding them is the same). On
// topical (Zipf) text the cost must not grow with the window: target
// 100k ≤ 1.5× 10k. Besides ns/op (wall time), cpu-ns/op is the CPU time
// the process spent per lookup, which waiting for a core on a shared
// machine does not inflate; postings/op is the number of chain entries
// read; index-B/item is the live heap the index holds per item.
//
//	go test -run '^$' -bench Lookup -benchtime 20000x ./neardup
func BenchmarkLookup(b *testing.B) {
	const queries = 2000
	for _, mode := range corpusModes {
		for _, n := range []int{0, 10_000, 50_000, 100_000} {
			b.Run(fmt.Sprintf("%s/%d", mode, n), func(b *testing.B) {
				c, ok := lookupCorpora[mode]
				if !ok {
					c[0] = buildCorpus(b, mode, 100_000, 21)
					c[1] = buildQueries(b, mode, c[0], 21, queries, 10_000)
					lookupCorpora[mode] = c
				}
				items, qs := c[0], c[1]
				var m0, m1 runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&m0)
				x := NewIndex(corpusShard)
				for _, it := range items[:n] {
					x.Add(it.id, it.at, it.sig)
				}
				runtime.GC()
				runtime.ReadMemStats(&m1)
				held := int64(m1.HeapAlloc) - int64(m0.HeapAlloc) // what the index holds (live heap)
				var dst []int64
				cands, same := 0, 0
				b.ReportAllocs()
				var cpu0 time.Duration
				for i := 0; b.Loop(); i++ {
					if i == 0 {
						cpu0 = cpuTime()
					}
					q := qs[i%len(qs)]
					dst = x.Candidates(dst[:0], q.sig, q.at-corpusSpan, q.at+corpusSpan)
					for _, id := range dst {
						if Same(q.sig, items[id-1].sig) {
							same++
						}
					}
					cands += len(dst)
				}
				b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
				b.ReportMetric(float64(cands)/float64(b.N), "candidates/op")
				b.ReportMetric(float64(same)/float64(b.N), "same/op")
				b.ReportMetric(float64(x.q.walked)/float64(b.N), "postings/op")
				if n > 0 {
					b.ReportMetric(float64(held)/float64(n), "index-B/item")
				}
				// Completeness at this size: the queries that retell a
				// stored story Same accepts, and how many of those stories
				// are not candidates.
				retold, missed := 0, 0
				for _, q := range qs {
					if q.of == 0 || q.of > int64(n) || !Same(q.sig, items[q.of-1].sig) {
						continue
					}
					retold++
					if !slices.Contains(x.Candidates(nil, q.sig, q.at-corpusSpan, q.at+corpusSpan), q.of) {
						missed++
					}
				}
				b.ReportMetric(float64(retold), "retold")
				b.ReportMetric(float64(missed), "missed")
			})
		}
	}
}

// BenchmarkLoad measures loading a window of 100,000 encoded signatures
// into an Index, one AddEncoded per item (what the first write after a
// start does); cpu-ns/item is the process's CPU time per item.
//
//	go test -run '^$' -bench Load -benchtime 3x ./neardup
func BenchmarkLoad(b *testing.B) {
	for _, mode := range corpusModes {
		c, ok := lookupCorpora[mode]
		if !ok {
			c[0] = buildCorpus(b, mode, 100_000, 21)
			c[1] = buildQueries(b, mode, c[0], 21, 2000, 10_000)
			lookupCorpora[mode] = c
		}
		var enc [][]byte
		for _, it := range c[0] {
			raw, err := it.sig.MarshalBinary()
			if err != nil {
				b.Fatal(err)
			}
			enc = append(enc, raw)
		}
		b.Run(mode.String(), func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				x := NewIndex(corpusShard)
				for i, it := range c[0] {
					if err := x.AddEncoded(it.id, it.at, enc[i]); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(enc)), "ns/item")
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N*len(enc)), "cpu-ns/item")
		})
	}
}
