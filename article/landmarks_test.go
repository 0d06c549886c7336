package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPageFooterLandmark: the page's <footer> (one that no article,
// aside, main, nav or section holds: HTML's contentinfo) is the page's
// foot and goes in preclean, whatever readability would think of its
// sentences (it may join it to the text as a sibling of its container);
// a <footer> of the article, of a section or of a quote stays. Checked on
// what preclean leaves, readability joining a sibling only on pages whose
// scores happen to call for it. Fixtures in other words than the page
// that showed the class (../testdata/heldout26: kellerton-c-en).
func TestPageFooterLandmark(t *testing.T) {
	paras := map[string]string{
		"fr": `<p>Le conseil départemental a voté jeudi, à une large majorité, le budget de la voirie pour l'année prochaine, en hausse de six pour cent.</p>` +
			`<p>Les routes de montagne, abîmées par les pluies de l'automne, recevront près de la moitié des crédits, selon le vice-président chargé des routes.</p>` +
			`<p>Les premiers chantiers, sur la route du col et sur le pont de la Vanne, commenceront en mars, si la neige le permet, et dureront tout l'été.</p>`,
		"en": `<p>The county council voted on Thursday, by a wide margin, for next year's roads budget, which rises by six per cent after two hard winters.</p>` +
			`<p>Hill roads, damaged by the autumn rains, will take almost half of the money, according to the cabinet member for highways and transport.</p>` +
			`<p>The first works, on the pass road and on the Vanne bridge, will start in March, weather permitting, and will last for most of the summer.</p>`,
	}
	foot := map[string]string{
		"fr": `<footer class="site-foot"><div><p>La Dépêche des Vallées informe, depuis 1921, les habitants des trois vallées, de la plaine jusqu'aux cols.</p><p>Imprimé à Gap, diffusé chaque matin, sauf le dimanche, dans cent quarante communes.</p></div></footer>`,
		"en": `<footer class="site-foot"><div><p>The Valley Courier has served, since 1921, the people of the three valleys, from the plain up to the passes.</p><p>Printed in Hexham, delivered every morning, except on Sundays, to a hundred and forty villages.</p></div></footer>`,
	}
	note := map[string]string{
		"fr": `<footer><p>Cet article a été mis à jour vendredi, après la publication des chiffres définitifs du budget.</p></footer>`,
		"en": `<footer><p>This report was updated on Friday, after the council published the final figures of the budget.</p></footer>`,
	}
	quote := map[string]string{
		"fr": `<blockquote><p>Nous ne laisserons aucune route fermée cet hiver, quoi qu'il en coûte.</p><footer>Le président du conseil</footer></blockquote>`,
		"en": `<blockquote><p>We will not leave a single road closed this winter, whatever it costs.</p><footer>The council leader</footer></blockquote>`,
	}
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			for _, tc := range []struct{ name, page string }{
				{"article", `<div id="app"><header><a href="/">Courier</a></header><main><article><h1>Voirie</h1>` + paras[lang] + quote[lang] + note[lang] + `</article></main>` + foot[lang] + `</div>`},
				{"div soup", `<div id="app"><div class="top"><a href="/">Courier</a></div><div class="content"><h1>Voirie</h1>` + paras[lang] + quote[lang] + `<section>` + note[lang] + `</section></div>` + foot[lang] + `</div>`},
			} {
				doc, err := html.Parse(strings.NewReader(`<html lang="` + lang + `"><head><title>Voirie | Courier</title></head><body>` + tc.page + `</body></html>`))
				if err != nil {
					t.Fatal(err)
				}
				preclean(doc)
				text := strings.Join(strings.Fields(textOf(doc)), " ")
				if strings.Contains(text, "1921") {
					t.Errorf("%s: page footer left: %q", tc.name, text)
				}
				for _, kept := range []string{plainOf(note[lang]), plainOf(quote[lang]), map[string]string{"fr": "Le conseil départemental", "en": "The county council"}[lang]} {
					if !strings.Contains(text, kept) {
						t.Errorf("%s: lost %q: %q", tc.name, kept, text)
					}
				}
			}
		})
	}
}

// TestTitleSiteFirst: a <title> written site first and headline last
// ("Commune de … - Actualités - Le headline") gives the headline, so that
// the headline shown in a bare <span> and the meta line under it go; a
// title whose first part is in the page is read as before. Fixtures in
// other words than the page that showed the class (../testdata/heldout26:
// mairie-fr).
func TestTitleSiteFirst(t *testing.T) {
	for _, tc := range []struct{ name, title, head, meta, body string }{
		{"fr", "Commune de Valmeuse - Actualités - Fermeture de la piscine pour vidange",
			"Fermeture de la piscine pour vidange", "Mis en ligne le 02/12/2026",
			`<p class="txt">La piscine municipale fermera ses portes du 15 au 28 décembre pour sa vidange annuelle, imposée par le règlement sanitaire.</p>` +
				`<p class="txt">Les agents en profiteront pour repeindre les vestiaires et remplacer les plots de départ du grand bassin, usés par vingt ans de compétitions.</p>` +
				`<p class="txt">Les abonnements en cours seront prolongés de deux semaines, sans démarche de la part des usagers, a précisé le service des sports.</p>`},
		{"en", "Borough of Ashworth - News - Library opening hours change in January",
			"Library opening hours change in January", "Posted on 02/12/2026",
			`<p class="txt">The central library will open an hour later on weekday mornings from January, and stay open until eight on Thursday evenings.</p>` +
				`<p class="txt">Staff said the change followed a survey of more than nine hundred readers, most of whom asked for a late opening once a week.</p>` +
				`<p class="txt">The children's story time moves from Tuesday morning to Saturday, so that working parents can bring their children along.</p>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>` + tc.title + `</title></head><body><table><tr><td class="menu"><a href="/">Accueil</a> <a href="/actu">Actualités</a></td>` +
				`<td class="contenu"><span class="titre">` + tc.head + `</span><br><span class="date">` + tc.meta + `</span><hr>` + tc.body + `</td></tr></table></body></html>`
			text := extractedText(t, page)
			if strings.Contains(text, tc.head) || strings.Contains(text, tc.meta) {
				t.Errorf("headline or meta line left: %q", text)
			}
			if strings.Count(text, ".") < 3 {
				t.Errorf("the text lost a paragraph: %q", text)
			}
		})
	}
}
