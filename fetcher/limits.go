package fetcher

import (
	"context"
	"net/url"
	"strings"
	"sync"
)

// hostLimiter bounds the requests in flight to each host. Its map only
// holds hosts with a request in flight or waiting, so it does not grow with
// the number of hosts ever fetched.
type hostLimiter struct {
	per   int
	mu    sync.Mutex
	hosts map[string]*hostSem
}

type hostSem struct {
	slots chan struct{}
	refs  int // holders and waiters
}

func newHostLimiter(per int) *hostLimiter {
	return &hostLimiter{per: per, hosts: make(map[string]*hostSem)}
}

// acquire waits for a slot to host, or for ctx to end.
func (h *hostLimiter) acquire(ctx context.Context, host string) error {
	h.mu.Lock()
	s := h.hosts[host]
	if s == nil {
		s = &hostSem{slots: make(chan struct{}, h.per)}
		h.hosts[host] = s
	}
	s.refs++
	h.mu.Unlock()
	select {
	case s.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		h.unref(host, s)
		return ctx.Err()
	}
}

// release frees a slot acquired for host.
func (h *hostLimiter) release(host string) {
	h.mu.Lock()
	s := h.hosts[host]
	h.mu.Unlock()
	<-s.slots
	h.unref(host, s)
}

func (h *hostLimiter) unref(host string, s *hostSem) {
	h.mu.Lock()
	s.refs--
	if s.refs == 0 {
		delete(h.hosts, host)
	}
	h.mu.Unlock()
}

// slots holds one fetch's place under the limits: a slot to the host it is
// talking to, then a global slot. Always acquiring in that order (host,
// then global) means a fetch waiting for a busy host holds no global slot.
type slots struct {
	f    *Fetcher
	host string
	held bool
}

// enter acquires a slot to host and a global slot.
func (s *slots) enter(ctx context.Context, host string) error {
	if err := s.f.hosts.acquire(ctx, host); err != nil {
		return err
	}
	select {
	case s.f.global <- struct{}{}:
	case <-ctx.Done():
		s.f.hosts.release(host)
		return ctx.Err()
	}
	s.host, s.held = host, true
	return nil
}

// move switches to host (for a redirect or a discovered feed), releasing
// everything first to keep the acquisition order.
func (s *slots) move(ctx context.Context, host string) error {
	if s.held && s.host == host {
		return nil
	}
	s.leave()
	return s.enter(ctx, host)
}

// leave releases what enter acquired; it is safe to call twice.
func (s *slots) leave() {
	if !s.held {
		return
	}
	<-s.f.global
	s.f.hosts.release(s.host)
	s.held = false
}

// hostKey is the limiter key of u: host and port in lower case, without the
// scheme's default port.
func hostKey(u *url.URL) string {
	h := strings.ToLower(u.Host)
	switch {
	case u.Scheme == "http" && strings.HasSuffix(h, ":80"):
		h = strings.TrimSuffix(h, ":80")
	case u.Scheme == "https" && strings.HasSuffix(h, ":443"):
		h = strings.TrimSuffix(h, ":443")
	}
	return h
}
