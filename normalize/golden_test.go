package normalize

import (
	"bufio"
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// The regression goldens of testdata/golden/ record the complete output of
// Feed, Sanitize, Title, Summary, CleanURL and CanonicalURL over every
// fixture the repository has (copied to testdata/golden/in/), the fuzz seed
// corpora and the benchmark feed, so that work on speed cannot change a
// byte of output. go test -update rewrites them.

// goldenOptions are the option sets every document runs with: a base and
// extra rules, and none at all (relative URLs stay relative).
var goldenOptions = []struct {
	name string
	opt  Options
}{
	{"base", Options{
		SourceURL: "http://127.0.0.1:9000/feed/",
		FeedURL:   "http://127.0.0.1:9000/feed/index.xml",
		Strip:     []*regexp.Regexp{regexp.MustCompile(`Crédit photo : \w+`), regexp.MustCompile(`(?i)advert.*`)},
		Tracking:  []string{"ref", "at_*"},
		Now:       fetchTime,
	}},
	{"nobase", Options{}},
}

// goldenDoc is one document's results under each option set.
type goldenDoc struct {
	Name    string
	Error   string            `json:",omitempty"`
	Results map[string]golden `json:",omitempty"`
}

// checkGolden compares v, as indented JSON, with testdata/golden/name.json.
func checkGolden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it); first difference at byte %d:\ngot  %q\nwant %q",
			path, firstDiff(got, want), around(got, firstDiff(got, want)), around(want, firstDiff(got, want)))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(b []byte, i int) string {
	return string(b[max(0, i-200):min(len(b), i+200)])
}

// runDoc parses a document with gofeed and normalizes it under every
// option set.
func runDoc(name string, doc []byte) goldenDoc {
	g := goldenDoc{Name: name}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
	if err != nil {
		g.Error = err.Error()
		return g
	}
	g.Results = runFeed(f)
	return g
}

func runFeed(f *gofeed.Feed) map[string]golden {
	out := map[string]golden{}
	for _, o := range goldenOptions {
		out[o.name] = goldenResult(Feed(f, o.opt))
	}
	return out
}

// readLines returns the entries of a one-per-line file: blank lines and
// "# " comments skipped, Go string literals unquoted.
func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		if strings.HasPrefix(line, `"`) {
			if u, err := strconv.Unquote(line); err == nil {
				line = u
			}
		}
		out = append(out, line)
	}
	return out
}

// corpusValues returns the values of the Go fuzz corpus files of a target.
func corpusValues(t *testing.T, target string) map[string][]string {
	t.Helper()
	dir := filepath.Join("testdata", "fuzz", target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(b), "\n") {
			open := strings.IndexByte(line, '(')
			if open < 0 || !strings.HasSuffix(line, ")") {
				continue
			}
			v, err := strconv.Unquote(line[open+1 : len(line)-1])
			if err != nil {
				t.Fatalf("%s/%s: %v", target, e.Name(), err)
			}
			out[e.Name()] = append(out[e.Name()], v)
		}
	}
	return out
}

// vectorFeed builds a feed whose items carry each vector as title,
// content, description, author and category, with the link vectors in
// turn.
func vectorFeed(vectors, links []string) *gofeed.Feed {
	f := &gofeed.Feed{Link: "http://127.0.0.1:9000/", Language: "fr"}
	for i, v := range vectors {
		it := &gofeed.Item{
			Title:       v,
			Content:     v,
			Description: "<p>" + v + "</p>",
			GUID:        "g" + strconv.Itoa(i),
			Authors:     []*gofeed.Person{{Name: v}},
			Categories:  []string{v, "x"},
		}
		if len(links) > 0 {
			it.Link = links[i%len(links)]
		}
		if i%3 == 0 {
			it.Content = ""
		}
		f.Items = append(f.Items, it)
	}
	return f
}

func TestRegressionGolden(t *testing.T) {
	in := filepath.Join("testdata", "golden", "in")
	t.Run("documents", func(t *testing.T) {
		entries, err := os.ReadDir(in)
		if err != nil {
			t.Fatal(err)
		}
		var docs []goldenDoc
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".txt") {
				continue
			}
			docs = append(docs, runDoc(e.Name(), readTestdata(t, filepath.Join("golden", "in", e.Name()))))
		}
		for _, name := range []string{"atom_xmlbase.xml", "rss_mixed.xml", "rss_wordpress_fr.xml"} {
			docs = append(docs, runDoc(name, readTestdata(t, name)))
		}
		checkGolden(t, "documents", docs)
	})
	t.Run("fuzz feeds", func(t *testing.T) {
		corpus := corpusValues(t, "FuzzFeed")
		var docs []goldenDoc
		for _, name := range slices.Sorted(maps.Keys(corpus)) {
			docs = append(docs, runDoc(name, []byte(corpus[name][0])))
		}
		checkGolden(t, "fuzz_feeds", docs)
	})
	t.Run("bench feed", func(t *testing.T) {
		checkGolden(t, "bench_feed", runDoc("benchFeed(10)", benchFeed(10)))
	})
	t.Run("vector feeds", func(t *testing.T) {
		vectors := readLines(t, filepath.Join(in, "xss-vectors.txt"))
		snippets := readLines(t, filepath.Join(in, "snippets.txt"))
		links := readLines(t, filepath.Join(in, "xss-urls.txt"))
		checkGolden(t, "vector_feeds", map[string]map[string]golden{
			"xss":      runFeed(vectorFeed(vectors, links)),
			"snippets": runFeed(vectorFeed(snippets, []string{"/rel/link", "http://127.0.0.1:9000/a?utm_source=x&b=1#xtor=RSS-1"})),
		})
	})
	t.Run("functions", func(t *testing.T) {
		type call struct {
			In                                         string
			Sanitize, SanitizeNoBase, SanitizeTracking string
			Title, Summary                             string
			CleanURL, Canonical, CanonicalErr          string
		}
		var inputs []string
		inputs = append(inputs, readLines(t, filepath.Join(in, "xss-vectors.txt"))...)
		inputs = append(inputs, readLines(t, filepath.Join(in, "xss-urls.txt"))...)
		inputs = append(inputs, readLines(t, filepath.Join(in, "snippets.txt"))...)
		for _, target := range []string{"FuzzSanitize", "FuzzTitle", "FuzzCanonicalURL"} {
			corpus := corpusValues(t, target)
			for _, name := range slices.Sorted(maps.Keys(corpus)) {
				inputs = append(inputs, corpus[name]...)
			}
		}
		var calls []call
		for _, s := range inputs {
			c := call{
				In:               s,
				Sanitize:         Sanitize(s, "http://127.0.0.1:9000/dir/page.html", nil),
				SanitizeNoBase:   Sanitize(s, "", nil),
				SanitizeTracking: Sanitize(s, "https://127.0.0.1/", []string{"b", "x*"}),
				Title:            Title(s),
				Summary:          Summary(s, 40),
				CleanURL:         CleanURL(s, "http://127.0.0.1:9000/dir/", []string{"ref"}),
			}
			var err error
			c.Canonical, err = CanonicalURL(s, nil)
			if err != nil {
				c.CanonicalErr = err.Error()
			}
			calls = append(calls, c)
		}
		checkGolden(t, "functions", calls)
	})
}
