package article

import (
	"testing"

	"newsdesk/normalize"
)

// BenchmarkExtract measures Extract and normalize.Article over the
// labeled set, one page per iteration.
func BenchmarkExtract(b *testing.B) {
	set := loadSet(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		l := set[i%len(set)]
		ex, err := Extract(l.html, "https://127.0.0.1/"+l.name)
		if err != nil {
			b.Fatal(err)
		}
		normalize.Article(ex.HTML, normalize.ArticleOptions{Base: "https://127.0.0.1/"})
	}
}
