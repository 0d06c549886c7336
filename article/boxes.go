package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Furniture boxes known by their shape and what they say, wherever they
// sit (class names hashed or generic): a poll, a shop box, a notice to
// the reader about the publication, a byline with dates.

var (
	// noticeRe opens a notice about the publication rather than the
	// story: a contributors' disclaimer, a syndication or funding notice.
	noticeRe = regexp.MustCompile(`^(?:les (?:tribunes|opinions|points de vue|chroniques|libres opinions|textes)(?: publiée?s?)? (?:n'engagent|ne reflètent|n'expriment)` +
		`|(?:the )?(?:views|opinions) expressed (?:in this (?:article|column|piece|op-ed|commentary)|here) ` +
		`|this (?:article|story|piece) (?:was|is) (?:written|produced|published|funded|supported|made|reported) (?:by a |as part of|in partnership|with (?:the )?support|under |thanks to|through )` +
		`|(?:cet|cette|ce) (?:article|reportage|enquête|contenu) (?:a été|est) (?:réalisée?|écrite?|produite?|publiée?|financée?) (?:par une? |dans le cadre|en partenariat|avec le soutien|grâce)` +
		// a partner's promotion: "En partenariat avec X : retrouvez …"
		`|(?:en partenariat avec|avec (?:notre|nos) partenaires?|in partnership with|with our partners?) [^:.]{1,40}:\s*(?:retrouvez|découvrez|consultez|trouvez|find|discover|browse|search|see) ` +
		// how to cite the page: "Cite this article: …", "Pour citer cet article :"
		`|(?:cite this (?:article|story|page|paper)|how to cite(?: this (?:article|page|story))?|(?:pour |comment )?citer cet (?:article|document|texte))\s*:)`)
	// tipRe is a call for news tips; tipContactRe the way to send them,
	// which must follow in the same line.
	tipRe = regexp.MustCompile(`^(?:do you have|have you got|got|have) (?:a |any )?(?:news )?(?:story|stories|tip|tips|lead)(?: (?:for us|we should (?:cover|know about|hear about)|to share))?\s*\?|^(?:vous avez (?:une? )?` + tipWhat + `(?: à (?:nous )?` + tipVerb + `)?|(?:une? )?` + tipWhat + ` à (?:nous )?` + tipVerb + `)\s*\?` +
		// a call for doubtful claims to check: "Vous avez vu passer une info
		// douteuse ?", "Spotted a claim you want checked?"
		`|^(?:vous avez (?:vu passer|repéré|reçu|lu|entendu|croisé)|vous avez un doute sur) (?:une? |des )?(?:info|information|rumeur|image|photo|vidéo|message|publication|affirmation|chiffre)s?[^?]{0,40}\?` +
		`|^(?:have you |did you )?(?:seen|spotted|come across|received|heard) (?:a |an |any )?(?:claim|rumou?r|post|image|photo|video|story|message|statistic)s?[^?]{0,40}\?`)
	tipContactRe = regexp.MustCompile(`(?:e-?mail|écrivez|contact|message|write to|call|appelez|envoyez|signalez|@)`)
	// buyRe is the button of a shop box.
	buyRe = regexp.MustCompile(`^(?:buy(?: now| it| it now| here)?(?: (?:at|on|from) .{1,30})?|shop(?: now)?|check (?:the )?price|see (?:the )?(?:price|deal|offer)|view (?:the )?deal|get (?:it|the deal)|add to (?:cart|basket)` +
		`|acheter|achetez|j'achète|commander|voir (?:le prix|l'offre|les offres|le produit)|j'en profite|ajouter au panier` +
		`|buy (?:your |weekend |day )?tickets?|acheter (?:vos |mes |des )?(?:billets|places)|achetez vos (?:billets|places)` +
		// an offer's button: a bookmaker's, a subscription's, a shop's
		`|buy (?:the|this|our) (?:issue|magazine|book|print edition)(?: [-–—] .{1,12})?|acheter (?:le|ce) (?:numéro|magazine|hors-série)(?: [-–—] .{1,12})?|claim(?: (?:the|your|this|my))? (?:offer|bonus|deal|free bets?)|get (?:the |this |your )?(?:offer|bonus)|bet now|play now|redeem(?: (?:the |your )?(?:offer|code))?` +
		`|profiter de l'offre|découvrir l'offre|obtenir (?:l'offre|le bonus|mon bonus)|je parie|parier maintenant|pariez maintenant|jouer maintenant|j'active mon bonus)$`)
	// priceRe is a price.
	priceRe = regexp.MustCompile(`[€£$]\s?[0-9]|(?:CHF|Fr\.)\s?[0-9]|[0-9](?:[.,][0-9]{1,2})?\s?(?:€|euros?\b|£|\$|eur\b|CHF\b|francs?\b|dollars?\b)`)
	// pollChoiceRe: a box's question, ending on "?" before its choices.
	pollQuestionRe = regexp.MustCompile(`\?\s*$`)
)

