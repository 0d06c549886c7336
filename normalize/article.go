package normalize

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// ArticleOptions is the context of one article page's extracted HTML.
type ArticleOptions struct {
	Base     string           // the page URL: relative links and images resolve against it
	Strip    []*regexp.Regexp // the source's chrome regexes, matched against whole text blocks
	Tracking []string         // extra tracking query parameters
	// Recurring holds block texts (as ArticleBlocks returns them) known
	// to recur across the site's pages: they are removed as chrome when
	// text of the page's own remains beside them.
	Recurring map[string]bool
}

// ArticleText is an article's main text made ready to publish.
type ArticleText struct {
	ContentHTML string // sanitized by the feed policy, chrome removed
	Text        string // its plain text, white space folded
	Lead        string // its first words, for near-duplicate signatures
	Image       string // first image of the content, if any
}

// Article cleans the HTML an extractor made of an article page the way
// Feed cleans an item's content: URLs resolved against opt.Base and
// cleaned of tracking parameters, tracking pixels dropped, chrome removed
// (the built-in French and English phrases, opt.Strip, opt.Recurring) and
// everything sanitized by the one feed policy: no script, style, iframe,
// form, event-handler or style attribute survives, whatever the extractor
// kept. Pure and safe for concurrent use.
func Article(extracted string, opt ArticleOptions) ArticleText {
	root := parseFragment(extracted)
	r := newResolver(parseBase(opt.Base), newTracker(opt.Tracking))
	rewriteURLs(root, r)
	var sc scratch
	blocks := collectBlocks(root, &sc)
	removeChrome(blocks, newStripper(opt.Strip), opt.Recurring, chromeCache{})
	dropRepeats(collectBlocks(root, &sc))
	tidy(root)
	out, img := finish(root, r, len(extracted))
	text := fragmentText(parseFragment(out), &sc.fold)
	return ArticleText{ContentHTML: out, Text: text, Lead: firstWords(text, leadWords), Image: img}
}

// dropRepeats removes the blocks whose words a longer block of the
// article says again: a pull quote repeats a sentence of the text, a
// standfirst may open the first paragraph. Blocks alike stay (the text
// may repeat itself), and so do blocks of fewer than six words (labels,
// list items) and headings (a subheading often quotes the paragraph it
// heads); a long article is not searched. A line of a quote that has
// words of its own stays with it: the attribution under a quote gives
// again the name and role the text gave its speaker ("…, résume Julien
// Atger, président du syndicat").
func dropRepeats(blocks []block) {
	if len(blocks) > maxRepeatBlocks {
		return
	}
	keys := make([]string, len(blocks))
	var all strings.Builder
	for i, b := range blocks {
		keys[i] = " " + strings.Join(strings.FieldsFunc(strings.ToLower(b.text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ") + " "
		all.WriteString(keys[i])
		all.WriteByte('|')
	}
	text := all.String()
	same := map[string]int{}
	for _, k := range keys {
		same[k]++
	}
	repeat := make([]bool, len(blocks))
	quoteOwn := map[*html.Node]bool{} // a quote with a block no other block says
	for i, b := range blocks {
		k := keys[i]
		n := strings.Count(k, " ") - 1
		repeat[i] = n >= 6 && n <= 80 && !isHeading(b.elem) && strings.Count(text, k) > same[k] // a longer block says it
		if q := quoteOf(b); q != nil && !repeat[i] {
			quoteOwn[q] = true
		}
	}
	for i, b := range blocks {
		if repeat[i] && !quoteOwn[quoteOf(b)] {
			b.remove()
		}
	}
}

// quoteOf returns the <blockquote> a block is in, nil if none.
func quoteOf(b block) *html.Node {
	n := b.elem
	if n == nil {
		n = b.parent
	}
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.Data == "blockquote" {
			return n
		}
	}
	return nil
}

func isHeading(n *html.Node) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}

// maxRepeatBlocks bounds the blocks dropRepeats compares.
const maxRepeatBlocks = 2000

// ArticleBlocks returns the texts of the blocks of extracted HTML (leaf
// block elements and lines), folded as Article matches them, for learning
// which blocks recur across a site's pages.
func ArticleBlocks(extracted string) []string {
	root := parseFragment(extracted)
	rewriteURLs(root, newResolver(nil, newTracker(nil)))
	var sc scratch
	blocks := collectBlocks(root, &sc)
	out := make([]string, 0, len(blocks))
	for _, b := range blocks {
		if t := strings.TrimSpace(b.text); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Words counts the words of plain text.
func Words(text string) int { return len(strings.Fields(text)) }
