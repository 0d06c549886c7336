package normalize

import (
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

func TestFirstWords(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"shorter kept", "un deux trois", 5, "un deux trois"},
		{"cut", "un deux trois quatre", 2, "un deux"},
		{"exact", "un deux", 2, "un deux"},
		{"empty", "", 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstWords(tt.in, tt.n); got != tt.want {
				t.Errorf("firstWords(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestLead(t *testing.T) {
	long := strings.Repeat("mot ", 250)
	tests := []struct {
		name string
		item gofeed.Item
		want string
	}{
		{"content words, chrome removed", gofeed.Item{Title: "t", Description: "Résumé.", Content: "<p>Le texte.</p><p>Lire la suite</p>"}, "Le texte."},
		{"description when no content", gofeed.Item{Title: "t", Description: "<p>Seulement le résumé.</p>"}, "Seulement le résumé."},
		{"200 words", gofeed.Item{Title: "t", Content: "<p>" + long + "</p>"}, strings.TrimSpace(strings.Repeat("mot ", 200))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Feed(&gofeed.Feed{Items: []*gofeed.Item{&tt.item}}, Options{})
			if len(res.Items) != 1 {
				t.Fatalf("got %d items", len(res.Items))
			}
			if got := res.Items[0].Lead; got != tt.want {
				t.Errorf("Lead = %q, want %q", got, tt.want)
			}
		})
	}
}

// firstWordsRef is firstWords as first written, the reference of
// FuzzFirstWords.
func firstWordsRef(text string, n int) string {
	count := 0
	for i, r := range text {
		if r == ' ' {
			count++
			if count == n {
				return text[:i]
			}
		}
	}
	return text
}

func FuzzFirstWords(f *testing.F) {
	f.Add("a b c d", 2)
	f.Add("  ", 1)
	f.Add("é è\xff ü", 2)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n%300 + 1
		if n <= 0 {
			n += 300
		}
		if got, want := firstWords(s, n), firstWordsRef(s, n); got != want {
			t.Fatalf("firstWords(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}
