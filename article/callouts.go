package article

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Callouts the publisher sets among the text's paragraphs that are not
// the text: an appeal to join, subscribe, support or give, the
// announcement of its next event, its call for staff. Readability keeps
// them, being inside the winning container and short; a callout of the
// text (a note, a warning, a key figure) asks nothing of the reader and
// announces nothing.

var (
	// tipJarRe names a way of giving to a writer: the tip jars and the
	// "buy me a coffee" of blogs and newsletters.
	tipJarRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:liberapay|patreon|tipeee|ko-?fi|buy ?me ?a ?coffee|buy me a (?:coffee|beer|tea)|offrez-moi un (?:café|thé|verre)|payez-moi un (?:café|verre)|open ?collective|github sponsors|utip|paypal\.me)(?:$|[^\p{L}])`)
	// giftAskRe is what an appeal asks the reader for: a gift, a
	// membership, support, a subscription ("vos dons", "cotisations",
	// "Join the library", "membership", "abonnez-vous", "A gift of £5 a
	// month pays for …", "Give to the appeal", "Donner pour …"). Members
	// and readers alone are as often the story's.
	giftAskRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:dons?|donations?|donate|donors?|gifts?|give|giving|donner|donnez|cotisations?|adhésions?|adhérez|adhérer|adhérents?|membership|devenez membres?|become a (?:member|friend|supporter|patron)|soutien|soutenir|soutenez|support (?:us|our|this|the)|abonnez|abonnement|subscribe|subscription|join|rejoignez|rejoindre)(?:$|[^\p{L}])`)
	// appealVerbRe opens a sentence asking the reader to join, follow,
	// subscribe, support or give, or to renew ("Pensez à renouveler votre
	// adhésion", "Remember to renew your membership").
	appealVerbRe = regexp.MustCompile(`^(?:rejoignez|suivez|abonnez|inscrivez|soutenez|adhérez|devenez|offrez|faites un don|donnez|glissez|renouvelez|pensez à (?:renouveler|adhérer|cotiser|vous (?:abonner|réabonner|inscrire))|n'oubliez pas de (?:renouveler|cotiser|vous (?:abonner|réabonner|inscrire))|` +
		`join|follow|subscribe|sign up|support|become|donate|give|chip in|pledge|buy me|tip|renew|remember to renew|don't forget to renew)(?:$|[^\p{L}])`)
	// calloutClassRe is a class token of a callout box: Quarto's and
	// Docusaurus's callouts and admonitions, GOV.UK's inset text,
	// Bootstrap's alerts, a French CMS's "encart".
	calloutClassRe = regexp.MustCompile(`(?i)(?:^|[-_])(?:callouts?|admonitions?|inset|insets|alert|notice|encart|encadré|encadre|panel|promo|cta|infobox|info-box|call_to_action|call-to-action)(?:[-_]|$)`)
	// upcomingLabelRe is the label of the announcement of an event to
	// come: "Prochain rendez-vous", "À vos agendas", "Agenda", "À venir",
	// "Save the date", "Next meeting", "Coming up", "What's on"; an event's
	// noun may take an adjective or two ("Prochaine soirée publique",
	// "Prochaine journée portes ouvertes", "Next public evening").
	upcomingLabelRe = regexp.MustCompile(`^(?:(?:notre |nos )?prochaine?s? (?:` + eventNounFr + `)(?: [\p{L}'-]+){0,2}|à vos agendas|à noter dans (?:vos|votre) agendas?|date à retenir|dates à retenir|save the date` +
		`|agenda(?: du (?:mois|club|quartier|week-end))?|à l'agenda|à venir|prochainement` +
		`|venez nous (?:voir|rendre visite|rencontrer)|(?:come|drop in) and (?:see|visit|meet) us|(?:our )?next (?:[\p{L}'-]+ ){0,2}(?:` + eventNounEn + `)|coming up|upcoming(?: (?:[\p{L}'-]+ ){0,2}(?:` + eventNounEn + `|dates?))?|diary dates?|dates? for (?:your|the) diary|what's on|in the diary)$`)
	// entryTermsRe is what an announcement says of coming: free entry,
	// booking, registration ("Entrée libre", "sur inscription", "All
	// welcome", "booking essential").
	entryTermsRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:entrée (?:libre|gratuite)|gratuit|gratuite|ouverte? à tou(?:s|tes)|sur inscription|inscriptions?|réservations?|réservez|free entry|free admission|admission (?:is )?free|free and open|all welcome|everyone welcome|open to all|booking|book your|registration|register)(?:$|[^\p{L}])`)
	// weekdayRe is a day of the week.
	weekdayRe = regexp.MustCompile(`^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$`)
)

// The nouns of an event a club, a commune or an association announces.
const (
	eventNounFr = `rendez-vous|rdv|réunions?|rencontres?|sorties?|assemblées?(?: générales?)?|permanences?|ateliers?|animations?|manifestations?|événements?|évènements?|séances?|dates?|soirées?|journées?|conférences?|projections?|veillées?|visites?|balades?|randonnées?|observations?|concerts?|expositions?|stages?|portes ouvertes`
	eventNounEn = `meetings?|events?|sessions?|meet-?ups?|gatherings?|get-togethers?|workshops?|open days?|open house|club nights?|talks?|evenings?|nights?|walks?|screenings?|concerts?|lectures?|exhibitions?|star part(?:y|ies)`
)

// appealCallout reports whether n is the publisher's appeal set among the
// paragraphs of the text: a short box (calloutBox: a div, or a table of
// one cell; at most 60 words, two paragraphs, no list, table, image or
// code) with prose before and after it, that asks for gifts, members or
// support (giftAskRe, tipJarRe) or links to a tip jar (tipJarLinked),
// and holds the control to act on it
// (actControl: a button, a link styled as one or alone on its line, an
// embedded form or widget) or, marked as a callout by its class, a
// sentence opening on a verb of joining or giving ("Join the library …
// Get a library card", "Vous aimez ces billets ? … Suivez le flux ou
// offrez-moi un café").
func appealCallout(n *html.Node) bool {
	if !calloutBox(n) {
		return false
	}
	if wordsOver(n, 60) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 60 || shortBoxHolds(n) || proseParagraphs(n, 3) > 2 || inBlockquote(n) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	if tipJarLinked(n) {
		// The tip jar's link is the control, in a sentence or not, and
		// the box may close the text ("… vous pouvez me soutenir sur
		// Liberapay").
		before, _ := proseAround(n)
		return before
	}
	if !giftAskRe.MatchString(low) && !tipJarRe.MatchString(low) || !amongProse(n) {
		return false
	}
	if narrativeBesideButton(n) {
		return false // the text's paragraph in the builder's row of a donate button, which goes alone
	}
	return actControl(n) || calloutMarked(n) && callSentence(low)
}

// secondPersonRe is a word speaking to the reader.
var secondPersonRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:you|your|yours|vous|votre|vos|tu|ton|ta|tes)(?:$|[^\p{L}])`)

