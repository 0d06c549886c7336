package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Callouts the publisher sets among the text's paragraphs that are not
// the text: an appeal to join, subscribe, support or give, and the
// announcement of its next event. Readability keeps them, being inside
// the winning container and short; a callout of the text (a note, a
// warning, a key figure) asks nothing of the reader and announces
// nothing.

var (
	// tipJarRe names a way of giving to a writer: the tip jars and the
	// "buy me a coffee" of blogs and newsletters.
	tipJarRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:liberapay|patreon|tipeee|ko-?fi|buy ?me ?a ?coffee|buy me a (?:coffee|beer|tea)|offrez-moi un (?:café|thé|verre)|payez-moi un (?:café|verre)|open ?collective|github sponsors|utip|paypal\.me)(?:$|[^\p{L}])`)
	// giftAskRe is what an appeal asks the reader for: a gift, a
	// membership, support, a subscription ("vos dons", "cotisations",
	// "Join the library", "membership", "abonnez-vous"). Members and
	// readers alone are as often the story's.
	giftAskRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:dons?|donations?|donate|donors?|cotisations?|adhésions?|adhérez|adhérer|adhérents?|membership|devenez membres?|become a (?:member|friend|supporter|patron)|soutien|soutenir|soutenez|support (?:us|our|this|the)|abonnez|abonnement|subscribe|subscription|join|rejoignez|rejoindre)(?:$|[^\p{L}])`)
	// appealVerbRe opens a sentence asking the reader to join, follow,
	// subscribe, support or give.
	appealVerbRe = regexp.MustCompile(`^(?:rejoignez|suivez|abonnez|inscrivez|soutenez|adhérez|devenez|offrez|faites un don|donnez|glissez|join|follow|subscribe|sign up|support|become|donate|give|chip in|pledge|buy me|tip)(?:$|[^\p{L}])`)
	// calloutClassRe is a class token of a callout box: Quarto's and
	// Docusaurus's callouts and admonitions, GOV.UK's inset text,
	// Bootstrap's alerts, a French CMS's "encart".
	calloutClassRe = regexp.MustCompile(`(?i)(?:^|[-_])(?:callouts?|admonitions?|inset|insets|alert|notice|encart|encadré|encadre|panel|promo|cta)(?:[-_]|$)`)
	// upcomingLabelRe is the label of the announcement of an event to
	// come: "Prochain rendez-vous", "À vos agendas", "Save the date",
	// "Next meeting", "Coming up".
	upcomingLabelRe = regexp.MustCompile(`^(?:(?:notre |nos )?prochaine?s? (?:rendez-vous|rdv|réunions?|rencontres?|sorties?|assemblées?(?: générales?)?|permanences?|ateliers?|animations?|manifestations?|événements?|évènements?|séances?|dates?)|à vos agendas|à noter dans (?:vos|votre) agendas?|date à retenir|dates à retenir|save the date` +
		`|(?:our )?next (?:meeting|event|session|meet-?up|gathering|get-together|workshop|open day|club night|talk)s?|coming up|upcoming(?: events?| dates?)?|diary dates?|dates? for (?:your|the) diary)$`)
	// weekdayRe is a day of the week.
	weekdayRe = regexp.MustCompile(`^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$`)
)

// appealCallout reports whether n is the publisher's appeal set among the
// paragraphs of the text: a short box (at most 60 words, two paragraphs,
// no list, table, image or code) with prose before and after it, that
// asks for gifts, members or support (giftAskRe, tipJarRe)
// and holds the control to act on it (a button, a link styled as one, an
// embedded form or widget) or, marked as a callout by
// its class, a sentence opening on a verb of joining or giving ("Join the
// library … Get a library card", "Vous aimez ces billets ? … Suivez le
// flux ou offrez-moi un café").
func appealCallout(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	raw := strings.Join(strings.Fields(textOf(n)), " ")
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 60 || shortBoxHolds(n) || proseParagraphs(n, 3) > 2 || inBlockquote(n) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	if !giftAskRe.MatchString(low) && !tipJarRe.MatchString(low) || !amongProse(n) {
		return false
	}
	return actControl(n) || calloutMarked(n) && callSentence(low)
}

