package normalize

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
	"golang.org/x/text/language"

	"newsdesk"
)

// minDate is the earliest date believed; earlier ones are CMS defaults.
var minDate = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// maxAhead is how far in the future a date may lie before it is ignored.
const maxAhead = 24 * time.Hour

// dateLayouts are tried, in order, on dc:date values gofeed left unparsed.
var dateLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700", time.RFC822Z, time.RFC822,
}

// dates returns the published and updated dates of an item in UTC: published
// is the first plausible of published, updated and dc:date; a date before
// 1990 or more than 24h after now (when now is set) counts as absent.
func dates(it *gofeed.Item, now time.Time) (published, updated time.Time) {
	sane := func(t *time.Time) time.Time {
		if t == nil || t.IsZero() {
			return time.Time{}
		}
		u := t.UTC()
		if u.Before(minDate) || (!now.IsZero() && u.After(now.Add(maxAhead))) {
			return time.Time{}
		}
		return u
	}
	loose := func(parsed *time.Time, raw string) *time.Time {
		if parsed != nil || strings.TrimSpace(raw) == "" {
			return parsed
		}
		if t, ok := looseDate(raw); ok {
			return &t
		}
		return nil
	}
	pub, upd := loose(it.PublishedParsed, it.Published), loose(it.UpdatedParsed, it.Updated)
	updated = sane(upd)
	for _, t := range []*time.Time{pub, upd, dcDate(it)} {
		if published = sane(t); !published.IsZero() {
			break
		}
	}
	return published, updated
}

// dcDate returns the item's dc:date, from gofeed's Dublin Core extension
// (RSS) or its raw extensions (Atom), or nil.
func dcDate(it *gofeed.Item) *time.Time {
	var raw []string
	if it.DublinCoreExt != nil {
		raw = it.DublinCoreExt.Date
	}
	raw = append(raw, extValues(it.Extensions, "dc", "date")...)
	for _, s := range raw {
		s = strings.TrimSpace(s)
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return &t
			}
		}
		if t, ok := looseDate(s); ok {
			return &t
		}
	}
	return nil
}

// extValues returns the text of the extension elements prefix:name.
func extValues(exts ext.Extensions, prefix, name string) []string {
	var out []string
	for _, e := range exts[prefix][name] {
		out = append(out, e.Value)
	}
	return out
}

// authors returns the item's authors, else the feed's: names, or e-mail
// addresses where no name is given.
func authors(it *gofeed.Item, f *gofeed.Feed) []string {
	var names []string
	add := func(ps []*gofeed.Person) {
		for _, p := range ps {
			if p == nil {
				continue
			}
			if n := Title(p.Name); n != "" {
				names = append(names, n)
			} else if e := Title(p.Email); e != "" {
				names = append(names, e)
			}
		}
	}
	add(it.Authors)
	if len(names) == 0 && it.Author != nil {
		add([]*gofeed.Person{it.Author})
	}
	if len(names) == 0 {
		for _, c := range extValues(it.Extensions, "dc", "creator") {
			names = append(names, Title(c))
		}
	}
	if len(names) == 0 {
		add(f.Authors)
		if len(names) == 0 && f.Author != nil {
			add([]*gofeed.Person{f.Author})
		}
	}
	return dedupe(names)
}

// dedupe drops empty strings and case-insensitive repeats, keeping the
// first spelling, after cleaning each value as a title.
func dedupe(in []string) []string {
	var out []string
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		s = Title(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// enclosures returns the item's enclosures with absolute, cleaned URLs,
// without repeats.
func enclosures(it *gofeed.Item, r *resolver) []newsdesk.Enclosure {
	var out []newsdesk.Enclosure
	seen := map[string]bool{}
	for _, e := range it.Enclosures {
		if e == nil {
			continue
		}
		u, ok := r.clean(e.URL)
		if !ok || !isAbs(u) || seen[u] {
			continue
		}
		seen[u] = true
		n, err := strconv.ParseInt(strings.TrimSpace(e.Length), 10, 64)
		if err != nil || n < 0 {
			n = 0
		}
		out = append(out, newsdesk.Enclosure{
			URL:    u,
			Type:   strings.ToLower(fold(stripInvalid(e.Type))),
			Length: n,
		})
	}
	return out
}

// itemLanguage returns the item's dc:language, else the feed's language, as
// a BCP 47 tag when it parses as one.
func itemLanguage(it *gofeed.Item, f *gofeed.Feed) string {
	var cands []string
	if it.DublinCoreExt != nil {
		cands = append(cands, it.DublinCoreExt.Language...)
	}
	cands = append(cands, extValues(it.Extensions, "dc", "language")...)
	cands = append(cands, f.Language)
	if f.DublinCoreExt != nil {
		cands = append(cands, f.DublinCoreExt.Language...)
	}
	for _, c := range cands {
		if v, ok := langCache.Load(c); ok {
			if v == "" {
				continue
			}
			return v.(string)
		}
		raw := c
		c = fold(stripInvalid(c))
		if c != "" {
			if tag, err := language.Parse(strings.ReplaceAll(c, "_", "-")); err == nil && tag != language.Und {
				c = tag.String()
			}
		}
		if langCached.Add(1) <= maxLangCache {
			langCache.Store(raw, c)
		}
		if c == "" {
			continue
		}
		return c
	}
	return ""
}

// langCache remembers the language values read (a feed's one value is
// read again for every item: parsing the tag was 5% of normalizing), up to
// maxLangCache of them.
var (
	langCache  sync.Map // raw value → normalized value ("" when none)
	langCached atomic.Int64
)

const maxLangCache = 4096

// itemLink returns the item's link as written: its link, else its first
// other link, else its guid when that is an absolute http(s) URL (an RSS
// permalink guid).
func itemLink(it *gofeed.Item) string {
	if s := strings.TrimSpace(it.Link); s != "" {
		return s
	}
	for _, l := range it.Links {
		if s := strings.TrimSpace(l); s != "" {
			return s
		}
	}
	if g := strings.TrimSpace(it.GUID); parseBase(g) != nil {
		return g
	}
	return ""
}
