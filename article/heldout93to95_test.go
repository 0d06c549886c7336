package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestListingBox: a box of one of the site's listings set in the text (a
// club's latest results, a shop's collection, coming events), ending on
// a link to the whole listing (../testdata/heldout93: pitchero-en,
// heldout94: millroad-en); the text's own list, or a box whose last
// line is a sentence, stays.
func TestListingBox(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, gone, kept string }{
		{"results en", "en", `<div class="club-latest-results"><h3>Latest results</h3><ul><li>1st XI 188/7 beat Oakfield 160 – won by 28 runs</li><li>2nd XI 97 lost to Marsh Lane 101/2</li></ul><a href="/teams/results">View all results</a></div>`, "beat Oakfield 160", ""},
		{"results fr", "fr", `<div class="bloc-resultats"><h3>Derniers résultats</h3><ul><li>Seniors A 24 – 17 Saint-Jory</li><li>Seniors B 12 – 30 Grenade</li></ul><a href="/equipes/resultats">Voir tous les résultats</a></div>`, "Seniors A 24", ""},
		{"collection en", "en", `<div class="section featured-collection"><div class="title-wrapper"><h2>Shop the collection</h2><p>Hand-picked coats from this week's donations</p></div><ul class="grid"><li><h3><a href="/products/wool-coat">Navy wool coat</a></h3><span class="price">£22.00</span></li><li><h3><a href="/products/rain-jacket">Yellow rain jacket</a></h3><span class="price">£9.50</span></li></ul><div class="view-all"><a href="/collections/coats" class="button">View all</a></div></div>`, "Navy wool coat", ""},
		{"events fr", "fr", `<section class="agenda-encart"><h2>Prochains rendez-vous</h2><ul><li><a href="/agenda/loto">Loto de la paroisse, 12 janvier</a></li><li><a href="/agenda/galette">Galette des aînés, 18 janvier</a></li></ul><p><a href="/agenda">Voir tout l'agenda</a></p></section>`, "Loto de la paroisse", ""},
		{"a list and a sentence stay en", "en", `<div class="box"><h3>Opening times</h3><ul><li>Monday to Friday, 8am to 6pm</li><li>Saturday, 9am to noon</li></ul><p>The full timetable is on <a href="/timetable">the practice's page</a>.</p></div>`, "", "Saturday, 9am to noon"},
		// No heading: not a listing's box (listingBox); in a box of its
		// own, the short list and its link went before this rule and still
		// go.
		{"a list of the text then its link is no listing fr", "fr", `<div class="wp-block-group"><ul><li>Dépôt du permis de construire en mars</li><li>Choix des entreprises en juin</li></ul><p><a href="/calendrier">Voir tout le calendrier du chantier</a></p></div>`, "", ""},
		{"a list under its heading stays fr", "fr", `<h2>Ce que prévoit le projet</h2><ul><li>Six cabinets de consultation au rez-de-chaussée</li><li>Une salle de soins et une salle d'attente commune</li></ul><p>Le détail des plans <a href="/plans">est en ligne</a>, et une réunion publique est prévue en mairie le 4 février.</p>`, "", "Six cabinets de consultation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, "", [2]string{}), tc.gone, tc.kept)
			doc, err := html.Parse(strings.NewReader(`<div id="box">` + tc.mid + `</div>`))
			if err != nil {
				t.Fatal(err)
			}
			box := firstElement(findFirst(doc, func(n *html.Node) bool { return attr(n, "id") == "box" }))
			if got := listingBox(box); got != (tc.gone != "") {
				t.Errorf("listingBox(%q) = %v", normText(box), got)
			}
		})
	}
}

// TestLoneTopLink: a line of the link to the page's top alone, set under
// the text (../testdata/heldout95: frontpage-fr); a link of the same
// words to another page is not the page's top.
func TestLoneTopLink(t *testing.T) {
	checkLineCases(t, "backLink", backLink, []lineCase{
		{`<p id="l" align="right"><font size="1"><a href="#top">Haut de la page</a></font></p>`, true},
		{`<p id="l" align="right"><a href="#">Back to top</a></p>`, true},
		{`<p id="l"><a href="/top">Top</a></p>`, false},
	})
	for lang, top := range map[string]string{"fr": "Haut de la page", "en": "Back to top"} {
		p := sitebitsParas[lang]
		page := `<html lang="` + lang + `"><head><title>Maison de santé</title></head><body><table><tr><td><a name="top"></a><h1>Maison de santé</h1>` +
			p[0] + p[1] + p[2] + p[3] + `<p align="right"><font size="1"><a href="#top">` + top + `</a></font></p></td></tr></table></body></html>`
		checkGoneKept(t, lang, page, top, "")
	}
}

