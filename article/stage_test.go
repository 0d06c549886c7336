package article

import (
	"context"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"newsdesk"
	"newsdesk/feedgen"
	"newsdesk/fetcher"
	"newsdesk/storage"
)

// pageOf returns a page of the labeled set by name.
func pageOf(t *testing.T, name string) labeled {
	t.Helper()
	for _, l := range loadSet(t) {
		if l.name == name {
			return l
		}
	}
	t.Fatalf("no labeled page %s", name)
	return labeled{}
}

func states(t *testing.T, w *world, items map[string]newsdesk.Item) map[string]storage.ArticleState {
	t.Helper()
	var ids []int64
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	st, err := w.db.ArticleStates(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]storage.ArticleState{}
	for link, it := range items {
		out[link] = st[it.ID]
	}
	return out
}

// isFull reports whether an item publishes the marked text of l.
func isFull(it newsdesk.Item, l labeled) bool {
	_, _, f := prf(plain(it.ContentHTML), l.gold)
	return f >= 0.97
}

// TestPublishedBeforeArticle: a slow article page never delays the feed.
// The feed's items are stored and published (the section changes) while
// the page has not answered; when it does, the item is upgraded, one more
// change of the section.
func TestPublishedBeforeArticle(t *testing.T) {
	l := pageOf(t, "paper-en-01")
	st := newSite(t)
	release := make(chan struct{})
	st.page("/slow", sitePage{body: l.html, wait: release})
	st.rss("/feed.rss", []feedItem{{title: "Council approves plan", link: st.url("/slow"), summary: "Two thousand homes on the docks."}})
	src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextOn, Sections: []string{"news"}}
	w := newWorld(t, fetcherOpts(), section("news", src))

	rep := w.desk.FetchSource(context.Background(), src, true)
	if rep.Err != nil || rep.Outcome.New != 1 {
		t.Fatalf("fetch: %+v", rep)
	}
	it := w.items("news")[st.url("/slow")]
	if got := plain(it.ContentHTML); got != "Two thousand homes on the docks." {
		t.Fatalf("published before the page answered: content %q, want the feed's summary", got)
	}
	w.mu.Lock()
	events := slices.Clone(w.events)
	w.mu.Unlock()
	if !slices.Equal(events, []string{"feed:news"}) {
		t.Fatalf("changes before the page answered = %v, want [feed:news]", events)
	}
	close(release)
	w.runner.Wait()
	if it := w.items("news")[st.url("/slow")]; !isFull(it, l) {
		t.Fatalf("after the page answered: content %q, want the article", plain(it.ContentHTML))
	}
	if !slices.Equal(w.events, []string{"feed:news", "article:news"}) {
		t.Fatalf("changes = %v, want [feed:news article:news]", w.events)
	}
}

