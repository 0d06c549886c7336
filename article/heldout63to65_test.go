package article

import "testing"

// TestHeldout63To65Lines: the furniture of ../testdata/heldout63–65 that
// a line or a short box shows, and the text that must stay.
func TestHeldout63To65Lines(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, tail, gone, kept string }{
		// calderfood-en: the story's paragraph in the builder's row of a donate button
		{"paragraph beside a donate button en", "en", `<div class="row sqs-row"><div class="sqs-block html-block"><div class="sqs-block-content"><p>The new wing, its fittings and the electrical work cost £18,750. Most of it came from a grant by the district trust, the rest from last summer's sponsored walk.</p></div></div><div class="sqs-block button-block"><div class="sqs-block-content"><a href="/donate" class="sqs-block-button-element">Donate to keep the wing open</a></div></div></div>`, "", "", "came from a grant by the district trust"},
		{"paragraph beside a donate button fr", "fr", `<div class="row"><div class="bloc-texte"><p>Les travaux de l'aile et le raccordement ont coûté 18 750 euros, financés pour l'essentiel par une subvention du département et par la marche parrainée de l'été dernier.</p></div><div class="bloc-bouton"><a href="/don" class="button">Faire un don pour la maison</a></div></div>`, "", "", "financés pour l'essentiel par une subvention"},
		{"an appeal beside its button goes en", "en", `<div class="row sqs-row"><div class="sqs-block html-block"><div class="sqs-block-content"><p>Your gift keeps the wing open all winter: every £10 pays for an hour of a nurse's evening round in the valley.</p></div></div><div class="sqs-block button-block"><div class="sqs-block-content"><a href="/donate" class="sqs-block-button-element">Donate</a></div></div></div>`, "", "Your gift keeps the wing open", ""},
		// gaule-fr: an old page's byline and date, "Article paru le …"
		{"appeared on fr", "fr", `<p><font size="1">Article paru le 05/03/2026 - par le secrétariat</font></p>`, "", "Article paru le", ""},
		// gaule-fr: where to buy, under its label
		{"on sale at fr", "fr", `<table bgcolor="#FFFFCC"><tr><td><font size="2"><b>Cartes de pêche 2026 :</b> en vente au café du Pont et au tabac-presse de la place.</font></td></tr></table>`, "", "café du Pont", ""},
		{"on sale at en", "en", `<table bgcolor="#FFFFCC"><tr><td><b>Fishing permits 2026:</b> on sale at the Bridge Café and the newsagent on the square.</td></tr></table>`, "", "Bridge Café", ""},
		{"a sentence about sales stays", "fr", `<p>Les billets pour la fête de la maison de santé sont en vente à l'office de tourisme depuis lundi, a précisé la mairie.</p>`, "", "", "en vente à l'office de tourisme"},
		// perso-fr, frontpage-fr: an old page's guestbook and under-construction lines
		{"guestbook fr", "fr", `<p align="center"><img src="/images/nouveau.gif" width="40" height="15" alt="Nouveau"> <a href="livredor.html"><b>Signez mon livre d’or !</b></a></p>`, "", "livre d’or", ""},
		{"guestbook en", "en", `<p align="center"><a href="guestbook.html">Sign my guestbook!</a></p>`, "", "guestbook", ""},
		{"under construction fr", "fr", `<center><img src="/images/construction.gif" width="88" height="31" alt="En construction"><br><font color="red">Page en construction ! Les photos arrivent bientôt...</font></center>`, "", "Les photos arrivent bientôt", ""},
		{"under construction en", "en", `<center><img src="/images/construction.gif" width="88" height="31" alt=""><br><font color="red">This page is under construction! Photos coming soon...</font></center>`, "", "Photos coming soon", ""},
		// odoo-fr: a builder's call-to-action snippet after the text
		{"call to action snippet fr", "fr", "", `<section class="s_call_to_action o_cc o_cc3"><div class="container"><div class="row"><div class="col-lg-9"><h3>Pas encore adhérent ?</h3><p>Une part coûte 20 €. Elle vous donne une voix à l'assemblée générale.</p></div><div class="col-lg-3"><a href="/devenir-adherent" class="btn btn-primary">Devenir adhérent</a></div></div></div></section>`, "Une part coûte 20 €", ""},
		{"call to action snippet en", "en", "", `<section class="s_call_to_action"><div class="container"><div class="row"><div class="col-lg-9"><h3>Not a member yet?</h3><p>A share costs £20 and gives you a vote at the general meeting.</p></div><div class="col-lg-3"><a href="/join" class="btn btn-primary">Become a member</a></div></div></div></section>`, "A share costs £20", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, tc.tail, [2]string{}), tc.gone, tc.kept)
		})
	}
}

