package article

import (
	"strings"
	"testing"
)

// TestFurnitureClasses: the furniture classes of heldout13–15 (an
// automatic-publication note, a contact line closing the post, a "stay
// connected" phone box, a timestamp chapter list, a label-only embed box,
// a match report's award card, a headed list of the site's other posts,
// a ticket box whose only prose is about the ticket link) go, in French
// and in English, and the text beside them stays; each case in other
// words than the set pages. A sentence of the text that looks like one
// (an automatic sluice, a race's times, a question asked in the story)
// stays.
func TestFurnitureClasses(t *testing.T) {
	paras := map[string][]string{
		"fr": {
			"<p>Le syndicat des eaux a présenté mardi son plan de rénovation des canalisations du plateau, qui doit réduire de moitié les fuites d'ici cinq ans selon ses ingénieurs.</p>\n",
			"<p>Les travaux commenceront au printemps dans les trois communes les plus touchées, où un litre sur trois se perd aujourd'hui avant d'arriver au robinet des habitants.</p>\n",
			"<p>Le chantier sera financé pour moitié par l'agence de l'eau, le reste par une hausse modérée du prix du mètre cube votée à l'unanimité par le comité syndical.</p>\n",
		},
		"en": {
			"<p>The water board presented its plan on Tuesday to renew the pipes across the plateau, which its engineers say should halve leaks within five years.</p>\n",
			"<p>Work will start in the spring in the three towns hit hardest, where one litre in three is lost today before it reaches anyone's tap.</p>\n",
			"<p>Half of the cost will be met by the regional water agency and the rest by a modest rise in the price per cubic metre, approved unanimously.</p>\n",
		},
	}
	head := func(lang string) string {
		title := map[string]string{"fr": "Le plateau va changer ses canalisations", "en": "The plateau will renew its water pipes"}[lang]
		return `<html lang="` + lang + `"><head><title>` + title + ` | Le Petit Vallon</title><link rel="canonical" href="https://petitvallon.example/eau/canalisations"></head>` +
			`<body><article><h1>` + title + `</h1>`
	}
	for _, tc := range []struct {
		name, lang, box, where, gone, kept string
	}{
		{"auto note fr", "fr", `<p class="mention">Cette dépêche a été mise en ligne automatiquement. Source : Reuters.</p>`, "end", "mise en ligne automatiquement", ""},
		{"auto note en", "en", `<p class="note">This story was generated automatically from a syndicated wire feed and has not been edited by our staff.</p>`, "end", "syndicated wire feed", ""},
		{"automatic sluice stays fr", "fr", `<p>Les vannes du barrage, elles, seront désormais ouvertes automatiquement dès que le niveau de la retenue dépassera la cote d'alerte.</p>`, "end", "", "ouvertes automatiquement"},
		{"contact tail fr", "fr", `<p>Pour toute question sur les travaux, écrivez à <a href="mailto:travaux@syndicat.example">travaux@syndicat.example</a>. Le compte rendu de la séance est en ligne sur le site du syndicat.</p>`, "end", "Pour toute question", ""},
		{"contact tail en", "en", `<p>Questions about the works may be directed to <a href="mailto:pipes@board.example">pipes@board.example</a>. The meeting's minutes are also online.</p>`, "end", "may be directed to", ""},
		{"a question of the story stays en", "en", `<p>Residents asked whether the rise would hit pensioners hardest; the board said a reduced tariff would stay in place for low-income households.</p>`, "end", "", "Residents asked whether"},
		{"phone box fr", "fr", `<div class="bloc"><p><strong>Restez informés.</strong> Recevez les alertes coupures d'eau sur votre téléphone avec l'application de la commune.</p><a href="/appli">Installer l'application</a></div>`, "mid", "alertes coupures", ""},
		{"phone box en", "en", `<section class="x2"><div class="x3"><p><strong>Stay informed.</strong> Get board news, outage notices and alerts on your phone with TapNotice.</p><a href="/tapnotice" class="xStyleButton">Set up TapNotice</a></div></section>`, "mid", "outage notices", ""},
		{"chapters en", "en", `<div class="eps"><h3>In this episode</h3><ol><li><a href="#t=0">00:00 Why the pipes leak</a></li><li><a href="#t=130">02:10 Three towns first</a></li><li><a href="#t=905">15:05 Who pays for it</a></li></ol></div>`, "mid", "In this episode", ""},
		{"chapters fr", "fr", `<div class="eps"><p>Chapitres</p><p>00:00 Présentation<br>03:40 Les fuites<br>12:15 Le financement</p></div>`, "mid", "Chapitres", ""},
		{"race times stay en", "en", `<ul><li>2:11:40 Amos Kiprop, Eldoret</li><li>2:12:05 Jonas Berg, Oslo</li><li>2:13:30 Luca Ferri, Turin</li></ul>`, "mid", "", "2:12:05 Jonas Berg"},
		{"embed label fr", "fr", `<div class="v"><p>Le reportage en vidéo</p><iframe src="https://player.example/embed/88"></iframe></div>`, "mid", "Le reportage en vidéo", ""},
		{"embed label en", "en", `<div class="m"><span>Where the pipes run</span><iframe src="https://maps.example/embed?x=1"></iframe></div>`, "mid", "Where the pipes run", ""},
		{"award card en", "en", `<div class="c1"><span>Man of the Match</span><strong>Owen Pryce</strong><span>Award sponsored by The Old Mill</span></div>`, "mid", "Owen Pryce", ""},
		{"award card fr", "fr", `<div class="c1"><span>Joueuse du match</span><strong>Inès Morel</strong><span>Trophée offert par la boulangerie Dufour</span></div>`, "mid", "Inès Morel", ""},
		{"other posts fr", "fr", `<section class="suite"><h2>Encore à voir</h2><ul><li><a href="https://petitvallon.example/eau/station-epuration">La station d'épuration agrandie cet été</a> <span>12 octobre 2026</span></li><li><a href="https://petitvallon.example/eau/secheresse">Sécheresse : les arrêtés levés en Haute-Vallée</a> <span>3 octobre 2026</span></li></ul></section>`, "end", "Encore à voir", ""},
		{"other posts en", "en", `<section class="more"><h2>Still showing</h2><ul><li><a href="https://www.petitvallon.example/reviews/the-glass-year">The Glass Year, a family saga at the Lyric</a> ★★★★☆</li><li><a href="https://www.petitvallon.example/reviews/saltmarsh">Saltmarsh: a quiet play about a noisy coast</a> ★★☆☆☆</li></ul></section>`, "end", "Still showing", ""},
		{"ticket fine print fr", "fr", `<aside class="resa"><p>Places de 8 € à 19 € · Moins de 18 ans 6 €</p><a class="button" href="https://guichet.example/spectacle">Choisir une date</a><p>Ce lien mène à la billetterie de la salle, qui vend seule les places, sans frais pour nous.</p></aside>`, "mid", "Places de 8 €", ""},
		{"ticket fine print en", "en", `<aside class="bk"><p>Seats £12 to £30 · Concessions £9</p><a class="btn" href="https://boxoffice.example/show">Pick a performance</a><p>This link opens the theatre's own box office, which sells every seat for the run directly.</p></aside>`, "mid", "theatre's own box office", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := paras[tc.lang]
			page := head(tc.lang) + p[0] + p[1]
			if tc.where == "mid" {
				page += tc.box + p[2]
			} else {
				page += p[2] + tc.box
			}
			page += `</article></body></html>`
			text := extractedText(t, page)
			if tc.gone != "" && strings.Contains(text, tc.gone) {
				t.Errorf("furniture left: %q", text)
			}
			if tc.kept != "" && !strings.Contains(text, tc.kept) {
				t.Errorf("the text lost %q: %q", tc.kept, text)
			}
			for _, para := range p {
				if w := strings.Fields(para)[1]; !strings.Contains(text, w) {
					t.Errorf("the article lost a paragraph: %q", text)
				}
			}
		})
	}
}

