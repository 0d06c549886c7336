package article

import (
	"strings"
	"testing"
)

// TestCoreComponentText: a page built of Adobe Experience Manager's core
// components ("cmp-text", "cmp-image" in the wrappers named after their
// type, no ids) keeps its text, though "cmp" names a consent platform's
// box too; a cookie box named "cmp" still goes, in French and in English.
func TestCoreComponentText(t *testing.T) {
	for _, tc := range []struct {
		name, lang, title string
		paras             []string
		consent           string
	}{
		{"en", "en", "The river trail reopens after the winter floods", []string{
			"The county's river trail reopened on Saturday after three months of repairs to the boardwalk that the January floods tore from its posts near the old mill.",
			"Volunteers from the ramblers' club replaced more than two hundred planks and rebuilt the steps down to the ford, where the water had carried away the handrail.",
			"The parks department said a new gauge at the footbridge would close the lower section automatically whenever the river rose above its warning level again.",
		}, "We use cookies to measure the audience of this site. Accept or refuse them at any time."},
		{"fr", "fr", "Le sentier des berges rouvre après les crues de l'hiver", []string{
			"Le sentier des berges a rouvert samedi après trois mois de travaux sur le ponton que les crues de janvier avaient arraché de ses pieux près de l'ancien moulin.",
			"Les bénévoles du club de randonnée ont remplacé plus de deux cents planches et reconstruit l'escalier qui descend au gué, où l'eau avait emporté la main courante.",
			"Le service des espaces verts a indiqué qu'une nouvelle sonde fermerait désormais la partie basse dès que la rivière dépasserait son niveau d'alerte.",
		}, "Nous utilisons des cookies pour mesurer l'audience de ce site. Vous pouvez les accepter ou les refuser."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><head><title>` + tc.title + `</title></head><body>` +
				`<div class="cmp"><p>` + tc.consent + `</p><button>OK</button></div>` +
				`<main><div class="cmp-container"><div class="cmp-title"><h1 class="cmp-title__text">` + tc.title + `</h1></div>`)
			for i, p := range tc.paras {
				b.WriteString(`<div class="text"><div class="cmp-text"><p>` + p + `</p></div></div>`)
				if i == 0 {
					b.WriteString(`<div class="image"><div class="cmp-image"><img class="cmp-image__image" src="/content/dam/trail.jpg" alt=""><span class="cmp-image__title">The boardwalk by the old mill.</span></div></div>`)
				}
			}
			b.WriteString(`</div></main></body></html>`)
			text := extractedText(t, b.String())
			for _, p := range tc.paras {
				if !strings.Contains(text, p) {
					t.Errorf("a paragraph is lost: %q", text)
				}
			}
			if strings.Contains(text, tc.consent[:30]) {
				t.Errorf("the consent box is kept: %q", text)
			}
		})
	}
}
