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
	if s.robots == nil {
		s.robots = map[string]*robotsEntry{}
	}
	e, ok := s.robots[key]
	if !ok || now.After(e.expires) {
		// One request per origin: the pages of a run wait for it.
		e = &robotsEntry{ready: make(chan struct{}), expires: now.Add(robotsTTL)}
		s.robots[key] = e
		s.robotsMu.Unlock()
		e.r, e.err = s.readRobots(ctx, key)
		close(e.ready)
	} else {
		s.robotsMu.Unlock()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return false, ctx.Err()
		}
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

func (s *Stage) readRobots(ctx context.Context, origin string) (robots, error) {
	p, err := s.Fetcher.GetPage(ctx, origin+"/robots.txt", "", "")
	switch {
	case err == nil:
		return parseRobots(p.Body, agentToken(s.UserAgent)), nil
	case errors.Is(err, fetcher.ErrHTTPStatus) && p != nil && p.Status >= 400 && p.Status < 500:
		return robots{}, nil
	case errors.Is(err, fetcher.ErrTooLarge):
		return robots{}, nil // RFC 9309 asks for 500 KiB at least; a larger file is not honoured
	}
	return robots{}, fmt.Errorf("robots.txt of %s: %w", origin, err)
}
