package article

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Boxes set among a report's paragraphs that carry a label and no
// sentence: the box of an embedded player or map with its title
// ("Highlights", "Map of every place in this guide"), and a match
// report's award card ("Player of the Match" / the player / its
// sponsor).

// embedLabelBox reports whether n is the box of one embedded player or
// map (an iframe, a video, an audio element) whose only text is a short
// label: at most ten words, no sentence end. The embed goes with the
// page's furniture; its label, left alone, would read as a line of the
// text. A figure's caption is text and is not judged here.
func embedLabelBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if countEmbeds(n) != 1 || contains(n, atom.Figcaption) || contains(n, atom.Img) {
		return false
	}
	if wordsOver(n, 10) {
		return false
	}
	t := normText(n)
	if nw := len(strings.Fields(t)); nw == 0 || nw > 10 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?…", last)
}

// countEmbeds counts the embedded players below n.
func countEmbeds(n *html.Node) int {
	count := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			switch k.DataAtom {
			case atom.Iframe, atom.Video, atom.Audio, atom.Embed, atom.Object:
				count++
				continue
			}
			walk(k)
		}
	}
	walk(n)
	return count
}

// awardRe opens a match report's award card: player, man or woman of the
// match, the game's most valuable player, "Homme du match", "Joueuse du
// match".
var awardRe = regexp.MustCompile(`^(?:(?:our |the |votre |notre )?(?:player|man|woman|star|hero|fans'? player) of the (?:match|game|day|round)|mvp|most valuable player|(?:l'|le |la )?(?:homme|femme|joueur|joueuse|élu|élue|étoile) du (?:match|jour))(?:$|[^\p{L}])`)

// awardCard reports whether n is a match report's award card among its
// paragraphs: a box of a few short lines (at most fifteen words, no
// sentence) opening on the award's name, the player and a sponsor under
// it.
func awardCard(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if wordsOver(n, 15) {
		return false
	}
	t := normText(n)
	if nw := len(strings.Fields(t)); nw < 2 || nw > 15 || strings.ContainsAny(t, ".!?") || contains(n, atom.P) && proseParagraphs(n, 1) > 0 {
		return false
	}
	first := firstElement(n)
	if first == nil || hasBlockChild(first) {
		return false
	}
	ft := titleForm(textOf(first))
	return ft != "" && awardRe.MatchString(ft) && (prevElement(n) != nil || nextElement(n) != nil)
}
