package fetcher

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isFeedType reports whether a <link rel="alternate"> type names a feed.
func isFeedType(t string) bool {
	switch mediaType(t) {
	case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json":
		return true
	}
	return false
}

// discoverFeed returns the absolute URL of the first feed an HTML page
// links to with <link rel="alternate" type="...">, resolved against the
// page's <base href> or pageURL, or "" when there is none. Only http and
// https links are returned. It streams tokens; it builds no tree.
func discoverFeed(page []byte, pageURL string) string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if !hasAttr {
				continue
			}
			switch atom.Lookup(name) {
			case atom.Base:
				if href := attrs(z)["href"]; href != "" {
					if u, err := base.Parse(strings.TrimSpace(href)); err == nil {
						base = u
					}
				}
			case atom.Link:
				a := attrs(z)
				if !hasToken(a["rel"], "alternate") || !isFeedType(a["type"]) || a["href"] == "" {
					continue
				}
				u, err := base.Parse(strings.TrimSpace(a["href"]))
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
					continue
				}
				u.Fragment = ""
				return u.String()
			}
		}
	}
}

// attrs returns the current tag's attributes, keys in lower case.
func attrs(z *html.Tokenizer) map[string]string {
	m := make(map[string]string)
	for {
		k, v, more := z.TagAttr()
		m[strings.ToLower(string(k))] = string(v)
		if !more {
			return m
		}
	}
}

// hasToken reports whether the space-separated list s holds tok, ignoring case.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// mediaType returns the media type of a type attribute without parameters,
// in lower case.
func mediaType(s string) string {
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(strings.TrimSpace(s))
}
