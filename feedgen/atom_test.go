package feedgen

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"
)

// Parsed-back Atom, as a reader sees it.
type atomDocT struct {
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLinkT `xml:"link"`
	Author  []string    `xml:"author>name"`
	Entries []struct {
		ID         string      `xml:"id"`
		Title      string      `xml:"title"`
		Updated    string      `xml:"updated"`
		Published  string      `xml:"published"`
		Authors    []string    `xml:"author>name"`
		Links      []atomLinkT `xml:"link"`
		Categories []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
		Summary struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"summary"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
		Source struct {
			ID    string      `xml:"id"`
			Title string      `xml:"title"`
			Links []atomLinkT `xml:"link"`
		} `xml:"source"`
	} `xml:"entry"`
}

type atomLinkT struct {
	Href   string `xml:"href,attr"`
	Rel    string `xml:"rel,attr"`
	Type   string `xml:"type,attr"`
	Length string `xml:"length,attr"`
	Title  string `xml:"title,attr"`
}

func linksByRel(links []atomLinkT, rel string) []atomLinkT {
	var out []atomLinkT
	for _, l := range links {
		if l.Rel == rel {
			out = append(out, l)
		}
	}
	return out
}

func TestAtomParsesBack(t *testing.T) {
	secs := testSections()
	opt := testOptions()
	body, err := Atom(&secs[0], testItems()["politique"], opt, PageLinks{Next: "https://news.example/feeds/politique.atom?before=1.0.38"})
	if err != nil {
		t.Fatal(err)
	}
	var doc atomDocT
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	if got, want := doc.Lang, "fr"; got != want {
		t.Errorf("xml:lang = %q, want %q", got, want)
	}
	if got, want := doc.ID, "https://news.example/feeds/politique.atom"; got != want {
		t.Errorf("feed id = %q, want %q", got, want)
	}
	if got, want := doc.Updated, "2026-03-14T19:05:00Z"; got != want {
		t.Errorf("feed updated = %q, want %q (newest ModifiedAt)", got, want)
	}
	for rel, want := range map[string]string{
		"self":      "https://news.example/feeds/politique.atom",
		"alternate": "https://news.example/sections/politique",
		"hub":       "https://hub.example/publish",
		"next":      "https://news.example/feeds/politique.atom?before=1.0.38",
	} {
		if got := linksByRel(doc.Links, rel); len(got) != 1 || got[0].Href != want {
			t.Errorf("feed links rel=%s = %+v, want one to %s", rel, got, want)
		}
	}
	if got, want := len(doc.Entries), 4; got != want {
		t.Fatalf("entries = %d, want %d", got, want)
	}
	e := doc.Entries[0]
	if got, want := e.Published, "2026-03-14T17:30:00Z"; got != want {
		t.Errorf("published = %q, want %q", got, want)
	}
	if got, want := e.Updated, "2026-03-14T19:05:00Z"; got != want {
		t.Errorf("updated = %q, want %q", got, want)
	}
	var terms []string
	for _, c := range e.Categories {
		terms = append(terms, c.Term)
	}
	if want := []string{"Politique", "Lyon"}; !slices.Equal(terms, want) {
		t.Errorf("category terms = %q, want %q", terms, want)
	}
	enc := linksByRel(e.Links, "enclosure")
	if len(enc) != 1 || enc[0].Href != "https://agence.example/img/lyon.jpg" || enc[0].Type != "image/jpeg" || enc[0].Length != "48213" {
		t.Errorf("enclosures = %+v, want the jpeg with its length (and no javascript: URL)", enc)
	}
	rel := linksByRel(e.Links, "related")
	if len(rel) != 1 || rel[0].Href != "https://quotidien.example/lyon-2e-tour?x=1&y=2" {
		t.Errorf("related links = %+v, want the http one", rel)
	}
	if got, want := e.Source.ID, "https://agence.example/flux.atom"; got != want {
		t.Errorf("source id = %q, want %q", got, want)
	}
	if got, want := e.Source.Title, "Agence Exemple"; got != want {
		t.Errorf("source title = %q, want %q", got, want)
	}
	if got := linksByRel(e.Source.Links, "alternate"); len(got) != 1 || got[0].Href != "https://agence.example/" {
		t.Errorf("source alternate = %+v", got)
	}
	if e.Summary.Type != "html" || e.Content.Type != "html" {
		t.Errorf("summary/content types = %q/%q, want html/html", e.Summary.Type, e.Content.Type)
	}
	if !strings.Contains(e.Content.Text, `<p>Également sur : <a href="https://quotidien.example/lyon-2e-tour?x=1&amp;y=2">`) {
		t.Errorf("content lacks the French also-reported paragraph: %s", e.Content.Text)
	}
	if got, want := e.Summary.Text, "Les candidats &lt;promettent&gt; des débats — rendez-vous dimanche."; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if got, want := doc.Entries[1].ID, testItems()["politique"][1].OutputID(); got != want || !strings.HasPrefix(got, "tag:newsdesk,2026:item:") {
		t.Errorf("entry id = %q, want tag URI %q", got, want)
	}
	if got, want := doc.Entries[1].Title, "Budget 2027 : vote à l’Assemblée nationale"; got != want {
		t.Errorf("title = %q, want %q (forbidden characters removed)", got, want)
	}
	if got, want := doc.Entries[2].Authors, []string{"blog.example"}; !slices.Equal(got, want) {
		t.Errorf("authors without any = %q, want the source fallback %q", got, want)
	}
	if got := linksByRel(doc.Entries[3].Links, "alternate"); len(got) != 0 {
		t.Errorf("item without link has alternate links %+v", got)
	}
	if doc.Entries[3].Content.Text == "" {
		t.Error("item without link has no content either")
	}
}

func TestAtomEmptyUpdatedIsFixed(t *testing.T) {
	secs := testSections()
	body, err := Atom(&secs[2], nil, testOptions(), PageLinks{})
	if err != nil {
		t.Fatal(err)
	}
	var doc atomDocT
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := doc.Updated, "1970-01-01T00:00:00Z"; got != want {
		t.Errorf("empty feed updated = %q, want %q", got, want)
	}
	if got, want := len(doc.Entries), 0; got != want {
		t.Errorf("entries = %d, want %d", got, want)
	}
}
