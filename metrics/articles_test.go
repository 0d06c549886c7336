package metrics

import (
	"testing"

	"newsdesk/article"
)

func TestObserveArticles(t *testing.T) {
	m := New("v1")
	m.ObserveArticles(article.Report{Fetched: 3, Full: 2, Kept: 1, Skipped: 4})
	m.ObserveArticles(article.Report{Fetched: 1, Full: 1, Recleaned: 2})
	for name, want := range map[string]string{
		`newsdesk_articles_total{outcome="full"}`:      "3",
		`newsdesk_articles_total{outcome="kept"}`:      "1",
		`newsdesk_articles_total{outcome="skipped"}`:   "4",
		`newsdesk_articles_total{outcome="recleaned"}`: "2",
		`newsdesk_article_pages_fetched_total`:         "4",
	} {
		if got := gauge(t, m, name); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
}
