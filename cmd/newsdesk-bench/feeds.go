package main

import (
	"fmt"
	"hash/fnv"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"newsdesk/internal/textgen"
)

// corpus generates the bench's sources: n sources of m items each, every
// item about 1 KB of content. Sources are paired (2k and 2k+1); the last
// dups items of each source retell the first dups stories of its partner
// with the same dispatch text under another URL and another headline, so
// that dups/m of all items are cross-source duplicates. Everything is a
// pure function of the indexes: no feed is kept in memory.
type corpus struct {
	n, m, dups int
	base       time.Time // publication time of the newest story
	gen        *textgen.Generator
}

// newCorpus returns the corpus of n sources of m items, a share of them
// retold, whose text is of the given mode (textgen: default, zipf, small).
func newCorpus(n, m int, share float64, base time.Time, mode textgen.Mode) *corpus {
	d := int(float64(m)*share + 0.5)
	d = min(d, m/2) // retold stories must be originals of the partner
	if n < 2 {
		d = 0
	}
	return &corpus{n: n, m: m, dups: d, base: base, gen: textgen.New(mode)}
}

// text writes nw words of the corpus's text mode seeded by seed (in the
// default mode, the words the bench always generated).
func (c *corpus) text(b *strings.Builder, seed uint64, nw int) { c.gen.Words(b, seed, nw) }

// story says which story item j of source s tells: its own, or a retelling
// of (partner, k).
func (c *corpus) story(s, j int) (src, idx int, retold bool) {
	if j >= c.m-c.dups {
		p := s ^ 1
		if p < c.n {
			return p, j - (c.m - c.dups), true
		}
	}
	return s, j, false
}

func seedOf(parts ...int) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(strconv.Itoa(p) + "/"))
	}
	return h.Sum64()
}

// published is the publication time of story (s, j); a retelling comes 20
// minutes after its original.
func (c *corpus) published(s, j int, retold bool) time.Time {
	t := c.base.Add(-time.Duration(j)*40*time.Minute - time.Duration(s%40)*time.Minute)
	if retold {
		t = t.Add(20 * time.Minute)
	}
	return t
}

// feed returns the RSS document of source s as served from host.
func (c *corpus) feed(host string, s int) []byte { return c.feedRange(host, s, 0, c.m) }

// feedRange returns the RSS document of source s holding its items from
// (newest) to to (excluded): a window of the source's history.
func (c *corpus) feedRange(host string, s, from, to int) []byte {
	var b strings.Builder
	b.Grow((to - from) * 1800)
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Source %d</title><link>http://%s/s/%d/</link><description>Bench source %d</description><language>fr</language>
`, s, host, s, s)
	for j := from; j < to; j++ {
		ss, sj, retold := c.story(s, j)
		fmt.Fprintf(&b, "<item><title>")
		c.text(&b, seedOf(s, j, 1), 9) // own headline, even for a retold story
		fmt.Fprintf(&b, " %d-%d</title><link>http://%s/s/%d/%d.html?utm_source=rss</link><guid isPermaLink=\"false\">src%d-item%d</guid>",
			s, j, host, s, j, s, j)
		fmt.Fprintf(&b, "<pubDate>%s</pubDate><dc:creator>Rédaction %d</dc:creator><category>cat%d</category><description>",
			c.published(ss, sj, retold).Format(time.RFC1123Z), s, j%5)
		c.text(&b, seedOf(ss, sj, 2), 30)
		b.WriteString("</description><content:encoded><![CDATA[")
		// The dispatch: about 1 KB of text in four paragraphs, shared by
		// every retelling of the story.
		for p := range 4 {
			b.WriteString("<p>")
			c.text(&b, seedOf(ss, sj, 3, p), 28)
			if p == 1 {
				fmt.Fprintf(&b, ` <a href="http://%s/s/%d/related.html?fbclid=x">lire</a>`, host, s)
			}
			b.WriteString("</p>")
		}
		b.WriteString("]]></content:encoded></item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// etag is the validator of source s's document: it never changes.
func etag(s int) string { return `"bench-` + strconv.Itoa(s) + `"` }

// feedServer serves the corpus on a loopback listener: /s/{n}.xml, with
// ETag and If-None-Match (304) support.
type feedServer struct {
	c    *corpus
	srv  *http.Server
	host string
	full atomic.Int64 // documents served whole (200), not 304
}

func startFeedServer(c *corpus) (*feedServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	fs := &feedServer{c: c, host: ln.Addr().String()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /s/{file}", func(w http.ResponseWriter, r *http.Request) {
		s, err := strconv.Atoi(strings.TrimSuffix(r.PathValue("file"), ".xml"))
		if err != nil || s < 0 || s >= c.n {
			http.NotFound(w, r)
			return
		}
		tag := etag(s)
		w.Header().Set("ETag", tag)
		if r.Header.Get("If-None-Match") == tag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fs.full.Add(1)
		body := c.feed(fs.host, s)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	})
	fs.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go fs.srv.Serve(ln)
	return fs, nil
}

func (fs *feedServer) url(s int) string { return fmt.Sprintf("http://%s/s/%d.xml", fs.host, s) }

func (fs *feedServer) Close() error { return fs.srv.Close() }
