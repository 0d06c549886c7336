package fetcher

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/mmcdole/gofeed"

	"newsdesk"
)

func TestFetchBadBodies(t *testing.T) {
	var entityHits atomic.Int64
	entityTarget := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entityHits.Add(1)
		_, _ = w.Write([]byte("secret"))
	}))
	laughs := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>`
	external := func(u string) string {
		return `<?xml version="1.0"?>
<!DOCTYPE rss [ <!-- harmless comment ] > --> <!ENTITY xxe SYSTEM "` + u + `"> ]>
<rss version="2.0"><channel><title>&xxe;</title></channel></rss>`
	}
	deep := "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>deep</title><item><description>" +
		strings.Repeat("<a>", 100000) + strings.Repeat("</a>", 100000) + "</description></item></channel></rss>"

	tests := []struct {
		name     string
		ct       string
		body     string
		want     error
		contains []string // substrings of the error message
	}{
		{"empty", "application/rss+xml", "", ErrEmpty, []string{"empty body", "200 OK", "application/rss+xml"}},
		{"garbage", "application/octet-stream", "\x00\x01\x02binary\x7fgarbage\nhere", ErrNotFeed,
			[]string{"application/octet-stream", `starting "binary`}},
		{"plain text", "text/plain", "Hello, this is not a feed.", ErrNotFeed, []string{"text/plain", "Hello, this is not a feed."}},
		{"other xml root", "text/xml", `<?xml version="1.0"?><note><to>x</to></note>`, ErrNotFeed, []string{"root <note>"}},
		{"html without feed link", "text/html; charset=utf-8", "<!doctype html><html><head><title>Home</title></head><body>hi</body></html>",
			ErrNotFeed, []string{"html page without", "text/html"}},
		{"json that is not a feed", "application/json", `{"hello": "world"}`, ErrNotFeed, []string{"JSON Feed version"}},
		{"json array", "application/json", `[{"title": "x"}]`, ErrNotFeed, []string{"application/json"}},
		{"broken json", "application/feed+json", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, ErrParse, nil},
		{"billion laughs", "application/rss+xml", laughs, ErrParse, []string{"entities"}},
		{"external entity", "application/rss+xml", external("http://127.0.0.1:1/x"), ErrParse, []string{"entities"}},
		{"external entity to a live server", "application/rss+xml", external(entityTarget.URL + "/secret"), ErrParse, []string{"entities"}},
		{"parameter entity", "application/rss+xml", `<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:1/p"> %p;]><rss/>`, ErrParse, []string{"entities"}},
		{"100000 deep", "application/rss+xml", deep, ErrParse, []string{"nested more than 512"}},
		{"unterminated doctype", "application/rss+xml", `<!DOCTYPE rss [ <!ELEMENT rss ANY> `, ErrParse, []string{"DOCTYPE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, serveBytes(tt.ct, []byte(tt.body)))
			f := newTestFetcher(t, Options{})
			res := fetchURL(f, srv.URL, newsdesk.SourceState{})
			wantErr(t, res.Err, tt.want)
			t.Log(res.Err)
			for _, s := range tt.contains {
				if !strings.Contains(res.Err.Error(), s) {
					t.Errorf("err = %q, want it to contain %q", res.Err, s)
				}
			}
			if res.State.Error != res.Err.Error() {
				t.Errorf("State.Error = %q, want %q", res.State.Error, res.Err)
			}
			if got, want := res.State.Status, 200; got != want {
				t.Errorf("Status = %d, want %d", got, want)
			}
			if res.Feed != nil {
				t.Error("Feed != nil on error")
			}
		})
	}
	if got := entityHits.Load(); got != 0 {
		t.Errorf("external entity target was fetched %d times, want 0", got)
	}
}

func TestFetchDiscoversFeedInHTML(t *testing.T) {
	var pageHits atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		serveBytes("text/html; charset=utf-8", fixture(t, "page.html"))(w, r)
	})
	mux.HandleFunc("/news/feeds/rss.xml", serveBytes("application/rss+xml", fixture(t, "rss20.xml")))
	srv := serve(t, mux)
	f := newTestFetcher(t, Options{})

	res := fetchURL(f, srv.URL+"/news/", newsdesk.SourceState{})
	if res.Err != nil {
		t.Fatalf("err = %v", res.Err)
	}
	want := srv.URL + "/news/feeds/rss.xml"
	if res.Discovered != want {
		t.Errorf("Discovered = %q, want %q", res.Discovered, want)
	}
	if res.State.FinalURL != want {
		t.Errorf("FinalURL = %q, want %q", res.State.FinalURL, want)
	}
	if got, want := res.Feed.Title, "Valley Gazette"; got != want {
		t.Errorf("feed title = %q, want %q", got, want)
	}
	if got, want := len(res.Feed.Items), 2; got != want {
		t.Errorf("items = %d, want %d", got, want)
	}

	again := fetchURL(f, srv.URL+"/news/", res.State)
	if !again.NotModified || again.Err != nil {
		t.Errorf("second fetch: NotModified = %v, err = %v; want true, nil", again.NotModified, again.Err)
	}
	if got, want := pageHits.Load(), int64(1); got != want {
		t.Errorf("page fetched %d times, want %d (the second fetch should go to the feed)", got, want)
	}
}

