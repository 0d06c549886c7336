//go:build ignore

// make_pages renders the labeled set: each article of articles.txt in its
// site's theme (pages/SITE-NN.html), with its hand-marked text
// (pages/SITE-NN.txt: standfirst, subheadings, paragraphs and captions;
// headline, kicker, byline and date left out) and the chrome the page
// carries (pages/SITE-NN.chrome, one text a line, none of which may reach
// the output). Run: go run make_pages.go
package main

import (
	"bufio"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

type block struct{ kind, text, src string }

type art struct {
	site, num                                         string
	title, kicker, byline, date, image, caption, lead string
	body                                              []block
}

// page collects a page's HTML, marked text and chrome.
type page struct {
	b      strings.Builder
	gold   []string
	chrome []string
}

func (p *page) w(format string, args ...any) { fmt.Fprintf(&p.b, format, args...) }
func (p *page) ch(texts ...string)           { p.chrome = append(p.chrome, texts...) }

var e = html.EscapeString

func main() {
	arts := read("articles.txt")
	bySite := map[string][]*art{}
	for _, a := range arts {
		bySite[a.site] = append(bySite[a.site], a)
	}
	os.MkdirAll("pages", 0o755)
	for _, a := range arts {
		others := bySite[a.site]
		p := &page{}
		themes[a.site](p, a, others)
		name := filepath.Join("pages", a.site+"-"+a.num)
		data := []byte(p.b.String())
		if a.site == "latin1-fr" {
			enc, err := charmap.ISO8859_1.NewEncoder().Bytes(data)
			if err != nil {
				panic(fmt.Sprintf("%s: %v", name, err))
			}
			data = enc
		}
		must(os.WriteFile(name+".html", data, 0o644))
		must(os.WriteFile(name+".txt", []byte(strings.Join(p.gold, "\n")+"\n"), 0o644))
		must(os.WriteFile(name+".chrome", []byte(strings.Join(p.chrome, "\n")+"\n"), 0o644))
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func read(path string) []*art {
	f, err := os.Open(path)
	must(err)
	defer f.Close()
	var out []*art
	var cur *art
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if id, ok := strings.CutPrefix(line, "=== "); ok {
			site, num, _ := strings.Cut(id, "/")
			cur = &art{site: site, num: num}
			out = append(out, cur)
			continue
		}
		k, v, _ := strings.Cut(line, ": ")
		switch k {
		case "title":
			cur.title = v
		case "kicker":
			cur.kicker = v
		case "byline":
			cur.byline = v
		case "date":
			cur.date = v
		case "image":
			cur.image = v
		case "caption":
			cur.caption = v
		case "lead":
			cur.lead = v
		case "p", "h":
			cur.body = append(cur.body, block{kind: k, text: v})
		case "fig":
			src, cap, _ := strings.Cut(v, " | ")
			cur.body = append(cur.body, block{kind: "fig", src: src, text: cap})
		default:
			panic("unknown field " + k)
		}
	}
	return out
}

// others returns the titles of the site's other articles.
func otherTitles(a *art, all []*art) []string {
	var out []string
	for _, o := range all {
		if o != a {
			out = append(out, o.title)
		}
	}
	return out
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// bodyOpts say how a theme writes the body and where its inline chrome goes.
type bodyOpts struct {
	p, h, fig string // opening tags (with attributes) for paragraphs, subheadings, figures
	pClose    string // closing tags
	hClose    string
	inline    map[int]func() // chrome written after the body block of that index
	figure    func(src, cap string)
}

func (p *page) body(a *art, o bodyOpts) {
	if o.pClose == "" {
		o.pClose = "</p>"
	}
	if o.hClose == "" {
		o.hClose = "</h2>"
	}
	for i, bl := range a.body {
		switch bl.kind {
		case "p":
			p.w("%s%s%s\n", o.p, e(bl.text), o.pClose)
		case "h":
			p.w("%s%s%s\n", o.h, e(bl.text), o.hClose)
		case "fig":
			o.figure(bl.src, bl.text)
		}
		p.gold = append(p.gold, bl.text)
		if f := o.inline[i]; f != nil {
			f()
		}
	}
}

func jsonLD(p *page, a *art, typ string) {
	p.w(`<script type="application/ld+json">{"@context":"https://schema.org","@type":%q,"headline":%q,"datePublished":%q,"author":{"@type":"Person","name":%q},"image":[%q]}</script>`+"\n",
		typ, a.title, a.date, strings.TrimPrefix(a.byline, "By "), a.image)
}

var themes = map[string]func(p *page, a *art, all []*art){
	"wp-fr":     wordpress,
	"ghost-en":  ghost,
	"drupal-fr": drupal,
	"paper-en":  paperEN,
	"paper-fr":  paperFR,
	"soup-fr":   soup,
	"latin1-fr": latin1,
	"amp-en":    amp,
	"blog-en":   blog,
}

// wordpress: a Twenty-something theme with Jetpack sharing and related
// posts inside entry-content, an inline "Lire aussi", comments and a
// sidebar of recent posts.
func wordpress(p *page, a *art, all []*art) {
	others := otherTitles(a, all)
	p.w(`<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8"><title>%s – La Gazette du Val</title>
<meta property="og:type" content="article"><meta property="og:image" content="https://wp.example%s">
<meta property="article:published_time" content="%s">
<link rel="canonical" href="https://wp.example/%s/">
<link rel="stylesheet" href="/wp-content/themes/gazette/style.css">
<script>window._wpemojiSettings = {"source":"x"};</script>
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Aller au contenu</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">La Gazette du Val</a></p>
<nav id="site-navigation" class="main-navigation"><ul><li><a href="/politique/">Politique</a></li><li><a href="/societe/">Société</a></li><li><a href="/culture/">Culture</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-%s" class="post-%s post type-post status-publish format-standard has-post-thumbnail">
<header class="entry-header"><span class="cat-links"><a href="/categorie/%s/" rel="category tag">%s</a></span>
<h1 class="entry-title">%s</h1>
<div class="entry-meta"><span class="byline">Par <span class="author vcard"><a class="url fn n" href="/author/x/">%s</a></span></span> <span class="posted-on">Publié le <time class="entry-date published" datetime="%s">%s</time></span></div></header>
<div class="post-thumbnail"><figure class="wp-caption"><img width="1200" height="800" src="%s" class="attachment-post-thumbnail wp-post-image" alt="" onerror="this.src='/fallback.jpg'"><figcaption class="wp-caption-text">%s</figcaption></figure></div>
<div class="entry-content">
<p class="chapo"><strong>%s</strong></p>
`, e(a.title), a.image, a.date, slug(a.title), a.num, a.num, slug(a.kicker), e(a.kicker), e(a.title), e(a.byline), a.date, a.date[:10], a.image, e(a.caption), e(a.lead))
	p.gold = append(p.gold, a.caption, a.lead)
	p.body(a, bodyOpts{p: "<p>", h: `<h2 class="wp-block-heading">`, inline: map[int]func(){
		1: func() {
			p.w(`<p><strong>Lire aussi :</strong> <a href="/%s/">%s</a></p>`+"\n", slug(others[0]), e(others[0]))
			p.ch("Lire aussi : " + others[0])
		},
	}})
	p.w(`<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Partager&nbsp;:</h3><div class="sd-content"><ul><li><a class="share-facebook" href="#">Facebook</a></li><li><a class="share-twitter" href="#">X</a></li><li><a class="share-email" href="#">E-mail</a></li></ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Articles similaires</em></h3>
<div class="jp-relatedposts-items"><div class="jp-relatedposts-post"><h4><a href="/%s/">%s</a></h4><p>Dans «&nbsp;%s&nbsp;»</p></div><div class="jp-relatedposts-post"><h4><a href="/%s/">%s</a></h4></div></div></div>
</div>
<footer class="entry-footer"><span class="tags-links">Étiquettes : <a href="/tag/ville/">ville</a>, <a href="/tag/%s/">%s</a></span></footer>
</article>
`, slug(others[1]), e(others[1]), e(a.kicker), slug(others[2]), e(others[2]), slug(a.kicker), strings.ToLower(e(a.kicker)))
	p.ch("Partager", "Articles similaires", others[1], others[2], "Étiquettes")
	p.w(`<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/%s/"><span class="meta-nav">Article précédent</span> %s</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">3 réflexions sur « %s »</h2>
<ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Jacqueline</b> <time>28 novembre 2026 à 8 h 12 min</time></footer><div class="comment-content"><p>Encore une fois on repousse les travaux du quartier nord, c'est toujours les mêmes qui attendent. Quand est-ce que la mairie va écouter les habitants qui vivent là depuis quarante ans ?</p></div><div class="reply"><a class="comment-reply-link" href="#">Répondre</a></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Bernard59</b></footer><div class="comment-content"><p>Merci pour cet article clair. Je trouve au contraire que la ville gère sérieusement son argent, il suffit de comparer avec les communes voisines qui ont explosé leurs impôts cette année.</p></div><div class="reply"><a class="comment-reply-link" href="#">Répondre</a></div></article></li>
</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Laisser un commentaire</h3><form id="commentform"><p class="comment-notes">Votre adresse e-mail ne sera pas publiée.</p><textarea name="comment"></textarea><input type="submit" value="Laisser un commentaire"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Articles récents</h2><ul><li><a href="/%s/">%s</a></li><li><a href="/%s/">%s</a></li></ul></section>
<section class="widget widget_text"><div class="textwidget"><p>La Gazette du Val, le journal de votre vallée depuis 1987.</p></div></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="/mentions-legales/">Mentions légales</a> | Fièrement propulsé par WordPress</div></footer>
<a href="#page" class="back-to-top">Bouton retour en haut de la page</a>
</div>
<script src="/wp-includes/js/wp-embed.min.js"></script>
</body></html>
`, slug(others[0]), e(others[0]), e(a.title), slug(others[0]), e(others[0]), slug(others[1]), e(others[1]))
	p.ch("Article précédent", "Jacqueline", "quarante ans", "Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée", "Articles récents",
		"La Gazette du Val, le journal de votre vallée depuis 1987", "Mentions légales", "Bouton retour en haut de la page", "réflexions sur")
}

// ghost: Casper-like, with the excerpt as standfirst, a signup card in
// the content and "read next" cards after it.
func ghost(p *page, a *art, all []*art) {
	others := otherTitles(a, all)
	p.w(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s</title>
<meta name="description" content="%s">
<link rel="canonical" href="https://ghost.example/%s/">
<meta property="og:site_name" content="The Ledger"><meta property="og:type" content="article"><meta property="og:image" content="https://ghost.example%s">
<meta property="article:published_time" content="%s">
`, e(a.title), e(a.lead), slug(a.title), a.image, a.date)
	jsonLD(p, a, "Article")
	p.w(`<script defer src="https://cdn.example/portal.min.js" data-ghost="https://ghost.example/"></script>
</head>
<body class="post-template tag-%s">
<div class="viewport"><header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner"><a class="gh-head-logo" href="/">The Ledger</a>
<nav class="gh-head-menu"><ul class="nav"><li><a href="/">Home</a></li><li><a href="/about/">About</a></li></ul></nav>
<div class="gh-head-actions"><a class="gh-head-button" href="#/portal/signup">Subscribe</a></div></div></header>
<div class="site-content"><main id="site-main" class="site-main">
<article class="article post tag-%s">
<header class="article-header gh-canvas">
<div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/%s/">%s</a></span></div>
<h1 class="article-title">%s</h1>
<p class="article-excerpt">%s</p>
<div class="article-byline"><div class="article-byline-content"><div class="article-byline-meta"><h4 class="author-name"><a href="/author/x/">%s</a></h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="%s">%s</time><span class="byline-reading-time"><span class="bull">&bull;</span> 4 min read</span></div></div></div></div>
<figure class="article-image"><img srcset="%s 300w" sizes="(min-width: 1400px) 1400px, 92vw" src="%s" alt="%s"><figcaption><span style="white-space: pre-wrap;">%s</span></figcaption></figure>
</header>
<section class="gh-content gh-canvas">
`, slug(a.kicker), slug(a.kicker), slug(a.kicker), e(a.kicker), e(a.title), e(a.lead), e(a.byline), a.date, a.date[:10], a.image, a.image, e(a.title), e(a.caption))
	p.gold = append(p.gold, a.lead, a.caption)
	p.body(a, bodyOpts{p: "<p>", h: `<h2 id="x">`, inline: map[int]func(){
		2: func() {
			p.w(`<div class="kg-card kg-signup-card kg-width-regular" data-lexical-signup-form><div class="kg-signup-card-content"><div class="kg-signup-card-text"><h2 class="kg-signup-card-heading">Get The Ledger in your inbox</h2><p class="kg-signup-card-subheading">One email every Friday with the week's best local reporting.</p><form class="kg-signup-card-form" data-members-form="signup"><input class="kg-signup-card-input" type="email" placeholder="Your email"><button class="kg-signup-card-button">Subscribe</button></form></div></div></div>` + "\n")
			p.ch("Get The Ledger in your inbox", "One email every Friday with the week's best local reporting.")
		},
	}})
	p.w(`</section>
<section class="article-comments gh-canvas"><div id="ghost-comments-root" data-ghost-comments="https://ghost.example/"></div></section>
</article>
</main>
<aside class="read-more-wrap outer"><div class="read-more inner"><div class="post-card read-next-card"><h2 class="read-next-card-header-title"><a href="/">Read next</a></h2></div>
<article class="post-card post"><a class="post-card-image-link" href="/%s/"><img class="post-card-image" src="/content/images/x.jpg" alt=""></a><div class="post-card-content"><h2 class="post-card-title">%s</h2><div class="post-card-excerpt">%s</div></div></article>
<article class="post-card post"><div class="post-card-content"><h2 class="post-card-title">%s</h2></div></article></div></aside>
</div>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="/">The Ledger</a> &copy; 2026</section><nav class="site-footer-nav"><ul class="nav"><li><a href="/privacy/">Privacy</a></li></ul></nav><div class="gh-powered-by"><a href="https://ghost.org/">Powered by Ghost</a></div></div></footer>
</div>
<div class="pswp" tabindex="-1" role="dialog" aria-hidden="true"><div class="pswp__bg"></div></div>
</body></html>
`, slug(others[0]), e(others[0]), e(others[0]+" — a closer look."), e(others[1]))
	p.ch("Read next", others[0], others[1], "Powered by Ghost", "4 min read")
}

