package article

import (
	"strings"
	"testing"
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
