package article

import (
	"strings"
	"testing"
)

// TestMicrodataComments: replies and counters marked as such by schema.org
// microdata (itemprop "comment", itemtype Comment, itemprop
// "interactionStatistic", itemtype InteractionCounter) go whatever their
// classes, while the post they hang on stays, microdata or not. The
// fixtures are in other words than the page that showed the class
// (../testdata/heldout14: discourse-en): a French club's board, an
// English blog with comments in generic classes.
func TestMicrodataComments(t *testing.T) {
	para := func(i int) string {
		return "<p>La section cyclotourisme a validé le parcours numéro " + string(rune('A'+i)) +
			" de la randonnée d'automne, qui passera par les trois cols du canton et la vallée de la Sioule.</p>\n"
	}
	const head = `<html><head><title>Randonnée d'automne : le parcours validé - Forum du CCV</title>` +
		`<meta property="og:title" content="Randonnée d'automne : le parcours validé"></head><body>` +
		`<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><h1 itemprop="headline">Randonnée d'automne : le parcours validé</h1>`
	post := `<div class="b1" itemprop="text">` + para(0) + para(1) + para(2) + para(3) + `</div>`
	for _, tc := range []struct {
		name, furniture, gone string
	}{
		{"replies by itemprop", `<div class="b1" itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">gilou63</span><div class="b1" itemprop="text"><p>Super tracé, je m'inscris dès ce soir avec mon fils et deux copains du club voisin.</p></div></div>` +
			`<div class="b1" itemprop="comment"><div class="b1" itemprop="text"><p>Est-ce que le ravitaillement du deuxième col sera assuré par le comité des fêtes comme l'an passé ?</p></div></div>`,
			"je m'inscris"},
		{"replies by itemtype only", `<div class="x" itemscope itemtype="http://schema.org/Comment"><p>Will there be a shorter loop for the juniors this year, like the one in the spring?</p></div>` +
			`<div class="x" itemscope itemtype="http://schema.org/Comment"><p>Thanks for the map, the climb profile is really useful for planning.</p></div>`,
			"shorter loop"},
		{"like counter", `<div itemprop="interactionStatistic" itemscope itemtype="https://schema.org/InteractionCounter"><meta itemprop="interactionType" content="https://schema.org/LikeAction"><span class="c">23 J'aime</span></div>`,
			"23 J'aime"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := head + post + tc.furniture + `</div></body></html>`
			text := extractedText(t, page)
			if strings.Contains(text, tc.gone) {
				t.Errorf("furniture left: %q", text)
			}
			if strings.Count(text, "La section cyclotourisme a validé") != 4 {
				t.Errorf("the post lost paragraphs: %q", text)
			}
		})
	}
}

// TestBookingWidget: a short box with a price and the control of a
// booking (a form with a submit button, a button-styled link to an
// outside ticket office) goes from among the paragraphs; a box of
// practical details told in sentences stays, its booking link with it,
// and so does a box linking to the site's own page. Fixtures in other
// words than the page that showed the class (../testdata/heldout14:
// museum-en).
func TestBookingWidget(t *testing.T) {
	para := func(i int) string {
		return "<p>Le conseil communautaire a voté jeudi le projet de halle numéro " + string(rune('A'+i)) +
			", qui doit accueillir une vingtaine d'artisans dans l'ancienne minoterie du port d'ici trois ans.</p>\n"
	}
	const head = `<html><head><title>La minoterie du port deviendra une halle d'artisans - Le Courrier du Vallon</title>` +
		`<meta property="og:title" content="La minoterie du port deviendra une halle d'artisans"></head>` +
		`<body><article><h1>La minoterie du port deviendra une halle d'artisans</h1>`
	for _, tc := range []struct {
		name, box, gone, kept string
	}{
		{"form with a date", `<aside class="w"><h3>Concert du Nouvel An</h3><p>Salle Rameau · 31 décembre</p><p>Plein tarif 22 € · Réduit 15 €</p><form action="/billets"><select name="d"><option>Choisir une séance</option></select><button type="submit">Je réserve</button></form></aside>`, "Plein tarif", ""},
		{"exhibition box with a form en", `<aside class="not-prose my-8 rounded bg-stone-100 p-6"><p class="text-xs uppercase">Exhibition</p><h3 class="text-2xl">Salt and Iron: The Harbour Foundry</h3><p>Opens 3 March 2027 · Hall 2</p><p>Adults £10 · Students £7 · Under 12s free</p><form action="/tickets/salt-iron" method="get"><label for="d" class="sr-only">Pick a day</label><select id="d" name="date"><option>Pick a day</option><option>3 March</option></select><button type="submit" class="btn">Reserve a slot</button></form></aside>`, "Adults £10", ""},
		{"outside ticket office en", `<div class="tk"><p>Stalls £18 · Circle £14</p><a class="btn" href="https://tickets.example/winter-tale">See dates</a></div>`, "Stalls £18", ""},
		{"practical details in sentences", `<aside class="p"><h3>Y aller</h3><p>La halle ouvrira du mercredi au dimanche, de 9 heures à 19 heures. L'entrée est gratuite, les ateliers coûtent 5 euros par enfant.</p><a class="btn" href="https://resa.example/halle">Réserver un atelier</a></aside>`, "",
			"La halle ouvrira du mercredi au dimanche"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := head + para(0) + para(1) + tc.box + para(2) + para(3) + `</article></body></html>`
			text := extractedText(t, page)
			if tc.gone != "" && strings.Contains(text, tc.gone) {
				t.Errorf("furniture left: %q", text)
			}
			if tc.kept != "" && !strings.Contains(text, tc.kept) {
				t.Errorf("the text lost %q: %q", tc.kept, text)
			}
			if strings.Count(text, "Le conseil communautaire a voté") != 4 {
				t.Errorf("the article lost paragraphs: %q", text)
			}
		})
	}
}
