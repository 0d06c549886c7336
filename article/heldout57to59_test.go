package article

import "testing"

// TestHeldout57To59Lines: the furniture of ../testdata/heldout55–59 that a
// line or a short box shows, set among or under the four paragraphs.
func TestHeldout57To59Lines(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, tail, gone, kept string }{
		// brevo-fr, pagemill-fr: a newsletter's issue line
		{"issue line fr", "fr", `<div style="font-size:13px">La Lettre du Canton n° 12 · Mars 2026</div>`, "", "Lettre du Canton", ""},
		{"issue line en", "en", `<p class="masthead">Valley Post Newsletter – Issue 12 – March 2026</p>`, "", "Issue 12", ""},
		{"a court reference stays", "fr", `<p>Référence : Cass. 3e civ., 5 mars 2026, n° 25-14.802</p>`, "", "", "Cass. 3e civ."},
		// brevo-fr: a cooperative's legal identity
		{"cooperative identity fr", "fr", "", `<p>Le Panier du Canton, SCIC SA à capital variable – 4 rue de l'Église, 73340 Bellecombe</p>`, "SCIC SA", ""},
		// mambo-fr: the publisher's bulletin is out
		{"bulletin out fr", "fr", `<p style="text-align: center;"><b>Le bulletin municipal n° 42 est disponible en mairie et en téléchargement dans la rubrique <a href="index.php?option=com_docman">Documents</a>.</b></p>`, "", "bulletin municipal n° 42", ""},
		{"bulletin out en", "en", `<p style="text-align: center;"><b>The spring newsletter is now available to <a href="/docs/spring.pdf">download here</a>.</b></p>`, "", "spring newsletter", ""},
		{"a guide in the news stays", "fr", `<p>Le nouveau guide des aides aux familles est disponible en mairie depuis lundi, a précisé la maire.</p>`, "", "", "guide des aides"},
		// t4uni-en: a press contact box under its heading
		{"press box en", "en", "", `<div class="media-enquiries content-block"><h3>Media enquiries</h3><p>Contact the press office on 01632 960 123 or email press@valley.example</p></div>`, "Contact the press office", ""},
		{"press box fr", "fr", "", `<div class="contact-presse"><h3>Contact presse</h3><p>Service communication de la mairie, 04 79 62 10 00</p></div>`, "Service communication", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, tc.tail, [2]string{}), tc.gone, tc.kept)
		})
	}
}

// TestHeldout57To59Blocks: what a whole page of ../testdata/heldout57–58
// shows.
func TestHeldout57To59Blocks(t *testing.T) {
	p := sitebitsParas
	for _, tc := range []struct{ name, lang, page, gone, kept string }{
		// mambo-fr: a byline written without its accent, under the headline
		{"byline without accent fr", "fr", `<html><head><title>Maison de santé - Le Canton</title></head><body><table class="contentpaneopen"><tr><td class="contentheading">Maison de santé</td></tr></table><table class="contentpaneopen"><tr><td><span class="small">Ecrit par Secrétariat de mairie</span></td></tr><tr><td class="createdate">lundi, 2 mars 2026</td></tr><tr><td>` + p["fr"][0] + p["fr"][1] + p["fr"][2] + p["fr"][3] + `</td></tr></table></body></html>`, "Secrétariat de mairie", ""},
		// simplecast-en: an episode's notes and its transcript in two tabs
		{"tab panels en", "en", `<html><head><title>Health centre | Valley Podcast</title></head><body><main><h1>Health centre</h1><div role="tablist"><button role="tab">Episode Notes</button><button role="tab">Transcript</button></div><section id="panel-notes" role="tabpanel" class="episode-notes"><div class="rich-text"><p>Dr Ana Ruiz tells how six doctors and four nurses got the valley's health centre built, and what patients will find there from next spring.</p></div></section><section id="panel-transcript" role="tabpanel" class="episode-transcript"><div class="rich-text">` + p["en"][0] + p["en"][1] + p["en"][2] + p["en"][3] + `</div></section></main></body></html>`, "", "what patients will find there"},
		{"tab panels fr", "fr", `<html><head><title>Maison de santé - Le Podcast du Canton</title></head><body><main><h1>Maison de santé</h1><div role="tablist"><button role="tab">Notes</button><button role="tab">Transcription</button></div><div role="tabpanel" class="notes"><p>La docteure Ana Ruiz raconte comment six médecins et quatre infirmières ont obtenu la maison de santé du canton, et ce qu'y trouveront les patients.</p></div><div role="tabpanel" class="transcription">` + p["fr"][0] + p["fr"][1] + p["fr"][2] + p["fr"][3] + `</div></main></body></html>`, "", "ce qu'y trouveront les patients"},
		// quarto-en: a hiring callout closing a section, the text going on in the next
		{"hiring callout closing a section en", "en", `<html><head><title>Health centre | Valley Lab</title></head><body><main><h1>Health centre</h1><section class="level2"><h2>Results</h2>` + p["en"][0] + p["en"][1] + `<div class="callout callout-tip"><div class="callout-header"><div class="callout-title-container">We are recruiting</div></div><div class="callout-body"><p>We have a two-year research post on rural care starting in spring. See the <a href="../../join.html">Join the group</a> page and apply by 15 January.</p></div></div></section><section class="level2"><h2>Next year</h2>` + p["en"][2] + p["en"][3] + `</section></main></body></html>`, "two-year research post", ""},
		{"hiring callout closing a section fr", "fr", `<html><head><title>Maison de santé - Le Labo</title></head><body><main><h1>Maison de santé</h1><section><h2>Résultats</h2>` + p["fr"][0] + p["fr"][1] + `<div class="encadre callout"><p><b>On recrute !</b> Nous cherchons un post-doctorant pour deux ans sur les soins en milieu rural. <a href="/nous-rejoindre">Voir nos offres</a></p></div></section><section><h2>L'an prochain</h2>` + p["fr"][2] + p["fr"][3] + `</section></main></body></html>`, "post-doctorant", ""},
	} {
		t.Run(tc.name, func(t *testing.T) { checkGoneKept(t, tc.lang, tc.page, tc.gone, tc.kept) })
	}
}