// TestLeadPastGate: a sentence of the furniture above the headline (a
// metered-access bar, a consent notice that names no cookie) does not
// end the search for the standfirst and the lead figure: both come back
// when readability drops the article's header.
func TestLeadPastGate(t *testing.T) {
	for _, tc := range []struct{ name, gate, teaser string }{
		{"metered bar en", `<div class="mb"><p>Create a free account to keep reading this story, or log in if you already have one.</p><a href="/join">Join</a></div>`,
			"Growers on the coast say the late frost cost them a third of the apricot crop, and ask the region for help."},
		{"notice fr", `<div class="nt"><p>Ce site ne dépose aucun traceur publicitaire et compte seulement, de façon anonyme, les lectures de chaque page.</p><button>Bien noté</button></div>`,
			"Sur la côte, les arboriculteurs estiment que le gel tardif leur a coûté un tiers de la récolte d'abricots."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Late frost hits the apricots</title><meta name="description" content="` + tc.teaser + `"></head><body>` + tc.gate +
				`<main><header class="hd"><h1>Late frost hits the apricots</h1><p class="x1">` + tc.teaser + `</p><div class="dt">2 December 2026</div></header>` +
				`<div class="bd"><p>The frost came on the night of the fourth of April, when most of the orchards along the river were in full flower and nothing could protect them.</p>` +
				`<p>By the morning the blossom had turned brown on the lower branches, and the growers knew within a week how much of the fruit had failed to set.</p>` +
				`<p>The region's agriculture office has promised an assessment before the summer, and a fund for the farms that lost more than a quarter of their crop.</p></div></main></body></html>`
			text := extractedText(t, page)
			if !strings.Contains(text, tc.teaser[:40]) {
				t.Errorf("the standfirst is lost: %q", text)
			}
			if !strings.Contains(text, "The frost came on the night") {
				t.Errorf("the text is lost: %q", text)
			}
		})
	}
}
