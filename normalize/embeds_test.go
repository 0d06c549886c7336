package normalize

import (
	"strings"
	"testing"
)

// TestLazyImagesAndPlayers: a lazy-loaded image keeps its real source
// (not its placeholder, and not nothing when the placeholder is a data:
// GIF); the player of a video platform and a video or audio file become
// links to what they play; any other frame (an ad, a widget) and a 1×1
// frame go.
func TestLazyImagesAndPlayers(t *testing.T) {
	const base = "http://127.0.0.1/blog/post"
	cases := []struct{ name, in, want string }{
		{"data: placeholder", `<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/vrai.jpg" alt="Photo"></p>`,
			`<p><img alt="Photo" src="http://127.0.0.1/img/vrai.jpg"/></p>`},
		{"gif placeholder", `<p><img src="/img/blank.gif" data-lazy-src="lazy.jpg" alt="x"></p>`,
			`<p><img alt="x" src="http://127.0.0.1/blog/lazy.jpg"/></p>`},
		{"lazy srcset", `<img src="/p.gif" data-src="/a.jpg" data-srcset="/a.jpg 1x, /a2.jpg 2x">`,
			`<img src="http://127.0.0.1/a.jpg" srcset="http://127.0.0.1/a.jpg 1x, http://127.0.0.1/a2.jpg 2x"/>`},
		{"plain image untouched", `<img src="/real.jpg" alt="r">`, `<img src="http://127.0.0.1/real.jpg" alt="r"/>`},
		{"youtube player", `<p>Le discours :</p><iframe src="https://www.youtube.com/embed/abc123" title="Le discours du maire" width="560" height="315"></iframe>`,
			`<p>Le discours :</p><p><a href="https://www.youtube.com/embed/abc123" rel="nofollow noopener">Le discours du maire</a></p>`},
		{"vimeo without title", `<div><iframe src="https://player.vimeo.com/video/42"></iframe></div>`,
			`<div><p><a href="https://player.vimeo.com/video/42" rel="nofollow noopener">▶ player.vimeo.com</a></p></div>`},
		{"lazy frame", `<iframe src="about:blank" data-src="https://www.dailymotion.com/embed/video/x8"></iframe>`,
			`<p><a href="https://www.dailymotion.com/embed/video/x8" rel="nofollow noopener">▶ dailymotion.com</a></p>`},
		{"ad frame", `<p>Texte.</p><iframe src="http://ads.127.0.0.1.example/slot?id=3" width="300" height="250"></iframe>`, `<p>Texte.</p>`},
		{"pixel frame", `<p>Texte.</p><iframe src="https://www.youtube.com/embed/x" width="1" height="1"></iframe>`, `<p>Texte.</p>`},
		{"video with sources", `<video controls poster="/p.jpg"><source src="/media/clip.mp4" type="video/mp4">Votre navigateur ne lit pas la vidéo.</video>`,
			`<p><a href="http://127.0.0.1/media/clip.mp4" rel="nofollow noopener">▶ clip.mp4</a></p>`},
		{"audio inline", `<p>Écoutez <audio src="/a/emission.mp3" controls></audio> ici.</p>`,
			`<p>Écoutez <a href="http://127.0.0.1/a/emission.mp3" rel="nofollow noopener">▶ emission.mp3</a>  ici.</p>`},
		{"javascript player", `<video src="javascript:alert(1)"></video><p>ok</p>`, `<p>ok</p>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Sanitize(c.in, base, nil)
			if got != c.want {
				t.Errorf("Sanitize(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
			if strings.Contains(got, "<iframe") || strings.Contains(got, "<video") || strings.Contains(got, "data:") {
				t.Errorf("%q kept a frame, a player or a data: URL", got)
			}
		})
	}
}