// TestDownloadOnce: a page is fetched once across two fetches of its feed
// and across two sources (in two sections) linking it; it is requested
// again only when the item changes in its feed, conditionally (304), and
// the stored extraction is published again.
func TestDownloadOnce(t *testing.T) {
	l := pageOf(t, "ghost-en-02")
	st := newSite(t)
	st.page("/p", sitePage{body: l.html, etag: `"v1"`})
	items := []feedItem{{title: "The library that lends tools", link: st.url("/p"), summary: "Residents borrow drills."}}
	st.rss("/a.rss", items)
	st.atom("/b.atom", items)
	a := newsdesk.Source{URL: st.url("/a.rss"), FullText: newsdesk.FullTextAuto, Sections: []string{"one"}}
	b := newsdesk.Source{URL: st.url("/b.atom"), FullText: newsdesk.FullTextAuto, Sections: []string{"two"}}
	w := newWorld(t, fetcherOpts(), section("one", a), section("two", b))

	w.fetch(a)
	w.fetch(a)
	w.fetch(b)
	if n := st.hit("/p"); n != 1 {
		t.Fatalf("page requested %d times over two fetches and two sources, want 1", n)
	}
	for _, sec := range []string{"one", "two"} {
		if it := w.items(sec)[st.url("/p")]; !isFull(it, l) {
			t.Fatalf("section %s: content %q, want the article", sec, plain(it.ContentHTML))
		}
	}
	// The item changes in source a's feed: one conditional request, 304,
	// the stored extraction published again over the new feed text.
	st.rss("/a.rss", []feedItem{{title: "The library that lends tools", link: st.url("/p"), summary: "Residents borrow drills and ladders."}})
	w.now = w.now.Add(time.Hour)
	w.fetch(a)
	if n := st.hit("/p"); n != 2 {
		t.Fatalf("page requested %d times after the item changed, want 2", n)
	}
	if it := w.items("one")[st.url("/p")]; !isFull(it, l) {
		t.Fatalf("after a 304: content %q, want the article", plain(it.ContentHTML))
	}
	a304, ok, err := w.db.StoredArticle(context.Background(), ArticleKey(st.url("/p"), nil))
	if err != nil || !ok || a304.Status != 304 || a304.ETag != `"v1"` {
		t.Fatalf("stored article after the refetch: %+v, %v, %v; want status 304 with its ETag", a304, ok, err)
	}
}

// TestRobots: robots.txt is honoured for article pages; a disallowed page
// is never requested and its item keeps the summary, with the reason.
func TestRobots(t *testing.T) {
	l := pageOf(t, "wp-fr-02")
	st := newSite(t)
	st.robot = "User-agent: *\nDisallow: /\n\nUser-agent: newsdesk\nAllow: /ok/\nDisallow: /private/\n"
	st.page("/private/p", sitePage{body: l.html})
	st.page("/ok/p", sitePage{body: l.html})
	st.rss("/feed.rss", []feedItem{
		{title: "Privé", link: st.url("/private/p"), summary: "La ligne 12 prolongée."},
		{title: "Public", link: st.url("/ok/p"), summary: "La ligne 12 prolongée jusqu'à la zone."},
	})
	src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextOn, Sections: []string{"s"}}
	w := newWorld(t, fetcherOpts(), section("s", src))
	w.fetch(src)
	if n := st.hit("/private/p"); n != 0 {
		t.Fatalf("disallowed page requested %d times", n)
	}
	items := w.items("s")
	if got := plain(items[st.url("/private/p")].ContentHTML); got != "La ligne 12 prolongée." {
		t.Fatalf("disallowed page: content %q, want the summary", got)
	}
	if !isFull(items[st.url("/ok/p")], l) {
		t.Fatalf("allowed page not published")
	}
	if s := states(t, w, items)[st.url("/private/p")]; s.State != storage.ArticleKept || !strings.Contains(s.String(), "robots.txt disallows it") {
		t.Fatalf("disallowed page decision %+v", s)
	}
	if n := st.hit("/robots.txt"); n != 1 {
		t.Fatalf("robots.txt read %d times, want 1", n)
	}
}

