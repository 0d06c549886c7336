package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Calls to the reader and notices about the publication, in words no list
// names: known by weak signals together (a verb calling to act, something
// of the publication, a box's shape), not by one phrase.

// The vocabulary of a call to the reader, each a weak signal that
// readerCall needs together: a verb calling to act, opening a sentence,
// and something of the publication (this article, our newsletter, our
// app, the newsroom's address). A guide's "Créez un compte sur le site
// de la CAF" or "Envoyez votre dossier à recrutement@…" names none.
var (
	callVerbRe = regexp.MustCompile(`^(?:rejoignez|suivez|abonnez|inscrivez|recevez|retrouvez|découvrez|partagez|téléchargez|installez|envoyez|connectez|créez|soutenez|écrivez|contactez|cliquez|lisez|écoutez|regardez|activez|ne manquez|devenez|offrez|faites un don|` +
		`achetez|commandez|adhérez|donnez|je (?:m'abonne|m'inscris|soutiens|deviens|donne|fais un don|participe)|j'adhère|` +
		`join|follow|subscribe|sign (?:me )?up|sign in|log in|get|download|install|share|send|create|support|click|read|listen|watch|discover|find|don't miss|never miss|become|give|donate|buy|order|pledge|chip in)(?:$|[^\p{L}])`)
	artefactRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:(?:cet|cette|ce|notre|nos|this|our)\s+(?:[\p{L}'-]+\s+){0,3}(?:article|articles|newsletter|newsletters|lettre d'information|magazine|chaîne|application|appli|app|compte|abonnement|podcast|story|stories|channel|account|briefing|newsroom|rédaction|journalisme|journalism|journalists|journalistes|reporters|reporting|numéro|issue|station|radio)` +
		`|(?:notre|nos|our)\s+(?:[\p{L}'-]+\s+){0,2}(?:site|page|pages|journal|édition|émission|community|communauté|paper|edition)|newsletters?|lettre d'information|(?:la|notre) lettre (?:mensuelle |hebdomadaire )?(?:de|d'|du|des)|un (?:courriel|e-?mail|mail) par (?:mois|semaine)|one e-?mail a (?:month|week)|l'édition (?:papier|numérique)|en kiosque|marchand de journaux|print edition|newsstands?)(?:$|[^\p{L}])|(?:rédaction|redaction|redac|newsroom|news|tips?|temoins?|témoins?|lecteurs|readers|letters|courrier|editors?|infos?|alertes?)[\p{L}0-9._+-]*@[\p{L}0-9-]+\.[\p{L}.]+`)
	// toReader is a word addressing the reader.
	toReader = regexp.MustCompile(`(?:^|[^\p{L}])(?:vous|votre|vos|you|your)(?:$|[^\p{L}])`)
	// pageNoticeRe is a notice about the page itself: its age, its access,
	// its sponsor, a relative time stamp.
	pageNoticeRe = regexp.MustCompile(`^(?:(?:this|the) (?:article|story|page) is (?:more than|over|at least) (?:a|an|one|two|three|\d+) (?:years?|months?) old` +
		// where the piece appeared in print: "This story appears in the winter issue of …"
		`|(?:this|the) (?:article|story|piece|interview|essay|feature) (?:appears|appeared|first appeared|was (?:first )?published|is published|ran) in (?:the|our|a) [^\n]{0,80}(?:issue|edition|print|magazine)[^\n]{0,60}` +
		`|(?:cet|cette|ce) (?:article|reportage|portrait|entretien|enquête|texte) (?:est paru|a paru|a été publiée?|est publiée?) dans (?:le|la|notre|l') [^\n]{0,80}(?:numéro|magazine|édition|hors-série|journal)[^\n]{0,60}` +
		`|(?:cet|cette) (?:article|page) (?:date|a été publiée? il y a) (?:de )?plus d'(?:un|une) (?:an|année|mois)|(?:cet|cette) (?:article|page) (?:date|a été publiée? il y a) (?:de )?plus de \d+ (?:ans|mois)` +
		`|(?:article )?réservé aux abonnés|(?:article |story )?for subscribers only|subscriber-only (?:article|story)|(?:sponsored|presented|brought to you) by [^.]{1,40}|(?:sponsorisé|présenté|proposé) par [^.]{1,40}` +
		`|comments are (?:now )?closed(?: (?:for|on) this (?:article|story|post))?|(?:tous nos articles|toute notre actualité|all our (?:coverage|stories|articles)) (?:sur|de|du|des|on|of|about) .{1,60}|il y a \d+ (?:minutes?|heures?|jours?|h|min)|\d+ (?:minutes?|hours?|days?|hrs?|mins?) ago|listen to (?:this|the) (?:article|story)(?: \d+:\d+| \d+ min(?:utes?)?)?|écouter (?:cet|l') ?article(?: \d+ min)?)$`)
)

// smallBoxCall reports whether n is a small box of two or three short
// lines (at most 30 words in all, no image, list, table or link but one)
// that, read together, are a call to the reader (readerCall): "Cet
// article vous a plu ?" / "Partagez-le avec vos proches."
func smallBoxCall(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	lines := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.P || c.DataAtom == atom.Div || c.DataAtom == atom.Span:
			if hasBlockChild(c) {
				return false
			}
			lines++
		default:
			return false
		}
	}
	if lines < 2 || lines > 3 || contains(n, atom.Img) || countAtom(n, atom.A, 2) > 1 {
		return false
	}
	if wordsOver(n, 30) {
		return false
	}
	raw := normText(n)
	return len(strings.Fields(raw)) <= 30 && readerCall(n, raw)
}

// roleRe is what an author card says of its author right after the name:
// "… est journaliste", "… is a reporter covering", "… covers".
var roleRe = regexp.MustCompile(`^,?\s*(?:(?:est|is|was|était|a rejoint|joined|has been)\b[^.]{0,40}?\b(?:journaliste|reporter|rédact(?:eur|rice)|correspondante?|chroniqueu(?:r|se)|éditorialiste|editor|writer|columnist|correspondent|contributor|photographe|photographer|critic|critique|journalist)|(?:covers|couvre|suit|writes|écrit)\b)`)

// authorCard reports whether n is an author's card: a small box of a
// portrait and one or two short paragraphs, the first opening on the
// name in bold or as a link, then what the author does ("… est
// journaliste", "… is a reporter covering …"). A figure's caption that
// opens on a name says where and when, not who writes.
func authorCard(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Footer:
	default:
		return false
	}
	if !contains(n, atom.Img) || contains(n, atom.Figcaption) || textLonger(n, 400) || countAtom(n, atom.P, 3) > 2 {
		return false
	}
	var first *html.Node
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil && first == nil; k = k.NextSibling {
			if k.Type == html.ElementNode && k.DataAtom == atom.P {
				first = k
				return
			}
			walk(k)
		}
	}
	walk(n)
	if first == nil {
		return false
	}
	lead := firstElement(first)
	if lead == nil || lead != first.FirstChild || (lead.DataAtom != atom.Strong && lead.DataAtom != atom.B && lead.DataAtom != atom.A) {
		return false
	}
	name := strings.Fields(textOf(lead))
	if len(name) < 2 || len(name) > 4 {
		return false
	}
	for _, w := range name {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	rest := strings.TrimSpace(strings.TrimPrefix(normText(first), strings.Join(name, " ")))
	return roleRe.MatchString(strings.ToLower(rest))
}

// readerCall reports whether a block of a few sentences is a call to the
// reader about the publication: one of its sentences opens on a verb
// calling to act, and it names the publication's article, newsletter,
// app, issue or the newsroom's address.
// Vocabulary alone is a weak signal: a quote, a list item or a heading is
// never one, and the block must stand alone, up to 30 words and three
// sentences.
func readerCall(n *html.Node, raw string) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span, atom.Section, atom.Small, atom.Em, atom.Strong:
	default:
		return false
	}
	if strings.ContainsAny(raw, "«»“”\"") || inBlockquote(n) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	var sentences []string
	start := 0
	for i, r := range low {
		if r == '.' || r == '!' || r == '?' {
			if s := strings.TrimSpace(low[start : i+1]); s != "" {
				sentences = append(sentences, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(low[start:]); s != "" {
		sentences = append(sentences, s)
	}
	if len(sentences) == 0 || len(sentences) > 3 || !artefactRe.MatchString(low) {
		return false
	}
	for _, st := range sentences {
		if callVerbRe.MatchString(st) {
			return true
		}
	}
	return false
}

// inBlockquote reports whether n is inside a <blockquote>.
func inBlockquote(n *html.Node) bool { return quoteOf(n) != nil }

// callBox reports whether n is a short box that ends on a call to act: its
// last link or button opens on a verb calling to act ("Give today", "Je
// deviens bénévole", "Subscribe") or names what the box asks for ("See
// subscription offers", "Nos formules d'abonnement"), and its text
// addresses the reader or names something of the publication ("Our
// journalists cover …"). At most 60 words and one paragraph
// of prose: an appeal, a subscription or volunteering box, not a text.
func callBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Footer:
	default:
		return false
	}
	if wordsOver(n, 60) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 60 || contains(n, atom.Table) || contains(n, atom.Pre) || proseParagraphs(n, 2) > 1 {
		return false
	}
	var last *html.Node
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && (k.DataAtom == atom.A || k.DataAtom == atom.Button) {
				last = k
				continue
			}
			if k.Type == html.TextNode && strings.TrimSpace(k.Data) != "" {
				last = nil // text after the last link: the box does not end on it
			}
			walk(k)
		}
	}
	walk(n)
	if last == nil {
		return false
	}
	lt := strings.ToLower(strings.ReplaceAll(normText(last), "’", "'"))
	if nl := len(strings.Fields(lt)); nl == 0 || nl > 5 || !callVerbRe.MatchString(lt) && !giftAskRe.MatchString(lt) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	return artefactRe.MatchString(low) || toReader.MatchString(low)
}