// narrativeBesideButton reports whether a box's words outside its links
// are a paragraph of the story, not an appeal: twenty words or more with
// no word of giving (giftAskRe) and none speaking to the reader ("The
// chiller cost £18,750. Most of it came from a grant …" above a "Donate"
// button in one Squarespace row).
func narrativeBesideButton(n *html.Node) bool {
	out := strings.ToLower(strings.ReplaceAll(strings.Join(strings.Fields(textOutsideLinks(n)), " "), "’", "'"))
	return len(strings.Fields(out)) >= 20 && !giftAskRe.MatchString(out) && !secondPersonRe.MatchString(out)
}

// tipJarHostRe is the host of a tip jar or a page for giving to a writer.
var tipJarHostRe = regexp.MustCompile(`(?i)^(?:www\.)?(?:ko-fi\.com|buymeacoffee\.com|patreon\.com|liberapay\.com|(?:[a-z0-9-]+\.)?tipeee\.com|utip\.io|paypal\.me|opencollective\.com|donorbox\.org|helloasso\.com)$`)

// tipJarLinked reports whether a box links to a tip jar (tipJarHostRe),
// whatever its words say of it ("vous pouvez m'offrir un café").
func tipJarLinked(n *html.Node) bool {
	for _, a := range linksIn(n) {
		if u, err := url.Parse(strings.TrimSpace(attr(a, "href"))); err == nil && tipJarHostRe.MatchString(u.Hostname()) {
			return true
		}
	}
	return false
}