// drupal: Olivero-like, with fields, a chapo field and a related-content
// view block after the node.
func drupal(p *page, a *art, all []*art) {
	others := otherTitles(a, all)
	p.w(`<!DOCTYPE html>
<html lang="fr" dir="ltr"><head><meta charset="utf-8"><title>%s | Région Info</title>
<link rel="canonical" href="https://drupal.example/actualites/%s">
<meta property="og:image" content="https://drupal.example%s">
`, e(a.title), slug(a.title), a.image)
	jsonLD(p, a, "NewsArticle")
	p.w(`</head>
<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Aller au contenu principal</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div id="page-wrapper"><div id="page">
<header id="header" class="site-header" role="banner"><div class="site-branding"><a href="/" rel="home">Région Info</a></div>
<nav role="navigation" aria-labelledby="block-principal-menu" id="block-principal" class="primary-nav block block-menu"><h2 class="visually-hidden" id="block-principal-menu">Navigation principale</h2><ul class="menu"><li class="menu-item"><a href="/actualites">Actualités</a></li><li class="menu-item"><a href="/agenda">Agenda</a></li></ul></nav></header>
<div id="main-wrapper" class="layout-main-wrapper"><main id="content" class="main-content" role="main"><a id="main-content" tabindex="-1"></a>
<div class="region region--breadcrumb"><nav class="breadcrumb" role="navigation"><ol><li><a href="/">Accueil</a></li><li><a href="/actualites">Actualités</a></li></ol></nav></div>
<div class="region region--content"><div data-drupal-messages-fallback class="hidden"></div>
<div id="block-regioninfo-content" class="block block-system block-system-main-block">
<article data-history-node-id="%s" role="article" class="node node--type-article node--promoted node--view-mode-full">
<div class="field field--name-field-rubrique field__item"><a href="/rubrique/%s">%s</a></div>
<h1 class="page-title"><span class="field field--name-title field--type-string">%s</span></h1>
<div class="node__meta"><span class="field field--name-uid"><span>%s</span></span> <span class="field field--name-created">%s</span></div>
<div class="node__content">
<div class="field field--name-field-chapo field--type-string-long field__item">%s</div>
<div class="field field--name-field-image field__item"><figure><img loading="lazy" src="%s" width="1200" height="675" alt=""><figcaption class="field--name-field-legende">%s</figcaption></figure></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field__item">
`, a.num, slug(a.kicker), e(a.kicker), e(a.title), e(a.byline), a.date[:10], e(a.lead), a.image, e(a.caption))
	p.gold = append(p.gold, a.lead, a.caption)
	p.body(a, bodyOpts{p: "<p>", h: "<h3>", hClose: "</h3>", inline: map[int]func(){
		0: func() {
			p.w(`<div class="encart-pub"><div class="pub-label">Publicité</div><div id="div-gpt-ad-1" class="ad ad-inread"></div></div>` + "\n")
			p.ch("Publicité")
		},
	}})
	p.w(`</div>
<div class="field field--name-field-tags field--type-entity-reference field__items"><div class="field__label">Mots-clés</div><div class="field__item"><a href="/tags/region">Région</a></div></div>
</div></article></div>
<div class="views-element-container block block-views block-views-blockcontenus-lies-block-1"><h2 class="block__title">Sur le même thème</h2><div class="view view-contenus-lies"><div class="view-content"><div class="views-row"><a href="/actualites/%s">%s</a></div><div class="views-row"><a href="/actualites/%s">%s</a></div></div></div></div>
<div id="block-newsletter" class="block block-simplenews"><h2>La lettre de Région Info</h2><p>Chaque lundi, l'actualité de la région dans votre boîte aux lettres électronique.</p><form><input type="email"><input type="submit" value="S'inscrire"></form></div>
</div></main></div>
<footer class="site-footer" role="contentinfo"><div class="region region--footer"><p>© Région Info 2026 — Tous droits réservés</p></div></footer>
</div></div></div>
<script src="/core/misc/drupal.js"></script>
</body></html>
`, slug(others[0]), e(others[0]), slug(others[1]), e(others[1]))
	p.ch("Sur le même thème", others[0], others[1], "Mots-clés", "La lettre de Région Info", "Chaque lundi, l'actualité de la région dans votre boîte aux lettres électronique.", "Tous droits réservés", "Accueil")
}

