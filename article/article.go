// Package article gives summary-only sources their full text: for the
// items of a source with full_text (true, or auto for items whose feed text
// is a summary and whose link is on the source's site or its
// full_text_hosts), it fetches the page the item links to, extracts the
// main text (go-readability, after removing page furniture it keeps),
// removes chrome (built-in phrases, the source's strip rules, blocks that
// recur across the site's pages), sanitizes it by the feed policy of
// package normalize, and publishes it in place of the summary, with the
// page's byline, date and lead image where the feed gave none and its
// canonical link for deduplication.
//
// It runs as a stage after storing: items are published from the feed at
// once and upgraded when their article arrives. A page is fetched once per
// link; its extraction is stored and reused by later fetches, other
// sources and sections, and refetched (conditionally) only when an item
// that links to it changes in its feed. Requests go through the feed
// fetcher (its User-Agent, per-host and global limits, timeout and body
// limit), follow robots.txt, and have a budget per source per run. A
// failure keeps the feed's text and records why.
//
// Extract and the robots.txt matcher are pure (cleaning is
// normalize.Article); Stage does the I/O, through the fetcher and storage.
// It does not decide which section an item is in, its story or its
// representative: storage places an upgraded item again through the
// curation engine (package curate). It does not parse feeds.
package article

import (
	"mime"
	"net"
	"net/url"
	"strings"
)

// sameSite reports whether host is site or shares its registrable domain
// (the last two labels, three under a two-letter country code with a
// short second level such as co.uk or com.fr).
// Both are host[:port] as in a URL; with a port on either side, only the
// same host and port are the same site.
func sameSite(host, site string) bool {
	host, site = strings.ToLower(strings.TrimSuffix(host, ".")), strings.ToLower(strings.TrimSuffix(site, "."))
	if host == "" || site == "" {
		return false
	}
	if host == site {
		return true
	}
	if strings.Contains(host, ":") || strings.Contains(site, ":") {
		return false
	}
	if net.ParseIP(host) != nil || net.ParseIP(site) != nil {
		return false
	}
	return registrable(host) == registrable(site)
}

func registrable(host string) string {
	labels := strings.Split(host, ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 && len(labels[len(labels)-2]) <= 3 {
		n = 3
	}
	if len(labels) <= n {
		return host
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// onHosts reports whether host is one of hosts or a subdomain of one.
func onHosts(host string, hosts []string) bool {
	host = strings.ToLower(host)
	for _, h := range hosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// hostOf returns the host name of a URL, lower-cased, without port.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// siteOf returns the host and port of a URL, lower-cased, without the
// scheme's default port: the key of a site (same-site checks, recurring
// blocks).
func siteOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Host)
	switch {
	case u.Scheme == "http" && strings.HasSuffix(h, ":80"):
		h = strings.TrimSuffix(h, ":80")
	case u.Scheme == "https" && strings.HasSuffix(h, ":443"):
		h = strings.TrimSuffix(h, ":443")
	}
	return h
}

// isHTML reports whether a response is an HTML page: by its Content-Type
// when it has one, else by its first bytes.
func isHTML(contentType string, body []byte) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch mt {
		case "text/html", "application/xhtml+xml":
			return true
		case "text/plain", "application/octet-stream":
		default:
			return false
		}
	}
	head := strings.ToLower(strings.TrimLeft(string(body[:min(len(body), 512)]), " \t\r\n\ufeff"))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.HasPrefix(head, "<head") || strings.HasPrefix(head, "<body")
}