const (
	tipWhat = `(?:info|information|histoire|idée de sujet|témoignage)s?(?:,? (?:un|une) (?:témoignage|info|histoire))?`
	tipVerb = `(?:transmettre|partager|signaler|raconter|confier)`
)

// weatherTitleRe is the heading of a weather widget.
var weatherTitleRe = regexp.MustCompile(`^(?:(?:la )?météo(?: du jour| locale| de (?:la semaine|demain))?|weather(?: today| now| forecast)?|today's weather|local weather)$`)

// weatherBox returns the weather widget a heading opens: a small box, the
// heading first, that gives a temperature.
func weatherBox(h *html.Node) *html.Node {
	p := h.Parent
	if p == nil || !isHeadingLike(h) || firstElement(p) != h || !weatherTitleRe.MatchString(titleForm(textOf(h))) {
		return nil
	}
	switch p.DataAtom {
	case atom.Body, atom.Main, atom.Article, atom.Html:
		return nil
	}
	if textLonger(p, 200) || !strings.Contains(textOf(p), "°") {
		return nil
	}
	return p
}

// pollBox reports whether n is a poll: a short box, without a paragraph
// of prose, whose text up to its choices is a question and which offers
// at least two choices (buttons or radio buttons).
func pollBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Fieldset, atom.Form:
	default:
		return false
	}
	if textLonger(n, 400) || proseParagraphs(n, 1) > 0 {
		return false
	}
	choices := 0
	var question strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for c := c.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				if choices == 0 {
					question.WriteString(c.Data)
				}
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Button, c.DataAtom == atom.Label,
				c.DataAtom == atom.Input && strings.EqualFold(attr(c, "type"), "radio"):
				choices++
			default:
				walk(c)
			}
		}
	}
	walk(n)
	q := strings.TrimSpace(question.String())
	return choices >= 2 && q != "" && len(strings.Fields(q)) <= 25 && pollQuestionRe.MatchString(q)
}

// shopBox reports whether n is a shop or affiliate box: a short box that
// names a price and holds a buy button, or shows a picture and ends on a
// call button (callStyled, callPhrase) with no sentence of text.
func shopBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if textLonger(n, 300) || !priceRe.MatchString(textOf(n)) {
		return false
	}
	buy := false
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for c := c.FirstChild; c != nil && !buy; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if (c.DataAtom == atom.A || c.DataAtom == atom.Button) && buyRe.MatchString(titleForm(textOf(c))) {
				buy = true
				return
			}
			walk(c)
		}
	}
	walk(n)
	if buy {
		return true
	}
	// A merchant card in any words: the product's picture, short lines
	// (no sentence of twelve words), a price, and a button made to be
	// pressed whose words call to act ("Comparer les prix", "Voir
	// l'offre", "Check availability"). A box of practical details, even
	// of short lines and a price, shows no product: its button alone goes
	// (loneCallButton).
	last := callButton(n)
	if last != nil && callStyled(last) && pictured(n) && proseParagraphs(n, 1) == 0 {
		return true
	}
	return (proseParagraphs(n, 1) == 0 || ticketFinePrint(n)) && bookingControl(n)
}

