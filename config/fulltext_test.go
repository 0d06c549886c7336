package config

import (
	"slices"
	"strings"
	"testing"

	"newsdesk"
)

func TestFullText(t *testing.T) {
	c, err := Parse([]byte(`
fetch:
  article_budget: 5
sections:
  - id: a
    sources:
      - url: https://wire.example/feed
        full_text: auto
        full_text_hosts: [cdn.wire.example, "https://Articles.Example/"]
      - url: https://b.example/feed
        full_text: true
      - https://c.example/feed
  - id: b
    sources:
      - url: https://wire.example/feed
        full_text: true
        full_text_hosts: [other.example]
      - url: https://c.example/feed
        full_text: false
`), "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Fetch.ArticleBudget != 5 {
		t.Errorf("article_budget = %d, want 5", c.Fetch.ArticleBudget)
	}
	got := map[string]newsdesk.Source{}
	for _, s := range c.Sources() {
		got[s.URL] = s
	}
	wire := got["https://wire.example/feed"]
	if wire.FullText != newsdesk.FullTextOn {
		t.Errorf("wire full_text = %v, want true (the strongest of auto and true)", wire.FullText)
	}
	if want := []string{"cdn.wire.example", "articles.example", "other.example"}; !slices.Equal(wire.FullTextHosts, want) {
		t.Errorf("wire hosts = %q, want %q", wire.FullTextHosts, want)
	}
	if got["https://b.example/feed"].FullText != newsdesk.FullTextOn || got["https://c.example/feed"].FullText != newsdesk.FullTextOff {
		t.Errorf("modes b, c = %v, %v", got["https://b.example/feed"].FullText, got["https://c.example/feed"].FullText)
	}
	if d := Default(); d.Fetch.ArticleBudget != DefaultArticleBudget {
		t.Errorf("default budget %d", d.Fetch.ArticleBudget)
	}
}

func TestFullTextErrors(t *testing.T) {
	_, err := Parse([]byte(`fetch:
  article_budget: -1
sections:
  - id: a
    sources:
      - url: https://wire.example/feed
        full_text: sometimes
        full_text_hosts: ["https://x.example/path", "a b"]
      - url: https://other.example/feed
        full_text_hosts: [cdn.other.example]
`), "config.yaml")
	if err == nil {
		t.Fatal("bad full_text accepted")
	}
	msg := err.Error()
	for _, want := range []string{
		`config.yaml:7:20: sections[0].sources[0].full_text: expected true, false or auto, got "sometimes"`,
		`config.yaml:8:27: sections[0].sources[0].full_text_hosts[0]: invalid host "https://x.example/path"`,
		`sections[0].sources[0].full_text_hosts[1]: invalid host "a b"`,
		`fetch.article_budget: must not be negative, got -1`,
		`sections[0].sources[1].full_text_hosts: has no effect without full_text: auto (or true)`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors lack %q:\n%s", want, msg)
		}
	}
}
