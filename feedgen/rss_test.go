package feedgen

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"
)

type rssDocT struct {
	XMLName xml.Name `xml:"rss"`
	Channel struct {
		Language      string      `xml:"language"`
		LastBuildDate string      `xml:"lastBuildDate"`
		TTL           string      `xml:"ttl"`
		AtomLinks     []atomLinkT `xml:"http://www.w3.org/2005/Atom link"`
		Items         []struct {
			Title    string   `xml:"title"`
			Link     string   `xml:"link"`
			Author   []string `xml:"author"`
			Creators []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Content  string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			GUID     struct {
				IsPermaLink string `xml:"isPermaLink,attr"`
				Text        string `xml:",chardata"`
			} `xml:"guid"`
			PubDate    string   `xml:"pubDate"`
			Categories []string `xml:"category"`
			Enclosures []struct {
				URL    string `xml:"url,attr"`
				Length string `xml:"length,attr"`
				Type   string `xml:"type,attr"`
			} `xml:"enclosure"`
			Source struct {
				URL  string `xml:"url,attr"`
				Text string `xml:",chardata"`
			} `xml:"source"`
		} `xml:"item"`
	} `xml:"channel"`
}

func TestRSSParsesBack(t *testing.T) {
	secs := testSections()
	body, err := RSS(&secs[0], testItems()["politique"], testOptions(), PageLinks{})
	if err != nil {
		t.Fatal(err)
	}
	var doc rssDocT
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	ch := doc.Channel
	if got, want := ch.Language, "fr"; got != want {
		t.Errorf("language = %q, want %q", got, want)
	}
	if got, want := ch.LastBuildDate, "Sat, 14 Mar 2026 19:05:00 +0000"; got != want {
		t.Errorf("lastBuildDate = %q, want %q (newest change)", got, want)
	}
	if got, want := ch.TTL, "15"; got != want {
		t.Errorf("ttl = %q, want %q", got, want)
	}
	if self := linksByRel(ch.AtomLinks, "self"); len(self) != 1 || self[0].Href != "https://news.example/feeds/politique.rss" {
		t.Errorf("atom:link self = %+v", self)
	}
	if hub := linksByRel(ch.AtomLinks, "hub"); len(hub) != 1 {
		t.Errorf("atom:link hub = %+v, want one", hub)
	}
	if got, want := len(ch.Items), 4; got != want {
		t.Fatalf("items = %d, want %d", got, want)
	}
	tests := []struct {
		name      string
		i         int
		permalink string
		creators  []string
		author    []string
	}{
		{"guid is the link", 0, "true", []string{"Marie Dupont", "Jean Martin"}, nil},
		{"tag guid, e-mail author", 1, "false", []string{"Rédaction"}, []string{"redaction@journal.example (Rédaction)"}},
		{"no author: source name", 2, "false", []string{"blog.example"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := ch.Items[tt.i]
			if got := it.GUID.IsPermaLink; got != tt.permalink {
				t.Errorf("isPermaLink = %q, want %q", got, tt.permalink)
			}
			if got, want := it.GUID.Text, testItems()["politique"][tt.i].OutputID(); got != want {
				t.Errorf("guid = %q, want %q", got, want)
			}
			if !slices.Equal(it.Creators, tt.creators) {
				t.Errorf("dc:creator = %q, want %q", it.Creators, tt.creators)
			}
			if !slices.Equal(it.Author, tt.author) {
				t.Errorf("author = %q, want %q", it.Author, tt.author)
			}
			if it.Content == "" {
				t.Error("content:encoded is empty")
			}
		})
	}
	first := ch.Items[0]
	if !strings.Contains(first.Content, "<em>enjeux</em>") || !strings.Contains(first.Content, "Également sur : ") {
		t.Errorf("content:encoded = %q, want the full HTML and the related paragraph", first.Content)
	}
	if got, want := first.PubDate, "Sat, 14 Mar 2026 17:30:00 +0000"; got != want {
		t.Errorf("pubDate = %q, want %q", got, want)
	}
	if got, want := first.Source.URL, "https://agence.example/flux.atom"; got != want {
		t.Errorf("source url = %q, want %q", got, want)
	}
	if want := []string{"Politique", "Lyon"}; !slices.Equal(first.Categories, want) {
		t.Errorf("categories = %q, want %q", first.Categories, want)
	}
	if enc := ch.Items[1].Enclosures; len(enc) != 1 || enc[0].Length != "0" || enc[0].Type != "audio/mpeg" {
		t.Errorf("enclosure of unknown length = %+v, want length 0 and its type", enc)
	}
}

func TestRSSAuthor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Marie Dupont", ""},
		{"marie@example.org", "marie@example.org"},
		{"Marie Dupont <marie@example.org>", "marie@example.org (Marie Dupont)"},
		{"marie@example.org (Marie)", "marie@example.org (Marie)"},
		{"not an @ address", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := rssAuthor(tt.in); got != tt.want {
				t.Errorf("rssAuthor(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