// eventCallout reports whether n is the announcement of an event to come
// set among the paragraphs of the text: a short box (at most 50 words,
// one paragraph, no list, table, image or code) with prose before and
// after it, opening on a label of things to come (upcomingLabelRe) and
// giving a date ("Prochain rendez-vous : assemblée générale le vendredi
// 16 janvier …", "Coming up: open day, Saturday 4 March …"). A box of
// practical details about the story's own event is labelled otherwise
// ("Pratique", "If you go").
func eventCallout(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	raw := strings.Join(strings.Fields(textOf(n)), " ")
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 50 || shortBoxHolds(n) || proseParagraphs(n, 2) > 1 || inBlockquote(n) {
		return false
	}
	label := openingLabel(n)
	if label == "" || !upcomingLabelRe.MatchString(titleForm(label)) || !amongProse(n) {
		return false
	}
	rest := strings.TrimSpace(strings.TrimPrefix(raw, label))
	if monthDay(rest) || yearRe.MatchString(rest) {
		return true
	}
	for _, w := range foldWords(rest) {
		if weekdayRe.MatchString(w) {
			return true
		}
	}
	return false
}

// shortBoxHolds reports whether a box holds what a callout of a few lines
// does not: a list, a table, an image, code or a quote.
func shortBoxHolds(n *html.Node) bool {
	for _, a := range []atom.Atom{atom.Ul, atom.Ol, atom.Table, atom.Img, atom.Picture, atom.Pre, atom.Blockquote, atom.Figure} {
		if contains(n, a) {
			return true
		}
	}
	return false
}

// openingLabel returns the label a box opens on, as it is written: its
// first heading or bold words, or the words before a colon ending its
// first line; "" when it opens otherwise.
func openingLabel(n *html.Node) string {
	c := n.FirstChild
	for c != nil {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "", c.Type == html.CommentNode:
			c = c.NextSibling
			continue
		case c.Type == html.TextNode:
			t := strings.Join(strings.Fields(c.Data), " ")
			if i := strings.Index(t, ":"); i > 0 && len(strings.Fields(t[:i])) <= 5 {
				return t[:i+1]
			}
			return ""
		case c.Type != html.ElementNode:
			return ""
		}
		switch c.DataAtom {
		case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.B, atom.Strong, atom.Dt:
			if t := strings.Join(strings.Fields(textOf(c)), " "); len(strings.Fields(t)) <= 6 {
				return t
			}
			return ""
		case atom.Div, atom.P, atom.Span, atom.Header:
			c = c.FirstChild // the label is the first thing of its first block
			continue
		}
		return ""
	}
	return ""
}

// amongProse reports whether n, out of the wrappers that hold it alone,
// sits in the flow of the text: a paragraph with a sentence in it among
// the elements before it and among those after it.
func amongProse(n *html.Node) bool {
	box := n
	for box.Parent != nil && onlyElement(box.Parent) == box {
		switch box.Parent.DataAtom {
		case atom.Body, atom.Main, atom.Article:
		default:
			box = box.Parent
			continue
		}
		break
	}
	prose := func(s *html.Node) bool {
		return s.DataAtom == atom.P && len(strings.Fields(textOf(s))) >= 12 && linkShare(s) < 0.5 || proseParagraphs(s, 1) > 0
	}
	before, after := false, false
	for s := box.PrevSibling; s != nil && !before; s = s.PrevSibling {
		before = s.Type == html.ElementNode && prose(s)
	}
	for s := box.NextSibling; s != nil && !after; s = s.NextSibling {
		after = s.Type == html.ElementNode && prose(s)
	}
	return before && after
}

// actControl reports whether a box holds a control to act: a button, a
// link styled as one (callStyled), an embedded form or widget (an
// <iframe>, a <form>). A plain link calling to act ("Voir la liste",
// "Read the report") is as often the text's own.
func actControl(n *html.Node) bool {
	found := false
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for c := c.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Button, atom.Iframe, atom.Form:
				found = true
				return
			case atom.A:
				found = callStyled(c)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// calloutMarked reports whether a class token of n names a callout box.
func calloutMarked(n *html.Node) bool {
	for _, tok := range strings.Fields(attr(n, "class")) {
		if calloutClassRe.MatchString(tok) {
			return true
		}
	}
	return false
}

// callSentence reports whether a sentence of a text (lower-cased) opens on
// a verb asking the reader to join, follow, subscribe, support or give
// (appealVerbRe): "Retrouvez la liste en annexe" asks nothing of the kind.
func callSentence(low string) bool {
	for _, s := range strings.FieldsFunc(low, func(r rune) bool { return r == '.' || r == '!' || r == '?' }) {
		if appealVerbRe.MatchString(strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}
