package normalize

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"newsdesk"
)

func TestCapFields(t *testing.T) {
	many := func(n int, f string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf(f, i)
		}
		return out
	}
	cases := []struct {
		name  string
		item  newsdesk.Item
		check func(t *testing.T, it newsdesk.Item, note string)
	}{
		{"huge title cut at a word", newsdesk.Item{Title: strings.Repeat("mot ", 300000)}, func(t *testing.T, it newsdesk.Item, note string) {
			if n := utf8.RuneCountInString(it.Title); n > MaxTitleRunes {
				t.Fatalf("title has %d runes, cap %d", n, MaxTitleRunes)
			}
			if !strings.HasSuffix(it.Title, "mot…") {
				t.Fatalf("title not cut at a word: ...%q", it.Title[len(it.Title)-20:])
			}
			if !strings.Contains(note, "title cut from 1200000") {
				t.Fatalf("note = %q", note)
			}
		}},
		{"title of one long word cut at a character", newsdesk.Item{Title: strings.Repeat("é", 2000)}, func(t *testing.T, it newsdesk.Item, note string) {
			if n := utf8.RuneCountInString(it.Title); n != MaxTitleRunes || !utf8.ValidString(it.Title) {
				t.Fatalf("title has %d runes (valid %v), want %d", n, utf8.ValidString(it.Title), MaxTitleRunes)
			}
		}},
		{"a million tags", newsdesk.Item{Title: "t", Categories: many(1000000, "tag%d")}, func(t *testing.T, it newsdesk.Item, note string) {
			if len(it.Categories) != MaxCategories || it.Categories[0] != "tag0" {
				t.Fatalf("%d categories, first %q", len(it.Categories), it.Categories[0])
			}
			if !strings.Contains(note, "1000000 categories, kept 50") {
				t.Fatalf("note = %q", note)
			}
		}},
		{"long category and author names", newsdesk.Item{Title: "t", Categories: []string{strings.Repeat("c", 500)}, Authors: []string{strings.Repeat("a ", 500)}}, func(t *testing.T, it newsdesk.Item, note string) {
			if utf8.RuneCountInString(it.Categories[0]) > MaxCategoryRunes || utf8.RuneCountInString(it.Authors[0]) > MaxAuthorRunes {
				t.Fatalf("category %d, author %d runes", len(it.Categories[0]), len(it.Authors[0]))
			}
			if !strings.Contains(note, "1 categories cut") || !strings.Contains(note, "1 author names cut") {
				t.Fatalf("note = %q", note)
			}
		}},
		{"enclosures", newsdesk.Item{Title: "t", Enclosures: make([]newsdesk.Enclosure, 500)}, func(t *testing.T, it newsdesk.Item, note string) {
			if len(it.Enclosures) != MaxEnclosures {
				t.Fatalf("%d enclosures", len(it.Enclosures))
			}
		}},
		{"huge content cut between elements", newsdesk.Item{Title: "t",
			ContentHTML: strings.Repeat("<p>Un paragraphe <em>assez</em> long pour remplir.</p>", 20000) + "<div><p>" + strings.Repeat("x ", 600000) + "</p></div>"},
			func(t *testing.T, it newsdesk.Item, note string) {
				if len(it.ContentHTML) > MaxContentBytes {
					t.Fatalf("content is %d bytes, cap %d", len(it.ContentHTML), MaxContentBytes)
				}
				if !strings.HasSuffix(it.ContentHTML, "</p>") || strings.Count(it.ContentHTML, "<p>") != strings.Count(it.ContentHTML, "</p>") {
					t.Fatalf("content not cut at an element boundary: ...%q", it.ContentHTML[len(it.ContentHTML)-40:])
				}
				if !strings.Contains(note, "content cut from") {
					t.Fatalf("note = %q", note)
				}
			}},
		{"one huge paragraph: element kept, text cut", newsdesk.Item{Title: "t", ContentHTML: "<p><strong>" + strings.Repeat("mot ", 400000) + "</strong></p>"},
			func(t *testing.T, it newsdesk.Item, note string) {
				if len(it.ContentHTML) > MaxContentBytes || !strings.HasSuffix(it.ContentHTML, "…</strong></p>") {
					t.Fatalf("content %d bytes ending %q", len(it.ContentHTML), it.ContentHTML[max(0, len(it.ContentHTML)-30):])
				}
				if _, err := html.Parse(strings.NewReader(it.ContentHTML)); err != nil {
					t.Fatal(err)
				}
			}},
		{"bidi controls removed from lines and content", newsdesk.Item{Title: "invoice\u202Efdp.exe", Authors: []string{"a\u2066b\u2069"}, Categories: []string{"\u202Ax"}, ContentHTML: "<p>\u202Eabc</p>"},
			func(t *testing.T, it newsdesk.Item, note string) {
				if it.Title != "invoicefdp.exe" || it.Authors[0] != "ab" || it.Categories[0] != "x" || it.ContentHTML != "<p>abc</p>" {
					t.Fatalf("got %q %q %q %q", it.Title, it.Authors, it.Categories, it.ContentHTML)
				}
				if note != "" {
					t.Fatalf("note %q for nothing cut", note)
				}
			}},
		{"illegal URL characters percent-encoded", newsdesk.Item{Title: "t", Link: `http://127.0.0.1/a?q=<b>"x"{|}`, ImageURL: "http://127.0.0.1/i mg.png"},
			func(t *testing.T, it newsdesk.Item, note string) {
				if it.Link != "http://127.0.0.1/a?q=%3Cb%3E%22x%22%7B%7C%7D" || it.ImageURL != "http://127.0.0.1/i%20mg.png" {
					t.Fatalf("link %q, image %q", it.Link, it.ImageURL)
				}
			}},
		{"nothing to cut", newsdesk.Item{Title: "Titre", Categories: []string{"a"}, ContentHTML: "<p>x</p>", Link: "http://127.0.0.1/a?b=%3C"},
			func(t *testing.T, it newsdesk.Item, note string) {
				if note != "" || it.Title != "Titre" || it.Link != "http://127.0.0.1/a?b=%3C" {
					t.Fatalf("note %q, title %q, link %q", note, it.Title, it.Link)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			it := c.item
			note := capFields(&it)
			c.check(t, it, note)
		})
	}
}
