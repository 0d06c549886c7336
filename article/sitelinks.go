package article

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Links to the site's own pages set in or around the text (related
// articles, teaser boxes) and prompts that are a question then a link:
// known by their shape, whatever they say.

// loneLink reports whether a line between two paragraphs of prose is
// a link to another page of the site and nothing else: a related article
// set in the body with no label (a headline of 4 to 20 words, a relative
// address, no sentence end). A text's own sentence with a link in it has
// words outside the link; a line linking elsewhere (a source, a report)
// is not the site's furniture.
func loneLink(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div:
	default:
		return false
	}
	if hasBlockChild(n) || contains(n, atom.Img) {
		return false
	}
	links := linksIn(n)
	if len(links) != 1 {
		return false
	}
	if !siteHref(attr(links[0], "href")) {
		return false
	}
	if len(strings.Fields(strings.Trim(textOutsideLinks(n), " →»›>|-–—"))) > 0 {
		return false
	}
	t := normText(links[0])
	if nw := len(strings.Fields(t)); nw < 4 || nw > 20 || strings.HasSuffix(t, ".") {
		return false
	}
	prose := func(e *html.Node) bool {
		return e != nil && (e.DataAtom == atom.P || e.DataAtom == atom.Div && !hasBlockChild(e)) &&
			wordCount(e) >= 12 && linkShare(e) < 0.5
	}
	return prose(prevElement(n)) && prose(nextElement(n))
}

// backRe is what a link back to the list a page belongs to says:
// "Retour aux communiqués", "Revenir au blog", "Back to all news".
var backRe = regexp.MustCompile(`^(?:retour(?:ner)? (?:à|a|au|aux|vers)|revenir (?:à|a|au|aux)|back to|return to|go back to) `)

// backLink reports whether a line is a link back to the list the page
// belongs to, and nothing else but arrows: one link to another page of the
// site, of a few words, that says so ("<< Retour aux communiqués", "← Back
// to all news"), maybe beside a link to the page's top ("| Haut de
// page"), or a line of the link to the page's top alone ("Haut de la
// page" set under the text). A related article's headline does not open
// on "back to".
func backLink(n *html.Node) bool {
	links := lineLinks(n)
	if len(links) == 0 || len(links) > 3 || strings.Trim(textOutsideLinks(n), " \t\n←‹«<|-–—") != "" {
		return false
	}
	back, top := false, false
	for _, a := range links {
		href := strings.TrimSpace(attr(a, "href"))
		t := titleForm(textOf(a))
		switch {
		case len(strings.Fields(t)) <= 6 && backRe.MatchString(t) && siteHref(href):
			back = true
		case strings.HasPrefix(href, "#") && toTopRe.MatchString(t):
			// "<< Retour aux concours | Haut de page": the page's top
			top = true
		default:
			return false
		}
	}
	return back || top
}

// toTopRe is a link to the page's top: "Haut de page", "Retour en haut",
// "Back to top".
var toTopRe = regexp.MustCompile(`^(?:haut de (?:la )?page|(?:retour )?en haut(?: de (?:la )?page)?|(?:back to )?top(?: of (?:the )?page)?|up)$`)

// lineLinks returns the links of n when n is a line of text (a <p>,
// <div>, <span> or <center> with no block or picture in it: an arrow's
// icon is still a line's), else nil.
func lineLinks(n *html.Node) []*html.Node {
	if !slices.Contains([]atom.Atom{atom.P, atom.Div, atom.Span, atom.Center}, n.DataAtom) || hasBlockChild(n) || findFirst(n, pictureImg) != nil {
		return nil
	}
	return linksIn(n)
}

// plainLine reports whether n is one of the elements tags and a line of
// text: no block and no image in it.
func plainLine(n *html.Node, tags ...atom.Atom) bool {
	return slices.Contains(tags, n.DataAtom) && !hasBlockChild(n) && !contains(n, atom.Img)
}

// questionPrompt reports whether a line is a prompt to the reader: a
// short question, then one link that answers it with what to do, and
// nothing else ("Vous avez repéré une erreur ? <a>Signalez-la</a>",
// "Got a story? <a>Tell our newsroom</a>", "Une question ? <a>Écrivez-nous</a>").
// A text's question is followed by its answer, not by a lone link.
func questionPrompt(n *html.Node) bool {
	links := lineLinks(n)
	if len(links) != 1 {
		return false
	}
	link := normText(links[0])
	all := normText(n)
	if nl := len(strings.Fields(link)); nl < 1 || nl > 8 || !strings.HasSuffix(strings.TrimRight(all, ".!→» "), strings.TrimRight(link, ".!→» ")) {
		return false
	}
	q := strings.TrimSpace(textOutsideLinks(n))
	nq := len(strings.Fields(q))
	return nq >= 2 && nq <= 10 && strings.HasSuffix(q, "?")
}

