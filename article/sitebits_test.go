package article

import (
	"strings"
	"testing"
)

// The classes of ../testdata/heldout28, 30, 31 and 32, each with
// fixtures in French and English in other words than the pages that
// showed them.

// sitebitsParas are four paragraphs of a news text per language.
var sitebitsParas = map[string][4]string{
	"fr": {"<p>La communauté de communes a retenu mardi le projet de maison de santé présenté par six médecins et quatre infirmières du canton, après un an d'études.</p>",
		"<p>Le bâtiment, prévu sur l'ancien terrain de la gendarmerie, accueillera aussi un kinésithérapeute, une sage-femme et une permanence de la protection maternelle.</p>",
		"<p>Le coût des travaux est estimé à 2,4 millions d'euros, dont la moitié sera financée par l'État et la région au titre du plan pour l'accès aux soins.</p>",
		"<p>Les premiers coups de pelle sont attendus à l'automne, pour une ouverture au public espérée au printemps 2029, si les appels d'offres ne prennent pas de retard.</p>"},
	"en": {"<p>The district council on Tuesday backed the health centre proposed by six family doctors and four nurses from the valley, after a year of studies and meetings.</p>",
		"<p>The building, planned on the site of the old police station, will also house a physiotherapist, a midwife and a weekly clinic for new parents and their babies.</p>",
		"<p>The works are costed at 2.4 million pounds, half of which will come from the national fund for rural health care and the rest from the council's reserves.</p>",
		"<p>Building should start in the autumn, with the centre opening to patients in the spring of 2029 if the tenders for the works do not run late.</p>"},
}

// sitebitsPage is a page of the four paragraphs, mid set after the
// second and tail after the fourth; wrap wraps the whole of the body.
func sitebitsPage(lang, head, mid, tail string, wrap [2]string) string {
	p := sitebitsParas[lang]
	return `<html lang="` + lang + `"><head><title>Maison de santé - Le Canton</title></head><body>` + wrap[0] +
		`<div class="header"><a href="/">Le Canton</a></div><div class="content"><h1>Maison de santé</h1>` + head +
		`<div class="text">` + p[0] + p[1] + mid + p[2] + p[3] + `</div>` + tail + `</div>` + wrap[1] + `</body></html>`
}

// checkSitebits checks that gone is not in the published text of page
// and that every paragraph is.
func checkSitebits(t *testing.T, lang, page, gone string) {
	t.Helper()
	text := extractedText(t, page)
	if gone != "" && strings.Contains(text, gone) {
		t.Errorf("%q left: %q", gone, text)
	}
	for _, p := range sitebitsParas[lang] {
		if !strings.Contains(text, plainOf(p)) {
			t.Errorf("the text lost %q: %q", plainOf(p), text)
		}
	}
}

// TestPageWideForm: ASP.NET WebForms wraps the whole page in one <form>;
// its article is the page's, not a form's (../testdata/heldout28:
// webforms-fr). A search form beside the text still goes.
func TestPageWideForm(t *testing.T) {
	wrap := [2]string{`<form name="aspnetForm" method="post" action="./news.aspx?id=12" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="x">`, `</form>`}
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			search := `<form class="search" action="/search"><label>Rechercher sur le site du journal</label><input name="q"></form>`
			checkSitebits(t, lang, sitebitsPage(lang, search, "", "", wrap), "Rechercher sur le site")
		})
	}
}

// TestBannerSlot: a box whose only text is a partner's, sponsor's or
// advertiser's label over a linked picture is a banner and goes with its
// label (../testdata/heldout28: webforms-fr); a figure of the text, with
// its caption, stays.
func TestBannerSlot(t *testing.T) {
	for _, tc := range []struct{ lang, box, gone string }{
		{"fr", `<div class="encart-partenaire"><span class="mention">Avec notre partenaire</span><a href="/go/assureur"><img src="/pub/assureur-728x90.gif" alt="Assureur régional"></a></div>`, "Avec notre partenaire"},
		{"en", `<div class="partner-strip"><p>Sponsored by</p><a href="https://127.0.0.1/builder"><img src="/ads/builder.png" alt="Valley Builders"></a></div>`, "Sponsored by"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			checkSitebits(t, tc.lang, sitebitsPage(tc.lang, "", tc.box, "", [2]string{}), tc.gone)
		})
	}
	t.Run("figure stays", func(t *testing.T) {
		fig := `<figure><a href="/photos/plan.jpg"><img src="/photos/plan-small.jpg" alt=""></a><figcaption>Partenaire du projet, le cabinet d'architectes a dessiné trois ailes autour d'un patio.</figcaption></figure>`
		if text := extractedText(t, sitebitsPage("fr", "", fig, "", [2]string{})); !strings.Contains(text, "trois ailes autour d'un patio") {
			t.Errorf("the figure's caption lost: %q", text)
		}
	})
}

