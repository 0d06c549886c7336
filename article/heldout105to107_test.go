package article

import (
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
