package feedgen

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// TestPagingWalkHTTP follows rel="next" (Atom, RSS) and next_url (JSON)
// from the first page of a capped section, through the cursor encoding:
// every item once, whatever the limit.
func TestPagingWalkHTTP(t *testing.T) {
	var items []newsdesk.Item
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := range 40 {
		src := fmt.Sprintf("https://src%d.example/feed", min(i%7, 2)) // src2 takes most
		items = append(items, newsdesk.Item{ID: int64(i + 1), Title: fmt.Sprint("Item ", i+1), Link: fmt.Sprintf("https://example.org/%d", i+1),
			SourceURL: src, SortAt: t0.Add(-time.Duration(i/3) * time.Hour), ModifiedAt: t0})
	}
	store := pagingStore(func() map[string][]newsdesk.Item { return map[string][]newsdesk.Item{"politique": items} })
	ts := newTestServer(t, store, nil)
	for _, limit := range []int{3, 7, 50} {
		store.perSource = newsdesk.PerSource(0.5, limit)
		for _, format := range []string{"json", "atom", "rss"} {
			seen := map[string]int{}
			url := fmt.Sprintf("%s/feeds/politique.%s?limit=%d", ts.srv.URL, format, limit)
			for pages := 0; url != ""; pages++ {
				if pages > 60 {
					t.Fatalf("%s limit %d: no end", format, limit)
				}
				resp, err := http.Get(url)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					t.Fatalf("%s: %d %s", url, resp.StatusCode, body)
				}
				var links []string
				url, links = pageOf(t, format, body)
				for _, l := range links {
					seen[l]++
				}
			}
			for _, it := range items {
				if seen[it.Link] != 1 {
					t.Errorf("%s limit %d: %s seen %d times", format, limit, it.Link, seen[it.Link])
				}
			}
		}
	}
}

// pageOf returns the next page's URL and the item links of a feed page.
func pageOf(t *testing.T, format string, body []byte) (string, []string) {
	t.Helper()
	var links []string
	switch format {
	case "json":
		var f struct {
			NextURL string `json:"next_url"`
			Items   []struct {
				URL string `json:"url"`
			} `json:"items"`
		}
		if err := json.Unmarshal(body, &f); err != nil {
			t.Fatal(err)
		}
		for _, it := range f.Items {
			links = append(links, it.URL)
		}
		return f.NextURL, links
	case "atom":
		var f struct {
			Links []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Entries []struct {
				Links []struct {
					Rel  string `xml:"rel,attr"`
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(body, &f); err != nil {
			t.Fatal(err)
		}
		next := ""
		for _, l := range f.Links {
			if l.Rel == "next" {
				next = l.Href
			}
		}
		for _, e := range f.Entries {
			for _, l := range e.Links {
				if l.Rel == "alternate" || l.Rel == "" {
					links = append(links, l.Href)
				}
			}
		}
		return next, links
	default:
		var f struct {
			Channel struct {
				Links []struct {
					Rel  string `xml:"rel,attr"`
					Href string `xml:"href,attr"`
				} `xml:"http://www.w3.org/2005/Atom link"`
				Items []struct {
					Link string `xml:"link"`
				} `xml:"item"`
			} `xml:"channel"`
		}
		if err := xml.Unmarshal(body, &f); err != nil {
			t.Fatal(err)
		}
		next := ""
		for _, l := range f.Channel.Links {
			if l.Rel == "next" {
				next = l.Href
			}
		}
		for _, it := range f.Channel.Items {
			links = append(links, strings.TrimSpace(it.Link))
		}
		return next, links
	}
}
