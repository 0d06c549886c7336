package normalize

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// ErrInvalidURL is returned by CanonicalURL for a string that does not parse
// as an absolute http or https URL with a host.
var ErrInvalidURL = errors.New("invalid url")

// defaultTracking lists the query parameters that only track readers. A
// trailing '*' makes a prefix. Names compare case-insensitively.
var defaultTracking = []string{
	"utm_*", "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid",
	"msclkid", "mc_cid", "mc_eid", "xtor", "xtref", "_hsenc", "_hsmi",
	"__hstc", "__hssc", "__hsfp", "hsctatracking", "igshid", "yclid",
	"ref_src", "ref_url", "twclid", "ttclid", "_ga", "_gl", "mkt_tok",
	"oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wickedid",
	"at_medium", "at_campaign", "at_format", "at_platform", "at_link",
	"pk_*", "mtm_*", "piwik_*", "matomo_*", "sr_share",
}

// tracker decides whether a query parameter name is a tracking parameter.
// It is read-only once built.
type tracker struct {
	exact    map[string]bool
	prefixes []string
	defaults *tracker // the built-in list, shared; nil for the built-in tracker itself
}

// builtinTracker is the tracker of defaultTracking, built once.
var builtinTracker = sync.OnceValue(func() *tracker { return buildTracker(defaultTracking, nil) })

// newTracker returns a tracker for the default list plus extra names.
func newTracker(extra []string) *tracker {
	if len(extra) == 0 {
		return builtinTracker()
	}
	return buildTracker(extra, builtinTracker())
}

func buildTracker(names []string, defaults *tracker) *tracker {
	t := &tracker{exact: make(map[string]bool, len(names)), defaults: defaults}
	for _, name := range names {
		name = strings.ToLower(strings.TrimSpace(name))
		switch {
		case name == "" || name == "*":
		case strings.HasSuffix(name, "*"):
			t.prefixes = append(t.prefixes, strings.TrimSuffix(name, "*"))
		default:
			t.exact[name] = true
		}
	}
	return t
}

func (t *tracker) match(name string) bool {
	name = strings.ToLower(name)
	return t.matchLower(name) || (t.defaults != nil && t.defaults.matchLower(name))
}

func (t *tracker) matchLower(name string) bool {
	if t.exact[name] {
		return true
	}
	for _, p := range t.prefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// CleanURL resolves raw against base (when raw is relative and base is an
// absolute URL) and removes tracking query parameters (the built-in list
// plus tracking; a trailing '*' makes a prefix) from the query and from a
// fragment of name=value pairs. An http(s) host is written lower case and
// without its default port; every other part stays as written: the case
// of the path, the order of the remaining parameters, the fragment. It returns "" for what cannot be a link: an unparseable
// string, a scheme other than http, https, mailto, magnet or ftp
// (javascript:, data: …), or a relative URL left without a base. Safe for
// concurrent use.
func CleanURL(raw, base string, tracking []string) string {
	s, ok := cleanRef(raw, parseBase(base), newTracker(tracking))
	if !ok || !isAbs(s) {
		return ""
	}
	return unsafeURLChars.Replace(s)
}

// unsafeURLChars percent-encodes the characters RFC 3986 never allows
// unescaped, which net/url leaves in a query as written: a link must not
// carry markup anywhere it is shown as text.
var unsafeURLChars = strings.NewReplacer("<", "%3C", ">", "%3E", `"`, "%22", " ", "%20", "`", "%60")

// CanonicalURL returns raw in canonical form, to compare links and to
// publish them: scheme and host lower-case, default port removed, tracking
// parameters removed from the query and from a fragment of name=value
// pairs (as CleanURL; any other fragment is kept, it names another item), the remaining parameters sorted by name, an empty
// path as "/", no trailing "?". The case of the path is kept. raw must be an
// absolute http or https URL, else the error wraps ErrInvalidURL. Safe for
// concurrent use.
func CanonicalURL(raw string, tracking []string) (string, error) {
	return canonical(raw, newTracker(tracking))
}

func canonical(raw string, tr *tracker) (string, error) {
	u, err := url.Parse(trimURL(raw))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrInvalidURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("%w: %q is not an absolute http(s) url", ErrInvalidURL, raw)
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return "", fmt.Errorf("%w: %q has no host", ErrInvalidURL, raw)
	}
	if strings.ContainsAny(host, "[]") {
		// Hostname strips the brackets of an IPv6 literal: one left is no
		// host ("http://]:0").
		return "", fmt.Errorf("%w: %q has a malformed host", ErrInvalidURL, raw)
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host = net.JoinHostPort(strings.Trim(host, "[]"), port)
	}
	u.Host = host
	cleanFragment(u, tr)
	pairs := cleanPairs(u.RawQuery, tr)
	slices.SortStableFunc(pairs, func(a, b string) int {
		return strings.Compare(pairKey(a), pairKey(b))
	})
	u.RawQuery = strings.Join(pairs, "&")
	u.ForceQuery = false
	if u.Path == "" && u.RawPath == "" {
		u.Path = "/"
	}
	// Re-parse so the result is a fixed point of canonical.
	out := u.String()
	if v, err := url.Parse(out); err == nil && v.String() != out {
		out = v.String()
	}
	return out, nil
}

