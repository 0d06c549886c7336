package article

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"newsdesk"
)

// TestArticleCharsets: article pages served by a site are decoded once,
// by their real charset, whatever else they declare: the BOM over a
// wrong <meta>, the HTTP header over the <meta>, <meta charset> or
// http-equiv alone, UTF-16 by its BOM, undeclared windows-1252 (curly
// quotes, œ) and undeclared UTF-8. The published text holds the accented
// words as written, never mojibake.
func TestArticleCharsets(t *testing.T) {
	text := "<p>À l’école Jules-Ferry, les élèves ont planté quarante arbres fruitiers : pommiers, poiriers et cerisiers « à l’ancienne ».</p>" +
		"<p>Chaque classe s’occupera d’un rang, et la récolte sera servie à la cantine dès l’automne prochain, avec l’œuvre des jardiniers.</p>" +
		"<p>Le projet a reçu le prix départemental de l’éducation à l’environnement, doté de deux mille euros pour acheter des outils.</p>"
	page := func(head string) string {
		return `<html><head>` + head + `<title>Verger</title></head><body><article><h1>Verger</h1>` + text + `</article></body></html>`
	}
	enc := func(e interface{ String(string) (string, error) }, s string) []byte {
		out, err := e.String(s)
		if err != nil {
			t.Fatal(err)
		}
		return []byte(out)
	}
	utf16 := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	cases := []struct {
		name, contentType string
		body              []byte
	}{
		{"BOM over a wrong meta", "text/html", append([]byte("\xEF\xBB\xBF"), page(`<meta charset="iso-8859-1">`)...)},
		{"header over meta", "text/html; charset=windows-1252", enc(charmap.Windows1252.NewEncoder(), page(`<meta charset="utf-8">`))},
		{"utf-8 header over a latin-1 meta", "text/html; charset=utf-8", []byte(page(`<meta charset="iso-8859-1">`))},
		{"meta charset only", "text/html", enc(charmap.Windows1252.NewEncoder(), page(`<meta charset="iso-8859-1">`))},
		{"http-equiv only", "text/html", enc(charmap.Windows1252.NewEncoder(), page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`))},
		{"utf-16 by its BOM", "text/html; charset=iso-8859-1", enc(utf16, page(""))},
		{"undeclared windows-1252", "text/html", enc(charmap.Windows1252.NewEncoder(), page(""))},
		{"undeclared utf-8", "text/html", []byte(page(""))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := newSite(t)
			st.page("/p", sitePage{body: c.body, contentType: c.contentType})
			st.rss("/feed.rss", []feedItem{{title: "Verger", link: st.url("/p"), summary: "Quarante arbres."}})
			src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextOn, Sections: []string{"s"}}
			w := newWorld(t, fetcherOpts(), section("s", src))
			w.fetch(src)
			got := plain(w.items("s")[st.url("/p")].ContentHTML)
			for _, want := range []string{"À l’école", "élèves", "« à l’ancienne »", "s’occupera", "l’œuvre", "reçu le prix départemental"} {
				if !strings.Contains(got, want) {
					t.Errorf("published text lacks %q: %q", want, got)
				}
			}
			if strings.ContainsAny(got, "\uFFFDÃ") {
				t.Errorf("mojibake in %q", got)
			}
		})
	}
}
