package feedgen

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/gorilla/feeds"

	"newsdesk"
)

// atomFeed mirrors feeds.AtomFeed with what gorilla leaves out: xml:lang,
// several links (self, alternate, hub, next), generator, and entries that
// carry categories, published dates and sources.
type atomFeed struct {
	XMLName   xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string   `xml:"xml:lang,attr,omitempty"`
	ID        string   `xml:"id"`
	Title     string   `xml:"title"`
	Subtitle  string   `xml:"subtitle,omitempty"`
	Updated   string   `xml:"updated"`
	Links     []atomLink
	Author    *feeds.AtomAuthor
	Generator *atomGenerator
	Entries   []*atomEntry
}

type atomGenerator struct {
	XMLName xml.Name `xml:"generator"`
	Text    string   `xml:",chardata"`
}

// atomLink is feeds.AtomLink with a title attribute and length omitted
// when unknown.
type atomLink struct {
	XMLName xml.Name `xml:"link"`
	Href    string   `xml:"href,attr"`
	Rel     string   `xml:"rel,attr,omitempty"`
	Type    string   `xml:"type,attr,omitempty"`
	Title   string   `xml:"title,attr,omitempty"`
	Length  string   `xml:"length,attr,omitempty"`
}

type atomCategory struct {
	XMLName xml.Name `xml:"category"`
	Term    string   `xml:"term,attr"`
}

type atomSource struct {
	XMLName xml.Name `xml:"source"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title,omitempty"`
	Links   []atomLink
}

type atomEntry struct {
	XMLName    xml.Name `xml:"entry"`
	ID         string   `xml:"id"`
	Title      string   `xml:"title"`
	Updated    string   `xml:"updated"`
	Published  string   `xml:"published,omitempty"`
	Authors    []*feeds.AtomAuthor
	Links      []atomLink
	Categories []atomCategory
	Summary    *feeds.AtomSummary
	Content    *feeds.AtomContent
	Source     *atomSource
}

// Atom renders the section's items as an Atom 1.0 document (RFC 4287),
// with an RFC 5005 rel="next" link when page.Next is set. It is safe for
// concurrent use.
func Atom(sec *newsdesk.Section, items []newsdesk.Item, opt Options, page PageLinks) ([]byte, error) {
	f := buildFeed(sec, items, opt, page)
	gf := (&feeds.Atom{Feed: f}).AtomFeed()
	af := &atomFeed{
		Lang:      clean(sec.Language),
		ID:        f.Id, // gorilla uses the alternate link as id
		Title:     gf.Title,
		Subtitle:  gf.Subtitle,
		Updated:   rfc3339(f.Updated),
		Author:    gf.Author,
		Generator: &atomGenerator{Text: clean(opt.generator())},
		Links: []atomLink{
			{Href: clean(opt.selfURL(sec, formatAtom, page)), Rel: "self", Type: "application/atom+xml"},
			{Href: f.Link.Href, Rel: "alternate", Type: "text/html"},
		},
	}
	if opt.Hub != "" {
		af.Links = append(af.Links, atomLink{Href: clean(opt.Hub), Rel: "hub"})
	}
	if page.Next != "" {
		af.Links = append(af.Links, atomLink{Href: clean(page.Next), Rel: "next", Type: "application/atom+xml"})
	}
	for i, ge := range gf.Entries {
		af.Entries = append(af.Entries, atomEntryFor(ge, &items[i], opt.Redact))
	}
	return marshalXML(af, opt)
}

// atomEntryFor corrects gorilla's entry: its updated date falls back to
// the creation date, it drops published, keeps one author and one
// enclosure, writes an empty alternate link when the item has none, and
// has no categories, related links or source.
func atomEntryFor(ge *feeds.AtomEntry, it *newsdesk.Item, red newsdesk.Redactor) *atomEntry {
	e := &atomEntry{
		ID:      ge.Id,
		Title:   ge.Title,
		Updated: rfc3339(itemUpdated(it)),
		Summary: ge.Summary,
		Content: ge.Content,
	}
	if p := itemPublished(it); !p.IsZero() {
		e.Published = rfc3339(p)
	}
	for _, a := range itemAuthors(it) {
		name, email := splitAuthor(a)
		e.Authors = append(e.Authors, &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: name, Email: email}})
	}
	for _, l := range ge.Links {
		if l.Rel == "alternate" && l.Href != "" {
			e.Links = append(e.Links, atomLink{Href: l.Href, Rel: "alternate", Type: "text/html"})
		}
	}
	for _, enc := range usableEnclosures(it) {
		l := atomLink{Href: cleanURL(enc.URL), Rel: "enclosure", Type: enclosureType(enc)}
		if enc.Length > 0 {
			l.Length = strconv.FormatInt(enc.Length, 10)
		}
		e.Links = append(e.Links, l)
	}
	for _, r := range relatedOf(it) {
		if link := r.Link; link != "" {
			e.Links = append(e.Links, atomLink{Href: link, Rel: "related", Title: clean(r.Title)})
		}
	}
	for _, c := range categories(it) {
		e.Categories = append(e.Categories, atomCategory{Term: c})
	}
	if isHTTPURL(it.SourceURL) {
		src := &atomSource{ID: clean(red.URL(it.SourceURL)), Title: sourceName(it)}
		src.Links = append(src.Links, atomLink{Href: clean(red.URL(it.SourceURL)), Rel: "self"})
		if site := clean(red.URL(it.SourceSite)); isHTTPURL(site) {
			src.Links = append(src.Links, atomLink{Href: site, Rel: "alternate", Type: "text/html"})
		}
		e.Source = src
	}
	return e
}

// marshalXML writes the XML declaration, the stylesheet processing
// instruction and v, indented.
func marshalXML(v any, opt Options) ([]byte, error) {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	style := `type="text/xsl" href="` + xmlAttr(opt.stylesheetURL()) + `"`
	for _, tok := range []xml.Token{
		xml.ProcInst{Target: "xml", Inst: []byte(`version="1.0" encoding="UTF-8"`)},
		xml.CharData("\n"),
		xml.ProcInst{Target: "xml-stylesheet", Inst: []byte(style)},
		xml.CharData("\n"),
	} {
		if err := enc.EncodeToken(tok); err != nil {
			return nil, fmt.Errorf("encode prolog: %w", err)
		}
	}
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode xml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// xmlAttr escapes s for a double-quoted pseudo-attribute of a processing
// instruction; escaping '>' also keeps "?>" out of it.
func xmlAttr(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(clean(s))) // a bytes.Buffer never fails
	return b.String()
}
