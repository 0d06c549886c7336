package normalize

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fetchTime is the Now of every fixture run.
var fetchTime = time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)

// parseFixture parses testdata/name with gofeed, as the fetcher does.
func parseFixture(t testing.TB, name string) *gofeed.Feed {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return f
}

// fixtures are the end-to-end cases: a feed document, the options of its
// source, and a golden file holding the expected Result.
var fixtures = []struct {
	name string
	file string
	opt  Options
}{
	{"atom with xml:base", "atom_xmlbase.xml", Options{
		SourceURL: "http://127.0.0.1:8081/blog/feed.atom",
		FeedURL:   "http://127.0.0.1:8081/blog/feed.atom",
		Now:       fetchTime,
	}},
	{"rss with entities, injections and reused guid", "rss_mixed.xml", Options{
		SourceURL: "http://127.0.0.1:8082/rss",
		FeedURL:   "http://127.0.0.1:8082/rss.xml",
		Tracking:  []string{"ref"},
		Now:       fetchTime,
	}},
	{"french wordpress with chrome", "rss_wordpress_fr.xml", Options{
		SourceURL: "http://127.0.0.1:8083/feed/",
		FeedURL:   "http://127.0.0.1:8083/feed/",
		Strip:     []*regexp.Regexp{regexp.MustCompile(`Crédit photo : \w+`)},
		Now:       fetchTime,
	}},
}

func TestFeedGolden(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			res := Feed(parseFixture(t, fx.file), fx.opt)
			got, err := json.MarshalIndent(goldenResult(res), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", strings.TrimSuffix(fx.file, ".xml")+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from %s (go test -update rewrites it):\n%s", golden, got)
			}
		})
	}
}

// golden is the part of a Result the golden files hold: the fields
// normalize fills, so that fields other stages add to newsdesk.Item do not
// churn them.
type golden struct {
	Items    []goldenItem
	Warnings []string
}

type goldenItem struct {
	SourceURL, Key, GUID, Link, CanonicalLink, Title, Summary, Lead, ContentHTML string
	Authors, Categories                                                          []string
	Enclosures                                                                   []newsdesk.Enclosure
	ImageURL, Language                                                           string
	Published, Updated                                                           time.Time
	ContentHash                                                                  string
}

func goldenResult(res Result) golden {
	g := golden{Warnings: res.Warnings}
	for _, it := range res.Items {
		g.Items = append(g.Items, goldenItem{
			SourceURL: it.SourceURL, Key: it.Key, GUID: it.GUID, Link: it.Link,
			CanonicalLink: it.CanonicalLink, Title: it.Title, Summary: it.Summary,
			Lead: it.Lead, ContentHTML: it.ContentHTML, Authors: it.Authors,
			Categories: it.Categories, Enclosures: it.Enclosures, ImageURL: it.ImageURL,
			Language: it.Language, Published: it.Published, Updated: it.Updated,
			ContentHash: it.ContentHash,
		})
	}
	return g
}

// itemByTitle finds the item of a result with the given title.
func itemByTitle(t *testing.T, res Result, title string) newsdesk.Item {
	t.Helper()
	for _, it := range res.Items {
		if it.Title == title {
			return it
		}
	}
	var titles []string
	for _, it := range res.Items {
		titles = append(titles, it.Title)
	}
	t.Fatalf("no item titled %q in %q", title, titles)
	return newsdesk.Item{}
}

