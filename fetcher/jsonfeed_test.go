package fetcher

import (
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// TestJSONFeedProducerMistakes: each common mistake loses at most the
// field, never the feed or the item, and is named in the warnings.
func TestJSONFeedProducerMistakes(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		items int
		check func(t *testing.T, res Result)
		warn  string
	}{
		{"tags as a string", `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
			{"id":"1","url":"http://127.0.0.1/1","title":"One","tags":"a, b,,c"},
			{"id":"2","url":"http://127.0.0.1/2","title":"Two","tags":["x",3,{"y":1}]}]}`, 2,
			func(t *testing.T, res Result) {
				if got := strings.Join(res.Feed.Items[0].Categories, "|"); got != "a|b|c" {
					t.Errorf("tags = %q", got)
				}
				if got := strings.Join(res.Feed.Items[1].Categories, "|"); got != "x|3" {
					t.Errorf("tags = %q", got)
				}
			}, "items[].tags: a string instead of a list"},
		{"author as a string", `{"version":"https://jsonfeed.org/version/1","title":"T","author":"Rédaction","items":[
			{"id":"1","title":"One","content_text":"x","author":"Ada Lovelace"},
			{"id":"2","title":"Two","content_text":"y","authors":["Grace", {"name":"Alan"}]}]}`, 2,
			func(t *testing.T, res Result) {
				if a := res.Feed.Items[0].Authors; len(a) == 0 || a[0].Name != "Ada Lovelace" {
					t.Errorf("authors = %+v", a)
				}
				if a := res.Feed.Items[1].Authors; len(a) != 2 || a[0].Name != "Grace" || a[1].Name != "Alan" {
					t.Errorf("authors = %+v", a)
				}
			}, "items[].author: a string, read as a name"},
		{"numeric ids", `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":42,"title":"One","content_text":"x"},{"id":4.5e3,"title":"Two","content_text":"y"}]}`, 2,
			func(t *testing.T, res Result) {
				if g := res.Feed.Items[0].GUID; g != "42" {
					t.Errorf("guid = %q", g)
				}
			}, "items[].id: a number, read as a string (2 times)"},
		{"dates without a time zone", `{"version":"https://jsonfeed.org/version/1.1","items":[
			{"id":"1","title":"One","content_text":"x","date_published":"2026-03-01T10:30:00"},
			{"id":"2","title":"Two","content_text":"y","date_published":"2026-03-02 08:00","date_modified":"2026-03-03"}]}`, 2,
			func(t *testing.T, res Result) {
				if p := res.Feed.Items[0].PublishedParsed; p == nil || !p.Equal(time.Date(2026, 3, 1, 10, 30, 0, 0, time.UTC)) {
					t.Errorf("published = %v", p)
				}
				if p := res.Feed.Items[1].PublishedParsed; p == nil || !p.Equal(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)) {
					t.Errorf("published = %v", p)
				}
			}, "a date without a time zone, read as UTC"},
		{"items missing", `{"version":"https://jsonfeed.org/version/1.1","title":"Empty"}`, 0, nil, "items: missing"},
		{"wrong types lose the field", `{"version":"https://jsonfeed.org/version/1.1","title":["x"],"items":[
			{"id":"1","title":{"a":1},"url":"http://127.0.0.1/1","content_html":"<p>kept</p>","attachments":{"url":"http://127.0.0.1/a.mp3","mime_type":"audio/mpeg","size_in_bytes":"1200"}},
			"not an item",
			{"id":"2","title":"Two","summary":true,"content_text":"y","image":7}]}`, 2,
			func(t *testing.T, res Result) {
				if it := res.Feed.Items[0]; it.Title != "" || it.Content != "<p>kept</p>" || len(it.Enclosures) != 1 || it.Enclosures[0].Length != "1200" {
					t.Errorf("item 1 = title %q content %q enclosures %+v", it.Title, it.Content, it.Enclosures)
				}
			}, "items[].title: not a string, ignored"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, serveBytes("application/feed+json", []byte(tt.body)))
			res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if got := len(res.Feed.Items); got != tt.items {
				t.Fatalf("%d items, want %d", got, tt.items)
			}
			if tt.check != nil {
				tt.check(t, res)
			}
			if !strings.Contains(strings.Join(res.Warnings, "\n"), tt.warn) {
				t.Errorf("warnings = %q, want one containing %q", res.Warnings, tt.warn)
			}
			if res.Partial || res.State.Error != "" {
				t.Errorf("partial %v, state error %q", res.Partial, res.State.Error)
			}
		})
	}
}

// TestJSONFeedWellFormedUntouched: a correct feed is parsed as it is,
// without warnings.
func TestJSONFeedWellFormedUntouched(t *testing.T) {
	body := []byte(`{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","title":"<One>","tags":["a"],"date_published":"2026-03-01T10:30:00+01:00"}]}`)
	out, warnings := repairJSONFeed(body)
	if string(out) != string(body) || warnings != nil {
		t.Errorf("repairJSONFeed changed a correct feed: %s %q", out, warnings)
	}
}