// TestBannerOverLinksAndRule: an old page's banner (its logo, its name and
// its tagline in a table) over the site's row of links and a rule written
// "<P><HR></P>", then the headline (../testdata/heldout93: word97-fr).
func TestBannerOverLinksAndRule(t *testing.T) {
	for _, tc := range []struct{ lang, name, tagline, links string }{
		{"fr", "Fanfare du Canton", "Société musicale fondée en 1882 – Sarthe", `<a href="index.htm">Retour au sommaire</a> | <a href="concerts.htm">Nos concerts</a> | <a href="livre.htm">Livre d'or</a>`},
		{"en", "The Valley Silver Band", "A brass band founded in 1882 – Somerset", `<a href="index.htm">Back to contents</a> | <a href="concerts.htm">Our concerts</a> | <a href="guestbook.htm">Guest book</a>`},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p := sitebitsParas[tc.lang]
			page := `<html lang="` + tc.lang + `"><head><title>Maison de santé</title></head><body>` +
				`<table border="0" width="600"><tr><td width="30%"><p><img src="logo.gif" width="100" height="100"></p></td><td width="70%"><b><font size="5"><p align="center">` + tc.name + `</p></font></b><font size="2"><p align="center">` + tc.tagline + `</p></font></td></tr></table>` +
				`<font size="2"><p>` + tc.links + `</p></font><p><hr></p><h1>Une maison de santé pour le canton</h1>` + p[0] + p[1] + p[2] + p[3] + `</body></html>`
			checkGoneKept(t, tc.lang, page, tc.tagline, "")
		})
	}
}

// TestShortTitleHeadline: on a page with no heading for its headline, a
// title of few long words that the headline opens on names the headline
// (../testdata/heldout93: word97-fr); a block that does not open on the
// title's words is not it.
func TestShortTitleHeadline(t *testing.T) {
	for _, tc := range []struct{ title, block, other string }{
		{"120 ans de la Fanfare", "120 ans de la Fanfare : une journée de fête", "Fanfare du Canton"},
		{"The Band at 120", "The Band at 120: a day of music on the green", "The Valley Silver Band"},
	} {
		page := `<html><head><title>` + tc.title + `</title></head><body><p><b>` + tc.other + `</b></p><p><b><font size="5">` + tc.block + `</font></b></p>` +
			`<p>The band's hundred and twentieth birthday was marked on Saturday with a parade, a concert on the green and a dinner for three hundred people in the village hall.</p></body></html>`
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		b := titleLikeBlock(findBody(doc))
		if b == nil || normText(b) != tc.block {
			got := "nil"
			if b != nil {
				got = normText(b)
			}
			t.Errorf("%q: titleLikeBlock = %s, want %q", tc.title, got, tc.block)
		}
	}
	doc, err := html.Parse(strings.NewReader(`<html><head><title>120 ans de la Fanfare</title></head><body><p><b>La Fanfare a 120 ans</b></p><p>La fanfare a fêté samedi ses cent vingt ans avec un défilé, un concert sur la place et un repas pour trois cents convives à la salle des fêtes.</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if b := titleLikeBlock(findBody(doc)); b != nil {
		t.Errorf("titleLikeBlock = %q, want nil", normText(b))
	}
}

// TestSubheadingOfMostTitleWords: a subheading of most of the title's words
// but not the title (../testdata/heldout93: squarespace-en) is kept,
// readability taking it for the headline otherwise.
func TestSubheadingOfMostTitleWords(t *testing.T) {
	for _, tc := range []struct {
		heading, title string
		borrows        bool
	}{
		{"The cranberry and walnut loaf", "Cranberry and walnut loaf, and our winter hours", true},
		{"La tarte aux pommes du moulin", "La tarte aux pommes du moulin et nos horaires d'hiver", true},
		{"Cranberry and walnut loaf, and our winter", "Cranberry and walnut loaf, and our winter hours", false},
		{"Cranberry and walnut loaf, and our winter hours", "Cranberry and walnut loaf, and our winter hours", false},
	} {
		if got := borrowsTitle(tc.heading, tc.title); got != tc.borrows {
			t.Errorf("borrowsTitle(%q, %q) = %v, want %v", tc.heading, tc.title, got, tc.borrows)
		}
	}
	for _, tc := range []struct{ lang, title, h2 string }{
		{"en", "Cranberry and walnut loaf, and our winter hours", "The cranberry and walnut loaf"},
		{"fr", "La tarte aux pommes du moulin et nos horaires d'hiver", "La tarte aux pommes du moulin"},
	} {
		p := sitebitsParas[tc.lang]
		page := `<html lang="` + tc.lang + `"><head><title>` + tc.title + ` — Le Fournil</title></head><body><article><h1>` + tc.title + `</h1><div class="sqs-block html-block"><div class="sqs-block-content">` + p[0] + p[1] + `</div></div>` +
			`<div class="sqs-block html-block"><div class="sqs-block-content"><h2>` + tc.h2 + `</h2></div></div><div class="sqs-block html-block"><div class="sqs-block-content">` + p[2] + p[3] + `</div></div></article></body></html>`
		checkGoneKept(t, tc.lang, page, "", tc.h2)
	}
}
