package article

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A list of the site's other posts under a heading ("Toujours à
// l'affiche", "Recent News"): each item one link to another page of the
// site, with nothing beside it but what a teaser shows of its post, a
// rating in stars or a date. siteLinkList takes the bare lists of
// relative links; this takes those whose links are absolute to the
// page's own host and whose items carry a date or stars.

// otherPosts reports whether n is such a list: two items or more, each
// one link of three words or more to the site (a relative address, or an
// absolute one on host, the page's own), and beside it only stars, a date
// or numbers.
func otherPosts(n *html.Node, host string) bool {
	return linkItems(n, func(li, link *html.Node) bool {
		if !ownHref(attr(link, "href"), host) {
			return false
		}
		rest := strings.Join(strings.Fields(textOutsideLinks(li)), " ")
		return rest == "" || teaserMeta(rest)
	})
}

// teaserMeta reports whether the words beside a teaser's link are only
// what a teaser shows of its post: a rating in stars, a date, numbers.
func teaserMeta(raw string) bool {
	t := titleForm(raw)
	if t == "" || starsRe.MatchString(strings.TrimSpace(raw)) {
		return true
	}
	return bareDate(t) || dateLine(t) || isDigits(strings.ReplaceAll(t, " ", ""))
}

// ownHref reports whether a link leads to another page of the site: a
// relative address (siteHref), or an absolute one on the page's host or
// a host under it.
func ownHref(href, host string) bool {
	if siteHref(href) {
		return true
	}
	if host == "" {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Path == "" || u.Path == "/" {
		return false
	}
	h := strings.ToLower(strings.TrimPrefix(u.Hostname(), "www."))
	host = strings.ToLower(host)
	// or a blog of the host's platform, the page's own site among them
	// ("lilou-zik22.skyrock.com" on a page whose home link is skyrock.com)
	return h == host || strings.HasSuffix(h, "."+host)
}

// pageHost returns the host of the page's canonical link, else of its
// og:url, else of its first link to a site's home page (the logo's),
// without "www."; "" when it has none.
func pageHost(doc *html.Node) string {
	var canonical, og, home string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.A:
				if u, err := url.Parse(strings.TrimSpace(attr(c, "href"))); home == "" && err == nil && (u.Scheme == "http" || u.Scheme == "https") && (u.Path == "" || u.Path == "/") && u.RawQuery == "" {
					home = u.String()
				}
			case atom.Link:
				if hasToken(attr(c, "rel"), "canonical") && canonical == "" {
					canonical = attr(c, "href")
				}
			case atom.Meta:
				if strings.EqualFold(attr(c, "property"), "og:url") && og == "" {
					og = attr(c, "content")
				}
			}
			walk(c)
		}
	}
	walk(doc)
	for _, raw := range []string{canonical, og, home} {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Hostname() != "" {
			return strings.ToLower(strings.TrimPrefix(u.Hostname(), "www."))
		}
	}
	return ""
}
