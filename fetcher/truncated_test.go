package fetcher

import (
	"fmt"
	"strings"
	"testing"

	"newsdesk"
)

// TestTruncatedDocument: a document cut anywhere after its first complete
// item keeps the items complete before the cut; the fetch is partial (a
// warning, not an error streak) and stores no validators.
func TestTruncatedDocument(t *testing.T) {
	rss := string(rssFeed("Cut", 5))
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Cut</title><id>urn:c</id><updated>2026-03-01T00:00:00Z</updated>
<entry><id>urn:1</id><title>One</title><updated>2026-03-01T00:00:00Z</updated><content type="html"><![CDATA[<p>a </item> in CDATA</p>]]></content></entry>
<entry><id>urn:2</id><title>Two</title><updated>2026-03-01T00:00:00Z</updated><media:group><media:content url="http://127.0.0.1/v.mp4"/></media:group></entry>
<entry><id>urn:3</id><title>Three</title><updated>2026-03-01T00:00:00Z</updated><summary>three</summary></entry>
</feed>`
	rdf := `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://127.0.0.1/"><title>Cut</title><link>http://127.0.0.1/</link><description>d</description></channel>
<item rdf:about="http://127.0.0.1/1"><title>One</title><link>http://127.0.0.1/1</link></item>
<item rdf:about="http://127.0.0.1/2"><title>Two</title><link>http://127.0.0.1/2</link></item>
</rdf:RDF>`
	tests := []struct {
		name, doc, cutAfter string
		want                int
	}{
		{"rss inside an item", rss, "<title>Story 3</title><link>", 3},
		{"rss inside a tag", rss, "<item><title>Story 4</title><li", 4},
		{"rss after an item", rss, "</item>\n<item><title>Story 2</title><link>http://127.0.0.1/site/2</link><guid>story-2</guid>\n<pubDate>Mon, 02 Mar 2026 00:02:00 +0000</pubDate><description>&lt;p&gt;Paragraph 2 of the story, with some words to read.&lt;/p&gt;</description></item>", 3},
		{"rss inside an entity", rss, "Paragraph 1 of the story, with some words to read.&l", 1},
		{"atom inside cdata", atom, "<entry><id>urn:2</id><title>Two</title><updated>2026-03-01T00:00:00Z</updated><media:gr", 1},
		{"atom before the end", atom, "<summary>three</summary></entry>\n", 3},
		{"rdf", rdf, `<item rdf:about="http://127.0.0.1/2"><title>Tw`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.doc, tt.cutAfter)
			if i < 0 {
				t.Fatalf("cut point %q not in the document", tt.cutAfter)
			}
			body := tt.doc[:i+len(tt.cutAfter)]
			srv := serve(t, serveBytes("application/xml", []byte(body)))
			prev := newsdesk.SourceState{ETag: `"old"`, BodyHash: "old", ConsecutiveErrors: 0}
			f := newTestFetcher(t, Options{})
			res := fetchURL(f, srv.URL, prev)
			if res.Err != nil {
				t.Fatalf("err = %v", res.Err)
			}
			if got := len(res.Feed.Items); got != tt.want {
				t.Errorf("%d items, want %d", got, tt.want)
			}
			if !res.Partial || !strings.Contains(res.State.Error, "partial fetch") {
				t.Errorf("partial = %v, state error %q", res.Partial, res.State.Error)
			}
			if res.State.ConsecutiveErrors != 0 || res.State.ETag != "" || res.State.BodyHash != "" || res.State.LastModified != "" {
				t.Errorf("state = %+v: want no error streak and no validators", res.State)
			}
		})
	}
}

// TestTruncationIsNotEveryError: a document cut before any complete item is
// still an error.
func TestTruncationIsNotEveryError(t *testing.T) {
	for _, body := range []string{
		`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti`,
	} {
		srv := serve(t, serveBytes("application/rss+xml", []byte(body)))
		res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
		if res.Err == nil || res.Partial {
			t.Errorf("%q: err %v partial %v, want an error", body, res.Err, res.Partial)
		}
	}
}

// FuzzTruncated: cutting a valid feed at any byte never panics, never
// invents an item, and a recovery keeps only complete items.
func FuzzTruncated(f *testing.F) {
	doc := rssFeed("Cut", 6)
	for _, n := range []int{10, 200, 400, 700, len(doc) - 20} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int) {
		if n < 0 || n > len(doc) {
			return
		}
		body := doc[:n]
		info, err := inspect(body)
		if err != nil {
			return
		}
		feed, _, partial, err := parseFeed(body, info)
		if err != nil {
			return
		}
		complete := strings.Count(string(body), "</item>")
		if len(feed.Items) > complete {
			t.Fatalf("cut at %d: %d items from %d complete ones", n, len(feed.Items), complete)
		}
		if partial && len(feed.Items) != complete {
			t.Fatalf("cut at %d: kept %d items, %d were complete", n, len(feed.Items), complete)
		}
		for i, it := range feed.Items {
			if it.Title != fmt.Sprintf("Story %d", i) {
				t.Fatalf("cut at %d: item %d title %q", n, i, it.Title)
			}
		}
	})
}