// cleanRef resolves raw against base (nil: leave it relative) and removes
// tracking parameters from the query, and from a fragment that carries
// parameters ("#xtor=RSS-3"). ok is false for what cannot be a link.
func cleanRef(raw string, base *url.URL, tr *tracker) (string, bool) {
	s := trimURL(raw)
	if s == "" {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", false
	}
	if base != nil && !u.IsAbs() {
		u = base.ResolveReference(u)
	}
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
		tidyHost(u)
	case "mailto", "magnet", "ftp":
	case "":
		if base != nil {
			return "", false
		}
	default:
		return "", false
	}
	if u.RawQuery != "" || u.ForceQuery {
		u.RawQuery = strings.Join(cleanPairs(u.RawQuery, tr), "&")
		u.ForceQuery = false
	}
	cleanFragment(u, tr)
	return u.String(), true
}

// tidyHost writes the host of an http(s) URL as every output shows it:
// lower case, without the scheme's default port. (url.Parse has already
// lower-cased the scheme.)
func tidyHost(u *url.URL) {
	host, port := u.Hostname(), u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	lower := strings.ToLower(host)
	if lower == u.Hostname() && port == u.Port() {
		return
	}
	if strings.Contains(lower, ":") {
		lower = "[" + lower + "]"
	}
	if port != "" {
		lower = net.JoinHostPort(strings.Trim(lower, "[]"), port)
	}
	u.Host = lower
}

// cleanFragment removes the tracking parameters from a fragment that
// carries name=value pairs ("#xtor=RSS-3", "#utm_source=x"), and the
// fragment when nothing is left of it. Any other fragment is part of the
// link: two permalinks that differ only by "#part-2" are two items.
func cleanFragment(u *url.URL, tr *tracker) {
	switch {
	case u.Fragment == "":
		u.Fragment, u.RawFragment = "", ""
	case strings.Contains(u.Fragment, "="):
		f := strings.Join(cleanPairs(u.EscapedFragment(), tr), "&")
		if f == "" {
			u.Fragment, u.RawFragment = "", ""
		} else if v, err := url.Parse("#" + f); err == nil {
			u.Fragment, u.RawFragment = v.Fragment, v.RawFragment
		}
	}
}

// cleanPairs splits a raw query into its non-blank name=value pairs, as
// written but with spaces escaped, without the tracking ones.
func cleanPairs(rawQuery string, tr *tracker) []string {
	var out []string
	for pair := range strings.SplitSeq(rawQuery, "&") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		pair = strings.ReplaceAll(pair, " ", "%20")
		if tr.match(pairKey(pair)) {
			continue
		}
		out = append(out, pair)
	}
	return out
}

// pairKey returns the unescaped name of a name=value pair.
func pairKey(pair string) string {
	k, _, _ := strings.Cut(pair, "=")
	if uk, err := url.QueryUnescape(k); err == nil {
		return uk
	}
	return k
}

// trimURL removes surrounding space and the tabs and line breaks browsers
// ignore inside URLs.
func trimURL(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "\t\r\n") {
		s = strings.NewReplacer("\t", "", "\r", "", "\n", "").Replace(s)
	}
	return s
}

// parseBase parses an absolute http(s) base URL, or returns nil.
func parseBase(s string) *url.URL {
	u, err := url.Parse(trimURL(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// resolveBase returns ref resolved against base when it makes an absolute
// http(s) URL, else base.
func resolveBase(ref string, base *url.URL) *url.URL {
	r, err := url.Parse(trimURL(ref))
	if err != nil || trimURL(ref) == "" {
		return base
	}
	if base != nil {
		r = base.ResolveReference(r)
	}
	if (r.Scheme != "http" && r.Scheme != "https") || r.Host == "" {
		return base
	}
	return r
}

func isAbs(s string) bool {
	i := strings.IndexByte(s, ':')
	return i > 0 && !strings.ContainsAny(s[:i], "/?#")
}

// resolver cleans the URLs of one Feed or Sanitize call. Its base and
// tracking list do not change during the call, so it remembers what it
// computed: links, images and share buttons recur across a document's
// items. Not safe for concurrent use.
type resolver struct {
	base *url.URL
	tr   *tracker
	refs map[string]refResult // cleanRef
	urls map[string]refResult // validURL
}

type refResult struct {
	s  string
	ok bool
}

func newResolver(base *url.URL, tr *tracker) *resolver {
	return &resolver{base: base, tr: tr, refs: map[string]refResult{}, urls: map[string]refResult{}}
}

// clean is cleanRef against the resolver's base and tracking list.
func (r *resolver) clean(raw string) (string, bool) {
	if v, ok := r.refs[raw]; ok {
		return v.s, v.ok
	}
	s, ok := cleanRef(raw, r.base, r.tr)
	r.refs[raw] = refResult{s, ok}
	return s, ok
}
