package article

import (
	"fmt"
	"strings"
	"testing"
)

// TestThreadOfTwoKinds: a forum thread whose opening post and replies
// are classed apart ("topic … post hentry", "reply … post hentry", as
// bbPress writes them) in a list classed as replies keeps its opening
// post (../testdata/heldout106: bbpress-en).
func TestThreadOfTwoKinds(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		p := sitebitsParas[lang]
		post := func(kind, id, name, body string) string {
			return `<div class="bbp-reply-header"><div class="bbp-meta"><span class="bbp-reply-post-date">November 20, 2026 at 9:14 pm</span><a href="#post-` + id + `" class="bbp-reply-permalink">#` + id + `</a></div></div>` +
				`<div class="` + kind + ` post-` + id + ` bbp-parent-topic-2201 user-id-6` + id[3:] + ` post type-` + kind + ` status-publish hentry"><div class="bbp-reply-author"><a href="/forums/users/` + id + `/" class="bbp-author-link"><span class="bbp-author-avatar"><img alt="" src="https://127.0.0.1/avatar/` + id + `.png"></span><span class="bbp-author-name">` + name + `</span></a><div class="bbp-author-role">Participant</div></div><div class="bbp-reply-content">` + body + `</div></div>`
		}
		reply := map[string]string{
			"en": "<p>Thanks for putting this together. I think the rota is a good idea, but the key safe needs a new code every month or it will be shared around the whole site by spring.</p><p>I can help on the first Saturday if someone else takes the second one.</p>",
			"fr": "<p>Merci d'avoir préparé tout cela. Le tableau de permanence est une bonne idée, mais il faudra changer le code du boîtier chaque mois, sinon tout le monde le connaîtra au printemps.</p><p>Je peux aider le premier samedi si quelqu'un prend le second.</p>",
		}[lang]
		page := `<html lang="` + lang + `"><head><title>Maison de santé</title></head><body class="topic bbpress single-topic"><main id="main"><article class="topic type-topic hentry"><h1 class="entry-title">Maison de santé</h1><div class="entry-content">` +
			`<ul id="topic-2201-replies" class="forums bbp-replies"><li class="bbp-body">` +
			post("topic", "2201", "Helen Marsh", p[0]+p[1]+p[2]+p[3]) + post("reply", "2207", "Tom Ashworth", reply) + post("reply", "2213", "Priya Desai", reply) +
			`</li></ul></div></article></main></body></html>`
		checkGoneKept(t, lang, page, "key safe needs a new code", "")
		checkGoneKept(t, lang, page, "changer le code du boîtier", "")
	}
}

// TestLeadFigureAfterDates: the lead figure under the article's header
// is found though a line of the article's dates of twelve words comes
// before it ("Publié le 12/11/2026 à 06:15 Mis à jour le 12/11/2026 à
// 09:40"; ../testdata/heldout106: quotidienbe-fr).
func TestLeadFigureAfterDates(t *testing.T) {
	for _, tc := range []struct{ lang, dates, caption string }{
		{"fr", "Publié le 12/11/2026 à 06:15 Mis à jour le 12/11/2026 à 09:40", "Le terrain de l'ancienne gendarmerie, en début de soirée."},
		{"en", "Published 12/11/2026 at 06:15 Updated on 12/11/2026 at 09:40 today", "The site of the old police station, in the early evening."},
	} {
		p := sitebitsParas[tc.lang]
		page := `<html lang="` + tc.lang + `"><head><title>Maison de santé</title></head><body><main><header class="article-header"><h1>Maison de santé</h1><div class="article-header__meta"><p class="article-header__dates">` + tc.dates + `</p></div></header>` +
			`<figure class="article-figure article-figure--lead"><img src="/_next/image?url=%2Fmedias%2Fchantier.jpg&amp;w=1200" alt=""><figcaption>` + tc.caption + `</figcaption></figure>` +
			`<div class="article-body">` + p[0] + p[1] + p[2] + p[3] + `</div></main></body></html>`
		if text := extractedText(t, page); !strings.Contains(text, tc.caption) {
			t.Errorf("%s: the lead figure's caption is lost: %q", tc.lang, text)
		}
	}
}

// TestItalicQuoteAttribution: a dash's attribution set right under a
// paragraph in italics (a quotation without its marks) is the quote's,
// not the writer's sign-off (../testdata/heldout105: wifeo-fr); under a
// paragraph of the text, the right-aligned name still signs it off.
func TestItalicQuoteAttribution(t *testing.T) {
	for _, tc := range []struct{ lang, quote, by string }{
		{"fr", `<p style="margin-left:30px;font-style:italic;">On croit que le plus dur, c'est d'apprendre son texte. En réalité, le plus dur, c'est de rester sérieux en scène.</p>`, "— Martine Gaudin, metteuse en scène"},
		{"en", `<p style="margin-left:30px"><em>People think the hard part is learning the lines. Really, the hard part is keeping a straight face on stage.</em></p>`, "— Martin Gaudin, director"},
	} {
		mid := tc.quote + `<p style="margin-left:30px;text-align:right;">` + tc.by + `</p>`
		checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", mid, "", [2]string{}), "", strings.TrimPrefix(tc.by, "— "))
	}
	p := sitebitsParas["fr"]
	page := sitebitsPage("fr", "", "", "", [2]string{})
	page = strings.Replace(page, p[3], p[3]+`<p align="right">Père Jean-Marie Ferrand, curé de la paroisse</p>`, 1)
	checkGoneKept(t, "fr", page, "Père Jean-Marie Ferrand", "")
}

