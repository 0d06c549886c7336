package normalize

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"http://127.0.0.1/a?utm_source=x&b=2&a=1#frag",
		"HTTPS://Example.ORG:443/Path/?",
		"http://[::1]:80/x?%zz=1",
		"http://user:pw@127.0.0.1:8080/a/../b/./c?q=caf%C3%A9",
		"//127.0.0.1/x",
		"javascript:alert(1)",
		"http://127.0.0.1/a?b=1&&c=2&utm_x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := CanonicalURL(raw, []string{"ref", "at_*"})
		if err != nil {
			if !errors.Is(err, ErrInvalidURL) {
				t.Fatalf("CanonicalURL(%q) error %v does not wrap ErrInvalidURL", raw, err)
			}
			return
		}
		if !strings.HasPrefix(got, "http://") && !strings.HasPrefix(got, "https://") {
			t.Fatalf("CanonicalURL(%q) = %q, not http(s)", raw, got)
		}
		tr := newTracker([]string{"ref", "at_*"})
		noFrag, frag, _ := strings.Cut(got, "#")
		if strings.Contains(frag, "=") {
			for pair := range strings.SplitSeq(frag, "&") {
				if tr.match(pairKey(pair)) {
					t.Fatalf("CanonicalURL(%q) = %q keeps tracking pair %q in its fragment", raw, got, pair)
				}
			}
		}
		if _, q, ok := strings.Cut(noFrag, "?"); ok {
			for pair := range strings.SplitSeq(q, "&") {
				if pair == "" || tr.match(pairKey(pair)) {
					t.Fatalf("CanonicalURL(%q) = %q keeps pair %q", raw, got, pair)
				}
			}
		}
		again, err := CanonicalURL(got, []string{"ref", "at_*"})
		if err != nil || again != got {
			t.Fatalf("CanonicalURL(%q) = %q, but CanonicalURL of that = %q, %v", raw, got, again, err)
		}
	})
}

