package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// promoPage is a page of a site whose menu lists its sections (a shop, a
// lodgings listing, a calendar), with a post of four paragraphs and a box
// between the second and the third. Each paragraph opens on
// "Au verger de la Combe" (fr) or "At the Combe orchard" (en).
func promoPage(lang, box string) string {
	title := map[string]string{"fr": "La cueillette des pommes anciennes reprend", "en": "Old apple picking is back at the Combe"}[lang]
	open := map[string]string{"fr": "Au verger de la Combe", "en": "At the Combe orchard"}[lang]
	rest := map[string][]string{
		"fr": {
			", les bénévoles ont ramassé samedi près de deux tonnes de reinettes et de calvilles, triées à la main sous le hangar avant le pressage.",
			", le pressoir à bras du siècle dernier a repris du service pour le jus, qui sera vendu en bouteilles consignées au marché du jeudi.",
			", les enfants de l'école voisine ont planté dix jeunes arbres greffés à partir des variétés que l'on croyait perdues dans la vallée.",
			", la prochaine journée de cueillette aura lieu à la fin du mois si le temps reste sec, avec un atelier de greffe pour les débutants.",
		},
		"en": {
			", volunteers gathered almost two tonnes of russets and pippins on Saturday, sorted by hand in the barn before they went to the press.",
			", the hand press from the last century was back at work for the juice, to be sold in returnable bottles at the Thursday market.",
			", children from the school next door planted ten young trees grafted from varieties once thought lost from the valley.",
			", the next picking day will be at the end of the month if the weather stays dry, with a grafting workshop for beginners.",
		},
	}[lang]
	var b strings.Builder
	b.WriteString(`<html lang="` + lang + `"><head><title>` + title + ` | Vergers du Val</title>` +
		`<link rel="canonical" href="https://www.vergersduval.example/journal/cueillette"></head><body>` +
		`<header><nav><ul><li><a href="/boutique">Boutique</a></li><li><a href="/gites">Gîtes</a></li>` +
		`<li><a href="https://www.vergersduval.example/agenda">Agenda</a></li><li><a href="/journal">Journal</a></li></ul></nav></header>` +
		`<main><article><h1>` + title + `</h1><div class="post">`)
	for i, r := range rest {
		if i == 2 {
			b.WriteString(box)
		}
		b.WriteString("<p>" + open + r + "</p>\n")
	}
	b.WriteString(`</div></article></main><footer><p>Vergers du Val, 12 chemin des Prés</p></footer></body></html>`)
	return b.String()
}

// TestSectionPromo: a small box among the paragraphs that ends on a
// button into a section the site's menu lists (its shop, its lodgings,
// its calendar) is the site's promotion and goes, the button drawn by its
// class or by the builder's wrapper around a plain link, the text field
// around it a <div> without <p> or paragraphs. The same box whose link
// is a plain link, or leads to another site or to a section the menu
// does not list, stays. Fixtures in other words than the pages that
// showed the class (../testdata/heldout21: odoo-en, tilda-fr).
func TestSectionPromo(t *testing.T) {
	for _, tc := range []struct {
		name, lang, box, gone, kept string
	}{
		{"shop promo with a button en", "en", `<section class="s_call_to_action"><div class="container"><div class="row"><div class="col-9"><h3>Cider apples in the shop</h3><p>Friends of the orchard get a tenth off a crate of cider apples this month.</p></div><div class="col-3"><p><a class="btn btn-primary" href="/boutique/cider-apples">Shop cider apples</a></p></div></div></div></section>`,
			"a crate of cider apples", ""},
		{"lodgings promo with a builder's button fr", "fr", `<div class="rec" data-record-type="396"><div class="artboard"><div class="elem" data-elem-type="text"><div class="atom">Où loger près du verger ?</div></div><div class="elem" data-elem-type="text"><div class="atom">Chambres et roulottes au bord de l'eau, petit-déjeuner aux confitures de la maison.</div></div><div class="elem" data-elem-type="button"><a class="atom" href="/gites?prox=verger">Voir les gîtes</a></div></div></div>`,
			"roulottes au bord", ""},
		{"calendar promo by an absolute link fr", "fr", `<aside class="encart"><h4>Les fêtes de l'automne</h4><p>Pressées, marchés et balades contées dans les vergers jusqu'à la Toussaint.</p><a class="button" href="https://www.vergersduval.example/agenda/automne">Découvrir l'agenda</a></aside>`,
			"balades contées", ""},
		{"a plain link stays en", "en", `<div class="note"><h4>Cider apples in the shop</h4><p>The russets that do not keep go to the cider makers of the next village.</p><a href="/boutique/cider">Shop cider</a></div>`,
			"", "go to the cider makers"},
		{"a button to another site stays fr", "fr", `<div class="encart"><h4>Le pressoir de la vallée</h4><p>Le pressoir coopératif de Vinsac presse aussi les fruits des particuliers, le mardi, sur rendez-vous.</p><a class="btn" href="https://pressoir-vinsac.example/plan">Voir le plan</a></div>`,
			"", "presse aussi les fruits"},
		{"a button to a page out of the menu stays en", "en", `<div class="note"><h4>The grafting guide</h4><p>The varieties saved this year are listed with the dates on which each was grafted.</p><a class="btn" href="/varieties/list">See the varieties</a></div>`,
			"", "listed with the dates"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := extractedText(t, promoPage(tc.lang, tc.box))
			if tc.gone != "" && strings.Contains(text, tc.gone) {
				t.Errorf("promotion left: %q", text)
			}
			if tc.kept != "" && !strings.Contains(text, tc.kept) {
				t.Errorf("the text lost %q: %q", tc.kept, text)
			}
			open := map[string]string{"fr": "Au verger de la Combe", "en": "At the Combe orchard"}[tc.lang]
			if n := strings.Count(text, open); n != 4 {
				t.Errorf("the post has %d of its 4 paragraphs: %q", n, text)
			}
		})
	}
}

