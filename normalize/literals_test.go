package normalize

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

func TestLiteralMatcherBuilt(t *testing.T) {
	m, ok := newLiteralMatcher(chromeExactRe)
	if !ok {
		t.Fatal("chromeExactRe did not split")
	}
	if len(m.set) < 100 || m.rest == nil {
		t.Fatalf("split into %d literals and rest %v", len(m.set), m.rest)
	}
	t.Logf("%d literals, rest %s", len(m.set), m.rest.re)
}

// literalSeeds are texts to compare the split matchers with their regex
// on: matches, near misses and edge cases.
var literalSeeds = append([]string{
	"partager sur facebook", "partager", "partager cet article sur x", "12 comments", "comment",
	"suivez-nous sur la page", "suivez-nous", "suivez-nous sur ", "follow us on x", "follow us on",
	"publié par la rédaction", "lire la suite de l'article", "à lire aussi", "a lire aussi",
	"click to share on twitter (opens in new window", "cliquez pour partager sur e-mail (ouvre dans une nouvelle fenêtre)",
	"read the full story", "share via email", "share via e-mail", "x", "", " ", "0 comments",
}, prefixSeeds...)

func TestLiteralMatcherSeeds(t *testing.T) {
	for _, re := range []*regexp.Regexp{chromeExactRe, chromeSentenceRe, chromeLinkRe} {
		m, ok := newLiteralMatcher(re)
		if !ok {
			t.Fatalf("%s did not split", re)
		}
		for _, s := range literalSeeds {
			if got, want := m.MatchString(s), re.MatchString(s); got != want {
				t.Fatalf("split matcher of %s says %v for %q, regex %v", re, got, s, want)
			}
		}
	}
}

// TestLiteralMatcherGenerated compares the split matcher with the regex on
// strings generated to match it, and on their mutations.
func TestLiteralMatcherGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	p, err := syntax.Parse(chromeExactRe.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	for range 20000 {
		var b strings.Builder
		genMatch(p, rng, &b)
		s := b.String()
		if chromeExactRe.MatchString(s) && !chromeExactLit.MatchString(s) {
			t.Fatalf("split matcher misses %q", s)
		}
		// A mutation: a rune dropped, doubled or changed.
		r := []rune(s)
		if len(r) > 0 {
			i := rng.IntN(len(r))
			switch rng.IntN(3) {
			case 0:
				r = append(r[:i], r[i+1:]...)
			case 1:
				r = append(r[:i+1], r[i:]...)
			default:
				r[i] = []rune("a é1-")[rng.IntN(5)]
			}
		}
		s = string(r)
		if got, want := chromeExactLit.MatchString(s), chromeExactRe.MatchString(s); got != want {
			t.Fatalf("split matcher says %v for %q, regex %v", got, s, want)
		}
	}
}

func FuzzLiteralMatcher(f *testing.F) {
	for _, s := range literalSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := chromeExactLit.MatchString(s), chromeExactRe.MatchString(s); got != want {
			t.Fatalf("split matcher says %v for %q, regex %v", got, s, want)
		}
	})
}
