package article

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"newsdesk/normalize"
)

func TestZZProbe(t *testing.T) {
	if os.Getenv("ZZP") == "" {
		t.Skip()
	}
	para := func(i int) string {
		return "<p>Le syndicat des eaux a présenté mardi son plan de travaux numéro " + string(rune('A'+i)) +
			", qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	}
	for _, f := range []string{
		`<div class="q1"><a href="/a"><img src="/i/a.jpg" alt=""><span>Le prix de l'eau expliqué en cinq points</span></a><a href="/b"><img src="/i/b.jpg" alt=""><span>Les nappes au plus bas depuis vingt ans</span></a></div>`,
		`<div class="q1"><div><a href="/a"><img src="/i/a.jpg" alt=""></a><h4><a href="/a">Le prix de l'eau expliqué en cinq points</a></h4></div><div><a href="/b"><img src="/i/b.jpg" alt=""></a><h4><a href="/b">Les nappes au plus bas depuis vingt ans</a></h4></div></div>`,
		`<div class="q2"><img src="/i/me.jpg" alt=""><p><strong>Claire Dupuis</strong> est journaliste au Vallon depuis 2015. Elle couvre l'environnement.</p></div>`,
		`<div class="q3"><img src="/i/me.jpg" alt=""><p><strong>Sam Hale</strong> is a reporter covering water and energy. Email him at sam@vallee.example.</p></div>`,
		`<div class="q4"><span>ADVERTISEMENT</span><iframe src="https://ads.example/x"></iframe></div>`,
		`<h2>3 thoughts on "Le plan de travaux"</h2><div><p>Marc: Bravo pour ce plan qui arrive enfin après tant d'années d'attente dans notre quartier.</p></div>`,
		`<div class="q5"><strong>Tags</strong> <a href="/t/a">eau</a> <a href="/t/b">travaux</a> <a href="/t/c">vallée</a></div>`,
		`<div class="q6"><p>Partager :</p><ul><li><a href="https://fb.example/s">Facebook</a></li><li><a href="https://x.example/s">X</a></li></ul></div>`,
		`<div class="q7"><h4>Newsletter</h4><p>Le meilleur de la rédaction, chaque vendredi.</p><a href="/nl">S'inscrire</a></div>`,
		`<div class="q8"><h4>Le Vallon Matin</h4><p>Chaque matin, l'essentiel de l'actualité locale dans votre boîte.</p><a class="btn" href="/nl">Je m'abonne gratuitement</a></div>`,
		`<div class="q9"><p>Publicité</p></div>`,
		`<div class="r"><p>Plus d'actualités</p><div><a href="/a">Un article</a></div><div><a href="/b">Un autre article ici</a></div><div><a href="/c">Encore un article ici</a></div></div>`,
		`<p><a href="/auteur/claire">Claire Dupuis</a> | <a href="/rubrique/env">Environnement</a></p>`,
		`<div class="x7"><div>Populaire</div><ol><li><a href="/a">Le prix de l'eau expliqué en cinq points</a></li><li><a href="/b">Les nappes au plus bas depuis vingt ans</a></li></ol></div>`,
		`<div class="x8"><p>À suivre</p><p><a href="/a">Le prix de l'eau expliqué en cinq points</a></p><p><a href="/b">Les nappes au plus bas depuis vingt ans</a></p></div>`,
		`<div class="x9"><span>Partager</span><span>Facebook</span><span>Twitter</span><span>E-mail</span></div>`,
		`<div class="xa"><p>Photo d'illustration</p></div>`,
		`<div class="xb"><span>0 commentaire</span><a href="#c">Réagir</a></div>`,
		`<div class="xc"><p>Nos lecteurs ont du talent</p><p>Envoyez-nous vos plus belles photos du Vallon, nous publierons les meilleures chaque dimanche.</p></div>`,
	} {
		page := `<html><head><title>Le plan de travaux du syndicat des eaux</title></head><body><article><h1>Le plan de travaux du syndicat des eaux</h1>` +
			para(0) + para(1) + f + para(2) + para(3) + `</article></body></html>`
		ex, err := Extract([]byte(page), "https://127.0.0.1/a")
		if err != nil {
			t.Fatal(err)
		}
		text := normalize.Article(ex.HTML, normalize.ArticleOptions{Base: "https://127.0.0.1/a"}).Text
		left := text
		for i := 0; i < 4; i++ {
			left = strings.ReplaceAll(left, strings.TrimSuffix(strings.TrimPrefix(plainOf(para(i)), ""), "\n"), "")
		}
		left = strings.TrimSpace(left)
		st := "gone"
		if left != "" {
			st = "LEFT " + left
		}
		if strings.Count(text, "Le syndicat") != 4 {
			st += " [paragraphs lost]"
		}
		fmt.Printf("%-70.70s %s\n", f, st)
	}
}
