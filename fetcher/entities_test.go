package fetcher

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"newsdesk"
)

// TestDoctypeEntitiesExpanded: a feed whose DOCTYPE declares plain
// internal entities (as some CMS exports do) is read with them expanded,
// in element text and attributes, but not inside CDATA.
func TestDoctypeEntitiesExpanded(t *testing.T) {
	body := `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [
  <!-- HTML names the export uses -->
  <!ENTITY nbsp "&#160;">
  <!ENTITY eacute '&#233;'>
  <!ENTITY mdash "&#8212;">
  <!ENTITY site "Le Quotidien">
  <!ENTITY amp "&#38;#38;">
]>
<rss version="2.0"><channel><title>&site;</title><link>http://127.0.0.1/</link><description>d</description>
<item><title>Caf&eacute;&nbsp;: l&eacute;t&eacute; &mdash; &amp; plus</title><link>http://127.0.0.1/a?x=1&amp;y=&eacute;</link>
<description><![CDATA[<p>&eacute; stays as written in CDATA</p>]]></description></item>
</channel></rss>`
	srv := serve(t, serveBytes("application/rss+xml", []byte(body)))
	res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if got, want := res.Feed.Title, "Le Quotidien"; got != want {
		t.Errorf("feed title = %q, want %q", got, want)
	}
	it := res.Feed.Items[0]
	if got, want := it.Title, "Café\u00a0: lété — & plus"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got, want := it.Link, "http://127.0.0.1/a?x=1&y=é"; got != want {
		t.Errorf("link = %q, want %q", got, want)
	}
	if !strings.Contains(it.Description, "&eacute; stays") {
		t.Errorf("description = %q, want the CDATA text unexpanded", it.Description)
	}
}

// TestDoctypeEntitiesRefused: what stays refused, with an error that says
// which entity and why.
func TestDoctypeEntitiesRefused(t *testing.T) {
	many := strings.Builder{}
	for i := range maxEntities + 1 {
		fmt.Fprintf(&many, `<!ENTITY e%d "x">`, i)
	}
	big := strings.Repeat("y", maxEntityValue)
	grow := `<!DOCTYPE rss [<!ENTITY b "` + big + `">]><rss version="2.0"><channel><title>` +
		strings.Repeat("&b;", maxEntityGrowth/(maxEntityValue-3)+2) + `</title></channel></rss>`
	tests := []struct {
		name, body, contains string
	}{
		{"system", `<!DOCTYPE rss [<!ENTITY x SYSTEM "http://127.0.0.1:1/x">]><rss/>`, `external entity "x"`},
		{"public", `<!DOCTYPE rss [<!ENTITY x PUBLIC "-//A//B" "http://127.0.0.1:1/x">]><rss/>`, `external entity "x"`},
		{"parameter", `<!DOCTYPE rss [<!ENTITY % p "q">]><rss/>`, "parameter entity"},
		{"nested", `<!DOCTYPE rss [<!ENTITY a "1"><!ENTITY b "&a;&a;">]><rss/>`, `"b" references another entity`},
		{"markup", `<!DOCTYPE rss [<!ENTITY a "<i>x</i>">]><rss/>`, `"a" holds markup`},
		{"too long", `<!DOCTYPE rss [<!ENTITY a "` + big + `z">]><rss/>`, "bytes long"},
		{"too many", `<!DOCTYPE rss [` + many.String() + `]><rss/>`, "more than 256"},
		{"expansion bound", grow, "would add more than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, serveBytes("application/rss+xml", []byte(tt.body)))
			res := fetchURL(newTestFetcher(t, Options{}), srv.URL, newsdesk.SourceState{})
			if !errors.Is(res.Err, ErrParse) {
				t.Fatalf("err = %v, want ErrParse", res.Err)
			}
			if !strings.Contains(res.Err.Error(), tt.contains) {
				t.Errorf("err = %q, want it to contain %q", res.Err, tt.contains)
			}
		})
	}
}

// FuzzExpandEntities: for any document with a DOCTYPE, inspect and
// expandEntities never panic, expansion stays within its bound, and a
// document declaring no entity is left alone.
func FuzzExpandEntities(f *testing.F) {
	f.Add(`<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss>&nbsp;x&nbsp;</rss>`)
	f.Add(`<!DOCTYPE rss [<!ENTITY a "b"><!ENTITY c "d">]><rss a="&a;"><![CDATA[&a;]]><!-- &c; -->&c;&x;&</rss>`)
	f.Add(`<!DOCTYPE rss [<!ENTITY a "&#38;a;">]><rss>&a;</rss>`)
	f.Add(`<!DOCTYPE r [<!ENTITY % p SYSTEM "x"> %p;]><r/>`)
	f.Fuzz(func(t *testing.T, doc string) {
		b := []byte(doc)
		info, err := inspect(b)
		if err != nil {
			if !errors.Is(err, ErrParse) {
				t.Fatalf("inspect error %v does not wrap ErrParse", err)
			}
			return
		}
		if len(info.entities) == 0 {
			return
		}
		for name, v := range info.entities {
			if len(v) > maxEntityValue || refersToEntity(v) || strings.ContainsAny(string(v), "<%") || predefined[name] {
				t.Fatalf("entity %q = %q accepted", name, v)
			}
		}
		out, err := expandEntities(b, info.doctype, info.entities)
		if err != nil {
			return
		}
		if grown := len(out) - (len(b) - (info.doctype[1] - info.doctype[0])); grown > maxEntityGrowth {
			t.Fatalf("expansion added %d bytes", grown)
		}
		if strings.Contains(string(out), "<!ENTITY") && !strings.Contains(doc[info.doctype[1]:], "<!ENTITY") {
			t.Fatalf("DOCTYPE left in %q", out)
		}
	})
}
