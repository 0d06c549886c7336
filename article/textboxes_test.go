package article

import (
	"strings"
	"testing"
)

// The text's own boxes and lines that furniture rules and readability
// would take for the page's: a factbox, a caption's credit, a quote's
// attribution. Fixtures in other words than the pages that showed the
// classes (../testdata/heldout13: agri-fr; ../testdata/heldout17:
// quebec-fr; ../testdata/heldout18: northmoor-a-en).

// harbourParas are the paragraphs of the test pages, by language.
var harbourParas = map[string][]string{
	"fr": {
		"Le port de plaisance de Saint-Brévin va doubler sa capacité d'ici 2029, a annoncé lundi la communauté de communes, qui prévoit deux nouveaux pontons.",
		"Les travaux de dragage commenceront à l'automne, hors saison touristique, pour ne pas gêner les quelque trois cents bateaux amarrés à l'année.",
		"Les plaisanciers inscrits sur la liste d'attente, parfois depuis huit ans, seront servis en priorité selon l'ordre de leur demande.",
	},
	"en": {
		"The marina at Porthcarrow will double its berths by 2029, the district council said on Monday, with two new pontoons along the eastern wall.",
		"Dredging will start in the autumn, outside the tourist season, so that the three hundred boats moored there all year are not disturbed.",
		"Boat owners on the waiting list, some of them for eight years, will be offered a berth first, in the order they applied.",
	},
}

// harbourTitle is the headline of the test pages, by language.
var harbourTitle = map[string]string{"fr": "Le port de Saint-Brévin va doubler", "en": "Porthcarrow marina to double its berths"}

// checkHarbour checks the published text of a test page: gone is not in
// it, kept is, and the three paragraphs are all there.
func checkHarbour(t *testing.T, lang, text, gone, kept string) {
	t.Helper()
	if gone != "" && strings.Contains(text, gone) {
		t.Errorf("furniture left (%q): %q", gone, text)
	}
	if kept != "" && !strings.Contains(text, kept) {
		t.Errorf("the text lost %q: %q", kept, text)
	}
	for _, p := range harbourParas[lang] {
		if !strings.Contains(text, p[:40]) {
			t.Errorf("the article lost a paragraph: %q", text)
		}
	}
}