// paperEN: a big newspaper with <article>, an inline ad, a "Read more"
// line and a related-coverage aside inside the body, a newsletter box
// inside the article, a most-popular list and comments.
func paperEN(p *page, a *art, all []*art) {
	others := otherTitles(a, all)
	p.w(`<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>%s | The Northern Courier</title>
<link rel="canonical" href="https://paper.example/uk/2026/%s">
<meta property="og:image" content="https://paper.example%s"><meta property="article:published_time" content="%s">
<meta name="author" content="%s">
<script>var dataLayer = [{"section":"%s"}]; function trk(){}</script>
</head>
<body>
<div id="bannerandheader"><header class="site-header"><a class="logo" href="/">The Northern Courier</a>
<div class="header-support"><p>Support independent journalism</p><a href="/contribute">Support us</a></div>
<nav class="pillars" aria-label="Sections"><ul><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li></ul></nav></header></div>
<div class="top-banner-ad-container"><div class="ad-slot ad-slot--top-above-nav" aria-hidden="true"><p class="ad-slot__label">Advertisement</p></div></div>
<main id="maincontent">
<article class="content content--article tonal--news" data-section="%s">
<div class="content__section-label"><a class="content__section-label__link" href="/%s">%s</a></div>
<h1 class="content__headline" itemprop="headline">%s</h1>
<div class="content__standfirst" itemprop="description"><p>%s</p></div>
<figure class="media-primary" itemprop="associatedMedia image"><img class="maxed responsive-img" src="%s" alt="" onload="trk(this)"><figcaption class="caption caption--main">%s</figcaption></figure>
<div class="content__meta-container"><p class="byline" data-component="meta-byline"><span itemprop="author">%s</span></p><p class="content__dateline"><time itemprop="datePublished" datetime="%s">%s</time></p>
<div class="meta__social" data-component="social"><ul class="social"><li><a class="social__item" href="#" data-link-name="facebook">Share on Facebook</a></li><li><a class="social__item" href="#">Share on Twitter</a></li></ul></div></div>
<div class="content__article-body from-content-api" itemprop="articleBody">
`, e(a.title), slug(a.title), a.image, a.date, e(a.byline), slug(a.kicker), slug(a.kicker), slug(a.kicker), e(a.kicker), e(a.title), e(a.lead), a.image, e(a.caption), e(a.byline), a.date, a.date[:10])
	p.gold = append(p.gold, a.lead, a.caption)
	p.body(a, bodyOpts{p: "<p>", h: "<h2>", figure: func(src, cap string) {
		p.w(`<figure class="element element-image" data-media-id="x"><img src="%s" alt="" class="gu-image" style="width:100%%"><figcaption class="caption caption--img">%s</figcaption></figure>`+"\n", src, e(cap))
	}, inline: map[int]func(){
		0: func() {
			p.w(`<aside class="ad-slot ad-slot--inline" data-name="inline1" aria-label="Advertisement"><div class="ad-slot__label">Advertisement</div><div id="dfp-ad--inline1"></div></aside>` + "\n")
			p.ch("Advertisement")
		},
		1: func() {
			p.w(`<p><strong>Read more: <a href="/uk/2026/%s">%s</a></strong></p>`+"\n", slug(others[0]), e(others[0]))
			p.ch("Read more: " + others[0])
		},
		3: func() {
			p.w(`<aside class="element element-rich-link"><div class="rich-link"><div class="rich-link__header"><h2 class="rich-link__title"><span class="rich-link__kicker">Related: </span>%s</h2></div><a class="rich-link__link" href="/uk/2026/%s">%s</a></div></aside>`+"\n", e(others[1]), slug(others[1]), e(others[1]))
			p.ch(others[1])
		},
	}})
	p.w(`</div>
<div class="newsletter-signup-wrapper"><div class="newsletter-embed"><h3 class="newsletter-title">Sign up to First Edition</h3><p>Free daily newsletter: the day's top stories, every weekday at 7am.</p><form><input type="email" placeholder="Enter your email"><button>Sign up</button></form><p class="privacy">We thought you should know this newsletter may contain information about charities and online ads.</p></div></div>
<div class="submeta"><div class="submeta__keywords"><ul><li><a href="/%s">%s</a></li><li><a href="/local">Local news</a></li></ul></div><div class="submeta__share"><a href="#">Reuse this content</a></div></div>
</article>
<section class="most-popular" data-component="most-popular"><h2 class="most-popular__heading">Most viewed</h2><ol class="most-popular__list"><li><a href="/uk/2026/%s">%s</a></li><li><a href="/uk/2026/%s">%s</a></li><li><a href="/uk/2026/x">Council tax bills to rise by five percent in April</a></li></ol></section>
<section class="discussion" id="comments"><h2 class="discussion__heading">Comments (214)</h2>
<div class="discussion__comment"><span class="user">harbourwatcher</span><p>The council said the same thing about the bus station ten years ago and look at it now. I'll believe it when I see the first brick laid and not before.</p></div>
<div class="discussion__comment"><span class="user">elsie_m</span><p>Good news for once. My daughter has waited two years for a flat she can afford, and anything that adds homes for rent in this city is welcome.</p></div>
</section>
</main>
<footer class="l-footer"><p>&copy; 2026 Northern Courier Media Ltd. All rights reserved.</p><ul><li><a href="/help">Help</a></li><li><a href="/complaints">Complaints &amp; corrections</a></li></ul></footer>
<script>trk("end")</script>
</body></html>
`, slug(a.kicker), e(a.kicker), slug(others[2]), e(others[2]), slug(others[0]), e(others[0]))
	p.ch("Sign up to First Edition", "Free daily newsletter", "Most viewed", others[2], "Council tax bills to rise", "Comments (214)", "harbourwatcher",
		"Reuse this content", "Support independent journalism", "Share on Facebook", "Local news", "All rights reserved")
}

