package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestButtonBox: a box built around a button that closes it, its few
// words speaking to the reader (a question, a call opening its title or a
// clause, "you"), goes whole (../testdata/heldout96: commune-b-fr,
// shorthand-en; heldout98: velo-fr); a box of practical details with its
// button keeps its words.
func TestButtonBox(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, gone, kept string }{
		{"question then button fr", "fr", `<div class="grid-button-wrapper"><p class="label">Une question sur votre dossier ? Nos agents vous reçoivent sans rendez-vous le mercredi.</p><a class="grid-button grid-button--primary" href="/accueil-public">Prendre contact</a></div>`, "Une question sur votre dossier", ""},
		{"question then button en", "en", `<div class="grid-button-wrapper"><p class="label">Not sure about your prescription? Our pharmacists will go through it with you.</p><a class="grid-button grid-button--primary" href="/appointments">Book a chat</a></div>`, "Not sure about your prescription", ""},
		{"a clause calling fr", "fr", `<div class="alert alert-light border d-flex" role="region"><span>Permis de stationnement : inscrivez-vous en ligne</span> <a class="btn btn-primary" href="/guichet/stationnement" role="button">Inscription en ligne</a></div>`, "inscrivez-vous en ligne", ""},
		{"a title calling, share bar after en", "en", `<div class="Theme-Layer-TextBlock"><p class="Theme-Heading-Small">Join a planting day</p><p>Planting days run every Sunday in November. Spades, gloves and soup provided.</p><a class="Theme-Button" href="/planting">Find a planting day</a><div class="Theme-Share"><span>Share this story</span> <a href="https://127.0.0.1/share?fb">Facebook</a> <a href="https://127.0.0.1/share?x">X</a></div></div>`, "Spades, gloves and soup", ""},
		{"practical details stay fr", "fr", `<div class="encart-infos"><p>Le marché se tient chaque samedi de 8 h à 13 h, place du Château, sur rendez-vous pour les exposants.</p><a class="btn" href="/plan-du-marche">Plan du marché</a></div>`, "", "place du Château"},
		{"practical details stay en", "en", `<div class="info-box"><p>The market runs every Saturday from 8am to 1pm in Castle Square, with stalls allocated on the day.</p><a class="btn" href="/market-map">Market map</a></div>`, "", "Castle Square"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, "", [2]string{}), tc.gone, tc.kept)
			doc, err := html.Parse(strings.NewReader(`<div id="box">` + tc.mid + `</div>`))
			if err != nil {
				t.Fatal(err)
			}
			box := firstElement(findFirst(doc, func(n *html.Node) bool { return attr(n, "id") == "box" }))
			if strings.Contains(tc.name, "share bar") {
				return // buttonBox judges it once the share bar is gone
			}
			if got := buttonBox(box); got != (tc.gone != "") {
				t.Errorf("buttonBox(%q) = %v", normText(box), got)
			}
		})
	}
}

// TestMoreOfSiteNews: the heading of more of the site's news in words of
// its own ("More club news", "Autres actualités du club"), alone in its
// wrapper over cards, goes with the section it heads
// (../testdata/heldout98: mobirise-en); a subheading of the text so
// worded, over prose, stays.
func TestMoreOfSiteNews(t *testing.T) {
	cards := map[string]string{
		"en": `<div class="row"><div class="item"><div class="item-img"><img src="assets/images/doors-600x400.jpg" alt=""></div><h5><strong>The boathouse doors are fixed</strong></h5><p>After two winters of leaks, the new doors went on in August and the boats are dry again.</p></div><div class="item"><div class="item-img"><img src="assets/images/agm-600x400.jpg" alt=""></div><h5><strong>Committee nominations open</strong></h5><p>Nominations for the committee close on 20 October.</p></div></div>`,
		"fr": `<div class="row"><div class="item"><div class="item-img"><img src="assets/images/portes-600x400.jpg" alt=""></div><h5><strong>Les portes du hangar sont réparées</strong></h5><p>Après deux hivers de fuites, les nouvelles portes ont été posées en août et les bateaux sont au sec.</p></div><div class="item"><div class="item-img"><img src="assets/images/ag-600x400.jpg" alt=""></div><h5><strong>Candidatures au bureau</strong></h5><p>Les candidatures au bureau sont ouvertes jusqu'au 20 octobre.</p></div></div>`,
	}
	for _, tc := range []struct{ lang, heading, gone string }{
		{"en", "More club news", "boathouse doors are fixed"},
		{"fr", "Autres actualités du club", "portes du hangar"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p := sitebitsParas[tc.lang]
			section := func(inner string) string {
				return `<section class="content4"><div class="container"><div class="row"><div class="col-12">` + inner + `</div></div></div></section>`
			}
			page := `<html lang="` + tc.lang + `"><head><title>Maison de santé</title></head><body>` + section(`<h1>Maison de santé</h1>`) + section(p[0]+p[1]) + section(p[2]+p[3]) +
				`<section class="features3"><div class="container"><div class="mbr-section-head"><h4 class="mbr-section-title"><strong>` + tc.heading + `</strong></h4></div>` + cards[tc.lang] + `</div></section></body></html>`
			checkGoneKept(t, tc.lang, page, tc.gone, "")
		})
	}
	for _, tc := range []struct{ lang, heading, para string }{
		{"en", "More bad news", "<p>The second frost of the month came on Thursday night and took what was left of the early blossom in the orchards above the river.</p>"},
		{"fr", "Autres nouvelles du front", "<p>La seconde gelée du mois est tombée jeudi soir et a emporté ce qui restait des premières fleurs dans les vergers au-dessus de la rivière.</p>"},
	} {
		t.Run("over prose "+tc.lang, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", "<h2>"+tc.heading+"</h2>"+tc.para, "", [2]string{}), "", tc.heading)
		})
	}
}

