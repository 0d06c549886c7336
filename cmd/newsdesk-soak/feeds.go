package main

import (
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// feedServer generates RSS documents whose newest item changes every
// second: source n at second t lists items t, t-1, …, t-items+1, so each
// fetch brings one new item and drops the oldest. Every tenth item has a
// near-copy in the next source, which exercises duplicate clusters.
type feedServer struct {
	items int
	now   func() time.Time
}

// ServeHTTP answers /s/{n}.rss.
func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/s/")
	name, ok2 := strings.CutSuffix(name, ".rss")
	n, err := strconv.Atoi(name)
	if !ok || !ok2 || err != nil {
		http.NotFound(w, r)
		return
	}
	sec := f.now().Unix()
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Header().Set("Last-Modified", time.Unix(sec, 0).UTC().Format(http.TimeFormat))
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Soak source %d</title><link>http://127.0.0.1/s/%d</link><description>generated</description>
`, n, n)
	for i := range int64(f.items) {
		t := sec - i
		story := n
		if t%10 == 0 && n > 0 {
			story = n - 1 // the same story as the previous source
		}
		title, text := words(uint64(story)<<32|uint64(t), 8), words(uint64(story)<<32|uint64(t)^0x9e3779b9, 40)
		fmt.Fprintf(&b, `<item><title>%s</title><link>http://127.0.0.1/s/%d/%d</link><guid isPermaLink="false">s%d-%d</guid>
<pubDate>%s</pubDate><category>c%d</category><description>%s</description></item>
`, html.EscapeString(title), n, t, n, t, time.Unix(t, 0).UTC().Format(time.RFC1123Z), t%5,
			html.EscapeString("<p>"+text+".</p>"))
	}
	b.WriteString("</channel></rss>\n")
	_, _ = w.Write([]byte(b.String()))
}

// vocabulary is the word list generated texts draw from.
var vocabulary = strings.Fields(`council budget minister vote harbour strike court ruling election mayor
river flood school teachers hospital nurses railway tunnel festival museum treaty border farmers
drought market prices energy wind solar factory workers union reform pension tax audit police
inquiry storm coast fishing bridge repair league final coach transfer stadium archive library
science telescope vaccine trial climate summit delegation protest parliament senate committee`)

// words returns n words chosen deterministically from seed (xorshift), so
// that every story has its own text and near-duplicates are rare.
func words(seed uint64, n int) string {
	x := seed*0x9e3779b97f4a7c15 + 1
	out := make([]string, n)
	for i := range out {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		out[i] = vocabulary[x%uint64(len(vocabulary))]
		if i%3 == 2 { // numbers widen the vocabulary as names and figures do
			out[i] += strconv.FormatUint(x>>40%1000, 10)
		}
	}
	return strings.Join(out, " ")
}
