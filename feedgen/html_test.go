package feedgen

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"newsdesk"
)

// element is a parsed HTML element: its tag, attributes and text.
type element struct {
	tag   string
	attrs map[string]string
	text  string
}

func parseElements(t *testing.T, body []byte) []element {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out []element
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			e := element{tag: n.Data, attrs: map[string]string{}}
			for _, a := range n.Attr {
				e.attrs[a.Key] = a.Val
			}
			var text strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					text.WriteString(c.Data)
				}
			}
			e.text = text.String()
			out = append(out, e)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

func TestIndexHTML(t *testing.T) {
	data := testItems()
	data["world"] = append([]newsdesk.Item{{
		ID: 13, SourceURL: "https://wire.example/world.rss", Key: "hash:1",
		Link: "javascript:alert(1)", Title: "<script>alert(1)</script> Scripted",
		SortAt: data["world"][0].SortAt.Add(time.Hour),
	}}, data["world"]...)
	ts := newTestServer(t, pagingStore(func() map[string][]newsdesk.Item { return data }), nil)
	resp, body := ts.do(t, "GET", "/", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", resp.StatusCode)
	}
	for h, want := range map[string]string{
		"Content-Type":            "text/html; charset=utf-8",
		"Content-Security-Policy": contentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	els := parseElements(t, body)
	alternates := map[string]string{}
	var viewport, stylesheet bool
	var scriptLink bool
	for _, e := range els {
		switch {
		case e.tag == "link" && e.attrs["rel"] == "alternate":
			alternates[e.attrs["href"]] = e.attrs["type"]
		case e.tag == "link" && e.attrs["rel"] == "stylesheet":
			stylesheet = e.attrs["href"] == "/static/style.css"
		case e.tag == "meta" && e.attrs["name"] == "viewport":
			viewport = strings.Contains(e.attrs["content"], "width=device-width")
		case e.tag == "script":
			t.Errorf("page has a <script> element: %q", e.text)
		case e.tag == "a" && strings.HasPrefix(e.attrs["href"], "javascript:"):
			scriptLink = true
		}
	}
	for _, sec := range testSections() {
		for ext, typ := range map[string]string{"atom": "application/atom+xml", "rss": "application/rss+xml", "json": "application/feed+json"} {
			href := ts.srv.URL + "/feeds/" + sec.ID + "." + ext
			if got := alternates[href]; got != typ {
				t.Errorf("autodiscovery link %s: type %q, want %q", href, got, typ)
			}
		}
	}
	if !viewport || !stylesheet {
		t.Errorf("viewport meta = %v, stylesheet link = %v; want both", viewport, stylesheet)
	}
	if scriptLink {
		t.Error("a javascript: item link became a hyperlink")
	}
	if !bytes.Contains(body, []byte("&lt;script&gt;alert(1)&lt;/script&gt; Scripted")) {
		t.Error("item title is not escaped as text")
	}
	if !bytes.Contains(body, []byte("World &lt;news&gt;")) {
		t.Error("section title is not escaped as text")
	}
	calls := ts.store.calls.Load()
	resp, _ = ts.do(t, "GET", "/", map[string]string{"If-None-Match": resp.Header.Get("ETag")})
	if resp.StatusCode != http.StatusNotModified || ts.store.calls.Load() != calls {
		t.Errorf("conditional index: status %d, store calls %d→%d; want 304 without queries", resp.StatusCode, calls, ts.store.calls.Load())
	}
	ts.h.Invalidate("vide")
	ts.do(t, "GET", "/", nil)
	if got, want := ts.store.calls.Load()-calls, int64(len(testSections())); got != want {
		t.Errorf("store calls after Invalidate = %d, want %d (index re-rendered)", got, want)
	}
}

func TestSectionPage(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	resp, body := ts.do(t, "GET", "/sections/politique", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", resp.StatusCode)
	}
	var items, alternates int
	var lang string
	for _, e := range parseElements(t, body) {
		switch {
		case e.tag == "html":
			lang = e.attrs["lang"]
		case e.tag == "li":
			items++
		case e.tag == "link" && e.attrs["rel"] == "alternate":
			alternates++
		}
	}
	if got, want := items, len(testItems()["politique"]); got != want {
		t.Errorf("items listed = %d, want %d", got, want)
	}
	if got, want := alternates, 3; got != want {
		t.Errorf("autodiscovery links = %d, want %d", got, want)
	}
	if got, want := lang, "fr"; got != want {
		t.Errorf("html lang = %q, want %q", got, want)
	}
}
