package normalize

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsdesk/internal/textgen"
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

// corpusFeed returns an RSS document of n items shaped like the bench
// command's (cmd/newsdesk-bench): a nine-word headline, a 30-word plain
// description, four paragraphs of 28 words with one tracking link, in
// the given text mode.
func corpusFeed(mode textgen.Mode, n int) []byte {
	g := textgen.New(mode)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Source 7</title><link>http://127.0.0.1:9000/s/7/</link><description>Bench source 7</description><language>fr</language>
`)
	for j := range n {
		b.WriteString("<item><title>")
		g.Words(&b, uint64(j)*4+1, 9)
		fmt.Fprintf(&b, " 7-%d</title><link>http://127.0.0.1:9000/s/7/%d.html?utm_source=rss</link><guid isPermaLink=\"false\">src7-item%d</guid>", j, j, j)
		fmt.Fprintf(&b, "<pubDate>Mon, 02 Mar 2026 18:%02d:00 +0100</pubDate><dc:creator>Rédaction 7</dc:creator><category>cat%d</category><description>", j%60, j%5)
		g.Words(&b, uint64(j)*4+2, 30)
		b.WriteString("</description><content:encoded><![CDATA[")
		for p := range 4 {
			b.WriteString("<p>")
			g.Words(&b, uint64(j)*4+3+uint64(p)<<32, 28)
			if p == 1 {
				b.WriteString(` <a href="http://127.0.0.1:9000/s/7/related.html?fbclid=x">lire</a>`)
			}
			b.WriteString("</p>")
		}
		b.WriteString("]]></content:encoded></item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// reportCPU reports the process's CPU time per iteration (cpu-ns/op,
// garbage collection included), which a machine shared with other work
// distorts less than the wall time of ns/op.
func reportCPU(b *testing.B, start int64) {
	if cpu := processCPU(); cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(cpu-start)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkCorpus measures, on documents of the bench command's three
// text modes, gofeed's parse and Feed of the same items: the target is
// normalize at most half the parse. Compare their cpu-ns/op.
func BenchmarkCorpus(b *testing.B) {
	for _, mode := range []textgen.Mode{textgen.Default, textgen.Zipf, textgen.Small} {
		doc := corpusFeed(mode, 50)
		b.Run(mode.String()+"/parse", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(doc)))
			cpu := processCPU()
			for b.Loop() {
				if _, err := gofeed.NewParser().Parse(bytes.NewReader(doc)); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
		})
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
		if err != nil {
			b.Fatal(err)
		}
		opt := Options{SourceURL: "http://127.0.0.1:9000/s/7.xml", FeedURL: "http://127.0.0.1:9000/s/7.xml", Now: fetchTime}
		b.Run(mode.String()+"/normalize", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(doc)))
			cpu := processCPU()
			for b.Loop() {
				if res := Feed(feed, opt); len(res.Items) != 50 {
					b.Fatalf("got %d items", len(res.Items))
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// corpusContents returns the content and description of every item of a
// corpus document, as Feed parses them.
func corpusContents(b *testing.B, mode textgen.Mode) []string {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(corpusFeed(mode, 50)))
	if err != nil {
		b.Fatal(err)
	}
	var out []string
	for _, it := range feed.Items {
		out = append(out, it.Content, it.Description)
	}
	return out
}

// BenchmarkParseFragment compares, on the bench corpus's contents and
// descriptions, parseFragment (the fast tree builder) with x/net/html's
// parser building the same trees.
func BenchmarkParseFragment(b *testing.B) {
	frags := corpusContents(b, textgen.Default)
	b.Run("quick", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range frags {
				parseFragment(s)
			}
		}
	})
	b.Run("x-net-html", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range frags {
				root := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
				nodes, err := html.ParseFragment(strings.NewReader(stripInvalid(s)), root)
				if err != nil {
					b.Fatal(err)
				}
				for _, n := range nodes {
					root.AppendChild(n)
				}
			}
		}
	})
}

// BenchmarkFragmentText compares collectText, one walk for the blocks and
// the text of a fragment, with collectBlocks and fragmentText, two.
func BenchmarkFragmentText(b *testing.B) {
	var roots []*html.Node
	for _, s := range corpusContents(b, textgen.Default) {
		roots = append(roots, parseFragment(s))
	}
	b.Run("one-walk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var sc scratch
			for _, r := range roots {
				collectText(r, &sc)
			}
		}
	})
	b.Run("two-walks", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var sc scratch
			for _, r := range roots {
				collectBlocks(r, &sc)
				fragmentText(r, &sc.fold)
			}
		}
	})
}
