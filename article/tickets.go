package article

import (
	"regexp"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ticketWordRe names a ticket office or its terms: what a ticket box's
// fine print speaks of.
var ticketWordRe = regexp.MustCompile(`(?i)billetterie|box[- ]office|ticket(?:s|ing| office)?\b|billets?\b|réservations?|booking|commission`)

// ticketFinePrint reports whether the only prose of a ticket box (shopBox,
// with a booking control) is its fine print about the ticket link: one
// or two short paragraphs (at most 30 words), after the control, each
// naming the ticket office or its terms ("Lien vers la billetterie du
// théâtre. Nous ne percevons aucune commission.", "Tickets are sold by
// the venue's box office"). A line of prices is no sentence. A box of
// practical details tells its sentences before its link.
func ticketFinePrint(n *html.Node) bool {
	control, prose, ok := false, 0, true
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil && ok; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			switch {
			case k.DataAtom == atom.A && callStyled(k), k.DataAtom == atom.Button, k.DataAtom == atom.Form:
				control = true
				continue
			case k.DataAtom == atom.P && wordCount(k) >= 12 && linkShare(k) < 0.5 && endsSentence(textOf(k)):
				prose++
				if !control || wordCount(k) > 30 || !ticketWordRe.MatchString(textOf(k)) {
					ok = false
				}
				continue
			}
			walk(k)
		}
	}
	walk(n)
	return ok && control && prose >= 1 && prose <= 2
}
