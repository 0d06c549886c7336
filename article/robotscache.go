package article

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"newsdesk/fetcher"
)

// allowed reports whether robots.txt lets newsdesk fetch rawURL. The file
// is read once per host per hour. After RFC 9309: a 4xx (none there)
// allows everything; a 5xx or an unreachable host allows nothing for now
// (the error says why, and the item is tried again later).
func (s *Stage) allowed(ctx context.Context, rawURL string) (bool, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false, err
	}
	key := u.Scheme + "://" + u.Host
	now := s.now()
	s.robotsMu.Lock()
	e, ok := s.robots[key]
	s.robotsMu.Unlock()
	if !ok || now.After(e.expires) {
		e = s.readRobots(ctx, key)
		e.expires = now.Add(robotsTTL)
		s.robotsMu.Lock()
		if s.robots == nil {
			s.robots = map[string]robotsEntry{}
		}
		s.robots[key] = e
		s.robotsMu.Unlock()
	}
	if e.err != nil {
		return false, e.err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.r.allowed(path), nil
}

func (s *Stage) readRobots(ctx context.Context, origin string) robotsEntry {
	p, err := s.Fetcher.GetPage(ctx, origin+"/robots.txt", "", "")
	switch {
	case err == nil:
		return robotsEntry{r: parseRobots(p.Body, agentToken(s.UserAgent))}
	case errors.Is(err, fetcher.ErrHTTPStatus) && p != nil && p.Status >= 400 && p.Status < 500:
		return robotsEntry{}
	case errors.Is(err, fetcher.ErrTooLarge):
		return robotsEntry{} // RFC 9309 asks for 500 KiB at least; a larger file is not honoured
	}
	return robotsEntry{err: fmt.Errorf("robots.txt of %s: %w", origin, err)}
}
