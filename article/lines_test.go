package article

import (
	"strings"
	"testing"

	"newsdesk/normalize"
)

// TestFurnitureByWhatItSays: each kind of furniture line goes, wherever it
// sits in the article, while a sentence of the text that says the same
// words stays.
func TestFurnitureByWhatItSays(t *testing.T) {
	para := func(i int) string {
		return "<p>Le syndicat des eaux a présenté mardi son plan de travaux numéro " + string(rune('A'+i)) +
			", qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	}
	for _, tc := range []struct {
		name, furniture, gone, kept string
	}{
		{"update line", `<p class="x">Publié le 20/11/2026 – Mis à jour le 27/11/2026 à 14h05</p>`, "Mis à jour",
			`<p>Le plan, mis à jour le 27 novembre après une réunion publique houleuse, prévoit aussi une hausse du prix de l'eau.</p>`},
		{"update line by", `<div>Last updated 28 November 2026 by the newsroom</div>`, "Last updated", ""},
		{"feedback box", `<div class="x"><p>Cette page vous a-t-elle été utile ?</p><a href="#">Oui</a> <a href="#">Non</a></div>`, "utile",
			`<p>Les usagers ont jugé la page du syndicat utile, selon une enquête menée auprès de huit cents abonnés du réseau.</p>`},
		{"feedback en", `<div><h2>Is this page useful?</h2><button>Yes</button><button>No</button></div>`, "useful", ""},
		{"rating", `<p>Note des lecteurs : 4,2/5 (318 votes)</p>`, "318 votes", ""},
		{"reading time", `<span class="x">Temps de lecture : 9 min</span>`, "Temps de lecture", ""},
		{"tag line", `<div>Mots-clés : <a href="/t/eau">Eau</a> · <a href="/t/travaux">Travaux publics</a></div>`, "Mots-clés", ""},
		{"breadcrumb", `<p>Vous êtes ici : <a href="/">Accueil</a> &gt; <a href="/actu">Actualités</a> &gt; Travaux</p>`, "Vous êtes ici", ""},
		{"tool row", `<div><a href="#">Imprimer</a> | <a href="#">Envoyer par e-mail</a> | <a href="#">Commenter</a></div>`, "Imprimer", ""},
		{"time stamp", `<header><time datetime="2026-11-28T11:42Z">11.42 GMT</time></header>`, "11.42", ""},
		{"slide counter", `<div>3 / 12</div>`, "3 / 12", ""},
		{"consent box", `<div><p>Nous utilisons des cookies pour mesurer l'audience.</p><button>Tout accepter</button><button>Refuser</button></div>`, "cookies",
			`<p>Le site du syndicat, qui n'utilise aucun cookie publicitaire, publie le détail des chantiers rue par rue.</p>`},
		{"sign-up box", `<div><p>Recevez nos alertes travaux chaque semaine.</p><input type="email" placeholder="Votre e-mail"></div>`, "alertes travaux", ""},
		{"table of contents", `<div><p>Sommaire</p><ol><li><a href="#a">Le plan</a></li><li><a href="#b">Le calendrier</a></li></ol></div>`, "Sommaire", ""},
		{"breadcrumb list", `<ol><li><a href="/">Accueil</a></li><li><a href="/actu">Actualités</a></li><li>Travaux</li></ol>`, "Accueil", ""},
		{"ad label", `<div><p>Story continues below advertisement</p></div>`, "continues below", ""},
		{"copyright", `<p>Copyright 2026 Agence Exemple. All rights reserved. This material may not be published or redistributed.</p>`, "rights reserved", ""},
		{"update line and link", `<div>Published 3 March 2026<br>Last updated 28 November 2026 <a href="#h">+ show all updates</a></div>`, "show all updates", ""},
		{"credits", `<p>Reportage : Louise Camus. Réalisation : Pierre Albin.</p>`, "Réalisation", ""},
		{"author box", `<div class="auteur-encart"><p>Claire Dupuis suit l'environnement et les services publics locaux depuis douze ans.</p></div>`, "douze ans", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Le plan de travaux du syndicat des eaux</title></head><body><article><h1>Le plan de travaux du syndicat des eaux</h1>` +
				para(0) + para(1) + tc.furniture + para(2) + tc.kept + para(3) + `</article></body></html>`
			ex, err := Extract([]byte(page), "https://127.0.0.1/a")
			if err != nil {
				t.Fatal(err)
			}
			text := normalize.Article(ex.HTML, normalize.ArticleOptions{Base: "https://127.0.0.1/a"}).Text
			if strings.Contains(text, tc.gone) && !strings.Contains(tc.kept, tc.gone) {
				t.Errorf("furniture left: %q", text)
			}
			if tc.kept != "" && !strings.Contains(text, plainOf(tc.kept)) {
				t.Errorf("the text lost %q: %q", plainOf(tc.kept), text)
			}
			if strings.Count(text, "Le syndicat des eaux a présenté") != 4 {
				t.Errorf("the article lost paragraphs: %q", text)
			}
		})
	}
}

func plainOf(s string) string {
	return strings.ReplaceAll(plain(s), "&#39;", "'")
}

// TestDateWordsInASentence: an inline date phrase in a sentence is text.
func TestDateWordsInASentence(t *testing.T) {
	page := `<html><body><article><h1>Titre</h1><p>Le registre, <em>mis à jour le 3 mai 2026</em>, compte désormais plus de quatre mille entrées, selon la préfecture qui le tient.</p>` +
		strings.Repeat(`<p>Un paragraphe de texte ordinaire, assez long pour que l'extracteur le retienne comme le corps de l'article publié.</p>`, 3) + `</article></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	if text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text; !strings.Contains(text, "mis à jour le 3 mai 2026") {
		t.Errorf("the date phrase of a sentence went: %q", text)
	}
}

// TestGallery: a photo essay told in its captions is published with all
// of them, not only its introduction.
func TestGallery(t *testing.T) {
	var figs strings.Builder
	for i := range 5 {
		if i == 2 {
			figs.WriteString(`<div class="ad-slot"><span>Publicité</span></div>`)
		}
		figs.WriteString(`<figure class="slide"><img src="/p` + string(rune('0'+i)) + `.jpg"><figcaption><span>` + string(rune('1'+i)) + ` / 5</span><p>Légende numéro ` + string(rune('0'+i)) +
			` : les dockers déchargent les navires de nuit, à la lumière des projecteurs du port.</p><span>Photo : Léa Martin</span></figcaption></figure>`)
	}
	page := `<html><head><title>Une nuit au port</title></head><body><div class="gallery"><div class="intro"><h1>Une nuit au port</h1><p>Photographies de Léa Martin</p><p class="intro-text">Entre minuit et l'aube, Pendant une semaine, notre photographe a suivi les dockers du port, de la tombée de la nuit au lever du jour, entre les grues, les portiques et les conteneurs, avec les pointeurs, les grutiers et les lamaneurs qui font tourner le terminal.</p></div><ul class="share"><li><a href="#">Facebook</a></li><li><a href="#">E-mail</a></li></ul>` +
		figs.String() + `</div><div class="more"><a href="/x">Autres galeries</a></div></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
	if strings.Count(text, "Légende numéro") != 5 || !strings.Contains(text, "notre photographe") {
		t.Errorf("gallery: %q", text)
	}
	if strings.Contains(text, "Une nuit au port") || strings.Contains(text, "Autres galeries") {
		t.Errorf("headline or furniture in the gallery: %q", text)
	}
}