// TestBoardSignature: on a board, the poster's signature under the
// opening post goes with the replies (../testdata/heldout59: phpbb-fr).
func TestBoardSignature(t *testing.T) {
	replies := map[string][]string{
		"fr": {"Bonne nouvelle pour le canton, il était temps que le projet aboutisse enfin après tant de réunions."},
		"en": {"Good news for the valley at last, it has taken far too many meetings to get this far."},
	}
	sig := map[string]string{
		"fr": `<div id="sig9042" class="signature">Amicale des marcheurs du Canton – association loi 1901 – affiliée à la fédération départementale<br>Réunions le vendredi à 20 h 30, salle des fêtes</div>`,
		"en": `<div id="sig9042" class="signature">Valley Walkers – a registered club affiliated to the county ramblers' federation<br>We meet on Fridays at 8pm, village hall</div>`,
	}
	gone := map[string]string{"fr": "Réunions le vendredi", "en": "We meet on Fridays"}
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			page := boardPage(lang, [2]string{`<div id="page-body"><div class="posts">`, `</div></div>`}, [2]string{`<div class="post bg2">`, sig[lang] + `</div>`}, replies[lang], true)
			checkGoneKept(t, lang, page, gone[lang], "")
		})
	}
}

// TestHeldout48And66Lines: a line sending the reader to the publisher's
// page on a network (../testdata/heldout48: quincaillerie-fr, kept
// untuned until now) and a box signing the reader up for alerts
// (../testdata/heldout66: civicplus-en).
func TestHeldout48And66Lines(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, tail, gone, kept string }{
		{"find us on fr", "fr", `<p>Retrouvez-nous aussi sur Facebook</p>`, "", "Retrouvez-nous", ""},
		{"find us on en", "en", `<p>Find us on Instagram for the photos of the week.</p>`, "", "Find us on Instagram", ""},
		{"alerts box en", "en", `<div class="cp-callout cp-callout--info"><p><strong>Stay informed:</strong> Sign up for clinic alerts through <a href="/notifyme">Notify Me</a> to get text or email updates about opening hours.</p></div>`, "", "Sign up for clinic alerts", ""},
		{"alerts box fr", "fr", `<div class="encadre"><p><strong>Restez informés :</strong> inscrivez-vous aux alertes de la mairie pour recevoir par SMS les changements d'horaires.</p></div>`, "", "inscrivez-vous aux alertes", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, tc.tail, [2]string{}), tc.gone, tc.kept)
		})
	}
}

// TestHeldout67And69Lines: an old page's counter and construction lines
// beside their images (../testdata/heldout67: physique-fr), and the line
// saying who wrote the text (../testdata/heldout69: frontpage-fr).
func TestHeldout67And69Lines(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, tail, gone, kept string }{
		{"counter image fr", "fr", `<p>Vous êtes le <img src="/cgi-bin/Count.cgi?df=canton.dat" alt="04217"> visiteur de cette page depuis le 10 mars 1997.</p>`, "", "visiteur de cette page", ""},
		{"counter image en", "en", `<p>You are visitor <img src="/cgi-bin/counter.cgi?id=valley" alt="04217"> to this page since 10 March 1997.</p>`, "", "to this page since", ""},
		{"construction sign fr", "fr", `<p><img src="/images/travaux.gif" width="40" height="38" alt="[En travaux]"> Cette rubrique est en construction.</p>`, "", "Cette rubrique est en construction", ""},
		{"construction sign en", "en", `<p><img src="/images/works.gif" width="40" height="38" alt="[Works]"> This section is under construction.</p>`, "", "under construction", ""},
		{"written by fr", "fr", "", `<p><font size="2"><i>Texte écrit par les élèves de la classe de M. Caron, avec l'aide de la maîtresse.</i></font></p>`, "élèves de la classe", ""},
		{"written by en", "en", "", `<p><i>Text written by the pupils of Class 4, with help from their teacher.</i></p>`, "pupils of Class 4", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, tc.tail, [2]string{}), tc.gone, tc.kept)
		})
	}
}
