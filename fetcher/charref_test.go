package fetcher

import "testing"

func TestDropIllegalRefs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<title>a&#x8;b</title>", "<title>ab</title>"},
		{"<title>a&#8;b&#0;c&#xFFFE;d&#xD800;e&#1114112;</title>", "<title>abcde</title>"},
		{"<title>&#233;&#xE9;&#x9;&#10;&amp;&#;&#x;&#xZZ;</title>", "<title>&#233;&#xE9;&#x9;&#10;&amp;&#;&#x;&#xZZ;</title>"},
		{"no refs", "no refs"},
	}
	for _, tt := range tests {
		if got := string(dropIllegalRefs([]byte(tt.in))); got != tt.want {
			t.Errorf("dropIllegalRefs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The whole feed parses, its items kept.
	doc := "<rss version=\"2.0\"><channel><title>F</title><item><title>bad&#x8;title</title><link>http://127.0.0.1/1</link></item>" +
		"<item><title>good</title><link>http://127.0.0.1/2</link></item></channel></rss>"
	dec, err := DecodeCharset([]byte(doc), "application/rss+xml")
	if err != nil {
		t.Fatal(err)
	}
	info, _ := inspect(dec)
	feed, _, _, err := parseFeed(dec, info)
	if err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 2 || feed.Items[0].Title != "badtitle" {
		t.Fatalf("items %d, first title %q", len(feed.Items), feed.Items[0].Title)
	}
}
