package article

import "testing"

// TestHeldout51To53Lines: the furniture of ../testdata/heldout50–53 that a
// line or a short box shows, set among or under the four paragraphs; each
// case names what must go (gone) or stay (kept).
func TestHeldout51To53Lines(t *testing.T) {
	for _, tc := range []struct{ name, lang, mid, tail, gone, kept string }{
		// mastodon-en, writeas-fr: the post's tags, a row of hashtags
		{"hashtags en", "en", `<p><a href="/tags/HealthCentre" class="mention hashtag" rel="tag">#<span>HealthCentre</span></a> <a href="/tags/Ashby" class="mention hashtag" rel="tag">#<span>Ashby</span></a></p>`, "", "HealthCentre", ""},
		{"hashtags fr", "fr", `<p>#santé #bellecombe #soinsdeproximité</p>`, "", "bellecombe", ""},
		{"hashtag in a sentence stays", "fr", `<p>Le mot-clé #MaisonDeSanté circule depuis mardi sur les réseaux, relayé par les élus et les soignants du canton.</p>`, "", "", "#MaisonDeSanté circule"},
		// wprm-fr: a call to tag the publication on a social network
		{"tag us fr", "fr", `<p>Vous êtes passés par là ? Identifiez-nous @lecanton sur Instagram !</p>`, "", "Identifiez-nous", ""},
		{"tag us en", "en", `<div class="cta"><span>Been to the opening?</span> <span>Tag @valleypost or share your photos with #valleypost on Instagram!</span></div>`, "", "Tag @valleypost", ""},
		{"a handle in the news stays", "en", `<p>The practice's account @ashbydoctors posted the plans on Tuesday evening, and the council shared them an hour later.</p>`, "", "", "@ashbydoctors posted"},
		// multimania-fr, orange-fr: a personal page's box asking readers to write, with the address
		{"write me box fr", "fr", `<table border="2" bordercolor="#CC0000" cellpadding="6"><tr><td><font size="2"><b>Avis aux anciens patients !</b> Je cherche des photos de l'ancien dispensaire. Écrivez-moi : <a href="mailto:anne.vidal@wanadoo.fr">anne.vidal@wanadoo.fr</a></font></td></tr></table>`, "", "anne.vidal", ""},
		{"write me box en", "en", `<table border="1" bgcolor="#FFF8DC"><tr><td><b>Old photos wanted!</b> I am still looking for pictures of the old clinic, so email me: <a href="mailto:tom.reed@example.net">tom.reed@example.net</a></td></tr></table>`, "", "tom.reed", ""},
		{"an invitation in the text stays", "fr", `<p>Si vous avez des souvenirs de l'ancien dispensaire, écrivez-moi, je réponds à tous et je les publierai ici au printemps.</p>`, "", "", "écrivez-moi, je réponds"},
		// multimania-fr: a rights line naming the author before the years
		{"rights after a name fr", "fr", `<p>© Anne Vidal 2001-2026 - Reproduction des textes interdite sans mon accord</p>`, "", "Reproduction des textes", ""},
		{"rights after a name en", "en", `<p>© Tom Reed 2001-2026. Reproduction strictly prohibited.</p>`, "", "Tom Reed 2001", ""},
		// potagerdemireille-fr: an old theme's post metadata and feed notice
		{"feed notice fr", "fr", "", `<p class="postmetadata"><small>Classé dans <a href="/c/sante" rel="category tag">Santé</a> le 3 mars 2026. Vous pouvez suivre les réponses à cet article par le fil <a href="/feed/">RSS 2.0</a>. Vous pouvez laisser une réponse, ou faire un <a href="/trackback/">trackback</a> depuis votre propre site.</small></p>`, "Classé dans", ""},
		{"feed notice en", "en", "", `<p class="postmetadata alt"><small>This entry was posted on Tuesday, March 3rd, 2026 and is filed under <a href="/c/health">Health</a>. You can follow any responses to this entry through the <a href="/feed/">RSS 2.0</a> feed. You can leave a response, or trackback from your own site.</small></p>`, "filed under", ""},
		// priyaraman-en: a highlighter's line numbers beside the code
		{"code gutter en", "en", `<figure class="highlight sql"><table><tr><td class="gutter"><pre><span class="line">1</span><br><span class="line">2</span><br><span class="line">3</span></pre></td><td class="code"><pre><span class="line">SELECT ward,</span><br><span class="line">  count(*)</span><br><span class="line">FROM visits GROUP BY ward;</span></pre></td></tr></table></figure>`, "", "1 2 3", "GROUP BY ward"},
		{"code gutter fr", "fr", `<div class="highlight"><pre class="linenos">1
2</pre><pre><code>SELECT commune, count(*)
FROM patients GROUP BY commune;</code></pre></div>`, "", "1 2", "GROUP BY commune"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkGoneKept(t, tc.lang, sitebitsPage(tc.lang, "", tc.mid, tc.tail, [2]string{}), tc.gone, tc.kept)
		})
	}
}

