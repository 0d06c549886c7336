package normalize

import (
	"strings"

	"github.com/mmcdole/gofeed"

	"newsdesk"
)

// leadWords is the length of Item.Lead, in words.
const leadWords = 200

// untitled is the title of an item that has neither title nor text.
const untitled = "(untitled)"

// build fills an item from a draft whose chrome is removed. It returns the
// item's plain content text (for hash identity) and false when the item has
// nothing to show.
func build(d *draft, f *gofeed.Feed, opt Options, r *resolver, sc *scratch) (newsdesk.Item, string, bool) {
	src := d.src
	contentHTML, contentImg := finish(d.content, r, d.size)
	it := newsdesk.Item{
		ContentHTML: contentHTML,
		SourceURL:   stripInvalid(opt.SourceURL),
		GUID:        strings.TrimSpace(stripInvalid(src.GUID)),
		Authors:     authors(src, f),
		Categories:  dedupe(src.Categories),
		Enclosures:  enclosures(src, r),
		Language:    itemLanguage(src, f),
	}
	if link, ok := r.clean(itemLink(src)); ok && isAbs(link) {
		c, err := canonical(link, r.tr)
		switch {
		case err != nil:
			it.Link, it.CanonicalLink = link, link
		case !sc.own[c]:
			it.Link, it.CanonicalLink = link, c
		}
	}

	contentText := fragmentText(d.content, &sc.fold)
	text := contentText
	if d.desc != nil {
		if t := fragmentText(d.desc, &sc.fold); t != "" {
			text = t
		}
	}
	it.Summary = Summary(text, summaryRunes)
	if contentText != "" {
		it.Lead = firstWords(contentText, leadWords)
	} else {
		it.Lead = firstWords(text, leadWords)
	}

	it.Title = itemTitle(src.Title, src.Custom)
	if it.Title == "" {
		it.Title = Summary(text, titleRunes)
	}
	if it.Title == "" {
		if it.Link == "" && len(it.Enclosures) == 0 && it.ContentHTML == "" {
			return it, "", false
		}
		it.Title = untitled
		if t := TextTitle(newsdesk.EncodeURL(it.Link)); t != "" { // the link as published
			it.Title = t
		}
	}

	it.Published, it.Updated = dates(src, opt.Now)

	encURLs := make([]string, len(it.Enclosures))
	encTypes := make([]string, len(it.Enclosures))
	for i, e := range it.Enclosures {
		encURLs[i], encTypes[i] = e.URL, e.Type
	}
	it.ImageURL = imageURL(src, encURLs, encTypes, contentImg, d.pixels, r)
	// URLs come out of net/url escaped; this guards the rule that no field
	// holds a character XML 1.0 forbids.
	it.Link, it.CanonicalLink, it.ImageURL = stripInvalid(it.Link), stripInvalid(it.CanonicalLink), stripInvalid(it.ImageURL)
	for i := range it.Enclosures {
		it.Enclosures[i].URL = stripInvalid(it.Enclosures[i].URL)
	}
	it.Capped = capFields(&it)
	it.ContentHash, sc.hash = contentHashBuf(&it, sc.hash)
	return it, contentText, true
}

// firstWords returns the first n words of folded text.
func firstWords(text string, n int) string {
	count, i := 0, 0
	for {
		j := strings.IndexByte(text[i:], ' ')
		if j < 0 {
			return text
		}
		i += j
		if count++; count == n {
			return text[:i]
		}
		i++
	}
}
