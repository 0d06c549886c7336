package normalize

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzFinish checks that the tree walk of finish writes byte for byte what
// rendering the tree and sanitizing it with the bluemonday policy writes,
// and finds the image firstImg finds, on trees as Feed leaves them and on
// raw parses (comments, scripts, foreign content).
func FuzzFinish(f *testing.F) {
	for _, name := range []string{"snippets.txt", "xss-vectors.txt"} {
		for _, s := range readLines(f, filepath.Join("testdata", "golden", "in", name)) {
			f.Add(s, "http://127.0.0.1:9000/dir/")
		}
	}
	f.Add(`<a href="x" rel="nofollow noopener">y</a>`, "")
	f.Add("<p title=\"a\x00b\">t\x00x\r\x01</p><img src=\"/a\x00.png\" alt=\"\xff\">", "http://127.0.0.1/")
	f.Fuzz(func(t *testing.T, in, base string) {
		for _, mode := range []string{"rewrite", "parse", "raw"} {
			rewrite := mode == "rewrite"
			root := parseFragment(in)
			if mode == "raw" {
				// Straight from the parser: NULs, control characters and
				// invalid UTF-8 left in.
				root = &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
				nodes, err := html.ParseFragment(strings.NewReader(in), root)
				if err != nil {
					continue
				}
				for _, n := range nodes {
					root.AppendChild(n)
				}
			}
			if rewrite {
				rewriteURLs(root, newResolver(parseBase(base), newTracker([]string{"ref"})))
				tidy(root)
			}
			got, img := finish(root, nil, len(in))
			want := finishSlow(root)
			if got != want {
				t.Fatalf("finish(%q) (rewrite %v)\n= %q\nwant %q", in, rewrite, got, want)
			}
			if wantImg := firstImg(want); img != wantImg {
				t.Fatalf("finish(%q) (rewrite %v) image = %q, want %q", in, rewrite, img, wantImg)
			}
		}
	})
}

// descriptorRe is the reference of isDescriptor.
var descriptorRe = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?[wx]$`)

func FuzzSrcset(f *testing.F) {
	for _, s := range []string{"http://a/x.png 1x, https://b/y.png 2.5x", "http://a", "http://a 1x", "http://a,b 2w, http://c",
		"https:// 1x", "http://a  1x", "http://a 1.x", "http://a 1.5w,http://b", "http://a\v 1x", "12w", "1.5x", "x", ".5x", "5.x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if srcsetForm(s) && !srcsetRe.MatchString(s) {
			t.Fatalf("srcsetForm(%q) but srcsetRe does not match", s)
		}
		if got, want := isDescriptor(s), descriptorRe.MatchString(s); got != want {
			t.Fatalf("isDescriptor(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestFinishFastPath checks that ordinary content takes the tree walk, not
// the bluemonday fallback, and that odd content falls back.
func TestFinishFastPath(t *testing.T) {
	tests := []struct {
		name, in string
		fast     bool
	}{
		{"paragraphs, links, images", `<p>Texte <a href="/a?utm_source=x">lien</a> <img src="/i.png" srcset="/i2.png 2x" width="10"></p><ul><li>un</li></ul>`, true},
		{"table and quote", `<table><tr><th scope="col">h</th><td colspan="2">d</td></tr></table><blockquote cite="/c">q</blockquote>`, true},
		{"unknown elements and attributes", `<section data-x="1"><span class="c" style="x">t</span><font color="red">f</font></section>`, true},
		{"plain text lines", "Ligne un\nLigne deux\n\nParagraphe", true},
		{"xmp", `<xmp><b>x</b></xmp>`, false},
		{"plaintext", `<p>a<plaintext><b>x</b>`, false},
		{"noembed", `<noembed>x</noembed>`, false},
		{"odd element name", `<scr<script>ipt>x`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := parseFragment(tt.in)
			r := newResolver(parseBase("http://127.0.0.1/"), newTracker(nil))
			rewriteURLs(root, r)
			tidy(root)
			got, _, fast := finishFast(root, r, len(tt.in))
			if fast != tt.fast {
				t.Fatalf("finishFast(%q) took the tree walk: %v, want %v", tt.in, fast, tt.fast)
			}
			if want := finishSlow(root); fast && got != want {
				t.Errorf("finishFast(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}
