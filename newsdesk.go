// Package newsdesk holds the domain types every stage of the pipeline shares:
// the sections and sources a config describes, the items that flow from the
// fetcher through storage to the feed generator, and the fetch state kept per
// source. It does no I/O; the stages live in sub-packages
// (config → fetcher → normalize → storage → feedgen), wired in cmd/newsdesk.
package newsdesk

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Section is one curated output feed: its metadata, its curation rules and
// the sources that feed it. Sections are values built by the config package
// and are safe for concurrent reads.
type Section struct {
	ID          string // used in URLs: [a-z0-9-]+
	Title       string
	Description string
	Language    string        // BCP 47 tag, e.g. "fr"
	Limit       int           // items in each output feed
	Include     []Rule        // when set, an item must match one
	Exclude     []Rule        // an item matching one is left out
	MaxAge      time.Duration // items older than this are left out (0: no limit)
	SourceCap   float64       // largest share of one feed page one source may take, 0 < cap <= 1 (0: no cap); see PerSource and Paginate
	Sources     []SectionSource
}

// SectionSource is a source as listed under one section.
type SectionSource struct {
	URL        string
	Title      string
	Schedule   string   // cron spec; empty means the config's default
	Priority   int      // higher wins when a story is reported by several sources
	Categories []string // when set, only items carrying one of them (case-insensitive) enter the section
	Strip      []*regexp.Regexp
	// FullText says when the article page of an item is fetched to
	// publish its main text; FullTextHosts lists the hosts besides the
	// source's own whose pages FullTextAuto fetches.
	FullText      FullText
	FullTextHosts []string
}

// FullText is a source's full-text mode: when newsdesk fetches the page an
// item links to and publishes its main text in place of the feed's.
type FullText uint8

const (
	FullTextOff  FullText = iota // never (the default)
	FullTextAuto                 // only for items whose feed text is a summary, linking to the source's site or FullTextHosts
	FullTextOn                   // for every item with a link
)

// String returns the mode as written in the config: false, auto or true.
func (m FullText) String() string {
	switch m {
	case FullTextOn:
		return "true"
	case FullTextAuto:
		return "auto"
	}
	return "false"
}

// Source is one URL to fetch, with everything the sections that list it ask
// of it. A URL listed in several sections is one Source.
type Source struct {
	URL      string
	Title    string
	Schedule string // effective cron spec
	Strip    []*regexp.Regexp
	Sections []string // ids of the sections it feeds
	// FullText is the strongest mode the sections listing it ask for
	// (true over auto over false); FullTextHosts the union of their hosts.
	FullText      FullText
	FullTextHosts []string
}

// Rule is one include or exclude filter: a regular expression applied to one
// field of an item, or to title, summary and categories when Field is empty.
type Rule struct {
	Field   string // "", "title", "content", "author", "category", "link"
	Pattern *regexp.Regexp
}

// String returns the rule as written in the config, for decision logs.
func (r Rule) String() string {
	if r.Field == "" {
		return r.Pattern.String()
	}
	return r.Field + ": " + r.Pattern.String()
}

// Match reports whether the rule matches the item.
func (r Rule) Match(it *Item) bool {
	switch r.Field {
	case "title":
		return r.Pattern.MatchString(it.Title)
	case "content":
		return r.Pattern.MatchString(it.Summary) || r.Pattern.MatchString(it.ContentHTML)
	case "author":
		return anyMatch(r.Pattern, it.Authors)
	case "category":
		return anyMatch(r.Pattern, it.Categories)
	case "link":
		return r.Pattern.MatchString(it.Link)
	default:
		return r.Pattern.MatchString(it.Title) || r.Pattern.MatchString(it.Summary) || anyMatch(r.Pattern, it.Categories)
	}
}

