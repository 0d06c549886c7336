package normalize

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// dechrome runs one fragment through the chrome removal of Feed, without
// recurring blocks.
func dechrome(in string, strip []*regexp.Regexp) string {
	root := parseFragment(in)
	rewriteURLs(root, newResolver(nil, newTracker(nil)))
	removeChrome(collectBlocks(root, nil), newStripper(strip), nil, nil)
	tidy(root)
	out, _ := finish(root, nil, len(in))
	return out
}

func TestBuiltinChrome(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// French furniture.
		{"afficher plus", `<p>Texte.</p><p>Afficher plus</p>`, `<p>Texte.</p>`},
		{"lire aussi alone", `<p>Texte.</p><p>Lire aussi</p>`, `<p>Texte.</p>`},
		{"lire aussi teaser", `<p>Texte.</p><p>Lire aussi : <a href="http://127.0.0.1/a">Le budget adopté</a></p>`, `<p>Texte.</p>`},
		{"a lire aussi pipe", `<p>Texte.</p><p>À lire aussi | Les déviations prévues</p>`, `<p>Texte.</p>`},
		{"lire la suite with arrow", `<p>Texte.</p><p><a href="http://127.0.0.1/a">Lire la suite →</a></p>`, `<p>Texte.</p>`},
		{"articles similaires heading", `<p>Texte.</p><h3>Articles similaires</h3>`, `<p>Texte.</p>`},
		{"bouton retour", `<p>Texte.</p><p>Bouton retour en haut de la page</p>`, `<p>Texte.</p>`},
		{"partager sur facebook", `<p>Texte.</p><p>Partager sur Facebook</p>`, `<p>Texte.</p>`},
		{"abonnez-vous", `<p>Texte.</p><p>Abonnez-vous !</p>`, `<p>Texte.</p>`},
		{"apparu en premier", `<p>Texte.</p><p>L’article <a href="http://127.0.0.1/a">Titre</a> est apparu en premier sur <a href="http://127.0.0.1/">Le Journal</a>.</p>`, `<p>Texte.</p>`},
		{"cet article apparu", `<p>Texte.</p><p>Cet article Titre est apparu en premier sur Le Site.</p>`, `<p>Texte.</p>`},
		// English furniture.
		{"read more", `<p>Text.</p><p><a href="http://127.0.0.1/a">Read more »</a></p>`, `<p>Text.</p>`},
		{"continue reading title", `<p>Text.</p><p><a href="http://127.0.0.1/a">Continue reading <span>Budget day</span> →</a></p>`, `<p>Text.</p>`},
		{"post appeared first", `<p>Text.</p><p>The post <a href="http://127.0.0.1/a">Budget</a> appeared first on <a href="http://127.0.0.1/">Daily</a>.</p>`, `<p>Text.</p>`},
		{"share this and buttons", `<p>Text.</p><p>Share this:</p><ul><li><a href="http://127.0.0.1/s">Click to share on Twitter (Opens in new window)</a></li><li><a href="http://127.0.0.1/f">Facebook</a></li></ul>`, `<p>Text.</p>`},
		{"related posts", `<p>Text.</p><h4>Related posts</h4>`, `<p>Text.</p>`},
		{"subscribe", `<p>Text.</p><p>Subscribe to our newsletter</p>`, `<p>Text.</p>`},
		{"line in paragraph", `<p>Text of the story.<br>Read more</p>`, `<p>Text of the story.</p>`},
		{"plain text line", "Heavy rain expected.\nContinue reading…", `<p>Heavy rain expected.</p>`},
		// Real text that merely contains a phrase stays.
		{"read more sentence stays", `<p>Read more about the budget in our explainer, which covers every line.</p>`, `<p>Read more about the budget in our explainer, which covers every line.</p>`},
		{"lire aussi sentence stays", `<p>Lire aussi le rapport de la Cour des comptes, qui pointe une dette en hausse.</p>`, `<p>Lire aussi le rapport de la Cour des comptes, qui pointe une dette en hausse.</p>`},
		{"lire aussi inside sentence stays", `<p>Il faut lire aussi les annexes du budget.</p>`, `<p>Il faut lire aussi les annexes du budget.</p>`},
		{"share inside sentence stays", `<p>Share this: the numbers are stark, and they matter to every household in the country.</p>`, `<p>Share this: the numbers are stark, and they matter to every household in the country.</p>`},
		{"facebook as text stays", `<p>Facebook</p>`, `<p>Facebook</p>`},
		{"related sentence stays", `<p>Related to the crisis, prices rose sharply.</p>`, `<p>Related to the crisis, prices rose sharply.</p>`},
		{"post sentence stays", `<p>The post office closed early on Friday.</p>`, `<p>The post office closed early on Friday.</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dechrome(tt.in, nil)
			// Link attributes are not the point here.
			got = regexp.MustCompile(` href="[^"]*" rel="nofollow noopener"`).ReplaceAllString(got, "")
			if got != tt.want {
				t.Errorf("chrome removal of %q\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStripRegexes(t *testing.T) {
	strip := []*regexp.Regexp{
		regexp.MustCompile(`Crédit photo : \w+`),
		regexp.MustCompile(`(?i)sponsored by .+`),
	}
	tests := []struct {
		name, in, want string
	}{
		{"whole block removed", `<p>Texte.</p><p>Crédit photo : Mairie</p>`, `<p>Texte.</p>`},
		{"trailing punctuation tolerated", `<p>Texte.</p><p>Crédit photo : Mairie.</p>`, `<p>Texte.</p>`},
		{"case flag honoured", `<p>Text.</p><p>SPONSORED BY Acme</p>`, `<p>Text.</p>`},
		{"partial match stays", `<p>La mairie précise : Crédit photo : Mairie, avec son accord.</p>`, `<p>La mairie précise : Crédit photo : Mairie, avec son accord.</p>`},
		{"line removed", `<p>Texte.<br>Crédit photo : AFP</p>`, `<p>Texte.</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dechrome(tt.in, strip); got != tt.want {
				t.Errorf("strip of %q\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// recurringFeed builds a feed of n items, each with its own paragraph; the
// first k items also carry the same footer paragraph.
func recurringFeed(n, k int, footer string) *gofeed.Feed {
	f := &gofeed.Feed{Link: "http://127.0.0.1/"}
	for i := range n {
		content := fmt.Sprintf("<p>Story number %d has its own text.</p>", i)
		if i < k {
			content += "<p>" + footer + "</p>"
		}
		f.Items = append(f.Items, &gofeed.Item{
			Title:   fmt.Sprintf("Story %d", i),
			GUID:    fmt.Sprintf("id-%d", i),
			Content: content,
		})
	}
	return f
}

func TestRecurringBlocks(t *testing.T) {
	const footer = "Publié par la rédaction – tous droits réservés."
	tests := []struct {
		name    string
		n, k    int
		removed bool
	}{
		{"all of ten", 10, 10, true},
		{"six of ten", 10, 6, true},
		{"five of ten", 10, 5, false},
		{"two of ten", 10, 2, false},
		{"three of three", 3, 3, true},
		{"two of two", 2, 2, false},
		{"three of five", 5, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Feed(recurringFeed(tt.n, tt.k, footer), Options{})
			if len(res.Items) != tt.n {
				t.Fatalf("got %d items, want %d", len(res.Items), tt.n)
			}
			for i := range tt.k {
				it := res.Items[i]
				if got := strings.Contains(it.ContentHTML, footer); got == tt.removed {
					t.Errorf("item %d content %q: footer present = %v, want %v", i, it.ContentHTML, got, !tt.removed)
				}
				if !strings.Contains(it.ContentHTML, fmt.Sprintf("Story number %d", i)) {
					t.Errorf("item %d lost its own text: %q", i, it.ContentHTML)
				}
			}
		})
	}
}

func TestRecurringBlockKeptWhenAlone(t *testing.T) {
	f := recurringFeed(4, 4, "Même pied de page.")
	f.Items[3].Content = "<p>Même pied de page.</p>"
	res := Feed(f, Options{})
	if got, want := res.Items[3].ContentHTML, "<p>Même pied de page.</p>"; got != want {
		t.Errorf("item whose only block recurs: content = %q, want %q", got, want)
	}
	if got := res.Items[0].ContentHTML; strings.Contains(got, "Même pied de page.") {
		t.Errorf("item 0 content = %q, want the recurring footer removed", got)
	}
}
