// Package textgen writes synthetic news text for benchmarks: words,
// sentences and paragraphs that look like a French news feed, drawn
// deterministically from a seed, in one of three modes (Mode), and
// retellings of a text (a reworded copy, a summary) so that a corpus
// holds true duplicates as well as distinct stories.
//
// Nothing here is random across runs: the same mode and seed give the
// same text on every machine. It does no I/O. A Generator is safe for
// concurrent use once built.
package textgen

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Mode is a kind of generated text.
type Mode int

const (
	// Default is the bench command's original text: one word in five from
	// a list of 90 topical words, the others from about 216,000
	// three-syllable words, uniformly. Stories share little but those
	// topical words.
	Default Mode = iota
	// Zipf draws words from a Zipf law (exponent 1) over 100,200 ranks
	// whose first 200 (about half of all words drawn) are a politics
	// section's common vocabulary (gouvernement, ministre, assemblée…)
	// and the rest a large French-looking vocabulary, between French
	// function words; sentences carry capitalized names and numbers.
	// Every item of a section shares the head of the law, as real
	// topical text does.
	Zipf
	// Small draws every content word from the same 40 words: any two
	// items share many word pairs (many band collisions) and no two are
	// the same story.
	Small
)

// Modes lists the modes in the order of their names.
var modes = []string{"default", "zipf", "small"}

// ParseMode returns the mode called name ("default", "zipf" or "small").
func ParseMode(name string) (Mode, error) {
	for i, n := range modes {
		if n == name {
			return Mode(i), nil
		}
	}
	return 0, fmt.Errorf("textgen: unknown text mode %q (want %s)", name, strings.Join(modes, ", "))
}

// String returns the name of m.
func (m Mode) String() string {
	if m >= 0 && int(m) < len(modes) {
		return modes[m]
	}
	return "Mode(" + strconv.Itoa(int(m)) + ")"
}

// Generator writes text of one Mode. Build it with New.
type Generator struct {
	mode Mode
	cdf  []float64 // Zipf: cumulative weights of ranks 1..len(cdf)
}

// zipfTail is the number of ranks of the Zipf law past the common
// vocabulary.
const zipfTail = 100_000

// New returns a Generator of mode m.
func New(m Mode) *Generator {
	g := &Generator{mode: m}
	if m == Zipf {
		n := len(common) + zipfTail
		g.cdf = make([]float64, n)
		sum := 0.0
		for r := range n {
			sum += 1 / float64(r+1)
			g.cdf[r] = sum
		}
		for r := range g.cdf {
			g.cdf[r] /= sum
		}
	}
	return g
}

// Mode returns the mode of g.
func (g *Generator) Mode() Mode { return g.mode }

// rng is xorshift64, as the bench command always used.
type rng struct{ x uint64 }

func newRNG(seed uint64) *rng { return &rng{seed*0x9E3779B97F4A7C15 + 1} }

func (r *rng) next() uint64 {
	r.x ^= r.x << 13
	r.x ^= r.x >> 7
	r.x ^= r.x << 17
	return r.x
}

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.mixed()>>11) / (1 << 53) }

// mixed returns the next value with its bits mixed (MurmurHash3's
// finalizer): the low bits of two successive xorshift values are
// linearly related, which would make word pairs far from independent.
func (r *rng) mixed() uint64 {
	x := r.next()
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	return x ^ x>>33
}

// intn returns a number in [0, n) from a mixed value.
func (r *rng) intn(n int) int { return int(r.mixed() % uint64(n)) }

// Words writes n words of g's mode seeded by seed, separated by spaces,
// without punctuation: a headline, or the flat text the bench command's
// feeds always carried (in Default mode, exactly the same words).
func (g *Generator) Words(b *strings.Builder, seed uint64, n int) {
	r := newRNG(seed)
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.word(r))
	}
}

// word returns one content word.
func (g *Generator) word(r *rng) string {
	switch g.mode {
	case Zipf:
		u := r.float()
		rank := sort.SearchFloat64s(g.cdf, u)
		if rank < len(common) {
			return common[rank]
		}
		return tailWord(uint64(rank - len(common)))
	case Small:
		return small[r.intn(len(small))]
	}
	x := r.next()
	if x%5 == 0 {
		return topical[(x/5)%uint64(len(topical))]
	}
	n := uint64(len(syllables))
	return syllables[(x>>8)%n] + syllables[(x>>20)%n] + syllables[(x>>32)%n]
}

// tailWord is the word of rank i of the large vocabulary: two or three
// syllables and a French ending, distinct for every i below 100,000.
func tailWord(i uint64) string {
	n := uint64(len(syllables))
	w := syllables[i%n] + syllables[(i/n)%n]
	i /= n * n
	if i%2 == 1 {
		w += syllables[(i/2)%n]
	}
	return w + endings[(i/(2*n))%uint64(len(endings))]
}

// Article returns a story of paras paragraphs of about words words each,
// seeded by seed: sentences of 10 to 25 words starting with a capital and
// ending with a point, content words between French function words, and
// in Zipf and Default modes a capitalized name or a number now and then.
// Paragraphs are separated by a blank line.
func (g *Generator) Article(seed uint64, paras, words int) string {
	r := newRNG(seed ^ 0x61727469636c65)
	var b strings.Builder
	for p := range paras {
		if p > 0 {
			b.WriteString("\n\n")
		}
		g.paragraph(&b, r, words)
	}
	return b.String()
}

func (g *Generator) paragraph(b *strings.Builder, r *rng, words int) {
	written := 0
	for written < words {
		if written > 0 {
			b.WriteByte(' ')
		}
		n := min(10+r.intn(16), max(words-written, 4))
		g.sentence(b, r, n)
		written += n
	}
}

func (g *Generator) sentence(b *strings.Builder, r *rng, n int) {
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		var w string
		x := r.intn(100)
		switch {
		case g.mode != Small && x < 4 && i > 0:
			w = capitalize(tailWord(uint64(r.intn(zipfTail)))) // a name
		case g.mode != Small && x < 7 && i > 0:
			w = strconv.Itoa(r.intn(2000) + 1)
		case x < 45 && i > 0 && i < n-1:
			w = function[r.intn(len(function))]
		default:
			w = g.word(r)
		}
		if i == 0 {
			w = capitalize(w)
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
}

func capitalize(w string) string {
	for i, c := range w {
		return strings.ToUpper(string(c)) + w[i+len(string(c)):]
	}
	return w
}
