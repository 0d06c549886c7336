// Package normalize turns a parsed feed document into newsdesk items: it
// resolves and cleans links (tracking parameters removed, a canonical form
// for matching), decodes and folds titles, sanitizes content HTML for feed
// readers, removes site chrome (built-in French and English phrases,
// per-source regexes, and blocks that recur across the document's items),
// writes plain-text summaries, picks dates, authors, categories,
// enclosures, image and language, and computes identity keys and content
// hashes.
//
// It is pure: a *gofeed.Feed and the source's context in, items out. It does
// no HTTP and no storage, does not decode charsets (the fetcher hands it a
// feed parsed from UTF-8), and decides nothing that needs stored items
// (deduplication across fetches, first-seen dates, clusters).
//
// gofeed v1.4.2 applies xml:base itself (Atom link hrefs, Atom content, RSS
// links) and does not expose it on items, so what is still relative here is
// resolved against the feed's link, else the URL fetched.
package normalize

import (
	"regexp"
	"slices"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"newsdesk"
)

// Options is the source context of one feed document.
type Options struct {
	SourceURL string           // configured source URL (Item.SourceURL, identity)
	FeedURL   string           // URL actually fetched, after redirects; base of last resort
	Strip     []*regexp.Regexp // per-source chrome regexes, matched against whole text blocks
	Tracking  []string         // extra tracking query parameters: exact names, or prefixes ending in '*'
	Now       time.Time        // time of this fetch; zero disables the future-date check
}

// Result is the outcome of normalizing one feed document.
type Result struct {
	Items    []newsdesk.Item // in document order, one per identity key
	Warnings []string        // problems of the document worth logging (reused guids, repeated items)
}

// summaryRunes and titleRunes are the lengths of generated summaries and of
// titles made from text.
const (
	summaryRunes = 300
	titleRunes   = 80
)

// recurMin and recurShare decide when a block that recurs across a
// document's items is chrome: in at least recurMin items and at least
// recurShare of them.
const (
	recurMin   = 3
	recurShare = 0.6
)

// draft is an item between parsing and finishing: its content and
// description trees stay open until the whole document's recurring blocks
// are known.
type draft struct {
	src     *gofeed.Item
	content *html.Node // sanitizing tree of item.Content, else item.Description
	size    int        // length of the source of content, to size buffers
	desc    *html.Node // tree of item.Description when content came from item.Content
	cBlocks []block
	dBlocks []block
	pixels  []string
}

// Feed normalizes every item of f. Items without title, link, text or
// enclosure are skipped with a warning. A nil feed gives an empty Result.
// Safe for concurrent use; opt.Strip regexes are only read.
func Feed(f *gofeed.Feed, opt Options) Result {
	var res Result
	if f == nil {
		return res
	}
	r := newResolver(resolveBase(f.Link, parseBase(opt.FeedURL)), newTracker(opt.Tracking))
	strip := newStripper(opt.Strip)
	sc := scratch{own: ownLinks(f, opt, r)}

	drafts := make([]draft, 0, len(f.Items))
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		it = c1Item(it)
		d := draft{src: it}
		src := it.Content
		if src == "" {
			src = it.Description
		}
		d.content = parseFragment(src)
		d.size = len(src)
		embedsAsLinks(d.content, r)
		d.pixels = rewriteURLs(d.content, r)
		d.cBlocks = collectBlocks(d.content, &sc)
		if it.Content != "" && it.Description != "" {
			d.desc = parseFragment(it.Description)
			embedsAsLinks(d.desc, r)
			rewriteURLs(d.desc, r)
			d.dBlocks = collectBlocks(d.desc, &sc)
		}
		drafts = append(drafts, d)
	}
	recurring := recurringBlocks(drafts)
	cache := chromeCache{}

	items := make([]newsdesk.Item, 0, len(drafts))
	plains := make([]string, 0, len(drafts))
	var empty tally
	for i := range drafts {
		d := &drafts[i]
		removeChrome(d.cBlocks, strip, recurring, cache)
		tidy(d.content)
		if d.desc != nil {
			removeChrome(d.dBlocks, strip, recurring, cache)
			tidy(d.desc)
		}
		it, plain, ok := build(d, f, opt, r, &sc)
		if !ok {
			empty.add(i + 1)
			continue
		}
		items = append(items, it)
		plains = append(plains, plain)
	}
	if w := empty.summary("item %d has no title, link, text or enclosure; skipped",
		"%d items skipped: no title, link, text or enclosure; first at item %d"); w != "" {
		res.Warnings = append(res.Warnings, w)
	}
	items, warnings := assignKeys(items, plains)
	res.Warnings = append(res.Warnings, warnings...)
	res.Items = items
	return res
}

