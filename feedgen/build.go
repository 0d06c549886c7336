package feedgen

import (
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"newsdesk"
)

// buildFeed fills a gorilla feeds.Feed with what all three formats share.
// The format renderers convert it with gorilla's Atom, Rss and JSON types
// and then correct and extend the structures those return.
func buildFeed(sec *newsdesk.Section, items []newsdesk.Item, opt Options, page PageLinks) *feeds.Feed {
	f := &feeds.Feed{
		Title:       sectionTitle(sec),
		Link:        &feeds.Link{Href: opt.sectionURL(sec.ID)},
		Description: clean(sec.Description),
		Author:      &feeds.Author{Name: "newsdesk"},
		Id:          opt.feedURL(sec.ID, formatAtom),
		Updated:     feedUpdated(items, page),
	}
	for i := range items {
		f.Add(buildItem(&items[i], sec.Language, opt.Redact))
	}
	return f
}

func buildItem(it *newsdesk.Item, lang string, red newsdesk.Redactor) *feeds.Item {
	fi := &feeds.Item{
		Title:       clean(it.Title),
		Description: summaryHTML(it),
		Id:          clean(it.OutputID()),
		IsPermaLink: "false",
		Updated:     itemUpdated(it),
		Created:     itemPublished(it),
		Content:     contentHTML(it, lang),
		Author:      &feeds.Author{Name: itemAuthors(it)[0]},
	}
	if link := outURL(it.Link); link != "" {
		fi.Link = &feeds.Link{Href: link}
		if link == fi.Id && isHTTPURL(link) {
			fi.IsPermaLink = "true"
		}
	}
	if isHTTPURL(it.SourceURL) {
		fi.Source = &feeds.Link{Href: clean(red.URL(it.SourceURL)), Rel: "via"}
	}
	if len(it.Enclosures) > 0 {
		e := it.Enclosures[0]
		fi.Enclosure = &feeds.Enclosure{Url: outURL(e.URL), Type: enclosureType(e), Length: strconv.FormatInt(max(e.Length, 0), 10)}
	}
	return fi
}

func sectionTitle(sec *newsdesk.Section) string {
	if t := strings.TrimSpace(clean(sec.Title)); t != "" {
		return t
	}
	return clean(sec.ID)
}

func sectionDescription(sec *newsdesk.Section) string {
	if d := strings.TrimSpace(clean(sec.Description)); d != "" {
		return d
	}
	return sectionTitle(sec)
}

// feedUpdated is the feed's last change: the newest item change, or for
// an empty feed page.Changed (the section's last change or first fetch),
// else the epoch; never the time of rendering.
func feedUpdated(items []newsdesk.Item, page PageLinks) (t time.Time) {
	if t = newestChange(items); !t.IsZero() {
		return t
	}
	if !page.Changed.IsZero() {
		return page.Changed.UTC()
	}
	return epoch()
}

func enclosureType(e newsdesk.Enclosure) string {
	if t := strings.TrimSpace(clean(e.Type)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// usableEnclosures returns the enclosures with an http(s) URL.
func usableEnclosures(it *newsdesk.Item) []newsdesk.Enclosure {
	var out []newsdesk.Enclosure
	seen := map[string]bool{}
	for _, e := range it.Enclosures {
		if e.URL = outURL(e.URL); e.URL != "" && !seen[e.URL] {
			seen[e.URL] = true
			out = append(out, e)
		}
	}
	return out
}

// categories returns the item's non-empty categories, cleaned, in order,
// without repeats.
func categories(it *newsdesk.Item) []string {
	var out []string
	seen := make(map[string]bool, len(it.Categories))
	for _, c := range it.Categories {
		c = strings.TrimSpace(clean(c))
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	return out
}
