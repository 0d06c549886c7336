package newsdesk

import (
	"net/url"
	"strings"
)

// Redacted replaces the value of a secret query parameter wherever a source
// URL is shown.
const Redacted = "REDACTED"

// secretParams are the query parameter names whose values are always
// hidden, compared in lower case with '-' read as '_'.
var secretParams = []string{"token", "key", "apikey", "api_key", "secret", "password", "pass", "passwd",
	"auth", "sig", "signature", "access_token"}

// secretParts mark a parameter name as secret wherever they appear in it
// (client_secret, x_api_key, session_token, authorization).
var secretParts = []string{"token", "secret", "password", "passwd", "apikey", "api_key", "signature", "auth"}

// Redactor hides the secrets of source URLs: the user name and password,
// and the values of query parameters that look like credentials. Private
// feeds routinely carry such tokens; every output, page, metric label and
// log line shows a source URL through a Redactor, and only the fetcher
// sees the real one.
//
// The zero Redactor hides the built-in list; NewRedactor adds the
// configured names. A Redactor is immutable and safe for concurrent use.
type Redactor struct {
	extra []string // lower-case names from the config (redact_params)
}

// NewRedactor returns a Redactor that also hides the values of the query
// parameters named in extra (case-insensitive).
func NewRedactor(extra []string) Redactor {
	var r Redactor
	for _, p := range extra {
		if p = paramName(p); p != "" {
			r.extra = append(r.extra, p)
		}
	}
	return r
}

func paramName(p string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(p)), "-", "_")
}

// Secret reports whether the query parameter name looks like a credential.
func (r Redactor) Secret(name string) bool {
	n := paramName(name)
	for _, s := range secretParams {
		if n == s {
			return true
		}
	}
	for _, s := range r.extra {
		if n == s {
			return true
		}
	}
	for _, s := range secretParts {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// URL returns raw without its user name and password and with the values
// of secret query parameters (and of fragment parameters, where some
// services put tokens) replaced by REDACTED; the rest, order and escaping
// included, is as written. It works on the text, so a URL that does not
// parse is redacted too.
func (r Redactor) URL(raw string) string {
	s := stripUserinfo(raw)
	frag := ""
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s, frag = s[:i], s[i+1:]
		if q, ok := r.query(frag); ok {
			frag = q
		}
		frag = "#" + frag
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		if q, ok := r.query(s[i+1:]); ok {
			s = s[:i+1] + q
		}
	}
	return s + frag
}

// query redacts the values of secret parameters of a raw query; ok is
// false when none was found.
func (r Redactor) query(raw string) (string, bool) {
	parts := strings.Split(raw, "&")
	found := false
	for i, p := range parts {
		k, v, hasValue := strings.Cut(p, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			name = k
		}
		if hasValue && v != Redacted && r.Secret(name) {
			parts[i] = k + "=" + Redacted
			found = true
		}
	}
	if !found {
		return raw, false
	}
	return strings.Join(parts, "&"), true
}

// stripUserinfo removes "user:pass@" after a "//" from text that is not a
// parseable URL.
func stripUserinfo(s string) string {
	i := strings.Index(s, "//")
	if i < 0 {
		return s
	}
	rest := s[i+2:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if at := strings.LastIndexByte(rest[:end], '@'); at >= 0 {
		return s[:i+2] + rest[at+1:]
	}
	return s
}

// Text returns s with every URL in it redacted (see URL): error messages
// and log lines name the URLs they concern. A URL starts with a scheme
// followed by "://" (http, https, postgres, …) and ends at white space, a
// quote, '<', '>' or the end of s; a trailing ')', ',', ';' or '.' is not
// part of it.
func (r Redactor) Text(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	var b strings.Builder
	at := 0
	for at < len(s) {
		i := strings.Index(s[at:], "://")
		if i < 0 {
			break
		}
		sep := at + i
		start := sep
		for start > at && isSchemeChar(s[start-1]) {
			start--
		}
		end := sep + 3
		for end < len(s) && !strings.ContainsRune(" \t\r\n\"'<>`\\", rune(s[end])) {
			end++
		}
		for end > sep+3 && strings.ContainsRune("),;.", rune(s[end-1])) {
			end--
		}
		b.WriteString(s[at:start])
		b.WriteString(r.URL(s[start:end]))
		at = end
	}
	b.WriteString(s[at:])
	return b.String()
}

func isSchemeChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'
}
