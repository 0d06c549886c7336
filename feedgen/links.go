package feedgen

import (
	"context"
	"time"

	"newsdesk"
	"newsdesk/normalize"
)

// outURL returns s as every output writes a link — lower-case scheme and
// host, no default port, no tracking parameter (normalize.CleanURL) — or ""
// when s is not an absolute http(s) URL (no javascript: or data: link
// reaches a reader).
func outURL(s string) string {
	s = clean(s)
	if !isHTTPURL(s) {
		return ""
	}
	if c := normalize.CleanURL(s, "", nil); isHTTPURL(c) {
		return newsdesk.EncodeURL(c)
	}
	return newsdesk.EncodeURL(s)
}

// linkKey is the form two links are compared in: the canonical URL, else
// the link as written.
func linkKey(s string) string {
	if c, err := normalize.CanonicalURL(s, nil); err == nil {
		return c
	}
	return s
}

// relatedOf returns the other reports of it as the outputs show them: each
// link in its output form and listed once, never the item's own link. A
// report without a usable link is kept once per title and source.
func relatedOf(it *newsdesk.Item) []newsdesk.Related {
	if len(it.Related) == 0 {
		return nil
	}
	seen := map[string]bool{}
	for _, own := range []string{it.CanonicalLink, it.Link} {
		if u := outURL(own); u != "" {
			seen[linkKey(u)] = true
		}
	}
	out := make([]newsdesk.Related, 0, len(it.Related))
	for _, r := range it.Related {
		r.Link = outURL(r.Link)
		key := "\x00" + r.Title + "\x00" + r.SourceTitle
		if r.Link != "" {
			key = linkKey(r.Link)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, r)
	}
	return out
}

// sectionChanger is the optional part of a Store that dates an empty feed.
type sectionChanger interface {
	// SectionChanged returns the last change of the section's feed, or
	// when its sources were first fetched; zero when neither is known.
	SectionChanged(ctx context.Context, section string) (time.Time, error)
}

// emptyChanged returns, for a section without items, the date its feed
// shows as updated; zero (the epoch) when the store cannot tell.
func emptyChanged(ctx context.Context, store Store, section string, items []newsdesk.Item) (time.Time, error) {
	sc, ok := store.(sectionChanger)
	if !ok || len(items) > 0 {
		return time.Time{}, nil
	}
	return sc.SectionChanged(ctx, section)
}