// TestMemberQuestionNotice: a box among the paragraphs opening on a
// question to the members ("Vous êtes membre?", "Already a member?") with
// a link to their area is the publisher's notice (../testdata/heldout28:
// umbraco-fr); a box of the text that asks the reader something else
// stays.
func TestMemberQuestionNotice(t *testing.T) {
	for _, tc := range []struct{ lang, box, gone string }{
		{"fr", `<div class="block block--cta"><p>Vous êtes adhérent ? Retrouvez le compte rendu intégral du conseil dans votre espace personnel.</p><a class="btn" href="/espace-adherents/">Mon espace</a></div>`, "Retrouvez le compte rendu intégral"},
		{"en", `<div class="cta-box"><p>Already a member? The full minutes of the board meeting are in the members' library.</p><a class="button" href="/members/library">Open the library</a></div>`, "full minutes of the board"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			checkSitebits(t, tc.lang, sitebitsPage(tc.lang, "", tc.box, "", [2]string{}), tc.gone)
		})
	}
	t.Run("question of the text stays", func(t *testing.T) {
		box := `<div class="encart"><p>Vous êtes patient du canton ? Les médecins resteront dans leurs cabinets actuels jusqu'à l'ouverture.</p><a href="/sante/medecins">Liste des cabinets</a></div>`
		if text := extractedText(t, sitebitsPage("fr", "", box, "", [2]string{})); !strings.Contains(text, "leurs cabinets actuels") {
			t.Errorf("the text's box lost: %q", text)
		}
	})
}

// TestOldSiteHeadLines: on an old site, the trail that ends on the page's
// name as bare text ("Accueil > Actualités > Le titre") over the headline
// and a meta line of parts joined by dashes ("Mis en ligne le … par … -
// Rubrique : …") under it, both <font> lines, go (../testdata/heldout30:
// terroir-fr); a standfirst under the headline stays.
func TestOldSiteHeadLines(t *testing.T) {
	for _, tc := range []struct{ lang, crumbs, meta, deck string }{
		{"fr", `<font size="1"><a href="index.php">Accueil</a> &gt; <a href="actu.php">Actualités</a> &gt; La maison de santé retenue</font>`,
			`<font size="1">Mis en ligne le 02/12/2026 par le service communication - Rubrique : Santé et solidarités</font>`,
			`<p class="chapo"><b>Six médecins et quatre infirmières porteront le projet, qui doit ouvrir au printemps 2029.</b></p>`},
		{"en", `<font size="1"><a href="index.php">Home</a> &gt; <a href="news.php">News</a> &gt; Health centre approved</font>`,
			`<font size="1">Posted on 02/12/2026 by the communications team | Filed under Health and social care</font>`,
			`<p class="intro"><b>Six family doctors and four nurses will run the centre, due to open in the spring of 2029.</b></p>`},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p := sitebitsParas[tc.lang]
			page := `<html><head><title>Maison de santé</title></head><body><table width="780"><tr><td class="menu"><a href="/">Accueil</a><br><a href="/actu">Actualités</a></td>` +
				`<td class="contenu"><table width="100%"><tr><td>` + tc.crumbs + `<h1 class="titre"><font color="#336">Maison de santé</font></h1>` + tc.meta + tc.deck +
				p[0] + p[1] + p[2] + p[3] + `</td></tr></table></td></tr></table></body></html>`
			text := extractedText(t, page)
			for _, gone := range []string{plainOf(tc.meta), "Accueil", "Home"} {
				if strings.Contains(text, gone) {
					t.Errorf("%q left: %q", gone, text)
				}
			}
			if !strings.Contains(text, plainOf(tc.deck)) {
				t.Errorf("the standfirst lost: %q", text)
			}
			checkSitebits(t, tc.lang, page, "")
		})
	}
}

