package article

import "testing"

// TestHeldout68Release: a wire's release (../testdata/heldout68:
// wire-en, kept untuned until now). Its dateline is written in spans
// inside the first sentence, and its boilerplate tail ends on a
// tracking pixel after "SOURCE …".
func TestHeldout68Release(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, tail, gone, kept string }{
		{"dateline spans en", "en", `<p><span class="legendSpanClass"><span class="xn-location">DAYTON, Ohio</span></span>, <span class="legendSpanClass"><span class="xn-chron">Dec. 2, 2026</span></span> /PRWire/ -- Valley Mills, Inc. today announced it will convert a closed warehouse into a flour mill employing ninety people.</p>`, "", "", "Dec. 2, 2026"},
		{"dateline spans fr", "fr", `<p><span class="legendSpanClass"><span class="xn-location">LYON, France</span></span>, <span class="legendSpanClass"><span class="xn-chron">2 décembre 2026</span></span> /PRWire/ -- La coopérative Moulins du Rhône a annoncé ce mardi la reprise d'un entrepôt fermé pour y installer un moulin.</p>`, "", "", "2 décembre 2026"},
		{"dated span in a sentence en", "en", `<p>The board met on <span class="when"><time>2 December 2026</time></span> and voted to buy the warehouse for the new mill.</p>`, "", "", "2 December 2026"},
		{"dated span in a sentence fr", "fr", `<p>Le conseil s'est réuni le <span class="quand"><time>2 décembre 2026</time></span> et a voté l'achat de l'entrepôt pour le futur moulin.</p>`, "", "", "2 décembre 2026"},
		{"release tail with a pixel en", "en", "", `<p><b>About Valley Mills</b></p><p>Valley Mills, Inc. grinds wheat, rye and spelt for bakeries in the Midwest. Founded in 1998, it is headquartered in Dayton and employs about 300 people.</p><p>SOURCE Valley Mills, Inc.</p><img alt="" src="http://127.0.0.1/rt.gif?NewsItemId=CL1" style="border:0px; width:1px; height:1px;">`, "grinds wheat, rye and spelt", ""},
		{"release tail with a pixel fr", "fr", "", `<p><b>À propos des Moulins du Rhône</b></p><p>Les Moulins du Rhône écrasent du blé, du seigle et de l'épeautre pour les boulangeries de la région. Fondée en 1998, la coopérative emploie environ 300 personnes.</p><p>SOURCE Moulins du Rhône</p><img alt="" src="http://127.0.0.1/rt.gif?NewsItemId=CL2" width="1" height="1">`, "écrasent du blé, du seigle", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, tc.tail, [2]string{}), tc.gone, tc.kept)
		})
	}
}
