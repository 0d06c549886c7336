package config

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
)

// BaseURLFromListen is the base URL used when the file sets none: http://
// and the listen address, with the machine's host name in place of an
// unspecified host (":8080", "0.0.0.0:8080", "[::]:8080"), which no client
// can reach.
func BaseURLFromListen(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return DefaultBaseURL // listen itself is reported invalid
	}
	if host == "" || net.ParseIP(host) != nil && net.ParseIP(host).IsUnspecified() {
		host = "localhost"
		if h, err := os.Hostname(); err == nil && h != "" {
			host = strings.ToLower(h)
		}
	}
	return "http://" + net.JoinHostPort(host, port)
}

// isLoopback reports whether host (a name or an address) is this machine
// only: "localhost" or a loopback address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// warnings lists what works but is likely a mistake: a base URL that is
// not set or that readers elsewhere cannot reach, no section, and a source
// listed in several sections with different titles or schedules (the
// first listing's value is used for the source everywhere). Each warning
// names its field path; place gives it a position.
func (d *decoder) warnings(c *Config) Errors {
	var ws Errors
	lhost, _, _ := net.SplitHostPort(c.Listen)
	listenPublic := !isLoopback(lhost)
	if !d.baseSet {
		msg := fmt.Sprintf("not set: links and feed ids use %s, derived from listen; set base_url to the address readers use "+
			"before they subscribe (changing it later changes every feed id)", c.BaseURL)
		ws.add("base_url", msg)
	} else if u, err := url.Parse(c.BaseURL); err == nil && isLoopback(u.Hostname()) && listenPublic {
		ws.add("base_url", fmt.Sprintf("%s is this machine only while listen %q accepts other machines: "+
			"readers elsewhere get links they cannot open", c.BaseURL, c.Listen))
	}
	if len(c.Sections) == 0 {
		ws.add("sections", "no section: nothing will be fetched or published")
	}
	type first struct{ title, schedule, titlePath, schedulePath string }
	seen := map[string]first{}
	for i := range c.Sections {
		for j := range c.Sections[i].Sources {
			ss := &c.Sections[i].Sources[j]
			p := index(index("sections", i)+".sources", j)
			f, ok := seen[ss.URL]
			if !ok {
				seen[ss.URL] = first{title: ss.Title, schedule: ss.Schedule, titlePath: p + ".title", schedulePath: p + ".schedule"}
				continue
			}
			if f.title == "" && ss.Title != "" {
				f.title, f.titlePath = ss.Title, p+".title"
			} else if ss.Title != "" && ss.Title != f.title {
				ws.add(p+".title", fmt.Sprintf("%q differs from %s %q (%s) for the same source %s: %q is used in every section",
					ss.Title, f.titlePath, f.title, d.where(f.titlePath), ss.URL, f.title))
			}
			if f.schedule == "" && ss.Schedule != "" {
				f.schedule, f.schedulePath = ss.Schedule, p+".schedule"
			} else if ss.Schedule != "" && ss.Schedule != f.schedule {
				ws.add(p+".schedule", fmt.Sprintf("%q differs from %s %q (%s) for the same source %s: the source is fetched once, on %q",
					ss.Schedule, f.schedulePath, f.schedule, d.where(f.schedulePath), ss.URL, f.schedule))
			}
			seen[ss.URL] = f
		}
	}
	return ws
}

// where is "line N" for a field path the file has, else "".
func (d *decoder) where(path string) string {
	if at, ok := d.pos[path]; ok {
		return fmt.Sprintf("line %d", at.line)
	}
	return "no line"
}

// placeWarnings positions warnings as place does problems.
func (d *decoder) placeWarnings(ws Errors, file string) Errors {
	for i := range ws {
		for p := ws[i].Path; ; p = parent(p) {
			if at, ok := d.pos[p]; ok {
				ws[i].Line, ws[i].Column = at.line, at.col
				break
			}
			if p == "" {
				break
			}
		}
		ws[i].File = file
	}
	ws.sort()
	return ws
}
