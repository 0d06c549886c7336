package neardup

import (
	"testing"

	"newsdesk/internal/textgen"
)

// corpusItem is one generated item: its id (from 1), its date, its
// signature and, for a retelling, the id of the item it retells.
type corpusItem struct {
	id, at int64
	sig    Signature
	of     int64
}

// corpusSpan is the span of the dates of a generated corpus (two days,
// the duplicate window of a section) and the Index shard span used with
// it (half of it, as storage does).
const (
	corpusSpan  = 2 * 86400
	corpusShard = corpusSpan / 2
)

// buildCorpus generates n items of one text mode, dated over corpusSpan:
// four in five are new stories of about 200 words (three paragraphs),
// one in five retells an earlier story of the corpus: half a reworded
// copy (a quarter of its content words changed, two sentences swapped),
// half the feed summary of its first 25–40 words. A Small corpus has no
// retellings: nothing in it is the same story.
func buildCorpus(tb testing.TB, mode textgen.Mode, n int, seed uint64) []corpusItem {
	tb.Helper()
	g := textgen.New(mode)
	items := make([]corpusItem, 0, n)
	texts := make([]string, 0, n)
	r := seed*0x9E3779B97F4A7C15 + 7
	next := func() uint64 { r ^= r << 13; r ^= r >> 7; r ^= r << 17; return r }
	for i := range n {
		id := int64(i + 1)
		at := int64(next() % corpusSpan)
		text := ""
		var of int64
		if mode != textgen.Small && i > 10 && next()%5 == 0 {
			j := next() % uint64(len(texts))
			of = items[j].id
			if next()%2 == 0 {
				text = g.Reword(texts[j], next(), 0.25)
			} else {
				text = g.Summary(texts[j], 25+int(next()%16))
			}
		} else {
			text = g.Article(seed<<32|uint64(i), 3, 65)
		}
		texts = append(texts, text)
		items = append(items, corpusItem{id: id, at: at, sig: Sign("", text), of: of})
	}
	return items
}

// corpusModes are the text modes every corpus test and benchmark runs on.
var corpusModes = []textgen.Mode{textgen.Default, textgen.Zipf, textgen.Small}

// buildQueries generates n lookups for a corpus built by buildCorpus with
// the same mode and seed: four in five new stories, one in five a
// retelling (reworded or summarized, as in buildCorpus) of one of the
// first pool original stories of the corpus, so that every window of at
// least pool items holds the same true duplicates. Their ids follow the
// corpus's.
func buildQueries(tb testing.TB, mode textgen.Mode, items []corpusItem, seed uint64, n, pool int) []corpusItem {
	tb.Helper()
	g := textgen.New(mode)
	var originals []int
	for i, it := range items[:pool] {
		if it.of == 0 {
			originals = append(originals, i)
		}
	}
	r := seed*0x9E3779B97F4A7C15 + 13
	next := func() uint64 { r ^= r << 13; r ^= r >> 7; r ^= r << 17; return r }
	out := make([]corpusItem, 0, n)
	for k := range n {
		it := corpusItem{id: int64(len(items) + k + 1), at: int64(next() % corpusSpan)}
		var text string
		if mode != textgen.Small && next()%5 == 0 {
			i := originals[next()%uint64(len(originals))]
			orig := g.Article(seed<<32|uint64(i), 3, 65)
			it.of = items[i].id
			if next()%2 == 0 {
				text = g.Reword(orig, next(), 0.25)
			} else {
				text = g.Summary(orig, 25+int(next()%16))
			}
		} else {
			text = g.Article(seed<<40|1<<39|uint64(k), 3, 65)
		}
		it.sig = Sign("", text)
		out = append(out, it)
	}
	return out
}
