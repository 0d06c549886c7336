package fetcher

import (
	"testing"

	"newsdesk"
	"newsdesk/normalize"
)

// TestAtomTitleTypes: the declared type of every entry's title reaches
// normalize, so a text title keeps what looks like a tag and an HTML title
// loses only its inline formatting.
func TestAtomTitleTypes(t *testing.T) {
	body := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-03-01T00:00:00Z</updated>
<!-- <entry><title type="html">not an entry</title></entry> -->
<entry><id>urn:1</id><title type="text">Use a &lt;div&gt; here, not &lt;b&gt;bold&lt;/b&gt;</title><updated>2026-03-01T00:00:00Z</updated></entry>
<entry><id>urn:2</id><title type="html">&lt;em&gt;Vector&amp;lt;T&amp;gt;&lt;/em&gt; in C++</title><updated>2026-03-01T00:00:00Z</updated></entry>
<entry><id>urn:3</id><updated>2026-03-01T00:00:00Z</updated><title>AT&amp;T &amp; the &lt;blink&gt; tag</title></entry>
<entry><id>urn:4</id><title type='xhtml'><div xmlns="http://www.w3.org/1999/xhtml">An <b>xhtml</b> title</div></title><updated>2026-03-01T00:00:00Z</updated></entry>
<entry><id>urn:5</id><content type="html"><![CDATA[<title>x</title>]]></content><updated>2026-03-01T00:00:00Z</updated></entry>
</feed>`
	srv := serve(t, serveBytes("application/atom+xml", []byte(body)))
	res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	n := normalize.Feed(res.Feed, normalize.Options{FeedURL: srv.URL})
	want := []string{
		"Use a <div> here, not <b>bold</b>",
		"Vector<T> in C++",
		"AT&T & the <blink> tag",
		"An xhtml title",
	}
	if len(n.Items) < len(want) {
		t.Fatalf("%d items, want at least %d", len(n.Items), len(want))
	}
	for i, w := range want {
		if got := n.Items[i].Title; got != w {
			t.Errorf("item %d title = %q, want %q", i+1, got, w)
		}
	}
	if got := atomTitleTypes([]byte(body)); len(got) != 5 || got[0] != "text" || got[1] != "html" || got[2] != "text" || got[3] != "html" || got[4] != "text" {
		t.Errorf("atomTitleTypes = %q", got)
	}
}
