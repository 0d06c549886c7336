package normalize

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"newsdesk"
)

func tp(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestDates(t *testing.T) {
	now := time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)
	dcExt := func(s string) ext.Extensions {
		return ext.Extensions{"dc": {"date": {{Name: "date", Value: s}}}}
	}
	tests := []struct {
		name          string
		item          gofeed.Item
		now           time.Time
		wantPublished string // RFC3339, "" for zero
		wantUpdated   string
	}{
		{"published in utc", gofeed.Item{PublishedParsed: tp("2026-03-01T10:00:00+02:00")}, now, "2026-03-01T08:00:00Z", ""},
		{"updated kept", gofeed.Item{PublishedParsed: tp("2026-03-01T10:00:00Z"), UpdatedParsed: tp("2026-03-02T10:00:00Z")}, now, "2026-03-01T10:00:00Z", "2026-03-02T10:00:00Z"},
		{"updated when no published", gofeed.Item{UpdatedParsed: tp("2026-03-02T10:00:00-05:00")}, now, "2026-03-02T15:00:00Z", "2026-03-02T15:00:00Z"},
		{"dc date from atom extension", gofeed.Item{Extensions: dcExt("2026-02-28T09:00:00+01:00")}, now, "2026-02-28T08:00:00Z", ""},
		{"dc date from dublin core", gofeed.Item{DublinCoreExt: &ext.DublinCoreExtension{Date: []string{"2026-02-27"}}}, now, "2026-02-27T00:00:00Z", ""},
		{"none", gofeed.Item{}, now, "", ""},
		{"future beyond a day", gofeed.Item{PublishedParsed: tp("2026-03-04T12:00:01Z")}, now, "", ""},
		{"future within a day", gofeed.Item{PublishedParsed: tp("2026-03-04T11:00:00Z")}, now, "2026-03-04T11:00:00Z", ""},
		{"before 1990", gofeed.Item{PublishedParsed: tp("1970-01-01T00:00:00Z")}, now, "", ""},
		{"epoch falls back to updated", gofeed.Item{PublishedParsed: tp("1970-01-01T00:00:00Z"), UpdatedParsed: tp("2026-01-05T00:00:00Z")}, now, "2026-01-05T00:00:00Z", "2026-01-05T00:00:00Z"},
		{"zero now skips future check", gofeed.Item{PublishedParsed: tp("2040-01-01T00:00:00Z")}, time.Time{}, "2040-01-01T00:00:00Z", ""},
	}
	format := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		if t.Location() != time.UTC {
			return "not utc: " + t.String()
		}
		return t.Format(time.RFC3339)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub, upd := dates(&tt.item, tt.now)
			if got := format(pub); got != tt.wantPublished {
				t.Errorf("published = %q, want %q", got, tt.wantPublished)
			}
			if got := format(upd); got != tt.wantUpdated {
				t.Errorf("updated = %q, want %q", got, tt.wantUpdated)
			}
		})
	}
}

func TestAuthorsAndCategories(t *testing.T) {
	feed := &gofeed.Feed{Authors: []*gofeed.Person{{Name: "La Rédaction"}}}
	tests := []struct {
		name string
		item gofeed.Item
		want []string
	}{
		{"item authors folded and deduplicated", gofeed.Item{Authors: []*gofeed.Person{{Name: " Julie\u00a0 Bernard "}, {Name: "JULIE BERNARD"}, {Name: "Marc Petit"}}}, []string{"Julie Bernard", "Marc Petit"}},
		{"email when no name", gofeed.Item{Authors: []*gofeed.Person{{Email: "a@127.0.0.1"}}}, []string{"a@127.0.0.1"}},
		{"feed authors when none", gofeed.Item{}, []string{"La Rédaction"}},
		{"dc creator from atom extension", gofeed.Item{Extensions: ext.Extensions{"dc": {"creator": {{Value: "Ann Lee"}}}}}, []string{"Ann Lee"}},
		{"entities decoded", gofeed.Item{Authors: []*gofeed.Person{{Name: "Smith &amp; Co"}}}, []string{"Smith & Co"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := authors(&tt.item, feed); !slices.Equal(got, tt.want) {
				t.Errorf("authors = %q, want %q", got, tt.want)
			}
		})
	}
	got := dedupe([]string{" Politique ", "politique", "Économie", "", "ÉCONOMIE", "Sport\n  local"})
	want := []string{"Politique", "Économie", "Sport local"}
	if !slices.Equal(got, want) {
		t.Errorf("categories = %q, want %q", got, want)
	}
}

