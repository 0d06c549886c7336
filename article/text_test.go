package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestTextReadersAgree checks the one-pass readers against the reading
// they stand for, strings.Fields over textOf, on every node of every
// labeled page (Latin-1 pages read as raw bytes give invalid UTF-8) and
// on text with the spaces Fields splits on and those it does not.
func TestTextReadersAgree(t *testing.T) {
	pages, err := filepath.Glob("testdata/*/*.html")
	if err != nil || len(pages) < 100 {
		t.Fatalf("labeled pages: %d, %v", len(pages), err)
	}
	var docs []*html.Node
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, doc)
	}
	odd, _ := html.Parse(strings.NewReader("<p>\u00a0un\u00a0deux\u3000trois\u200bquatre \xe9t\xe9 <b>cinq</b>six<script>x y</script>\u2028 sept\u0085huit\t\v\f\r</p><div> </div><p><i></i></p>"))
	docs = append(docs, odd)
	nodes := 0
	for _, doc := range docs {
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			nodes++
			fields := strings.Fields(textOf(n))
			want := strings.Join(fields, " ")
			if got := normText(n); got != want {
				t.Fatalf("normText = %q, want %q", got, want)
			}
			if got := textLen(n); got != len(want) {
				t.Fatalf("textLen = %d, want %d (%q)", got, len(want), want)
			}
			for _, max := range []int{0, len(want) / 2, len(want) - 1, len(want)} {
				if got := textLonger(n, max); got != (len(want) > max) {
					t.Fatalf("textLonger(%d) = %v for %q", max, got, want)
				}
			}
			if got := wordCount(n); got != len(fields) {
				t.Fatalf("wordCount = %d, want %d (%q)", got, len(fields), want)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	if nodes < 10000 {
		t.Fatalf("only %d nodes read", nodes)
	}
}