// TestReaderPageLines: a readers' blog's disclaimer, a contributor's
// notice and an old page's call to its guestbook are lines of furniture
// (../testdata/heldout105: magblog-fr, heldout107: participatif-fr,
// heldout106: webexpert-fr); a sentence of the text about a reader's
// letter or a guestbook is not.
func TestReaderPageLines(t *testing.T) {
	checkLineCases(t, "lineChrome", lineChrome, []lineCase{
		{`<p id="l">Ce blog est personnel, la rédaction n'est pas à l'origine de ses contenus.</p>`, true},
		{`<p id="l">Cet article a été proposé par un contributeur. Il a été relu par la modération mais n'engage que son auteur.</p>`, true},
		{`<p id="l">This post was written by a reader. The views expressed are the author's own.</p>`, true},
		{`<p id="l">Un petit mot sur la course ? Laissez-le dans notre livre d'or !</p>`, true},
		{`<p id="l">A word about the race? Leave it in our guestbook!</p>`, true},
		{`<p id="l">Cet article a été lu par des centaines de parents, qui l'ont partagé dans les écoles du canton.</p>`, false},
		{`<p id="l">Le livre d'or de la mairie, ouvert en 1902, garde la signature de trois présidents de la République.</p>`, false},
	})
}

// TestPlacedMenuAndDateline: on a page laid out by absolute positions,
// one box beside the text holding a menu's lines is a sidebar, and a
// dated line between the headline and the text is its dateline, not the
// headline nor a paragraph (../testdata/heldout105: freeway-fr).
func TestPlacedMenuAndDateline(t *testing.T) {
	for _, tc := range []struct{ lang, headline, dateline, menu string }{
		{"fr", "Marché aux truffes : la séance de janvier", "Les Truffières du Canton à Sarlat - compte rendu du 19 janvier 2009", `<p><b>Les comptes rendus</b></p><p><a href="dec.html">Décembre 2008</a></p><p><a href="nov.html">Novembre 2008</a></p><p><b>Vente directe à la ferme</b></p><p>Du mardi au samedi sur rendez-vous.</p>`},
		{"en", "Truffle market: the January session", "The Valley Truffle Farm at Hale - report of the 19 January 2009 market", `<p><b>Our reports</b></p><p><a href="dec.html">December 2008</a></p><p><a href="nov.html">November 2008</a></p><p><b>Farm shop</b></p><p>Tuesday to Saturday by appointment.</p>`},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p := sitebitsParas[tc.lang]
			box := func(id string, left, top, width int, inner string) string {
				return fmt.Sprintf(`<div id="%s" style="position:absolute; left:%dpx; top:%dpx; width:%dpx; height:40px; z-index:1">%s</div>`+"\n", id, left, top, width, inner)
			}
			var b strings.Builder
			b.WriteString(`<html lang="` + tc.lang + `"><head><title>Janvier 2009</title></head><body>`)
			b.WriteString(box("item3", 20, 200, 180, tc.menu))
			b.WriteString(box("item4", 220, 200, 540, `<p class="f-lp"><span class="style1">`+tc.headline+`</span></p>`))
			b.WriteString(box("item5", 220, 250, 540, `<p class="f-lp"><span class="style7">`+tc.dateline+`</span></p>`))
			for i, para := range p {
				b.WriteString(box(fmt.Sprintf("item%d", 6+i), 220, 370+i*120, 540, `<p class="f-lp">`+plainOf(para)+`</p>`))
			}
			b.WriteString(`</body></html>`)
			for _, gone := range []string{tc.headline, tc.dateline, strings.TrimSuffix(strings.TrimPrefix(tc.menu[strings.LastIndex(tc.menu, "<p>")+3:], ""), "</p>")} {
				checkGoneKept(t, tc.lang, b.String(), gone, "")
			}
		})
	}
}