// TestFixtureRules checks the rules of the issue on the fixture feeds one by
// one, so a golden update cannot silently accept a regression.
func TestFixtureRules(t *testing.T) {
	t.Run("atom xml:base resolves links, enclosures and content", func(t *testing.T) {
		res := Feed(parseFixture(t, "atom_xmlbase.xml"), fixtures[0].opt)
		it := itemByTitle(t, res, "L'hiver à Lyon")
		if got, want := it.Link, "http://127.0.0.1:8081/blog/2026/03/hiver-lyon.html?page=2"; got != want {
			t.Errorf("link = %q, want %q", got, want)
		}
		if got, want := it.Enclosures[0].URL, "http://127.0.0.1:8081/blog/media/lyon.jpg"; got != want {
			t.Errorf("enclosure = %q, want %q", got, want)
		}
		for _, want := range []string{
			`src="http://127.0.0.1:8081/blog/2026/03/img/quai.jpg"`,
			`href="http://127.0.0.1:8081/blog/carte.html"`,
			`srcset="http://127.0.0.1:8081/blog/img/quai-small.jpg 480w`,
		} {
			if !strings.Contains(it.ContentHTML, want) {
				t.Errorf("content %q lacks %s", it.ContentHTML, want)
			}
		}
		if strings.Contains(it.ContentHTML, "Annecy") {
			t.Errorf("content %q keeps the Lire aussi teaser", it.ContentHTML)
		}
		untitled := res.Items[2]
		if !strings.HasSuffix(untitled.Title, "…") || !strings.HasPrefix(untitled.Title, "Une entrée sans titre") {
			t.Errorf("title from text = %q", untitled.Title)
		}
	})
	t.Run("rss entities, injections, dates, identity", func(t *testing.T) {
		res := Feed(parseFixture(t, "rss_mixed.xml"), fixtures[1].opt)
		budget := itemByTitle(t, res, "It’s budget day & the markets wait")
		for _, bad := range []string{"<script", "alert", "onclick", "onerror", "javascript:", "iframe", "px.gif", "style=", "utm_", "gclid", "xtor", "Share this", "Twitter", "newsletter", "appeared first"} {
			if strings.Contains(budget.ContentHTML, bad) {
				t.Errorf("content contains %q: %s", bad, budget.ContentHTML)
			}
		}
		if got, want := budget.Link, "http://127.0.0.1:8082/news/budget?id=7"; got != want {
			t.Errorf("link = %q, want %q", got, want)
		}
		if !strings.HasPrefix(budget.Summary, "Read more about the budget") {
			t.Errorf("summary %q lost the real sentence", budget.Summary)
		}
		if got := itemByTitle(t, res, "Rain expected tomorrow").Published; !got.IsZero() {
			t.Errorf("future date kept: %v", got)
		}
		if got, want := itemByTitle(t, res, "Old news").Published, time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC); !got.Equal(want) {
			t.Errorf("epoch pubDate: published = %v, want %v (dc:date)", got, want)
		}
		note := itemByTitle(t, res, "A note with neither guid nor link, nor title.")
		if !strings.HasPrefix(note.Key, "hash:") || len(note.Key) != len("hash:")+32 {
			t.Errorf("key of item without guid and link = %q", note.Key)
		}
		if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `"team"`) {
			t.Errorf("warnings = %q, want one naming guid team", res.Warnings)
		}
	})
	t.Run("french chrome removed, real text kept", func(t *testing.T) {
		res := Feed(parseFixture(t, "rss_wordpress_fr.xml"), fixtures[2].opt)
		first := res.Items[0]
		if !strings.Contains(first.ContentHTML, "Lire aussi le rapport") {
			t.Errorf("real sentence starting with Lire aussi removed: %q", first.ContentHTML)
		}
		for _, it := range res.Items[:4] {
			for _, bad := range []string{"Publié par la rédaction", "Bouton retour", "Afficher plus", "Partager", "Abonnez", "Crédit photo", "apparu en premier", "déviations"} {
				if strings.Contains(it.ContentHTML, bad) || strings.Contains(it.Summary, bad) {
					t.Errorf("%s: %q left in %q / %q", it.Title, bad, it.ContentHTML, it.Summary)
				}
			}
		}
		if got := res.Items[2].ContentHTML; !strings.Contains(got, "Horaires : de 8 h à 13 h.") {
			t.Errorf("block recurring in 2 of 5 items removed: %q", got)
		}
		if got := res.Items[4].ContentHTML; !strings.Contains(got, "Publié par la rédaction") {
			t.Errorf("item whose only block recurs emptied: %q", got)
		}
	})
}

// TestDescriptionRepeatingContent checks that a description equal to the
// content (whose tree Feed does not build a second time) comes out as a
// description differing only by white space does, which goes the whole
// way: recurring blocks, chrome and the summary alike.
func TestDescriptionRepeatingContent(t *testing.T) {
	feedOf := func(pad string) *gofeed.Feed {
		f := &gofeed.Feed{Title: "T", Link: "http://127.0.0.1:9000/"}
		for i := range 5 {
			c := fmt.Sprintf(`<p>Le conseil municipal %d a voté le budget de la commune, après un long débat.</p><p>Partager sur Facebook</p><p>Publié par la rédaction</p>`, i)
			if i == 4 {
				c = `<p>Partager sur Facebook</p><p>Publié par la rédaction</p>`
			}
			f.Items = append(f.Items, &gofeed.Item{
				Title: fmt.Sprintf("Article %d", i), Link: fmt.Sprintf("http://127.0.0.1:9000/a/%d", i),
				Content: c, Description: c + pad,
			})
		}
		return f
	}
	opt := Options{FeedURL: "http://127.0.0.1:9000/feed", Now: fetchTime}
	got, want := Feed(feedOf(""), opt), Feed(feedOf(" "), opt)
	if len(got.Items) != len(want.Items) || len(got.Items) != 5 {
		t.Fatalf("got %d items, want %d (and 5)", len(got.Items), len(want.Items))
	}
	for i := range got.Items {
		if g, w := got.Items[i], want.Items[i]; !reflect.DeepEqual(g, w) {
			t.Errorf("item %d: description equal to the content gives\n%+v\nwant\n%+v", i, g, w)
		}
	}
	if s := got.Items[0].Summary; strings.Contains(s, "Partager") || strings.Contains(s, "rédaction") || !strings.Contains(s, "budget") {
		t.Errorf("summary %q keeps chrome or loses the text", s)
	}
}