// paperFR: a French newspaper layout with article__ classes, an inline
// "Lire aussi" catcher, an inline ad, JSON-LD and a "Les plus lus" box.
func paperFR(p *page, a *art, all []*art) {
	others := otherTitles(a, all)
	p.w(`<!DOCTYPE html>
<html lang="fr"><head><meta charset="UTF-8"><title>%s</title>
<link rel="canonical" href="https://journal.example/%s/article/2026/%s.html">
<meta property="og:image" content="https://journal.example%s">
`, e(a.title), slug(a.kicker), slug(a.title), a.image)
	jsonLD(p, a, "NewsArticle")
	p.w(`</head>
<body class="article-page">
<header class="Header"><a class="Header__logo" href="/">Le Journal</a><nav class="Header__nav"><a href="/politique/">Politique</a> <a href="/international/">International</a> <a href="/economie/">Économie</a></nav><a class="Header__subscribe" href="/abonnement">S'abonner</a></header>
<main class="article article--content">
<section class="zone zone--article">
<header class="article__header"><ul class="breadcrumb"><li><a href="/%s/">%s</a></li></ul>
<h1 class="article__title">%s</h1>
<p class="article__desc">%s</p>
<section class="meta meta__publisher"><span class="meta__author">%s</span> <span class="meta__date">Publié le %s</span> <span class="meta__reading-time">Lecture 3 min.</span></section>
</header>
<article class="article__content">
<figure class="article__media"><img src="%s" alt="" onerror="alert(1)"><figcaption class="article__legend">%s</figcaption></figure>
`, slug(a.kicker), e(a.kicker), e(a.title), e(a.lead), e(a.byline), a.date[:10], a.image, e(a.caption))
	p.gold = append(p.gold, a.lead, a.caption)
	p.body(a, bodyOpts{p: `<p class="article__paragraph">`, h: `<h2 class="article__sub-title">`, inline: map[int]func(){
		0: func() {
			p.w(`<section class="catcher catcher--inline"><span class="catcher__title">Lire aussi</span> <a class="catcher__link" href="/%s/article/2026/%s.html">%s</a></section>`+"\n", slug(a.kicker), slug(others[0]), e(others[0]))
			p.ch(others[0])
		},
		2: func() {
			p.w(`<div class="dfp-slot dfp__inread dfp-unloaded" data-format="inread" id="inread_top"><span class="dfp__label">Publicité</span></div>` + "\n")
			p.ch("Publicité")
		},
	}})
	p.w(`<section class="article__reactions"><div class="article__reactions-title">Réagir</div><p>Vous pouvez lire les commentaires de nos abonnés.</p><a href="/abonnement">Abonnez-vous pour réagir</a></section>
</article>
<footer class="article__footer"><div class="article__siblings"><span class="article__siblings-title">Sur le même sujet</span><a href="/%s/article/2026/%s.html">%s</a></div>
<section class="services services--article"><div class="services__title">Partager</div><ul><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">Copier le lien</a></li></ul></section></footer>
</section>
<aside class="aside-most-read"><section class="old__zone"><h2 class="old__title">Les plus lus</h2><ul class="old__list"><li><a href="/x/">%s</a></li><li><a href="/y/">Météo : un week-end pluvieux sur la moitié nord du pays</a></li><li><a href="/z/">%s</a></li></ul></section></aside>
</main>
<footer class="Footer"><p>Le Journal – Tous droits réservés – Reproduction interdite</p></footer>
</body></html>
`, slug(a.kicker), slug(others[1]), e(others[1]), e(others[2]), e(others[1]))
	p.ch("Vous pouvez lire les commentaires de nos abonnés", "Abonnez-vous pour réagir", "Sur le même sujet", others[1], "Les plus lus", others[2],
		"un week-end pluvieux", "Copier le lien", "Lecture 3 min", "Reproduction interdite")
}

