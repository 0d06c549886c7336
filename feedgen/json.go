package feedgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gorilla/feeds"

	"newsdesk"
)

// jsonFeed mirrors feeds.JSONFeed with items always present (gorilla omits
// an empty list, which JSON Feed requires) and without the deprecated
// author fields.
type jsonFeed struct {
	Version     string           `json:"version"`
	Title       string           `json:"title"`
	HomePageURL string           `json:"home_page_url,omitempty"`
	FeedURL     string           `json:"feed_url,omitempty"`
	Description string           `json:"description,omitempty"`
	NextURL     string           `json:"next_url,omitempty"`
	Language    string           `json:"language,omitempty"`
	Authors     []jsonAuthor     `json:"authors,omitempty"`
	Hubs        []*feeds.JSONHub `json:"hubs,omitempty"`
	Items       []*jsonItem      `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

// jsonItem mirrors feeds.JSONItem with several authors, tags, attachments
// (gorilla has none, and a 32-bit size), RFC 3339 dates without fractions,
// and the _newsdesk extension.
type jsonItem struct {
	ID            string           `json:"id"`
	URL           string           `json:"url,omitempty"`
	Title         string           `json:"title,omitempty"`
	ContentHTML   string           `json:"content_html,omitempty"`
	ContentText   string           `json:"content_text,omitempty"`
	Summary       string           `json:"summary,omitempty"`
	Image         string           `json:"image,omitempty"`
	DatePublished string           `json:"date_published,omitempty"`
	DateModified  string           `json:"date_modified,omitempty"`
	Authors       []jsonAuthor     `json:"authors,omitempty"`
	Tags          []string         `json:"tags,omitempty"`
	Language      string           `json:"language,omitempty"`
	Attachments   []jsonAttachment `json:"attachments,omitempty"`
	Newsdesk      *jsonExtension   `json:"_newsdesk,omitempty"`
}

type jsonAttachment struct {
	URL      string `json:"url"`
	MIMEType string `json:"mime_type"`
	Size     int64  `json:"size_in_bytes,omitempty"`
}

// jsonExtension credits the item's source and the other reports of the
// story.
type jsonExtension struct {
	Source         jsonSource    `json:"source"`
	AlsoReportedBy []jsonRelated `json:"also_reported_by,omitempty"`
}

type jsonSource struct {
	Title       string `json:"title"`
	FeedURL     string `json:"feed_url,omitempty"`
	HomePageURL string `json:"home_page_url,omitempty"`
}

type jsonRelated struct {
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
}

// JSON renders the section's items as a JSON Feed 1.1 document. It is safe
// for concurrent use.
func JSON(sec *newsdesk.Section, items []newsdesk.Item, opt Options, page PageLinks) ([]byte, error) {
	f := buildFeed(sec, items, opt, page)
	gf := (&feeds.JSON{Feed: f}).JSONFeed()
	jf := &jsonFeed{
		Version:     gf.Version,
		Title:       gf.Title,
		HomePageURL: gf.HomePageUrl,
		FeedURL:     clean(opt.selfURL(sec, formatJSON, page)),
		Description: gf.Description,
		NextURL:     clean(page.Next),
		Language:    clean(sec.Language),
		Authors:     []jsonAuthor{{Name: f.Author.Name}},
		Items:       make([]*jsonItem, 0, len(items)),
	}
	if opt.Hub != "" {
		jf.Hubs = []*feeds.JSONHub{{Type: "WebSub", Url: clean(opt.Hub)}}
	}
	for i, gi := range gf.Items {
		jf.Items = append(jf.Items, jsonItemFor(gi, &items[i], sec.Language, opt.Redact))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(jf); err != nil {
		return nil, fmt.Errorf("encode json feed: %w", err)
	}
	return buf.Bytes(), nil
}

func jsonItemFor(gi *feeds.JSONItem, it *newsdesk.Item, lang string, red newsdesk.Redactor) *jsonItem {
	ji := &jsonItem{
		ID:           gi.Id,
		Title:        gi.Title,
		ContentHTML:  gi.ContentHTML,
		Summary:      clean(it.Summary), // plain text here, not HTML as in Atom and RSS
		DateModified: rfc3339(itemUpdated(it)),
		Tags:         categories(it),
	}
	if isHTTPURL(gi.Url) {
		ji.URL = gi.Url
	}
	if ji.ContentHTML == "" {
		ji.ContentText = textContent(it)
	}
	if p := itemPublished(it); !p.IsZero() {
		ji.DatePublished = rfc3339(p)
	}
	if img := cleanURL(it.ImageURL); isHTTPURL(img) {
		ji.Image = img
	}
	if l := clean(it.Language); l != "" && !strings.EqualFold(l, lang) {
		ji.Language = l
	}
	for _, a := range itemAuthors(it) {
		name, _ := splitAuthor(a)
		ji.Authors = append(ji.Authors, jsonAuthor{Name: name})
	}
	for _, e := range usableEnclosures(it) {
		ji.Attachments = append(ji.Attachments, jsonAttachment{URL: cleanURL(e.URL), MIMEType: enclosureType(e), Size: max(e.Length, 0)})
	}
	ext := &jsonExtension{Source: jsonSource{Title: sourceName(it)}}
	if isHTTPURL(it.SourceURL) {
		ext.Source.FeedURL = clean(red.URL(it.SourceURL))
	}
	if site := clean(red.URL(it.SourceSite)); isHTTPURL(site) {
		ext.Source.HomePageURL = site
	}
	for _, r := range relatedOf(it) {
		jr := jsonRelated{Title: clean(r.Title), Source: clean(r.SourceTitle)}
		if link := r.Link; link != "" {
			jr.URL = link
		}
		ext.AlsoReportedBy = append(ext.AlsoReportedBy, jr)
	}
	ji.Newsdesk = ext
	return ji
}
