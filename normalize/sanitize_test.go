package normalize

import (
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	const base = "http://127.0.0.1:8082/news/"
	tests := []struct {
		name, in, want string
	}{
		{"paragraph kept", `<p>Bonjour <em>tout</em> le monde</p>`, `<p>Bonjour <em>tout</em> le monde</p>`},
		{"script removed with content", `<p>a</p><script>alert(1)</script><p>b</p>`, `<p>a</p><p>b</p>`},
		{"style removed with content", `<style>p{color:red}</style><p>b</p>`, `<p>b</p>`},
		{"iframe object form removed", `<iframe src="http://127.0.0.1/x"></iframe><object data="x"></object><form><input name=q></form><p>ok</p>`, `<p>ok</p>`},
		{"event handlers removed", `<p onclick="x()" onmouseover="y()">t</p>`, `<p>t</p>`},
		{"img onerror removed", `<img src="/i.png" onerror="alert(1)">`, `<img src="http://127.0.0.1:8082/i.png"/>`},
		{"style attribute removed", `<p style="color:red">t</p>`, `<p>t</p>`},
		{"javascript href removed", `<a href="javascript:alert(1)">x</a>`, `x`},
		{"encoded javascript href removed", `<a href="&#106;avascript:alert(1)">x</a>`, `x`},
		{"vbscript href removed", `<a href="vbscript:msgbox(1)">x</a>`, `x`},
		{"data img removed", `<p><img src="data:image/png;base64,AAAA" alt="d">t</p>`, `<p>t</p>`},
		{"relative link resolved and marked", `<a href="story.html?utm_source=x&amp;id=2">s</a>`, `<a href="http://127.0.0.1:8082/news/story.html?id=2" rel="nofollow noopener">s</a>`},
		{"existing rel replaced", `<a href="http://127.0.0.1/" rel="sponsored" target="_blank">s</a>`, `<a href="http://127.0.0.1/" rel="nofollow noopener">s</a>`},
		{"srcset resolved", `<img src="a.jpg" srcset="a-1x.jpg 1x, /a-2x.jpg 2x" alt="A">`, `<img src="http://127.0.0.1:8082/news/a.jpg" srcset="http://127.0.0.1:8082/news/a-1x.jpg 1x, http://127.0.0.1:8082/a-2x.jpg 2x" alt="A"/>`},
		{"srcset javascript candidate dropped", `<img src="a.jpg" srcset="javascript:alert(1) 1x, b.jpg 2x">`, `<img src="http://127.0.0.1:8082/news/a.jpg" srcset="http://127.0.0.1:8082/news/b.jpg 2x"/>`},
		{"img size kept", `<img src="a.jpg" width="640" height="480" alt="">`, `<img src="http://127.0.0.1:8082/news/a.jpg" width="640" height="480" alt=""/>`},
		{"one pixel dropped", `<p>t<img src="http://127.0.0.1/p.gif" width="1" height="1"></p>`, `<p>t</p>`},
		{"zero pixel dropped", `<p>t<img src="http://127.0.0.1/p.gif" width="0" height="0"></p>`, `<p>t</p>`},
		{"pixel by style dropped", `<p>t<img src="/p.gif" style="width:1px;height:1px"></p>`, `<p>t</p>`},
		{"feedburner pixel dropped", `<p>t<img src="http://feeds.feedburner.com/~r/x/~4/abc"></p>`, `<p>t</p>`},
		{"small but real image kept", `<img src="/icon.png" width="16" height="16">`, `<img src="http://127.0.0.1:8082/icon.png" width="16" height="16"/>`},
		{"list and headings kept", `<h2>T</h2><ul><li>a</li></ul><ol><li>b</li></ol>`, `<h2>T</h2><ul><li>a</li></ul><ol><li>b</li></ol>`},
		{"quote kept with cite", `<blockquote cite="/src">q</blockquote>`, `<blockquote cite="http://127.0.0.1:8082/src">q</blockquote>`},
		{"figure kept", `<figure><img src="/f.jpg" alt="f"><figcaption>F</figcaption></figure>`, `<figure><img src="http://127.0.0.1:8082/f.jpg" alt="f"/><figcaption>F</figcaption></figure>`},
		{"table basics kept", `<table><tr><th scope="col">h</th></tr><tr><td colspan="2">d</td></tr></table>`, `<table><tbody><tr><th scope="col">h</th></tr><tr><td colspan="2">d</td></tr></tbody></table>`},
		{"code and pre kept", `<pre><code>x := 1</code></pre>`, `<pre><code>x := 1</code></pre>`},
		{"unknown tags unwrapped", `<p><span class="x">t</span><font color=red>u</font></p>`, `<p>tu</p>`},
		{"comments removed", `<p>a<!-- secret -->b</p>`, `<p>ab</p>`},
		{"empty paragraphs removed", `<p>a</p><p> </p><p><br></p>`, `<p>a</p>`},
		{"plain text becomes paragraphs", "Ligne une\nligne deux\n\nParagraphe deux", `<p>Ligne une<br/>ligne deux</p><p>Paragraphe deux</p>`},
		{"text escaped", `Fish &amp; chips &lt;script&gt;`, `Fish &amp; chips &lt;script&gt;`},
		{"mailto kept", `<a href="mailto:redaction@127.0.0.1">m</a>`, `<a href="mailto:redaction@127.0.0.1" rel="nofollow noopener">m</a>`},
		{"svg removed", `<svg><script>alert(1)</script></svg><p>k</p>`, `<p>k</p>`},
		{"base tag ignored", `<base href="javascript:alert(1)//"><a href="x">y</a>`, `<a href="http://127.0.0.1:8082/news/x" rel="nofollow noopener">y</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in, base, nil); got != tt.want {
				t.Errorf("Sanitize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSanitizeWithoutBase(t *testing.T) {
	got := Sanitize(`<a href="/rel">r</a><img src="img.png" srcset="img-2x.png 2x">`, "", nil)
	want := `<a href="/rel" rel="nofollow noopener">r</a><img src="img.png"/>`
	if got != want {
		t.Errorf("Sanitize without base = %q, want %q", got, want)
	}
}

func TestSanitizeExtraTracking(t *testing.T) {
	got := Sanitize(`<a href="http://127.0.0.1/a?src=rss&amp;id=1">r</a>`, "", []string{"src"})
	if strings.Contains(got, "src=rss") || !strings.Contains(got, "id=1") {
		t.Errorf("Sanitize with tracking [src] = %q, want src removed and id kept", got)
	}
}
