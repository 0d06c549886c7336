package article

import (
	"strings"
	"testing"
)

// mastheadParas are the three paragraphs of the masthead pages, by
// language; each opens on "Le lavoir" (fr) or "The wash house" (en).
var mastheadParas = map[string][]string{
	"fr": {
		"<p>Le lavoir de la rue des Tanneurs rouvre samedi après deux ans de travaux, son bassin de pierre nettoyé et sa charpente de chêne refaite à l'identique.</p>",
		"<p>Le lavoir accueillera désormais des expositions l'été et le marché aux plantes du printemps, a précisé l'adjointe au patrimoine lors de la visite du chantier.</p>",
		"<p>Le lavoir sera ouvert au public tous les week-ends, de dix heures à dix-huit heures, et une plaque racontera l'histoire des laveuses du quartier.</p>",
	},
	"en": {
		"<p>The wash house on Tanner Street reopens on Saturday after two years of work, its stone basin cleaned and its oak roof rebuilt as it was.</p>",
		"<p>The wash house will host exhibitions in the summer and the spring plant fair, the heritage officer said during a tour of the site.</p>",
		"<p>The wash house will be open to visitors every weekend from ten to six, and a plaque will tell the story of the washerwomen of the district.</p>",
	},
}

// checkMasthead checks the published text of a masthead page: gone is
// not in it, and its three paragraphs are.
func checkMasthead(t *testing.T, lang, text, gone string) {
	t.Helper()
	if strings.Contains(text, gone) {
		t.Errorf("masthead left: %q", text)
	}
	open := map[string]string{"fr": "Le lavoir", "en": "The wash house"}[lang]
	if n := strings.Count(text, open); n < 3 {
		t.Errorf("the text has %d of its 3 paragraphs: %q", n, text)
	}
}

// TestComponentKicker: on a page of components (AEM's Core Components,
// a page builder's widgets), the kicker or type label sits in a
// component of its own before the headline's, each wrapped alone; it
// goes like a kicker beside the headline. Fixtures in other words than
// the page that showed the class (../testdata/heldout21: aem-en).
func TestComponentKicker(t *testing.T) {
	for _, tc := range []struct{ name, lang, title, kicker string }{
		{"eyebrow component en", "en", "The Tanner Street wash house reopens", "Heritage news"},
		{"label widget fr", "fr", "Le lavoir des Tanneurs rouvre ses portes", "Vie des quartiers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := mastheadParas[tc.lang]
			page := `<html lang="` + tc.lang + `"><head><title>` + tc.title + ` | Ville de Brésac</title></head><body>` +
				`<div class="container"><div class="grid">` +
				`<div class="text cmp-text--eyebrow grid-col"><div id="text-7c1e" class="cmp-text"><p>` + tc.kicker + `</p></div></div>` +
				`<div class="title grid-col"><div id="title-2b9d" class="cmp-title"><h1 class="cmp-title__text">` + tc.title + `</h1></div></div>` +
				`<div class="text grid-col"><div id="text-5e80" class="cmp-text">` + p[0] + `</div></div>` +
				`<div class="text grid-col"><div id="text-a04f" class="cmp-text">` + p[1] + p[2] + `</div></div>` +
				`</div></div></body></html>`
			checkMasthead(t, tc.lang, extractedText(t, page), tc.kicker)
		})
	}
}

// TestPrintSignature: an archive's print version laid out in a table (the
// whole page in the cells of <table id="page">) signs the text under the
// headline with the author and the source line (publication, date, page
// number); the signature goes like a meta line outside a table, while a
// table of the text before the first paragraph keeps its dates.
// Fixtures in other words than the page that showed the class
// (../testdata/heldout21: montreal-c-fr).
func TestPrintSignature(t *testing.T) {
	page := func(lang, title, signature, extra string) string {
		p := mastheadParas[lang]
		return `<html lang="` + lang + `"><head><title>` + title + ` - Archives</title></head><body>` +
			`<table id="page" width="640"><tr><td id="entete"><a href="/">Archives</a></td></tr><tr><td id="contenu">` +
			`<h1 class="titre">` + title + `</h1><div class="signature">` + signature + `</div>` + extra +
			p[0] + p[1] + p[2] + `</td></tr></table></body></html>`
	}
	for _, tc := range []struct{ name, lang, title, signature, gone string }{
		{"signature and source line fr", "fr", "Le lavoir des Tanneurs rouvre ses portes",
			`Marie-Claude Tremblay<br><span class="date">La Gazette du Nord, 3 mars 2009, p. B2</span>`, "La Gazette du Nord, 3 mars 2009"},
		{"signature and source line en", "en", "The Tanner Street wash house reopens",
			`Tom Ashdown<br><span class="date">The Harbour Herald, 14 June 2008, p. C3</span>`, "The Harbour Herald, 14 June 2008"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkMasthead(t, tc.lang, extractedText(t, page(tc.lang, tc.title, tc.signature, "")), tc.gone)
		})
	}
	t.Run("a table of the text keeps its dates", func(t *testing.T) {
		schedule := `<table class="agenda"><caption>Au lavoir ce printemps</caption><tr><th>Rendez-vous</th><th>Date</th></tr>` +
			`<tr><td>Marché aux plantes</td><td>samedi 21 mars, cour du lavoir</td></tr><tr><td>Exposition des laveuses</td><td>dimanche 5 avril, salle des fêtes</td></tr></table>`
		text := extractedText(t, page("fr", "Le lavoir des Tanneurs rouvre ses portes", `Marie-Claude Tremblay<br><span class="date">La Gazette du Nord, 3 mars 2009, p. B2</span>`, schedule))
		checkMasthead(t, "fr", text, "La Gazette du Nord")
		if !strings.Contains(text, "samedi 21 mars, cour du lavoir") {
			t.Errorf("the schedule lost its dates: %q", text)
		}
	})
}

