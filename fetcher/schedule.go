package fetcher

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

// Backoff returns the delay before retrying a source after
// consecutiveErrors failures in a row: one minute, doubling with each
// failure, capped at 24 hours, then moved by jitter (a fraction in
// [-1, 1], e.g. ±0.1 drawn at random by the caller) and capped again. It
// returns 0 when consecutiveErrors <= 0.
func Backoff(consecutiveErrors int, jitter float64) time.Duration {
	if consecutiveErrors <= 0 {
		return 0
	}
	d := maxHint
	if consecutiveErrors <= 11 { // 2^11 minutes > 24h
		d = min(time.Minute<<(consecutiveErrors-1), maxHint)
	}
	jitter = max(-1, min(1, jitter))
	d += time.Duration(float64(d) * jitter)
	return max(0, min(d, maxHint))
}

// retryAfter returns the time a Retry-After header (delay in seconds or an
// HTTP date) asks for, no later than now+24h and no earlier than now.
func retryAfter(h http.Header, now time.Time) (time.Time, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return time.Time{}, false
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		d = time.Duration(min(max(secs, 0), int64(maxHint/time.Second))) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	} else {
		return time.Time{}, false
	}
	return now.Add(max(0, min(d, maxHint))), true
}

// headerHint returns the interval Cache-Control max-age or Expires allows
// before the next fetch, or 0.
func headerHint(h http.Header, now time.Time) time.Duration {
	cc := strings.ToLower(h.Get("Cache-Control"))
	for _, dir := range strings.Split(cc, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(dir), "=")
		switch k {
		case "no-cache", "no-store":
			return 0
		case "max-age":
			if secs, err := strconv.ParseInt(strings.Trim(v, `"`), 10, 64); err == nil && secs > 0 {
				return capHint(time.Duration(min(secs, int64(maxHint/time.Second))) * time.Second)
			}
			return 0
		}
	}
	if exp, err := http.ParseTime(h.Get("Expires")); err == nil {
		from := now
		if date, err := http.ParseTime(h.Get("Date")); err == nil {
			from = date
		}
		return capHint(exp.Sub(from))
	}
	return 0
}

var (
	ttlRe      = regexp.MustCompile(`<ttl>\s*(\d{1,9})\s*</ttl>`)
	syPeriodRe = regexp.MustCompile(`<sy:updatePeriod>\s*([A-Za-z]{1,16})\s*</sy:updatePeriod>`)
	syFreqRe   = regexp.MustCompile(`<sy:updateFrequency>\s*(\d{1,9})\s*</sy:updateFrequency>`)
	itemOpenRe = regexp.MustCompile(`<(?:[A-Za-z0-9_-]+:)?(?:item|entry)[\s>]`)
)

// bodyHint returns the longest interval the channel header asks for: RSS
// <ttl> (minutes) or sy:updatePeriod / sy:updateFrequency, read from the
// raw bytes before the first item, so an unchanged body that is not parsed
// again still yields its hint.
func bodyHint(b []byte) time.Duration {
	if loc := itemOpenRe.FindIndex(b); loc != nil {
		b = b[:loc[0]]
	}
	var ttl time.Duration
	if m := ttlRe.FindSubmatch(b); m != nil {
		mins, _ := strconv.ParseInt(string(m[1]), 10, 64)
		ttl = capHint(time.Duration(min(mins, int64(maxHint/time.Minute))) * time.Minute)
	}
	var period, freq string
	if m := syPeriodRe.FindSubmatch(b); m != nil {
		period = string(m[1])
	}
	if m := syFreqRe.FindSubmatch(b); m != nil {
		freq = string(m[1])
	}
	return max(ttl, syInterval(period, freq))
}

// syndicationHint returns the interval of the feed's syndication module
// (sy:updatePeriod divided by sy:updateFrequency), or 0.
func syndicationHint(feed *gofeed.Feed) time.Duration {
	if feed == nil || feed.Extensions == nil {
		return 0
	}
	sy := feed.Extensions["sy"]
	if sy == nil {
		return 0
	}
	return syInterval(extValue(sy, "updatePeriod"), extValue(sy, "updateFrequency"))
}

// syInterval is the update interval of the RSS syndication module: period
// (hourly, daily (the default), weekly, monthly, yearly) divided by
// frequency (default 1); 0 when neither is given or the period is unknown.
func syInterval(period, freq string) time.Duration {
	if period == "" && freq == "" {
		return 0
	}
	var d time.Duration
	switch strings.ToLower(strings.TrimSpace(period)) {
	case "hourly":
		d = time.Hour
	case "", "daily":
		d = 24 * time.Hour
	case "weekly":
		d = 7 * 24 * time.Hour
	case "monthly":
		d = 30 * 24 * time.Hour
	case "yearly":
		d = 365 * 24 * time.Hour
	default:
		return 0
	}
	if n, err := strconv.Atoi(strings.TrimSpace(freq)); err == nil && n > 1 {
		d /= time.Duration(n)
	}
	return capHint(d)
}

func extValue(m map[string][]ext.Extension, name string) string {
	if v := m[name]; len(v) > 0 {
		return strings.TrimSpace(v[0].Value)
	}
	return ""
}

func capHint(d time.Duration) time.Duration {
	return max(0, min(d, maxHint))
}