// TestSectionPromoTextField: on a page builder whose text fields are
// <div>s with <br /> breaks (no <p>), each in a record of its own, the
// promotion between two records is known by the fields around it and
// goes in preclean, the fields staying. (Readability, on such records
// each alone in its wrapper, keeps only one: the rule is checked on what
// preclean leaves.)
func TestSectionPromoTextField(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(promoFieldPage()))
	if err != nil {
		t.Fatal(err)
	}
	preclean(doc)
	text := strings.Join(strings.Fields(textOf(doc)), " ")
	if strings.Contains(text, "Guinguettes") {
		t.Errorf("promotion left: %q", text)
	}
	for _, kept := range []string{"Le chemin de halage longe le canal", "Les écluses se franchissent", "Le deuxième jour mène au port", "Le soir, le village fête", "Le troisième jour", "Une navette ramène"} {
		if !strings.Contains(text, kept) {
			t.Errorf("the text lost %q: %q", kept, text)
		}
	}
}

// promoFieldPage is a page builder's itinerary in one column: text
// fields written as <div>s with <br /> breaks (no <p>), and a
// promotion of the site's listings after the first.
func promoFieldPage() string {
	days := []string{
		"Le chemin de halage longe le canal sur quarante kilomètres, à l'ombre des platanes, sans une seule côte.<br /><br />Les écluses se franchissent à pied, le vélo à la main, et les éclusiers vendent souvent des fruits de leur jardin.",
		"Le deuxième jour mène au port de plaisance, où l'on peut louer une barque pour une heure ou pour l'après-midi, ou un canoë pour la journée.<br /><br />Le soir, le village fête souvent la fin des moissons sur la place de l'église, avec un bal et des tartes aux prunes.",
		"Le troisième jour, la voie quitte le canal pour remonter la rivière jusqu'à sa source, dans un vallon de prairies et de noyers.<br /><br />Une navette ramène les cyclistes fatigués au point de départ, sur réservation la veille.",
	}
	var b strings.Builder
	b.WriteString(`<html lang="fr"><head><title>Trois jours au fil du canal | Vallée Verte Tourisme</title>` +
		`<link rel="canonical" href="https://www.valleeverte.example/idees/canal"></head><body>` +
		`<nav><a href="/idees">Idées</a> <a href="/ou-manger">Où manger</a> <a href="/agenda">Agenda</a></nav>` +
		`<div class="t-records"><div class="t-rec"><h1 class="t-title">Trois jours au fil du canal</h1></div>`)
	for i, d := range days {
		if i == 1 {
			b.WriteString(`<div class="t-rec"><div class="t396"><div class="artboard"><div class="elem"><div class="atom">Où manger au bord du canal ?</div></div>` +
				`<div class="elem"><div class="atom">Guinguettes et tables d'hôtes labellisées Vélo Gourmand : menus du jour et pique-niques à emporter.</div></div>` +
				`<div class="elem" data-elem-type="button"><a class="atom" href="/ou-manger?label=velo">Voir les adresses</a></div></div></div></div>`)
		}
		b.WriteString(`<div class="t-rec"><div class="t004"><div field="text" class="t-text">` + d + `</div></div></div>`)
	}
	b.WriteString(`</div></body></html>`)
	return b.String()
}
