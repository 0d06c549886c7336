package feedgen

import (
	"encoding/xml"
	"strconv"
	"time"

	"github.com/gorilla/feeds"

	"newsdesk"
)

// Namespaces declared on <rss>.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
)

// rssDoc is feeds.RssFeedXml with the atom and dc namespaces declared.
type rssDoc struct {
	XMLName   xml.Name `xml:"rss"`
	Version   string   `xml:"version,attr"`
	NSAtom    string   `xml:"xmlns:atom,attr"`
	NSContent string   `xml:"xmlns:content,attr"`
	NSDC      string   `xml:"xmlns:dc,attr"`
	Channel   *rssChannel
}

// rssChannel mirrors feeds.RssFeed without its invalid managingEditor
// (" (name)" when there is no e-mail) and with atom:link elements.
type rssChannel struct {
	XMLName       xml.Name `xml:"channel"`
	Title         string   `xml:"title"`
	Link          string   `xml:"link"`
	Description   string   `xml:"description"`
	Language      string   `xml:"language,omitempty"`
	LastBuildDate string   `xml:"lastBuildDate,omitempty"`
	Generator     string   `xml:"generator,omitempty"`
	TTL           int      `xml:"ttl,omitempty"`
	AtomLinks     []rssAtomLink
	Items         []*rssItem
}

type rssAtomLink struct {
	XMLName xml.Name `xml:"atom:link"`
	Href    string   `xml:"href,attr"`
	Rel     string   `xml:"rel,attr"`
	Type    string   `xml:"type,attr,omitempty"`
}

// rssItem mirrors feeds.RssItem with several categories, creators and
// enclosures, a <source url="…">, an <author> only for e-mail addresses
// and content as escaped text rather than CDATA.
type rssItem struct {
	XMLName     xml.Name `xml:"item"`
	Title       string   `xml:"title"`
	Link        string   `xml:"link,omitempty"`
	Description string   `xml:"description,omitempty"`
	Content     string   `xml:"content:encoded,omitempty"`
	Author      string   `xml:"author,omitempty"`
	Creators    []string `xml:"dc:creator"`
	Categories  []string `xml:"category"`
	Enclosures  []*feeds.RssEnclosure
	GUID        *feeds.RssGuid
	PubDate     string `xml:"pubDate,omitempty"`
	Source      *rssSource
}

type rssSource struct {
	XMLName xml.Name `xml:"source"`
	URL     string   `xml:"url,attr"`
	Title   string   `xml:",chardata"`
}

// RSS renders the section's items as an RSS 2.0 document with the content,
// dc and atom extensions. It is safe for concurrent use.
func RSS(sec *newsdesk.Section, items []newsdesk.Item, opt Options, page PageLinks) ([]byte, error) {
	f := buildFeed(sec, items, opt, page)
	gf := (&feeds.Rss{Feed: f}).RssFeed()
	ch := &rssChannel{
		Title:       gf.Title,
		Link:        gf.Link,
		Description: sectionDescription(sec),
		Language:    clean(sec.Language),
		Generator:   clean(opt.generator()),
		TTL:         ttlMinutes(opt.MaxAge),
		AtomLinks: []rssAtomLink{
			{Href: clean(opt.selfURL(sec, formatRSS, page)), Rel: "self", Type: "application/rss+xml"},
		},
	}
	if t := newestChange(items); !t.IsZero() {
		ch.LastBuildDate = rfc822(t)
	} else if !page.Changed.IsZero() {
		ch.LastBuildDate = rfc822(page.Changed)
	}
	if opt.Hub != "" {
		ch.AtomLinks = append(ch.AtomLinks, rssAtomLink{Href: clean(opt.Hub), Rel: "hub"})
	}
	if page.Next != "" {
		ch.AtomLinks = append(ch.AtomLinks, rssAtomLink{Href: clean(page.Next), Rel: "next", Type: "application/rss+xml"})
	}
	for i, gi := range gf.Items {
		ch.Items = append(ch.Items, rssItemFor(gi, &items[i]))
	}
	doc := &rssDoc{Version: "2.0", NSAtom: nsAtom, NSContent: nsContent, NSDC: nsDC, Channel: ch}
	return marshalXML(doc, opt)
}

// rssItemFor corrects gorilla's item: it writes the author's name in
// <author>, a bare URL as <source>, one category and one enclosure, and
// dates in the zone of the input.
func rssItemFor(gi *feeds.RssItem, it *newsdesk.Item) *rssItem {
	ri := &rssItem{
		Title:       gi.Title,
		Link:        gi.Link,
		Description: gi.Description,
		GUID:        gi.Guid,
		Categories:  categories(it),
	}
	if gi.Content != nil {
		ri.Content = gi.Content.Content
	}
	if p := itemPublished(it); !p.IsZero() {
		ri.PubDate = rfc822(p)
	}
	authors := itemAuthors(it)
	for _, a := range authors {
		name, _ := splitAuthor(a)
		ri.Creators = append(ri.Creators, name)
	}
	if len(authors) == 1 {
		ri.Author = rssAuthor(authors[0])
	}
	for _, e := range usableEnclosures(it) {
		ri.Enclosures = append(ri.Enclosures, &feeds.RssEnclosure{
			Url: cleanURL(e.URL), Type: enclosureType(e), Length: strconv.FormatInt(max(e.Length, 0), 10),
		})
	}
	if gi.Source != "" {
		ri.Source = &rssSource{URL: gi.Source, Title: sourceName(it)}
	}
	return ri
}

// rfc822 formats t for RSS, in UTC with a numeric zone.
func rfc822(t time.Time) string { return t.UTC().Format(time.RFC1123Z) }

// ttlMinutes is MaxAge in whole minutes, rounded up; 0 omits <ttl>.
func ttlMinutes(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	return int((d + time.Minute - 1) / time.Minute)
}