// checkSafe fails when sanitized HTML holds anything executable: a
// script-like element, an event handler or style attribute, or a URL
// attribute with a dangerous scheme.
func checkSafe(t *testing.T, in, out string) {
	t.Helper()
	if strings.Contains(strings.ToLower(out), "<script") {
		t.Fatalf("Sanitize(%q) = %q contains <script", in, out)
	}
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "style", "iframe", "object", "embed", "form", "svg", "math", "base", "link", "meta":
			t.Fatalf("Sanitize(%q) = %q keeps <%s>", in, out, tok.Data)
		}
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") || key == "style" {
				t.Fatalf("Sanitize(%q) = %q keeps attribute %s", in, out, a.Key)
			}
			if key == "href" || key == "src" || key == "srcset" || key == "cite" {
				v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				for _, bad := range []string{"javascript:", "vbscript:", "data:"} {
					if strings.HasPrefix(v, bad) || strings.Contains(v, ","+bad) {
						t.Fatalf("Sanitize(%q) = %q keeps %s=%q", in, out, a.Key, a.Val)
					}
				}
			}
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		`<p onclick="x()">a<script>alert(1)</script></p>`,
		`<a href="javascript:alert(1)">x</a><a href="java&#x09;script:alert(1)">y</a>`,
		`<img src=x onerror=alert(1)><img src="data:image/svg+xml,<svg onload=alert(1)>">`,
		`<img srcset="javascript:alert(1) 1x, /ok.png 2x">`,
		`<svg><style><img src=x onerror=alert(1)></style></svg>`,
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
		`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
		"Ligne\n\nParagraphe <b>gras</b>",
		`<p style="background:url(javascript:alert(1))">s</p>`,
	} {
		f.Add(s, "http://127.0.0.1/base/")
	}
	f.Add(`<a href="x">y</a>`, "javascript:alert(1)//")
	f.Fuzz(func(t *testing.T, in, base string) {
		out := Sanitize(in, base, nil)
		checkSafe(t, in, out)
		if !utf8.ValidString(out) || stripInvalid(out) != out {
			t.Fatalf("Sanitize(%q) = %q holds characters XML forbids", in, out)
		}
	})
}

// FuzzTitle checks both title rules on any input: the output is folded
// text XML allows, with no control character; a text title loses nothing
// but forbidden characters and whitespace; an HTML title loses only the
// markup of inline formatting, and every other "<…>" stays as text.
func FuzzTitle(f *testing.F) {
	for _, s := range []string{
		"It&amp;#8217;s &lt;b&gt;here&lt;/b&gt;",
		"A &amp;amp;amp; B",
		"<<b>b>x</b>",
		"&lt;&lt;i&gt;i&gt;",
		"x<y and a>b",
		"Bad\x00\x01 \uFFFE chars",
		"<!-- c --><script>s</script>t",
		"Vector<T> in C++",
		"AT&T & the <blink> tag",
		"n\u0092est pas <em>faux</em><br/>ici",
		"<span class=x>Use a <div> here</span>",
		"J13 <img \"\"\"><script>alert(10)</script>\">",
		"<a =\" >\"<script>x</script>",
		"<b title='>'>t</b><!--->x<!-- a --!><i>y</i>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		plainRef := fold(stripInvalid(mapC1(stripInvalid(in))))
		for _, rule := range []struct {
			name string
			fn   func(string) string
		}{{"Title", Title}, {"TextTitle", TextTitle}} {
			got := rule.fn(in)
			if stripInvalid(got) != got || !utf8.ValidString(got) || mapC1(got) != got {
				t.Fatalf("%s(%q) = %q contains characters XML forbids or controls", rule.name, in, got)
			}
			if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
				t.Fatalf("%s(%q) = %q is not folded", rule.name, in, got)
			}
		}
		for _, got := range []string{Title(in), TextTitle(in)} {
			if bad := executes(got); bad != "" {
				t.Fatalf("title %q from %q runs as HTML: %s", got, in, bad)
			}
		}
		if strings.Contains(in, "&") {
			return // decoding may make any text
		}
		if clean := mapC1(stripInvalid(in)); dropExecutable(clean) == clean {
			if got := TextTitle(in); got != plainRef {
				t.Fatalf("TextTitle(%q) = %q, want %q: a text title loses nothing", in, got, plainRef)
			}
		}
		got := Title(in)
		if dropInline(got) != got {
			t.Fatalf("Title(%q) = %q still holds inline markup", in, got)
		}
		if clean := mapC1(stripInvalid(in)); dropInline(clean) == clean && got != plainRef {
			t.Fatalf("Title(%q) = %q, want %q: text in angle brackets is text", in, got, plainRef)
		}
	})
}

// executes parses s as HTML, as a reader that wrongly renders titles as
// HTML would, and names what would run or embed: an executable element or
// an event handler attribute; "" when nothing does.
func executes(s string) string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return err.Error()
	}
	var walk func(n *html.Node) string
	walk = func(n *html.Node) string {
		if n.Type == html.ElementNode {
			if executable[strings.ToLower(n.Data)] {
				return "<" + n.Data + ">"
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					return a.Key + " on <" + n.Data + ">"
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if bad := walk(c); bad != "" {
				return bad
			}
		}
		return ""
	}
	for _, n := range nodes {
		if bad := walk(n); bad != "" {
			return bad
		}
	}
	return ""
}

// FuzzFeed runs whole documents through gofeed and Feed: every item must
// satisfy the invariants storage relies on. The seeds are a few KB, so the
// fuzzer spends long minimizing new inputs; -fuzzminimizetime=0.5s keeps it
// fuzzing.
func FuzzFeed(f *testing.F) {
	for _, name := range []string{"atom_xmlbase.xml", "rss_mixed.xml", "rss_wordpress_fr.xml"} {
		f.Add(readTestdata(f, name))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
		if err != nil {
			return
		}
		res := Feed(feed, Options{FeedURL: "http://127.0.0.1/feed", Now: fetchTime})
		keys := map[string]bool{}
		for _, it := range res.Items {
			if it.Title == "" || it.Key == "" || keys[it.Key] {
				t.Fatalf("item with title %q key %q (repeat %v)", it.Title, it.Key, keys[it.Key])
			}
			keys[it.Key] = true
			if dropInline(it.Title) != it.Title && it.Title != TextTitle(it.Link) {
				t.Fatalf("markup in title %q", it.Title)
			}
			if bad := executes(it.Summary); bad != "" {
				t.Fatalf("summary %q runs as HTML: %s", it.Summary, bad)
			}
			checkSafe(t, string(doc), it.ContentHTML)
			if it.Link != "" && !isAbs(it.Link) {
				t.Fatalf("relative link %q", it.Link)
			}
		}
	})
}

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
