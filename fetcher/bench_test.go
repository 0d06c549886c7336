package fetcher

import (
	"testing"

	"golang.org/x/text/encoding/charmap"

	"newsdesk"
)

// BenchmarkFetchParse fetches and parses a 50-item RSS feed over HTTP.
func BenchmarkFetchParse(b *testing.B) {
	body := rssFeed("Bench", 50)
	srv := serve(b, serveBytes("application/rss+xml; charset=utf-8", body))
	f := newTestFetcher(b, Options{})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		res := fetchURL(f, srv.URL, newsdesk.SourceState{})
		if res.Err != nil || len(res.Feed.Items) != 50 {
			b.Fatalf("err %v", res.Err)
		}
	}
}

func BenchmarkDecodeCharset(b *testing.B) {
	utf8Body := rssFeed("Café", 50)
	latin1Body, err := charmap.ISO8859_1.NewEncoder().Bytes(utf8Body)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		body []byte
		ct   string
	}{
		{"utf-8", utf8Body, "application/rss+xml"},
		{"iso-8859-1 header", latin1Body, "application/rss+xml; charset=iso-8859-1"},
		{"windows-1252 guessed", latin1Body, "application/rss+xml"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := DecodeCharset(bc.body, bc.ct); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheckDepth measures the nesting pre-check on a 50-item feed.
func BenchmarkCheckDepth(b *testing.B) {
	body := rssFeed("Depth", 50)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := checkDepth(body, maxDepth); err != nil {
			b.Fatal(err)
		}
	}
}
