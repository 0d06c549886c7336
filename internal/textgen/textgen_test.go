package textgen

import (
	"strings"
	"testing"
)

func TestParseMode(t *testing.T) {
	for _, name := range []string{"default", "zipf", "small"} {
		m, err := ParseMode(name)
		if err != nil || m.String() != name {
			t.Errorf("ParseMode(%q) = %v, %v; want the mode of that name", name, m, err)
		}
	}
	if _, err := ParseMode("Zipf "); err == nil || !strings.Contains(err.Error(), `"Zipf "`) {
		t.Errorf("ParseMode(bad) error = %v, want one naming the input", err)
	}
}

// TestDefaultWords pins the Default mode to the words the bench command
// always generated, so that its figures stay comparable across releases.
func TestDefaultWords(t *testing.T) {
	var b strings.Builder
	New(Default).Words(&b, 42, 8)
	if got, want := b.String(), "vurudo aéroport joueurs ledesa nudoro degeri figufu tutupi"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	for _, m := range []Mode{Default, Zipf, Small} {
		g := New(m)
		a, b := g.Article(7, 3, 60), New(m).Article(7, 3, 60)
		if a != b {
			t.Errorf("%v: two generators gave different articles for one seed", m)
		}
		if a == g.Article(8, 3, 60) {
			t.Errorf("%v: two seeds gave the same article", m)
		}
		if n := len(strings.Fields(a)); n < 170 || n > 200 {
			t.Errorf("%v: %d words, want about 180", m, n)
		}
		if g.Reword(a, 1, 0.25) != g.Reword(a, 1, 0.25) || g.Reword(a, 1, 0.25) == a {
			t.Errorf("%v: Reword is not deterministic or changed nothing", m)
		}
	}
}

// TestZipfHead checks the shape of the Zipf mode: about half of the
// content words drawn are among the 200 common ones, and the rest spread
// over a large vocabulary.
func TestZipfHead(t *testing.T) {
	g := New(Zipf)
	isCommon := map[string]bool{}
	for _, w := range common {
		isCommon[w] = true
	}
	var b strings.Builder
	g.Words(&b, 3, 100_000)
	words := strings.Fields(b.String())
	head, distinct := 0, map[string]bool{}
	for _, w := range words {
		if isCommon[w] {
			head++
		}
		distinct[w] = true
	}
	if share := float64(head) / float64(len(words)); share < 0.42 || share > 0.56 {
		t.Errorf("common vocabulary share = %.2f, want about 0.49", share)
	}
	if len(distinct) < 10_000 {
		t.Errorf("%d distinct words in 100,000, want a large vocabulary", len(distinct))
	}
	if len(common) < 190 || len(common) > 210 {
		t.Errorf("common vocabulary has %d words, want about 200", len(common))
	}
}

func TestSmallVocabulary(t *testing.T) {
	var b strings.Builder
	New(Small).Words(&b, 5, 5000)
	distinct := map[string]bool{}
	for _, w := range strings.Fields(b.String()) {
		distinct[w] = true
	}
	if len(distinct) != len(small) || len(small) != 40 {
		t.Errorf("%d distinct words of a %d-word vocabulary, want 40", len(distinct), len(small))
	}
}

func TestSummary(t *testing.T) {
	g := New(Zipf)
	a := g.Article(11, 3, 60)
	s := g.Summary(a, 35)
	if !strings.HasPrefix(a, strings.TrimSuffix(s, "…")) {
		t.Errorf("summary %q is not the head of the article", s)
	}
	if n := len(strings.Fields(s)); n < 5 || n > 35 {
		t.Errorf("summary of %d words, want 5–35", n)
	}
}