// TestBannerNewsletterHeadline: the site's banner box before the
// headline, its name then its tagline (../testdata/heldout107:
// everweb-en); a callout for the publisher's named letter (potion-fr);
// and, on a page with no heading for its headline, the block its class
// names the headline (quark-fr) go.
func TestBannerNewsletterHeadline(t *testing.T) {
	for _, tc := range []struct{ lang, site, tagline string }{
		{"en", "Valley Beekeepers", "A branch of the County Beekeepers Association"},
		{"fr", "Apiculteurs du Canton", "Section de la fédération départementale d'apiculture"},
	} {
		p := sitebitsParas[tc.lang]
		page := `<html lang="` + tc.lang + `"><head><title>News - ` + tc.site + `</title></head><body><div id="page_container">` +
			`<div id="text_1" style="position:absolute;left:160px;top:34px;width:600px;height:80px;" class="text_box"><p class="Title"><span>` + tc.site + `</span></p><p class="Subtitle"><span>` + tc.tagline + `</span></p></div>` +
			`<div id="text_2" style="position:absolute;left:240px;top:230px;width:520px;height:90px;" class="text_box"><h1>Maison de santé</h1></div>` +
			`<div id="text_3" style="position:absolute;left:240px;top:330px;width:520px;height:400px;" class="text_box">` + p[0] + p[1] + p[2] + p[3] + `</div></div></body></html>`
		checkGoneKept(t, tc.lang, page, tc.tagline, "")
	}
	for _, tc := range []struct{ lang, box, gone string }{
		{"fr", `<div class="notion-callout"><div class="notion-callout__icon"><span>✉️</span></div><div class="notion-callout__content"><span><strong>La lettre du Canton</strong> — un courriel par mois, nos projets et nos rendez-vous. <a href="https://127.0.0.1/lettre">Je m'inscris</a></span></div></div>`, "un courriel par mois"},
		{"en", `<div class="notion-callout"><div class="notion-callout__icon"><span>✉️</span></div><div class="notion-callout__content"><span><strong>The Valley letter</strong> — one email a month, our projects and our open days. <a href="https://127.0.0.1/letter">Sign me up</a></span></div></div>`, "one email a month"},
	} {
		checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.box, "", [2]string{}), tc.gone, "")
	}
	for lang, headline := range map[string]string{"fr": "L'orgue de Saint-Martin chante à nouveau", "en": "The organ of Saint Martin sings again"} {
		p := sitebitsParas[lang]
		page := `<html lang="` + lang + `"><head><title>Le Lien n°212 - page 3</title></head><body><table><tr><td><span class="Surtitre"><b>LA VIE DE NOS CLOCHERS</b></span></td></tr>` +
			`<tr><td><span class="Titre-article"><font size="6"><b>` + headline + `</b></font></span></td></tr><tr><td>` + p[0] + p[1] + p[2] + p[3] + `</td></tr></table></body></html>`
		checkGoneKept(t, lang, page, headline, "")
	}
}

// TestPlacedColumnOfMostText: on a page laid out by positions, the text's
// column is the one holding the most text, though a sidebar's one box is
// longer than any of the text's (../testdata/heldout107: everweb-en); and
// the text's boxes wider than the longest one under it stay
// (../testdata/heldout102: webplus-fr).
func TestPlacedColumnOfMostText(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		p := sitebitsParas[lang]
		box := func(id string, left, top, width int, inner string) string {
			return fmt.Sprintf(`<div id="%s" style="position:absolute;left:%dpx;top:%dpx;width:%dpx;height:80px;" class="text_box">%s</div>`+"\n", id, left, top, width, inner)
		}
		side := strings.Repeat(map[string]string{"fr": "<p>Réunion mensuelle au rucher école, le premier samedi du mois, de 14 h à 17 h, avec le matériel fourni aux débutants.</p>", "en": "<p>Monthly meeting at the teaching apiary, first Saturday of the month, 2pm to 5pm, with kit lent to beginners.</p>"}[lang], 3)
		var b strings.Builder
		b.WriteString(`<html lang="` + lang + `"><head><title>Maison de santé</title></head><body><div id="page_container">`)
		b.WriteString(box("text_2", 240, 230, 520, `<h1>Maison de santé</h1>`))
		for i, para := range p[:3] {
			b.WriteString(box(fmt.Sprintf("text_%d", 4+i), 240, 380+i*114, 520, para))
		}
		b.WriteString(box("text_9", 240, 800, 700, p[3])) // wider than the rest, under them
		b.WriteString(box("text_40", 802, 242, 166, side))
		b.WriteString(`</div></body></html>`)
		checkGoneKept(t, lang, b.String(), "", "")
	}
}

// TestBuilderWidgetWithPrefix: a builder naming every block
// "<p>-page-widget" and its type "<p>-page-widget-html", its id
// "<p>-page-widget-0a1b2c" (SmugMug), keeps the text of its blocks
// (../testdata/heldout102: smugmug-en).
func TestBuilderWidgetWithPrefix(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		p := sitebitsParas[lang]
		widget := func(kind, id, inner string) string {
			return `<div class="sm-page-widget sm-page-widget-` + kind + ` sm-page-widget-` + id + `" data-widget-type="` + kind + `"><div class="sm-page-widget-body"><div class="sm-page-widget-` + kind + `-content">` + inner + `</div></div></div>`
		}
		page := `<html lang="` + lang + `"><head><title>Maison de santé</title></head><body class="sm-page"><div class="sm-page-layout"><div class="sm-page-layout-region-body">` +
			widget("title", "9z8y7x", `<h1>Maison de santé</h1>`) + widget("html", "0a1b2c", p[0]+p[1]) + widget("html", "3d4e5f", p[2]+p[3]) + `</div></div></body></html>`
		checkGoneKept(t, lang, page, "", "")
	}
}
