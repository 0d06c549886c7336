package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestCiteThisBox: a box telling how to cite the page goes
// (../testdata/heldout75: hypotheses-fr, heldout83: omeka-en).
func TestCiteThisBox(t *testing.T) {
	for _, tc := range []struct{ lang, box, gone string }{
		{"fr", `<div class="citer-ce-billet"><h3>Citer ce billet</h3><p>Claire Mercier (2 décembre 2026). La maison de santé du canton. <em>Carnet du canton</em>. Consulté le 3 décembre 2026.</p></div>`, "Consulté le 3 décembre"},
		{"fr", `<div class="cite"><h4>Pour citer cet article</h4><p>Mercier, Claire, « La maison de santé du canton », Carnet du canton, 2026.</p></div>`, "Mercier, Claire"},
		{"en", `<div class="citation"><h4>Cite this</h4><p>Adams, Rachel. "The valley health centre." District Archive, accessed December 3, 2026.</p></div>`, "accessed December 3"},
		{"en", `<section><h3>How to cite this article</h3><p>Adams, R. (2026) The valley health centre. District Archive.</p></section>`, "Adams, R. (2026)"},
	} {
		checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", "", tc.box, [2]string{}), tc.gone, "")
	}
}

// TestRecordFields: the fields of a collection item's record under its
// description (a label, one value), beside others of their kind, go
// (../testdata/heldout83: omeka-en); a lone box of a label and a
// sentence is the text's.
func TestRecordFields(t *testing.T) {
	for _, tc := range []struct{ lang, tail, gone, kept string }{
		{"en", `<div class="property"><h4>Identifier</h4><div class="values"><div class="value">1991.22.7</div></div></div><div class="property"><h4>Rights</h4><div class="values"><div class="value">Images may be reused for research with credit.</div></div></div>`, "may be reused for research", ""},
		{"fr", `<div class="property"><h4>Cote</h4><div class="values"><div class="value">3 E 412/7</div></div></div><div class="property"><h4>Droits</h4><div class="values"><div class="value">Reproduction autorisée pour la recherche, avec mention.</div></div></div>`, "Reproduction autorisée", ""},
		{"fr", `<div class="encadre"><h4>Provenance</h4><p>Le registre a été retrouvé en 1998 dans le grenier de la mairie, avec les délibérations du conseil.</p></div>`, "", "retrouvé en 1998 dans le grenier"},
	} {
		checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.tail, "", [2]string{}), tc.gone, tc.kept)
	}
}

// TestTermsLines: a line of the article's terms written out ("Keywords:
// …", "Topics: …"), and a tag field's label whose one link went, are
// furniture (../testdata/heldout87: janeway-en, heldout86: wimmera-en,
// heldout82: drupal-en); a sentence after such a word is not.
func TestTermsLines(t *testing.T) {
	checkLineCases(t, "lineChrome", lineChrome, []lineCase{
		{`<div id="l"><strong>Keywords:</strong> <span>community archives</span>, <span>Cumbria</span>, <span>digital preservation</span></div>`, true},
		{`<div id="l"><strong>Mots-clés :</strong> archives communales, Cantal, numérisation</div>`, true},
		{`<span id="l">Topics: regional, Horsham</span>`, true},
		{`<p id="l">Topics: the board discussed the budget, the roads and the school for two hours.</p>`, false},
		{`<p id="l">Sujets : la rénovation de la salle des fêtes et le nouveau parking.</p>`, false},
	})
	for lang, label := range map[string]string{"en": "Category:", "fr": "Catégorie :"} {
		doc, err := html.Parse(strings.NewReader(`<div class="field field-label-inline"><div id="l" class="field-label">` + label + `&nbsp;</div><div class="field-items"><div class="field-item"><a href="/news/category/restoration">Restoration</a></div></div></div>`))
		if err != nil {
			t.Fatal(err)
		}
		if n := findFirst(doc, func(n *html.Node) bool { return attr(n, "id") == "l" }); !tagFieldLabel(n) {
			t.Errorf("%s: tagFieldLabel(%q) = false", lang, textOf(n))
		}
	}
}

