package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"newsdesk/normalize"
)

// TestFurnitureByShape: furniture known by its shape, not its words (a
// meta line of counters and dates, a widget built around one call to
// act, an offer with a price per period, an appeal naming the
// publication by its name) goes wherever it sits in the text, while text
// of a like shape stays. The fixtures are in other words than the pages
// that showed the classes (../testdata/heldout9: lycee-fr, review-en,
// gazette-fr).
func TestFurnitureByShape(t *testing.T) {
	para := func(i int) string {
		return "<p>Le conseil communautaire a voté jeudi le projet de halle numéro " + string(rune('A'+i)) +
			", qui doit accueillir une vingtaine d'artisans dans l'ancienne minoterie du port d'ici trois ans.</p>\n"
	}
	const head = `<html><head><title>La minoterie du port deviendra une halle d'artisans - Le Courrier du Vallon</title>` +
		`<meta property="og:title" content="La minoterie du port deviendra une halle d'artisans"></head>` +
		`<body><article><h1>La minoterie du port deviendra une halle d'artisans</h1>`
	for _, tc := range []struct {
		name, furniture, gone, kept string
	}{
		// a meta line of segments: a byline, a date, counters
		{"meta line of counters", `<div class="m">Posté par <a href="/u/jr">J. Roussel</a> dans <a href="/c/vie-locale">Vie locale</a> le 3 mai 2027 | 14 réponses | 1 204 lectures</div>`, "1 204 lectures",
			`<p>Vendredi 4 juillet 2027 – 21 heures – 12 euros – Théâtre du Port</p>`},
		{"meta line of counters en", `<p class="x">12 March 2027 · 4 comments · 1.2k shares</p>`, "4 comments",
			`<p>Stade du Port – 14 mars 2027 – 3 200 spectateurs</p>`},
		// heldout10's classes, in other words
		{"notice naming this page", `<p class="n"><small>The figures on this page are indicative and carry no legal weight.</small></p>`, "indicative",
			`<p>Sur ce site, les archéologues ont mis au jour trois fours de potier datant du IIe siècle, au pied de la minoterie.</p>`},
		{"a call for the publisher", `<p><em>Vous étiez au concert de 1978 ? Racontez-nous vos souvenirs à l'adresse de l'association.</em></p>`, "Racontez-nous",
			`<p>Vous hésitez ? Le guide de la mairie détaille chaque étape de la demande de permis de construire.</p>`},
		{"a call for the publisher, not a question", `<div class="k"><p>Vous étiez au concert de 1978 ? Racontez-nous vos souvenirs.</p></div>`, "Racontez-nous",
			`<p>Vous trouvez que c'est cher ? Pouvons-nous faire autrement ? Le président du syndicat répond que non, chiffres à l'appui.</p>`},
		{"a call for the publisher en", `<p>Were you at the opening in 1978? Send us your photos and we will scan them.</p>`, "Send us",
			`<p>« Vous voulez savoir ? Demandez-nous », a lancé le maire aux habitants venus nombreux.</p>`},
		{"cross-link as a question", `<p>Curieux d'en savoir plus ? Notre dossier <a href="/dossiers/halle">La halle, dix ans de projets</a> vous dira tout.</p>`, "vous dira tout",
			`<p>Et après ? Le syndicat publiera <a href="/plan">le calendrier complet</a> rue par rue en janvier prochain.</p>`},
		{"breadcrumb ending on the page", `<p class="fil"><a href="/">Accueil</a> › <a href="/vie-locale">Vie locale</a> › <span>La minoterie du port deviendra une halle</span></p>`, "Vie locale", ""},
		{"score box", `<div class="sc"><span>4,5/5</span> <span>Coup de cœur</span><ul><li><b>Éditeur :</b> Nuit Blanche</li><li><b>Prix :</b> 24 €</li></ul></div>`, "Coup de cœur",
			`<div class="k"><p>Le chiffre</p><p>Le taux de réussite atteint 17/20 en moyenne cette année dans les trois lycées de la ville.</p></div>`},
		{"score box, not a box of dates", `<div class="sc"><div><span>7</span><span>/10</span></div><p>Bien, sans plus</p></div>`, "Bien, sans plus",
			`<div class="cal"><p>Calendrier</p><ul><li>21/10 : réunion des parents</li><li>4/11 : sortie au musée</li></ul></div>`},
		{"one reader's post", `<div class="f"><h2>Vos mots</h2><ul><li><div><strong><a href="#m1">Re: la halle</a></strong> <small>4 juin 2027, par Yvon</small></div><div><p>Enfin une bonne nouvelle pour les artisans du port, il était temps.</p></div></li></ul></div>`, "Enfin une bonne nouvelle",
			`<ul><li>Le 3 mars 2027, par arrêté du préfet, le forage du port a été suspendu.</li><li>Le 9 avril 2027, par délibération, la halle a été votée.</li></ul>`},
		// a widget built around one call
		{"call widget", `<div class="w9"><h4>Où le voir</h4><p>En salles le 3 décembre</p><a href="https://billets.example/film">Réservez vos places</a></div>`, "En salles",
			`<div class="p"><h3>Infos pratiques</h3><p>Salle Molière, 3 place du Marché.</p><p>Du 2 au 9 mai, à 20 h 30.</p><a href="/resa">Réserver</a></div>`},
		{"call widget, a streaming box", `<div class="q"><h4>En replay</h4><p>Le documentaire reste disponible jusqu'au 30 juin</p><a href="https://tv.example/replay">Regardez-le sur Vallon TV</a></div>`, "jusqu'au 30 juin",
			`<div><p>Le rapport de l'agence, publié lundi, recense quarante-deux forages où la nappe a baissé de plus d'un mètre en dix ans.</p><a href="https://agence.example/r">Lisez le rapport</a></div>`},
		// an offer: a call and a price per period, in a box of its own
		{"offer with a price per period", `<div class="e"><p>Envie d'aller plus loin ? Pour 2 € par semaine, rejoignez celles et ceux qui nous lisent en entier.</p></div>`, "2 € par semaine",
			`<p>Pour payer moins, abonnez-vous au forfait de 12 € par mois, conseille l'association de consommateurs aux usagers du réseau de bus.</p>`},
		{"offer with a price per period, not a builder's block", `<div class="e"><p>Envie d'aller plus loin ? Pour 2 € par semaine, rejoignez celles et ceux qui nous lisent en entier.</p></div>`, "2 € par semaine",
			`<div class="txt"><p>Le club compte déjà trois cents adhérents, dont une centaine d'enfants inscrits à l'école de natation.</p></div><div class="txt"><p>Pour nager toute l'année, abonnez-vous dès 25 € par mois à la carte du club.</p></div>`},
		{"offer with a price per period en", `<div class="e"><div><p>To keep reading without limits, subscribe for $3 a month.</p></div></div>`, "$3 a month", ""},
		// an appeal naming the publication by its name only
		{"appeal naming the paper", `<div class="z"><div><p>Le Courrier reste gratuit grâce à vous : rejoignez les lecteurs qui le soutiennent.</p></div></div>`, "reste gratuit",
			`<div class="c"><p>Pour vous inscrire au repas des aînés, contactez le Courrier des associations à la maison de quartier.</p></div>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := head + para(0) + para(1) + tc.furniture + para(2) + tc.kept + para(3) + `</article></body></html>`
			text := extractedText(t, page)
			if strings.Contains(text, tc.gone) {
				t.Errorf("furniture left: %q", text)
			}
			want := plainOf(tc.kept)
			if i := strings.Index(want, " Réserver"); i > 0 {
				want = want[:i] // the booking button alone goes (actionButton)
			}
			if tc.kept != "" && !strings.Contains(text, want) {
				t.Errorf("the text lost %q: %q", want, text)
			}
			if strings.Count(text, "Le conseil communautaire a voté") != 4 {
				t.Errorf("the article lost paragraphs: %q", text)
			}
		})
	}
}

// TestMetaSegments: the shape of a meta line, case by case.
func TestMetaSegments(t *testing.T) {
	for _, tc := range []struct {
		line string
		link bool
		want bool
	}{
		{"Publié par Mme Roux dans Sorties le 14/10/2027 – 3 commentaires – 212 vues", true, true},
		{"By Dana Kim | June 2, 2027 | 5 comments | 310 views", false, true},
		{"Samedi 12 avril – 20 heures – 15 euros – Salle des fêtes", false, false},          // practical details: no counter
		{"Stade du Port – 14 mars 2027 – 3 200 spectateurs", false, false},                  // facts: one counter, no link
		{"Le bilan – 3 blessés, 12 véhicules – a été publié le 4 mars 2027.", false, false}, // a sentence
		{"3 buts – 2 passes – 1 carton", false, false},                                      // no date
		{"📅 12/05/2027 ✍ Paul Guérin 💬 7 👁 1 530", false, true},                             // icons as separators
		{"Vallon 🌧 12 mm – 14 mars 2027 – 3 stations", false, false},                        // a weather fact: one counter, no link
	} {
		if got := metaSegments(tc.line, tc.link); got != tc.want {
			t.Errorf("metaSegments(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestCallWidget: the shape of a widget built around one call, box by box
// (readability drops some such boxes on its own; preclean must not rely on
// it).
func TestCallWidget(t *testing.T) {
	for _, tc := range []struct {
		box  string
		want bool
	}{
		{`<div><h4>Listen anywhere</h4><p>New episodes every Tuesday</p><a href="https://pod.example/s">Stream the series</a></div>`, true},
		{`<div><h3>Where to buy</h3><span>In bookshops from 2 May</span><a href="https://shop.example/b">Get your copy</a></div>`, true},
		{`<section><p>Available on all platforms</p><button>Watch now</button></section>`, true},
		// practical details, each a line of their own, then the button
		{`<div><h3>Open days</h3><p>Mill Lane, Woodbridge.</p><p>From 12 to 20 April, 10am to 4pm.</p><a href="/t">Book tickets</a></div>`, false},
		// a paragraph of text ending on a link
		{`<div><p>The agency's report, published on Monday, lists forty-two sites where the water table fell.</p><a href="/r">Read the report</a></div>`, false},
		// a box ending on a link that calls to nothing
		{`<div><h4>The figure</h4><p>42 boreholes below their mean</p><a href="/data">Agency data</a></div>`, false},
		// a quote
		{`<div><p>"Come and see it"</p><a href="/v">Watch the video</a></div>`, false},
		// an image box
		{`<div><img src="/a.jpg" alt=""><p>The new hall</p><a href="/g">See the gallery</a></div>`, false},
	} {
		doc, err := html.Parse(strings.NewReader("<html><body>" + tc.box + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		box := firstElement(findBody(doc))
		if got := callWidget(box); got != tc.want {
			t.Errorf("callWidget(%s) = %v, want %v", tc.box, got, tc.want)
		}
	}
}

// TestLinksAfterTheText: after the last paragraph of prose, a line that is
// mostly links to the site's own pages goes, whatever its words; a line
// citing a source on another site, and a sentence with a link in it, stay.
func TestLinksAfterTheText(t *testing.T) {
	para := func(i int) string {
		return "<p>Le syndicat des eaux a présenté mardi son plan de travaux numéro " + string(rune('A'+i)) +
			", qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	}
	for _, tc := range []struct {
		name, tail, gone, kept string
	}{
		{"a teaser", `<p><a href="/2027/05/nappes">Les nappes phréatiques remontent enfin après l'hiver</a></p>`, "remontent enfin", ""},
		{"the author's pages", `<div><a href="/auteurs/lm">Lucie Marchand</a> · <a href="/auteurs/lm/articles">tous ses textes</a></div>`, "tous ses textes", ""},
		{"a site's own address, absolute", `<p>→ <a href="https://127.0.0.1/agenda">L'agenda du week-end</a></p>`, "agenda du week-end", ""},
		{"a source elsewhere stays", `<p><a href="/dossier">Notre dossier eau</a></p>`, "Notre dossier eau",
			`<p>Source : <a href="https://agence.example/rapport">rapport de l'agence de l'eau</a></p>`},
		{"a sentence with a link stays", `<p><a href="/plus">En savoir plus sur les travaux</a></p>`, "En savoir plus",
			`<p>Le calendrier complet est <a href="/calendrier">en ligne</a> depuis lundi.</p>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Le plan de travaux du syndicat des eaux</title></head><body><article><h1>Le plan de travaux du syndicat des eaux</h1>` +
				para(0) + para(1) + para(2) + tc.kept + tc.tail + `</article></body></html>`
			text := extractedText(t, page)
			checkSyndicat(t, text, tc.gone, tc.kept, 3)
		})
	}
}

// TestLinkLines: among the paragraphs, a line that is links to other pages
// of the site and nothing else goes, whatever it says; a subheading's
// anchor, a source's label and link, and a paragraph's own link in its
// box stay.
func TestLinkLines(t *testing.T) {
	para := func(i int) string {
		return "<p>Le syndicat des eaux a présenté mardi son plan de travaux numéro " + string(rune('A'+i)) +
			", qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	}
	for _, tc := range []struct {
		name, line, gone, kept string
	}{
		{"two teasers on a line", `<p><a href="/2027/04/forages">Forages : le préfet tranche</a> | <a href="/2027/03/prix">Le prix du mètre cube</a></p>`, "le préfet tranche",
			`<h2><a href="#calendrier">Le calendrier des chantiers</a></h2>`},
		{"an author's page", `<div class="z"><a href="/equipe/lucie-marchand">Tous les articles de Lucie Marchand</a></div>`, "Tous les articles",
			`<p>Source : <a href="/documents/rapport-2026">le rapport annuel 2026 du syndicat</a></p>`},
		{"a tool with an arrow", `<p><a href="/imprimer?id=4">Version imprimable de la page</a> ›</p>`, "Version imprimable", ""},
		{"a paragraph's link stays", `<p><a href="/autres">Voir les autres communes du réseau</a></p>`, "autres communes",
			`<div class="f"><p>Le dossier complet, avec les plans des trois réservoirs, est consultable en mairie jusqu'au 30 juin prochain.</p><a href="/dossier">Consulter le dossier</a></div>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Le plan de travaux du syndicat des eaux</title></head><body><article><h1>Le plan de travaux du syndicat des eaux</h1>` +
				para(0) + para(1) + tc.line + para(2) + tc.kept + para(3) + `</article></body></html>`
			text := extractedText(t, page)
			checkSyndicat(t, text, tc.gone, tc.kept, 4)
		})
	}
}

// TestMetaRow: a meta line whose segments are its elements, the counters
// bare numbers after icons, row by row (readability drops some such rows
// on its own, not those under the headline).
func TestMetaRow(t *testing.T) {
	for _, tc := range []struct {
		row  string
		want bool
	}{
		{`<div><span><i class="ic-cal"></i> 12/05/2027</span> <span><i class="ic-user"></i> <a href="/u/pg">Paul Guérin</a></span> <span><i class="ic-com"></i> 7</span> <span><i class="ic-eye"></i> 1 530</span></div>`, true},
		{`<p><time>3 June 2027</time><span><svg></svg>12</span><span><svg></svg>48</span></p>`, true},
		// facts in spans: one counter, no icon, no link
		{`<p><span>Vallon</span> <span>14 mars 2027</span> <span>3 200 habitants</span></p>`, false},
		// a sentence in spans
		{`<p><span>Le marché du 14 mars 2027</span> <span>a réuni 3 200 visiteurs</span> <span>sur le port.</span></p>`, false},
		// numbers after icons but no date: a score card
		{`<div><span><i></i> 3</span><span><i></i> 2</span><span><i></i> 1</span></div>`, false},
	} {
		doc, err := html.Parse(strings.NewReader("<html><body>" + tc.row + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := metaRow(firstElement(findBody(doc))); got != tc.want {
			t.Errorf("metaRow(%s) = %v, want %v", tc.row, got, tc.want)
		}
	}
}

// TestCalloutAndCodeTitle: a note box of the text keeps its text even when
// its class says "alert", and a code block's file title goes.
func TestCalloutAndCodeTitle(t *testing.T) {
	para := func(i int) string {
		return "<p>The release changes how the client retries a failed request, step " + string(rune('A'+i)) +
			", and the old options keep working for one more major version of the library.</p>\n"
	}
	page := `<html><head><title>Release notes</title></head><body><div class="alert alert-info" role="status">Our forum moves on Friday.</div><article><h1>Release notes</h1>` +
		para(0) + para(1) +
		`<div class="alert alert--warning"><p><strong>Warning</strong>: the cache directory moves to the user's home in this version, so the first run rebuilds it.</p></div>` +
		para(2) + `<div class="code"><div class="title">config/client.toml</div><pre><code>retries = 6</code></pre></div>` + para(3) + `</article></body></html>`
	text := extractedText(t, page)
	if !strings.Contains(text, "the cache directory moves") {
		t.Errorf("the note of the text was lost: %q", text)
	}
	if strings.Contains(text, "forum moves") {
		t.Errorf("the site's alert banner was kept: %q", text)
	}
	if strings.Contains(text, "client.toml") || !strings.Contains(text, "retries = 6") {
		t.Errorf("code title kept or code lost: %q", text)
	}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{`<div><div>src/main.go</div><pre>package main</pre></div>`, true},
		{`<div><p>Create config.toml:</p><pre>a = 1</pre></div>`, false},
		{`<div><div>config.toml</div><p>It holds the settings.</p></div>`, false},
	} {
		doc, err := html.Parse(strings.NewReader("<html><body>" + tc.line + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := codeTitle(firstElement(firstElement(findBody(doc)))); got != tc.want {
			t.Errorf("codeTitle(%s) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestMastheadAfterASlogan: the meta line under the headline goes even
// when the site's header holds a long slogan before the headline.
func TestMastheadAfterASlogan(t *testing.T) {
	page := `<html><head><title>La minoterie du port deviendra une halle</title></head><body>` +
		`<div class="top"><p>Le journal des communes du Vallon, de la plaine et des coteaux, chaque semaine depuis 1952.</p></div>` +
		`<div class="main"><h1>La minoterie du port deviendra une halle</h1><p class="d">jeudi 3 juin 2027, par <a href="/a/ar">Anne Roy</a></p>` +
		strings.Repeat(`<p>Le conseil communautaire a voté jeudi le projet de halle, qui doit accueillir une vingtaine d'artisans dans l'ancienne minoterie du port.</p>`, 4) +
		`</div></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
	if strings.Contains(text, "3 juin 2027") {
		t.Errorf("the meta line under the headline was kept: %q", text)
	}
	if strings.Count(text, "Le conseil communautaire") != 4 {
		t.Errorf("the text lost paragraphs: %q", text)
	}
}

// TestLiveBlogEntries: a live blog whose entries open on dated "par"
// headers is the article, not a thread of readers' posts.
func TestLiveBlogEntries(t *testing.T) {
	var entries strings.Builder
	for i := range 6 {
		entries.WriteString(`<li><div><strong>12 mars 2027, ` + string(rune('0'+i+1)) + `e point, par Anne Roy</strong></div><div><p>Le cortège avance sur le boulevard, entrée ` + string(rune('A'+i)) + `, et les syndicats annoncent une nouvelle journée de mobilisation la semaine prochaine.</p></div></li>`)
	}
	page := `<html><head><title>Grève : le direct</title></head><body><main><h1>Grève : le direct</h1><p>Suivez avec nous la journée de mobilisation contre la réforme, heure par heure, dans toute la région.</p><ul class="live">` + entries.String() + `</ul></main></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
	if n := strings.Count(text, "Le cortège avance"); n != 6 {
		t.Errorf("the live blog lost entries (%d of 6): %q", n, text)
	}
}

// extractedText is what the stage publishes of page (extraction, then
// normalize's cleaning), as plain text.
func extractedText(t *testing.T, page string) string {
	t.Helper()
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	return normalize.Article(ex.HTML, normalize.ArticleOptions{Base: "https://127.0.0.1/a"}).Text
}

// checkSyndicat checks the published text of a page of the water board's
// paragraphs: the furniture gone, the kept block kept, its paras
// paragraphs all there.
func checkSyndicat(t *testing.T, text, gone, kept string, paras int) {
	t.Helper()
	if strings.Contains(text, gone) {
		t.Errorf("furniture left: %q", text)
	}
	if kept != "" && !strings.Contains(text, plainOf(kept)) {
		t.Errorf("the text lost %q: %q", plainOf(kept), text)
	}
	if n := strings.Count(text, "Le syndicat des eaux a présenté"); n != paras {
		t.Errorf("the article kept %d of its %d paragraphs: %q", n, paras, text)
	}
}
