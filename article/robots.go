package article

import (
	"bufio"
	"bytes"
	"strings"
)

// robots is the part of a robots.txt that applies to one user agent: the
// Allow and Disallow rules of the most specific group naming it (else of
// the "*" group).
type robots struct {
	rules []robotsRule
}

type robotsRule struct {
	allow bool
	path  string
}

// parseRobots reads a robots.txt body for the agent token (the product
// name of the User-Agent, such as "newsdesk"), after RFC 9309: groups of
// user-agent lines followed by rules; the group naming the agent wins
// over "*"; Allow and Disallow compare by the longest match, Allow winning
// ties; "*" and a final "$" are wildcards.
func parseRobots(body []byte, agent string) robots {
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []robotsRule
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, val = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil {
				continue
			}
			if val == "" {
				continue // "Disallow:" allows everything
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", path: val})
		default:
			// sitemap, crawl-delay and others end no group
		}
	}
	var star, named []robotsRule
	foundNamed := false
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				star = append(star, g.rules...)
			case a != "" && strings.Contains(agent, a):
				named = append(named, g.rules...)
				foundNamed = true
			}
		}
	}
	if foundNamed {
		return robots{rules: named}
	}
	return robots{rules: star}
}

// allowed reports whether the rules allow path (with its query).
func (r robots) allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if n := robotsMatch(rule.path, path); n > best || n == best && rule.allow {
			if n >= 0 {
				best, allow = n, rule.allow
			}
		}
	}
	return allow
}

// robotsMatch returns the length of pattern when it matches the start of
// path, else -1.
func robotsMatch(pattern, path string) int {
	anchored := strings.HasSuffix(pattern, "$")
	p := strings.TrimSuffix(pattern, "$")
	if matchWild(p, path, anchored) {
		return len(pattern)
	}
	return -1
}

func matchWild(p, s string, anchored bool) bool {
	if p == "" {
		return !anchored || s == ""
	}
	if p[0] == '*' {
		for i := 0; i <= len(s); i++ {
			if matchWild(p[1:], s[i:], anchored) {
				return true
			}
		}
		return false
	}
	if s == "" || p[0] != s[0] {
		return false
	}
	return matchWild(p[1:], s[1:], anchored)
}

// agentToken is the product name of a User-Agent header: "newsdesk" for
// "newsdesk/1.0 (+https://...)".
func agentToken(ua string) string {
	tok, _, _ := strings.Cut(strings.TrimSpace(ua), "/")
	tok, _, _ = strings.Cut(tok, " ")
	return strings.ToLower(tok)
}
