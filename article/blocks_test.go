package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestBuilderBlockFamilies: a text a page builder splits into sibling
// blocks of one family, told apart by the tokens after the first class
// ("cms-block pos-0 cms-block-blog-detail", "cms-block pos-2
// cms-block-text"; "et_pb_module et_pb_text et_pb_text_0"), or into
// blocks that hold their paragraphs directly with a quote block between
// them, comes out whole: every block's paragraphs, the table and the quote
// with its attribution; the product slider between two blocks and the
// skip link above the page do not. Fixtures in other words than the pages
// that showed the class (../testdata/heldout19: shopware-fr, county-a-en).
func TestBuilderBlockFamilies(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		kept       []string
		gone       []string
	}{
		{"shop blog blocks around a product slider fr", shopBlogPage(),
			[]string{"Les raquettes à neige se choisissent", "Randonnée sur sentier damé", "Le tamis en plastique", "Pensez enfin aux bâtons"},
			[]string{"Ajouter au panier", "Aller au contenu", "89,90"}},
		{"text widgets with an element id en", `<html><head><title>Pruning old apple trees | Orchard Notes</title></head><body>` +
			`<div class="elementor elementor-77"><section class="elementor-section elementor-top-section"><div class="elementor-container"><div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap">` +
			`<div class="elementor-element elementor-element-3a1f0c2 elementor-widget elementor-widget-heading"><div class="elementor-widget-container"><h1>Pruning old apple trees</h1></div></div>` +
			`<div class="elementor-element elementor-element-8be41d7 elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">` +
			`<p>An apple tree left alone for twenty years turns into a thicket of water shoots, and most of its fruit grows out of reach at the top, where no ladder goes.</p>` +
			`<p>The cure is patience: take out no more than a quarter of the wood in any one winter, starting with the dead, the diseased and the crossing branches.</p>` +
			`<p>Cut back to a branch collar or to an outward bud, never leaving a stub, and keep the saw sharp so that the cuts are clean and heal over within two years.</p>` +
			`<p>In the second year, open the centre of the crown so that light reaches the inner spurs, and shorten the tallest leaders to an outward-facing side branch.</p></div></div>` +
			`<div class="elementor-element elementor-element-c0d92aa elementor-widget elementor-widget-image"><div class="elementor-widget-container"><img src="/img/apple.jpg" alt="An old apple tree"></div></div>` +
			`<div class="elementor-element elementor-element-51e7b3f elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">` +
			`<p>By the third winter, the tree should carry a frame of four or five main limbs.</p>` +
			`<p>Burn or chip what you cut, since canker spores survive on old wood.</p></div></div>` +
			`</div></div></div></section></div></body></html>`,
			[]string{"An apple tree left alone", "take out no more than a quarter", "open the centre of the crown", "Burn or chip what you cut"},
			nil},
		{"quote block between text blocks en", quoteBlocksPage("en"),
			[]string{"The reading room on Quay Street", "We have lent books from this room since 1962", "Noreen Walsh, branch librarian", "The council will decide"},
			nil},
		{"quote block between text blocks fr", quoteBlocksPage("fr"),
			[]string{"La salle de lecture de la rue du Port", "Nous prêtons des livres dans cette salle depuis 1962", "Hélène Morvan, bibliothécaire", "Le conseil tranchera"},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := extractedText(t, tc.page)
			for _, k := range tc.kept {
				if !strings.Contains(text, k) {
					t.Errorf("the text lost %q: %q", k, text)
				}
			}
			for _, g := range tc.gone {
				if strings.Contains(text, g) {
					t.Errorf("furniture left %q: %q", g, text)
				}
			}
		})
	}
}