// soup: div soup with hashed class names, as CSS-in-JS sites emit: no
// semantic element, chrome recognisable only by its words or by recurring
// across the site's pages; comments longer than the article.
func soup(p *page, a *art, all []*art) {
	others := otherTitles(a, all)
	p.w(`<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>%s - Le Petit Matin</title>
<meta property="og:image" content="https://soup.example%s"><meta property="og:title" content="%s">
<link rel="canonical" href="https://soup.example/a/%s">
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"id":"%s"}}}</script>
</head>
<body><div id="__next"><div class="sc-a8f2k1 jYtQzW">
<div class="sc-b71x0q kLmNop"><div class="sc-c3d4e5 fGhIjk"><a href="/">Le Petit Matin</a></div><div class="sc-d9e8f7 aBcDeF"><a href="/actu">Actu</a><a href="/sport">Sport</a><a href="/sortir">Sortir</a></div></div>
<div class="sc-e1f2g3 qRsTuv">
<div class="sc-f4g5h6 wXyZab"><div class="sc-g7h8i9 cdEfGh">%s</div>
<div class="sc-h1i2j3 ijKlMn">%s</div>
<div class="sc-i4j5k6 opQrSt">%s</div>
<div class="sc-j7k8l9 uvWxYz"><span>Par %s</span><span> · </span><span>%s</span></div>
<div class="sc-k1l2m3 AbCdEf"><div class="sc-z1y2x3">Partager sur Facebook</div><div class="sc-z1y2x3">Partager sur X</div><div class="sc-z1y2x3">Copier le lien</div></div>
<div class="sc-l4m5n6 GhIjKl"><div class="sc-m7n8o9"><img src="%s" alt="" onmouseover="steal()"></div><div class="sc-n1o2p3 MnOpQr">%s</div></div>
<div class="sc-o4p5q6 StUvWx">
`, e(a.title), a.image, e(a.title), slug(a.title), a.num, e(a.kicker), e(a.title), e(a.lead), e(a.byline), a.date[:10], a.image, e(a.caption))
	p.gold = append(p.gold, a.lead, a.caption)
	p.body(a, bodyOpts{p: `<div class="sc-p7q8r9 YzAbCd">`, pClose: "</div>", h: `<div class="sc-q1r2s3 EfGhIj">`, hClose: "</div>", inline: map[int]func(){
		0: func() {
			p.w(`<div class="sc-r4s5t6 KlMnOp"><span>À lire aussi</span><a href="/a/%s">%s</a></div>`+"\n", slug(others[0]), e(others[0]))
			p.ch(others[0])
		},
		1: func() {
			p.w(`<div class="sc-s7t8u9 QrStUv"><div class="sc-t1u2v3">Recevez chaque matin l'essentiel de l'actualité de votre ville</div><div class="sc-u4v5w6"><input type="email"><div class="sc-v7w8x9">Je m'inscris</div></div></div>` + "\n")
			p.ch("Recevez chaque matin l'essentiel de l'actualité de votre ville", "Je m'inscris")
		},
	}})
	p.w(`<div class="sc-w1x2y3 WxYzAb">Le Petit Matin s'engage pour une information locale de qualité, vérifiée par notre rédaction.</div>
</div></div>
<div class="sc-x4y5z6 CdEfGh"><div class="sc-y7z8a9">Les plus lus</div><div class="sc-a1b2c3"><a href="/a/1">%s</a></div><div class="sc-a1b2c3"><a href="/a/2">%s</a></div><div class="sc-a1b2c3"><a href="/a/3">Circulation : le pont de la Mairie fermé trois nuits</a></div></div>
</div>
<div class="sc-b4c5d6 IjKlMn"><div class="sc-c7d8e9">14 commentaires</div>
`, e(others[0]), e(others[1]))
	p.ch("Le Petit Matin s'engage pour une information locale de qualité, vérifiée par notre rédaction.", "Les plus lus", others[1], "le pont de la Mairie fermé", "commentaires")
	comments := []string{
		"Franchement c'est une excellente nouvelle pour le quartier, on attendait ça depuis des années. J'espère que la mairie tiendra ses promesses cette fois et que les habitants seront vraiment consultés avant chaque décision importante, parce que ce n'était pas le cas la dernière fois.",
		"Je ne suis pas d'accord avec le commentaire précédent. Chaque fois qu'on annonce un projet de ce genre, les coûts explosent et ce sont les contribuables qui paient. Il faudrait publier les comptes détaillés avant de se réjouir, et demander l'avis des associations de riverains.",
		"Quelqu'un sait si les horaires seront adaptés pour les familles ? Avec deux enfants en bas âge, je ne peux rien faire après dix-huit heures, et c'est souvent là que tout se passe. Ce serait bien de penser aussi à ceux qui travaillent en décalé.",
		"Bravo aux bénévoles qui se démènent toute l'année, on ne les remercie jamais assez. Sans eux rien de tout cela ne serait possible, et la ville devrait les soutenir davantage au lieu de multiplier les annonces dans la presse.",
		"Article intéressant mais incomplet : rien sur le stationnement, rien sur les nuisances sonores pour les riverains, rien sur l'avis des commerçants. On aimerait un vrai suivi de votre part dans les prochains mois, pas seulement le jour de l'annonce.",
		"J'habite à deux rues de là et personne ne nous a prévenus. On découvre tout dans le journal, comme d'habitude. La communication de la municipalité reste catastrophique malgré les promesses de la dernière campagne électorale.",
	}
	for i, c := range comments {
		p.w(`<div class="sc-d1e2f3 OpQrSt"><div class="sc-e4f5g6">Lecteur%d</div><div class="sc-f7g8h9">il y a %d heures</div><div class="sc-g1h2i3 UvWxYz">%s</div><div class="sc-h4i5j6">Répondre</div></div>`+"\n", i+1, i+2, e(c))
		p.ch(c)
	}
	p.w(`</div>
<div class="sc-i7j8k9 AbCdEf"><div>© Le Petit Matin 2026</div><a href="/cgu">Conditions générales</a></div>
</div></div>
<script>self.__next_f.push([1,"x"])</script>
</body></html>
`)
	p.ch("Conditions générales", "Partager sur Facebook")
}