// bookingControl reports whether a box with a price holds the control of
// a booking or ticket widget: a form with a submit button (a date to
// choose, "Book"), or a link styled as a button that leaves for an
// absolute address (an outside ticket office). The box has no paragraph
// of prose (shopBox's caller): a box of practical details told in
// sentences, with its booking link, is text.
func bookingControl(n *html.Node) bool {
	found := false
	var walk func(*html.Node, bool)
	walk = func(c *html.Node, inForm bool) {
		for c := c.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case inForm && (c.DataAtom == atom.Button || c.DataAtom == atom.Input && strings.EqualFold(attr(c, "type"), "submit")):
				found = true
				return
			case c.DataAtom == atom.A && callStyled(c) && (strings.HasPrefix(attr(c, "href"), "https://") || strings.HasPrefix(attr(c, "href"), "http://")):
				found = true
				return
			}
			walk(c, inForm || c.DataAtom == atom.Form)
		}
	}
	walk(n, false)
	return found
}

// noticeLine reports whether a line (in titleForm) is a notice to the
// reader about the publication: a disclaimer, a syndication notice, a
// call for news tips with the way to send them.
func noticeLine(t string) bool {
	return noticeRe.MatchString(t) || tipRe.MatchString(t) && tipContactRe.MatchString(t[len(tipRe.FindString(t)):])
}

// bylineRoleRe is a byline with the author's role after a comma, then a
// separator and the rest: "Par Jean Dupont, secrétaire du club - le …",
// "By Ann Lee, club captain | 3 May 2026".
var bylineRoleRe = regexp.MustCompile(`^((?i:par|by) [^,]{3,40}), \p{Ll}[\p{L}' -]{2,40}? [-–|] (.+)$`)

// bylineDates reports whether a line is a byline followed by nothing but
// dates: "Par Mathilde Girod - Aujourd'hui à 06:00 | Mis à jour il y a 2
// heures", "By Tom Brierley - Published today at 7:05 AM".
func bylineDates(raw string) bool {
	if !strings.ContainsAny(raw, "0123456789") {
		return false
	}
	if m := bylineRoleRe.FindStringSubmatch(raw); m != nil {
		raw = m[1] + " - " + m[2] // the author's role after the name: "Par …, secrétaire du club - le 18 octobre 1999"
	}
	fs := strings.FieldsFunc(strings.ReplaceAll(raw, " - ", " | "), func(r rune) bool { return r == ' ' || strings.ContainsRune("|·•–—,", r) })
	if len(fs) < 3 {
		return false
	}
	switch strings.ToLower(fs[0]) {
	case "par", "by":
	default:
		return false
	}
	i := 1
	for i < len(fs) && i <= 5 {
		w := fs[i]
		if r := []rune(w); len(r) > 0 && r[0] >= 'A' && r[0] <= 'Z' || len(r) > 0 && strings.ContainsRune("ÀÂÉÈÊÎÔÛÇ", r[0]) {
			if dateWordRe.MatchString(strings.ToLower(w)) || dateLeadRe.MatchString(strings.ToLower(strings.Join(fs[i:], " "))) {
				break
			}
			i++
			continue
		}
		if w == "et" || w == "and" || w == "de" || w == "du" {
			i++
			continue
		}
		break
	}
	if i == 1 || i >= len(fs) {
		return false
	}
	ws := foldWords(strings.Join(fs[i:], " "))
	for j := 0; j < len(ws); j++ {
		if m := dateLeadRe.FindString(strings.Join(ws[j:], " ")); m != "" {
			j += len(foldWords(m)) - 1
			continue
		}
		w := ws[j]
		if !isDigits(w) && !timeTokRe.MatchString(w) && !dateWordRe.MatchString(w) {
			return false
		}
	}
	return true
}

// tagWordRe is the label of a field of tags, alone on its line.
var tagWordRe = regexp.MustCompile(`^(?:mots[- ]clés|mots[- ]clefs|tags?|étiquettes?|thèmes?|thématiques?|sujets?|rubriques?|catégories?|categories|category|keywords|topics?|subjects?|related topics|sujets liés|filed under|tagged)$`)

// tagFieldLabel reports whether n is the label of a field of tags: its
// text is the label alone ("Category:"), and the element after it is
// nothing but links. Readability may drop the links and keep the label.
func tagFieldLabel(n *html.Node) bool {
	if hasBlockChild(n) || !tagWordRe.MatchString(strings.TrimRight(titleForm(textOf(n)), " :\u00a0")) {
		return false
	}
	next := nextElement(n)
	if next == nil || linkShare(next) < 0.8 {
		return false
	}
	links := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for c := c.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.A {
				links++
			}
			walk(c)
		}
	}
	walk(next)
	return links >= 1
}