// hiringRe is a site's call for staff: "We are hiring …", "We're
// recruiting", "Join our team", "Nous recrutons", "On recrute",
// "Rejoignez-nous".
var hiringRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:we(?:'re| are) (?:hiring|recruiting)|now hiring|join (?:our|the) team|come work (?:with|for) us|nous recrutons|on recrute|(?:l'équipe|la rédaction) recrute|rejoignez(?:-nous| notre équipe| l'équipe))(?:$|[^\p{L}])`)

// jobsPathRe is the path of a site's jobs page ("/careers/…", "/jobs",
// "/recrutement"), jobsLinkRe the words of a link to it ("See open
// roles", "Nos offres d'emploi").
var (
	jobsPathRe = regexp.MustCompile(`(?i)/(?:careers?|jobs?|hiring|vacanc(?:y|ies)|join-us|join(?:-(?:our|the)-(?:team|group|lab))?|work-with-us|recrutement|emplois?|carrieres?|carrières?|nous-rejoindre|offres-d-emploi)(?:$|[/?#.-])`)
	jobsLinkRe = regexp.MustCompile(`^(?:(?:see|view|browse) (?:our |the |all )?(?:open )?(?:roles|positions|jobs|vacancies|openings)|open (?:roles|positions)|careers|jobs|apply(?: now)?|postuler|(?:voir |découvrir )?(?:nos|les) offres(?: d'emploi)?|nos postes ouverts|offres d'emploi|join (?:the|our) (?:team|group|lab)|rejoindre (?:l'équipe|le laboratoire|le groupe))$`)
)

// hiringCallout reports whether n is the site's call for staff set among
// the paragraphs of the text: a short box (calloutBox; at most 50 words,
// one paragraph, no list, table, image or code) with prose before and
// after it, that says the publisher is hiring (hiringRe) and links to its
// jobs page (by path or by the link's words). A story about a firm that
// hires quotes it in a sentence of the text, not in a box of its own
// with a link to the site's careers.
func hiringCallout(n *html.Node) bool {
	if !calloutBox(n) {
		return false
	}
	if wordsOver(n, 50) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 50 || shortBoxHolds(n) || proseParagraphs(n, 2) > 1 || inBlockquote(n) {
		return false
	}
	if !hiringRe.MatchString(strings.ToLower(strings.ReplaceAll(raw, "’", "'"))) || !amongProse(n) {
		return false
	}
	for _, a := range linksIn(n) {
		if jobsPathRe.MatchString(attr(a, "href")) || jobsLinkRe.MatchString(titleForm(textOf(a))) {
			return true
		}
	}
	return false
}

// questionCall reports whether n is a call to the publisher's services
// set as a box after the text's paragraphs: a box named a callout by its
// class (calloutMarked: "cta", "promo", "encart"), opening on a question
// to the reader ("Planning work over a live railway?", "Un projet de
// rénovation ?"), of at most 50 words and one paragraph, with a link to
// another page of the site (host is the page's own: a contact or enquiry
// page, a service). A box of the text's own (a guidance's "call-to-action"
// telling what to do next) opens on no question and links nowhere.
func questionCall(n *html.Node, host string) bool {
	if !(calloutBox(n) && calloutMarked(n) || styledBox(n)) || inBlockquote(n) {
		return false
	}
	if wordsOver(n, 50) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 50 || shortBoxHolds(n) || proseParagraphs(n, 2) > 1 {
		return false
	}
	label := strings.TrimSpace(openingLabel(n))
	if styledBox(n) {
		// a box drawn by its style opens on its question in its text:
		// "Envie de découvrir le terrain mixte ? Mes stages …"
		if i := strings.Index(raw, "?"); i > 0 {
			label = raw[:i+1]
		}
	}
	if nl := len(strings.Fields(label)); nl < 2 || nl > 10 || !strings.HasSuffix(label, "?") {
		return false
	}
	if before, _ := proseAround(n); !before {
		return false
	}
	for _, a := range linksIn(n) {
		if ownHref(attr(a, "href"), host) {
			return true
		}
	}
	return false
}

// eventCallout reports whether n is the announcement of an event to come
// set among the paragraphs of the text or after them: a short box
// (calloutBox: a div, or a table of one cell; at most 50 words, one
// paragraph, no list, table, image or code) with prose before it, and
// after it too unless it gives the terms of coming (entryTermsRe), opening
// on a label of things to come (upcomingLabelRe) and giving a date
// ("Prochain rendez-vous : assemblée générale le vendredi 16 janvier …",
// "Coming up: open day, Saturday 4 March …", "Agenda", "Prochaine soirée
// publique : … Entrée libre."). A box of practical details about the
// story's own event is labelled otherwise ("Pratique", "If you go").
func eventCallout(n *html.Node) bool {
	if !calloutBox(n) {
		return false
	}
	if wordsOver(n, 50) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 50 || shortBoxHolds(n) || proseParagraphs(n, 2) > 1 || inBlockquote(n) {
		return false
	}
	label := openingLabel(n)
	if label == "" {
		return false
	}
	// A label of things to come, or one naming the event by its kind
	// ("Visite de chantier", "Open day") over a box that invites the
	// reader (a clause opening on a verb calling to act: "…, découvrez la
	// future centrale") and signs them up for it. The practical box of
	// the story's own event (place, dates, "Book tickets") invites no one.
	signup := false
	if !upcomingLabelRe.MatchString(titleForm(label)) {
		if !eventLabelRe.MatchString(titleForm(label)) || !callClause(strings.TrimPrefix(strings.Join(strings.Fields(textOutsideLinks(n)), " "), label)) {
			return false
		}
		if signup = signupControl(n); !signup {
			return false
		}
	}
	rest := strings.TrimSpace(strings.TrimPrefix(raw, label))
	// Between the paragraphs, or as the body's last box with the terms of
	// coming ("Entrée libre", "sur inscription"): a last paragraph of the
	// text that tells of the next meeting is no box of its own.
	before, after := proseAround(n)
	if !before || !after && !signup && !entryTermsRe.MatchString(strings.ToLower(rest)) {
		return false
	}
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

var (
	// eventLabelRe is a label naming an event by its kind: "Visite de
	// chantier", "Atelier compostage", "Open day", "Volunteer workshop"
	// is not one (it opens on another word).
	eventLabelRe = regexp.MustCompile(`^(?:` + eventNounFr + `|` + eventNounEn + `)(?: [\p{L}'-]+){0,3}$`)
	// signupRe is the words of a control signing the reader up for an
	// event: "Je m'inscris à la visite", "Réserver ma place", "Register",
	// "Book your place".
	signupRe = regexp.MustCompile(`^(?:je m'inscris|je réserve|je participe|s'inscrire|inscrivez-vous|inscription|réserver|réservez|register|sign up|book|reserve|rsvp)(?:$|[^\p{L}])`)
)

// comeRe opens an invitation to come: "venez découvrir", "come and see".
var comeRe = regexp.MustCompile(`^(?:venez|come)(?:$|[^\p{L}])`)

// callClause reports whether a clause of s (cut at its punctuation)
// opens on a verb calling the reader to act (callVerbRe) or to come.
func callClause(s string) bool {
	low := strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	for _, c := range strings.FieldsFunc(low, func(r rune) bool { return strings.ContainsRune(".,;:!?()", r) }) {
		if c = strings.TrimSpace(c); callVerbRe.MatchString(c) || comeRe.MatchString(c) {
			return true
		}
	}
	return false
}

// signupControl reports whether a box holds, or is followed by, a link or
// button of a few words signing the reader up (signupRe): a campaign's
// button block comes as the box's next block, on its own.
func signupControl(n *html.Node) bool {
	signs := func(b *html.Node) bool {
		var found bool
		var walk func(*html.Node)
		walk = func(c *html.Node) {
			for k := c.FirstChild; k != nil && !found; k = k.NextSibling {
				if k.Type != html.ElementNode {
					continue
				}
				if k.DataAtom == atom.A || k.DataAtom == atom.Button {
					t := titleForm(textOf(k))
					found = len(strings.Fields(t)) <= 6 && signupRe.MatchString(t)
					continue
				}
				walk(k)
			}
		}
		walk(b)
		return found
	}
	if signs(n) {
		return true
	}
	box := n
	for box.Parent != nil && onlyElement(box.Parent) == box && box.Parent.DataAtom != atom.Body && box.Parent.DataAtom != atom.Main && box.Parent.DataAtom != atom.Article {
		box = box.Parent
	}
	next := nextElement(box)
	return next != nil && wordCount(next) <= 8 && signs(next)
}

// calloutBox reports whether n is drawn as a box a callout can be: a
// <div>, <section> or <aside>, a layout table of one cell (an old site's
// box drawn as <table class="encadre"><tr><td bgcolor=…>), or a
// paragraph or a <center> between two rules.
func calloutBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
		return true
	case atom.Table:
		return layoutCell(n) != nil
	case atom.P, atom.Center:
		return betweenRules(n)
	}
	return false
}