// TestRegulatoryNotice: the firm's regulatory statement after the text
// (who authorises it, its register numbers) goes (../testdata/heldout30:
// optimizely-en); a sentence of the text naming a regulator, with the
// text going on after it, stays.
func TestRegulatoryNotice(t *testing.T) {
	for _, tc := range []struct{ lang, tail, gone string }{
		{"fr", `<div class="mentions"><p>Banque des Vallées SA, au capital de 12 000 000 euros, agréée par l'ACPR, RCS Annecy B 512 334 221, immatriculée à l'ORIAS sous le n° 07 012 345.</p></div>`, "agréée par l'ACPR"},
		{"en", `<div class="legal"><p>Valley Mutual Bank Limited is authorised by the Prudential Regulation Authority and regulated by the Financial Conduct Authority. Financial Services Register number 204417.</p></div>`, "Prudential Regulation Authority"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			checkSitebits(t, tc.lang, sitebitsPage(tc.lang, "", "", tc.tail, [2]string{}), tc.gone)
		})
	}
	t.Run("sentence of the text stays", func(t *testing.T) {
		mid := `<p>The lender behind the loan, which is authorised by the Prudential Regulation Authority, said it would not ask for repayments until the centre opens.</p>`
		if text := extractedText(t, sitebitsPage("en", "", mid, "", [2]string{})); !strings.Contains(text, "not ask for repayments") {
			t.Errorf("the text's sentence lost: %q", text)
		}
	})
}

// TestNoscriptContent: a single-page application that serves its
// server-rendered text inside <noscript> (read as one run of text by a
// parser with scripting on) gives that text (../testdata/heldout31:
// flarum-fr); a <noscript> notice asking for scripts stays out.
func TestNoscriptContent(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			p := sitebitsParas[lang]
			page := `<html lang="` + lang + `"><head><title>Maison de santé - Forum</title></head><body><div id="app"></div>` +
				`<noscript><div class="Alert">Activez JavaScript pour profiter de toutes les fonctions du forum.</div></noscript>` +
				`<noscript id="app-content"><div class="container"><h1>Maison de santé</h1><div class="Post-body">` + p[0] + p[1] + p[2] + p[3] + `</div></div></noscript></body></html>`
			checkSitebits(t, lang, page, "Activez JavaScript")
		})
	}
}

// TestSiteFirstTitleShown: a <title> written site first ("Association … -
// Le headline") on a page that shows the site's name alone in its banner
// too gives the headline, the part whose block leads to the text; a
// headline that holds the separator itself is read whole
// (../testdata/heldout31: guppy-fr, ../testdata/heldout32: frontpage-fr).
func TestSiteFirstTitleShown(t *testing.T) {
	for _, tc := range []struct{ name, lang, title, site, head string }{
		{"site first fr", "fr", "Amis du Vieux Canton de Lure - La maison de santé ouvrira en 2029", "Amis du Vieux Canton de Lure", "La maison de santé ouvrira en 2029"},
		{"site first en", "en", "Friends of the Old Valley - Health centre approved for 2029", "Friends of the Old Valley", "Health centre approved for 2029"},
		{"whole title fr", "fr", "Lettre du canton - Décembre 2026", "Les Amis du canton de Lure", "Lettre du canton - Décembre 2026"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := sitebitsParas[tc.lang]
			page := `<html><head><title>` + tc.title + `</title></head><body><table><tr><td class="banner"><div class="bannertitle">` + tc.site + `</div><div class="slogan">Association fondée en 1987</div></td></tr>` +
				`<tr><td class="main"><div class="titre">` + tc.head + `</div>` + p[0] + p[1] + p[2] + p[3] + `</td></tr></table></body></html>`
			text := extractedText(t, page)
			if strings.Contains(text, tc.head) {
				t.Errorf("headline left: %q", text)
			}
			checkSitebits(t, tc.lang, page, tc.site)
		})
	}
}

