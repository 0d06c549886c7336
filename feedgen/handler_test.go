package feedgen

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"newsdesk"
)

// testServer serves a Handler over real HTTP on 127.0.0.1, with BaseURL set
// to the server's URL so that the links in the feeds can be followed.
type testServer struct {
	h      *Handler
	srv    *httptest.Server
	client *http.Client
	store  *fakeStore
}

func newTestServer(t *testing.T, store *fakeStore, edit func(*Options)) *testServer {
	t.Helper()
	ts := &testServer{store: store}
	// The handler needs the server's URL and the server the handler: the
	// server starts once both are set (a request from another process,
	// such as a conformance checker, has no happens-before edge with a
	// later assignment).
	ts.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ts.h.ServeHTTP(w, r) }))
	opt := testOptions()
	opt.BaseURL = "http://" + ts.srv.Listener.Addr().String()
	opt.Hub = ""
	if edit != nil {
		edit(&opt)
	}
	ts.h = NewHandler(store, testSections(), opt)
	ts.srv.Start()
	t.Cleanup(ts.srv.Close)
	// No transparent gzip: the tests choose Accept-Encoding themselves.
	tr := &http.Transport{DisableCompression: true}
	t.Cleanup(tr.CloseIdleConnections)
	ts.client = &http.Client{Transport: tr}
	return ts
}