// latin1: an old table layout in ISO-8859-1 declared only by <meta
// charset> (the test server sends text/html without a charset).
func latin1(p *page, a *art, all []*art) {
	others := otherTitles(a, all)
	p.w(`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta charset="iso-8859-1"><title>%s - L'Écho du Canton</title></head>
<body bgcolor="#ffffff">
<table width="100%%" border="0"><tr><td colspan="2" class="bandeau"><a href="/">L'Écho du Canton</a> - <a href="/agenda.html">Agenda</a> - <a href="/annonces.html">Petites annonces</a></td></tr>
<tr><td width="180" valign="top" class="menu"><b>Rubriques</b><br><a href="/terroir.html">Terroir</a><br><a href="/education.html">Éducation</a><br><a href="/animation.html">Animation</a><br><br><b>Dernières nouvelles</b><br><a href="/x.html">%s</a><br><a href="/y.html">%s</a></td>
<td valign="top" class="contenu">
<font size="1">%s</font>
<h1>%s</h1>
<p><i>Par %s, le %s</i></p>
<p><b>%s</b></p>
<p align="center"><img src="%s" width="400" alt=""><br><font size="2">%s</font></p>
`, e(a.title), e(others[0]), e(others[1]), e(a.kicker), e(a.title), e(a.byline), a.date[:10], e(a.lead), a.image, e(a.caption))
	p.gold = append(p.gold, a.lead, a.caption)
	p.body(a, bodyOpts{p: "<p>", h: "<h3>", hClose: "</h3>"})
	p.w(`<p><font size="1">Reproduction interdite sans l'accord de la rédaction.</font></p>
<p><a href="/imprimer.html">Imprimer cet article</a> | <a href="mailto:?subject=x">Envoyer par e-mail</a></p>
</td></tr>
<tr><td colspan="2" class="pied"><center>L'Écho du Canton - 12, rue du Pont - Tél. 03 00 00 00 00</center></td></tr></table>
</body></html>
`)
	p.ch("Dernières nouvelles", others[0], others[1], "Reproduction interdite sans l'accord de la rédaction.", "Imprimer cet article", "Envoyer par e-mail", "12, rue du Pont", "Petites annonces")
}