// betweenRules reports whether n is set apart by a rule (<hr>) right
// before it and one right after, an old page's way to draw a box.
func betweenRules(n *html.Node) bool {
	prev, next := prevElement(n), nextElement(n)
	return prev != nil && next != nil && prev.DataAtom == atom.Hr && next.DataAtom == atom.Hr
}

// styledBox reports whether a block draws itself as a box by its inline
// style, a border or a background ("<p style="border:1px solid #ccc;
// padding:6px">"): an old blog's way to set a call apart.
func styledBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div:
	default:
		return false
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	for _, decl := range strings.Split(st, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		switch {
		case (k == "border" || k == "border-top" || k == "border-left") && v != "0" && v != "none" && !strings.HasPrefix(v, "0px") && !strings.HasPrefix(v, "none"):
			return true
		case (k == "background" || k == "background-color") && v != "none" && v != "transparent" && v != "#fff" && v != "#ffffff" && v != "white":
			return true
		}
	}
	return false
}

// layoutCell returns the cell of a table of one cell, with no header cell
// and no caption: a box drawn with a table, not tabular data. Else nil.
func layoutCell(t *html.Node) *html.Node {
	var cell *html.Node
	cells := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr:
				walk(c)
			case atom.Td:
				cells++
				cell = c
			default: // a header cell, a caption: a table of data
				cells += 2
			}
		}
	}
	walk(t)
	if cells != 1 {
		return nil
	}
	return cell
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
			if t := normText(c); len(strings.Fields(t)) <= 6 {
				return t
			}
			return ""
		case atom.Div, atom.P, atom.Span, atom.Header, atom.Table, atom.Tbody, atom.Tr, atom.Td, atom.Font, atom.Center:
			c = c.FirstChild // the label is the first thing of its first block (or cell, or an old page's <font>)
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
	before, after := proseAround(n)
	return before && (after || proseInNextSections(n))
}