// sellVerbRe opens a call to buy or to give what a notice sells: "Offrez-la
// à Noël !", "Commandez-le dès maintenant !", "Get yours today!".
var sellVerbRe = regexp.MustCompile(`^(?:offrez|achetez|commandez|précommandez|procurez-vous|profitez|abonnez-vous|réservez|buy|order|pre-order|grab|give|get|treat|subscribe|book)(?:$|[^\p{L}])`)

// noticeLabelRe is the label a notice opens on: "Pensez-y :", "Bon
// plan :", "Don't forget:", "Gift idea:".
var noticeLabelRe = regexp.MustCompile(`^[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2}\s*:\s`)

// promoCodeRe is a discount with its code: "20% off … with the code
// ADVENT26", "avec le code NOEL26", "promo code SPRING".
var promoCodeRe = regexp.MustCompile(`(?:(?i:with|use|using|enter|apply)(?: (?i:the|my|our))? (?i:code|coupon|coupon code|promo code|discount code)|(?i:avec|grâce au|saisissez|utilisez)(?: (?i:le))? (?i:code|code promo|code de réduction)|(?i:code promo|promo code|coupon code|discount code)) :?\s?[A-Z][A-Z0-9]{3,}(?:$|[^\p{L}\p{N}])`)

// promoWord reports whether s holds "code" or "coupon" in any case, as
// every phrase of promoCodeRe does: most paragraphs need not run it.
func promoWord(s string) bool {
	low := strings.ToLower(s)
	return strings.Contains(low, "code") || strings.Contains(low, "coupon")
}

