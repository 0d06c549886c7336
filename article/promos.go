package article

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Promotions of the site's own sections set among the paragraphs: a
// co-operative's blog post that stops for "Plantain seed now in store"
// and a button to its shop, a tourism board's itinerary that stops for
// "Où dormir le long de la voie ?" and a button to its lodgings. The box
// names neither a price (shopBox) nor the publication (productCall) nor
// gifts (appealBox); what gives it away is where its button leads: into
// a section the site's own menu lists.

// menuSections returns the sections of the site its navigation menus
// link to: the first segment of the path of each link to the site's own
// pages inside a <nav> or an element of role navigation ("shop" for
// /shop, "ou-dormir" for /ou-dormir). host is the page's own host
// (pageHost); links to other hosts are not the site's.
func menuSections(body *html.Node, host string) map[string]bool {
	sections := map[string]bool{}
	var walk func(n *html.Node, inMenu bool)
	walk = func(n *html.Node, inMenu bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			menu := inMenu || c.DataAtom == atom.Nav || strings.EqualFold(attr(c, "role"), "navigation")
			if menu && c.DataAtom == atom.A {
				if s := siteSection(attr(c, "href"), host); s != "" {
					sections[s] = true
				}
				continue
			}
			walk(c, menu)
		}
	}
	walk(body, false)
	return sections
}

// siteSection returns the first segment of a link's path when it leads to
// a page of the site (relative, or absolute to host), lower-cased; "" for
// the home page, a fragment, another site or another scheme.
func siteSection(href, host string) string {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || u.Opaque != "" {
		return ""
	}
	if u.Scheme != "" || u.Host != "" {
		if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" || host == "" || strings.ToLower(strings.TrimPrefix(u.Hostname(), "www.")) != host {
			return ""
		}
	}
	seg, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	return strings.ToLower(seg)
}

// sectionVerbRe opens the words of a button into a section of a shop or
// a catalogue that callPhrase does not know as a call: "Shop pasture
// seed", "Browse the range", "Explore our stays".
var sectionVerbRe = regexp.MustCompile(`^(?:shop|browse|explore|parcourir|parcourez)(?:$|[^\p{L}])`)

// shopSectionRe is the section of a site's shop, whether its menu lists
// it or not: Shopify's "/products/" and "/collections/", "/boutique/".
var shopSectionRe = regexp.MustCompile(`^(?:products?|collections?|shop|store|boutique|e-boutique|produits?|catalogue|catalog)$`)

// sectionPromo reports whether n is a promotion of one of the site's own
// sections (menu, see menuSections; or its shop, shopSectionRe) among
// the text: a small box, at most
// four lines and 40 words besides its button, with no picture, list,
// table, quote, code or form, set between paragraphs of the text
// (textBlock), that ends on a link drawn as a button (drawnAsButton),
// of at most five words calling to act, to a page under a section the
// site's menu links to. A box of practical details in the text links to
// a venue or a booking service, not into the site's menu; a link of the
// text sits in its sentence, not drawn as a button.
func sectionPromo(n *html.Node, menu map[string]bool, host string) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if pictured(n) {
		return false
	}
	for _, a := range []atom.Atom{atom.Ul, atom.Ol, atom.Table, atom.Blockquote, atom.Pre, atom.Figure, atom.Form} {
		if contains(n, a) {
			return false
		}
	}
	last := lastTextElement(n)
	if last == nil || last.DataAtom != atom.A || !drawnAsButton(last) {
		return false
	}
	words := normText(last)
	if nw := len(strings.Fields(words)); nw == 0 || nw > 5 || strings.HasSuffix(words, ".") || !callPhrase(words) && !sectionVerbRe.MatchString(strings.ToLower(words)) {
		return false
	}
	if s := siteSection(attr(last, "href"), host); s == "" || !menu[s] && !shopSectionRe.MatchString(s) {
		return false
	}
	rest := strings.TrimSuffix(normText(n), words)
	if nw := len(strings.Fields(rest)); nw == 0 || nw > 40 || len(textLines(n)) > 4 {
		return false
	}
	before, after := blocksAround(n, textBlock)
	return before && after
}

// textBlock reports whether n is or holds a block of the text: a
// paragraph with a sentence in it (proseBlock), or a page builder's text
// field written without <p> (Tilda's T004 field, its paragraphs split by
// <br /><br />): a block of twelve words or more with no block inside,
// mostly not links.
func textBlock(n *html.Node) bool {
	if proseBlock(n) {
		return true
	}
	for _, l := range textLines(n) {
		if wordCount(l) >= 12 && linkShare(l) < 0.5 {
			return true
		}
	}
	return false
}

// drawnAsButton reports whether a link is drawn as a button: by its own
// markup (callStyled), or by the wrapper it is alone in, as a page
// builder marks its button element (Tilda's Zero Block
// data-elem-type="button" around a plain link).
func drawnAsButton(a *html.Node) bool {
	if callStyled(a) {
		return true
	}
	for p, i := a.Parent, 0; p != nil && i < 2 && onlyElement(p) != nil; p, i = p.Parent, i+1 {
		for _, at := range p.Attr {
			if strings.HasPrefix(at.Key, "data-") && strings.EqualFold(strings.TrimSpace(at.Val), "button") {
				return true
			}
		}
		for _, tok := range strings.Fields(attr(p, "class")) {
			if buttonClassRe.MatchString(tok) {
				return true
			}
		}
	}
	return false
}
