package normalize

import (
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// TestItemLinks covers the link rules of issue 12 (rule 2) and 13: links
// that differ by a fragment are different items unless the fragment only
// tracks; an empty link is no link (never the feed's own URL); links are
// published in their cleaned form.
func TestItemLinks(t *testing.T) {
	doc := `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://127.0.0.1/blog/"><title>x</title>
<link href="http://127.0.0.1/blog/"/><link rel="self" href="http://127.0.0.1/feed.atom"/>
<entry><title>Part one</title><link href="http://127.0.0.1/blog/post#part-1"/></entry>
<entry><title>Part two</title><link href="http://127.0.0.1/blog/post#part-2"/></entry>
<entry><title>Tracked</title><link href="http://127.0.0.1/blog/other#xtor=RSS-3"/></entry>
<entry><title>Tracked again</title><link href="http://127.0.0.1/blog/other#utm_source=feed"/></entry>
<entry><title>Empty href</title><link href=""/></entry>
<entry><title>Self link</title><link href="http://127.0.0.1/feed.atom"/></entry>
<entry><title>Shouting</title><link href="HTTP://QUOTIDIEN.test:80/Une/Page?utm_medium=rss&amp;id=4"/></entry>
</feed>`
	f, err := gofeed.NewParser().Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	res := Feed(f, Options{FeedURL: "http://127.0.0.1/feed.atom", Now: fetchTime})
	tests := []struct{ title, link, canonical string }{
		{"Part one", "http://127.0.0.1/blog/post#part-1", "http://127.0.0.1/blog/post#part-1"},
		{"Part two", "http://127.0.0.1/blog/post#part-2", "http://127.0.0.1/blog/post#part-2"},
		{"Tracked", "http://127.0.0.1/blog/other", "http://127.0.0.1/blog/other"},
		{"Empty href", "", ""},
		{"Self link", "", ""},
		{"Shouting", "http://quotidien.test/Une/Page?id=4", "http://quotidien.test/Une/Page?id=4"},
	}
	for _, tt := range tests {
		it := itemByTitle(t, res, tt.title)
		if it.Link != tt.link || it.CanonicalLink != tt.canonical {
			t.Errorf("%s: link %q canonical %q, want %q %q", tt.title, it.Link, it.CanonicalLink, tt.link, tt.canonical)
		}
	}
	// Without guids, identity falls to the link: the two parts are two
	// items, the two tracked copies one (the second is dropped as a repeat).
	keys := map[string]bool{}
	for _, it := range res.Items {
		keys[it.Key] = true
	}
	if !keys["link:http://127.0.0.1/blog/post#part-1"] || !keys["link:http://127.0.0.1/blog/post#part-2"] {
		t.Errorf("keys = %v, want one per part", keys)
	}
	for _, it := range res.Items {
		if it.Title == "Tracked again" {
			t.Errorf("the tracking-fragment copy was kept as its own item")
		}
	}
}
