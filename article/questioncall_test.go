package article

import (
	"strings"
	"testing"
)

// TestQuestionCall: a box named a callout by its class after the text's
// paragraphs, opening on a question to the reader and linking to a page
// of the site (the publisher's services), goes; a callout of the text's
// own that asks nothing, and one whose question links elsewhere, stay.
// Fixtures in other words than the page that showed the class
// (../testdata/heldout22: statamic-en).
func TestQuestionCall(t *testing.T) {
	paras := map[string][3]string{
		"fr": {"<p>Le chantier de la halle aux grains s'est achevé en octobre, après quatorze mois de travaux sur la charpente et la couverture en ardoise.</p>",
			"<p>Nos charpentiers ont remplacé une trentaine de pièces de chêne, taillées à la main selon les relevés faits avant la dépose des anciennes fermes.</p>",
			"<p>La halle accueillera de nouveau le marché du samedi dès le mois de janvier, et la commune prévoit d'y organiser des concerts l'été prochain.</p>"},
		"en": {"<p>Work on the old grain hall finished in October, after fourteen months spent on its timber roof and its slate covering.</p>",
			"<p>Our carpenters replaced some thirty oak members, cut by hand from the surveys made before the old trusses came down.</p>",
			"<p>The hall will host the Saturday market again from January, and the town plans summer concerts under the new roof next year.</p>"},
	}
	page := func(lang, box string) string {
		p := paras[lang]
		return `<html lang="` + lang + `"><head><title>La halle | Ateliers Morel</title></head><body>` +
			`<header><a href="https://ateliers-morel.example/">Ateliers Morel</a></header><main><article><h1>La halle aux grains</h1>` +
			`<div class="body">` + p[0] + p[1] + p[2] + box + `</div></article></main></body></html>`
	}
	for _, tc := range []struct{ name, lang, box, gone string }{
		{"services box fr", "fr", `<div class="block block--cta"><h3>Un bâtiment ancien à restaurer ?</h3><p>Notre atelier intervient sur les charpentes classées depuis trente ans.</p><a href="/contact?objet=charpente">Parlons de votre projet</a></div>`, "Notre atelier intervient"},
		{"services box en", "en", `<aside class="promo-panel"><strong>Restoring a listed roof?</strong><p>Our heritage team has worked on more than sixty timber frames.</p><a href="https://ateliers-morel.example/heritage">Meet the heritage team</a></aside>`, "Our heritage team"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := extractedText(t, page(tc.lang, tc.box))
			if strings.Contains(text, tc.gone) {
				t.Errorf("call box left: %q", text)
			}
			if n := strings.Count(text, map[string]string{"fr": "halle", "en": "hall"}[tc.lang]); n < 2 {
				t.Errorf("the text lost a paragraph: %q", text)
			}
		})
	}
	for _, tc := range []struct{ name, lang, box, kept string }{
		{"callout that asks nothing en", "en", `<div class="call-to-action"><p>If the market traders object to the new stall layout, they can ask the town's markets officer for a review, free of charge.</p></div>`, "markets officer"},
		{"question linking elsewhere fr", "fr", `<div class="encart"><h3>Qui finance la halle ?</h3><p>La région et l'État ont pris en charge les deux tiers du coût des travaux.</p><a href="https://region.example.org/patrimoine/halles">Le programme régional</a></div>`, "les deux tiers du coût"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if text := extractedText(t, page(tc.lang, tc.box)); !strings.Contains(text, tc.kept) {
				t.Errorf("%q lost: %q", tc.kept, text)
			}
		})
	}
}
