package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestFurnitureNeverTakesTheArticle: furniture rules never remove the
// article: not a wrapper whose class names a sidebar layout (it holds the
// headline), not a body that opens on a line reading like a box title,
// while a comment thread longer than the article goes.
func TestFurnitureNeverTakesTheArticle(t *testing.T) {
	para := "<p>Le conseil départemental a voté jeudi le budget des collèges, en hausse de quatre pour cent, pour rénover les cantines et les gymnases.</p>"
	comment := "<p>Je trouve que cette décision arrive bien trop tard pour les familles du canton, qui attendent ces travaux depuis des années sans jamais voir le moindre chantier commencer.</p>"
	page := `<html><head><title>Budget des collèges</title></head><body>
<div class="layout has-sidebar"><div class="col">
<h1>Budget des collèges</h1>
<div class="texte"><p>Partager</p>` + strings.Repeat(para, 4) + `</div>
<div class="fil"><h3>12 commentaires</h3>` + strings.Repeat(comment, 8) + `</div>
</div></div></body></html>`
	text := extractedText(t, page)
	if strings.Count(text, "Le conseil départemental") != 4 {
		t.Errorf("the article lost paragraphs: %q", text)
	}
	if strings.Contains(text, "bien trop tard") || strings.Contains(text, "Partager") {
		t.Errorf("furniture left: %q", text)
	}
}

// TestSkipLinkBox: the box of a skip link goes before readability runs,
// whatever utility classes it carries beside the one that says skip or
// shown on focus ("text-primary-emphasis" reads as a box of text): when
// readability takes the page's main element, it keeps the siblings of
// that element a class names "content". Fixtures in other words than
// ../testdata/heldout19/shopware-fr.
func TestSkipLinkBox(t *testing.T) {
	para := "<p>La médiathèque ouvrira le dimanche matin dès janvier, à l'essai pendant six mois, avec deux agents de plus payés par la communauté de communes.</p>"
	for _, tc := range []struct{ name, box, link string }{
		{"skip class fr", `<div class="skip-to-content text-primary-emphasis"><div class="container"><a href="#contenu">Passer au contenu de la page</a></div></div>`, "Passer au contenu"},
		{"shown on focus en", `<div class="sr-only-focusable text-center main-content-link"><a href="#main">Jump straight to the main content</a></div>`, "Jump straight"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(`<html><head><title>La médiathèque ouvre le dimanche</title></head><body>` + tc.box +
				`<main id="main"><h1>La médiathèque ouvre le dimanche</h1>` + strings.Repeat(para, 3) + `</main></body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			preclean(doc)
			if text := textOf(doc); strings.Contains(text, tc.link) {
				t.Errorf("the skip link is left: %q", text)
			} else if !strings.Contains(text, "La médiathèque ouvrira") {
				t.Errorf("the text is lost: %q", text)
			}
		})
	}
}