// TestFailuresKeepTheSummary: every way an article can fail leaves the
// feed's text published, records the reason shown by explain, and counts
// in the source's success rate; a transient failure is tried again.
func TestFailuresKeepTheSummary(t *testing.T) {
	good := pageOf(t, "paper-fr-02")
	st := newSite(t)
	big := append([]byte("<html><body><article>"), []byte(strings.Repeat("<p>Un paragraphe de remplissage assez long pour grossir la page.</p>", 2000))...)
	teaser := []byte(`<html><head><title>Réservé</title></head><body><article><h1>Le prix des logements</h1><p>Cet article est réservé aux abonnés.</p><a href="/abo">S'abonner</a></article></body></html>`)
	cases := []struct {
		path, state, reason string
		page                sitePage
	}{
		{"/missing", storage.ArticleKept, "HTTP 404 Not Found", sitePage{}},
		{"/doc.pdf", storage.ArticleKept, "not an HTML page (application/pdf)", sitePage{body: []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), contentType: "application/pdf"}},
		{"/blob.bin", storage.ArticleKept, "not an HTML page (application/octet-stream)", sitePage{body: []byte{0, 1, 2, 0xff, 0xfe, 0x80, 0, 0, 7}, contentType: "application/octet-stream"}},
		{"/huge", storage.ArticleKept, "larger than fetch.max_body", sitePage{body: big}},
		{"/teaser", storage.ArticleKept, "not longer than the feed's", sitePage{body: teaser}},
		{"/broken", storage.ArticleRetry, "HTTP 503 Service Unavailable", sitePage{body: []byte("busy"), status: 503}},
		{"/good", storage.ArticleFull, "", sitePage{body: good.html}},
	}
	var items []feedItem
	for _, c := range cases {
		if c.page.body != nil {
			st.page(c.path, c.page)
		}
		items = append(items, feedItem{title: "Titre " + c.path, link: st.url(c.path),
			summary: "Selon les notaires (cas " + c.path + "), les prix ont baissé de 4 % sur un an."})
	}
	st.rss("/feed.rss", items)
	src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextOn, Sections: []string{"s"}}
	w := newWorld(t, fetcher.Options{MaxBody: 64 << 10}, section("s", src))
	w.fetch(src)
	got := w.items("s")
	decisions := states(t, w, got)
	for _, c := range cases {
		it, d := got[st.url(c.path)], decisions[st.url(c.path)]
		if d.State != c.state || !strings.Contains(d.Reason, c.reason) {
			t.Errorf("%s: decision %q %q, want %q containing %q", c.path, d.State, d.Reason, c.state, c.reason)
		}
		if c.state != storage.ArticleFull && !strings.HasPrefix(plain(it.ContentHTML), "Selon les notaires") {
			t.Errorf("%s: content %q, want the feed's summary", c.path, plain(it.ContentHTML))
		}
	}
	if !isFull(got[st.url("/good")], good) {
		t.Errorf("the good page is not published")
	}
	rates, err := w.db.ArticleRates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if r := rates[src.URL]; r.Full != 1 || r.Kept != 6 {
		t.Errorf("rate %+v, want 1 full and 6 failed", r)
	}
	// The transient failure is tried again at the next run, and only it.
	st.page("/broken", sitePage{body: good.html})
	before := st.hit("/missing")
	if _, err := w.stage.Run(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	if st.hit("/missing") != before || st.hit("/broken") != 2 {
		t.Errorf("second run: /missing %d→%d requests, /broken %d; want only /broken again", before, st.hit("/missing"), st.hit("/broken"))
	}
	if d := states(t, w, w.items("s"))[st.url("/broken")]; d.State != storage.ArticleFull {
		t.Errorf("/broken after it recovered: %+v, want full", d)
	}
}

