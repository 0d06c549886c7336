package newsdesk

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestAdmit(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	it := Item{
		Title: "Le Sénat adopte le budget", Summary: "Vote final mardi soir.", ContentHTML: "<p>Vote final mardi soir.</p>",
		Authors: []string{"Claire Dubreuil"}, Categories: []string{"Politique", "Budget"},
		Link: "https://quotidien.example/politique/budget.html", SortAt: now.Add(-2 * time.Hour),
	}
	re := regexp.MustCompile
	cases := []struct {
		name string
		sec  Section
		src  *SectionSource
		want string // "" = admitted; else a prefix of the reason
	}{
		{"no rules", Section{}, nil, ""},
		{"include any field matches title", Section{Include: []Rule{{Pattern: re(`(?i)sénat`)}}}, nil, ""},
		{"include matches category", Section{Include: []Rule{{Pattern: re(`^Budget$`)}}}, nil, ""},
		{"include misses", Section{Include: []Rule{{Pattern: re(`football`)}}}, nil, "include:"},
		{"field-scoped include on author", Section{Include: []Rule{{Field: "author", Pattern: re(`Dubreuil`)}}}, nil, ""},
		{"field-scoped title does not look at content", Section{Include: []Rule{{Field: "title", Pattern: re(`mardi`)}}}, nil, "include:"},
		{"content rule sees content", Section{Include: []Rule{{Field: "content", Pattern: re(`mardi`)}}}, nil, ""},
		{"exclude link", Section{Exclude: []Rule{{Field: "link", Pattern: re(`/politique/`)}}}, nil, "exclude: link: /politique/"},
		{"exclude category", Section{Exclude: []Rule{{Field: "category", Pattern: re(`(?i)^budget$`)}}}, nil, "exclude: category:"},
		{"exclude wins over include", Section{Include: []Rule{{Pattern: re(`Sénat`)}}, Exclude: []Rule{{Pattern: re(`budget`)}}}, nil, "exclude: budget"},
		{"source categories, case-insensitive", Section{}, &SectionSource{Categories: []string{"politique"}}, ""},
		{"source categories miss", Section{}, &SectionSource{Categories: []string{"Sport"}}, "categories:"},
		{"max_age keeps recent", Section{MaxAge: 24 * time.Hour}, nil, ""},
		{"max_age drops old", Section{MaxAge: time.Hour}, nil, "max_age:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.sec.Admit(&it, c.src, now)
			if c.want == "" && got != "" || c.want != "" && !strings.HasPrefix(got, c.want) {
				t.Fatalf("Admit = %q, want %q", got, c.want)
			}
		})
	}
}

func TestOutputID(t *testing.T) {
	cases := []struct {
		name string
		it   Item
		want string // "" means a tag: URI
	}{
		{"absolute http guid", Item{GUID: "https://a.example/story/1", Key: "guid:https://a.example/story/1"}, "https://a.example/story/1"},
		{"urn guid", Item{GUID: "urn:uuid:5b1f7c2e-0d3a-4a55-9a8e-2f1c9d1e0a11"}, "urn:uuid:5b1f7c2e-0d3a-4a55-9a8e-2f1c9d1e0a11"},
		{"tag guid", Item{GUID: "tag:agence.example,2026:depeche-9001"}, "tag:agence.example,2026:depeche-9001"},
		{"opaque guid", Item{SourceURL: "https://a.example/feed", GUID: "12345", Key: "guid:12345"}, ""},
		{"relative guid", Item{SourceURL: "https://a.example/feed", GUID: "/story/1", Key: "guid:/story/1"}, ""},
		{"no guid", Item{SourceURL: "https://a.example/feed", Key: "link:https://a.example/x"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.it.OutputID()
			if c.want != "" {
				if got != c.want {
					t.Fatalf("OutputID = %q, want %q", got, c.want)
				}
				return
			}
			if !strings.HasPrefix(got, "tag:newsdesk,2026:item:") {
				t.Fatalf("OutputID = %q, want a tag: URI", got)
			}
			again := c.it
			again.Title, again.ContentHTML = "changed", "changed"
			if again.OutputID() != got {
				t.Fatal("id changed with the content")
			}
			other := c.it
			other.SourceURL = "https://b.example/feed"
			if other.OutputID() == got {
				t.Fatal("same id for another source")
			}
		})
	}
}