// proseAround reports whether n, out of the wrappers that hold it alone,
// has a paragraph with a sentence in it among the elements before it, and
// among those after it.
func proseAround(n *html.Node) (before, after bool) {
	return blocksAround(n, proseBlock)
}

// blocksAround reports whether n, out of the wrappers that hold it alone,
// has an element that is (text) among the elements before it, and among
// those after it.
func blocksAround(n *html.Node, text func(*html.Node) bool) (before, after bool) {
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
	for s := box.PrevSibling; s != nil && !before; s = s.PrevSibling {
		before = s.Type == html.ElementNode && text(s)
	}
	for s := box.NextSibling; s != nil && !after; s = s.NextSibling {
		after = s.Type == html.ElementNode && text(s)
	}
	return before, after
}

// proseInNextSections reports whether the text goes on after n in the
// sections that follow the ones n closes (a callout ending "Results", the
// text going on under "Changes for 2027"): n, out of its wrappers, is the
// last element of each container up to a sibling holding prose.
func proseInNextSections(n *html.Node) bool {
	box := n
	for box.Parent != nil && onlyElement(box.Parent) == box {
		box = box.Parent
	}
	for p := box; p.Parent != nil && lastElement(p.Parent) == p; p = p.Parent {
		switch p.Parent.DataAtom {
		case atom.Body, atom.Main, atom.Article:
			return false
		}
		for s := p.Parent.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode && (proseBlock(s) || proseParagraphs(s, 1) > 0) {
				return true
			}
		}
	}
	return false
}