// TestAppealVariants: an appeal among the paragraphs that asks to renew
// after a label ("Rappel : pensez à renouveler votre adhésion"), one that
// links to a tip jar whatever its words ("vous pouvez m'offrir un café"),
// and an old site's one-cell table ending on its giving link ("Donner en
// ligne") go (../testdata/heldout31: guppy-fr, astro-fr;
// ../testdata/heldout32: frontpage-fr); a box of the text with a plain
// link stays.
func TestAppealVariants(t *testing.T) {
	for _, tc := range []struct{ name, lang, box, gone string }{
		{"renew fr", "fr", `<div class="encart"><b>Rappel :</b> pensez à renouveler votre cotisation pour 2027 ! 15 euros par personne, formulaire dans la rubrique <a href="docs.php">Documents</a>.</div>`, "15 euros par personne"},
		{"renew en", "en", `<div class="notice-box"><b>Reminder:</b> remember to renew your membership for 2027! Forms are in the <a href="/docs">documents</a> section.</div>`, "renew your membership"},
		{"tip jar fr", "fr", `<div class="support-box"><p>Ce site vit sans publicité. Si l'article vous a servi, un petit geste fait plaisir.</p><a class="button" href="https://ko-fi.com/exemple">Un petit geste</a></div>`, "un petit geste fait plaisir"},
		{"tip jar en", "en", `<div class="support-box"><p>No ads, no trackers here. If this saved you an evening, a coffee keeps it going.</p><a class="button" href="https://www.buymeacoffee.com/example">A coffee</a></div>`, "a coffee keeps it going"},
		{"table fr", "fr", `<table bgcolor="#F0E6D2"><tr><td><b>Collecte 2026</b><br>Il reste quelques jours pour participer. Votre don est déductible de vos impôts. <a href="https://dons.example/">Donner en ligne</a></td></tr></table>`, "Votre don est déductible"},
		{"table en", "en", `<table bgcolor="#F0E6D2"><tr><td><b>Winter appeal</b><br>There are a few days left to take part. Gifts are tax-deductible. <a href="https://gifts.example/">Donate online</a></td></tr></table>`, "Gifts are tax-deductible"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSitebits(t, tc.lang, sitebitsPage(tc.lang, "", tc.box, "", [2]string{}), tc.gone)
		})
	}
	t.Run("text's box stays", func(t *testing.T) {
		box := `<div class="encart"><b>Rappel :</b> l'adhésion de la commune à la communauté date de 2014, et le projet avait été ajourné faute de médecins.</div>`
		if text := extractedText(t, sitebitsPage("fr", "", box, "", [2]string{})); !strings.Contains(text, "ajourné faute de médecins") {
			t.Errorf("the text's box lost: %q", text)
		}
	})
}

// TestForwardedLine: a newsletter's line to the reader who got the issue
// from someone else goes (../testdata/heldout32: buttondown-en).
func TestForwardedLine(t *testing.T) {
	for _, tc := range []struct{ lang, line, gone string }{
		{"fr", `<p><em>On vous a transféré cette lettre ? <a href="https://lettre.example/">Abonnez-vous</a> pour recevoir la prochaine.</em></p>`, "On vous a transféré"},
		{"en", `<p><em>Was this forwarded to you? <a href="https://letter.example/">Sign up</a> and get the next issue.</em></p>`, "forwarded to you"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			checkSitebits(t, tc.lang, sitebitsPage(tc.lang, "", tc.line, "", [2]string{}), tc.gone)
		})
	}
}

// TestCourtesyCredit: a caption's credit given by courtesy ("Courtesy of
// …", "Avec l'aimable autorisation de …"), in a block classed a byline,
// is the caption's (../testdata/heldout31: ledger-b-en).
func TestCourtesyCredit(t *testing.T) {
	for _, tc := range []struct{ lang, credit string }{
		{"fr", "Avec l'aimable autorisation du cabinet Morel"},
		{"en", "Courtesy of the Valley Health Trust"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			fig := `<figure><img src="/img/plan.jpg" alt=""><figcaption><div class="caption-text"><p>Le plan du futur bâtiment, vu depuis la rue de la gendarmerie.</p></div><div class="byline photo-credit">` + tc.credit + `</div></figcaption></figure>`
			if text := extractedText(t, sitebitsPage(tc.lang, "", fig, "", [2]string{})); !strings.Contains(text, tc.credit) {
				t.Errorf("the credit lost: %q", text)
			}
		})
	}
}