func TestItemLanguage(t *testing.T) {
	tests := []struct {
		name string
		item gofeed.Item
		feed gofeed.Feed
		want string
	}{
		{"feed language", gofeed.Item{}, gofeed.Feed{Language: "fr"}, "fr"},
		{"feed language canonical case", gofeed.Item{}, gofeed.Feed{Language: "en-us"}, "en-US"},
		{"underscore", gofeed.Item{}, gofeed.Feed{Language: "fr_CA"}, "fr-CA"},
		{"item dc language wins", gofeed.Item{DublinCoreExt: &ext.DublinCoreExtension{Language: []string{"de"}}}, gofeed.Feed{Language: "fr"}, "de"},
		{"item dc extension wins", gofeed.Item{Extensions: ext.Extensions{"dc": {"language": {{Value: "it"}}}}}, gofeed.Feed{Language: "fr"}, "it"},
		{"unparseable kept", gofeed.Item{}, gofeed.Feed{Language: "français"}, "français"},
		{"none", gofeed.Item{}, gofeed.Feed{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := itemLanguage(&tt.item, &tt.feed); got != tt.want {
				t.Errorf("language = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestImageURL(t *testing.T) {
	media := func(kind string, attrs map[string]string) ext.Extensions {
		return ext.Extensions{"media": {kind: {{Name: kind, Attrs: attrs}}}}
	}
	tests := []struct {
		name string
		item gofeed.Item
		want string
	}{
		{"image enclosure first", gofeed.Item{
			Enclosures: []*gofeed.Enclosure{{URL: "/a.mp3", Type: "audio/mpeg"}, {URL: "/e.jpg", Type: "image/jpeg"}},
			Extensions: media("thumbnail", map[string]string{"url": "/t.jpg"}),
		}, "http://127.0.0.1/e.jpg"},
		{"media content image", gofeed.Item{Extensions: media("content", map[string]string{"url": "/m.jpg", "medium": "image"})}, "http://127.0.0.1/m.jpg"},
		{"media content video skipped for thumbnail", gofeed.Item{Extensions: ext.Extensions{"media": {
			"content":   {{Attrs: map[string]string{"url": "/v.mp4", "type": "video/mp4"}}},
			"thumbnail": {{Attrs: map[string]string{"url": "/t.jpg"}}},
		}}}, "http://127.0.0.1/t.jpg"},
		{"media group", gofeed.Item{Extensions: ext.Extensions{"media": {"group": {{Children: map[string][]ext.Extension{
			"content": {{Attrs: map[string]string{"url": "/g.png"}}},
		}}}}}}, "http://127.0.0.1/g.png"},
		{"item image", gofeed.Item{Image: &gofeed.Image{URL: "/i.jpg"}}, "http://127.0.0.1/i.jpg"},
		{"item image that is a pixel skipped", gofeed.Item{Image: &gofeed.Image{URL: "/px.gif"}, Content: `<img src="/px.gif" width="1" height="1"><p>t<img src="/real.jpg"></p>`}, "http://127.0.0.1/real.jpg"},
		{"first content image", gofeed.Item{Content: `<p>t<img src="/c.jpg"><img src="/d.jpg"></p>`}, "http://127.0.0.1/c.jpg"},
		{"javascript image refused", gofeed.Item{Image: &gofeed.Image{URL: "javascript:alert(1)"}}, ""},
		{"none", gofeed.Item{Content: "<p>text</p>"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.item.Title = "t"
			res := Feed(&gofeed.Feed{Link: "http://127.0.0.1/", Items: []*gofeed.Item{&tt.item}}, Options{})
			if len(res.Items) != 1 {
				t.Fatalf("got %d items, want 1", len(res.Items))
			}
			if got := res.Items[0].ImageURL; got != tt.want {
				t.Errorf("ImageURL = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEnclosures(t *testing.T) {
	it := &gofeed.Item{Enclosures: []*gofeed.Enclosure{
		{URL: "/ep1.mp3?utm_source=pod", Type: " Audio/MPEG ", Length: "1234"},
		{URL: "http://127.0.0.1/ep1.mp3", Type: "audio/mpeg", Length: "99"},
		{URL: "javascript:alert(1)", Type: "audio/mpeg"},
		{URL: "", Type: "audio/mpeg"},
		{URL: "/ep2.ogg", Type: "audio/ogg", Length: "-5"},
		{URL: "/ep3.ogg", Type: "audio/ogg", Length: "lots"},
	}}
	got := enclosures(it, newResolver(parseBase("http://127.0.0.1/"), newTracker(nil)))
	want := []newsdesk.Enclosure{
		{URL: "http://127.0.0.1/ep1.mp3", Type: "audio/mpeg", Length: 1234},
		{URL: "http://127.0.0.1/ep2.ogg", Type: "audio/ogg"},
		{URL: "http://127.0.0.1/ep3.ogg", Type: "audio/ogg"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("enclosures = %+v, want %+v", got, want)
	}
}

func TestIdentity(t *testing.T) {
	f := &gofeed.Feed{Link: "http://127.0.0.1/", Items: []*gofeed.Item{
		{Title: "A", GUID: "  guid-a  ", Link: "/a"},
		{Title: "B", Link: "/b?utm_source=x"},
		{Title: "C", Content: "<p>Only text.</p>"},
		{Title: "D1", GUID: "shared", Link: "/d1"},
		{Title: "D2", GUID: "shared", Link: "/d2"},
		{Title: "E1", GUID: "same", Link: "/e"},
		{Title: "E2", GUID: "same", Link: "/e"},
		{Title: "F", GUID: "http://127.0.0.1/permalink/f"},
		{Title: "G", GUID: "twice", Link: "/g", Content: "<p>Listed twice.</p>"},
		{Title: "G", GUID: "twice", Link: "/g", Content: "<p>Listed twice.</p>"},
		{Title: "I1", GUID: "constant", Content: "<p>Strike on line 4.</p>"},
		{Title: "I2", GUID: "constant", Content: "<p>Line 7 reopens.</p>"},
		{Title: "H1", Link: "/alerts", Content: "<p>First alert.</p>"},
		{Title: "H2", Link: "/alerts", Content: "<p>Second alert.</p>"},
	}}
	res := Feed(f, Options{SourceURL: "http://127.0.0.1/feed"})
	keys := map[string]string{}
	for _, it := range res.Items {
		keys[it.Title] = it.Key
	}
	tests := []struct{ title, want string }{
		{"A", "guid:guid-a"},
		{"B", "link:http://127.0.0.1/b"},
		{"C", hashKey("C", "Only text.")},
		{"D1", "link:http://127.0.0.1/d1"},
		{"D2", "link:http://127.0.0.1/d2"},
		// One guid and one link, no text: one item, retitled.
		{"E1", "guid:same"},
		{"F", "guid:http://127.0.0.1/permalink/f"},
		{"G", "guid:twice"},
		// A constant guid, no link, different titles and texts.
		{"I1", hashKey("I1", "Strike on line 4.")},
		{"I2", hashKey("I2", "Line 7 reopens.")},
		// No guid, and the section's page as every item's link.
		{"H1", hashKey("H1", "First alert.")},
		{"H2", hashKey("H2", "Second alert.")},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := keys[tt.title]; got != tt.want {
				t.Errorf("key of %s = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
	if n := len(res.Items); n != 12 {
		t.Errorf("%d items kept, want 12: E2 (E1 retitled) and the second G (listed twice) are dropped", n)
	}
	if got := itemByTitle(t, res, "F").Link; got != "http://127.0.0.1/permalink/f" {
		t.Errorf("link of F (permalink guid) = %q", got)
	}
	if got := itemByTitle(t, res, "A").SourceURL; got != "http://127.0.0.1/feed" {
		t.Errorf("SourceURL = %q", got)
	}
	joined := strings.Join(res.Warnings, "\n")
	if !strings.Contains(joined, `guid "shared"`) {
		t.Errorf("warnings %q do not name the reused guid", res.Warnings)
	}
	for _, want := range []string{`guid "constant"`, `link "http://127.0.0.1/alerts"`, `2 items dropped`, `"guid:same"`} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings %q do not name %s", res.Warnings, want)
		}
	}
	if strings.Contains(joined, `guid "same" is used`) {
		t.Errorf("warnings %q give up a guid whose items are one item retitled", res.Warnings)
	}
}

func hashKey(title, plain string) string {
	it := newsdesk.Item{Title: title}
	return identityKey(&it, plain, 0)
}

func TestContentHash(t *testing.T) {
	base := newsdesk.Item{
		Title: "T", Link: "http://127.0.0.1/a", ContentHTML: "<p>c</p>", Summary: "c",
		Authors: []string{"A"}, Categories: []string{"K"},
		Enclosures: []newsdesk.Enclosure{{URL: "http://127.0.0.1/e.mp3", Type: "audio/mpeg", Length: 1}},
	}
	h0 := contentHash(&base)
	if len(h0) != 64 {
		t.Fatalf("hash %q is not hex sha256", h0)
	}
	same := base
	same.Published = time.Now() // not a field a reader sees in the hash
	if got := contentHash(&same); got != h0 {
		t.Errorf("hash changed with the published date")
	}
	changes := map[string]func(*newsdesk.Item){
		"title":      func(it *newsdesk.Item) { it.Title = "T2" },
		"link":       func(it *newsdesk.Item) { it.Link = "http://127.0.0.1/b" },
		"content":    func(it *newsdesk.Item) { it.ContentHTML = "<p>d</p>" },
		"summary":    func(it *newsdesk.Item) { it.Summary = "d" },
		"authors":    func(it *newsdesk.Item) { it.Authors = []string{"B"} },
		"categories": func(it *newsdesk.Item) { it.Categories = []string{"K", "L"} },
		"enclosures": func(it *newsdesk.Item) { it.Enclosures = nil },
		"field shift": func(it *newsdesk.Item) {
			it.Title, it.Link = "T"+"http://127.0.0.1/a", ""
		},
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			it := base
			change(&it)
			if got := contentHash(&it); got == h0 {
				t.Errorf("hash unchanged after changing %s", name)
			}
		})
	}
}

func TestItemWithoutAnythingSkipped(t *testing.T) {
	res := Feed(&gofeed.Feed{Items: []*gofeed.Item{{Title: "  ", Content: "<script>x</script>"}, {Title: "Kept"}}}, Options{})
	if len(res.Items) != 1 || res.Items[0].Title != "Kept" {
		t.Fatalf("items = %+v, want only Kept", res.Items)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "item 1") {
		t.Errorf("warnings = %q, want one naming item 1", res.Warnings)
	}
}
