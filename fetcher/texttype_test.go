package fetcher

import (
	"os"
	"strings"
	"testing"

	"newsdesk"
	"newsdesk/normalize"
)

// TestPlainTextFieldsKeepTheirWords: a content or summary its feed
// declares plain text (Atom's default type, type="text" or "text/plain";
// JSON Feed's content_text and summary) reaches the output with every
// word, what looks like a tag included, and its paragraphs; a field
// declared HTML is read as HTML, and so is a text field that starts with
// an HTML element (HTML whose producer forgot its type). Elements named
// like Atom's inside an xhtml content do not count as the entry's own.
func TestPlainTextFieldsKeepTheirWords(t *testing.T) {
	cases := []struct {
		file, ctype string
		want        []struct{ content, summary string }
	}{
		{"text-types.atom", "application/atom+xml", []struct{ content, summary string }{
			{"<p>Écrivez List&lt;T&gt; plutôt que List, et testez si a &lt; b &amp;&amp; b &gt; c.</p>", "Écrivez List<T> plutôt que List, et testez si a < b && b > c."},
			{"<p>Première ligne.<br/>Deuxième ligne avec &lt;balise&gt; citée.</p><p>Second paragraphe : 3 &lt; 4.</p>", "Première ligne. Deuxième ligne avec <balise> citée. Second paragraphe : 3 < 4."},
			{"<p>Un <em>vrai</em> paragraphe.</p>", "Un vrai paragraphe."},
			{"", "Le résumé dit x <y> z."},
			{"<p>Un producteur qui a <b>oublié</b> le type.</p>", "Un producteur qui a oublié le type."},
			// The summary, derived from the content, reads "<…>" by the rule of
			// HTML titles: a formatting tag written out ("<br>") is dropped
			// there; the content keeps it.
			{"<p>Le tag &lt;br&gt; coupe une ligne.</p>", "-"},
		}},
		{"text-types.json", "application/feed+json", []struct{ content, summary string }{
			{"<p>Map&lt;K, V&gt; garde l&#39;ordre ?<br/>Non.</p><p>Mais 2 &lt; 3 &amp; 5 &gt; 4.</p>", "Map<K, V> garde l'ordre ? Non. Mais 2 < 3 & 5 > 4."},
			{"<p>Un <em>vrai</em> paragraphe.</p>", "Le résumé cite <canvas> et <T> tels quels."},
		}},
	}
	for _, c := range cases {
		body, err := os.ReadFile("testdata/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		srv := serve(t, serveBytes(c.ctype, body))
		res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
		if res.Err != nil {
			t.Fatalf("%s: %v", c.file, res.Err)
		}
		n := normalize.Feed(res.Feed, normalize.Options{FeedURL: srv.URL})
		if len(n.Items) != len(c.want) {
			t.Fatalf("%s: %d items, want %d", c.file, len(n.Items), len(c.want))
		}
		for i, w := range c.want {
			it := n.Items[i]
			if w.content != "" && it.ContentHTML != w.content {
				t.Errorf("%s item %d: content\n got %q\nwant %q", c.file, i+1, it.ContentHTML, w.content)
			}
			if w.summary != "-" && it.Summary != w.summary {
				t.Errorf("%s item %d: summary\n got %q\nwant %q", c.file, i+1, it.Summary, w.summary)
			}
		}
		if c.file == "text-types.atom" {
			xhtml := n.Items[3].ContentHTML
			if !strings.Contains(xhtml, "<b>gras</b>") || !strings.Contains(xhtml, "Caché") {
				t.Errorf("the xhtml content lost its markup or text: %q", xhtml)
			}
		}
	}
}

// TestAtomEntryTypes: the types are those of the entry's own children.
func TestAtomEntryTypes(t *testing.T) {
	body, err := os.ReadFile("testdata/text-types.atom")
	if err != nil {
		t.Fatal(err)
	}
	got := atomEntryTypes(body)
	want := []entryTypes{
		{"text", "text", "text"},
		{"text", "text", "text"},
		{"text", "html", "text"},
		{"text", "html", "text"},
		{"text", "text", "text"},
		{"text", "text", "text"},
	}
	if len(got) != len(want) {
		t.Fatalf("atomEntryTypes = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: %+v, want %+v", i+1, got[i], want[i])
		}
	}
}
