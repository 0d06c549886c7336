package article

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Topic: the content words a block shares with the rest of the text.
// Measured as a signal alone (TestSignalSeparation: a first or last block
// sharing no content word with the rest is furniture about as often as it
// is a closing sentence), it is used only together with a link to the
// site's own pages (offTopicSiteLink).

// stopWords are the function words of French and English (and a few
// words any text says), which carry no topic.
var stopWords = wordSet(`
		alors aussi autre autres avant avec avoir bien cela celle celles celui cent ceci cela cependant certains ces cette ceux chaque comme comment dans depuis
		donc dont elle elles encore entre être était étaient fait faire font hors ici leur leurs lors lorsque mais même mêmes moins notre nous nos
		parce pour plus peut peuvent plusieurs quand quel quelle quelles quels sans selon sera seront sont sous tous tout toute toutes très trop vers
		votre vous vos voici voilà avez avons ayant déjà elles était cet celle après ainsi assez beaucoup chez contre deux trois quatre cinq dès
		also about above after again against been before being below between both could does doing down during each from further have having here
		into itself just more most much must only other ought over same should some such than that their theirs them then there these they this
		those through under until very were what when where which while whom with would your yours will shall upon within without among across
		almost never ever every many like make made first last still well even back best good great year years because since it's that's there's
		here's don't didn't doesn't isn't aren't wasn't weren't cannot ours yourself they're you're we're i'm
		`)

// wordSet returns the set of the words of s.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// stemOf folds a word to a crude stem: lower case, the first five letters
// (enough to match "theater" and "theaters", "conserverie" and
// "conserveries" in both languages).
func stemOf(w string) string {
	w = strings.ToLower(w)
	if utf8.RuneCountInString(w) <= 5 {
		return w
	}
	r := []rune(w)
	return string(r[:5])
}

// contentStems returns the stems of a text's content words (at least four
// letters, not a function word) and of its numbers of at least two
// digits, each once.
func contentStems(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
		w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		if i := strings.IndexByte(w, '\''); i >= 0 && i <= 2 {
			w = w[i+1:] // l'information, d'accès, qu'ils
		}
		w = strings.Trim(w, "'")
		if w == "" || stopWords[w] {
			continue
		}
		if isDigits(w) {
			if len(w) >= 2 {
				out[w] = true
			}
			continue
		}
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		out[stemOf(w)] = true
	}
	return out
}

// sharedShare returns the share of the unit's content stems found in the
// rest: (shared, total).
func sharedShare(stems, rest map[string]bool) (int, int) {
	n := 0
	for s := range stems {
		if rest[s] {
			n++
		}
	}
	return n, len(stems)
}

// dropOffTopicLinks removes from the extracted text the one-line
// paragraphs that point to another page of the site with words that are
// not the article's (offTopicSiteLink).
func dropOffTopicLinks(root *html.Node, base *url.URL, title string) {
	lines := textLines(root)
	stems := make([]map[string]bool, len(lines))
	for i, ln := range lines {
		stems[i] = contentStems(textOf(ln))
	}
	var drop []*html.Node
	for i, ln := range lines {
		rest := contentStems(title)
		for j := range lines {
			if j != i {
				for s := range stems[j] {
					rest[s] = true
				}
			}
		}
		if offTopicSiteLink(ln, base, rest) {
			drop = append(drop, ln)
		}
	}
	for _, ln := range drop {
		if ln.Parent != nil {
			ln.Parent.RemoveChild(ln)
		}
	}
}

