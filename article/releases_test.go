package article

import "testing"

// The lines around a release or a broadcast that are the publisher's:
// production credits, a press contact, a back link, a table layout's side
// column and foot. Fixtures in other words than the pages that showed the
// classes (../testdata/heldout17: suisse-fr, ong-fr), on the pages of
// textboxes_test.go.

// TestReleaseFurniture: a broadcaster's production credits at the end of
// the text ("Sujet radio : …", "Adaptation web : …" with the newsroom's
// initials), a press release's one-line press contact with a phone
// number, a link back to the list of releases, and, in a page laid out
// in a table, the column of boxes beside the article's cell and the
// address line under the table, go; the text's sentences that look like
// them stay.
func TestReleaseFurniture(t *testing.T) {
	for _, tc := range []struct {
		name, lang, page, gone, kept string
	}{
		{"broadcast credits fr", "fr", `<div class="rich-text"><p>{0}</p><p>{1}</p><p>{2}</p><p class="sig">Sujet TV : Maëlle Guillou</p><p class="sig">Adaptation web : jbr</p></div>`,
			"Adaptation web", ""},
		{"broadcast credit with a name fr", "fr", `<div class="rich-text"><p>{0}</p><p>{1}</p><p>{2}</p><p class="sig">Sujet radio : Loïc Berthou</p></div>`,
			"Loïc Berthou", ""},
		{"broadcast credits en", "en", `<div class="rich-text"><p>{0}</p><p>{1}</p><p>{2}</p><p>Radio report: Tom Ashby</p><p>Web adaptation: kpm</p></div>`,
			"Web adaptation", ""},
		{"a sentence on the edit stays fr", "fr", `<div class="rich-text"><p>{0}</p><p>{1}</p><p>{2}</p><p>Montage : une semaine de travail pour les bénévoles du club nautique.</p></div>`,
			"", "une semaine de travail"},
		{"press contact fr", "fr", `<div class="texte"><p>{0}</p><p>{1}</p><p>{2}</p><div class="cp"><p><b>Contact presse :</b> Jeanne Roy, chargée de communication - 02 40 27 11 93</p></div></div>`,
			"Jeanne Roy", ""},
		{"press contact en", "en", `<div class="body"><p>{0}</p><p>{1}</p><p>{2}</p><p><strong>Media enquiries:</strong> Sam Reed, communications officer, 01736 555 014</p></div>`,
			"Sam Reed", ""},
		{"a number in the text stays fr", "fr", `<div class="texte"><p>{0}</p><p>{1}</p><p>{2}</p><p>Le bureau du port, joignable au 02 40 27 11 90, prend déjà les inscriptions pour la saison prochaine.</p></div>`,
			"", "prend déjà les inscriptions"},
		{"a sentence with a link stays fr", "fr", `<div class="texte"><p>{0}</p><p>{1}</p><p>{2}</p><p>Retour au calme sur le quai : <a href="/peche">les pêcheurs</a> ont levé leur blocage mardi soir.</p></div>`,
			"", "Retour au calme sur le quai"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkHarbour(t, tc.lang, extractedText(t, harbourPage(tc.lang, tc.page)), tc.gone, tc.kept)
		})
	}
	// A release in a table layout: the menu's cell, the article's cell
	// (ending on a link back to the releases), the cell of boxes beside it,
	// and the foot under the table.
	tables := map[string]struct {
		label, chapo, back, rail, foot string
		gone                           []string
	}{
		"fr": {
			label: "COMMUNIQUÉ",
			chapo: "Les élus ont validé lundi le projet des usagers du port, présenté au printemps, qui prévoit deux pontons et un bassin dragué.",
			back:  `<a href="/communiques.php">&lt;&lt; Retour aux communiqués</a>`,
			rail: `<div class="b"><p class="t">Nos partenaires</p><p><img src="/img/region.gif" alt="Région"> <img src="/img/port.gif" alt="Port"></p></div>` +
				`<div class="b"><p class="t">Derniers avis</p><ul><li><a href="/avis/12">Avis aux navigateurs : balisage du chenal</a></li><li><a href="/avis/11">Fermeture de la cale de mise à l'eau</a></li></ul></div>`,
			foot: `Association des usagers du port - 3, quai Surcouf - 44250 Saint-Brévin - Tél. 02 40 27 11 80 | <a href="/mentions.php">Mentions légales</a> | <a href="/plan.php">Plan du site</a>`,
			gone: []string{"Retour aux communiqués", "Nos partenaires", "Plan du site", "quai Surcouf"},
		},
		"en": {
			label: "PRESS RELEASE",
			chapo: "Councillors on Monday approved, by a wide margin, the plan the boat owners put forward in the spring, with two pontoons, a dredged basin and a new slipway.",
			back:  `<a href="/releases.php">← Back to all releases</a>`,
			rail: `<div class="b"><p class="t">Our sponsors</p><p><img src="/img/council.gif" alt="Council"> <img src="/img/trust.gif" alt="Trust"></p></div>` +
				`<div class="b"><p class="t">Notices to mariners</p><ul><li><a href="/notices/12">Buoy moved at the harbour mouth</a></li><li><a href="/notices/11">Slipway closed for repairs until March</a></li></ul></div>`,
			foot: `Porthcarrow Boat Owners' Association - 3 Quay Street - TR18 4AB - Tel. 01736 555 010 | <a href="/privacy.php">Privacy</a> | <a href="/sitemap.php">Site map</a>`,
			gone: []string{"Back to all releases", "Our sponsors", "Site map", "Quay Street"},
		},
	}
	for _, lang := range []string{"fr", "en"} {
		t.Run("table layout "+lang, func(t *testing.T) {
			tb := tables[lang]
			p := harbourParas[lang]
			page := `<html lang="` + lang + `"><head><title>` + harbourTitle[lang] + ` - Le Ponton</title></head><body><div id="page"><table width="100%"><tr>` +
				`<td width="180"><div class="b"><p class="t">Menu</p><ul><li><a href="/a.php">Membership</a></li><li><a href="/b.php">Directory</a></li></ul></div></td>` +
				`<td><p class="type">` + tb.label + `</p><h1>` + harbourTitle[lang] + `</h1><p class="chapo"><b>` + tb.chapo + `</b></p>` +
				`<div class="texte"><p>` + p[0] + `</p><p>` + p[1] + `</p><p>` + p[2] + `</p></div><p class="retour">` + tb.back + `</p></td>` +
				`<td width="200">` + tb.rail + `</td></tr></table><div id="pied">` + tb.foot + `</div></div></body></html>`
			text := extractedText(t, page)
			for _, gone := range tb.gone {
				checkHarbour(t, lang, text, gone, "")
			}
			checkHarbour(t, lang, text, "", tb.chapo[:30])
		})
	}
}
