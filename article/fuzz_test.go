package article

import (
	"regexp"
	"strings"
	"testing"

	"newsdesk/normalize"
)

var unsafeRe = regexp.MustCompile(`(?i)<(?:script|style|iframe|object|embed|form|svg)|\son[a-z]+\s*=|javascript:`)

// FuzzExtract: any page extracts without panicking, and what is published
// of it holds no script, frame, form, style or event handler.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"soup-fr-01", "amp-en-01", "wp-fr-01"} {
		for _, l := range loadSet(f) {
			if l.name == name {
				f.Add(l.html)
			}
		}
	}
	for _, l := range loadUnseen(f) {
		if l.name == "photos-en" || l.name == "consentement-fr" {
			f.Add(l.html) // the gallery path, a consent box
		}
	}
	f.Add([]byte(`<article><p onclick=x>` + strings.Repeat("mot ", 80) + `</p><img src=x onerror=alert(1)><a href="javascript:x">y</a></article>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		ex, err := Extract(page, "https://127.0.0.1/a/b")
		if err != nil {
			return
		}
		out := normalize.Article(ex.HTML, normalize.ArticleOptions{Base: "https://127.0.0.1/a/b"})
		if m := unsafeRe.FindString(out.ContentHTML); m != "" {
			t.Fatalf("published HTML holds %q: %s", m, out.ContentHTML)
		}
	})
}