// actControl reports whether a box holds a control to act: a button, a
// link styled as one (callStyled) or alone on its line calling to give,
// join or subscribe (callLink), an embedded form or widget (an <iframe>, a
// <form>). A plain link calling to act ("Voir la liste", "Read the
// report") is as often the text's own.
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
				found = callStyled(c) || callLink(c)
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
		s = strings.TrimSpace(s)
		if i := strings.Index(s, ":"); i > 0 && len(strings.Fields(s[:i])) <= 3 {
			s = strings.TrimSpace(s[i+1:]) // past a label: "Rappel : pensez à …"
		}
		if appealVerbRe.MatchString(s) {
			return true
		}
	}
	return false
}

// subscribeActionRe is the words of a link to subscribe or sign up.
var subscribeActionRe = regexp.MustCompile(`^(?:je m'abonne|je m'inscris(?: à la (?:newsletter|lettre d'information))?|s'abonner|abonnez-vous|s'inscrire à la (?:newsletter|lettre d'information)|subscribe(?: now| today| here| for free)?|sign up(?: now| today| here| for free)?)$`)

// callLink reports whether a link is a control calling the reader to
// give, join or subscribe though written as a plain link ("Je fais un
// don", "Donate now", "Je m'abonne", "Join us"): it is alone on its line
// (a paragraph or a block of no block, no other words), at most five
// words. A sentence ending on such a link is the text's.
func callLink(a *html.Node) bool {
	line := a.Parent
	if a.DataAtom != atom.A || line == nil {
		return false
	}
	switch line.DataAtom {
	case atom.P, atom.Div:
	default:
		return false
	}
	if hasBlockChild(line) || contains(line, atom.Img) || len(linksIn(line)) != 1 || strings.Trim(textOutsideLinks(line), " →»›>|-–—!") != "" {
		return false
	}
	t := titleForm(textOf(a))
	if nw := len(strings.Fields(t)); nw == 0 || nw > 5 {
		return false
	}
	return appealActionRe.MatchString(t) || subscribeActionRe.MatchString(t)
}

var (
	// membersLabelRe is the label a notice opens on when it says a part
	// of the publisher's work is kept for its members or subscribers:
	// "Members only:", "For members", "Réservé aux adhérents", "Espace
	// membres".
	membersLabelRe = regexp.MustCompile(`^(?:members? only|for members|members' area|member content|subscribers? only|for subscribers|` +
		`réservé aux (?:adhérents|adhérentes|membres|abonnés)|pour les (?:adhérents|membres|abonnés)|espace (?:adhérents?|membres?|abonnés)|accès (?:adhérents?|membres?|abonnés))$`)
	// logInToReadRe is a notice that reading on needs an account: "You
	// need to log in", "Log in to read", "Connectez-vous pour consulter",
	// "Vous devez être connecté".
	logInToReadRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:you(?:'ll| will)? need to (?:log|sign) in|you must (?:log|sign) in|(?:log|sign) in to (?:read|view|access|see|download)|` +
		`connectez-vous pour (?:lire|consulter|accéder|voir|télécharger)|identifiez-vous pour (?:lire|consulter|accéder|voir|télécharger)|vous devez (?:être connectée?|vous connecter|vous identifier))(?:$|[^\p{L}])`)
)

// memberNotice reports whether n is the publisher's notice, set among the
// paragraphs of the text, that something is kept for its members or
// subscribers: a short box (calloutBox; at most 50 words, one paragraph,
// no list, table, image or code) with prose before and after it, with a
// link (to the members' area, the report, the log-in page), opening on a
// members-only label (membersLabelRe) or a question to the members
// (memberQuestionRe: "Vous êtes membre?"), or saying the reader must log
// in (logInToReadRe). A story about a club's members says so in its
// sentences, not in a box that sends the reader to log in.
func memberNotice(n *html.Node) bool {
	if !calloutBox(n) || len(linksIn(n)) == 0 {
		return false
	}
	if wordsOver(n, 50) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 50 || shortBoxHolds(n) || proseParagraphs(n, 2) > 1 || inBlockquote(n) {
		return false
	}
	label := strings.ReplaceAll(titleForm(openingLabel(n)), "’", "'")
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	if !membersLabelRe.MatchString(label) && !logInToReadRe.MatchString(low) && !memberQuestionRe.MatchString(low) {
		return false
	}
	return amongProse(n)
}

