package article

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// The labeled set (testdata/quality, built by make_pages.go from
// articles.txt): 32 pages of nine site themes, each with its hand-marked
// text (.txt) and the chrome it carries (.chrome).

// labeled is one page of the set.
type labeled struct {
	name   string // SITE-NN
	site   string
	html   []byte
	gold   string
	chrome []string
	held   bool // held out from tuning
}

func loadSet(t testing.TB) []labeled {
	t.Helper()
	files, err := filepath.Glob("testdata/quality/pages/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no labeled pages: %v", err)
	}
	sort.Strings(files)
	var out []labeled
	for i, f := range files {
		base := strings.TrimSuffix(f, ".html")
		name := filepath.Base(base)
		page, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := os.ReadFile(base + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		chrome, err := os.ReadFile(base + ".chrome")
		if err != nil {
			t.Fatal(err)
		}
		l := labeled{name: name, site: name[:strings.LastIndexByte(name, '-')], html: page, gold: string(gold),
			held: i%2 == 1} // every second page, in name order: half of each site, decided before tuning
		for _, c := range strings.Split(string(chrome), "\n") {
			if c = strings.TrimSpace(c); c != "" {
				l.chrome = append(l.chrome, c)
			}
		}
		out = append(out, l)
	}
	return out
}

// words splits text into lower-cased words: runs of letters and digits
// (an apostrophe or a hyphen inside a word splits it).
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// prf is the word-level precision, recall and F1 of got against want, as
// bags of words.
func prf(got, want string) (p, r, f float64) {
	bag := map[string]int{}
	for _, w := range words(want) {
		bag[w]++
	}
	g := words(got)
	hit := 0
	for _, w := range g {
		if bag[w] > 0 {
			bag[w]--
			hit++
		}
	}
	nw := len(words(want))
	if len(g) == 0 || nw == 0 {
		return 0, 0, 0
	}
	p, r = float64(hit)/float64(len(g)), float64(hit)/float64(nw)
	if p+r == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}

// chromeLeft returns the page's chrome texts found in the output: each
// compared as its sequence of words, so markup and punctuation do not
// matter; a chrome text that is also in the marked text is not counted.
func chromeLeft(out string, l labeled) []string {
	o := " " + strings.Join(words(out), " ") + " "
	g := " " + strings.Join(words(l.gold), " ") + " "
	var left []string
	for _, c := range l.chrome {
		cw := " " + strings.Join(words(c), " ") + " "
		if strings.TrimSpace(cw) == "" || strings.Contains(g, cw) {
			continue
		}
		if strings.Contains(o, cw) {
			left = append(left, c)
		}
	}
	return left
}

func TestScoreSelf(t *testing.T) {
	for _, tc := range []struct {
		got, want string
		f         float64
	}{
		{"a b c", "a b c", 1},
		{"a b", "a b c d", 2 * 1 * 0.5 / 1.5},
		{"", "a", 0},
		{"x y", "a b", 0},
	} {
		if _, _, f := prf(tc.got, tc.want); f < tc.f-1e-9 || f > tc.f+1e-9 {
			t.Errorf("prf(%q, %q) F1 = %v, want %v", tc.got, tc.want, f, tc.f)
		}
	}
}
