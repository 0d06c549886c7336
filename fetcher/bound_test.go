package fetcher

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

func repeatItems(open, close string, n int, body func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(open + body(i) + close)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestBoundEntries keeps the first max entries of each kind of document,
// everything that is not an entry, and counts what was there.
func TestBoundEntries(t *testing.T) {
	title := func(i int) string { return fmt.Sprintf("<title>t%d</title><link>http://127.0.0.1/%d</link>", i, i) }
	atomBody := func(i int) string {
		return fmt.Sprintf("<title>t%d</title><id>urn:x:%d</id><link href=\"http://127.0.0.1/%d\"/>", i, i, i)
	}
	cases := []struct {
		name    string
		doc     string
		max     int
		entries int
		titles  []string // titles the parsed feed must hold, in order
		feed    string   // the feed's title, which may follow the items
	}{
		{
			name: "rss over the bound, channel elements after the items kept",
			doc: "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><link>http://127.0.0.1/</link>" +
				repeatItems("<item>", "</item>", 7, title) + "<title>After</title>" + repeatItems("<item>", "</item>", 2, title) + "</channel></rss>",
			max: 3, entries: 9, titles: []string{"t0", "t1", "t2"}, feed: "After",
		},
		{
			name: "rss under the bound is unchanged",
			doc:  "<rss version=\"2.0\"><channel><title>F</title>" + repeatItems("<item>", "</item>", 3, title) + "</channel></rss>",
			max:  3, entries: 3, titles: []string{"t0", "t1", "t2"}, feed: "F",
		},
		{
			name: "empty self-closed items",
			doc:  "<rss version=\"2.0\"><channel><title>F</title>" + strings.Repeat("<item/>", 10000) + "</channel></rss>",
			max:  2, entries: 10000, titles: []string{"", ""}, feed: "F",
		},
		{
			name: "rdf items beside the channel",
			doc: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel>` +
				repeatItems("<item>", "</item>", 5, title) + "</rdf:RDF>",
			max: 2, entries: 5, titles: []string{"t0", "t1"}, feed: "R",
		},
		{
			name: "atom entries, nested item elements are not entries",
			doc: `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>` +
				repeatItems("<entry>", "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><item>x</item></div></content></entry>", 6, atomBody) + "</feed>",
			max: 4, entries: 6, titles: []string{"t0", "t1", "t2", "t3"}, feed: "A",
		},
		{
			name: "rss broken after the bound: cut and closed",
			doc:  "<rss version=\"2.0\"><channel><title>F</title>" + repeatItems("<item>", "</item>", 4, title) + "<item><title>x</ti",
			max:  2, entries: 5, titles: []string{"t0", "t1"}, feed: "F",
		},
		{
			name: "json feed, keys after the items kept",
			doc: `{"version":"https://jsonfeed.org/version/1.1","items":[` +
				strings.TrimSuffix(repeatItems(`{"id":"`, `"},`, 6, func(i int) string { return fmt.Sprint(i) }), ",\n") +
				`],"title":"J"}`,
			max: 2, entries: 6, titles: []string{"", ""}, feed: "J",
		},
		{
			name: "json feed of empty items",
			doc:  `{"version":"https://jsonfeed.org/version/1","title":"J","items":[` + strings.TrimSuffix(strings.Repeat("{},", 50000), ",") + `]}`,
			max:  3, entries: 50000, titles: []string{"", "", ""}, feed: "J",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			info, err := inspect([]byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			out, tr, err := boundEntries(context.Background(), []byte(c.doc), info.kind, c.max)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := tr.Entries, c.entries; got != want {
				t.Fatalf("entries = %d, want %d", got, want)
			}
			if got, want := tr.Kept, min(c.max, c.entries); got != want {
				t.Fatalf("kept = %d, want %d", got, want)
			}
			if (tr.String() != "") != (c.entries > c.max) {
				t.Fatalf("truncation note %q for %d entries over %d", tr.String(), c.entries, c.max)
			}
			feed, _, _, err := parseFeed(out, info)
			if err != nil {
				t.Fatalf("parse bounded document: %v\n%s", err, out)
			}
			if got, want := len(feed.Items), len(c.titles); got != want {
				t.Fatalf("parsed %d items, want %d", got, want)
			}
			for i, it := range feed.Items {
				if it.Title != c.titles[i] {
					t.Fatalf("item %d title = %q, want %q", i, it.Title, c.titles[i])
				}
			}
			if feed.Title != c.feed {
				t.Fatalf("feed title = %q, want %q", feed.Title, c.feed)
			}
		})
	}
}

// TestBoundEntriesDeadline: the scan stops when the fetch's deadline has
// passed, with ErrTimeout.
func TestBoundEntriesDeadline(t *testing.T) {
	doc := []byte("<rss><channel>" + strings.Repeat("<item/>", 100) + "</channel></rss>")
	ctx, cancel := context.WithDeadline(context.Background(), time.Unix(1, 0))
	defer cancel()
	if _, _, err := boundEntries(ctx, doc, kindRSS, 5); err == nil || !strings.Contains(err.Error(), ErrTimeout.Error()) {
		t.Fatalf("err = %v, want %v", err, ErrTimeout)
	}
}

// FuzzBoundEntries: any document, any bound: the scan never panics, never
// grows the document, and a bounded document the parser reads holds no
// more entries than the bound.
func FuzzBoundEntries(f *testing.F) {
	f.Add([]byte("<rss><channel><title>x</title>"+strings.Repeat("<item><title>a</title></item>", 5)+"</channel></rss>"), 2)
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id></entry><entry><id>2</id></entry></feed>`), 1)
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{},{},{"id":"x"}],"title":"t"}`), 1)
	f.Add([]byte("<rss><channel><item><title>x</ti"), 1)
	f.Fuzz(func(t *testing.T, doc []byte, max int) {
		max = 1 + abs(max)%8
		info, err := inspect(doc)
		if err != nil {
			return
		}
		out, tr, err := boundEntries(context.Background(), doc, info.kind, max)
		if err != nil {
			t.Fatalf("no deadline, error %v", err)
		}
		if tr.Kept > max || tr.Kept > tr.Entries && tr.Entries > 0 {
			t.Fatalf("kept %d of %d with max %d", tr.Kept, tr.Entries, max)
		}
		if tr.Entries <= max && len(out) != len(doc) {
			t.Fatalf("document within the bound changed: %d -> %d bytes", len(doc), len(out))
		}
		if tr.Entries > max {
			if len(out) > len(doc)+64*8 {
				t.Fatalf("bounded document grew: %d -> %d bytes", len(doc), len(out))
			}
			if feed, _, _, err := parseFeed(out, info); err == nil && len(feed.Items) > max {
				t.Fatalf("bounded document parses to %d items, max %d", len(feed.Items), max)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
