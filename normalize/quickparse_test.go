package normalize

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// referenceFragment is the tree x/net/html builds for s, as parseFragment
// builds it when quickFragment declines.
func referenceFragment(t *testing.T, s string) *html.Node {
	t.Helper()
	root := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), root)
	if err != nil {
		t.Fatalf("ParseFragment(%q): %v", s, err)
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}

// sameTree returns where two trees differ, "" when they are the same:
// node types, names, atoms, namespaces, attributes, text and structure.
func sameTree(got, want *html.Node, path string) string {
	if got.Type != want.Type || got.Data != want.Data || got.DataAtom != want.DataAtom || got.Namespace != want.Namespace {
		return fmt.Sprintf("%s: node {%v %q %v %q}, want {%v %q %v %q}", path,
			got.Type, got.Data, got.DataAtom, got.Namespace, want.Type, want.Data, want.DataAtom, want.Namespace)
	}
	if len(got.Attr) != len(want.Attr) {
		return fmt.Sprintf("%s: attributes %q, want %q", path, got.Attr, want.Attr)
	}
	for i := range got.Attr {
		if got.Attr[i] != want.Attr[i] {
			return fmt.Sprintf("%s: attributes %q, want %q", path, got.Attr, want.Attr)
		}
	}
	g, w := got.FirstChild, want.FirstChild
	for i := 0; g != nil || w != nil; i++ {
		p := fmt.Sprintf("%s/%d", path, i)
		switch {
		case g == nil:
			return p + ": missing " + fmt.Sprintf("%v %q", w.Type, w.Data)
		case w == nil:
			return p + ": extra " + fmt.Sprintf("%v %q", g.Type, g.Data)
		case g.Parent != got:
			return p + ": wrong parent"
		}
		if d := sameTree(g, w, p); d != "" {
			return d
		}
		g, w = g.NextSibling, w.NextSibling
	}
	return ""
}

// FuzzQuickFragment checks that whenever quickFragment builds a tree, it is
// the tree x/net/html's parser builds, node for node.
func FuzzQuickFragment(f *testing.F) {
	for _, name := range []string{"snippets.txt", "xss-vectors.txt"} {
		for _, s := range readLines(f, filepath.Join("testdata", "golden", "in", name)) {
			f.Add(s)
		}
	}
	for _, s := range quickCases {
		f.Add(s.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s := stripInvalid(in)
		got, ok := quickFragment(s)
		if !ok {
			return
		}
		if d := sameTree(got, referenceFragment(t, s), "body"); d != "" {
			t.Fatalf("quickFragment(%q) differs from the parser's tree at %s", s, d)
		}
	})
}

