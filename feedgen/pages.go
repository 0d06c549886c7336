package feedgen

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"newsdesk"
)

// assets holds the stylesheets and the HTML template.
//
//go:embed assets/feed.xsl assets/style.css assets/page.html assets/icon.svg
var assets embed.FS

// indexItems is how many items of each section the index lists.
const indexItems = 5

type pageView struct {
	T         *texts
	Lang      string
	Title     string
	Single    bool   // one section's page rather than the index
	Home, CSS string // links to the index and the stylesheet, under the base path
	Icon      string
	OPML      string
	Generator string
	Sections  []sectionView
	Older     string // link to the page of older items, "" when none
	Newer     string // link to the page of newer items, "" on the first page
}

type sectionView struct {
	ID, Title, Description string
	Lang                   string // set on the index when it differs from the page's
	T                      *texts
	Page                   string // link to the section page, under the base path
	More                   string // the index's "more from" text
	Atom, RSS, JSON        string // public feed URLs
	Subscribe              subscribeView
	Items                  []itemView
}

// subscribeView is the "how to subscribe" box of a section page: the feed
// URL to copy, the other formats, and one-click links for web readers.
type subscribeView struct {
	URL, Format string
	Others      []link
	Readers     []link
}

type link struct{ Name, Href string }

type itemView struct {
	Title, Link, Source, Summary string
	Datetime, Time               string // RFC 3339 and as shown, with the zone
	Image, Alt                   string
	Related                      []relatedView
}

type relatedView struct{ Title, Link, Source string }

// pageLinks are the paging links of one section page.
type pageLinks struct {
	older, newer string
	format       string // the feed format a browser opened, "" for the section page
}

// pageRenderer renders the index and section pages. It is safe for
// concurrent use.
type pageRenderer struct {
	tmpl *template.Template
	opt  Options
	dirs bool // link section pages as folders (sections/ID/), for static export
}

func newPageRenderer(opt Options) (*pageRenderer, error) {
	t, err := template.ParseFS(assets, "assets/page.html")
	if err != nil {
		return nil, fmt.Errorf("parse page template: %w", err)
	}
	return &pageRenderer{tmpl: t, opt: opt}, nil
}

// index renders the home page: every section with its latest items
// (items[i] belongs to sections[i]). The page speaks the sections' language
// when they share one, English otherwise.
func (p *pageRenderer) index(sections []newsdesk.Section, items [][]newsdesk.Item) ([]byte, error) {
	lang := ""
	for i := range sections {
		l := clean(sections[i].Language)
		if i == 0 {
			lang = l
		} else if !strings.EqualFold(l, lang) {
			lang = ""
			break
		}
	}
	v := p.view(lang)
	v.Title = "newsdesk"
	v.OPML = p.opt.base() + "/feeds.opml"
	for i := range sections {
		sv := p.section(&sections[i], items[i], "")
		if !strings.EqualFold(clean(sections[i].Language), v.Lang) && sections[i].Language != "" {
			sv.Lang = clean(sections[i].Language)
		}
		v.Sections = append(v.Sections, sv)
	}
	return p.execute(v)
}

// page renders one section's page: as the section page (links.format "")
// or as what a browser sees at a feed URL.
func (p *pageRenderer) page(sec *newsdesk.Section, items []newsdesk.Item, links pageLinks) ([]byte, error) {
	v := p.view(clean(sec.Language))
	v.Title = sectionTitle(sec)
	v.Single = true
	v.Sections = []sectionView{p.section(sec, items, links.format)}
	v.Older, v.Newer = links.older, links.newer
	return p.execute(v)
}

func (p *pageRenderer) view(lang string) pageView {
	tx := textsFor(lang)
	if lang == "" {
		lang = tx.Lang
	}
	return pageView{
		T: tx, Lang: lang,
		Home:      p.opt.basePath() + "/",
		CSS:       p.opt.basePath() + "/static/style.css",
		Icon:      p.opt.basePath() + "/static/icon.svg",
		Generator: clean(p.opt.generator()),
	}
}

// pagePath is the link to a section page under the base path.
func (p *pageRenderer) pagePath(id string) string {
	s := p.opt.basePath() + "/sections/" + url.PathEscape(id)
	if p.dirs {
		s += "/"
	}
	return s
}

