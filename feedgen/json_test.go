package feedgen

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestJSONEmptyItems(t *testing.T) {
	secs := testSections()
	body, err := JSON(&secs[2], nil, testOptions(), PageLinks{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(body, []byte(`"items": []`)) {
		t.Errorf("empty feed lacks \"items\": []:\n%s", body)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatal(err)
	}
	if got, want := string(raw["items"]), "[]"; got != want {
		t.Errorf("items = %s, want %s", got, want)
	}
}

type jsonFeedT struct {
	Version     string `json:"version"`
	Title       string `json:"title"`
	HomePageURL string `json:"home_page_url"`
	FeedURL     string `json:"feed_url"`
	Description string `json:"description"`
	Language    string `json:"language"`
	NextURL     string `json:"next_url"`
	Hubs        []struct {
		Type, URL string
	} `json:"hubs"`
	Items []struct {
		ID            string   `json:"id"`
		URL           string   `json:"url"`
		Title         string   `json:"title"`
		ContentHTML   string   `json:"content_html"`
		Summary       string   `json:"summary"`
		Image         string   `json:"image"`
		DatePublished string   `json:"date_published"`
		DateModified  string   `json:"date_modified"`
		Tags          []string `json:"tags"`
		Authors       []struct {
			Name string `json:"name"`
		} `json:"authors"`
		Attachments []struct {
			URL      string `json:"url"`
			MIMEType string `json:"mime_type"`
			Size     int64  `json:"size_in_bytes"`
		} `json:"attachments"`
		Newsdesk struct {
			Source struct {
				Title   string `json:"title"`
				FeedURL string `json:"feed_url"`
			} `json:"source"`
			AlsoReportedBy []struct {
				Title, URL, Source string
			} `json:"also_reported_by"`
		} `json:"_newsdesk"`
	} `json:"items"`
}

func TestJSONFields(t *testing.T) {
	secs := testSections()
	next := "https://news.example/feeds/politique.json?before=1.0.38"
	body, err := JSON(&secs[0], testItems()["politique"], testOptions(), PageLinks{Next: next})
	if err != nil {
		t.Fatal(err)
	}
	var f jsonFeedT
	if err := json.Unmarshal(body, &f); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, got, want string }{
		{"version", f.Version, "https://jsonfeed.org/version/1.1"},
		{"title", f.Title, "Politique"},
		{"home_page_url", f.HomePageURL, "https://news.example/sections/politique"},
		{"feed_url", f.FeedURL, "https://news.example/feeds/politique.json"},
		{"description", f.Description, "Actualité politique & institutions"},
		{"language", f.Language, "fr"},
		{"next_url", f.NextURL, next},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if len(f.Hubs) != 1 || f.Hubs[0].URL != "https://hub.example/publish" {
		t.Errorf("hubs = %+v", f.Hubs)
	}
	if got, want := len(f.Items), 4; got != want {
		t.Fatalf("items = %d, want %d", got, want)
	}
	it := f.Items[0]
	for _, c := range []struct{ field, got, want string }{
		{"id", it.ID, "https://agence.example/2026/03/municipales-lyon"},
		{"url", it.URL, "https://agence.example/2026/03/municipales-lyon"},
		{"image", it.Image, "https://agence.example/img/lyon.jpg"},
		{"date_published", it.DatePublished, "2026-03-14T17:30:00Z"},
		{"date_modified", it.DateModified, "2026-03-14T19:05:00Z"},
		{"summary", it.Summary, "Les candidats <promettent> des débats — rendez-vous dimanche."},
		{"authors[1]", it.Authors[1].Name, "Jean Martin"},
		{"_newsdesk.source.title", it.Newsdesk.Source.Title, "Agence Exemple"},
		{"_newsdesk.source.feed_url", it.Newsdesk.Source.FeedURL, "https://agence.example/flux.atom"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if len(it.Tags) != 2 || it.Tags[0] != "Politique" {
		t.Errorf("tags = %q", it.Tags)
	}
	if len(it.Attachments) != 1 || it.Attachments[0].MIMEType != "image/jpeg" || it.Attachments[0].Size != 48213 {
		t.Errorf("attachments = %+v", it.Attachments)
	}
	if rel := it.Newsdesk.AlsoReportedBy; len(rel) != 2 || rel[0].URL == "" || rel[1].URL != "" {
		t.Errorf("also_reported_by = %+v, want two, only the http one with a url", rel)
	}
	if got := f.Items[1].ID; got != testItems()["politique"][1].OutputID() {
		t.Errorf("tag id = %q", got)
	}
}