// shopBlogPage is a shop's blog post in CMS blocks: the post's own block
// (a header with its labels, then its opening paragraphs and a table), a
// product slider block, and a text block with the rest.
func shopBlogPage() string {
	wrap := func(class, inner string) string {
		return `<div class="cms-block ` + class + ` position-relative"><div class="cms-block-container"><div class="cms-block-container-row row cms-row"><div class="col-12">` + inner + `</div></div></div></div>`
	}
	product := func(name, price string) string {
		return `<div class="product-slider-item"><div class="card product-box"><div class="card-body"><a class="product-name" href="/p/` + price + `">` + name + `</a>` +
			`<div class="product-price-info"><span class="product-price">` + price + ` €*</span></div>` +
			`<form action="/checkout/line-item/add" method="post"><button class="btn btn-buy">Ajouter au panier</button></form></div></div></div>`
	}
	return `<html lang="fr"><head><title>Choisir ses raquettes à neige | Neige & Pas</title></head><body>` +
		"<div class=\"skip-to-content bg-primary-subtle text-primary-emphasis visually-hidden-focusable\">\n  <div class=\"container\">\n    <a href=\"#content-main\">Aller au contenu principal</a>\n  </div>\n</div>\n" +
		`<main id="content-main"><div class="cms-page"><div class="cms-sections"><div class="cms-section pos-0 cms-section-default"><div class="cms-section-default boxed">` +
		wrap("pos-0 cms-block-blog-detail", `<div class="cms-element-blog-detail"><div class="blog-detail-header"><span class="badge">Conseils d'achat</span>`+
			`<h1>Choisir ses raquettes à neige</h1><div class="blog-detail-meta"><span class="blog-detail-date">09/01/2027</span></div></div>`+
			`<div class="blog-detail-content"><p>Les raquettes à neige se choisissent d'abord selon le terrain que l'on parcourt, ensuite selon son poids avec le sac sur le dos.</p>`+
			`<p>Sur neige profonde, il faut une grande surface portante ; sur les sentiers tassés des stations, un modèle compact et léger suffit largement.</p>`+
			`<table><caption>Quelle raquette pour quel terrain</caption><tr><th>Terrain</th><th>Modèle</th></tr>`+
			`<tr><td>Randonnée sur sentier damé</td><td>Compacte, sans griffes latérales</td></tr><tr><td>Poudreuse en forêt</td><td>Longue, à tamis large</td></tr></table></div></div>`) +
		wrap("pos-1 cms-block-product-slider", `<div class="cms-element-product-slider"><div class="cms-element-title"><p>Nos raquettes du moment</p></div><div class="product-slider-container">`+
			product("Raquettes Crête 25", "129,00")+product("Raquettes Sapin junior", "89,90")+`</div></div>`) +
		wrap("pos-2 cms-block-text", `<div class="cms-element-text"><h2>Le tamis et les fixations</h2>`+
			`<p>Le tamis en plastique moulé résiste bien aux cailloux, alors qu'un tamis en toile tendue sur un cadre d'aluminium porte mieux dans la poudreuse.</p>`+
			`<p>Essayez les fixations au magasin avec vos propres chaussures : elles doivent se serrer avec des gants, sans avoir à retirer les moufles.</p>`+
			`<p>Pensez enfin aux bâtons à grandes rondelles, qui évitent de s'enfoncer jusqu'au poignet à chaque appui dans la neige fraîche.</p></div>`) +
		`</div></div></div></div></main></body></html>`
}

// quoteBlocksPage is a county paper's story in the blocks of a block
// list: text blocks holding their paragraphs, a quote block between them.
func quoteBlocksPage(lang string) string {
	t := map[string][]string{
		"en": {"Reading room to close for a year", "The reading room on Quay Street will close in March for a year of repairs to its roof and windows, the county library service said on Thursday.",
			"Readers will be able to borrow and return books at a temporary desk in the old post office across the street, open five days a week.",
			"The works will cost €1.1 million, most of it from the heritage fund, and include a lift to the first floor for the first time.",
			"What the works include", "a new slate roof and lead gutters;", "double glazing in the twelve sash windows;",
			`"We have lent books from this room since 1962 and we will be back in it, better than before. I ask readers to bear with us for one year."`, "Noreen Walsh, branch librarian",
			"Some readers asked why the works could not be done in stages, with half of the room open at any time.",
			"The library service said that the roof could not be opened safely above a room in use by the public.",
			"The council will decide in February which contractor gets the work, after a tender that closes on 20 January."},
		"fr": {"La salle de lecture ferme pour un an", "La salle de lecture de la rue du Port fermera en mars pour un an de travaux sur sa toiture et ses fenêtres, a annoncé jeudi le réseau des bibliothèques.",
			"Les lecteurs pourront emprunter et rendre leurs livres à un comptoir provisoire dans l'ancienne poste, en face, ouvert cinq jours par semaine.",
			"Les travaux coûteront 1,1 million d'euros, financés surtout par le fonds patrimoine, et ajouteront pour la première fois un ascenseur vers l'étage.",
			"Ce que prévoient les travaux", "une toiture neuve en ardoise et des gouttières en zinc ;", "un double vitrage pour les douze fenêtres à guillotine ;",
			"« Nous prêtons des livres dans cette salle depuis 1962 et nous y reviendrons, mieux qu'avant. Je demande aux lecteurs un an de patience. »", "Hélène Morvan, bibliothécaire",
			"Des lecteurs ont demandé pourquoi les travaux ne pouvaient pas se faire par tranches, avec la moitié de la salle ouverte.",
			"Le réseau répond que la toiture ne peut pas être ouverte sans danger au-dessus d'une salle recevant du public.",
			"Le conseil tranchera en février entre les entreprises, après un appel d'offres qui se termine le 20 janvier."},
	}[lang]
	return `<html lang="` + lang + `"><head><title>` + t[0] + ` | The Quay Courier</title></head><body>` +
		`<main class="container"><article class="news-article"><header><h1>` + t[0] + `</h1><p class="date">14 January 2027</p></header>` +
		`<div class="news-article__body block-list">` +
		`<div class="block-list__item block-richtext"><p>` + t[1] + `</p><p>` + t[2] + `</p><p>` + t[3] + `</p><p>` + t[9] + `</p><h2>` + t[4] + `</h2><ul><li>` + t[5] + `</li><li>` + t[6] + `</li></ul></div>` +
		`<div class="block-list__item block-quote"><blockquote class="pull-quote"><p>` + t[7] + `</p><cite>` + t[8] + `</cite></blockquote></div>` +
		`<div class="block-list__item block-richtext"><p>` + t[10] + `</p><p>` + t[11] + `</p></div>` +
		`</div></article></main></body></html>`
}