var (
	// appealActionRe is the button of an appeal for gifts or members.
	appealActionRe = regexp.MustCompile(`^(?:je (?:fais|veux faire) un don|je donne|je soutiens(?: .{1,30})?|j'adhère(?: en ligne| maintenant)?|adhérer(?: en ligne)?|adhérez|faire un don(?: en ligne)?|faites un don|donner(?: en ligne| maintenant)?|nous soutenir|soutenir .{1,30}` +
		`|donate(?: now| today| here| online)?|make a (?:donation|gift)(?: today| now)?|give(?: now| today| online| to .{1,30})|join(?: now| today| us| online)?|become a (?:member|supporter|donor|patron|member-owner)(?: today)?|support (?:us|our [^ ]+(?: [^ ]+)?)(?: today)?)$`)
	// appealWordRe is what an appeal speaks of: gifts, members, readers'
	// support.
	appealWordRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:dons?|donations?|donate|donors?|déductibles?|cotisations?|adhérez|adhérer|adhésions?|adhérents?|syndiqué(?:e|s|es)?|membres?|members?|member-owners?|membership|soutien|soutiens|soutenir|soutenez|lecteurs|readers|nonprofit|non-profit|tax-deductible|but non lucratif)(?:$|[^\p{L}])`)
)

// appealBox reports whether n is an appeal for gifts or members that a
// site puts in or after the text ("Avec 30 €, vous financez … Je fais un
// don", "Not a member yet? … Join today"): a short box (a <div>, or an
// old site's table of one cell) that speaks of gifts, members or readers'
// support and ends on its button.
func appealBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Form:
	case atom.Table:
		if layoutCell(n) == nil {
			return false // a table of data, not a box drawn as one
		}
	default:
		return false
	}
	if textLonger(n, 400) {
		return false
	}
	last := lastTextElement(n)
	if last == nil || last.DataAtom != atom.A && last.DataAtom != atom.Button || !appealActionRe.MatchString(titleForm(textOf(last))) {
		return false
	}
	rest := strings.TrimSuffix(strings.TrimSpace(textOf(n)), strings.TrimSpace(textOf(last)))
	return appealWordRe.MatchString(strings.ToLower(rest))
}

// ourWordRe: the publication speaking of itself, "our", "we", "nos".
var ourWordRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:our|us|we|notre|nos|nous)(?:$|[^\p{L}])`)

// ourAppeal reports whether a box is the publication's own appeal with
// its call set in a sentence rather than as a last button ("Keep the
// kilns firing. Every gift to our Winter Appeal helps … <a>Give today</a>
// and your donation will be matched …"): a box (a <div>, or a table of
// one cell) of at most 60 words and three lines, with a link calling to
// give or join (appealActionRe), that speaks of gifts or members
// (appealWordRe, "gift") in the first person plural. A text's box that
// tells readers how to help another body names that body, not "our".
func ourAppeal(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	case atom.Table:
		if layoutCell(n) == nil {
			return false
		}
	default:
		return false
	}
	if wordsOver(n, 60) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw < 8 || nw > 60 || proseParagraphs(n, 4) > 3 || contains(n, atom.Img) || contains(n, atom.Ul) || contains(n, atom.Ol) {
		return false
	}
	low := strings.ToLower(raw)
	if !ourWordRe.MatchString(low) || !appealWordRe.MatchString(low) && !giftWordRe.MatchString(low) {
		return false
	}
	for _, a := range linksIn(n) {
		if appealActionRe.MatchString(titleForm(textOf(a))) {
			return true
		}
	}
	return false
}

