// Package opml reads subscription lists (OPML 1.0/2.0, as feed readers
// export them) and writes newsdesk's sources back as OPML. It also inserts
// imported sources into a config file as text, so every comment and the
// layout of the rest of the file stay as they were. It does not fetch.
package opml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"newsdesk"
)

// Feed is one subscription of an OPML file.
type Feed struct {
	Title   string
	XMLURL  string
	HTMLURL string
}

type document struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Head    head      `xml:"head"`
	Body    []outline `xml:"body>outline"`
}

type head struct {
	Title string `xml:"title,omitempty"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// ErrNoFeeds is returned when an OPML file lists no feed.
var ErrNoFeeds = errors.New("no feed outlines (xmlUrl) found")

// Parse reads the feeds of an OPML document, in order, nested folders
// included, each URL once. Only http and https URLs are kept.
func Parse(r io.Reader) ([]Feed, error) {
	dec := xml.NewDecoder(io.LimitReader(r, 16<<20))
	dec.Strict = false
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "us-ascii") {
			return in, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q (save the OPML as UTF-8)", label)
	}
	var doc document
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse OPML: %w", err)
	}
	var feeds []Feed
	seen := map[string]bool{}
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" && !seen[u] && isHTTP(u) {
				seen[u] = true
				title := strings.TrimSpace(o.Title)
				if title == "" {
					title = strings.TrimSpace(o.Text)
				}
				feeds = append(feeds, Feed{Title: title, XMLURL: u, HTMLURL: strings.TrimSpace(o.HTMLURL)})
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body)
	if len(feeds) == 0 {
		return nil, ErrNoFeeds
	}
	return feeds, nil
}

func isHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Write writes the sources of every section as OPML 2.0, one folder per
// section, for import into a feed reader or another aggregator.
func Write(w io.Writer, title string, sections []newsdesk.Section) error {
	doc := document{Version: "2.0", Head: head{Title: title}}
	for _, s := range sections {
		folder := outline{Text: s.Title, Title: s.Title}
		for _, src := range s.Sources {
			t := src.Title
			if t == "" {
				t = src.URL
			}
			folder.Outlines = append(folder.Outlines, outline{Text: t, Title: t, Type: "rss", XMLURL: src.URL})
		}
		doc.Body = append(doc.Body, folder)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
