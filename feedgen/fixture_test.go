package feedgen

import (
	"context"
	"fmt"
	"sort"
	"sync/atomic"
	"time"

	"newsdesk"
)

// testOptions are the options of every golden file.
func testOptions() Options {
	return Options{
		BaseURL:   "https://news.example/",
		Hub:       "https://hub.example/publish",
		Generator: "newsdesk 1.0.0",
		MaxAge:    15 * time.Minute,
	}
}

func testSections() []newsdesk.Section {
	return []newsdesk.Section{
		{ID: "politique", Title: "Politique", Description: "Actualité politique & institutions", Language: "fr", Limit: 50},
		{ID: "world", Title: "World <news>", Description: "", Language: "en", Limit: 2},
		{ID: "vide", Title: "Section vide", Description: "Rien pour l’instant", Language: "fr-CA"},
	}
}

var (
	paris = time.FixedZone("CET", 3600)
	nyc   = time.FixedZone("EST", -5*3600)
)

// testItems returns each section's items, newest first, as storage would.
func testItems() map[string][]newsdesk.Item {
	return map[string][]newsdesk.Item{
		"politique": {
			{
				ID:          41,
				Ord:         41,
				SourceURL:   "https://agence.example/flux.atom",
				Key:         "guid:https://agence.example/2026/03/municipales-lyon",
				GUID:        "https://agence.example/2026/03/municipales-lyon",
				Link:        "https://agence.example/2026/03/municipales-lyon",
				Title:       "Municipales : à Lyon, un second tour « serré » & incertain",
				Summary:     "Les candidats <promettent> des débats — rendez-vous dimanche.",
				ContentHTML: `<p>Le scrutin &amp; ses <em>enjeux</em> à Lyon : « Nous verrons », dit-elle.</p><p><a href="https://agence.example/lyon">Lyon</a> &lt;3</p>`,
				Authors:     []string{"Marie Dupont", "Jean Martin"},
				Categories:  []string{"Politique", "Lyon", "Politique", " "},
				Enclosures: []newsdesk.Enclosure{
					{URL: "https://agence.example/img/lyon.jpg", Type: "image/jpeg", Length: 48213},
					{URL: "javascript:alert(1)", Type: "text/html"},
				},
				ImageURL:    "https://agence.example/img/lyon.jpg",
				Language:    "fr",
				Published:   time.Date(2026, 3, 14, 18, 30, 0, 0, paris),
				Updated:     time.Date(2026, 3, 14, 20, 0, 0, 0, paris),
				FirstSeen:   time.Date(2026, 3, 14, 17, 35, 12, 0, time.UTC),
				SortAt:      time.Date(2026, 3, 14, 17, 30, 0, 0, time.UTC),
				ModifiedAt:  time.Date(2026, 3, 14, 19, 5, 0, 0, time.UTC),
				SourceTitle: "Agence Exemple",
				SourceSite:  "https://agence.example/",
				Related: []newsdesk.Related{
					{Title: "Lyon : second tour sous tension", Link: "https://quotidien.example/lyon-2e-tour?x=1&y=2", SourceTitle: "Le Quotidien"},
					{Title: "", Link: "ftp://radio.example/lyon", SourceTitle: "Radio Exemple"},
				},
			},
			{
				ID:          40,
				Ord:         40,
				SourceURL:   "https://journal.example/rss",
				Key:         "guid:article-4521",
				GUID:        "article-4521",
				Link:        "https://journal.example/budget-2027?id=4521",
				Title:       "Budget 2027\x0b : vote à l’Assemblée\x00 nationale",
				Summary:     "Le texte passe en première lecture.",
				ContentHTML: "<p>Le budget a été adopté par 289 voix contre 250.</p>",
				Authors:     []string{"redaction@journal.example (Rédaction)"},
				Categories:  []string{"Économie", "Assemblée"},
				Enclosures:  []newsdesk.Enclosure{{URL: "https://journal.example/podcast/4521.mp3", Type: "audio/mpeg"}},
				Published:   time.Date(2026, 3, 13, 9, 0, 0, 0, nyc),
				FirstSeen:   time.Date(2026, 3, 13, 14, 2, 0, 0, time.UTC),
				SortAt:      time.Date(2026, 3, 13, 14, 0, 0, 0, time.UTC),
				ModifiedAt:  time.Date(2026, 3, 13, 14, 2, 0, 0, time.UTC),
				SourceTitle: "Le Journal",
			},
			{
				ID:        39,
				Ord:       39,
				SourceURL: "https://blog.example/feed.json",
				Key:       "link:https://blog.example/billet",
				Link:      "https://blog.example/billet",
				Title:     "Billet sans date ni auteur",
				Summary:   "Un billet dont la source ne donne ni date ni auteur ; a < b.",
				FirstSeen: time.Date(2026, 3, 12, 8, 0, 0, 0, time.UTC),
				SortAt:    time.Date(2026, 3, 12, 8, 0, 0, 0, time.UTC),
			},
			{
				ID:        38,
				Ord:       38,
				SourceURL: "https://blog.example/feed.json",
				Key:       "hash:5e1f",
				Title:     "Note sans lien, sans date de tri",
				Summary:   "Seule la première vue est connue.",
				FirstSeen: time.Date(2026, 3, 11, 8, 0, 0, 0, time.UTC),
			},
		},
		"world": {
			{
				ID:          12,
				Ord:         12,
				SourceURL:   "https://wire.example/world.rss",
				Key:         "guid:urn:uuid:6f1c0e2a-9a61-4f7e-8a1b-0c2d3e4f5a6b",
				GUID:        "urn:uuid:6f1c0e2a-9a61-4f7e-8a1b-0c2d3e4f5a6b",
				Link:        "https://wire.example/2026/summit",
				Title:       "Leaders meet at the summit",
				Summary:     "Talks open on trade & climate.",
				ContentHTML: "<p>Talks opened on Monday.</p>",
				Authors:     []string{"A. Reporter"},
				Categories:  []string{"Diplomacy"},
				SortAt:      time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC),
				ModifiedAt:  time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC),
				SourceTitle: "The Wire",
				Related:     []newsdesk.Related{{Title: "Summit begins", Link: "https://daily.example/summit", SourceTitle: "The Daily"}},
			},
			{
				ID:          11,
				Ord:         11,
				SourceURL:   "https://wire.example/world.rss",
				Key:         "guid:https://wire.example/2026/markets",
				GUID:        "https://wire.example/2026/markets",
				Link:        "https://wire.example/2026/markets?utm_free=1",
				Title:       "Markets steady",
				Summary:     "Little movement.",
				SortAt:      time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC),
				ModifiedAt:  time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC),
				SourceTitle: "The Wire",
			},
			{
				ID:          10,
				Ord:         10,
				SourceURL:   "https://wire.example/world.rss",
				Key:         "guid:https://wire.example/2026/older",
				GUID:        "https://wire.example/2026/older",
				Link:        "https://wire.example/2026/older",
				Title:       "An older story",
				Summary:     "From the week before.",
				SortAt:      time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC),
				ModifiedAt:  time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC),
				SourceTitle: "The Wire",
			},
		},
		"vide": nil,
	}
}