// TestWrittenByLines: who wrote the report, after its kind ("Compte rendu
// par …") or after the date ("20.11.2026 par Service de presse"), is a
// byline (../testdata/heldout89: hautescombes-fr, heldout88: contao-fr).
func TestWrittenByLines(t *testing.T) {
	checkLineCases(t, "lineChrome", lineChrome, []lineCase{
		{`<p id="l">Compte rendu par Martine Grenard, le 30 janvier 2000</p>`, true},
		{`<p id="l">Report by Martin Green, on 30 January 2000</p>`, true},
		{`<p id="l">20.11.2026 par Service de presse</p>`, true},
		{`<p id="l">2026-11-20 by Press Office</p>`, true},
		{`<p id="l">20.11.2026 par arrêté du maire, la rue sera fermée à la circulation.</p>`, false},
	})
}

// TestShopAndSeeAlsoLines: a call to buy or book in the publisher's shop
// (../testdata/heldout67: lemoine-fr), a box promoting the shop's product
// by a button into its shop (heldout69: shopify-fr), a call to see
// another page of the site that the link closes (heldout77: perso-fr),
// and a link to a whole album with its remark (heldout91: cafsemnoz-fr)
// go; a sentence of the text about a shop, or a link of the text, stays.
func TestShopAndSeeAlsoLines(t *testing.T) {
	for _, tc := range []struct {
		frag  string
		chrom bool
	}{
		{`<p id="l"><strong>👉 Réservez votre galette en deux clics sur notre boutique en ligne.</strong></p>`, true},
		{`<p id="l">Order your Christmas cake in two clicks from our online shop.</p>`, true},
		{`<p id="l">La commune a ouvert une boutique en ligne pour vendre les sacs taxés, que les habitants réservent désormais par internet.</p>`, false},
		{`<center id="l"><p><b>&gt;&gt; Voir aussi ma page sur <a href="lavoirs.htm">les lavoirs du canton</a> &lt;&lt;</b></p></center>`, true},
		{`<p id="l">&gt;&gt; See also my page on <a href="washhouses.htm">the washhouses of the valley</a> &lt;&lt;</p>`, true},
		{`<p id="l">Voir aussi <a href="lavoirs.htm">les lavoirs du canton</a>, que la commune restaure depuis 2019 avec l'aide du département.</p>`, false},
		{`<p id="l">Voir aussi <a href="lavoirs.htm">les lavoirs du canton</a> en été.</p>`, false},
		{`<p id="l"><a href="photos96.html">Voir toutes les photos de la course</a> (attention, page longue à charger)</p>`, true},
		{`<p id="l"><a href="photos96.html">See all the photos of the race</a> (large page, slow to load)</p>`, true},
	} {
		doc, err := html.Parse(strings.NewReader(tc.frag))
		if err != nil {
			t.Fatal(err)
		}
		n := findFirst(doc, func(n *html.Node) bool { return attr(n, "id") == "l" })
		if n.Data == "center" {
			n = firstElement(n)
		}
		if got := lineChrome(n) || crossLink(n, "127.0.0.1"); got != tc.chrom {
			t.Errorf("%q: chrome = %v, want %v", textOf(n), got, tc.chrom)
		}
	}
	for _, tc := range []struct{ lang, box, gone string }{
		{"fr", `<div class="rich-text content-container"><div class="rich-text__blocks"><h2 class="rich-text__heading">Coffret de fin d'année</h2><p class="rich-text__text">Six bières de saison et un verre gravé, livrés avant le 20 décembre.</p><a href="/products/coffret-hiver" class="button button--primary">Découvrir le coffret</a></div></div>`, "Six bières de saison"},
		{"en", `<div class="rich-text content-container"><div class="rich-text__blocks"><h2 class="rich-text__heading">Winter gift box</h2><p class="rich-text__text">Six seasonal beers and an engraved glass, delivered before 20 December.</p><a href="/collections/gift-boxes" class="button button--primary">Discover the box</a></div></div>`, "Six seasonal beers"},
	} {
		checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.box, "", [2]string{}), tc.gone, "")
	}
}

// lineCase is a fragment holding one element of id "l", and whether the
// rule under test calls that element furniture.
type lineCase struct {
	frag  string
	chrom bool
}

// checkLineCases parses each case's fragment and checks judge (the rule
// named name) on its element of id "l".
func checkLineCases(t *testing.T, name string, judge func(*html.Node) bool, cases []lineCase) {
	t.Helper()
	for _, tc := range cases {
		doc, err := html.Parse(strings.NewReader(tc.frag))
		if err != nil {
			t.Fatal(err)
		}
		n := findFirst(doc, func(n *html.Node) bool { return attr(n, "id") == "l" })
		if got := judge(n); got != tc.chrom {
			t.Errorf("%s(%q) = %v, want %v", name, textOf(n), got, tc.chrom)
		}
	}
}
