package article

import (
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsdesk/normalize"
)

var unsafeElements = map[string]bool{"script": true, "style": true, "iframe": true, "object": true, "embed": true, "form": true, "svg": true}

// unsafeMarkup returns what in the published HTML s would run or embed,
// read as a browser reads it: an unsafe element, an event-handler
// attribute, a javascript: URL ("" when none). Text that merely reads like
// a handler ("0 onA=0") is text.
func unsafeMarkup(s string) string {
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return "unparsable: " + err.Error()
	}
	var walk func(n *xhtml.Node) string
	walk = func(n *xhtml.Node) string {
		if n.Type == xhtml.ElementNode {
			if unsafeElements[strings.ToLower(n.Data)] {
				return "<" + n.Data + ">"
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if strings.HasPrefix(k, "on") {
					return k + "=" + a.Val
				}
				if v := strings.ToLower(strings.Join(strings.Fields(a.Val), "")); strings.HasPrefix(v, "javascript:") {
					return k + "=" + a.Val
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if m := walk(c); m != "" {
				return m
			}
		}
		return ""
	}
	for _, n := range nodes {
		if m := walk(n); m != "" {
			return m
		}
	}
	return ""
}

// FuzzExtract: any page extracts without panicking, and what is published
// of it holds no script, frame, form, style or event handler.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"soup-fr-01", "amp-en-01", "wp-fr-01"} {
		for _, l := range loadSet(f) {
			if l.name == name {
				f.Add(l.html)
			}
		}
	}
	for _, l := range loadUnseen(f) {
		if l.name == "photos-en" || l.name == "consentement-fr" {
			f.Add(l.html) // the gallery path, a consent box
		}
	}
	f.Add([]byte(`<article><p onclick=x>` + strings.Repeat("mot ", 80) + `</p><img src=x onerror=alert(1)><a href="javascript:x">y</a></article>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		ex, err := Extract(page, "https://127.0.0.1/a/b")
		if err != nil {
			return
		}
		out := normalize.Article(ex.HTML, normalize.ArticleOptions{Base: "https://127.0.0.1/a/b"})
		if m := unsafeMarkup(out.ContentHTML); m != "" {
			t.Fatalf("published HTML holds %q: %s", m, out.ContentHTML)
		}
	})
}

// The fuzz oracle finds markup that runs, and only that.
func TestUnsafeMarkupOracle(t *testing.T) {
	for s, unsafe := range map[string]bool{
		`<p onclick="x">a</p>`:                      true,
		`<a href=" JavaScript:alert(1)">y</a>`:      true,
		`<div><svg></svg></div>`:                    true,
		`<div>0 onA=0</div>`:                        false,
		`<p>Le javascript: un langage</p>`:          false,
		`<p><a href="https://127.0.0.1/">x</a></p>`: false,
	} {
		if got := unsafeMarkup(s) != ""; got != unsafe {
			t.Errorf("unsafeMarkup(%q) = %q, want unsafe %v", s, unsafeMarkup(s), unsafe)
		}
	}
}