// TestTypeLabelUnderHeadline: a label of the page's type or section
// named so by its class sits between the headline and the text ("Public
// notice" on a council's page); it goes like a kicker above the
// headline, while a verdict under the headline and a short subheading
// without such a class stay. Fixtures in other words than the page that
// showed the class (../testdata/heldout24: opencities-en).
func TestTypeLabelUnderHeadline(t *testing.T) {
	page := func(lang, title, under string) string {
		p := mastheadParas[lang]
		return `<html lang="` + lang + `"><head><title>` + title + ` | Ville de Brésac</title></head><body>` +
			`<header><a href="/">Ville de Brésac</a></header><main><div class="content">` +
			`<h1 class="page-title">` + title + `</h1>` + under +
			p[0] + p[1] + p[2] + `</div></main></body></html>`
	}
	for _, tc := range []struct{ name, lang, title, label string }{
		{"content type label en", "en", "The Tanner Street wash house reopens", `<div class="content-type-label">Heritage notice</div>`},
		{"rubrique fr", "fr", "Le lavoir des Tanneurs rouvre ses portes", `<span class="article__rubrique">Vie des quartiers</span>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gone := strings.TrimSuffix(tc.label[strings.Index(tc.label, ">")+1:], "</div>")
			gone = strings.TrimSuffix(gone, "</span>")
			checkMasthead(t, tc.lang, extractedText(t, page(tc.lang, tc.title, tc.label)), gone)
		})
	}
	for _, tc := range []struct{ name, lang, title, under, kept string }{
		{"verdict stays fr", "fr", "Le lavoir des Tanneurs rouvre ses portes", `<p class="verdict-label">TROMPEUR</p>`, "TROMPEUR"},
		{"subheading stays en", "en", "The Tanner Street wash house reopens", `<div class="x7f2a"><strong>Two years of work</strong></div>`, "Two years of work"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if text := extractedText(t, page(tc.lang, tc.title, tc.under)); !strings.Contains(text, tc.kept) {
				t.Errorf("%q lost: %q", tc.kept, text)
			}
		})
	}
}

// TestDataCardUnderHeadline: a card of data between the byline and the
// text (a match's summary: the sides, their scores, the result, a link to
// the full sheet) is no standfirst, even when its class names a summary:
// it is not put back above the text; a standfirst named so is. Fixtures in other words than the page that
// showed the class (../testdata/heldout24: pitchero-en).
func TestDataCardUnderHeadline(t *testing.T) {
	page := func(lang, title, under string) string {
		p := mastheadParas[lang]
		return `<html lang="` + lang + `"><head><title>` + title + ` | Brésac</title></head><body>` +
			`<header><a href="/">Brésac</a></header><main><div class="article">` +
			`<h1>` + title + `</h1><div class="byline">12/03/2026</div>` + under +
			`<div class="article-body">` + p[0] + p[1] + p[2] + `</div></div></main></body></html>`
	}
	for _, tc := range []struct{ name, lang, title, card, gone string }{
		{"rugby summary fr", "fr", "Le lavoir des Tanneurs rouvre ses portes",
			`<div class="match-summary"><div class="side"><span>Union sportive de Brésac</span><span>27</span></div><div class="side"><span>Racing club du Vallon</span><span>12</span></div><div class="result">Bonus offensif pour Brésac</div><a href="/feuille/88">Feuille de match</a></div>`, "Feuille de match"},
		{"football card en", "en", "The Tanner Street wash house reopens",
			`<section class="fixture-summary"><div><b>Tanner Street Athletic FC</b> <b>3</b></div><div><b>Mill Lane Rovers</b> <b>1</b></div><div>Attendance 412</div><a href="/match/91">Match centre</a></section>`, "Match centre"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkMasthead(t, tc.lang, extractedText(t, page(tc.lang, tc.title, tc.card)), tc.gone)
		})
	}
	t.Run("a standfirst stays", func(t *testing.T) {
		deck := "Deux ans de travaux, 1,2 million d'euros et un bassin de pierre rendu aux habitants du quartier des Tanneurs."
		text := extractedText(t, page("fr", "Le lavoir des Tanneurs rouvre ses portes", `<div class="article-summary"><p>`+deck+`</p></div>`))
		if !strings.Contains(text, "un bassin de pierre rendu aux habitants") {
			t.Errorf("standfirst lost: %q", text)
		}
	})
}
