package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// leadStart returns the first paragraph of the article's text, where
// findLead stops looking for the standfirst and the lead figure: the
// first prose after the headline (head, else the page's only <h1>), so
// that a sentence of the furniture above it (a cookie notice, a metered
// access bar "Register for free to keep reading …") does not end the
// search before the article's header. Without a headline, the page's
// first prose (firstProse).
func leadStart(body, head *html.Node, desc []string, standfirst *html.Node) *html.Node {
	if head == nil {
		if countAtom(body, atom.H1, 2) == 1 {
			head = findAtom(body, atom.H1)
		}
	}
	if head == nil {
		return firstProse(body, desc, standfirst)
	}
	for n := head; n != nil && n != body; n = n.Parent {
		for s := n.NextSibling; s != nil; s = s.NextSibling {
			if p := proseAt(s, desc, standfirst); p != nil {
				return p
			}
		}
	}
	return nil
}

// proseAt is firstProse for one element: the element itself when it is
// a paragraph of twelve words or more, else the first one below it,
// outside the standfirst (by its class, the description, or a bold
// paragraph alone in its box: boldDeck) and the boxes laid over the page.
func proseAt(c *html.Node, desc []string, standfirst *html.Node) *html.Node {
	if c.Type != html.ElementNode || c == standfirst || isStandfirst(c) || boldDeck(c) || !contains(c, atom.H1) && isDescription(c, desc) {
		return nil
	}
	if strings.HasPrefix(c.Data, "amp-") || c.DataAtom == atom.Dialog || c.DataAtom == atom.Nav || c.DataAtom == atom.Form || overlay(c) || laidOver(c) {
		return nil
	}
	if c.DataAtom == atom.P && wordCount(c) >= 12 && !articleDates(normText(c)) {
		return c
	}
	return firstProse(c, desc, standfirst)
}

// articleDates reports whether a line is the article's dates and nothing of
// the text: "Publié le 12/11/2026 à 06:15 Mis à jour le 12/11/2026 à
// 09:40", twelve words that say no sentence.
func articleDates(t string) bool {
	return dateLine(titleForm(t)) || metaDateLine(t) || compoundMetaLine(t)
}
