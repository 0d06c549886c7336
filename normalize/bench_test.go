package normalize

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// benchFeed returns an RSS document of n items shaped like a news site's:
// a few paragraphs, an image with srcset, tracking links, share chrome and
// a recurring footer.
func benchFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>http://127.0.0.1:9000/</link><language>fr</language>`)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Article &amp;#8217;%d : le conseil vote</title><link>http://127.0.0.1:9000/2026/03/article-%d/?utm_source=rss&amp;utm_medium=feed&amp;id=%d</link><guid isPermaLink="false">http://127.0.0.1:9000/?p=%d</guid><pubDate>Mon, 02 Mar 2026 18:00:00 +0100</pubDate><dc:creator>Julie Bernard</dc:creator><category>Politique</category><category>politique</category><description><![CDATA[<p>Résumé de l'article %d, assez long pour être coupé.</p>]]></description><content:encoded><![CDATA[`, i, i, i, i, i)
		for p := range 6 {
			fmt.Fprintf(&b, `<p>Paragraphe %d de l'article %d, avec <a href="/lien/%d?fbclid=x">un lien</a> et du <strong>texte</strong> qui ressemble à un vrai article de presse locale.</p>`, p, i, p)
		}
		b.WriteString(`<p><img src="/img/photo.jpg" srcset="/img/photo-480.jpg 480w, /img/photo-1024.jpg 1024w" alt="Photo"><img src="http://127.0.0.1:9000/px.gif" width="1" height="1"></p>`)
		b.WriteString(`<script>track()</script><p>Lire aussi : <a href="/autre">Un autre article</a></p><p>Partager sur Facebook</p><p>Publié par la rédaction – tous droits réservés.</p>]]></content:encoded></item>`)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

func BenchmarkFeed(b *testing.B) {
	doc := benchFeed(50)
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{
		SourceURL: "http://127.0.0.1:9000/feed/",
		FeedURL:   "http://127.0.0.1:9000/feed/",
		Strip:     []*regexp.Regexp{regexp.MustCompile(`Crédit photo : \w+`)},
		Now:       fetchTime,
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		res := Feed(feed, opt)
		if len(res.Items) != 50 {
			b.Fatalf("got %d items", len(res.Items))
		}
	}
}

func BenchmarkSanitize(b *testing.B) {
	var in strings.Builder
	for p := range 10 {
		fmt.Fprintf(&in, `<p onclick="x()">Paragraphe %d avec <a href="/lien?utm_source=x">un lien</a>, <em>du style</em> et <img src="img.jpg" srcset="a.jpg 1x, b.jpg 2x" onerror="y()">.</p><script>z()</script>`, p)
	}
	s := in.String()
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Sanitize(s, "http://127.0.0.1/base/", nil)
	}
}

func BenchmarkCanonicalURL(b *testing.B) {
	const raw = "HTTPS://News.Example.ORG:443/Politique/2026/03/article.html?utm_source=rss&z=1&utm_medium=feed&a=2&fbclid=abc#comments"
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CanonicalURL(raw, nil); err != nil {
			b.Fatal(err)
		}
	}
}
