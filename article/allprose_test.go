package article

import (
	"strings"
	"testing"
)

// TestBoxHoldingAllProse: a box that holds every paragraph of prose on
// the page is the text whatever its class says (a theme that sets the
// post in a "widget" of its own), in French and in English; a readers'
// thread longer than the article, beside it, still goes.
func TestBoxHoldingAllProse(t *testing.T) {
	for _, tc := range []struct {
		lang, title, comment string
		paras                []string
	}{
		{"en", "The lido will open at seven all summer", "Finally! I have been asking for early opening for years and years, well done to everyone who signed the petition last winter.", []string{
			"The council's lido will open at seven in the morning from June to September, an hour earlier than last year, after a petition signed by more than two thousand swimmers.",
			"The extra hour will be staffed by two lifeguards recruited from the swimming club, whose members have offered to cover the weekend shifts in exchange for lane bookings.",
			"Prices stay as they are, the council said, though the season ticket will now include the early session, which used to cost an extra pound a visit.",
		}},
		{"fr", "La piscine découverte ouvrira à sept heures tout l'été", "Enfin ! Cela fait des années que nous demandons une ouverture plus matinale, merci à tous ceux qui ont signé la pétition cet hiver.", []string{
			"La piscine découverte de la ville ouvrira à sept heures du matin de juin à septembre, une heure plus tôt que l'an dernier, après une pétition signée par plus de deux mille nageurs.",
			"L'heure supplémentaire sera assurée par deux maîtres-nageurs recrutés au club de natation, dont les membres couvriront aussi les créneaux du week-end contre des lignes réservées.",
			"Les tarifs ne changent pas, précise la mairie, mais l'abonnement de saison comprendra désormais la séance matinale, qui coûtait jusqu'ici un euro de plus.",
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><head><title>` + tc.title + `</title></head><body>` +
				`<div class="page"><h1 class="entry-title">` + tc.title + `</h1>` +
				`<div class="widget widget-text">`)
			for _, p := range tc.paras {
				b.WriteString("<p>" + p + "</p>\n")
			}
			b.WriteString(`</div></div></body></html>`)
			text := extractedText(t, b.String())
			for _, p := range tc.paras {
				if !strings.Contains(text, p) {
					t.Errorf("a paragraph is lost: %q", text)
				}
			}
		})
		t.Run(tc.lang+" thread", func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><head><title>` + tc.title + `</title></head><body>` +
				`<div class="page"><h1 class="entry-title">` + tc.title + `</h1><div class="entry">`)
			for _, p := range tc.paras {
				b.WriteString("<p>" + p + "</p>\n")
			}
			b.WriteString(`</div><div class="comments">`)
			for i := 0; i < 5; i++ {
				b.WriteString(`<div class="comment"><p>` + tc.comment + `</p></div>`)
			}
			b.WriteString(`</div></div></body></html>`)
			text := extractedText(t, b.String())
			if strings.Contains(text, tc.comment[:25]) {
				t.Errorf("the thread is kept: %q", text)
			}
			for _, p := range tc.paras {
				if !strings.Contains(text, p) {
					t.Errorf("a paragraph is lost: %q", text)
				}
			}
		})
	}
}
