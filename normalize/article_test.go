package normalize

import (
	"regexp"
	"strings"
	"testing"
)

func TestArticle(t *testing.T) {
	extracted := `<div><p onclick="x()">Premier paragraphe avec un <a href="/suite?utm_source=rss&id=3">lien relatif</a> et une image <img src="img/a.jpg" onerror="x()"></p>
<p>Lire aussi : <a href="/autre">Un autre article du site</a></p>
<p>Recevez notre lettre chaque matin.</p>
<p>Offert par notre partenaire.</p>
<script>x()</script><iframe src="https://evil.example/"></iframe>
<p>Dernier paragraphe du texte.</p><img src="https://t.example/p.gif" width="1" height="1"></div>`
	out := Article(extracted, ArticleOptions{
		Base:      "https://news.example/2026/11/page.html",
		Strip:     []*regexp.Regexp{regexp.MustCompile(`(?i)offert par .*`)},
		Recurring: map[string]bool{"Recevez notre lettre chaque matin.": true},
	})
	for _, want := range []string{`href="https://news.example/suite?id=3"`, `src="https://news.example/2026/11/img/a.jpg"`, "Premier paragraphe", "Dernier paragraphe"} {
		if !strings.Contains(out.ContentHTML, want) {
			t.Errorf("content lacks %q:\n%s", want, out.ContentHTML)
		}
	}
	for _, bad := range []string{"onclick", "onerror", "<script", "<iframe", "Lire aussi", "Recevez", "partenaire", "p.gif", "utm_source"} {
		if strings.Contains(out.ContentHTML, bad) {
			t.Errorf("content holds %q:\n%s", bad, out.ContentHTML)
		}
	}
	if out.Text != "Premier paragraphe avec un lien relatif et une image Dernier paragraphe du texte." {
		t.Errorf("text %q", out.Text)
	}
	if out.Image != "https://news.example/2026/11/img/a.jpg" {
		t.Errorf("image %q", out.Image)
	}
	// A recurring block alone is kept: nothing of the page's own would
	// remain beside it.
	if got := Article(`<p>Recevez notre lettre chaque matin.</p>`, ArticleOptions{Recurring: map[string]bool{"Recevez notre lettre chaque matin.": true}}); got.Text == "" {
		t.Error("a page made only of a recurring block lost it")
	}
	if got := ArticleBlocks(`<p>Un  bloc</p><ul><li>deux</li></ul>texte<br>ligne`); strings.Join(got, "|") != "Un bloc|deux|texte|ligne" {
		t.Errorf("blocks %q", got)
	}
}

// TestArticleRepeats: a pull quote that repeats a sentence of the text
// goes, the paragraph stays; paragraphs alike both stay, and so does a
// heading that quotes its paragraph, and a quote's attribution that gives
// again the name and role the text gave.
func TestArticleRepeats(t *testing.T) {
	para := `<p>« Le plateau, on ne le possède pas. On le garde pour ceux qui viendront après », dit-il en montrant l'horizon.</p>`
	out := Article(`<div><p>Premier paragraphe du reportage, long de quelques mots.</p><blockquote><p>« Le plateau, on ne le possède pas. On le garde pour ceux qui viendront après. »</p></blockquote>`+para+`</div>`, ArticleOptions{})
	if strings.Count(out.Text, "Le plateau, on ne le possède pas") != 1 || !strings.Contains(out.Text, "dit-il") {
		t.Errorf("pull quote: %q", out.Text)
	}
	twice := Article(`<div>`+para+para+`</div>`, ArticleOptions{})
	if strings.Count(twice.Text, "dit-il") != 2 {
		t.Errorf("paragraphs alike: %q", twice.Text)
	}
	short := Article(`<div><h2>Le loup, la nuit</h2><p>Le loup, la nuit, rôde autour du parc où dorment les brebis.</p></div>`, ArticleOptions{})
	if !strings.Contains(short.Text, "Le loup, la nuit Le loup") {
		t.Errorf("a short heading went: %q", short.Text)
	}
	// A subheading quoting the paragraph it heads is a heading, not a
	// pull quote.
	quoting := Article(`<div><p>Premier paragraphe du reportage, long de quelques mots.</p><h2>« Le plateau, on ne le possède pas, on le garde »</h2>`+
		`<p>« Le plateau, on ne le possède pas, on le garde pour ceux qui viendront après », dit-il.</p></div>`, ArticleOptions{})
	if strings.Count(quoting.Text, "Le plateau, on ne le possède pas") != 2 {
		t.Errorf("a subheading quoting its paragraph went: %q", quoting.Text)
	}
	// The quote's words are its own, its attribution names the speaker
	// as the text did: the attribution is the quote's.
	credited := Article(`<div><p>Les bergers ont vu le loup trois nuits de suite, raconte Mathieu Roussel, éleveur sur le causse de Sauveterre.</p>`+
		`<blockquote><p>« On dort dans la bergerie depuis un mois, avec les chiens. »</p><p>Mathieu Roussel, éleveur sur le causse de Sauveterre</p></blockquote></div>`, ArticleOptions{})
	if strings.Count(credited.Text, "Mathieu Roussel, éleveur sur le causse de Sauveterre") != 2 {
		t.Errorf("a quote's attribution went: %q", credited.Text)
	}
	// A pull quote that repeats the text goes whole, its attribution too
	// when the text says it.
	pulled := Article(`<div><p>Les bergers ont vu le loup trois nuits de suite, raconte Mathieu Roussel, éleveur sur le causse de Sauveterre.</p>`+
		`<blockquote><p>Les bergers ont vu le loup trois nuits de suite</p><p>Mathieu Roussel, éleveur sur le causse de Sauveterre</p></blockquote></div>`, ArticleOptions{})
	if strings.Count(pulled.Text, "Mathieu Roussel") != 1 || strings.Count(pulled.Text, "trois nuits") != 1 {
		t.Errorf("a pull quote repeating the text stayed: %q", pulled.Text)
	}
}
