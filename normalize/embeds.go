package normalize

import (
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// embedsAsLinks replaces each embedded player of a feed's content by a
// link to what it plays: a video or audio element with an http(s) source,
// and an iframe of a video or audio platform (playerHosts; any other frame
// is an ad or a widget, dropped as before). Readers get no iframe or media
// element from newsdesk, and without the link "watch the speech:" would
// point at nothing. The link's text is the element's title when it has
// one, else "▶" and the platform's host or the media file's name. A 1×1
// or 0×0 frame is dropped. Article pages do not go through it.
func embedsAsLinks(n *html.Node, r *resolver) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.Namespace == "" {
			switch c.DataAtom {
			case atom.Iframe, atom.Video, atom.Audio:
				if a := embedLink(c, r); a != nil {
					if flowParent[n.DataAtom] {
						p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
						p.AppendChild(a)
						n.InsertBefore(p, c)
					} else {
						n.InsertBefore(a, c)
						n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, c)
					}
				}
				n.RemoveChild(c)
			default:
				embedsAsLinks(c, r)
			}
		}
		c = next
	}
}

// embedLink returns the link that stands for the player e, or nil when it
// has no usable source or is a pixel.
func embedLink(e *html.Node, r *resolver) *html.Node {
	src, title := attr(e, "src"), strings.TrimSpace(attr(e, "title"))
	if src == "" || strings.HasPrefix(strings.TrimSpace(src), "about:") {
		src = attr(e, "data-src") // a lazy-loaded frame
	}
	if src == "" && e.DataAtom != atom.Iframe {
		for c := e.FirstChild; c != nil && src == ""; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Source {
				src = attr(c, "src")
			}
		}
	}
	if src == "" || isTinyFrame(e) {
		return nil
	}
	u, ok := r.clean(src)
	if !ok || !(strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) {
		return nil
	}
	pu, err := url.Parse(u)
	if err != nil {
		return nil
	}
	host := strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
	if e.DataAtom == atom.Iframe && !playerHost(host) {
		return nil
	}
	text := title
	switch {
	case text != "":
	case e.DataAtom == atom.Iframe || path.Base(pu.Path) == "/" || path.Base(pu.Path) == ".":
		text = "▶ " + host
	default:
		text = "▶ " + path.Base(pu.Path)
	}
	a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A,
		Attr: []html.Attribute{{Key: "href", Val: u}, {Key: "rel", Val: relLink}}}
	a.AppendChild(&html.Node{Type: html.TextNode, Data: text})
	return a
}

// isTinyFrame reports a frame declared 1×1 or smaller.
func isTinyFrame(e *html.Node) bool {
	w, h := attr(e, "width"), attr(e, "height")
	small := func(v string) bool { return v == "0" || v == "1" || v == "0px" || v == "1px" }
	return small(w) || small(h)
}

// attr returns the value of e's attribute key ("" when absent).
func attr(e *html.Node, key string) string {
	for _, a := range e.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// lazyImageAttrs are where lazy-loading scripts keep an image's real
// source while src holds a placeholder; lazySrcsetAttrs the same for
// srcset.
var (
	lazyImageAttrs  = []string{"data-src", "data-lazy-src", "data-original", "data-lazy", "data-echo", "data-actualsrc", "data-hi-res-src"}
	lazySrcsetAttrs = []string{"data-srcset", "data-lazy-srcset"}
)

// unlazy gives a lazy-loaded image its real source: the first usable
// lazy attribute becomes src (the placeholder, often a data: GIF that
// would be dropped, goes), and a lazy srcset becomes srcset.
func unlazy(img *html.Node, r *resolver) {
	real, realSet := "", ""
	for _, k := range lazyImageAttrs {
		if v := strings.TrimSpace(attr(img, k)); v != "" {
			if _, ok := r.clean(v); ok {
				real = v
				break
			}
		}
	}
	for _, k := range lazySrcsetAttrs {
		if v := strings.TrimSpace(attr(img, k)); v != "" {
			realSet = v
			break
		}
	}
	if real == "" && realSet == "" {
		return
	}
	attrs := img.Attr[:0]
	for _, a := range img.Attr {
		switch k := strings.ToLower(a.Key); {
		case real != "" && k == "src", realSet != "" && k == "srcset":
			continue
		}
		attrs = append(attrs, a)
	}
	img.Attr = attrs
	if real != "" {
		img.Attr = append(img.Attr, html.Attribute{Key: "src", Val: real})
	}
	if realSet != "" {
		img.Attr = append(img.Attr, html.Attribute{Key: "srcset", Val: realSet})
	}
}

// playerHosts are the video and audio platforms whose embedded players
// become links (the hosts of their embed URLs, without "www."); a
// subdomain of one counts ("player.vimeo.com").
var playerHosts = []string{
	"youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "dailymotion.com", "dai.ly",
	"soundcloud.com", "bandcamp.com", "spotify.com", "deezer.com", "mixcloud.com", "twitch.tv",
	"podcasts.apple.com", "embed.podcasts.apple.com", "ted.com", "arte.tv", "ina.fr",
	"francetvinfo.fr", "france.tv", "radiofrance.fr", "peertube.tv", "archive.org", "ausha.co",
	"acast.com", "podbean.com", "libsyn.com", "anchor.fm", "simplecast.com", "castbox.fm",
}

func playerHost(host string) bool {
	for _, h := range playerHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// flowParent are the elements in which a player's link becomes a
// paragraph of its own (elsewhere, inside a paragraph, it stays inline).
var flowParent = map[atom.Atom]bool{
	atom.Body: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Figure: true,
	atom.Li: true, atom.Td: true, atom.Blockquote: true, atom.Main: true, atom.Aside: true,
}
