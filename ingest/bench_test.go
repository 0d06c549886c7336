package ingest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"newsdesk"
	"newsdesk/fetcher"
	"newsdesk/normalize"
	"newsdesk/storage"
)

// benchWords returns n pseudo-random words seeded by seed, from a large
// vocabulary, so that unrelated items share few shingles.
func benchWords(seed uint64, n int) string {
	syl := strings.Fields("ba be bi bo bu da de di do du fa fe fi fo fu la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru ta te ti to tu")
	x := seed*0x9E3779B97F4A7C15 + 1
	var b strings.Builder
	for i := range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		if i > 0 {
			b.WriteByte(' ')
		}
		m := uint64(len(syl))
		b.WriteString(syl[x%m] + syl[(x>>16)%m] + syl[(x>>32)%m])
	}
	return b.String()
}

// benchFeed returns source s's RSS document of m items, each with about
// 1 KB of content in four paragraphs, as a news site publishes them.
func benchFeed(s, m int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Source %d</title><link>http://127.0.0.1/s%d/</link><language>fr</language>`, s, s)
	for j := range m {
		seed := uint64(s*1000 + j)
		fmt.Fprintf(&b, `<item><title>%s</title><link>http://127.0.0.1/s%d/%d.html?utm_source=rss</link><guid isPermaLink="false">s%d-%d</guid><pubDate>%s</pubDate><dc:creator>Rédaction</dc:creator><category>Politique</category><description>%s</description><content:encoded><![CDATA[`,
			benchWords(seed<<20, 8), s, j, s, j, time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC).Add(-time.Duration(j)*time.Hour).Format(time.RFC1123Z), benchWords(seed<<10, 30))
		for p := range 4 {
			fmt.Fprintf(&b, `<p>%s <a href="/lien/%d?fbclid=x">lire</a></p>`, benchWords(seed*8+uint64(p), 28), p)
		}
		b.WriteString(`]]></content:encoded></item>`)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// BenchmarkParse parses a 50-item feed with gofeed: the parse floor of one
// fetch.
func BenchmarkParse(b *testing.B) {
	doc := benchFeed(1, 50)
	p := gofeed.NewParser()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := p.Parse(bytes.NewReader(doc))
		if err != nil || len(f.Items) != 50 {
			b.Fatalf("parse: %v", err)
		}
	}
}

// BenchmarkParseNormalize parses and normalizes a 50-item feed: what one
// fetch costs before storage.
func BenchmarkParseNormalize(b *testing.B) {
	doc := benchFeed(1, 50)
	p := gofeed.NewParser()
	opt := normalize.Options{SourceURL: "http://127.0.0.1/s1/feed", FeedURL: "http://127.0.0.1/s1/feed", Now: time.Date(2026, 11, 20, 13, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := p.Parse(bytes.NewReader(doc))
		if err != nil {
			b.Fatal(err)
		}
		if res := normalize.Feed(f, opt); len(res.Items) != 50 {
			b.Fatalf("normalized %d items, want 50", len(res.Items))
		}
	}
}

// BenchmarkFetchSource runs one fresh 50-item source per iteration through
// the whole pipeline: HTTP on loopback, parse, normalize, store in one
// transaction.
func BenchmarkFetchSource(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/s/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write(benchFeed(s, 50))
	}))
	defer srv.Close()
	now := time.Date(2026, 11, 20, 13, 0, 0, 0, time.UTC)
	db := storage.New(filepath.Join(b.TempDir(), "bench.db"))
	db.Now = func() time.Time { return now }
	if err := db.Open(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetSections([]newsdesk.Section{{ID: "sec", Title: "Section", Limit: 50}})
	f := fetcher.New(fetcher.Options{Now: func() time.Time { return now }})
	defer f.Close()
	desk := &Desk{Fetcher: f, Store: db, Now: func() time.Time { return now }}
	var next atomic.Int64
	b.ReportAllocs()
	for b.Loop() {
		u := fmt.Sprintf("%s/s/%d", srv.URL, next.Add(1))
		rep := desk.FetchSource(context.Background(), newsdesk.Source{URL: u, Sections: []string{"sec"}}, false)
		if rep.Err != nil || rep.Outcome.New != 50 {
			b.Fatalf("new = %d, err = %v", rep.Outcome.New, rep.Err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*50), "ns/item")
}