// amp: an AMP page: amp-img, amp-ad, amp-social-share, amp-analytics and
// a related list, in <main><article>.
func amp(p *page, a *art, all []*art) {
	others := otherTitles(a, all)
	p.w(`<!doctype html>
<html ⚡ lang="en"><head><meta charset="utf-8"><title>%s</title>
<link rel="canonical" href="https://amp.example/news/%s.html">
<meta name="viewport" content="width=device-width">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<style amp-boilerplate>body{visibility:hidden}</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%q,"datePublished":%q,"author":[{"@type":"Person","name":%q}],"image":{"@type":"ImageObject","url":"https://amp.example%s"}}</script>
</head>
<body>
<header class="amp-header"><a href="/">Valley Post</a><amp-sidebar id="sidebar" layout="nodisplay"><ul><li><a href="/news">News</a></li><li><a href="/weather">Weather</a></li></ul></amp-sidebar></header>
<main><article class="amp-article">
<p class="amp-kicker">%s</p>
<h1 class="amp-title">%s</h1>
<p class="amp-standfirst">%s</p>
<p class="amp-byline">%s</p>
<figure class="amp-hero"><amp-img src="%s" width="1200" height="800" layout="responsive" alt=""></amp-img><figcaption>%s</figcaption></figure>
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>
<div class="amp-body">
`, e(a.title), slug(a.title), a.title, a.date, a.byline, a.image, e(a.kicker), e(a.title), e(a.lead), e(a.byline), a.image, e(a.caption))
	p.gold = append(p.gold, a.lead, a.caption)
	p.body(a, bodyOpts{p: "<p>", h: "<h2>", inline: map[int]func(){
		1: func() {
			p.w(`<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/inline"><div fallback>Advertisement</div></amp-ad>` + "\n")
			p.w(`<p class="amp-readmore">Read more: <a href="/news/%s.html">%s</a></p>`+"\n", slug(others[0]), e(others[0]))
			p.ch("Advertisement", "Read more: "+others[0])
		},
	}})
	p.w(`</div>
<section class="amp-related"><h3>More from Valley Post</h3><ul><li><a href="/news/%s.html">%s</a></li></ul></section>
</article></main>
<amp-analytics type="gtag"><script type="application/json">{"vars":{"gtag_id":"G-1"}}</script></amp-analytics>
<footer class="amp-footer">Valley Post &copy; 2026 · <a href="/news/%s.html">View full site</a></footer>
</body></html>
`, slug(others[1]), e(others[1]), slug(a.title))
	p.ch("More from Valley Post", others[1], "View full site")
}

