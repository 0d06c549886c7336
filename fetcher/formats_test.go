package fetcher

import (
	"testing"

	"newsdesk"
)

func TestFetchFormats(t *testing.T) {
	tests := []struct {
		file, ct           string
		feedType, version  string
		title, link        string
		items              int
		firstItem, itemURL string
	}{
		{"rss091.xml", "application/rss+xml", "rss", "0.91", "Harbour Notes", "http://127.0.0.1/harbour/", 2,
			"Spring tide on Thursday", "http://127.0.0.1/harbour/spring-tide"},
		{"rss10.rdf", "application/rdf+xml", "rss", "1.0", "Library Bulletin", "http://127.0.0.1/library/", 3,
			"A new atlas of the river valleys", "http://127.0.0.1/library/atlas"},
		{"rss20.xml", "application/rss+xml; charset=utf-8", "rss", "2.0", "Valley Gazette", "http://127.0.0.1/gazette/", 2,
			"Le marché déménage place de l’Église", "http://127.0.0.1/gazette/marche"},
		{"atom03.xml", "application/atom+xml", "atom", "0.3", "Old Mill Journal", "http://127.0.0.1/mill/", 1,
			"The wheel turns again", "http://127.0.0.1/mill/wheel"},
		{"atom10.xml", "application/atom+xml", "atom", "1.0", "Observatory Log", "http://127.0.0.1/observatory/", 2,
			"Comet visible low in the west", "http://127.0.0.1/observatory/comet"},
		{"jsonfeed10.json", "application/json", "json", "https://jsonfeed.org/version/1", "Bakery Board", "http://127.0.0.1/bakery/", 2,
			"Rye loaves on Tuesdays", "http://127.0.0.1/bakery/rye"},
		{"jsonfeed11.json", "application/feed+json", "json", "https://jsonfeed.org/version/1.1", "Choir Notices", "http://127.0.0.1/choir/", 1,
			"Probe fällt aus", "http://127.0.0.1/choir/probe"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			srv := serve(t, serveBytes(tt.ct, fixture(t, tt.file)))
			res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
			if res.Err != nil {
				t.Fatalf("err = %v", res.Err)
			}
			feed := res.Feed
			if feed.FeedType != tt.feedType || feed.FeedVersion != tt.version {
				t.Errorf("type, version = %q, %q; want %q, %q", feed.FeedType, feed.FeedVersion, tt.feedType, tt.version)
			}
			if feed.Title != tt.title {
				t.Errorf("title = %q, want %q", feed.Title, tt.title)
			}
			if feed.Link != tt.link || res.State.SiteURL != tt.link {
				t.Errorf("link = %q, SiteURL = %q; want %q", feed.Link, res.State.SiteURL, tt.link)
			}
			if len(feed.Items) != tt.items {
				t.Fatalf("items = %d, want %d", len(feed.Items), tt.items)
			}
			if got := feed.Items[0].Title; got != tt.firstItem {
				t.Errorf("first item = %q, want %q", got, tt.firstItem)
			}
			if got := feed.Items[0].Link; got != tt.itemURL {
				t.Errorf("first item link = %q, want %q", got, tt.itemURL)
			}
		})
	}
}
