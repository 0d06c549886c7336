package article_test

import (
	"fmt"

	"newsdesk/article"
	"newsdesk/normalize"
)

func ExampleExtract() {
	page := []byte(`<html><head><title>Le pont rouvre</title>
<link rel="canonical" href="/ville/pont">
<meta property="og:image" content="/img/pont.jpg">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":{"name":"Claire Mercier"},"datePublished":"2026-11-27T08:00:00Z"}</script>
</head><body><nav><a href="/">Accueil</a></nav><article><h1>Le pont rouvre</h1>
<p>Le pont de la Mairie rouvre lundi après trois mois de travaux de consolidation des piles, annoncent les services techniques.</p>
<div class="newsletter"><p>Recevez notre lettre chaque matin.</p></div>
<p>La circulation sera alternée pendant une semaine encore, le temps de refaire le marquage au sol et de poser les nouveaux garde-corps.</p>
<p onclick="track()">Lire aussi : <a href="/ville/travaux">Les travaux de l'été</a></p>
</article></body></html>`)
	ex, err := article.Extract(page, "https://news.example/ville/pont?id=3")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ex.Byline, ex.Published.Format("2006-01-02"), ex.Canonical, ex.Image)
	text := normalize.Article(ex.HTML, normalize.ArticleOptions{Base: "https://news.example/ville/pont"})
	fmt.Println(text.Text)
	// Output:
	// Claire Mercier 2026-11-27 https://news.example/ville/pont https://news.example/img/pont.jpg
	// Le pont de la Mairie rouvre lundi après trois mois de travaux de consolidation des piles, annoncent les services techniques. La circulation sera alternée pendant une semaine encore, le temps de refaire le marquage au sol et de poser les nouveaux garde-corps.
}