// scratch holds the buffers one Feed call reuses from item to item.
type scratch struct {
	own   map[string]bool // canonical links of the feed itself, see ownLinks
	fold  folder
	hash  []byte
	nodes []*html.Node // runs of inline nodes, see collect
}

// push appends c to the run that starts at runStart in sc.nodes and
// returns where the run now starts. A full array is not grown but left to
// the runs that point into it: the current run moves to a new one.
func (sc *scratch) push(runStart int, c *html.Node) int {
	if len(sc.nodes) == cap(sc.nodes) {
		run := sc.nodes[runStart:]
		chunk := make([]*html.Node, len(run), max(256, 2*len(run)))
		copy(chunk, run)
		sc.nodes, runStart = chunk, 0
	}
	sc.nodes = append(sc.nodes, c)
	return runStart
}

// ownLinks returns the canonical forms of the feed's own URLs: the URL
// fetched, the source's, the feed's self and home links. An item link that
// is one of them is no link of the item's own: gofeed resolves an empty
// href="" to the xml:base or document URL, and some CMSs write the home
// page for items that have no page.
func ownLinks(f *gofeed.Feed, opt Options, r *resolver) map[string]bool {
	own := map[string]bool{}
	for _, u := range []string{opt.FeedURL, opt.SourceURL, f.FeedLink, f.Link} {
		if c, err := canonical(u, r.tr); err == nil {
			own[c] = true
		}
	}
	return own
}

// recurringBlocks returns the texts of the blocks that recur verbatim in
// enough of the document's items to be chrome.
func recurringBlocks(drafts []draft) map[string]bool {
	counts := map[string]int{}
	var seen []string
	for _, d := range drafts {
		// An item's blocks are few: a slice finds repeats faster than a
		// map; many go through a map.
		var seenMap map[string]bool
		if len(d.cBlocks)+len(d.dBlocks) > 32 {
			seenMap = map[string]bool{}
		}
		seen = seen[:0]
		for _, blocks := range [][]block{d.cBlocks, d.dBlocks} {
			for _, b := range blocks {
				if seenMap != nil {
					if seenMap[b.text] {
						continue
					}
					seenMap[b.text] = true
				} else {
					if slices.Contains(seen, b.text) {
						continue
					}
					seen = append(seen, b.text)
				}
				counts[b.text]++
			}
		}
	}
	out := map[string]bool{}
	for text, n := range counts {
		if n >= recurMin && float64(n) >= recurShare*float64(len(drafts)) {
			out[text] = true
		}
	}
	return out
}

// removeChrome removes the blocks that are chrome: built-in phrases and
// strip regexes always, recurring blocks only when text of the item's own
// remains beside them.
func removeChrome(blocks []block, strip stripper, recurring map[string]bool, cache chromeCache) {
	var recur []block
	own := false
	for _, b := range blocks {
		switch {
		case cache.chrome(b, strip):
			b.remove()
		case recurring[b.text]:
			recur = append(recur, b)
		default:
			own = true
		}
	}
	if own {
		for _, b := range recur {
			b.remove()
		}
	}
}