// quickCases are fragments of the kinds feeds carry, with whether the fast
// path must build them (so that it keeps serving ordinary content) or
// leave them to the parser.
var quickCases = []struct {
	name, in string
	fast     bool
}{
	{"plain text", "Une phrase, deux phrases.", true},
	{"text with references", "AT&amp;T &lt;3 &eacute;t&eacute; &#8217; & co", true},
	{"paragraphs and links", `<p>Un <a href="http://127.0.0.1/a?x=1&amp;utm_source=rss&b=2" title='t'>lien</a> et <strong>du gras</strong>.</p><p>Deux</p>`, true},
	{"image with srcset", `<p><img src="/i.png" srcset="/i-480.png 480w, /i-1024.png 1024w" alt="Photo" width=10 height="20"/><br>Légende</p>`, true},
	{"lists", "<ul>\n<li>un</li>\n<li>deux <em>trois</em></li>\n</ul><ol start=\"3\"><li>x<ul><li>y</li></ul></li></ol>", true},
	{"headings, quote, figure", `<h2 id="s">Titre</h2><blockquote cite="/c"><p>Cité</p></blockquote><figure><img src="a.jpg"><figcaption>Crédit</figcaption></figure>`, true},
	{"comment and hr", "<div><!-- wp:paragraph --><p>x</p><!-- /wp:paragraph --></div><hr/>", true},
	{"word markup", `<p class="MsoNormal"><o:p>&nbsp;</o:p><span style="x">t</span></p>`, true},
	{"attributes odd but read alike", `<p a=b c = "d" e='f' g h/ i=j/>x</p><span "q"=1 ==z>y</span>`, true},
	{"upper case", `<P ALIGN=center><B>x</B></P>`, true},
	{"open at the end", `<p>Texte coupé <em>au milieu`, true},
	{"carriage returns", "<p title=\"a\r\nb\">ligne\r\nligne\rligne</p>", true},
	{"lone angle brackets", "x < y > z <", true},
	{"definition list", "<dl><dt>a</dt><dd>b</dd><dt>c</dt><dd>d</dd></dl>", true},
	{"unclosed paragraphs", "<p>un<p>deux<ul><li>trois</ul>", true},
	{"misnested", "<b><i>x</b></i>", false},
	{"block in paragraph", "<p>un <span>x<div>deux</div></p>", true},
	{"table", "<table><tr><td>x</td></tr></table>", false},
	{"script", "<p>x</p><script>if (a < b && c) { d('</p>') }</script>y", true},
	{"style and iframe", "<style>p > a {}</style><iframe src=\"/v\" allowfullscreen></iframe><noscript><img src=x></noscript>", true},
	{"raw end tags in any case", "<SCRIPT>x</scriptx></ScRiPt ><title>a &amp; b</title><textarea>\nz</textarea>", true},
	{"escaped script", "<script><!-- x </script> --></script>", false},
	{"raw end tag with attributes", "<style>x</style foo>", false},
	{"raw text to the end", "<script>x", false},
	{"link in link", `<a href="/a">x<a href="/b">y</a></a>`, false},
	{"list items left open", "<ul><li>a<p>b<li>c</ul><dl><dt>d<dd>e<dt>f</dl>", true},
	{"svg", "<svg><circle/></svg>", false},
	{"stray end tags", "x</div>y</p>z</b></span><h2>t</h3>", true},
	{"end of br", "x</br>y", true},
	{"doctype", "<!DOCTYPE html><p>x</p>", false},
	{"odd comment", "<!-->x<!-- a -- b -->", false},
	{"pre", "<pre>\ncode</pre><pre>\r\n\nx</pre>", true},
	{"paragraph closed over a formatting element", "<p><b>x<div>y</div>", false},
	{"list item closed over a formatting element", "<li><em>x<li>y", false},
	{"form", "<form><input name=q></form>", false},
	{"reference before =", `<a href="/x?a=1&copy=2">x</a>`, false},
	{"unterminated tag", `<p>x <a href="/y`, false},
	{"processing instruction", `<?xml version="1.0"?><p>x</p>`, false},
	{"text merged across ignored end tags", "a</x>b</span>c</p-x>d", true},
	{"nested deeper than the bound", strings.Repeat("<div>", maxQuickDepth+1) + "x", false},
	{"nested to the bound", strings.Repeat("<div>", maxQuickDepth) + "x", true},
	{"more attributes than the bound", "<p" + strings.Repeat(" a=1", 1) + attrsN(maxQuickAttrs+1) + ">x</p>", false},
}

// attrsN writes n attributes of distinct names.
func attrsN(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " k%d=%d", i, i)
	}
	return b.String()
}

// TestQuickFragmentMergedText checks text merged across many ignored end
// tags (collected in a buffer, not by concatenating the node's text at
// every run): one node holding all the text, as the parser builds it.
func TestQuickFragmentMergedText(t *testing.T) {
	s := strings.Repeat("mot</x>", 20000) + "<p>a</b>b</p>c"
	root, ok := quickFragment(s)
	if !ok {
		t.Fatal("quickFragment declined text between ignored end tags")
	}
	if root.FirstChild == nil || root.FirstChild.Data != strings.Repeat("mot", 20000) {
		t.Fatalf("text across ignored end tags is not one node of all the text")
	}
	if d := sameTree(root, referenceFragment(t, s), "body"); d != "" {
		t.Fatalf("quickFragment differs from the parser's tree at %s", d)
	}
}

func TestQuickFragment(t *testing.T) {
	for _, tt := range quickCases {
		t.Run(tt.name, func(t *testing.T) {
			s := stripInvalid(tt.in)
			got, ok := quickFragment(s)
			if ok != tt.fast {
				t.Fatalf("quickFragment(%q) built a tree: %v, want %v", tt.in, ok, tt.fast)
			}
			if !ok {
				return
			}
			if d := sameTree(got, referenceFragment(t, s), "body"); d != "" {
				t.Fatalf("quickFragment(%q) differs from the parser's tree at %s", tt.in, d)
			}
		})
	}
}

// TestQuickFragmentMeasure checks sameTree itself: a changed attribute,
// text or shape is a difference.
func TestQuickFragmentMeasure(t *testing.T) {
	want := referenceFragment(t, `<p a="1">x<b>y</b></p>`)
	for _, in := range []string{`<p a="2">x<b>y</b></p>`, `<p a="1">x<i>y</i></p>`, `<p a="1">x<b>z</b></p>`, `<p a="1">x</p><b>y</b>`, `<p a="1">x<b>y</b>z</p>`} {
		got := referenceFragment(t, in)
		if sameTree(got, want, "body") == "" {
			t.Errorf("sameTree finds no difference between %q and the tree of %q", in, `<p a="1">x<b>y</b></p>`)
		}
	}
}

