package article

import "testing"

// TestHeldout60To62Lines: the furniture of ../testdata/heldout60–62 that
// a line or a short box shows, and the text that must stay.
func TestHeldout60To62Lines(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, tail, gone, kept string }{
		// word97-fr: the writer adding readers' photos to the page is text
		{"adding to this page stays fr", "fr", "", `<p>Si vous avez des photographies anciennes du dispensaire, n'hésitez pas à m'écrire. Je les ajouterai à cette page en citant leur auteur.</p>`, "", "Je les ajouterai à cette page"},
		{"adding to this page stays en", "en", "", `<p>If you have old photographs of the clinic, please write to me. I will add them to this page with your name.</p>`, "", "I will add them to this page"},
		// word97-fr, orion-fr: the tool an old page was made with
		{"made with fr", "fr", `<p align="center"><i><font size="1">Page réalisée avec Microsoft Word 97 – meilleure lecture en 800 x 600</font></i></p>`, "", "Microsoft Word 97", ""},
		{"made with en", "en", `<p align="center"><small>This page was made with Notepad and a lot of coffee</small></p>`, "", "Notepad", ""},
		{"a built-with subheading stays", "en", `<h2>Built with volunteers</h2>`, "", "", "Built with volunteers"},
		// orion-fr: a club's call to join, set as a line
		{"member call fr", "fr", `<p><center><b><font color="#CC0000">Vous aimez le canton ? Adhérez à l'association : 10 euros par an seulement !</font></b></center></p>`, "", "Adhérez à l'association", ""},
		{"member call en", "en", `<p><center><b>Love the valley? Become a member for just £10 a year!</b></center></p>`, "", "Become a member", ""},
		{"a quoted call stays", "fr", `<p>« Rejoignez notre association, nous avons besoin de bras », a lancé la présidente des riverains mardi.</p>`, "", "", "Rejoignez notre association"},
		// aspnet-en: a wire story's contributor line
		{"contributor line en", "en", "", `<p>Associated Press writer Tom Reed in Ashby contributed to this report.</p>`, "contributed to this report", ""},
		{"contributor line fr", "fr", "", `<p>Anne Vidal, à Bellecombe, a contribué à cet article.</p>`, "a contribué à cet article", ""},
		// astra-en: an info box calling the reader, after the text
		{"info box call en", "en", `<div class="wp-block-uagb-info-box uagb-infobox__content-wrap"><div class="uagb-ifb-content"><h3 class="uagb-ifb-title">Want to help at the centre?</h3><p class="uagb-ifb-desc">Volunteer training is free and takes one evening.</p><div class="uagb-ifb-button-wrapper"><a href="/volunteer/" class="wp-block-button__link">Sign up to volunteer</a></div></div></div>`, "", "Volunteer training is free", ""},
		{"info box call fr", "fr", `<div class="info-box"><h3>Envie d'aider à la maison de santé ?</h3><p>La formation des bénévoles est gratuite et dure une soirée.</p><a href="/benevoles/" class="button">Je deviens bénévole</a></div>`, "", "formation des bénévoles", ""},
		// vidal-fr: a box asking readers to write, the address in a mailto: link
		{"write me by link fr", "fr", "", `<p align="center">Vous avez des renseignements sur les Vidal ? Laissez un message dans le <a href="livredor.htm">livre d'or</a> ou <a href="mailto:anne.vidal@example.net">écrivez-moi</a>.</p>`, "renseignements sur les Vidal", ""},
		{"write me by link en", "en", "", `<p align="center">Know more about the Reeds? Sign the <a href="guestbook.htm">guestbook</a> or <a href="mailto:tom.reed@example.net">email me</a>.</p>`, "Know more about the Reeds", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, tc.tail, [2]string{}), tc.gone, tc.kept)
		})
	}
}

