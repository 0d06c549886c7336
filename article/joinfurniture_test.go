package article

import (
	"strings"
	"testing"
)

// TestJoinBlocksLeaveFurnitureOut: joining a builder's split text moves
// the figures and quotes between its blocks into the text's flow, never a
// box the page marks as furniture (a newsletter element, a sponsor's note,
// a related list), which still goes.
func TestJoinBlocksLeaveFurnitureOut(t *testing.T) {
	para := func(s string) string {
		return "<p>" + s + " Le conseil municipal a voté mardi soir le budget de la piscine intercommunale, dont la rénovation doit commencer au printemps prochain selon le maire.</p>"
	}
	for _, mid := range []string{
		`<div class="cms-block pos-1 cms-block-promo"><div class="cms-element-newsletter"><p>Recevez chaque vendredi notre lettre d'information avec les bons plans de la semaine et les nouveautés du magasin.</p></div></div>`,
		`<div class="sponsored-note"><p>Contenu proposé par notre partenaire Aquafun, spécialiste des équipements de piscine depuis 1998.</p></div>`,
		`<div class="cms-block pos-1 cms-block-ad"><div class="sponsor-box"><p>Sponsored by Aquafun, pool equipment specialists since 1998, who make the lanes and the starting blocks.</p></div></div>`,
		`<div class="related"><ul><li><a href="/a">La patinoire ferme ses portes</a></li><li><a href="/b">Le stade rénové</a></li></ul></div>`,
	} {
		page := `<html><head><title>Piscine</title></head><body><main><h1>Piscine</h1>` +
			`<div class="cms-block pos-0 cms-block-text"><div class="cms-element-text">` + para("Un.") + para("Deux.") + `</div></div>` + mid +
			`<div class="cms-block pos-2 cms-block-text"><div class="cms-element-text">` + para("Trois.") + para("Quatre.") + `</div></div></main></body></html>`
		text := extractedText(t, page)
		for _, w := range []string{"lettre d'information", "Aquafun", "patinoire"} {
			if strings.Contains(text, w) {
				t.Errorf("kept %q: %q", w, text)
			}
		}
	}
}
