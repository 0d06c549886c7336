package fetcher

import (
	"errors"
	"strings"
	"testing"
)

func TestInspect(t *testing.T) {
	tests := []struct {
		name, in string
		kind     docKind
		root     string
		err      error
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"/>`, kindRSS, "rss", nil},
		{"rdf", "\n<rdf:RDF xmlns:rdf=\"x\">", kindRSS, "rdf:RDF", nil},
		{"atom with stylesheet", `<?xml-stylesheet href="s.xsl"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom">`, kindAtom, "feed", nil},
		{"json object", " \n{\"version\":1}", kindJSON, "", nil},
		{"html doctype", "<!DOCTYPE html>\n<html>", kindHTML, "html", nil},
		{"html without doctype", "<html><head>", kindHTML, "html", nil},
		{"doctype with public id", `<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://x/rss-0.91.dtd"><rss>`, kindRSS, "rss", nil},
		{"doctype subset without entities", `<!DOCTYPE feed [ <!ELEMENT feed ANY> <!ATTLIST feed a CDATA "x>y"> ]><feed>`, kindAtom, "feed", nil},
		{"other root", `<note/>`, kindUnknown, "note", nil},
		{"text", `hello`, kindUnknown, "", nil},
		{"plain entity", `<!DOCTYPE r [<!ENTITY a "b">]><rss>`, kindRSS, "rss", nil},
		{"plain entity in lower case", `<!doctype r [<!entity a "b">]><rss>`, kindRSS, "rss", nil},
		{"entity after quoted bracket", `<!DOCTYPE r [<!ATTLIST r a CDATA "]>"> <!ENTITY a "b">]><rss>`, kindRSS, "rss", nil},
		{"external entity", `<!DOCTYPE r [<!ENTITY a SYSTEM "file:///etc/passwd">]><rss>`, kindUnknown, "", ErrParse},
		{"public entity", `<!DOCTYPE r [<!ENTITY a PUBLIC "-//x" "http://127.0.0.1/x">]><rss>`, kindUnknown, "", ErrParse},
		{"parameter entity", `<!DOCTYPE r [<!ENTITY % a "b">]><rss>`, kindUnknown, "", ErrParse},
		{"parameter reference", `<!DOCTYPE r [<!ENTITY a "b"> %a;]><rss>`, kindUnknown, "", ErrParse},
		{"entity referencing an entity", `<!DOCTYPE r [<!ENTITY a "b"><!ENTITY c "&a;&a;">]><rss>`, kindUnknown, "", ErrParse},
		{"entity with markup", `<!DOCTYPE r [<!ENTITY a "<b>x</b>">]><rss>`, kindUnknown, "", ErrParse},
		{"unterminated comment", `<!-- forever`, kindUnknown, "", ErrParse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := inspect([]byte(tt.in))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if info.kind != tt.kind || info.root != tt.root {
				t.Errorf("kind, root = %v, %q; want %v, %q", info.kind, info.root, tt.kind, tt.root)
			}
		})
	}
}

func TestCheckDepth(t *testing.T) {
	nest := func(n int) string { return strings.Repeat("<a>", n) + strings.Repeat("</a>", n) }
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"at the limit", nest(maxDepth), true},
		{"one past the limit", nest(maxDepth + 1), false},
		{"never closed", strings.Repeat("<a>", maxDepth+1), false},
		{"siblings", strings.Repeat("<a><b/></a>", 5000), true},
		{"unclosed void tags closed by their parent", strings.Repeat("<item><description><br><br><p>x</description></item>", 1000), true},
		{"markup in cdata and comments", "<r>" + strings.Repeat("<![CDATA[<a><a>]]><!-- <a> -->", 1000) + "</r>", true},
		{"quoted greater-than", "<r>" + strings.Repeat(`<a title="x>y"/>`, 1000) + "</r>", true},
		{"stray less-than", "<r>" + strings.Repeat("a < b ", 1000) + "</r>", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkDepth([]byte(tt.in), maxDepth)
			if got := err == nil; got != tt.ok {
				t.Fatalf("checkDepth ok = %v (err %v), want %v", got, err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrParse) {
				t.Errorf("err = %v, want ErrParse", err)
			}
		})
	}
}

func TestDiscoverFeed(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"relative rss", `<link rel="alternate" type="application/rss+xml" href="rss.xml">`, "http://127.0.0.1/blog/rss.xml"},
		{"atom, absolute path", `<LINK REL="ALTERNATE" TYPE="application/atom+xml" HREF="/atom">`, "http://127.0.0.1/atom"},
		{"json feed", `<link rel="alternate" type="application/feed+json" href="feed.json"/>`, "http://127.0.0.1/blog/feed.json"},
		{"rel list", `<link rel="home alternate" type="application/rss+xml" href="r">`, "http://127.0.0.1/blog/r"},
		{"base href", `<base href="http://127.0.0.1/other/"><link rel="alternate" type="application/rss+xml" href="r">`, "http://127.0.0.1/other/r"},
		{"first feed wins", `<link rel="alternate" type="text/html" href="/fr/"><link rel="alternate" type="application/atom+xml" href="/a"><link rel="alternate" type="application/rss+xml" href="/r">`, "http://127.0.0.1/a"},
		{"not alternate", `<link rel="stylesheet" type="application/rss+xml" href="/r">`, ""},
		{"javascript href", `<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">`, ""},
		{"none", `<p>nothing</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := discoverFeed([]byte("<html><head>"+tt.page+"</head></html>"), "http://127.0.0.1/blog/index.html"); got != tt.want {
				t.Errorf("discoverFeed = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzParseBody runs a body through everything Fetch does with it after
// the HTTP exchange; none of it may panic or hang.
func FuzzParseBody(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>i</title></item></channel></rss>`), "application/rss+xml")
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>e</title></entry></feed>`), "")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1"}]}`), "application/feed+json")
	f.Add([]byte(`<!DOCTYPE html><link rel=alternate type=application/rss+xml href=/r>`), "text/html")
	f.Add([]byte(`<!DOCTYPE r [<!ENTITY a "b">]><rss>&a;</rss>`), "")
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		decoded, err := DecodeCharset(body, ct)
		if err != nil {
			return
		}
		info, err := inspect(decoded)
		if err != nil {
			if !errors.Is(err, ErrParse) {
				t.Fatalf("inspect err = %v, want ErrParse", err)
			}
			return
		}
		switch info.kind {
		case kindHTML:
			discoverFeed(decoded, "http://127.0.0.1/")
		case kindRSS, kindAtom, kindJSON:
			if feed, _, _, err := parseFeed(decoded, info); err == nil && feed == nil {
				t.Fatal("parseFeed returned neither feed nor error")
			}
		}
	})
}
