package feedgen

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"newsdesk"
)

type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    opmlHead `xml:"head"`
	Body    opmlBody `xml:"body"`
}

type opmlHead struct {
	Title string `xml:"title"`
	Docs  string `xml:"docs"`
}

type opmlBody struct {
	Outlines []opmlOutline `xml:"outline"`
}

type opmlOutline struct {
	Type        string `xml:"type,attr"`
	Text        string `xml:"text,attr"`
	Title       string `xml:"title,attr"`
	Description string `xml:"description,attr,omitempty"`
	Language    string `xml:"language,attr,omitempty"`
	XMLURL      string `xml:"xmlUrl,attr"`
	HTMLURL     string `xml:"htmlUrl,attr"`
}

// OPML renders an OPML 2.0 subscription list with one outline per section,
// pointing at the section's Atom feed so that importing it subscribes once
// to every section. It is safe for concurrent use.
func OPML(sections []newsdesk.Section, opt Options) ([]byte, error) {
	doc := opmlDoc{
		Version: "2.0",
		Head:    opmlHead{Title: "newsdesk", Docs: "http://opml.org/spec2.opml"},
	}
	for i := range sections {
		sec := &sections[i]
		doc.Body.Outlines = append(doc.Body.Outlines, opmlOutline{
			Type:        "rss", // OPML's type for any subscription
			Text:        sectionTitle(sec),
			Title:       sectionTitle(sec),
			Description: clean(sec.Description),
			Language:    clean(sec.Language),
			XMLURL:      opt.feedURL(sec.ID, formatAtom),
			HTMLURL:     opt.sectionURL(sec.ID),
		})
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encode opml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
