package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The classes of ../testdata/heldout35, each with fixtures in French and
// English in other words than the pages that showed them.

// TestButtonLine: a link made to be pressed (a button's class or role)
// standing alone as a line among the paragraphs is a control, not the
// text, whatever it says and wherever it leads (a booking service's
// host) (../testdata/heldout35: jannah-fr, libguides-en).
// A link in a sentence stays, whatever its class.
func TestButtonLine(t *testing.T) {
	for _, tc := range []struct{ name, lang, line, gone string }{
		{"wp button fr", "fr", `<p class="has-text-align-center"><a class="wp-block-button__link" href="https://127.0.0.2/visite">Inscription à la visite du chantier le 12 mars</a></p>`, "visite du chantier"},
		{"btn en", "en", `<p class="text-center"><a class="btn btn-primary btn-lg" href="https://127.0.0.2/e/88">Register for the health centre open evening</a></p>`, "open evening"},
		{"bare btn en", "en", `<a class="btn btn-outline" href="https://127.0.0.2/map">The consultation map and its comments</a>`, "consultation map"},
		{"shortcode fr", "fr", `<p><a class="shortcode-button button-red" href="https://127.0.0.2/abo">Le Canton chez vous chaque vendredi : abonnement dès 4 € par mois</a></p>`, "chaque vendredi"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSitebits(t, tc.lang, sitebitsPage(tc.lang, "", tc.line, "", [2]string{}), tc.gone)
		})
	}
	for _, tc := range []struct{ name, lang, block, kept string }{
		{"in a sentence fr", "fr", `<p>Les dossiers se déposent <a class="btn-link" href="https://127.0.0.1/depot">sur le portail de la communauté</a> jusqu'au 3 mars, pièces justificatives comprises.</p>`, "sur le portail de la communauté"},
		{"in a sentence en", "en", `<p>Residents can comment <a class="button-text" href="https://127.0.0.1/comment">on the planning portal</a> until 3 March, with plans and drawings attached.</p>`, "on the planning portal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if text := extractedText(t, sitebitsPage(tc.lang, "", tc.block, "", [2]string{})); !strings.Contains(text, tc.kept) {
				t.Errorf("%q lost: %q", tc.kept, text)
			}
		})
	}
}

// TestSalesNudge: a short notice among the paragraphs that ends on a
// call to buy or to give, after a notice's label or in a few words
// (../testdata/heldout35: postnuke-fr, "Pensez-y : … Offrez-la à Noël !")
// goes. A text's paragraph that merely ends on an exclamation stays.
func TestSalesNudge(t *testing.T) {
	for _, tc := range []struct{ name, lang, line, gone string }{
		{"label fr", "fr", `<p><strong>Bon plan :</strong> le calendrier 2027 de l'amicale est en vente au local et chez les commerçants du bourg. Offrez-le à vos proches !</p>`, "calendrier 2027 de l'amicale"},
		{"label en", "en", `<p><b>Don't forget:</b> the 2027 club calendar is on sale at the clubhouse and in the village shop. Order yours today!</p>`, "2027 club calendar"},
		{"short en", "en", `<p><font color="#003399">The supporters' scarf is back, in club colours. Grab one at the kiosk!</font></p>`, "supporters' scarf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSitebits(t, tc.lang, sitebitsPage(tc.lang, "", tc.line, "", [2]string{}), tc.gone)
		})
	}
	for _, tc := range []struct{ name, lang, block, kept string }{
		{"exclamation fr", "fr", `<p>Les médecins, eux, attendent de voir les murs sortir de terre avant de se réjouir. Quelle patience il leur aura fallu !</p>`, "Quelle patience"},
		{"long text en", "en", `<p>At the farmers' market on Saturday, the butcher who chairs the traders' association told the crowd that the health centre would bring people into the square every day of the week. His advice to shoppers was simple. Buy local!</p>`, "His advice to shoppers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if text := extractedText(t, sitebitsPage(tc.lang, "", tc.block, "", [2]string{})); !strings.Contains(text, tc.kept) {
				t.Errorf("%q lost: %q", tc.kept, text)
			}
		})
	}
}

// wikiPage is a wiki page whose <title> is its id: the id shown above
// the page, the headline as its first heading, the text, then the line
// of the page's file and last change.
func wikiPage(lang, id, headline, foot string) string {
	p := sitebitsParas[lang]
	return `<html lang="` + lang + `"><head><title>` + id + ` [Atelier partagé]</title></head><body><div id="dokuwiki__site">` +
		`<header id="dokuwiki__header"><a href="/">Atelier partagé</a></header><main id="dokuwiki__content"><div class="pad group">` +
		`<div class="pageId"><span>` + id + `</span></div><div class="page group">` +
		`<div id="dw__toc" class="dw__toc"><h3 class="toggle">Sommaire</h3><ul class="toc"><li><a href="#s1">` + headline + `</a></li></ul></div>` +
		`<h1 class="sectionedit1">` + headline + `</h1><div class="level1">` + p[0] + p[1] + `</div><h2 class="sectionedit2">Suite</h2><div class="level2">` + p[2] + p[3] + `</div></div>` +
		`<div class="docInfo">` + foot + `</div></div></main></div></body></html>`
}

// TestWikiPage: a wiki page whose <title> is its id
// ("projets:2027:maison-de-sante-validee"): the heading holding the id's
// words, accents aside, is the headline and goes with the masthead; the
// id shown alone above the page goes; the foot's line of the page's file
// and last change ("… · Dernière modification : … de lucie") goes
// (../testdata/heldout35: dokuwiki-fr).
func TestWikiPage(t *testing.T) {
	for _, tc := range []struct{ lang, id, headline, foot, footGone string }{
		{"fr", "actu:2027:maison-de-sante-validee", "Maison de santé validée par la communauté de communes", "<bdi>actu/2027/maison-de-sante-validee.txt</bdi> · Dernière modification : 2027/01/14 09:30 de <bdi>lucie</bdi>", "Dernière modification"},
		{"en", "news:2027:health-centre-approved", "The health centre is approved", "<bdi>news/2027/health-centre-approved.txt</bdi> · Last modified: 2027/01/14 09:30 by <bdi>marcus</bdi>", "Last modified"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			page := wikiPage(tc.lang, tc.id, tc.headline, tc.foot)
			checkSitebits(t, tc.lang, page, tc.footGone)
			text := extractedText(t, page)
			for _, gone := range []string{tc.id, tc.headline} {
				if strings.Contains(text, gone) {
					t.Errorf("%q left: %q", gone, text)
				}
			}
		})
	}
	// The id line goes in preclean, wherever readability would cut.
	for _, id := range []string{"actu:2027:maison-de-sante-validee", "news/health-centre-approved.html"} {
		doc, err := html.Parse(strings.NewReader(wikiPage("fr", id, "Maison de santé validée par la communauté de communes", "")))
		if err != nil {
			t.Fatal(err)
		}
		preclean(doc)
		if got := textOf(findBody(doc)); strings.Contains(got, id) {
			t.Errorf("the id line %q left by preclean: %q", id, got)
		}
	}
	// A sentence of the text about a modification stays.
	kept := `<p>Le plan local d'urbanisme – dernière modification le 3 mars 2019 – reste en vigueur jusqu'à la révision.</p>`
	if text := extractedText(t, sitebitsPage("fr", "", kept, "", [2]string{})); !strings.Contains(text, "reste en vigueur") {
		t.Errorf("the sentence lost: %q", text)
	}
}