// do sends a request to path with the given headers and reads the body.
func (ts *testServer) do(t *testing.T, method, path string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	url := path
	if len(path) > 0 && path[0] == '/' {
		url = ts.srv.URL + path
	}
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := ts.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestServeFeedConditional(t *testing.T) {
	tests := []struct{ path, ctype, format string }{
		{"/feeds/politique.atom", "application/atom+xml; charset=utf-8", "atom"},
		{"/feeds/politique.rss", "application/rss+xml; charset=utf-8", "rss"},
		{"/feeds/politique.json", "application/feed+json", "json"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			ts := newTestServer(t, pagingStore(testItems), nil)
			resp, body := ts.do(t, "GET", tt.path, nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status = %d, want 200", resp.StatusCode)
			}
			for h, want := range map[string]string{
				"Content-Type":           tt.ctype,
				"Cache-Control":          "public, max-age=900",
				"X-Content-Type-Options": "nosniff",
				"Last-Modified":          "Sat, 14 Mar 2026 19:05:00 GMT",
			} {
				if got := resp.Header.Get(h); got != want {
					t.Errorf("%s = %q, want %q", h, got, want)
				}
			}
			etag := resp.Header.Get("ETag")
			if len(etag) < 3 || etag[0] != '"' || etag[len(etag)-1] != '"' {
				t.Errorf("ETag = %q, want a strong quoted tag", etag)
			}
			var want []byte
			var err error
			sec := testSections()[0]
			switch tt.format {
			case "atom":
				want, err = Atom(&sec, testItems()["politique"], ts.h.opt, PageLinks{})
			case "rss":
				want, err = RSS(&sec, testItems()["politique"], ts.h.opt, PageLinks{})
			default:
				want, err = JSON(&sec, testItems()["politique"], ts.h.opt, PageLinks{})
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(body, want) {
				t.Errorf("served body differs from the rendered document:\n%s", body)
			}
			if got, want := ts.store.calls.Load(), int64(1); got != want {
				t.Fatalf("store calls after first GET = %d, want %d", got, want)
			}

			conditional := []struct {
				name string
				hdr  map[string]string
				want int
			}{
				{"If-None-Match", map[string]string{"If-None-Match": etag}, http.StatusNotModified},
				{"If-None-Match weak in list", map[string]string{"If-None-Match": `"x", W/` + etag}, http.StatusNotModified},
				{"If-None-Match other", map[string]string{"If-None-Match": `"other"`}, http.StatusOK},
				{"If-Modified-Since same", map[string]string{"If-Modified-Since": resp.Header.Get("Last-Modified")}, http.StatusNotModified},
				{"If-Modified-Since later", map[string]string{"If-Modified-Since": "Sun, 15 Mar 2026 00:00:00 GMT"}, http.StatusNotModified},
				{"If-Modified-Since earlier", map[string]string{"If-Modified-Since": "Sat, 14 Mar 2026 19:04:59 GMT"}, http.StatusOK},
				{"plain repeat", nil, http.StatusOK},
			}
			for _, c := range conditional {
				resp, body := ts.do(t, "GET", tt.path, c.hdr)
				if resp.StatusCode != c.want {
					t.Errorf("%s: status = %d, want %d", c.name, resp.StatusCode, c.want)
				}
				if c.want == http.StatusNotModified && (len(body) != 0 || resp.Header.Get("ETag") != etag) {
					t.Errorf("%s: 304 with %d body bytes and ETag %q", c.name, len(body), resp.Header.Get("ETag"))
				}
			}
			if got, want := ts.store.calls.Load(), int64(1); got != want {
				t.Errorf("store calls after repeated and conditional GETs = %d, want %d", got, want)
			}
		})
	}
}

func TestServeGzip(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	_, plain := ts.do(t, "GET", "/feeds/politique.atom", nil)
	resp, gz := ts.do(t, "GET", "/feeds/politique.atom", map[string]string{"Accept-Encoding": "br, gzip;q=0.8"})
	if got := resp.Header.Get("Content-Encoding"); got != "gzip" {
		t.Fatalf("Content-Encoding = %q, want gzip", got)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(unzipped, plain) {
		t.Error("gzip body does not decode to the identity body")
	}
	gzTag := resp.Header.Get("ETag")
	resp, _ = ts.do(t, "GET", "/feeds/politique.atom", map[string]string{"Accept-Encoding": "gzip", "If-None-Match": gzTag})
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match with the gzip ETag: status = %d, want 304", resp.StatusCode)
	}
	resp, _ = ts.do(t, "GET", "/feeds/politique.atom", map[string]string{"Accept-Encoding": "gzip;q=0, identity"})
	if got := resp.Header.Get("Content-Encoding"); got != "" {
		t.Errorf("gzip;q=0: Content-Encoding = %q, want none", got)
	}
	if got, want := ts.store.calls.Load(), int64(1); got != want {
		t.Errorf("store calls = %d, want %d (gzip is kept with the render)", got, want)
	}
}

func TestServeHEAD(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	getResp, getBody := ts.do(t, "GET", "/feeds/politique.rss", nil)
	resp, body := ts.do(t, "HEAD", "/feeds/politique.rss", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d, want 200", resp.StatusCode)
	}
	if len(body) != 0 {
		t.Errorf("HEAD body = %d bytes, want none", len(body))
	}
	if got, want := resp.ContentLength, int64(len(getBody)); got != want {
		t.Errorf("HEAD Content-Length = %d, want %d", got, want)
	}
	if got, want := resp.Header.Get("ETag"), getResp.Header.Get("ETag"); got != want {
		t.Errorf("HEAD ETag = %q, want %q", got, want)
	}
}

func TestServeErrors(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	tests := []struct {
		method, path string
		want         int
	}{
		{"GET", "/feeds/nope.atom", http.StatusNotFound},
		{"GET", "/feeds/politique.xml", http.StatusNotFound},
		{"GET", "/feeds/politique", http.StatusNotFound},
		{"GET", "/sections/nope", http.StatusNotFound},
		{"GET", "/nope", http.StatusNotFound},
		{"GET", "/feeds/politique.atom?limit=0", http.StatusBadRequest},
		{"GET", "/feeds/politique.atom?limit=1001", http.StatusBadRequest},
		{"GET", "/feeds/politique.atom?limit=ten", http.StatusBadRequest},
		{"GET", "/feeds/politique.atom?limit=1&limit=2", http.StatusBadRequest},
		{"GET", "/feeds/politique.json?before=yesterday", http.StatusBadRequest},
		{"GET", "/feeds/politique.rss?before=1.2000000000.3", http.StatusBadRequest},
		{"GET", "/feeds/politique.atom?limit=%zz", http.StatusBadRequest},
		{"GET", "/feeds/politique.atom?limit=500", http.StatusOK},
		{"GET", "/feeds/politique.atom?unknown=1", http.StatusOK},
		{"POST", "/feeds/politique.atom", http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			resp, _ := ts.do(t, tt.method, tt.path, nil)
			if resp.StatusCode != tt.want {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
}

func TestServeStoreError(t *testing.T) {
	store := &fakeStore{items: func(string, newsdesk.Page) ([]newsdesk.Item, error) { return nil, io.ErrUnexpectedEOF }}
	ts := newTestServer(t, store, nil)
	for i := 0; i < 2; i++ {
		resp, _ := ts.do(t, "GET", "/feeds/politique.atom", nil)
		if resp.StatusCode != http.StatusInternalServerError {
			t.Errorf("status = %d, want 500", resp.StatusCode)
		}
	}
	if got, want := store.calls.Load(), int64(2); got != want {
		t.Errorf("store calls = %d, want %d (errors are not cached)", got, want)
	}
}

func TestServeStaticAndOPML(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	tests := []struct {
		path, ctype string
		want        []byte
	}{
		{"/feed.xsl", "text/xsl; charset=utf-8", asset("feed.xsl")},
		{"/static/style.css", "text/css; charset=utf-8", asset("style.css")},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := ts.do(t, "GET", tt.path, nil)
			if got := resp.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type = %q, want %q", got, tt.ctype)
			}
			if !bytes.Equal(body, tt.want) {
				t.Error("body differs from the embedded file")
			}
			resp, _ = ts.do(t, "GET", tt.path, map[string]string{"If-None-Match": resp.Header.Get("ETag")})
			if resp.StatusCode != http.StatusNotModified {
				t.Errorf("conditional: status = %d, want 304", resp.StatusCode)
			}
		})
	}
	resp, body := ts.do(t, "GET", "/feeds.opml", nil)
	if got, want := resp.Header.Get("Content-Type"), "text/x-opml; charset=utf-8"; got != want {
		t.Errorf("OPML Content-Type = %q, want %q", got, want)
	}
	var doc struct {
		Outlines []struct {
			XMLURL string `xml:"xmlUrl,attr"`
		} `xml:"body>outline"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := len(doc.Outlines), 3; got != want {
		t.Fatalf("outlines = %d, want %d", got, want)
	}
	if got, want := doc.Outlines[1].XMLURL, ts.srv.URL+"/feeds/world.atom"; got != want {
		t.Errorf("outline xmlUrl = %q, want %q", got, want)
	}
}

// TestLimitUpToSectionMaximum: ?limit accepts any limit a section may have
// (1000), so a section's whole feed can be asked for.
func TestLimitUpToSectionMaximum(t *testing.T) {
	ts := newTestServer(t, pagingStore(testItems), nil)
	if resp, _ := ts.do(t, "GET", "/feeds/politique.atom?limit=1000", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("limit=1000: %d, want 200", resp.StatusCode)
	}
	if resp, _ := ts.do(t, "GET", "/feeds/politique.atom?limit=1001", nil); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("limit=1001: %d, want 400", resp.StatusCode)
	}
}