// TestBuilderBlocksKeepQuotes: two quotes of one class among the
// paragraphs are quotes of the text, not blocks of a builder's family
// (a builder's blocks are <div>s and <section>s): each stays a quote, and
// two list items of one class stay items.
func TestBuilderBlocksKeepQuotes(t *testing.T) {
	para := func(s string) string {
		return "<p>Le conseil municipal a voté " + s + " après deux heures de débat, devant une salle comble et sous les questions des habitants du quartier.</p>"
	}
	quote := func(s string) string {
		return `<blockquote class="citation-exergue"><p>« ` + s + ` »</p></blockquote>`
	}
	page := `<html><head><title>Le marché couvert rouvrira</title></head><body><article><h1>Le marché couvert rouvrira</h1><div class="texte">` +
		para("la rénovation du marché") + para("le calendrier des travaux") +
		quote("Nous attendions ce marché depuis dix ans, et nous le voulons ouvert aussi le dimanche matin pour les familles. »</p><p>« Les producteurs du plateau sont prêts, il ne manque plus que les halles et un peu de patience.") +
		para("le plan de financement") +
		quote("Le chantier ne doit pas gêner les commerçants de la rue voisine, qui vivent déjà une année difficile.") +
		para("le choix de l'architecte") +
		`<ul class="etapes"><li class="etape"><p>Les étals provisoires seront installés place de la Halle pendant les dix-huit mois de travaux.</p><p>Les livraisons se feront par la rue du Four, avant sept heures du matin, pour ne pas gêner les clients.</p></li>` +
		`<li class="etape"><p>La réouverture est prévue pour le printemps 2029, avec une vingtaine de commerçants.</p></li></ul>` +
		para("la motion finale") + `</div></article></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(ex.HTML, "<blockquote"); got != 2 {
		t.Errorf("%d quotes, want 2: %s", got, ex.HTML)
	}
	if got := strings.Count(ex.HTML, "<li"); got != 2 {
		t.Errorf("%d list items, want 2: %s", got, ex.HTML)
	}
}

// TestJoinBlocksSplitText: boxes of one class that hold their paragraphs
// directly are a split text when one of them has two paragraphs or more;
// two boxes of a sentence each (a correction and an update notice) keep
// their boxes.
func TestJoinBlocksSplitText(t *testing.T) {
	sentence := func(s string) string {
		return "<p>" + s + " in the version of this story first published on the morning of the vote.</p>"
	}
	for _, tc := range []struct {
		name, boxes string
		joined      bool
	}{
		{"notices stay boxed", `<div class="notice notice--correction">` + sentence("The cost of the scheme was given as four million euro") + `</div>` +
			`<div class="notice notice--update">` + sentence("The name of the district engineer was misspelt") + `</div>`, false},
		{"text items joined", `<div class="item item-text">` + sentence("The council said the works would start") + sentence("The chamber said its members were divided") + `</div>` +
			`<div class="item item-text">` + sentence("The car park opens first") + `</div>`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(`<html><body><div class="body">` + tc.boxes + `</div></body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			joinBlocks(doc)
			body := findAtom(doc, atom.Div)
			if got := contains(body, atom.Div); got == tc.joined {
				t.Errorf("boxes left = %v, want %v", got, !tc.joined)
			}
			if got := strings.Count(textOf(body), "first published"); got != strings.Count(tc.boxes, "first published") {
				t.Errorf("%d paragraphs left of %d", got, strings.Count(tc.boxes, "first published"))
			}
		})
	}
}
