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
// path ("*" any run of characters, a final "$" the end), else -1.
func robotsMatch(pattern, path string) int {
	p, anchored := strings.CutSuffix(pattern, "$")
	if !anchored {
		p += "*" // a rule matches a prefix
	}
	if matchWild(p, path) {
		return len(pattern)
	}
	return -1
}

// matchWild reports whether s matches the whole of p, where '*' matches
// any run: the greedy two-pointer match, backtracking to the last star
// only, in O(len(p)·len(s)).
func matchWild(p, s string) bool {
	pi, si, star, mark := 0, 0, -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case pi < len(p) && p[pi] == s[si]:
			pi++
			si++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// agentToken is the product name of a User-Agent header: "newsdesk" for
// "newsdesk/1.0 (+https://...)".
func agentToken(ua string) string {
	tok, _, _ := strings.Cut(strings.TrimSpace(ua), "/")
	tok, _, _ = strings.Cut(tok, " ")
	return strings.ToLower(tok)
}