// giftWordRe: a gift to the publication, "every gift", "a gift of".
var giftWordRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:gifts?|appeal|fundraiser|fundraising|collecte|appel aux dons)(?:$|[^\p{L}])`)

// lastTextElement returns the innermost link or button, or else the
// deepest element, that holds the last words of n.
func lastTextElement(n *html.Node) *html.Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil // the box ends on words, not on a button
		case c.Type != html.ElementNode || strings.TrimSpace(textOf(c)) == "":
			continue
		case c.DataAtom == atom.A || c.DataAtom == atom.Button:
			return c
		default:
			return lastTextElement(c)
		}
	}
	return nil
}

// viewAllRe is what a link to a whole listing of the site says: "View
// all", "See all results", "Voir tous les résultats", "Tout voir".
var viewAllRe = regexp.MustCompile(`^(?:(?:view|see|show|browse) (?:all|the full (?:list|table|results))|(?:voir|afficher|consulter) (?:tou(?:s|tes?|t)|l'ensemble|la liste complète)|tout (?:voir|afficher))(?: .{1,40})?$`)

// listingBox reports whether n is a box of one of the site's listings set
// in the page (latest results, products of a collection, coming events):
// a heading, two items or more of a few words, and, last, a link to the
// whole listing on another page ("View all results", "Voir tous les
// événements"); no line of fifteen words or more. The text's own list
// does not end on a link to the site's listing.
func listingBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if textLonger(n, 800) || proseParagraphs(n, 1) > 0 || countAtom(n, atom.Li, 2) < 2 {
		return false
	}
	links := linksIn(n)
	if len(links) == 0 {
		return false
	}
	last := links[len(links)-1]
	href := strings.ToLower(strings.TrimSpace(attr(last, "href")))
	if t := normText(last); href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(href, "javascript:") ||
		!viewAllRe.MatchString(titleForm(t)) || !strings.HasSuffix(normText(n), t) {
		return false
	}
	if findFirst(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
		return false
	}) == nil {
		return false
	}
	for _, l := range textLines(n) {
		if wordCount(l) >= 15 {
			return false
		}
	}
	return true
}

// cardTypeRe is the one-word type label a platform's embedded card opens
// on: what the card is ("Event", "Product", "Cours").
var cardTypeRe = regexp.MustCompile(`^(?:event|événement|evenement|product|produit|course|cours|formation|webinar|webinaire|workshop|atelier|offer|offre|ticket|billet|live)$`)

// typedCard reports whether n is a platform's card of another object set
// among the paragraphs: it opens on its type's label ("Event"), says a
// few lines (at most 40 words, no sentence of fifteen words or more), and
// ends on a button made to be pressed (callStyled: "RSVP", "Enroll").
func typedCard(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if textLonger(n, 300) || wordsOver(n, 40) || proseParagraphs(n, 1) > 0 {
		return false
	}
	lines := textLines(n)
	if len(lines) < 3 || !cardTypeRe.MatchString(titleForm(normText(lines[0]))) {
		return false
	}
	last := lastTextElement(n)
	if last == nil || !callStyled(last) {
		return false
	}
	for _, l := range lines {
		if wordCount(l) >= 15 {
			return false
		}
	}
	return true
}

// recordLabelRe is a field's label in a collection item's record (Dublin
// Core, a museum's catalogue): "Identifier", "Creator", "Rights", "Cote".
var recordLabelRe = regexp.MustCompile(`^(?:identifier|identifiant|creator|créateur|rights|droits|date created|date de création|format|type|subject|sujet|source|publisher|éditeur|language|langue|coverage|contributor|contributeur|relation|medium|dimensions|extent|object type|accession number|numéro d'inventaire|cote|provenance|collection|catalogue number|inventory number)$`)

// recordField reports whether n is a field of a collection item's record
// beside others of its kind: a box of a label (recordLabelRe) as its
// first element and one value, at most 24 words in all, next to a box of
// the same class that is one too (Omeka's "property" boxes under the item's
// description).
func recordField(n *html.Node) bool {
	field := func(b *html.Node) bool {
		if b == nil || b.DataAtom != atom.Div && b.DataAtom != atom.Section || wordsOver(b, 24) {
			return false
		}
		label := firstElement(b)
		if label == nil || !isHeadingLike(label) && label.DataAtom != atom.Dt || !recordLabelRe.MatchString(titleForm(normText(label))) {
			return false
		}
		return nextElement(label) != nil && nextElement(nextElement(label)) == nil
	}
	if !field(n) {
		return false
	}
	cls := attr(n, "class")
	for _, s := range []*html.Node{prevElement(n), nextElement(n)} {
		if s != nil && attr(s, "class") == cls && field(s) {
			return true
		}
	}
	return false
}
