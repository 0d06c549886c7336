package article

import (
	"strings"
	"testing"
)

// TestCrossLinkOwnHost: a line among the paragraphs that sends the reader
// to another page of the site, "label : <a>headline</a>", goes when the
// link is absolute on the page's own host (the logo's link names it), and
// when its label, longer than four words, opens on a call to read again;
// a line citing another site's page stays, and so does a sentence of the
// text that ends on a colon before a link. Fixtures in other words than
// the page that showed the class (../testdata/heldout25: dotclear-fr).
func TestCrossLinkOwnHost(t *testing.T) {
	paras := map[string][3]string{
		"fr": {"<p>Les ruches du rucher-école ont passé l'hiver sans perte cette année, une première depuis que l'association a repris le terrain du vieux verger communal.</p>",
			"<p>Les apiculteurs attribuent ce succès aux nourrisseurs installés en octobre et aux toits isolés que les bénévoles ont fabriqués avec des chutes de liège.</p>",
			"<p>Les premières visites de printemps auront lieu le samedi matin, sur inscription, et les enfants de l'école voisine sont attendus pour la récolte de juin.</p>"},
		"en": {"<p>The hives at the teaching apiary came through the winter without a single loss this year, a first since the club took over the old orchard.</p>",
			"<p>The beekeepers put it down to the feeders set out in October and to the insulated roofs the volunteers built from offcuts of cork board.</p>",
			"<p>The first spring visits will take place on Saturday mornings, booked in advance, and children from the school next door are due for the June harvest.</p>"},
	}
	page := func(lang, host, line string) string {
		p := paras[lang]
		return `<html lang="` + lang + `"><head><title>Le rucher | Carnet</title></head><body>` +
			`<div id="top"><a href="https://` + host + `/">Le carnet du rucher</a></div>` +
			`<div class="post"><h2 class="post-title">Le rucher</h2><div class="post-content">` +
			p[0] + p[1] + line + p[2] + `</div></div></body></html>`
	}
	for _, tc := range []struct{ name, lang, line, gone string }{
		{"reread label fr", "fr", `<p class="encart">&rarr; À relire dans les archives du carnet : <a href="https://rucher.example.org/2019/05/essaimage-du-printemps">L'essaimage du printemps dernier, raconté</a></p>`, "essaimage du printemps"},
		{"short label own host en", "en", `<p>From the archive: <a href="https://rucher.example.org/2018/swarm-season">How we caught the great swarm of 2018</a></p>`, "great swarm"},
		{"read again label en", "en", `<p>Read again on the club's own blog: <a href="https://www.rucher.example.org/posts/cork-roofs">Building the cork roofs, step by step</a></p>`, "cork roofs, step"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := extractedText(t, page(tc.lang, "rucher.example.org", tc.line))
			if strings.Contains(text, tc.gone) {
				t.Errorf("cross-link left: %q", text)
			}
			if n := strings.Count(text, map[string]string{"fr": "Les ", "en": "The "}[tc.lang]); n < 3 {
				t.Errorf("the text lost a paragraph: %q", text)
			}
		})
	}
	for _, tc := range []struct{ name, lang, line, kept string }{
		{"other site fr", "fr", `<p>À relire sur le site de la fédération : <a href="https://apiculture.example.net/guides/hivernage">Le guide de l'hivernage des colonies</a></p>`, "guide de l'hivernage"},
		{"sentence ending on a colon en", "en", `<p>The club's treasurer, who kept the hive records for ten years, wrote it all down in one place: <a href="https://rucher.example.org/records">The apiary's records from 2014 to 2024</a></p>`, "records from 2014"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if text := extractedText(t, page(tc.lang, "rucher.example.org", tc.line)); !strings.Contains(text, tc.kept) {
				t.Errorf("%q lost: %q", tc.kept, text)
			}
		})
	}
}