// TestHiddenAppRoot: a page whose app root is hidden from assistive
// technology while a dialog is open (aria-hidden="true", as modal
// libraries set it) or kept invisible until its fonts load still gives
// its article; a hidden block beside the article still goes.
func TestHiddenAppRoot(t *testing.T) {
	for _, tc := range []struct {
		name, lang string
		wrap       [2]string
	}{
		{"aria-hidden fr", "fr", [2]string{`<div id="root" aria-hidden="true">`, `</div><div role="dialog" class="cookie-modal"><p>Nous utilisons des cookies.</p></div>`}},
		{"invisible en", "en", [2]string{`<div id="page" style="visibility: hidden">`, `</div>`}},
		{"main hidden fr", "fr", [2]string{`<main aria-hidden="true">`, `</main>`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hidden := `<div class="drawer" aria-hidden="true"><p>Menu du site et liens vers les rubriques du journal, les archives et la boutique.</p></div>`
			checkSitebits(t, tc.lang, sitebitsPage(tc.lang, hidden, "", "", tc.wrap), "Menu du site")
		})
	}
}

// TestHeldout33And34Classes: the classes of ../testdata/heldout33 and
// heldout34, in other words: a call-to-action callout with a pressed
// button among the paragraphs (cascade-en), a box of run-in labelled
// notices one of which sends to read elsewhere (netobjects-fr), a
// text-message sign-up line (sheriff-en), a replies widget named a
// conversation (microblog-en), and a tip jar's box closing the text
// (zola-fr) go; a figure in a box a builder calls a widget stays
// (sheriff-en).
func TestHeldout33And34Classes(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, tail, gone string }{
		{"cta fr", "fr", `<div class="callout callout--cta"><h3>Stage d'été au centre de santé</h3><p>Les étudiants en médecine peuvent passer un mois auprès des praticiens. Candidatures avant le 15 février.</p><a class="btn btn-primary" href="/stages">Postulez</a></div>`, "", "passer un mois auprès"},
		{"cta en", "en", `<div class="cta-panel"><h3>Train with the valley doctors</h3><p>Medical students can spend a month with the practice team. Applications close on 15 February.</p><a class="button" href="/placements">Apply now</a></div>`, "", "spend a month with"},
		{"notice board fr", "fr", `<table bgcolor="#FFF4D6"><tr><td><p><b>Lire aussi :</b> <a href="/bulletin.html">Le bulletin de décembre est paru</a></p><p><b>Info mairie :</b> l'accueil sera fermé le 26 décembre.</p></td></tr></table>`, "", "l'accueil sera fermé"},
		{"notice board en", "en", `<div class="box"><p><b>Read more:</b> <a href="/winter-newsletter.html">The winter newsletter is out</a></p><p><b>Town hall:</b> the front desk closes on 26 December.</p></div>`, "", "front desk closes"},
		{"sms fr", "fr", `<p>Envoyez ALERTE au 36 123 pour recevoir les alertes météo du département par SMS.</p>`, "", "Envoyez ALERTE"},
		{"sms en", "en", `<p>Text VALLEYNEWS to 55123 to get road closure alerts on your phone.</p>`, "", "Text VALLEYNEWS"},
		{"conversation en", "en", "", `<div class="post_conversation"><div class="post_reply"><p>@courier Great news for the valley, my mother waited an hour for every appointment.</p></div><div class="post_reply"><p>@courier Will there be parking near the old police station?</p></div></div>`, "Great news for the valley"},
		{"tip jar closing fr", "fr", "", `<div class="soutien"><p>Ce carnet vit sans publicité. Si ce billet vous a aidé, vous pouvez <a href="https://liberapay.com/exemple">me soutenir sur Liberapay</a>.</p></div>`, "Ce carnet vit sans publicité"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSitebits(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, tc.tail, [2]string{}), tc.gone)
		})
	}
	t.Run("figure in a widget stays", func(t *testing.T) {
		fig := `<div class="image_widget"><figure><img src="/img/plan.jpg" alt=""><figcaption>Le plan du futur bâtiment, vu depuis la rue de la gendarmerie.</figcaption></figure></div>`
		if text := extractedText(t, sitebitsPage("fr", "", fig, "", [2]string{})); !strings.Contains(text, "vu depuis la rue de la gendarmerie") {
			t.Errorf("the figure lost: %q", text)
		}
	})
}

