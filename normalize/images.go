package normalize

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
	"golang.org/x/net/html"
)

// pixelHosts lists URL prefixes (host and path, no scheme) that only serve
// tracking pixels.
var pixelHosts = []string{
	"feeds.feedburner.com/~r/", "pixel.wp.com/", "stats.wp.com/",
	"www.facebook.com/tr", "pixel.quantserve.com/", "sb.scorecardresearch.com/",
}

// isPixel reports whether an img element is a tracking pixel: 1×1 or
// smaller in both dimensions, 0 in either, or served by a pixel host.
func isPixel(n *html.Node, src string) bool {
	w, hasW := dimension(n, "width")
	h, hasH := dimension(n, "height")
	switch {
	case hasW && hasH && w <= 1 && h <= 1:
		return true
	case (hasW && w == 0) || (hasH && h == 0):
		return true
	}
	rest := src
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	for _, p := range pixelHosts {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// dimension returns the width or height of an element from its attribute
// or its style, in pixels.
func dimension(n *html.Node, name string) (float64, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, name) {
			v := strings.TrimSuffix(strings.TrimSpace(strings.ToLower(a.Val)), "px")
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				return f, true
			}
		}
		if strings.EqualFold(a.Key, "style") {
			for decl := range strings.SplitSeq(a.Val, ";") {
				prop, val, ok := strings.Cut(decl, ":")
				if !ok || !strings.EqualFold(strings.TrimSpace(prop), name) {
					continue
				}
				val = strings.TrimSuffix(strings.TrimSpace(strings.ToLower(val)), "px")
				if f, err := strconv.ParseFloat(val, 64); err == nil {
					return f, true
				}
			}
		}
	}
	return 0, false
}

// isDescriptor reports whether s is a srcset width or density descriptor:
// ^[0-9]+(?:\.[0-9]+)?[wx]$.
func isDescriptor(s string) bool {
	if len(s) < 2 || (s[len(s)-1] != 'w' && s[len(s)-1] != 'x') {
		return false
	}
	intPart, frac, dot := strings.Cut(s[:len(s)-1], ".")
	return integer(intPart) && (!dot || integer(frac))
}

// srcsetForm reports whether v has the form cleanSrcset writes: absolute
// http(s) URLs without space, comma or line break, each with an optional
// descriptor, joined by ", ". Such a value matches srcsetRe; others may too.
func srcsetForm(v string) bool {
	for cand := range strings.SplitSeq(v, ", ") {
		u, d, hasD := strings.Cut(cand, " ")
		rest, ok := strings.CutPrefix(u, "http://")
		if !ok {
			rest, ok = strings.CutPrefix(u, "https://")
		}
		if !ok || rest == "" || strings.ContainsAny(rest, ", \t\n\f\r") || (hasD && !isDescriptor(d)) {
			return false
		}
	}
	return true
}

// cleanSrcset resolves and cleans each candidate of a srcset value and
// returns them as "URL descriptor, URL descriptor". Candidates that are not
// absolute http(s) URLs, or whose descriptor is not a width or density,
// are dropped.
func cleanSrcset(v string, r *resolver) string {
	var out []string
	for cand := range strings.SplitSeq(v, ",") {
		fields := strings.Fields(cand)
		if len(fields) == 0 || len(fields) > 2 {
			continue
		}
		u, ok := r.clean(fields[0])
		if !ok || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) || strings.ContainsAny(u, ", ") {
			continue
		}
		if len(fields) == 2 {
			if !isDescriptor(fields[1]) {
				continue
			}
			u += " " + fields[1]
		}
		out = append(out, u)
	}
	return strings.Join(out, ", ")
}

// imageURL picks the item's image: the first image enclosure, else a
// media:content or media:thumbnail image, else the item's image, else the
// first image of the sanitized content (contentImg, see finish). Tracking
// pixels never qualify.
func imageURL(it *gofeed.Item, encl []string, encTypes []string, contentImg string, pixels []string, r *resolver) string {
	pick := func(raw string) string {
		u, ok := r.clean(raw)
		if !ok || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
			return ""
		}
		for _, p := range pixels {
			if p == u {
				return ""
			}
		}
		return u
	}
	for i, u := range encl {
		if strings.HasPrefix(encTypes[i], "image/") {
			if v := pick(u); v != "" {
				return v
			}
		}
	}
	if v := mediaImage(it.Extensions["media"], pick); v != "" {
		return v
	}
	if it.Image != nil {
		if v := pick(it.Image.URL); v != "" {
			return v
		}
	}
	return contentImg
}

// mediaImage returns the first image among media:content (directly or in a
// media:group) and media:thumbnail elements.
func mediaImage(media map[string][]ext.Extension, pick func(string) string) string {
	if media == nil {
		return ""
	}
	contents := append([]ext.Extension(nil), media["content"]...)
	thumbs := append([]ext.Extension(nil), media["thumbnail"]...)
	for _, g := range media["group"] {
		contents = append(contents, g.Children["content"]...)
		thumbs = append(thumbs, g.Children["thumbnail"]...)
	}
	for _, c := range contents {
		medium, typ := c.Attrs["medium"], c.Attrs["type"]
		if medium == "image" || strings.HasPrefix(typ, "image/") || (medium == "" && typ == "" && looksLikeImage(c.Attrs["url"])) {
			if v := pick(c.Attrs["url"]); v != "" {
				return v
			}
		}
	}
	for _, t := range thumbs {
		if v := pick(t.Attrs["url"]); v != "" {
			return v
		}
	}
	return ""
}

// looksLikeImage reports whether a URL's path ends like an image file.
func looksLikeImage(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	p := strings.ToLower(u.Path)
	for _, e := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"} {
		if strings.HasSuffix(p, e) {
			return true
		}
	}
	return false
}

// firstImg returns the src of the first absolute http(s) image in
// sanitized HTML (for the output of finishSlow; finish notes it as it
// writes).
func firstImg(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			if t.Data != "img" {
				continue
			}
			for _, a := range t.Attr {
				if a.Key == "src" && (strings.HasPrefix(a.Val, "http://") || strings.HasPrefix(a.Val, "https://")) {
					return a.Val
				}
			}
		}
	}
}
