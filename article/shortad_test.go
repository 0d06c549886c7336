package article

import (
	"strings"
	"testing"
)

// TestShortAdWordBody: "ad" and "pub" name ads, but also other things (a
// publication's body, "pub-body"): a box so named that holds the text's
// paragraphs, or is a table of data, is the text, in French and in
// English; an ad slot so named, with its one line, still goes.
func TestShortAdWordBody(t *testing.T) {
	for _, tc := range []struct {
		lang, title, ad, caption string
		paras                    []string
	}{
		{"en", "The ferry survey: what six hundred passengers told us", "Advertise with us: reach twelve thousand islanders every week in print and online.", "Answers by year", []string{
			"Six hundred and twelve passengers answered the ferry users' survey this autumn, twice as many as the last time it was run, and most of them wrote comments as well.",
			"The early crossing is what matters most to them: nearly half travel before eight in the morning, to work or to school on the mainland, five days a week.",
			"Fares came second, well ahead of the state of the boats, which most respondents described as tired but reliable, and ahead of the booking website.",
			"The operator said it would publish the full results in January and meet the island councils before it draws up next summer's timetable.",
		}},
		{"fr", "L'enquête sur le bac : ce que six cents passagers nous ont dit", "Votre pub ici : touchez douze mille insulaires chaque semaine, en kiosque et en ligne.", "Réponses par année", []string{
			"Six cent douze passagers ont répondu cet automne à l'enquête des usagers du bac, deux fois plus que la dernière fois, et la plupart ont ajouté des commentaires.",
			"La première traversée est ce qui compte le plus : près de la moitié voyagent avant huit heures, pour le travail ou l'école sur le continent, cinq jours par semaine.",
			"Les tarifs arrivent en deuxième position, loin devant l'état des bateaux, jugés fatigués mais fiables, et devant le site de réservation.",
			"L'exploitant publiera les résultats complets en janvier et rencontrera les conseils des îles avant de préparer les horaires de l'été prochain.",
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><head><title>` + tc.title + `</title></head><body><div id="app">` +
				`<div class="pub-header"><h1>` + tc.title + `</h1></div>` +
				`<div class="pub-ad-slot"><p>` + tc.ad + `</p></div>` +
				`<div class="pub-body-component"><div class="pub-document">`)
			for i, p := range tc.paras {
				b.WriteString("<p>" + p + "</p>\n")
				if i == 1 {
					b.WriteString(`<table class="pub-table"><caption>` + tc.caption + `</caption><tr><th>2025</th><th>2026</th></tr><tr><td>301</td><td>612</td></tr></table>`)
				}
			}
			b.WriteString(`</div></div></div></body></html>`)
			text := extractedText(t, b.String())
			for _, p := range tc.paras {
				if !strings.Contains(text, p) {
					t.Errorf("a paragraph is lost: %q", text)
				}
			}
			if !strings.Contains(text, tc.caption) || !strings.Contains(text, "612") {
				t.Errorf("the table is lost: %q", text)
			}
			if strings.Contains(text, tc.ad[:20]) {
				t.Errorf("the ad slot is kept: %q", text)
			}
		})
	}
}
