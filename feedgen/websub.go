package feedgen

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// defaultPingTimeout bounds one WebSub ping when Options.PingTimeout is 0.
const defaultPingTimeout = 10 * time.Second

// ping tells the WebSub hub, in the background, that the three feeds of
// each section changed. Failures are logged; they never reach the caller.
func (h *Handler) ping(sectionIDs []string) {
	if h.opt.Hub == "" || len(sectionIDs) == 0 {
		return
	}
	var topics []string
	for _, id := range sectionIDs {
		for _, f := range []string{formatAtom, formatRSS, formatJSON} {
			topics = append(topics, h.opt.feedURL(id, f))
		}
	}
	h.pings.Add(1)
	go func() {
		defer h.pings.Done()
		for _, topic := range topics {
			if err := h.publish(topic); err != nil {
				h.log.Warn("websub ping failed", "hub", h.opt.Hub, "topic", topic, "err", err)
			} else {
				h.log.Debug("websub ping", "hub", h.opt.Hub, "topic", topic)
			}
		}
	}()
}

// publish sends one publish notification for topic.
func (h *Handler) publish(topic string) error {
	timeout := h.opt.PingTimeout
	if timeout <= 0 {
		timeout = defaultPingTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {topic}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.opt.Hub, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("websub request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client := h.opt.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("websub publish: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("websub publish: hub answered %s", resp.Status)
	}
	return nil
}