// offTopicSiteLink reports whether a line is a pointer to another page of
// the site set among the paragraphs: a paragraph of at most 25 words
// ending on its one link, to a page of the site (not this page, not a
// fragment, not the home page), whose words, two content words at least,
// are none of the rest of the text's and the headline's ("Météo du plateau en direct :
// consultez notre page <a>Météo et webcams</a>", "Horaires des marées :
// voir notre <a>calendrier des marées</a>"). A link in a sentence of the
// text names what the text speaks of; a heading, a list item and a
// caption are never asked.
func offTopicSiteLink(ln *html.Node, base *url.URL, rest map[string]bool) bool {
	if ln.DataAtom != atom.P || inItem(ln) || inFigcaption(ln) || inBlockquote(ln) {
		return false
	}
	if nw := wordCount(ln); nw > 25 {
		return false
	}
	links := linksIn(ln)
	if len(links) != 1 {
		return false
	}
	// The line points to the page: it ends on the link, nothing but
	// punctuation after it. A sentence with a link in its middle says
	// something of its own.
	all := normText(ln)
	lt := normText(links[0])
	if lt == "" || !strings.HasSuffix(strings.TrimRight(all, ".!…→»› "), strings.TrimRight(lt, ".!…→»› ")) {
		return false
	}
	href := strings.TrimSpace(attr(links[0], "href"))
	if href == "" || strings.HasPrefix(href, "#") || !ownSite(href, base) || thisPage(href, base) {
		return false
	}
	if u, err := base.Parse(href); err != nil || u.Path == "" || u.Path == "/" {
		return false // the home page: a signature, a credit
	}
	shared, total := sharedShare(contentStems(textOf(links[0])), rest)
	return total >= 2 && shared == 0
}

// blockCounts counts the texts of a page's blocks (elements with text and
// no block inside, outside scripts, styles and the head), each as its
// folded words.
func blockCounts(doc *html.Node) map[string]int {
	out := map[string]int{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "script", "style", "head", "noscript", "template":
				continue
			}
			if !hasBlockBelow(c) {
				if k := strings.Join(foldWords(textOf(c)), " "); k != "" {
					out[k]++
				}
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	return out
}

// repeatedLine reports whether a line of the extracted text is a sentence
// the page writes twice as a block of its own: five to forty words ending
// a sentence, not a heading, a list item or a caption, whose exact text
// is another block of the page too (a legal warning in the text and in
// the footer, a notice repeated in the rail). A pull quote repeats a
// phrase inside a longer paragraph, not a block.
func repeatedLine(ln *html.Node, seen map[string]int) bool {
	switch ln.Data {
	case "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "figcaption", "td", "th", "blockquote", "pre":
		return false
	}
	if inItem(ln) || inFigcaption(ln) || inBlockquote(ln) {
		return false
	}
	raw := normText(ln)
	ws := foldWords(raw)
	if len(ws) < 5 || len(ws) > 40 || !strings.ContainsAny(raw[max(0, len(raw)-4):], ".!?…") {
		return false
	}
	return seen[strings.Join(ws, " ")] >= 2
}

// dropRepeatedLines removes from the extracted text the sentences the page
// writes twice as blocks (repeatedLine), seen counting the page's blocks
// before any was removed. More than two such lines is a page that writes
// its text twice (a print or a mobile copy), and nothing goes.
func dropRepeatedLines(root *html.Node, seen map[string]int) {
	var drop []*html.Node
	for _, ln := range textLines(root) {
		if repeatedLine(ln, seen) {
			drop = append(drop, ln)
		}
	}
	if len(drop) > 2 {
		return
	}
	for _, ln := range drop {
		if ln.Parent != nil {
			ln.Parent.RemoveChild(ln)
		}
	}
}

// dropPublisherTail removes, after the last paragraph of prose, the lines
// in which the publication speaks of itself: its name among the first
// four words and something of the publication (its newsroom, its
// journalism, its newsletter: artefactRe) — "Le Petit Matin s'engage pour
// une information locale de qualité, vérifiée par notre rédaction". A
// closing line of the story names its people and places.
func dropPublisherTail(root *html.Node, site []string) {
	if len(site) == 0 {
		return
	}
	lines := textLines(root)
	last := -1
	for i, ln := range lines {
		if wordCount(ln) >= 20 && linkShare(ln) < 0.5 {
			last = i
		}
	}
	if last < 0 {
		return
	}
	for _, ln := range lines[last+1:] {
		raw := normText(ln)
		ws := strings.Fields(raw)
		if len(ws) > 30 || inItem(ln) || inBlockquote(ln) || strings.ContainsAny(raw, "«»“”\"") {
			continue
		}
		head := strings.Join(ws[:min(4, len(ws))], " ")
		if namesSite("x "+head, site) && artefactRe.MatchString(strings.ToLower(strings.ReplaceAll(raw, "’", "'"))) && ln.Parent != nil {
			ln.Parent.RemoveChild(ln)
		}
	}
}