// siteLinkList reports whether n is a list of links to other pages of the
// site and nothing else: two or more items, each one link (a relative
// address, not a fragment) of three words or more and no other words.
// Under a heading, whatever the heading says ("Continue reading", "Dans
// la même rubrique"), it is a box of related pages; a list of sources or
// further reading links to other sites, and a table of contents to the
// page's own headings.
func siteLinkList(n *html.Node) bool {
	return linkItems(n, func(li, link *html.Node) bool {
		return strings.TrimSpace(textOutsideLinks(li)) == "" && siteHref(attr(link, "href"))
	})
}

// linkItems reports whether n is a list of two items or more, each an
// <li> without blocks holding one link of three words or more that keep
// accepts (given the item and its link).
func linkItems(n *html.Node, keep func(li, link *html.Node) bool) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	items := 0
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode {
			continue
		}
		if li.DataAtom != atom.Li || hasBlockChild(li) {
			return false
		}
		links := linksIn(li)
		if len(links) != 1 || wordCount(links[0]) < 3 || !keep(li, links[0]) {
			return false
		}
		items++
	}
	return items >= 2
}

// headedLinkBox reports whether n is a box of a short title then links to
// the site's own pages and nothing else, each on a block of its own (two
// or more): "Plus d'actualités" over a column of teasers, whatever its
// words.
func headedLinkBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Nav:
	default:
		return false
	}
	head := firstElement(n)
	if head == nil || !isHeadingLike(head) || contains(head, atom.A) {
		return false
	}
	items := 0
	for c := nextElement(head); c != nil; c = nextElement(c) {
		if c.DataAtom == atom.Ul || c.DataAtom == atom.Ol {
			if !siteLinkList(c) {
				return false
			}
			items += 2
			continue
		}
		if hasBlockChild(c) || !siteLinkLine(c) {
			return false
		}
		items++
	}
	return items >= 2
}

// siteLinkLine reports whether a block is one link to a page of the site
// (a relative address, not a fragment) of three words or more, and no
// other words.
func siteLinkLine(n *html.Node) bool {
	links := linksIn(n)
	if len(links) != 1 || strings.TrimSpace(textOutsideLinks(n)) != "" || wordCount(links[0]) < 3 {
		return false
	}
	return siteHref(attr(links[0], "href"))
}

func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// linksIn returns the links below n, not looking inside a link.
func linksIn(n *html.Node) []*html.Node {
	var links []*html.Node
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.DataAtom == atom.A {
				links = append(links, k)
				continue
			}
			walk(k)
		}
	}
	walk(n)
	return links
}

// siteHref reports whether a link's address is another page of the same
// site: relative, not a fragment, no scheme (mailto:, javascript:, an
// absolute URL to any site).
func siteHref(href string) bool {
	return href != "" && !strings.HasPrefix(href, "#") && !strings.HasPrefix(href, "//") && !strings.Contains(href, ":")
}

// linkPreview reports whether a box is the preview card of another page
// that a forum, a blog or a newsletter unfurls from a pasted link: three
// or four lines, one of them the page's title (wholly a link, three to 20
// words), one its description (six to 50 words, no link) and one the
// source's name or address (at most five words, no sentence end), and
// nothing else but a picture (XenForo's unfurl, Ghost's bookmark card,
// Discourse's onebox). The text links to pages; it does not show their
// cards.
func linkPreview(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Aside, atom.Section, atom.Figure, atom.Blockquote:
	default:
		return false
	}
	if textLonger(n, 600) || contains(n, atom.Table) || contains(n, atom.Ul) || contains(n, atom.Ol) {
		return false
	}
	var lines []*html.Node
	var walk func(*html.Node)
	walk = func(b *html.Node) {
		for c := b.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || strings.TrimSpace(textOf(c)) == "" {
				continue
			}
			if hasBlockChild(c) {
				walk(c)
				continue
			}
			lines = append(lines, c)
		}
	}
	walk(n)
	if len(lines) < 3 || len(lines) > 4 {
		return false
	}
	// A card may be one link around it all (Ghost's bookmark card).
	all := linksIn(n)
	wrapped := len(all) == 1 && textLen(all[0]) == textLen(n)
	title, desc, source := false, false, false
	for i, l := range lines {
		raw := normText(l)
		nw := len(strings.Fields(raw))
		links := len(linksIn(l))
		switch {
		case !title && nw >= 3 && nw <= 20 && (links == 1 && linkShare(l) >= 0.9 || wrapped && i == 0):
			title = true
		case !desc && links == 0 && nw >= 6 && nw <= 50:
			desc = true
		case !source && nw <= 5 && !endsSentence(raw):
			source = true
		default:
			return false
		}
	}
	return title && desc && source
}