// TestTextBoxes: a factbox (a title and a list of figures) set between
// the sections of a body built of modules, or classed as the article's,
// is text, unlike a promotion or a list of links in the same place; a
// credit in a figure's caption is the caption's, not a byline, above the
// text or under an author's class; a quote's <footer>, or its line with
// a <cite>, is its attribution, not the page's foot or an author box.
func TestTextBoxes(t *testing.T) {
	for _, tc := range []struct {
		name, lang, page, gone, kept string
	}{
		{"factbox between modules fr", "fr", `<div class="corps"><section class="bloc-texte"><p>{0}</p></section><section class="bloc-texte"><p>{1}</p></section>` +
			`<aside class="bloc-chiffres"><h3>Repères</h3><ul><li>300 : bateaux amarrés à l'année</li><li>8 ans : attente la plus longue</li><li>2 : pontons ajoutés d'ici 2029</li></ul></aside>` +
			`<section class="bloc-texte"><p>{2}</p></section></div>`, "", "8 ans : attente la plus longue"},
		{"factbox between modules en", "en", `<div class="wrap"><div class="mod-text"><p>{0}</p></div><div class="mod-text"><p>{1}</p></div>` +
			`<aside class="mod-figures"><p class="mod-figures__title">By the numbers</p><ol><li>300: boats moored all year</li><li>8 years: the longest wait for a berth</li><li>£14m: the cost of the works</li></ol></aside>` +
			`<div class="mod-text"><p>{2}</p></div></div>`, "", "8 years: the longest wait"},
		{"factbox classed as the article's en", "en", `<div class="story"><p>{0}</p><p>{1}</p>` +
			`<aside class="article-box"><h4>Key facts</h4><ul><li>The new pontoons add 310 berths to the 300 there today.</li><li>The council puts the cost at £14m, a third from the harbour fund.</li></ul></aside>` +
			`<p>{2}</p></div>`, "", "add 310 berths"},
		{"promotion between modules goes fr", "fr", `<div class="corps"><section class="bloc-texte"><p>{0}</p></section><section class="bloc-texte"><p>{1}</p></section>` +
			`<aside class="bloc-x"><h3>La lettre du littoral</h3><ul><li>Les marées de la semaine</li><li>Les sorties en mer du week-end</li></ul><form action="/lettre"><input type="email"><button>Recevoir</button></form></aside>` +
			`<section class="bloc-texte"><p>{2}</p></section></div>`, "Les sorties en mer", ""},
		{"links between modules go en", "en", `<div class="wrap"><div class="mod-text"><p>{0}</p></div><div class="mod-text"><p>{1}</p></div>` +
			`<aside class="mod-x"><h3>More on the coast</h3><ul><li><a href="/news/lifeboat-station">A new lifeboat station for the bay</a></li><li><a href="/news/ferry-fares">Ferry fares to rise in April</a></li></ul></aside>` +
			`<div class="mod-text"><p>{2}</p></div></div>`, "lifeboat station", ""},
		{"credit in the lead figure's caption en", "en", `<div class="body"><p class="intro"><strong>Two new pontoons and a dredged basin: the council has approved the plan the harbour trust put to it in the spring.</strong></p><figure><img src="/img/pontoon.jpg" alt=""><figcaption><span>The eastern wall, where the pontoons will go.</span> <span class="credit">Photo: Dilys Morgan / Porthcarrow Harbour Trust</span></figcaption></figure>` +
			`<p>{0}</p><p>{1}</p><p>{2}</p></div>`, "", "Photo: Dilys Morgan / Porthcarrow Harbour Trust"},
		{"credit in the lead figure's caption fr", "fr", `<div class="texte"><p class="chapo"><b>Deux pontons et un bassin dragué : les élus ont validé le projet présenté au printemps par les usagers du port.</b></p><figure class="photo"><img src="/img/ponton.jpg" alt=""><figcaption>Le quai est, où seront posés les pontons. <em>Photo : Lucie Garnier / Communauté de communes</em></figcaption></figure>` +
			`<p>{0}</p><p>{1}</p><p>{2}</p></div>`, "", "Photo : Lucie Garnier / Communauté de communes"},
		{"credit with an author class fr", "fr", `<div class="texte"><p>{0}</p><p>{1}</p><figure><img src="/img/bassin.jpg" alt=""><figcaption>Le bassin sera dragué à l'automne. <span class="photo-author">© Erwan Le Bihan</span></figcaption></figure><p>{2}</p></div>`,
			"", "© Erwan Le Bihan"},
		{"quote attribution en", "en", `<div class="body"><p>{0}</p><p>{1}</p><blockquote><p>“We have turned away boats every summer for a decade. This finally gives the town room to breathe.”</p><footer>Gareth Pengelly, harbour master</footer></blockquote><p>{2}</p></div>`,
			"", "Gareth Pengelly, harbour master"},
		{"quote attribution with a class fr", "fr", `<div class="texte"><p>{0}</p><p>{1}</p><blockquote class="citation"><p>« Nous refusons des bateaux chaque été depuis dix ans. Le port va enfin respirer. »</p><footer class="citation-footer">Yannick Le Goff, capitaine du port</footer></blockquote><p>{2}</p></div>`,
			"", "Yannick Le Goff, capitaine du port"},
		{"quote attribution in an author line en", "en", `<div class="body"><p>{0}</p><p>{1}</p><blockquote class="pull"><p>“Every winter we lose boats to the storms at the old moorings. The new basin will shelter them.”</p><p class="quote-author"><cite>Morwenna Tregear</cite>, fisherman</p></blockquote><p>{2}</p></div>`,
			"", "Morwenna Tregear, fisherman"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkHarbour(t, tc.lang, extractedText(t, harbourPage(tc.lang, tc.page)), tc.gone, tc.kept)
		})
	}
}

// harbourPage is a page with the headline and body, the paragraphs'
// places marked {0}, {1}, {2}.
func harbourPage(lang, body string) string {
	for i, p := range harbourParas[lang] {
		body = strings.ReplaceAll(body, "{"+string(rune('0'+i))+"}", p)
	}
	return `<html lang="` + lang + `"><head><title>` + harbourTitle[lang] + ` | Le Ponton</title><link rel="canonical" href="https://127.0.0.1/port"></head>` +
		`<body><header class="site"><a href="/">Le Ponton</a></header><article><h1>` + harbourTitle[lang] + `</h1>` + body + `</article></body></html>`
}