func anyMatch(re *regexp.Regexp, ss []string) bool {
	for _, s := range ss {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// Admit applies the section's rules to an item that came from src. It
// returns "" when the item belongs in the section, else the reason it does
// not, naming the rule. now is used for MaxAge.
func (s *Section) Admit(it *Item, src *SectionSource, now time.Time) string {
	if src != nil && len(src.Categories) > 0 && !hasCategory(it.Categories, src.Categories) {
		return "categories: none of " + strings.Join(src.Categories, ", ")
	}
	if len(s.Include) > 0 {
		matched := false
		for _, r := range s.Include {
			if r.Match(it) {
				matched = true
				break
			}
		}
		if !matched {
			return "include: no rule matched"
		}
	}
	for _, r := range s.Exclude {
		if r.Match(it) {
			return "exclude: " + r.String()
		}
	}
	if s.MaxAge > 0 {
		t := it.SortAt
		if t.IsZero() {
			t = it.Published
		}
		if !t.IsZero() && now.Sub(t) > s.MaxAge {
			return "max_age: older than " + s.MaxAge.String()
		}
	}
	return ""
}

// Source returns the section's entry for url, or nil.
func (s *Section) Source(url string) *SectionSource {
	for i := range s.Sources {
		if s.Sources[i].URL == url {
			return &s.Sources[i]
		}
	}
	return nil
}

func hasCategory(have, want []string) bool {
	for _, h := range have {
		for _, w := range want {
			if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(w)) {
				return true
			}
		}
	}
	return false
}

// Enclosure is a media file attached to an item.
type Enclosure struct {
	URL    string
	Type   string
	Length int64
}

// Item is one normalized story from one source. The normalize package fills
// the content fields; storage fills ID, FirstSeen, SortAt, the source fields
// and Related when it reads items back for output.
type Item struct {
	// Identity within the source.
	SourceURL string // the source's configured URL
	Key       string // identity key: "guid:<id>", "link:<canonical link>" or "hash:<hex>"
	GUID      string // the source's own id, trimmed; may be empty

	Link          string // absolute, tracking parameters removed
	CanonicalLink string // Link in canonical form, used to merge copies of one story
	Title         string // plain text, never empty after normalization
	Summary       string // plain text, about 300 characters cut at a word
	Lead          string // plain text of the first words of the content (about 200), for near-duplicate detection; not stored
	ContentHTML   string // sanitized HTML
	Authors       []string
	Categories    []string
	Enclosures    []Enclosure
	ImageURL      string
	Language      string
	Published     time.Time // zero when the source gave none
	Updated       time.Time // zero when the source gave none
	ContentHash   string    // hex digest of the fields a reader sees; a change means an update
	Capped        string    // what normalize cut to fit the field caps, for explain; "" when nothing

	// Set by storage.
	ID          int64
	Ord         int64     // stable order key (a hash of source and identity): breaks ties between equal sort dates
	FirstSeen   time.Time // when newsdesk first stored the item
	SortAt      time.Time // stable sort date: published, clamped; never moves on update
	ModifiedAt  time.Time // last time the stored content changed (FirstSeen if never)
	SourceTitle string    // the source's title (config, else the feed's own)
	SourceSite  string    // the source feed's home page, if known
	Related     []Related // other reports of the same story in the section
}

// Related is another source's report of the same story.
type Related struct {
	Title       string
	Link        string
	SourceTitle string
}

// OutputID returns the item's id in every output feed. It is the source's
// own id when that is an absolute URI, otherwise a deterministic tag: URI
// derived from the source URL and the identity key, so it never changes
// across runs, restarts, re-renders or content updates.
func (it *Item) OutputID() string {
	if isAbsoluteURI(it.GUID) {
		return it.GUID
	}
	sum := sha256.Sum256([]byte(it.SourceURL + "\n" + it.Key))
	return "tag:newsdesk,2026:item:" + hex.EncodeToString(sum[:16])
}

func isAbsoluteURI(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n<>\"") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "urn", "tag", "mailto":
		return u.Opaque != ""
	}
	return false
}

// IsXMLChar reports whether r is a Char of XML 1.0: #x9 | #xA | #xD |
// [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. No other character
// may reach an output: the fetcher strips them from bodies, normalize from
// item fields and feedgen from everything it renders.
func IsXMLChar(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	}
	return r >= 0x10000 && r <= 0x10FFFF
}

// SourceState is what newsdesk remembers of a source between fetches: the
// validators for conditional requests and the outcome of recent attempts.
type SourceState struct {
	URL               string // as configured
	FinalURL          string // after permanent redirects or feed discovery; empty when equal to URL
	ETag              string
	LastModified      string
	BodyHash          string // hex digest of the last body parsed
	Title             string // the feed's own title
	SiteURL           string // the feed's home page link
	LastAttempt       time.Time
	LastSuccess       time.Time
	NextAttempt       time.Time // no fetch before then (backoff, Retry-After, cache hints)
	Status            int       // HTTP status of the last attempt, 0 for network errors
	Error             string    // last error, empty after a success
	Warning           string    // reservation of the last success (a truncated document), empty without one
	ConsecutiveErrors int
	Gone              bool   // 410 seen; not fetched until ConfigHash changes
	ConfigHash        string // digest of the config entry when Gone was set
	Bytes             int64  // body bytes of the last attempt
	Duration          time.Duration
	ItemsStored       int // filled when reading
}

// Cursor marks a position in a section feed, for paging back: the sort
// date and the stable order key (Item.Ord) of the last item seen.
type Cursor struct {
	SortAt time.Time
	Ord    int64
}

// Page selects a slice of a section feed: the newest Limit items strictly
// older than Before (all when Before is nil), and of the sources listed in
// Deferred, their items strictly older than their own cursor (the items the
// section's source cap held back from earlier pages). See Paginate.
type Page struct {
	Limit    int
	Before   *Cursor
	Deferred []SourceCursor
}