// TestHeldout51To53Blocks: what a whole page of ../testdata/heldout51–52
// shows.
func TestHeldout51To53Blocks(t *testing.T) {
	p := sitebitsParas
	for _, tc := range []struct{ name, lang, page, gone, kept string }{
		// bobinerouge-fr: an image and its caption in a box named by a word
		// readability reads as furniture ("…_imageComment_…")
		{"image box fr", "fr", `<html><head><title>Maison de santé - Le Canton</title></head><body><div class="serendipity_entry"><h1>Maison de santé</h1><div class="serendipity_entry_body">` + p["fr"][0] + p["fr"][1] + `<div class="serendipity_imageComment_center"><div class="serendipity_imageComment_img"><img src="/img/b.jpg" alt=""></div><div class="serendipity_imageComment_txt">Le terrain de l'ancienne gendarmerie, en février. Photo : Anne Vidal</div></div>` + p["fr"][2] + p["fr"][3] + `</div></div></body></html>`, "", "Photo : Anne Vidal"},
		{"image box en", "en", `<html><head><title>Health centre | Valley Post</title></head><body><div class="entry"><h1>Health centre</h1><div class="entry-body">` + p["en"][0] + p["en"][1] + `<div class="imageComment_center"><div class="imageComment_img"><img src="/img/b.jpg" alt=""></div><div class="imageComment_txt">The old police station site in February. Photo: Tom Reed</div></div>` + p["en"][2] + p["en"][3] + `</div></div></body></html>`, "", "Photo: Tom Reed"},
		// multimania-fr: an old page's menu column beside the article's cell
		{"menu cell fr", "fr", `<html><head><title>Maison de santé</title></head><body><table width="760"><tr><td width="150"><font size="2"><p><b>Sommaire</b><br><a href="index.html">Accueil</a><br><a href="album.html">Album</a><br><a href="liens.html">Liens</a></p><p><center><img src="compteur.gif" alt=""><br>Vous êtes le 012345e visiteur depuis 2001</center></p></font></td><td width="610"><center><b>Maison de santé</b></center>` + p["fr"][0] + p["fr"][1] + p["fr"][2] + p["fr"][3] + `</td></tr></table></body></html>`, "visiteur depuis", ""},
		{"menu cell en", "en", `<html><head><title>Health centre</title></head><body><table width="760"><tr><td width="150"><font size="2"><p><b>Contents</b><br><a href="index.html">Home</a><br><a href="album.html">Album</a><br><a href="links.html">Links</a></p><p><center><img src="counter.gif" alt=""><br>You are visitor 12345 since 2001</center></p></font></td><td width="610"><center><b>Health centre</b></center>` + p["en"][0] + p["en"][1] + p["en"][2] + p["en"][3] + `</td></tr></table></body></html>`, "You are visitor", ""},
		// multimania-fr: the page's foot in one box after a rule, its lines
		// between <br>s beside a webring's table
		{"foot lines beside a table fr", "fr", `<html><head><title>Maison de santé</title></head><body><h1>Maison de santé</h1>` + p["fr"][0] + p["fr"][1] + p["fr"][2] + p["fr"][3] + `<hr><center><font size="2"><a href="prec.html">&lt;&lt; Page précédente</a> | <a href="#haut">Haut de page</a><br><br><table border="1"><tr><td>Ce site fait partie de l'anneau des villages<br><a href="http://127.0.0.2/ring?next">Site suivant</a></td></tr></table><img src="ie.gif" alt=""><br>Site optimisé pour Internet Explorer 5 en 800x600<br>© Anne Vidal 2001-2026</font></center></body></html>`, "Site optimisé", ""},
		{"foot lines beside a table en", "en", `<html><head><title>Health centre</title></head><body><h1>Health centre</h1>` + p["en"][0] + p["en"][1] + p["en"][2] + p["en"][3] + `<hr><center><font size="2"><a href="prev.html">&lt;&lt; Previous page</a> | <a href="#top">Top of page</a><br><br><table border="1"><tr><td>This site is part of the Valley Ring<br><a href="http://127.0.0.2/ring?next">Next site</a></td></tr></table><img src="ns.gif" alt=""><br>Best viewed with Netscape 4 at 800x600<br>© Tom Reed 2001-2026</font></center></body></html>`, "Best viewed", ""},
	} {
		t.Run(tc.name, func(t *testing.T) { checkGoneKept(t, tc.lang, tc.page, tc.gone, tc.kept) })
	}
}