func TestFetchRootAfterLongProlog(t *testing.T) {
	comments := strings.Repeat("<!-- padding comment, longer than gofeed's sniffing window -->\n", 80)
	subset := "<!DOCTYPE feed [\n" + strings.Repeat("<!ELEMENT x (#PCDATA)> <!-- a ']' and a '>' in a comment -->\n", 80) + "]>\n"
	tests := []struct {
		name, ct, body, title string
	}{
		{"rss after comments", "application/rss+xml",
			`<?xml version="1.0" encoding="utf-8"?>` + "\n" + comments + string(rssFeed("Late RSS", 2)), "Late RSS"},
		{"atom after comments", "application/atom+xml",
			`<?xml version="1.0"?>` + "\n" + comments + `<?xml-stylesheet href="a.xsl"?>` + string(fixture(t, "atom10.xml")[len(`<?xml version="1.0" encoding="utf-8"?>`):]), "Observatory Log"},
		{"atom after a long DOCTYPE", "application/atom+xml",
			`<?xml version="1.0"?>` + "\n" + subset + string(fixture(t, "atom10.xml")[len(`<?xml version="1.0" encoding="utf-8"?>`):]), "Observatory Log"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The case must defeat gofeed's own detection, or it tests nothing.
			if _, err := gofeed.NewParser().Parse(strings.NewReader(tt.body)); !errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
				t.Fatalf("gofeed.Parse err = %v, want ErrFeedTypeNotDetected", err)
			}
			srv := serve(t, serveBytes(tt.ct, []byte(tt.body)))
			res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
			if res.Err != nil {
				t.Fatalf("err = %v", res.Err)
			}
			if got := res.Feed.Title; got != tt.title {
				t.Errorf("title = %q, want %q", got, tt.title)
			}
			if got, want := len(res.Feed.Items), 2; got != want {
				t.Errorf("items = %d, want %d", got, want)
			}
		})
	}
}

func TestFetchCharsets(t *testing.T) {
	tests := []struct {
		file, ct, title, item string
	}{
		{"latin1-undeclared.xml", "application/rss+xml; charset=ISO-8859-1", "Café crème à Noël", "Señor Müller's façade"},
		{"koi8r-undeclared.xml", "text/xml; charset=koi8-r", "Погода на завтра", "Снег"},
		{"cp1252-undeclared.xml", "application/rss+xml", "“Prix” 5 € – soldes", "Œuvre d’art"},
		{"latin9-declared.xml", "text/xml; charset=windows-1251", "Prix en € et œufs", "Ça coûte 3 €"},
		{"rss20.xml", "text/xml; charset=iso-8859-1", "Valley Gazette", "Le marché déménage place de l’Église"},
		{"utf16le-bom.xml", "application/atom+xml", "Ωμέγα Τεύχος", "Σήμερα"},
		{"utf16be-bom.xml", "application/atom+xml; charset=utf-8", "Ωμέγα Τεύχος", "Σήμερα"},
		{"koi8r.xml", "application/rss+xml", "Новости города", "Мост открыт"},
		{"shiftjis.xml", "application/rss+xml", "東京のニュース", "桜が咲いた"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			srv := serve(t, serveBytes(tt.ct, fixture(t, tt.file)))
			res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
			if res.Err != nil {
				t.Fatalf("err = %v", res.Err)
			}
			if got := res.Feed.Title; got != tt.title {
				t.Errorf("title = %q, want %q", got, tt.title)
			}
			if got := res.Feed.Items[0].Title; got != tt.item {
				t.Errorf("item title = %q, want %q", got, tt.item)
			}
			if got := res.State.Title; got != tt.title {
				t.Errorf("State.Title = %q, want %q", got, tt.title)
			}
		})
	}
}

func TestFetchSendsHeaders(t *testing.T) {
	var ua, accept string
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua, accept = r.UserAgent(), r.Header.Get("Accept")
		_, _ = w.Write(rssFeed("H", 1))
	}))
	res := fetchURL(newTestFetcher(t, Options{UserAgent: "test-agent/2"}), srv.URL, newsdesk.SourceState{})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if ua != "test-agent/2" {
		t.Errorf("User-Agent = %q, want %q", ua, "test-agent/2")
	}
	for _, typ := range []string{"application/rss+xml", "application/atom+xml", "application/feed+json"} {
		if !strings.Contains(accept, typ) {
			t.Errorf("Accept = %q, want it to list %s", accept, typ)
		}
	}
	res = fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
	if res.Err != nil || ua != DefaultUserAgent {
		t.Errorf("default User-Agent = %q (err %v), want %q", ua, res.Err, DefaultUserAgent)
	}
}

func TestFetchRecordsSize(t *testing.T) {
	body := rssFeed("Sized", 5)
	srv := serve(t, serveBytes("application/rss+xml", body))
	res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if got, want := res.State.Bytes, int64(len(body)); got != want {
		t.Errorf("Bytes = %d, want %d", got, want)
	}
	if res.State.Duration <= 0 {
		t.Errorf("Duration = %s, want > 0", res.State.Duration)
	}
	if got, want := res.State.SiteURL, "http://127.0.0.1/site/"; got != want {
		t.Errorf("SiteURL = %q, want %q", got, want)
	}
	if got, want := res.State.URL, srv.URL; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	if !bytes.Contains(body, []byte("Story 4")) || res.Feed.Items[4].Title != "Story 4" {
		t.Errorf("item 4 = %q, want %q", res.Feed.Items[4].Title, "Story 4")
	}
}