// FuzzCollectText checks that the one walk of collectText finds the
// blocks collectBlocks finds, with the same texts and link shares, and
// the text fragmentText writes.
func FuzzCollectText(f *testing.F) {
	for _, name := range []string{"snippets.txt", "xss-vectors.txt"} {
		for _, s := range readLines(f, filepath.Join("testdata", "golden", "in", name)) {
			f.Add(s)
		}
	}
	for _, s := range quickCases {
		f.Add(s.in)
	}
	f.Add("<p>a<figure>b</figure>c<br> d <ul><li>e</li></ul>\u00a0f<a href=x>g h</a></p>i\u200b<img src=y>j")
	f.Add("Ligne un\nLigne deux\n\nParagraphe")
	f.Fuzz(func(t *testing.T, in string) {
		root := parseFragment(in)
		rewriteURLs(root, newResolver(parseBase("http://127.0.0.1/"), newTracker(nil)))
		var sc scratch
		got, text := collectText(root, &sc)
		want := collectBlocks(root, &scratch{})
		if wantText := fragmentText(root, nil); text != wantText {
			t.Fatalf("collectText(%q) text = %q, want %q", in, text, wantText)
		}
		if len(got) != len(want) {
			t.Fatalf("collectText(%q) = %d blocks, want %d", in, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.text != w.text || g.links != w.links || g.elem != w.elem || g.parent != w.parent || len(g.nodes) != len(w.nodes) {
				t.Fatalf("collectText(%q) block %d = %q links %v elem %v, want %q links %v elem %v", in, i, g.text, g.links, g.elem != nil, w.text, w.links, w.elem != nil)
			}
			for j := range g.nodes {
				if g.nodes[j] != w.nodes[j] {
					t.Fatalf("collectText(%q) block %d node %d differs", in, i, j)
				}
			}
		}
	})
}

// TestBlockTagsShowText checks what collectText relies on: no block
// element is one whose content is not text.
func TestBlockTagsShowText(t *testing.T) {
	for name := range blockTags {
		if skipContent[name] {
			t.Errorf("%s is a block whose content is skipped", name)
		}
	}
}

// TestQuickFragmentRandom compares quickFragment with the parser on
// fragments of random tag soup: the names the fast path knows and some it
// leaves to the parser, closed in and out of order, with attributes,
// references, comments and stray angle brackets.
func TestQuickFragmentRandom(t *testing.T) {
	names := []string{"p", "div", "span", "a", "b", "i", "em", "strong", "ul", "ol", "li", "dl", "dd", "dt", "p", "li", "div", "pre", "h4",
		"h2", "h3", "blockquote", "figure", "figcaption", "img", "br", "hr", "code", "small", "sup", "o:p",
		"script", "style", "iframe", "title", "textarea", "table", "td", "pre", "svg", "form", "select", "x-y", "P", "LI"}
	texts := []string{"mot", " ", "\n", "a &amp; b", "&eacute;t&eacute;", "&copy", "x < y", "1 > 0", "\r\n", "&#8217;", "&", "\u00a0", "</", "<3"}
	attrs := []string{` href="/a?x=1&amp;y=2"`, ` href=/b?c=1&d=2`, ` class='c'`, ` title="t &quot;q&quot;"`, ` src="i.png"`,
		` onclick="x()"`, ` HREF="/u"`, ` a=b/`, ` data-x`, ` href="/a?x=1&copy=2"`, ` title="a&ampb"`, ` =x`, ` "q"`}
	seed := uint64(0x9E3779B97F4A7C15)
	next := func(n int) int {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(n))
	}
	fast := 0
	const total = 20000
	for range total {
		var b strings.Builder
		var open []string
		for range 1 + next(14) {
			switch r := next(10); {
			case r < 4:
				name := names[next(len(names))]
				b.WriteString("<" + name)
				for range next(3) {
					b.WriteString(attrs[next(len(attrs))])
				}
				if next(8) == 0 {
					b.WriteString("/")
				}
				b.WriteString(">")
				open = append(open, name)
			case r < 6 && len(open) > 0:
				// Mostly the element last opened, sometimes another.
				i := len(open) - 1
				if next(5) == 0 {
					i = next(len(open))
				}
				b.WriteString("</" + open[i] + ">")
				open = append(open[:i], open[i+1:]...)
			case r < 9:
				b.WriteString(texts[next(len(texts))])
			default:
				b.WriteString([]string{"<!-- c -->", "<!---->", "<!-->", "<?x?>", "</>", "<!DOCTYPE html>"}[next(6)])
			}
		}
		s := stripInvalid(b.String())
		got, ok := quickFragment(s)
		if !ok {
			continue
		}
		fast++
		if d := sameTree(got, referenceFragment(t, s), "body"); d != "" {
			t.Fatalf("quickFragment(%q) differs from the parser's tree at %s", s, d)
		}
	}
	if fast < total/10 {
		t.Fatalf("only %d of %d fragments took the fast path: the comparison says little", fast, total)
	}
	t.Logf("%d of %d fragments built by the fast path, all as the parser builds them", fast, total)
}