// TestLogoIsNoLeadFigure: the site's logo, a link to its home page beside
// the site's name in a box classed "navbar-caption", is not the lead
// figure (../testdata/heldout98: mobirise-en); an image beside a box
// classed its caption still is.
func TestLogoIsNoLeadFigure(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		p := sitebitsParas[lang]
		name := map[string]string{"en": "Valley Rowing Club", "fr": "Aviron du Canton"}[lang]
		logo := `<nav class="navbar"><span class="navbar-logo"><a href="index.html"><img src="assets/images/logo.png" alt="` + name + `"></a></span><span class="navbar-caption-wrap"><a class="navbar-caption" href="index.html">` + name + `</a></span></nav>`
		page := `<html lang="` + lang + `"><head><title>Maison de santé | ` + name + `</title></head><body>` + logo + `<h1>Maison de santé</h1>` + p[0] + p[1] + p[2] + p[3] + `</body></html>`
		ex, err := Extract([]byte(page), "https://127.0.0.1/a")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(ex.HTML, "logo.png") || strings.Contains(ex.HTML, "<figcaption>") {
			t.Errorf("%s: the logo is the lead figure: %s", lang, ex.HTML)
		}
		hero := `<div class="hero"><div class="hero-img"><img src="images/chantier.jpg" alt=""></div><div class="hero-caption">` + map[string]string{"en": "The site of the old police station.", "fr": "Le terrain de l'ancienne gendarmerie."}[lang] + `</div></div>`
		page = strings.Replace(page, "<h1>Maison de santé</h1>", "<h1>Maison de santé</h1>"+hero, 1)
		if ex, err = Extract([]byte(page), "https://127.0.0.1/a"); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ex.HTML, "chantier.jpg") {
			t.Errorf("%s: the hero image is lost: %s", lang, ex.HTML)
		}
	}
}

// TestCreditStub: the opening of a builder's credit left alone, its name
// in a link of its own ("Made with &zwnj;" + "<a>Mobirise …</a>"), is a
// line of furniture (../testdata/heldout98: mobirise-en); a line that
// says with what is made, or says it, is not.
func TestCreditStub(t *testing.T) {
	checkLineCases(t, "lineChrome", lineChrome, []lineCase{
		{`<p id="l">Made with &#8204;</p>`, true},
		{`<p id="l">Propulsé par</p>`, true},
		{`<p id="l">Créé avec</p>`, true},
		{`<p id="l">Made with local flour</p>`, false},
		{`<p id="l">Fait avec amour</p>`, false},
	})
}

// TestProductCardInArticle: a creator shop's product card written as an
// <article> in the text, with its picture, its price and its button ("I
// want this!"), is a shop box (../testdata/heldout97: gumroad-en): a small
// <article> is a card, not the article.
func TestProductCardInArticle(t *testing.T) {
	for _, tc := range []struct{ lang, name, button string }{
		{"en", "Harrow Sans, complete family", "I want this!"},
		{"fr", "Garonne Serif, famille complète", "Je le veux !"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			card := `<div class="embed" data-embed-type="product"><article class="product-card horizontal"><a href="https://127.0.0.1/l/harrow" class="stretched-link" aria-label="` + tc.name + `"></a><figure><img src="https://127.0.0.1/harrow-cover.png" alt=""></figure><section><header><h4 itemprop="name">` + tc.name + `</h4></header><div class="price-tag"><span itemprop="price">$120</span></div></section><footer><a class="button accent" href="https://127.0.0.1/l/harrow?wanted=true">` + tc.button + `</a></footer></article></div>`
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", card, "", [2]string{}), tc.name, "")
		})
	}
}
