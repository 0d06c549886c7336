package config

import (
	"net/url"
	"strings"

	"go.yaml.in/yaml/v3"

	"newsdesk"
)

// fullText decodes a source's full_text: true, false or auto.
func (d *decoder) fullText(dst *newsdesk.FullText) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		s, ok := d.scalar(n, path, "true, false or auto")
		if !ok {
			return
		}
		var b bool
		switch {
		case n.ShortTag() == "!!bool" && n.Decode(&b) == nil && b:
			*dst = newsdesk.FullTextOn
		case n.ShortTag() == "!!bool" && n.Decode(&b) == nil:
			*dst = newsdesk.FullTextOff
		case strings.EqualFold(strings.TrimSpace(s), "auto"):
			*dst = newsdesk.FullTextAuto
		default:
			d.errorf(n, path, "expected true, false or auto, got %q", s)
		}
	}
}

// hosts decodes a list of host names (full_text_hosts): bare names such as
// cdn.example.org, lower-cased; a URL is reduced to its host when it has
// nothing but a scheme and a host, else reported.
func (d *decoder) hosts(dst *[]string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		*dst = []string{}
		d.list(n, path, func(_ int, e *yaml.Node, p string) {
			s, ok := d.scalar(e, p, "a host name")
			if !ok {
				return
			}
			h, ok := hostName(s)
			if !ok {
				d.errorf(e, p, "invalid host %q: give a host name such as news.example.org (no path, no port)", s)
				return
			}
			*dst = append(*dst, h)
		})
	}
}

func hostName(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Port() != "" {
			return "", false
		}
		s = u.Hostname()
	}
	s = strings.TrimSuffix(s, ".")
	if s == "" || strings.ContainsAny(s, "/:?#@ \t") {
		return "", false
	}
	return s, true
}

// checkFullText reports full_text_hosts given to a source that never
// fetches articles: most likely a forgotten full_text: auto.
func checkFullText(errs *Errors, path string, src *newsdesk.SectionSource) {
	if len(src.FullTextHosts) > 0 && src.FullText == newsdesk.FullTextOff {
		errs.add(path+".full_text_hosts", "has no effect without full_text: auto (or true)")
	}
}
