package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A pull quote's attribution is the quote's text, not a byline nor an
// author box: "Julien Atger, président du syndicat" under the quote, in
// a <footer>, a <cite>, a paragraph of its own in the <blockquote>
// classed "citation-auteur" (which the class rules read as an author
// box), or a line naming the page's own author when the author is the
// one quoted (a winemaker's journal quoting the winemaker, which the
// signature rule would drop). The byline under the headline ("Par …",
// "By …") and an author box are not in a quote, nor right after one
// with the text going on below.

// quoteAttribution reports whether n is the attribution of the quote it
// is in: a <blockquote>'s <footer> or <cite>, or a short line of it that
// holds a <cite> ("<footer>Name, role</footer>", "<p
// class="quote-author"><cite>Name</cite>, role</p>"), or the caption of a
// figure that is a quote (HTML's own pattern: <figure><blockquote>…
// </blockquote><figcaption>Name, role</figcaption></figure>).
func quoteAttribution(n *html.Node) bool {
	if n.DataAtom == atom.Figcaption && n.Parent != nil && n.Parent.DataAtom == atom.Figure &&
		contains(n.Parent, atom.Blockquote) && !contains(n.Parent, atom.Img) && wordCount(n) <= 20 {
		return true
	}
	if !inBlockquote(n) {
		return quoteAuthorLine(n)
	}
	switch n.DataAtom {
	case atom.Footer, atom.Cite:
		return true
	case atom.P, atom.Div, atom.Span:
		if contains(n, atom.Cite) && wordCount(n) <= 20 {
			return true
		}
		// the quote's last line, short, under its words: whose it is
		// ("<p class="auteur_citation">le technicien son de la MJC</p>")
		q := quoteOf(n)
		return n.Parent == q && lastElement(q) == n && firstElement(q) != n && wordCount(n) <= 12 && !endsSentence(strings.TrimSpace(textOf(n)))
	}
	return false
}

// nameWord and nameNext make a person's name: capitalised words, with
// the particles of French, Dutch, German and Arabic names between them
// ("Anneke Louw", "Dr Priya Raman", "Jean de La Tour", "Karim Ben
// Saïd"); nameNext is one more word of it.
const (
	nameWord = `\p{Lu}[\p{L}\p{M}'’.\-]*`
	nameNext = `(?:\s+(?:(?:de|du|des|van|von|der|den|da|di|del|le|la|ben|bin|al|el)\s+|d['’])?` + nameWord + `)`
)

var (
	// attributionRoleRe is a name, a comma and a role: "Sylvie Darnaud,
	// présidente du ciné-club", "Anneke Louw, Winemaker", "Bernard,
	// retraité"; the name of one word or more.
	attributionRoleRe = regexp.MustCompile(`^` + nameWord + nameNext + `{0,4}\s*,\s*\S`)
	// attributionFullRoleRe is the same with a name of two words or more.
	attributionFullRoleRe = regexp.MustCompile(`^` + nameWord + nameNext + `{1,4}\s*,\s*\S`)
	// attributionDashRe is a name after a dash, a role after it or not:
	// "— Anneke Louw", "– Julien Atger (syndicat des producteurs)".
	attributionDashRe = regexp.MustCompile(`^[—–―-]\s*` + nameWord + nameNext + `{0,4}(?:\s*[,(].*)?$`)
)

// attributionLine reports whether n is a line that credits a pull quote
// without a <footer> or a <cite>: a short line with no link that reads as
// a name and a role ("Name, role") or as a name after a dash, and is
// either the last line of a <blockquote>, after the quote's words, or the
// line right after a <blockquote> with more of the text after it and not
// naming the page's author (authors: authorNames of the page). In the
// quote, the author quoted may be the page's.
func attributionLine(n *html.Node, authors []string) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span, atom.Small, atom.Em, atom.I, atom.B, atom.Strong:
	default:
		return false
	}
	q := quoteOf(n)
	if q == nil {
		if prev := prevElement(n); prev == nil || prev.DataAtom != atom.Blockquote {
			return false
		}
	}
	if hasBlockChild(n) || contains(n, atom.A) || contains(n, atom.Img) {
		return false
	}
	if wordsOver(n, 16) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 16 || strings.ContainsAny(raw, "«»“”\"") {
		return false
	}
	if q != nil {
		return lastInQuote(n, q) && textLen(q)-textLen(n) >= 20 && (attributionRoleRe.MatchString(raw) || attributionDashRe.MatchString(raw))
	}
	if textLen(prevElement(n)) < 20 || authorLine(n, authors) {
		return false
	}
	if next := nextInFlow(n); next == nil || textLen(next) == 0 {
		return false // the page's last line: a signature under a closing quote
	}
	if strings.ContainsAny(raw[len(raw)-1:], ".!?") {
		return false // a sentence that opens on a name
	}
	return attributionFullRoleRe.MatchString(raw) || attributionDashRe.MatchString(raw)
}

// nextInFlow returns the element after n in the text's flow: its next
// sibling, or, when n ends the wrappers it is in (a component's <div>
// holding a quote and its author), the sibling after them.
func nextInFlow(n *html.Node) *html.Node {
	for x := n; x != nil; x = x.Parent {
		if next := nextElement(x); next != nil {
			return next
		}
		if p := x.Parent; p == nil || p.DataAtom != atom.Div && p.DataAtom != atom.Section {
			return nil
		}
	}
	return nil
}

// quoteOf returns the <blockquote> n is in, nil if none.
func quoteOf(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Blockquote {
			return p
		}
	}
	return nil
}

// lastInQuote reports whether n is the last thing of quote q: nothing
// but white space after it, in it and in each of its wrappers up to q.
func lastInQuote(n, q *html.Node) bool {
	for c := n; c != q; c = c.Parent {
		for s := c.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" || s.Type == html.ElementNode && textLonger(s, 0) {
				return false
			}
		}
	}
	return true
}