// TestHeldout60To62Blocks: what a whole page of ../testdata/heldout61–62
// shows.
func TestHeldout60To62Blocks(t *testing.T) {
	p := sitebitsParas
	for _, tc := range []struct{ name, lang, page, gone, kept string }{
		// haldenroe-en: Adobe's core components, all "cmp-…", hold the text
		{"core components en", "en", `<html><head><title>Health centre | Valley Advisers</title></head><body><div class="root container responsivegrid"><div class="cmp-container"><main class="container responsivegrid"><div class="cmp-container"><div class="container cmp-container--hero"><div class="cmp-container"><div class="title"><div class="cmp-title"><h1 class="cmp-title__text">Health centre</h1></div></div></div></div><div class="container cmp-container--article responsivegrid"><div class="cmp-container"><div class="text"><div class="cmp-text">` + p["en"][0] + `</div></div><div class="text"><div class="cmp-text">` + p["en"][1] + `</div></div><div class="text"><div class="cmp-text">` + p["en"][2] + `</div></div><div class="text"><div class="cmp-text">` + p["en"][3] + `</div></div></div></div><div class="container cmp-container--related"><div class="cmp-container"><div class="title"><div class="cmp-title"><h2 class="cmp-title__text">Related insights</h2></div></div><div class="teaser"><div class="cmp-teaser"><div class="cmp-teaser__content"><p class="cmp-teaser__pretitle">Insight</p><h3 class="cmp-teaser__title"><a href="/en/insights/1.html">How rural districts plan their clinics, part 1 of our series on care</a></h3><div class="cmp-teaser__description"><p>Our advisers looked at forty districts and the ways they fund, staff and run their health centres over ten years.</p></div></div></div></div><div class="teaser"><div class="cmp-teaser"><div class="cmp-teaser__content"><p class="cmp-teaser__pretitle">Insight</p><h3 class="cmp-teaser__title"><a href="/en/insights/2.html">How rural districts plan their clinics, part 2 of our series on care</a></h3><div class="cmp-teaser__description"><p>Our advisers looked at forty districts and the ways they fund, staff and run their health centres over ten years.</p></div></div></div></div><div class="teaser"><div class="cmp-teaser"><div class="cmp-teaser__content"><p class="cmp-teaser__pretitle">Insight</p><h3 class="cmp-teaser__title"><a href="/en/insights/3.html">How rural districts plan their clinics, part 3 of our series on care</a></h3><div class="cmp-teaser__description"><p>Our advisers looked at forty districts and the ways they fund, staff and run their health centres over ten years.</p></div></div></div></div><div class="teaser"><div class="cmp-teaser"><div class="cmp-teaser__content"><p class="cmp-teaser__pretitle">Insight</p><h3 class="cmp-teaser__title"><a href="/en/insights/4.html">How rural districts plan their clinics, part 4 of our series on care</a></h3><div class="cmp-teaser__description"><p>Our advisers looked at forty districts and the ways they fund, staff and run their health centres over ten years.</p></div></div></div></div><div class="teaser"><div class="cmp-teaser"><div class="cmp-teaser__content"><p class="cmp-teaser__pretitle">Insight</p><h3 class="cmp-teaser__title"><a href="/en/insights/5.html">How rural districts plan their clinics, part 5 of our series on care</a></h3><div class="cmp-teaser__description"><p>Our advisers looked at forty districts and the ways they fund, staff and run their health centres over ten years.</p></div></div></div></div></div></div></div></main></div></div></body></html>`, "", plainOf(p["en"][2])},
		{"core components fr", "fr", `<html><head><title>Maison de santé | Conseil du Canton</title></head><body><main class="container responsivegrid"><div class="cmp-container"><div class="title"><div class="cmp-title"><h1 class="cmp-title__text">Maison de santé</h1></div></div><div class="container cmp-container--article"><div class="cmp-container"><div class="text"><div class="cmp-text">` + p["fr"][0] + p["fr"][1] + `</div></div><div class="text"><div class="cmp-text">` + p["fr"][2] + p["fr"][3] + `</div></div></div></div></div></main></body></html>`, "", plainOf(p["fr"][3])},
		{"a consent platform's box goes", "en", `<html><head><title>Health centre | Valley Post</title></head><body><article><h1>Health centre</h1>` + p["en"][0] + p["en"][1] + p["en"][2] + p["en"][3] + `</article><div class="cmp-dialog"><p class="cmp-dialog__text">We and our partners use cookies to personalise content.</p><button class="cmp-btn">Accept</button></div></body></html>`, "We and our partners", ""},
		// jorat-fr: subheadings in a builder's header modules between its text modules
		{"header modules fr", "fr", `<html><head><title>Maison de santé - Le Canton</title></head><body><div id="content"><h1>Maison de santé</h1><div id="cc-matrix-1"><div class="j-module n j-text">` + p["fr"][0] + `</div><div class="j-module n j-text">` + p["fr"][1] + `</div><div class="j-module n j-header"><h2>Un chantier suivi de près</h2></div><div class="j-module n j-text">` + p["fr"][2] + `</div><div class="j-module n j-text">` + p["fr"][3] + `</div></div></div></body></html>`, "", "Un chantier suivi de près"},
		{"header modules en", "en", `<html><head><title>Health centre | Valley Post</title></head><body><div id="content"><h1>Health centre</h1><div id="cc-matrix-1"><div class="j-module n j-text">` + p["en"][0] + `</div><div class="j-module n j-text">` + p["en"][1] + `</div><div class="j-module n j-header"><h2>A site watched closely</h2></div><div class="j-module n j-text">` + p["en"][2] + `</div><div class="j-module n j-text">` + p["en"][3] + `</div></div></div></body></html>`, "", "A site watched closely"},
		// orion-fr: an old page's foot after a rule, its lines between <br>s
		// in one paragraph, the address a mailto: link
		{"foot with br lines fr", "fr", `<html><head><title>Maison de santé</title></head><body><table><tr><td><h2>Maison de santé</h2>` + p["fr"][0] + p["fr"][1] + p["fr"][2] + p["fr"][3] + `<hr width="100%"><p><font size="-2">Dernière modification : 12 mars 2026</font><br><font size="-2"><a href="mailto:webmestre@example.net">Écrivez au webmestre</a></font><br><font size="-2">Hébergé par Free</font></p></td></tr></table></body></html>`, "Écrivez au webmestre", ""},
		{"foot with br lines en", "en", `<html><head><title>Health centre</title></head><body><table><tr><td><h2>Health centre</h2>` + p["en"][0] + p["en"][1] + p["en"][2] + p["en"][3] + `<hr width="100%"><p><font size="-2">Last updated: 12 March 2026</font><br><font size="-2"><a href="mailto:webmaster@example.net">Write to the webmaster</a></font><br><font size="-2">Hosted by Tripod</font></p></td></tr></table></body></html>`, "Write to the webmaster", ""},
	} {
		t.Run(tc.name, func(t *testing.T) { checkGoneKept(t, tc.lang, tc.page, tc.gone, tc.kept) })
	}
}