// salesNudge reports whether a paragraph is a sales notice set among the
// text: at most 45 words, its last sentence an exclamation of at most
// eight words opening on a call to buy or give (sellVerbRe), and the
// paragraph opening on a notice's label ("Pensez-y : la carte de pêche
// 2027 est en vente … Offrez-la à Noël !") or of at most 25 words; or
// a paragraph of at most 45 words giving a discount code (promoCodeRe:
// "… 20% off on Ravelry until Sunday with the code ADVENT26"). A text's
// sentences tell; they do not end on "Buy it!".
func salesNudge(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div:
	default:
		return false
	}
	if wordsOver(n, 45) {
		return false
	}
	if hasBlockChild(n) || inFigcaption(n) || inList(n) {
		return false // (an old layout's table holds the text itself: no inItem)
	}
	raw := normText(n)
	nw := len(strings.Fields(raw))
	if nw == 0 || nw > 45 {
		return false
	}
	if promoWord(raw) && promoCodeRe.MatchString(raw) {
		return true // a discount and its code: an offer, not the text
	}
	if !strings.HasSuffix(raw, "!") {
		return false
	}
	body := strings.TrimRight(strings.TrimSuffix(raw, "!"), " \u00a0")
	last := body
	if i := strings.LastIndexAny(body, ".!?…"); i >= 0 {
		last = body[i+1:]
	}
	last = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(last, "’", "'")))
	if lw := len(strings.Fields(last)); lw == 0 || lw > 8 || !sellVerbRe.MatchString(last) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(last); !unicode.IsLetter(r) {
		return false
	}
	return nw <= 25 || noticeLabelRe.MatchString(raw)
}

// helpUsRe asks the reader to help the publication: "Pour nous aider à
// imprimer …", "Aidez-nous", "Help us keep …", "To support our work".
var helpUsRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:pour nous (?:aider|soutenir)|aidez-nous|soutenez-nous|nous aider à|help us|to support (?:us|our (?:work|journalism|reporting|newsroom|paper))|keep us (?:going|independent|free))(?:$|[^\p{L}])`)

// helpUsAppeal reports whether a short paragraph (at most 30 words, no
// quote) is the publication's appeal for support: it asks the reader to
// help it (helpUsRe) and speaks of gifts, members or readers' support
// (appealWordRe), with or without a link ("La Gazette est un journal
// bénévole. Pour nous aider à imprimer le numéro papier, rendez-vous sur
// notre page de dons.").
func helpUsAppeal(n *html.Node, raw string) bool {
	if strings.ContainsAny(raw, "«»“”\"") || inBlockquote(n) || inItem(n) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	return helpUsRe.MatchString(low) && appealWordRe.MatchString(low)
}

// generosityRe thanks the reader for giving: "Merci de votre générosité",
// "Thank you for your generosity", "Merci pour vos dons".
var generosityRe = regexp.MustCompile(`(?i)(?:merci (?:de|pour) (?:votre|vos) (?:générosité|dons?|soutien)|thank you for (?:your )?(?:generosity|donations?|gifts?|support)|thanks for (?:your )?(?:generosity|donations?|support))`)

// quêteRe is a collection for the parish or the club: "une quête
// spéciale", "la collecte", "a collection", "the heating fund".
var quêteRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:quêtes?|collectes?|offrandes?|collections?|funds?|fundraising)(?:$|[^\p{L}])`)

