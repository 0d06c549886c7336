package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A post's reuse appendix: the blocks a blog or a notebook site (Quarto,
// Distill, a Hugo theme) puts after the text to say under what licence it
// may be reused and how to cite it, "Réutilisation / CC BY 4.0 /
// Citation / BibTeX … / Veuillez citer ce travail comme suit", "Reuse /
// Citation / For attribution, please cite this work as". It is about the
// page, not the story; readability keeps it, being inside the text's
// container.

// reuseHeadingRe is the heading of a block of a reuse appendix: reuse,
// licence, citation, BibTeX.
var reuseHeadingRe = regexp.MustCompile(`^(?:réutilisation|réutiliser|licence|license|licensing|reuse|réemploi|citation|citations|citer|bibtex|citation bibtex|bibtex citation|droits d'auteur|copyright` +
	`|(?:pour |comment )?citer (?:ce|cet|cette) (?:billet|article|travail|document|texte|page|carnet)|how to cite(?: this (?:post|article|work|page|paper))?|cite (?:this|as)(?: (?:post|article|work|page|paper))?)$`)

// bibtexRe opens a BibTeX entry: "@online{lacombe2026,", "@article{key,".
var bibtexRe = regexp.MustCompile(`^@[a-zA-Z]+\s*\{`)

// citeAppendix reports whether n is a reuse appendix: a box of at most
// 200 words with one heading or more, each a heading of reuse, licence or
// citation (reuseHeadingRe), fewer paragraphs of prose than headings
// (a line "For attribution, please cite this work as" under two
// headings), that holds a licence link (rel="license", an address at
// creativecommons.org) or a BibTeX entry, and after which no prose
// follows. A section of the text on licences says it in sentences.
func citeAppendix(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Footer:
	default:
		if n.Data != "d-appendix" {
			return false
		}
	}
	if nw := wordCount(n); nw == 0 || nw > 200 {
		return false
	}
	headings, mark := 0, false
	var walk func(*html.Node) bool
	walk = func(c *html.Node) bool {
		for c := c.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				if !reuseHeadingRe.MatchString(titleForm(textOf(c))) {
					return false
				}
				headings++
				continue
			case atom.A:
				if hasToken(attr(c, "rel"), "license") || strings.Contains(strings.ToLower(attr(c, "href")), "creativecommons.org/") {
					mark = true
				}
			case atom.Pre, atom.Code:
				if bibtexRe.MatchString(strings.TrimSpace(textOf(c))) {
					mark = true
				}
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if !walk(n) || headings == 0 || !mark || proseParagraphs(n, headings) >= headings {
		return false
	}
	for x := n; x != nil && x.DataAtom != atom.Body; x = x.Parent {
		for s := x.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode && (s.DataAtom == atom.P && wordCount(s) >= 12 || proseParagraphs(s, 1) > 0) {
				return false
			}
		}
		switch x.DataAtom {
		case atom.Article, atom.Main:
			return true // what follows the text's container is the page's
		}
	}
	return true
}
