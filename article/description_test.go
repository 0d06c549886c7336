package article

import (
	"strings"
	"testing"
)

// TestDescriptionIsHeadline: a page whose meta description is its
// headline (a CMS that fills the description with the title) has no
// standfirst in it, so the headline is not published as one; a
// description that is the standfirst under the headline still is, in
// French and in English.
func TestDescriptionIsHeadline(t *testing.T) {
	for _, tc := range []struct {
		name, lang, headline, desc, standfirst string
		paras                                  []string
	}{
		{
			name: "description is the headline fr", lang: "fr",
			headline: "Hôpital de la Citadelle : les urgences pédiatriques déménagent au printemps",
			paras: []string{
				"Le service des urgences pédiatriques quittera en avril le vieux pavillon B pour un bâtiment neuf de deux étages, construit à côté de l'entrée principale de l'hôpital.",
				"La direction promet des délais d'attente plus courts grâce à huit box de consultation au lieu de cinq, et une salle d'attente séparée pour les familles.",
				"Le chantier a coûté 14 millions d'euros, dont un tiers apporté par la Région, selon le rapport présenté jeudi au conseil d'administration.",
			},
		},
		{
			name: "description is the headline en", lang: "en",
			headline: "Harbour ferry timetable cut to four crossings a day from January onwards",
			paras: []string{
				"The harbour ferry will run four return crossings a day from January instead of seven, the operator said on Monday, blaming a shortage of licensed skippers.",
				"Commuters who use the early boat said the change would add half an hour to their journey, since the first crossing now leaves at eight rather than half past six.",
				"The council said it would review the contract in the spring if the operator could not restore the full timetable by then.",
			},
		},
		{
			name: "a real standfirst stays en", lang: "en",
			headline:   "Harbour ferry timetable cut to four crossings a day from January onwards",
			desc:       "Fewer skippers mean fewer boats: the operator halves the winter service and commuters on the early crossing lose the most.",
			standfirst: "Fewer skippers mean fewer boats: the operator halves the winter service and commuters on the early crossing lose the most.",
			paras: []string{
				"The harbour ferry will run four return crossings a day from January instead of seven, the operator said on Monday, blaming a shortage of licensed skippers.",
				"Commuters who use the early boat said the change would add half an hour to their journey, since the first crossing now leaves at eight rather than half past six.",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			desc := tc.desc
			if desc == "" {
				desc = tc.headline
			}
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><head><title>` + tc.headline + ` - Le Courrier de Meuse</title>` +
				`<meta name="description" content="` + desc + `"><meta property="og:title" content="` + tc.headline + `"></head><body>` +
				`<main><article class="story"><header class="story-head"><span class="kicker">Santé</span><h1 class="story-head__title">` + tc.headline + `</h1>` +
				`<div class="story-head__meta"><span>Par Claire Dumont</span> <time datetime="2026-11-18T06:15:00+01:00">18/11/2026</time></div></header>`)
			if tc.standfirst != "" {
				b.WriteString(`<p class="story-intro">` + tc.standfirst + `</p>`)
			}
			b.WriteString(`<div class="story-body">`)
			for _, p := range tc.paras {
				b.WriteString("<p>" + p + "</p>\n")
			}
			b.WriteString(`</div></article></main></body></html>`)
			text := extractedText(t, b.String())
			if strings.Contains(text, tc.headline) {
				t.Errorf("the headline is published: %q", text)
			}
			if tc.standfirst != "" && !strings.Contains(text, tc.standfirst) {
				t.Errorf("the standfirst is lost: %q", text)
			}
			for _, p := range tc.paras {
				if !strings.Contains(text, p) {
					t.Errorf("a paragraph is lost: %q", text)
				}
			}
		})
	}
}