// TestHostileMarkup: scripts, event handlers, javascript: URLs, frames,
// forms and styles in a page reach no output: not the stored item (its
// content, a standfirst put back from outside the article, its image, a
// byline taken from JSON-LD), not the rendered feeds and pages.
func TestHostileMarkup(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Piège</title><script>steal()</script><style>p{color:red}</style>
<meta property="og:image" content="javascript:alert(1)">
<meta name="description" content="Le chapô du piège, assez long pour être reconnu comme le chapeau de la page, avec des mots en nombre.">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":{"@type":"Person","name":"Jean <img src=x onerror=steal()> Piégeur"}}</script></head><body onload="steal()">
<div class="x1" onmouseover="steal()">Le chapô du piège, assez long pour être reconnu comme le chapeau de la page, avec des mots en nombre.</div><article>
<h1>Piège</h1>
<p onclick="steal()">Premier paragraphe du texte, assez long pour que l'extracteur le garde comme corps de l'article, avec des mots en nombre.</p>
<p>Deuxième paragraphe <a href="javascript:alert(1)">un lien piégé</a> et <a href="/ok" onmouseover="steal()">un lien correct</a>, lui aussi assez long pour compter dans le texte de la page.</p>
<img src="/i.jpg" onerror="steal()" alt="x"><svg onload="steal()"><circle r="2"/></svg>
<iframe src="https://evil.example/"></iframe><form action="/x"><input name="q"></form>
<p style="display:block" data-x="1">Troisième paragraphe, encore du texte de l'article pour dépasser largement le résumé du flux et publier le texte intégral.</p>
<script>document.write('<p>injecté</p>')</script><noscript><img src="/pixel.gif" onerror="steal()"></noscript>
</article></body></html>`
	st := newSite(t)
	st.page("/p", sitePage{body: []byte(page)})
	st.rss("/feed.rss", []feedItem{{title: "Piège", link: st.url("/p"), summary: "Un résumé."}})
	src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextOn, Sections: []string{"s"}}
	sec := section("s", src)
	w := newWorld(t, fetcherOpts(), sec)
	w.fetch(src)
	it := w.items("s")[st.url("/p")]
	if !strings.Contains(it.ContentHTML, "Troisième paragraphe") {
		t.Fatalf("article not published: %q", it.ContentHTML)
	}
	h := feedgen.NewHandler(w.db, []newsdesk.Section{sec}, feedgen.Options{BaseURL: "http://127.0.0.1:8080"})
	if !slices.Equal(it.Authors, []string{"Jean Piégeur"}) {
		t.Errorf("authors %q, want the JSON-LD name without its markup", it.Authors)
	}
	if !strings.Contains(it.ContentHTML, "Le chapô du piège") {
		t.Errorf("the standfirst outside the article was not put back: %q", it.ContentHTML)
	}
	outputs := map[string]string{"stored content": it.ContentHTML, "image": it.ImageURL, "authors": strings.Join(it.Authors, ", ")}
	for _, path := range []string{"/feeds/s.atom", "/feeds/s.rss", "/feeds/s.json", "/sections/s"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			t.Fatalf("%s: %d", path, rec.Code)
		}
		outputs[path] = rec.Body.String()
	}
	for name, out := range outputs {
		low := strings.ToLower(out)
		for _, bad := range []string{"steal(", "javascript:", "onclick", "onerror", "onload", "onmouseover", "<iframe", "<form", "<svg", "injecté", "color:red", "<noscript"} {
			if strings.Contains(low, bad) {
				t.Errorf("%s holds %q", name, bad)
			}
		}
	}
}

// TestAutoAndHosts: auto fetches only summaries linking to the source's
// site or full_text_hosts; true fetches every linked item; false none.
func TestAutoAndHosts(t *testing.T) {
	l := pageOf(t, "paper-en-03")
	st, other := newSite(t), newSite(t)
	st.page("/own", sitePage{body: l.html})
	st.page("/long", sitePage{body: l.html})
	other.page("/off", sitePage{body: l.html})
	long := strings.Repeat("A feed that carries its whole text has many words in it. ", 8)
	st.rss("/feed.rss", []feedItem{
		{title: "Own", link: st.url("/own"), summary: "Late trains return."},
		{title: "Long", link: st.url("/long"), summary: long},
		{title: "Off", link: other.url("/off"), summary: "Late trains return, elsewhere."},
	})
	cases := []struct {
		name            string
		mode            newsdesk.FullText
		hosts           []string
		own, long, offs int // requests expected
	}{
		{"auto", newsdesk.FullTextAuto, nil, 1, 0, 0},
		{"auto with the other host listed", newsdesk.FullTextAuto, []string{"127.0.0.1"}, 1, 0, 1},
		{"true", newsdesk.FullTextOn, nil, 1, 1, 1},
		{"false", newsdesk.FullTextOff, nil, 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st.hits, other.hits = map[string]int{}, map[string]int{}
			src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: c.mode, FullTextHosts: c.hosts, Sections: []string{"s"}}
			w := newWorld(t, fetcherOpts(), section("s", src))
			w.fetch(src)
			if got := [3]int{st.hit("/own"), st.hit("/long"), other.hit("/off")}; got != [3]int{c.own, c.long, c.offs} {
				t.Errorf("requests (own, long feed text, other host) = %v, want %v", got, [3]int{c.own, c.long, c.offs})
			}
		})
	}
}

// TestPageMetadata: when the feed gives no author, date or image, the
// page's JSON-LD byline and date, og:image and canonical link are taken.
func TestPageMetadata(t *testing.T) {
	l := pageOf(t, "drupal-fr-02")
	st := newSite(t)
	st.page("/p", sitePage{body: l.html})
	st.rss("/feed.rss", []feedItem{{title: "Formation", link: st.url("/p"), summary: "Une licence professionnelle."}})
	src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextOn, Sections: []string{"s"}}
	w := newWorld(t, fetcherOpts(), section("s", src))
	w.fetch(src)
	it := w.items("s")[st.url("/p")]
	if !slices.Equal(it.Authors, []string{"Paul Girard"}) {
		t.Errorf("authors %q, want the JSON-LD author", it.Authors)
	}
	if want := time.Date(2026, 11, 25, 15, 30, 0, 0, time.UTC); !it.Published.Equal(want) {
		t.Errorf("published %v, want %v", it.Published, want)
	}
	if want := "https://drupal.example/sites/default/files/2026-11/renovation.jpg"; it.ImageURL != want {
		t.Errorf("image %q, want %q", it.ImageURL, want)
	}
	if want := "https://drupal.example/actualites/luniversit-ouvre-une-formation-aux-mtiers-de-la-rnovation-nergtique"; it.CanonicalLink != want {
		t.Errorf("canonical link %q, want %q", it.CanonicalLink, want)
	}
}

// TestBudget: a run fetches at most Budget pages; the rest wait for the
// next run.
func TestBudget(t *testing.T) {
	l := pageOf(t, "amp-en-02")
	st := newSite(t)
	var items []feedItem
	for _, p := range []string{"/1", "/2", "/3", "/4", "/5"} {
		st.page(p, sitePage{body: l.html})
		items = append(items, feedItem{title: "Garden " + p, link: st.url(p), summary: "A walled garden."})
	}
	st.rss("/feed.rss", items)
	src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextOn, Sections: []string{"s"}}
	w := newWorld(t, fetcherOpts(), section("s", src))
	w.desk.AfterStore = nil
	w.stage.Budget = 2
	w.fetch(src)
	for i, want := range []struct{ fetched, deferred int }{{2, 3}, {2, 1}, {1, 0}} {
		rep, err := w.stage.Run(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Fetched != want.fetched || rep.Deferred != want.deferred {
			t.Fatalf("run %d: fetched %d, deferred %d; want %d, %d", i+1, rep.Fetched, rep.Deferred, want.fetched, want.deferred)
		}
	}
}

// TestNearDuplicateByFullText: once a summary-only item has its article's
// text, a retelling of the story by another source (another headline,
// another link, the text in its feed) is matched to it by that text; with
// the summary alone it is not.
func TestNearDuplicateByFullText(t *testing.T) {
	l := pageOf(t, "paper-fr-03")
	for _, c := range []struct {
		name          string
		mode          newsdesk.FullText
		retellingLast bool
		oneStory      bool
	}{
		{"summary only, retelling after", newsdesk.FullTextOff, true, false},
		{"full text, retelling after", newsdesk.FullTextAuto, true, true},
		{"summary only, retelling before", newsdesk.FullTextOff, false, false},
		{"full text, retelling before: the upgrade places the item again", newsdesk.FullTextAuto, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			wire, paper := newSite(t), newSite(t)
			wire.page("/fonderie", sitePage{body: l.html})
			wire.rss("/feed.rss", []feedItem{{title: "Un accord trouvé pour sauver la fonderie de la vallée", link: wire.url("/fonderie"),
				summary: "Un industriel allemand reprend l'usine.", date: "2026-11-23T17:45:00Z"}})
			var body strings.Builder
			for _, para := range strings.Split(strings.TrimSpace(l.gold), "\n") {
				body.WriteString("<p>" + para + "</p>")
			}
			paper.rss("/feed.rss", []feedItem{{title: "Fonderie : un repreneur allemand garde deux cents salariés", link: paper.url("/eco/fonderie"),
				summary: body.String(), date: "2026-11-23T19:00:00Z"}})
			a := newsdesk.Source{URL: wire.url("/feed.rss"), FullText: c.mode, Sections: []string{"eco"}}
			b := newsdesk.Source{URL: paper.url("/feed.rss"), Sections: []string{"eco"}}
			w := newWorld(t, fetcherOpts(), section("eco", a, b))
			order := []newsdesk.Source{a, b}
			if !c.retellingLast {
				order = []newsdesk.Source{b, a}
			}
			for _, src := range order {
				w.fetch(src)
				w.now = w.now.Add(10 * time.Minute)
			}
			ds, err := w.db.Explain(context.Background(), "eco", 10)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, d := range ds {
				got[d.State]++
			}
			want := map[string]int{"in": 2}
			if c.oneStory {
				want = map[string]int{"in": 1, "duplicate": 1}
			}
			if got["in"] != want["in"] || got["duplicate"] != want["duplicate"] {
				t.Fatalf("decisions %v, want %v", got, want)
			}
			if pub := w.items("eco"); len(pub) != want["in"] {
				t.Fatalf("%d items published, want %d", len(pub), want["in"])
			}
		})
	}
}

// TestTimeoutCharsetStrip: a page slower than fetch.timeout keeps the
// summary (to be tried again); a windows-1252 page declared by its HTTP
// header only (with a wrong <meta charset>) is decoded by the header; the
// source's strip rules apply to the extracted text.
func TestTimeoutCharsetStrip(t *testing.T) {
	st := newSite(t)
	never := make(chan struct{})
	t.Cleanup(func() { close(never) })
	st.page("/slow", sitePage{body: []byte("<p>late</p>"), wait: never})
	text := "<p>Les élèves de l’école Jules-Ferry ont planté quarante arbres fruitiers dans la cour, avec l’aide des parents et des jardiniers de la ville.</p>" +
		"<p>Chaque classe s’occupera d’un rang de pommiers et de poiriers, et la récolte sera servie à la cantine dès l’automne prochain.</p>" +
		"<p>Ce contenu vous est offert par notre partenaire Jardins &amp; Cie.</p>" +
		"<p>Le projet a reçu le prix départemental de l’éducation à l’environnement, doté de deux mille euros pour acheter des outils.</p>"
	page, err := charmap.Windows1252.NewEncoder().String(`<html><head><meta charset="utf-8"><title>Verger</title></head><body><article><h1>Verger</h1>` + text + `</article></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	st.page("/verger", sitePage{body: []byte(page), contentType: "text/html; charset=windows-1252"})
	st.rss("/feed.rss", []feedItem{
		{title: "Lent", link: st.url("/slow"), summary: "Une page lente."},
		{title: "Verger", link: st.url("/verger"), summary: "Quarante arbres fruitiers."},
	})
	src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextOn, Sections: []string{"s"},
		Strip: []*regexp.Regexp{regexp.MustCompile(`(?i)^ce contenu vous est offert par .*`)}}
	w := newWorld(t, fetcher.Options{Timeout: 500 * time.Millisecond}, section("s", src))
	w.fetch(src)
	items := w.items("s")
	d := states(t, w, items)
	if s := d[st.url("/slow")]; s.State != storage.ArticleRetry || !strings.Contains(s.Reason, "did not answer in time") {
		t.Errorf("slow page decision %+v, want a retry naming the timeout", s)
	}
	if got := plain(items[st.url("/slow")].ContentHTML); got != "Une page lente." {
		t.Errorf("slow page content %q, want the summary", got)
	}
	got := plain(items[st.url("/verger")].ContentHTML)
	for _, want := range []string{"l’école Jules-Ferry", "s’occupera", "récolte", "prix départemental"} {
		if !strings.Contains(got, want) {
			t.Errorf("decoded text lacks %q: %q", want, got)
		}
	}
	if strings.Contains(got, "partenaire") {
		t.Errorf("the strip rule did not apply: %q", got)
	}
}

