package feedgen

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"

	"newsdesk"
)

// assets holds the stylesheets and the HTML template.
//
//go:embed assets/feed.xsl assets/style.css assets/page.html
var assets embed.FS

// indexItems is how many items of each section the index lists.
const indexItems = 5

type pageView struct {
	Title     string
	Lang      string
	Single    bool // one section's page rather than the index
	OPML      string
	Generator string
	Sections  []sectionView
}

type sectionView struct {
	ID, Title, Description string
	Page                   string // site-relative link to the section page
	Atom, RSS, JSON        string // public feed URLs
	Items                  []itemView
}

type itemView struct {
	Title, Link, Source, Date, Summary string
}

// pageRenderer renders the index and section pages. It is safe for
// concurrent use.
type pageRenderer struct {
	tmpl *template.Template
	opt  Options
}

func newPageRenderer(opt Options) (*pageRenderer, error) {
	t, err := template.ParseFS(assets, "assets/page.html")
	if err != nil {
		return nil, fmt.Errorf("parse page template: %w", err)
	}
	return &pageRenderer{tmpl: t, opt: opt}, nil
}

// index renders the home page: every section with its latest items
// (items[i] belongs to sections[i]).
func (p *pageRenderer) index(sections []newsdesk.Section, items [][]newsdesk.Item) ([]byte, error) {
	v := pageView{Title: "newsdesk", OPML: p.opt.base() + "/feeds.opml", Generator: clean(p.opt.generator())}
	langs := map[string]bool{}
	for i := range sections {
		v.Sections = append(v.Sections, p.section(&sections[i], items[i]))
		langs[clean(sections[i].Language)] = true
	}
	if len(langs) == 1 {
		for l := range langs {
			v.Lang = l
		}
	}
	return p.execute(v)
}

// page renders one section's page.
func (p *pageRenderer) page(sec *newsdesk.Section, items []newsdesk.Item) ([]byte, error) {
	v := pageView{
		Title:     sectionTitle(sec),
		Lang:      clean(sec.Language),
		Single:    true,
		Generator: clean(p.opt.generator()),
		Sections:  []sectionView{p.section(sec, items)},
	}
	return p.execute(v)
}

func (p *pageRenderer) section(sec *newsdesk.Section, items []newsdesk.Item) sectionView {
	sv := sectionView{
		ID:          clean(sec.ID),
		Title:       sectionTitle(sec),
		Description: clean(sec.Description),
		Page:        "/sections/" + clean(sec.ID),
		Atom:        p.opt.feedURL(sec.ID, formatAtom),
		RSS:         p.opt.feedURL(sec.ID, formatRSS),
		JSON:        p.opt.feedURL(sec.ID, formatJSON),
	}
	for i := range items {
		it := &items[i]
		iv := itemView{Title: clean(it.Title), Source: sourceName(it), Summary: clean(it.Summary)}
		iv.Link = outURL(it.Link)
		if t := itemPublished(it); !t.IsZero() {
			iv.Date = t.Format("2006-01-02")
		}
		sv.Items = append(sv.Items, iv)
	}
	return sv
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
