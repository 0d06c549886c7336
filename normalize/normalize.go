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
	"fmt"
	"regexp"
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
	tr := newTracker(opt.Tracking)
	base := resolveBase(f.Link, parseBase(opt.FeedURL))
	strip := newStripper(opt.Strip)

	drafts := make([]draft, 0, len(f.Items))
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		d := draft{src: it}
		src := it.Content
		if src == "" {
			src = it.Description
		}
		d.content = parseFragment(src)
		d.pixels = rewriteURLs(d.content, base, tr)
		d.cBlocks = collectBlocks(d.content)
		if it.Content != "" && it.Description != "" {
			d.desc = parseFragment(it.Description)
			rewriteURLs(d.desc, base, tr)
			d.dBlocks = collectBlocks(d.desc)
		}
		drafts = append(drafts, d)
	}
	recurring := recurringBlocks(drafts)

	items := make([]newsdesk.Item, 0, len(drafts))
	plains := make([]string, 0, len(drafts))
	for i := range drafts {
		d := &drafts[i]
		removeChrome(d.cBlocks, strip, recurring)
		tidy(d.content)
		if d.desc != nil {
			removeChrome(d.dBlocks, strip, recurring)
			tidy(d.desc)
		}
		it, plain, ok := build(d, f, opt, base, tr)
		if !ok {
			res.Warnings = append(res.Warnings, fmt.Sprintf("item %d has no title, link, text or enclosure; skipped", i+1))
			continue
		}
		items = append(items, it)
		plains = append(plains, plain)
	}
	items, warnings := assignKeys(items, plains)
	res.Warnings = append(res.Warnings, warnings...)
	res.Items = items
	return res
}

// recurringBlocks returns the texts of the blocks that recur verbatim in
// enough of the document's items to be chrome.
func recurringBlocks(drafts []draft) map[string]bool {
	counts := map[string]int{}
	for _, d := range drafts {
		seen := map[string]bool{}
		for _, blocks := range [][]block{d.cBlocks, d.dBlocks} {
			for _, b := range blocks {
				if !seen[b.text] {
					seen[b.text] = true
					counts[b.text]++
				}
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
func removeChrome(blocks []block, strip stripper, recurring map[string]bool) {
	var recur []block
	own := false
	for _, b := range blocks {
		switch {
		case builtinChrome(b) || strip.match(b):
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
