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
		fmt.Fprintf(&b, `<item><title>%s</title><link>http://127.0.0.1/s/%d/%d</link><guid isPermaLink="false">s%d-%d</guid>
<pubDate>%s</pubDate><category>c%d</category><description>%s</description></item>
`, html.EscapeString(fmt.Sprintf("Story %d of desk %d: the council votes on measure %d", t, story, t%97)),
			n, t, n, t, time.Unix(t, 0).UTC().Format(time.RFC1123Z), t%5,
			html.EscapeString(fmt.Sprintf("<p>Report number %d from desk %d. The council met at noon and voted on measure %d after a long debate.</p>", t, story, t%97)))
	}
	b.WriteString("</channel></rss>\n")
	_, _ = w.Write([]byte(b.String()))
}