func (p *pageRenderer) section(sec *newsdesk.Section, items []newsdesk.Item, format string) sectionView {
	tx := textsFor(sec.Language)
	sv := sectionView{
		ID:          clean(sec.ID),
		Title:       sectionTitle(sec),
		Description: clean(sec.Description),
		T:           tx,
		Page:        p.pagePath(sec.ID),
		Atom:        p.opt.feedURL(sec.ID, formatAtom),
		RSS:         p.opt.feedURL(sec.ID, formatRSS),
		JSON:        p.opt.feedURL(sec.ID, formatJSON),
	}
	sv.More = tx.more(sv.Title)
	sv.Subscribe = subscribeBox(sv, format)
	for i := range items {
		sv.Items = append(sv.Items, p.item(&items[i], tx))
	}
	return sv
}

// formatNames are the feed formats in the order the pages offer them.
var formatNames = []struct{ format, name string }{
	{formatAtom, "Atom"}, {formatRSS, "RSS"}, {formatJSON, "JSON Feed"},
}

// webReaders are the web feed readers the subscribe box links to; each
// takes the feed URL in its own subscribe URL.
var webReaders = []struct{ name, prefix string }{
	{"Feedly", "https://feedly.com/i/subscription/feed/"},
	{"Inoreader", "https://www.inoreader.com/?add_feed="},
	{"NewsBlur", "https://www.newsblur.com/?url="},
	{"The Old Reader", "https://theoldreader.com/feeds/subscribe?url="},
}

func subscribeBox(sv sectionView, format string) subscribeView {
	urls := map[string]string{formatAtom: sv.Atom, formatRSS: sv.RSS, formatJSON: sv.JSON}
	if format == "" {
		format = formatAtom
	}
	b := subscribeView{URL: urls[format]}
	for _, f := range formatNames {
		if f.format == format {
			b.Format = f.name
		} else {
			b.Others = append(b.Others, link{f.name, urls[f.format]})
		}
	}
	for _, r := range webReaders {
		b.Readers = append(b.Readers, link{r.name, r.prefix + url.QueryEscape(b.URL)})
	}
	return b
}

func (p *pageRenderer) item(it *newsdesk.Item, tx *texts) itemView {
	iv := itemView{Title: clean(it.Title), Source: sourceName(it), Summary: clean(it.Summary)}
	iv.Link = outURL(it.Link)
	if t := itemPublished(it); !t.IsZero() {
		iv.Datetime = rfc3339(t)
		iv.Time = tx.formatTime(t, p.opt.Location)
	}
	if img := leadImage(it); img != "" {
		iv.Image = img
		iv.Alt = iv.Title
		if iv.Alt == "" {
			iv.Alt = tx.Image
		}
	}
	for _, r := range relatedOf(it) {
		rv := relatedView{Title: strings.TrimSpace(clean(r.Title)), Source: strings.TrimSpace(clean(r.SourceTitle)), Link: r.Link}
		if rv.Title == "" {
			rv.Title, rv.Source = rv.Source, ""
		}
		if rv.Title == "" {
			rv.Title = rv.Link
		}
		if rv.Title != "" {
			iv.Related = append(iv.Related, rv)
		}
	}
	return iv
}

// leadImage is the item's image, or its first image enclosure: an http(s)
// URL, "" when it has none.
func leadImage(it *newsdesk.Item) string {
	if u := clean(it.ImageURL); isHTTPURL(u) {
		return u
	}
	for _, e := range it.Enclosures {
		if u := clean(e.URL); strings.HasPrefix(e.Type, "image/") && isHTTPURL(u) {
			return u
		}
	}
	return ""
}

func (p *pageRenderer) execute(v pageView) ([]byte, error) {
	var buf bytes.Buffer
	if err := p.tmpl.ExecuteTemplate(&buf, "page", v); err != nil {
		return nil, fmt.Errorf("render page: %w", err)
	}
	return buf.Bytes(), nil
}

// asset returns an embedded file.
func asset(name string) []byte {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		panic(fmt.Sprintf("feedgen: missing embedded asset %s: %v", name, err)) // build defect
	}
	return b
}