// TestLearnsAcrossRuns: the furniture of a site is learned across its
// pages and runs. The first page of a div-soup site is published with a
// line only its recurrence gives away (a print run, in the text's own
// block class, no rule's words or shape); when two more pages arrive in a
// later run, the line is known, and the first item is cleaned again (one
// more change of its section).
func TestLearnsAcrossRuns(t *testing.T) {
	const recurring = "Tiré chaque matin à douze mille exemplaires dans notre imprimerie de Quimperlé, sur un papier venu des Vosges."
	set := map[string]labeled{}
	for _, l := range loadSet(t) {
		if strings.HasPrefix(l.name, "soup-fr-") {
			l.html = []byte(strings.Replace(string(l.html), `<div class="sc-w1x2y3 WxYzAb">`, `<div class="sc-p7q8r9 YzAbCd">`+recurring+`</div><div class="sc-w1x2y3 WxYzAb">`, 1))
			l.chrome = append(l.chrome, recurring)
		}
		set[l.name] = l
	}
	metas := readMetaFile(t)
	st := newSite(t)
	var items []feedItem
	for _, name := range []string{"soup-fr-01", "soup-fr-02", "soup-fr-03"} {
		st.page("/"+name, sitePage{body: set[name].html})
		items = append(items, feedItem{title: metas[name].title, link: st.url("/" + name), summary: summaryOf(metas[name].lead)})
	}
	src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextAuto, Sections: []string{"s"}}
	w := newWorld(t, fetcherOpts(), section("s", src))
	st.rss("/feed.rss", items[:1])
	w.fetch(src)
	first := set["soup-fr-01"]
	if left := chromeLeft(plain(w.items("s")[st.url("/soup-fr-01")].ContentHTML), first); len(left) == 0 {
		t.Fatalf("the first page alone lost its site furniture: nothing left to learn (test broken)")
	}
	st.rss("/feed.rss", items)
	w.now = w.now.Add(time.Hour)
	w.fetch(src)
	text := plain(w.items("s")[st.url("/soup-fr-01")].ContentHTML)
	if left := chromeLeft(text, first); len(left) > 0 {
		t.Errorf("after the site's other pages: chrome left %q", left)
	}
	if _, _, f := prf(text, first.gold); f < 0.97 {
		t.Errorf("after the site's other pages: F1 %.3f", f)
	}
	if n := st.hit("/soup-fr-01"); n != 1 {
		t.Errorf("the first page was fetched %d times, want 1 (cleaned again from the stored extraction)", n)
	}
}

// TestHomePageCanonical: a page whose canonical link is its site's home
// page (a template mistake) keeps the item's own canonical link.
func TestHomePageCanonical(t *testing.T) {
	l := pageOf(t, "ghost-en-03")
	st := newSite(t)
	page := strings.Replace(string(l.html), `<link rel="canonical" href="https://ghost.example/`, `<link rel="canonical" href="https://ghost.example/"><link rel="x" href="`, 1)
	st.page("/p", sitePage{body: []byte(page)})
	st.rss("/feed.rss", []feedItem{{title: "Frost", link: st.url("/p"), summary: "Late frosts."}})
	src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextOn, Sections: []string{"s"}}
	w := newWorld(t, fetcherOpts(), section("s", src))
	w.fetch(src)
	it := w.items("s")[st.url("/p")]
	if !isFull(it, l) {
		t.Fatal("not published")
	}
	if it.CanonicalLink != ArticleKey(st.url("/p"), nil) {
		t.Errorf("canonical link %q, want the item's own", it.CanonicalLink)
	}
}