// memberQuestionRe opens a notice on a question to the members: "Vous
// êtes membre? Consultez … dans votre espace membre", "Déjà abonné ?",
// "Already a member? Log in", "Are you a subscriber?".
var memberQuestionRe = regexp.MustCompile(`^(?:vous êtes|êtes-vous|tu es|es-tu|déjà|already|are you)(?: (?:un|une|a|an))? (?:membres?|adhérente?s?|abonnée?s?|sociétaires?|members?|subscribers?)\s*\?`)

// ctaVerbRe opens the words of a call button in a callout: the verbs of
// callVerbRe and those of applying, booking, requesting and submitting
// ("Apply now", "Postulez", "Request a visit", "Submit a tip"), of
// getting in touch ("Talk to our team", "Contactez-nous"), or of reading
// on elsewhere ("Lire la suite", "Learn more").
var ctaVerbRe = regexp.MustCompile(`^(?:apply|postulez|postuler|candidatez|candidater|request|demandez|demander|book|réservez|réserver|submit|soumettez|proposez|enrol|enroll|register|inscrivez-vous|talk to|speak (?:to|with)|get in touch|contact us|contactez-nous|prenez contact|parlez(?:-en)? à|appelez-nous|call us|lire la suite|en savoir plus|read more|learn more|find out more)(?:$|[^\p{L}])`)

// ctaCallout reports whether n is a call-to-action box set among the
// paragraphs of the text: a box named a callout by its class
// (calloutMarked: "callout--cta", "promo", "encart"), short (at most 50
// words, one paragraph, no list, table, image or code), with prose before
// and after it, holding a link made to be pressed (callStyled) whose
// words call to act (callVerbRe, ctaVerbRe: "Apply now", "Submit an
// anonymous tip"). A callout of the text (a note, a warning, a step to
// take) has no such button.
func ctaCallout(n *html.Node) bool {
	if !calloutBox(n) || !calloutMarked(n) || inBlockquote(n) {
		return false
	}
	if wordsOver(n, 50) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 50 || shortBoxHolds(n) || proseParagraphs(n, 2) > 1 {
		return false
	}
	pressed := false
	for _, a := range linksIn(n) {
		if t := titleForm(textOf(a)); callStyled(a) && len(strings.Fields(t)) <= 6 && (callVerbRe.MatchString(t) || ctaVerbRe.MatchString(t)) {
			pressed = true
		}
	}
	return pressed && amongProse(n)
}

// noticeBoard reports whether n is a box of the site's notices set among
// the paragraphs: a short box (calloutBox; at most 50 words) of two lines
// or more, each opening on a run-in bold label ending on a colon ("Lire
// aussi :", "Info mairie :", "À noter :"), one of them a cross-link's
// ("Lire aussi", "Read more": rereadRe), with prose before and after it.
// The story's own box of details is labelled too, but sends nowhere else
// to read.
func noticeBoard(n *html.Node) bool {
	if !calloutBox(n) || inBlockquote(n) {
		return false
	}
	if wordsOver(n, 50) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 50 || shortBoxHolds(n) && n.DataAtom != atom.Table {
		return false
	}
	box := n
	if cell := layoutCell(n); cell != nil {
		box = cell
	}
	lines := textLines(box)
	if len(lines) < 2 {
		return false
	}
	reread := false
	for _, ln := range lines {
		lead := firstElement(ln)
		if lead == nil || lead.DataAtom != atom.B && lead.DataAtom != atom.Strong {
			return false
		}
		label := normText(lead)
		if !strings.HasSuffix(label, ":") || len(strings.Fields(label)) > 4 {
			return false
		}
		reread = reread || rereadRe.MatchString(titleForm(label))
	}
	return reread && amongProse(n)
}
