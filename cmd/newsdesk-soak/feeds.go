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
// period (at least a second): source n lists the items of its last items
// ticks, newest first, so each tick brings one new item and drops the
// oldest. With a period above a second the sources tick at staggered
// seconds (source pairs 2k and 2k+1 together), as real feeds publish
// at their own times. Every tenth item of a source has a near-copy in the
// next source when the two tick together (with a one-second period, every
// pair of neighbours), which exercises duplicate clusters. A request
// whose validators (If-None-Match, else If-Modified-Since) match the
// current document is answered 304 Not Modified, as most feeds answer
// between two of their updates.
type feedServer struct {
	items  int
	period time.Duration // 0 means a second
	now    func() time.Time
}

// periodSeconds is the tick of every source, in whole seconds (≥ 1).
func (f *feedServer) periodSeconds() int64 {
	return max(1, int64(f.period/time.Second))
}

// offset is the second within a period at which source n ticks.
func (f *feedServer) offset(n int) int64 { return int64(n/2) % f.periodSeconds() }

// newest is the date (Unix seconds) of source n's newest item at sec.
func (f *feedServer) newest(n int, sec int64) int64 {
	p, o := f.periodSeconds(), f.offset(n)
	return floorDiv(sec-o, p)*p + o
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// ServeHTTP answers /s/{n}.rss.
func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/s/")
	name, ok2 := strings.CutSuffix(name, ".rss")
	n, err := strconv.Atoi(name)
	if !ok || !ok2 || err != nil || n < 0 {
		http.NotFound(w, r)
		return
	}
	p := f.periodSeconds()
	cur := f.newest(n, f.now().Unix())
	tag := fmt.Sprintf(`"s%d-%d"`, n, cur)
	modified := time.Unix(cur, 0).UTC()
	w.Header().Set("ETag", tag)
	w.Header().Set("Last-Modified", modified.Format(http.TimeFormat))
	if notModified(r, tag, modified) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Soak source %d</title><link>http://127.0.0.1/s/%d</link><description>generated</description>
`, n, n)
	together := n > 0 && f.offset(n) == f.offset(n-1)
	for i := range int64(f.items) {
		t := cur - i*p
		story := n
		if together && floorDiv(t-f.offset(n), p)%10 == 0 {
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

// notModified reports whether the request's validators match the current
// document: If-None-Match when sent (it takes precedence), else
// If-Modified-Since.
func notModified(r *http.Request, tag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			if t = strings.TrimSpace(t); t == tag || t == "*" {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil && !modified.After(t) {
			return true
		}
	}
	return false
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
