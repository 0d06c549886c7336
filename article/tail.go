package article

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Furniture after the text: once the last paragraph of prose is over (a
// line of at least 20 words, most of it not links), a line made mostly of
// links to the site's own pages is the page's furniture, whatever it says
// ("Voir tous ses articles", "Give today", "Storm Isolde: what we know so
// far", "Imprimer cet article | Envoyer à un ami"); and anywhere, a line
// that is links to other pages of the site and nothing else is a teaser
// or a tool. Measured on readability's output for every labeled page
// (TestSignalSeparation). A line citing a source links to another site,
// and stays.

// dropTailLinks removes, from the extracted text root, the lines after
// the last paragraph of prose whose text is at least half links, every
// link to a page of the site (page's host, a relative or fragment
// address, or none), and anywhere the lines that are one or more links
// to other pages of the site and little else (linkLine). Lines of a
// caption are kept.
func dropTailLinks(root *html.Node, base *url.URL) {
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
	for i, ln := range lines {
		if ln.Parent != nil && (i > last && tailLinkLine(ln, base) || linkLine(ln, base)) {
			ln.Parent.RemoveChild(ln)
		}
	}
}

// tailLinkLine reports whether a line after the text is furniture: at
// least half of it links, every link to the site's own pages, not a
// caption.
func tailLinkLine(ln *html.Node, base *url.URL) bool {
	if linkShare(ln) < 0.5 || inFigcaption(ln) {
		return false
	}
	for _, a := range linksIn(ln) {
		if !ownSite(attr(a, "href"), base) {
			return false
		}
	}
	return true
}

// linkLine reports whether a line anywhere in the text is a link to
// another page of the site standing as a line of its own: at least three
// words, four fifths of them links, every link to a page of the site (not
// a fragment of this one); never a heading (a subheading's anchor), a
// list item, a table cell, a caption, a date (an embed's permalink), a
// source's label and its link, or the link of a paragraph in its box.
func linkLine(ln *html.Node, base *url.URL) bool {
	switch ln.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return false
	}
	raw := normText(ln)
	if len(strings.Fields(raw)) < 3 || linkShare(ln) < 0.8 || inItem(ln) || inFigcaption(ln) {
		return false
	}
	if t := titleForm(raw); bareDate(t) || metaDateLine(t) {
		return false
	}
	if label := strings.TrimSpace(textOutsideLinks(ln)); strings.HasSuffix(label, ":") && sourceLabelRe.MatchString(titleForm(label)) {
		return false // "Source : <a>le rapport annuel</a>"
	}
	if p := ln.Parent; p != nil && countElements(p, 4) <= 3 && proseParagraphs(p, 1) > 0 {
		return false // the link of the paragraph beside it, in its box ("… en mairie. <a>Voir la liste</a>")
	}
	links := linksIn(ln)
	for _, a := range links {
		href := strings.TrimSpace(attr(a, "href"))
		if strings.HasPrefix(href, "#") || !ownSite(href, base) || thisPage(href, base) {
			return false
		}
	}
	return len(links) > 0
}

// thisPage reports whether href addresses the page itself (a fragment of
// it, written absolute).
func thisPage(href string, base *url.URL) bool {
	u, err := base.Parse(href)
	return err == nil && u.Host == base.Host && u.Path == base.Path && u.RawQuery == base.RawQuery
}

// ownSite reports whether href is an address on the page's own site.
func ownSite(href string, base *url.URL) bool {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return true
	}
	u, err := base.Parse(href)
	if err != nil {
		return false
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return false // mailto:, tel:, a script
	}
	return strings.EqualFold(strings.TrimPrefix(u.Hostname(), "www."), strings.TrimPrefix(base.Hostname(), "www."))
}

// textLines returns the lines of the extracted text in order: the
// elements that hold text and no block, with headings, list items and
// captions.
func textLines(root *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Table, atom.Pre:
				if strings.TrimSpace(textOf(c)) != "" {
					out = append(out, c)
				}
				continue
			}
			if !hasBlockBelow(c) {
				if strings.TrimSpace(textOf(c)) != "" {
					out = append(out, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

// hasBlockBelow reports whether n holds a block element at any depth.
func hasBlockBelow(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Div, atom.P, atom.Ul, atom.Ol, atom.Li, atom.Section, atom.Article, atom.Figure, atom.Figcaption, atom.Table, atom.Dl, atom.Dt, atom.Dd,
			atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Pre, atom.Aside, atom.Header, atom.Footer, atom.Main, atom.Body, atom.Html:
			return true
		}
		if hasBlockBelow(c) {
			return true
		}
	}
	return false
}

// tailHeadRe is the heading of a release's closing section of the
// publisher's: its contacts, its links, its social accounts.
var tailHeadRe = regexp.MustCompile(`^(?:contacts?|media contacts?|press contacts?|contacts? (?:presse|médias)|personnes?-ressources|renseignements|associated links|related links|liens connexes|liens associés|stay connected|restez branchés|restez connectés|follow us|suivez-nous)$`)

// tailSection reports whether n is the heading of such a section
// (tailHeadRe) after the text: a heading with prose before it. The
// section goes with the blocks under the heading, up to the next
// heading.
func tailSection(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4:
	default:
		return false
	}
	if !tailHeadRe.MatchString(titleForm(textOf(n))) {
		return false
	}
	for p := n; p != nil; p = p.Parent {
		if before, _ := proseAround(p); before {
			return true
		}
	}
	return false
}