// generosityAppeal reports whether a paragraph of at most 45 words, no
// quote, is an appeal for gifts closed by a thanks for them: it thanks
// the reader for giving (generosityRe) and speaks of gifts, members or a
// collection ("Quête pour le chauffage : … Une quête spéciale sera faite
// … Merci de votre générosité !").
func generosityAppeal(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div:
	default:
		return false
	}
	if wordsOver(n, 45) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 45 || hasBlockChild(n) || strings.ContainsAny(raw, "«»“”\"") || inBlockquote(n) {
		return false
	}
	low := strings.ToLower(raw)
	return generosityRe.MatchString(raw) && (appealWordRe.MatchString(low) || giftWordRe.MatchString(low) || quêteRe.MatchString(raw))
}

// leadCallBox reports whether a short box (at most 25 words) opens on a
// call to act, a link or a button of at most six words (callPhrase),
// followed by a sentence of its own with no link, the call's note ("<a>Send
// us a text</a> Questions for the next listener mailbag are always
// welcome."). A text's sentence that opens on a link goes on after it.
func leadCallBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.P, atom.Aside:
	default:
		return false
	}
	if wordsOver(n, 25) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 25 || inList(n) || inBlockquote(n) {
		return false
	}
	links := linksIn(n)
	first := firstWords(n)
	if first == nil || first.Parent == nil {
		return false
	}
	var call *html.Node
	for p := first.Parent; p != nil && p != n; p = p.Parent {
		if p.DataAtom == atom.A || p.DataAtom == atom.Button {
			call = p
		}
	}
	if call == nil || len(links) > 1 || len(links) == 1 && links[0] != call {
		return false
	}
	ct := normText(call)
	if nc := len(strings.Fields(ct)); nc == 0 || nc > 6 || !callPhrase(ct) || endsSentence(ct) {
		return false
	}
	rest := strings.TrimSpace(strings.TrimPrefix(raw, ct))
	r, _ := utf8.DecodeRuneInString(rest)
	return rest != "" && unicode.IsUpper(r) && endsSentence(rest)
}

// buttonBox reports whether n is a box built around a button made to be
// pressed (callStyled) that closes it, once the page's furniture is gone:
// besides the button at most 30 words in at most three lines (a title
// maybe), no image, list, table or figure, and the words address the
// reader: a question ("Un doute sur votre transmission ? …"), a title or
// a clause that opens on a call to act ("Join a volunteer day", "Objets
// encombrants : inscrivez-vous en ligne"), or "you" ("sur rendez-vous"
// says when, to no one). A box of practical details (times, a place, a
// price) does not speak to the reader; its button alone goes
// (loneCallButton).
func buttonBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if textLonger(n, 300) || contains(n, atom.Img) || contains(n, atom.Table) || contains(n, atom.Figure) || contains(n, atom.Ul) || contains(n, atom.Ol) || contains(n, atom.Pre) {
		return false
	}
	last := lastTextElement(n)
	if last == nil || !callStyled(last) || len(strings.Fields(normText(last))) > 7 {
		return false
	}
	rest := strings.TrimSpace(strings.TrimSuffix(normText(n), normText(last)))
	if nw := len(strings.Fields(rest)); nw == 0 || nw > 30 || countAtom(n, atom.P, 4) > 3 || len(linksIn(n)) > 1 {
		return false
	}
	if strings.Contains(rest, "?") || toReader.MatchString(strings.ReplaceAll(strings.ToLower(rest), "rendez-vous", "")) {
		return true
	}
	for _, clause := range clauseRe.Split(rest, -1) {
		if c := strings.ToLower(strings.TrimSpace(clause)); c != "" && (callVerbRe.MatchString(c) || callPhrase(c)) {
			return true
		}
	}
	return false
}

// clauseRe splits a box's words into its lines' clauses: after a colon,
// a dash, a full stop.
var clauseRe = regexp.MustCompile(`\s*(?:[:–—.!]\s+|\s-\s)`)
