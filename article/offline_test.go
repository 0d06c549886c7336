//go:build offline

// A tool for tuning the extractor, not a test: built only with -tags
// offline (ND_DEBUG=1 go test -tags offline ./article -run TestOfflineDebug
// -v), so that a normal run, and CI, has nothing to skip.

package article

import (
	"fmt"
	"os"
	"testing"

	"newsdesk/fetcher"
	"newsdesk/normalize"
)

// TestOfflineDebug prints per-page figures of Extract + normalize.Article
// without the site learning (ND_DEBUG=1; ND_DEBUG=held shows held-out
// pages too; ND_SET=testdata/heldout, or another directory of hand-written
// pages, reads that set instead; ND_SHOW=name prints a page's HTML).
func TestOfflineDebug(t *testing.T) {
	mode := os.Getenv("ND_DEBUG")
	if mode == "" {
		t.Skip("ND_DEBUG not set")
	}
	set := loadSet(t)
	if dir := os.Getenv("ND_SET"); dir != "" {
		set = loadPages(t, dir)
	}
	for _, l := range set {
		if l.held && mode != "held" {
			continue
		}
		page, _, _ := fetcher.DecodeHTML(l.html, "text/html")
		ex, err := Extract(page, "https://"+l.site+".example/"+l.name)
		if os.Getenv("ND_SHOW") == l.name+".raw" {
			fmt.Println(ex.HTML)
		}
		if err != nil {
			fmt.Println(l.name, "ERR", err)
			continue
		}
		out := normalize.Article(ex.HTML, normalize.ArticleOptions{Base: "https://x.example/"})
		p, r, f := prf(out.Text, l.gold)
		fmt.Printf("%-14s P=%.3f R=%.3f F=%.3f chrome=%q\n", l.name, p, r, f, chromeLeft(out.Text, l))
		if p < 0.99 {
			fmt.Println("   extra:", missing(l.gold, out.Text))
		}
		if r < 0.99 {
			fmt.Println("   missing:", missing(out.Text, l.gold))
		}
		if os.Getenv("ND_SHOW") == l.name {
			fmt.Println(out.ContentHTML)
		}
	}
}