// fakeStore is a Store built from a func field; it counts calls. items
// returns the section's items in feed order from the start of the page's
// walk; SectionPage pages them as storage does, with perSource as the cap.
type fakeStore struct {
	calls     atomic.Int64
	perSource int
	items     func(section string, page newsdesk.Page) ([]newsdesk.Item, error)
}

func (s *fakeStore) SectionPage(ctx context.Context, section string, page newsdesk.Page) ([]newsdesk.Item, *newsdesk.Page, error) {
	s.calls.Add(1)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	all, err := s.items(section, page)
	if err != nil {
		return nil, nil, err
	}
	i := 0
	return newsdesk.Paginate(page, s.perSource, func() (newsdesk.Item, bool, error) {
		if i == len(all) {
			return newsdesk.Item{}, false, nil
		}
		i++
		return all[i-1], true, nil
	})
}

// pagingStore serves data as storage would: in feed order, strictly after
// the start of the page's walk.
func pagingStore(data func() map[string][]newsdesk.Item) *fakeStore {
	return &fakeStore{items: func(section string, page newsdesk.Page) ([]newsdesk.Item, error) {
		all, ok := data()[section]
		if !ok {
			return nil, fmt.Errorf("unknown section %q", section)
		}
		all = append([]newsdesk.Item(nil), all...)
		for i := range all {
			if all[i].Ord == 0 {
				all[i].Ord = all[i].ID // the fixture's ids stand for the order keys
			}
		}
		sort.SliceStable(all, func(i, j int) bool { return newer(&all[i], &all[j]) })
		var out []newsdesk.Item
		start := newsdesk.PageStart(page)
		for i := range all {
			if start != nil && !newer(&newsdesk.Item{SortAt: start.SortAt, Ord: start.Ord}, &all[i]) {
				continue
			}
			out = append(out, all[i])
		}
		return out, nil
	}}
}

func newer(a, b *newsdesk.Item) bool {
	if !a.SortAt.Equal(b.SortAt) {
		return a.SortAt.After(b.SortAt)
	}
	return a.Ord > b.Ord
}