// blog: a newsletter-platform post whose comment thread is much longer
// than the post, with subscribe and share widgets.
func blog(p *page, a *art, all []*art) {
	others := otherTitles(a, all)
	p.w(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s - Slow Notes</title>
<meta property="og:image" content="https://blog.example%s"><meta property="article:published_time" content="%s">
<meta name="author" content="%s">
</head>
<body><div id="main">
<div class="topbar"><a class="navbar-title" href="/">Slow Notes</a><button class="subscribe-btn">Subscribe</button><a href="/signin">Sign in</a></div>
<div class="single-post-container"><div class="container"><div class="single-post">
<div class="post-header"><h1 class="post-title published">%s</h1><h3 class="subtitle">%s</h3>
<div class="post-meta"><div class="post-meta-item byline-names"><a href="/profile">%s</a></div><div class="post-meta-item post-date">%s</div></div>
<div class="post-ufi"><a class="post-ufi-button like-button">Like 48</a><a class="post-ufi-button comment-button">Comments 23</a><a class="post-ufi-button share-button">Share</a></div></div>
<div class="available-content"><div class="body markup" dir="auto">
<div class="captioned-image-container"><figure><img src="%s" alt=""><figcaption class="image-caption">%s</figcaption></figure></div>
`, e(a.title), a.image, a.date, e(a.byline), e(a.title), e(a.lead), e(a.byline), a.date[:10], a.image, e(a.caption))
	p.gold = append(p.gold, a.lead, a.caption)
	p.body(a, bodyOpts{p: "<p>", h: `<h3 class="header-anchor-post">`, hClose: "</h3>", inline: map[int]func(){
		2: func() {
			p.w(`<div class="subscription-widget-wrap"><div class="subscription-widget"><p class="cta-caption">Thanks for reading Slow Notes! Subscribe for free to receive new posts and support my work.</p><form class="subscription-widget-subscribe"><input type="email" placeholder="Type your email..."><input type="submit" value="Subscribe"></form></div></div>` + "\n")
			p.ch("Thanks for reading Slow Notes! Subscribe for free to receive new posts and support my work.")
		},
	}})
	p.w(`</div></div>
<div class="post-footer"><a class="button share">Share</a><a class="button">Leave a comment</a></div>
<div class="post-recommendations"><h4>Ready for more?</h4><a href="/p/%s">%s</a></div>
</div></div></div>
<div class="comments-page"><div class="container"><h4 class="comments-heading">23 Comments</h4>
`, slug(others[0]), e(others[0]))
	p.ch("Ready for more?", others[0], "23 Comments", "Leave a comment")
	comments := []string{
		"This matches my experience almost exactly. I started two years ago and the thing nobody tells you is how much calmer the mornings become once the habit is set. The first month was hard, especially the early starts in winter, but after that I would not go back. I still keep a spare set of clothes at the office for the really wet days, which solved the last excuse I had.",
		"I tried the same thing last year and gave up after three months, mostly because my employer had nowhere safe to leave anything. It is easy to write about this when the conditions are good, but a lot of people simply do not have them, and I think posts like this should say so more clearly instead of suggesting it is only a question of willpower.",
		"Great write-up. One detail I would add for anyone starting: keep a small notebook of what went wrong each week. After a few months you see patterns, like which days are always harder, and you can plan around them instead of fighting them every single time. That notebook did more for me than any piece of equipment I bought.",
		"Counterpoint: I measured everything for a decade and it was the best thing I ever did for my health and my finances. The problem is not the measuring, it is what you do with the numbers, and I think the author is mixing up the two. Tools are neutral; habits are what matter, and the tools help you see the habits honestly.",
		"Lovely post, thank you. I shared it with my partner, who has been thinking about the same change for a while, and it started a long conversation at dinner about what we actually want our weeks to look like. We decided to try it for one month in the spring and write down what happens, good and bad, before deciding anything.",
	}
	for i, c := range comments {
		p.w(`<div class="comment"><div class="comment-meta"><a class="commenter-name">reader%d</a> <span class="comment-date">Nov %d</span></div><div class="comment-body"><p>%s</p></div><div class="comment-actions"><a>Reply</a> <a>Like (%d)</a></div></div>`+"\n", i+1, 20+i, e(c), i*3)
		p.ch(c)
	}
	p.w(`</div></div>
<div class="footer-wrap"><div class="footer">© 2026 Sam Rivera · <a href="/privacy">Privacy</a> · <a href="/tos">Terms</a> · <a href="/collection">Collection notice</a></div></div>
</div></body></html>
`)
	p.ch("Collection notice", "Sign in")
}
