package feedgen

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

func FuzzParsePageQuery(f *testing.F) {
	for _, s := range []string{"", "limit=10", "limit=0", "before=1773568800.0.11", "before=-5.999999999.-1&limit=500", "limit=%zz", "before=1.2.3.4", "limit=+7", "before=5.0.9_abc.6.0.7_zz9.4.1.3", "before=_k.1.0.2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		pq, err := parsePageQuery(raw, 50)
		if err != nil {
			if !errors.Is(err, ErrBadRequest) {
				t.Fatalf("error %v is not ErrBadRequest", err)
			}
			return
		}
		if pq.limit < 1 || pq.limit > maxLimit && pq.limit != 50 {
			t.Fatalf("limit %d out of range", pq.limit)
		}
		if pq.before != "" {
			before, deferred, err := parsePage(pq.before)
			again := newsdesk.Page{Limit: pq.limit, Before: before, Deferred: deferred}
			if err != nil || formatPage(&again) != pq.before {
				t.Fatalf("cursor %q does not round-trip: %v %v", pq.before, again, err)
			}
		}
	})
}

func FuzzAcceptsGzip(f *testing.F) {
	for _, s := range []string{"", "gzip", "gzip;q=0", "br, gzip;q=0.5", "*", "*;q=0, gzip", "identity;q=1, *;q=0", "gzip;q=NaN", "x-gzip;Q=1.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		if acceptsGzip(header) != acceptsGzip(header) {
			t.Fatal("not deterministic")
		}
		if strings.TrimSpace(header) == "gzip" && !acceptsGzip(header) {
			t.Fatalf("%q refused", header)
		}
		rd := &rendered{etag: `"a"`, gzETag: `"a-gz"`}
		_ = etagMatch(header, rd)
	})
}

// FuzzRenderWellFormed feeds arbitrary text into every field a source
// controls and checks that the documents stay well-formed.
func FuzzRenderWellFormed(f *testing.F) {
	f.Add("Titre\x0b « é » & <b>", "a < b\x00", "<p>x</p>]]>", "Auteur <a@b.example>", "cat\uFFFE")
	f.Add("\xff\xfe", "", "", "", "")
	f.Add("]]>", "?>", "<!--", "\r\n\t", "\U0010FFFF")
	sec := &newsdesk.Section{ID: "s", Title: "S", Language: "fr"}
	opt := testOptions()
	f.Fuzz(func(t *testing.T, title, summary, content, author, category string) {
		it := newsdesk.Item{
			ID: 1, SourceURL: "https://src.example/feed", Key: "hash:" + title, GUID: title,
			Link: "https://src.example/" + summary, Title: title, Summary: summary, ContentHTML: content,
			Authors: []string{author}, Categories: []string{category}, SourceTitle: author,
			SortAt:  time.Unix(1773568800, 0),
			Related: []newsdesk.Related{{Title: title, Link: content, SourceTitle: category}},
		}
		items := []newsdesk.Item{it}
		for _, r := range renderers {
			body, err := r.render(sec, items, opt, PageLinks{Next: "https://n.example/?" + category})
			if err != nil {
				t.Fatalf("%s: %v", r.ext, err)
			}
			if r.ext == "json" {
				if !json.Valid(body) {
					t.Fatalf("invalid JSON:\n%s", body)
				}
				continue
			}
			dec := xml.NewDecoder(bytes.NewReader(body))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s not well-formed: %v\n%s", r.ext, err, body)
				}
			}
		}
	})
}
