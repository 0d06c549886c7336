package normalize

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrefixFilterActive(t *testing.T) {
	for name, f := range map[string]prefixFilter{
		"exact": chromeExact, "link": chromeLink, "lead": chromeLead, "sentence": chromeSentence,
	} {
		if f.heads == nil {
			t.Errorf("%s: filter not built", name)
		}
		t.Logf("%s: %d heads", name, len(f.heads))
	}
}

// prefixSeeds are texts the chrome patterns match, and near misses.
var prefixSeeds = []string{
	"afficher plus", "lire la suite de l'article", "à lire aussi", "a lire également",
	"12 comments", "1 comment", "0 comments", "comments", "x", "facebook", "copy link",
	"suivez-nous sur instagram", "follow us on mastodon", "partager sur e-mail",
	"cliquez pour partager sur facebook (ouvre dans une nouvelle fenêtre)",
	"lire aussi : le budget", "read more » the story", "see also — x", "à découvrir aussi | y",
	"the post un titre appeared first on le site", "l'article x est apparu en premier sur y",
	"this entry was posted in news. bookmark the permalink", "related", "tweet", "pin it",
	"paragraphe 3", "par", "", "l", "à", "1", "12", "123 comment",
}

func TestPrefixFilterSound(t *testing.T) {
	for _, s := range prefixSeeds {
		checkPrefixSound(t, s)
	}
}

func checkPrefixSound(t *testing.T, s string) {
	t.Helper()
	for name, f := range map[string]prefixFilter{
		"exact": chromeExact, "link": chromeLink, "lead": chromeLead, "sentence": chromeSentence,
	} {
		if f.re.MatchString(s) && !f.mayMatch(s) {
			t.Fatalf("%s filter rules out %q, which the regex matches", name, s)
		}
	}
}

func TestPrefixFilterRulesOut(t *testing.T) {
	for _, s := range []string{"paragraphe 3 de l'article", "le conseil municipal a voté", "photo"} {
		if chromeExact.mayMatch(s) || chromeLead.mayMatch(s) || chromeSentence.mayMatch(s) {
			t.Errorf("filters let %q through", s)
		}
	}
}

// FuzzPrefixFilter checks that the filters never rule out a text their
// regex matches.
func FuzzPrefixFilter(f *testing.F) {
	for _, s := range prefixSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPrefixSound(t, s)
	})
}

// genMatch writes a random string that the regex re may match.
func genMatch(re *syntax.Regexp, rng *rand.Rand, b *strings.Builder) {
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		i := rng.IntN(len(re.Rune)/2) * 2
		lo, hi := re.Rune[i], re.Rune[i+1]
		b.WriteRune(lo + rune(rng.Int64N(int64(min(hi-lo, 300))+1)))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteRune([]rune("ab é1-:")[rng.IntN(7)])
	case syntax.OpCapture:
		genMatch(re.Sub[0], rng, b)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			genMatch(sub, rng, b)
		}
	case syntax.OpAlternate:
		genMatch(re.Sub[rng.IntN(len(re.Sub))], rng, b)
	case syntax.OpQuest:
		if rng.IntN(2) == 0 {
			genMatch(re.Sub[0], rng, b)
		}
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		n := rng.IntN(4)
		if re.Op == syntax.OpPlus {
			n++
		}
		if re.Op == syntax.OpRepeat {
			n = re.Min + rng.IntN(3)
			if re.Max >= 0 {
				n = min(n, re.Max)
			}
		}
		for range n {
			genMatch(re.Sub[0], rng, b)
		}
	}
}

// TestPrefixFilterGenerated checks the filters on random strings built to
// match each chrome pattern.
func TestPrefixFilterGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for name, f := range map[string]prefixFilter{
		"exact": chromeExact, "link": chromeLink, "lead": chromeLead, "sentence": chromeSentence,
	} {
		p, err := syntax.Parse(f.re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		matched := 0
		for range 20000 {
			var b strings.Builder
			genMatch(p, rng, &b)
			s := b.String()
			if !f.re.MatchString(s) {
				continue
			}
			matched++
			if !f.mayMatch(s) {
				t.Fatalf("%s filter rules out %q, which the regex matches", name, s)
			}
		}
		if matched < 10000 {
			t.Errorf("%s: only %d of 20000 generated strings match", name, matched)
		}
	}
}

// FuzzFormHead checks that formHead gives the first bytes of matchForm.
func FuzzFormHead(f *testing.F) {
	for _, s := range append(prefixSeeds, "  « Lire aussi »", "’Twas", "İSTANBUL", "\xff\xfeab", "…", "ÉTÉ 2026", "  ") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf [prefixLen + utf8.UTFMax]byte
		h, ok := formHead(s, &buf)
		want := matchForm(s)
		if ok != (want != "") {
			t.Fatalf("formHead(%q) ok = %v, matchForm = %q", s, ok, want)
		}
		if want = want[:min(len(want), prefixLen)]; ok && string(h) != want {
			t.Fatalf("formHead(%q) = %q, want %q", s, h, want)
		}
	})
}