// TestOldHeadlineFound: an old page whose headline is no heading (a
// "<font size=4><b>" run) nor the <title> word for word, and a page whose
// only <h1> words the <title> otherwise, give their headline and lose the
// meta line under it; the rows of a table after the text has begun (in
// runs of no <p>) stay, though they read as signatures ("Piégros … du 19
// au 23 juillet 4 heures")
// (../testdata/heldout33: domino-fr, ../testdata/heldout34: netobjects-fr).
func TestOldHeadlineFound(t *testing.T) {
	p := sitebitsParas["fr"]
	rows := `<table border="1"><tr><td><b>Commune</b></td><td><b>Semaine</b></td></tr><tr><td>Saint-Vallier</td><td>du 19 au 23 juillet 4 heures</td></tr><tr><td>Montfaucon</td><td>du 2 au 6 août 3 heures</td></tr></table>`
	for _, tc := range []struct{ name, title, head string }{
		{"font run", "CCVL - Communiqué : maison de santé du canton, ouverture en 2029", `<font size="4"><b>Maison de santé du canton : une ouverture en 2029</b></font><br>`},
		{"only h1", "Maison de santé du canton", `<h1><span>Santé : la maison du canton ouvrira en 2029</span></h1>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>` + tc.title + `</title></head><body><table><tr><td>` + tc.head +
				`<font size="1">Communiqué n° 2026-14 - Date de publication : 02/12/2026 - Auteur : Service communication</font><hr>` +
				`<font size="2"><b><i>Le projet porté par six médecins du canton avance : six praticiens, quatre infirmières et une sage-femme y recevront les patients des douze communes.</i></b></font><br>` +
				rows + p[0] + p[1] + p[2] + p[3] + `</td></tr></table></body></html>`
			text := extractedText(t, page)
			for _, gone := range []string{"une ouverture en 2029", "ouvrira en 2029", "Date de publication"} {
				if strings.Contains(text, gone) {
					t.Errorf("%q left: %q", gone, text)
				}
			}
			for _, kept := range []string{"Saint-Vallier du 19 au 23 juillet 4 heures", "Montfaucon"} {
				if !strings.Contains(text, kept) {
					t.Errorf("the table lost %q: %q", kept, text)
				}
			}
			checkSitebits(t, "fr", page, "")
		})
	}
}

// TestGovReleaseFurniture: a government release's own furniture goes: its type
// label alone under the headline ("News release", "Communiqué de
// presse"), the closing sections headed "Associated links" or
// "Contacts" with what they hold, a "Stay connected: follow us on …"
// line and a lone "Date modified:" label (../testdata/heldout33:
// canada-en); a section of the text under another heading stays.
func TestGovReleaseFurniture(t *testing.T) {
	for _, tc := range []struct{ lang, label, links, contacts, follow, modified string }{
		{"fr", "Communiqué de presse", "Liens connexes", "Personnes-ressources", "Restez branchés : suivez le ministère sur X, Facebook et Instagram.", "Date de modification"},
		{"en", "News release", "Associated links", "Contacts", "Stay connected: follow the department on X, Facebook and Instagram.", "Date modified"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p := sitebitsParas[tc.lang]
			page := `<html lang="` + tc.lang + `"><head><title>Maison de santé</title></head><body><main><h1>Maison de santé</h1><p><strong>De : <a href="/sante">Santé Canada</a></strong></p><p class="h3">` + tc.label + `</p>` +
				p[0] + p[1] + `<h2>Quick facts</h2><ul><li>The valley has twelve villages and one hospital forty minutes away.</li><li>Six doctors will share the new centre.</li></ul>` + p[2] + p[3] +
				`<h2>` + tc.links + `</h2><ul><li><a href="/sante/centres">Programme des centres de santé ruraux</a></li><li><a href="/sante/fonds">Fonds pour la santé rurale</a></li></ul>` +
				`<p>` + tc.follow + `</p><h2>` + tc.contacts + `</h2><p>Claire Martin<br>Attachée de presse<br>613-555-0101</p>` +
				`<dl><dt>` + tc.modified + `:</dt><dd><time>2026-12-02</time></dd></dl></main></body></html>`
			text := extractedText(t, page)
			for _, gone := range []string{tc.label, tc.links, "Programme des centres", tc.follow, tc.contacts, "Claire Martin", tc.modified} {
				if strings.Contains(text, gone) {
					t.Errorf("%q left: %q", gone, text)
				}
			}
			if !strings.Contains(text, "Six doctors will share the new centre.") {
				t.Errorf("the text's section lost: %q", text)
			}
			checkSitebits(t, tc.lang, page, "")
		})
	}
}
