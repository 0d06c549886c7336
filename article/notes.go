package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Notes a publication sets around a story about how the story reached
// the page or where to write about it, and the boxes that invite the
// reader to get the site's news on a phone: known by what they say of the
// page and by where they sit, never by a sentence of the story.

var (
	// autoSelfRe opens a line that speaks of the piece itself ("Cet
	// article", "Cette dépêche", "This story", "Article").
	autoSelfRe = regexp.MustCompile(`^(?:(?:cet|cette|ce|this|the) )?(?:article|dépêche|brève|contenu|texte|story|report|item|post|content|news item)s?(?:$|[^\p{L}])`)
	// autoPublishedRe is how a portal says a piece reached it untouched
	// from a wire or an agency's feed: published, generated or posted
	// automatically, from a syndicated feed, not edited by the newsroom.
	autoPublishedRe = regexp.MustCompile(`(?:publiée?s?|générée?s?|mise? en ligne|diffusée?s?|importée?s?|reprise?s?) automatiquement` +
		`|automatically (?:published|posted|generated|produced|imported)|(?:published|posted|generated|produced|imported) automatically|auto-?generated` +
		`|(?:from|via) (?:a|an|the|our) (?:syndicated|wire|agency|news agency|news service) feed|(?:du|d'un|depuis le|par le) (?:fil|flux) (?:d'agence|de dépêches|de l'agence|afp|reuters)` +
		`|has not been (?:edited|modified|reviewed|changed) by|n'a pas été (?:modifiée?|éditée?|relue?|retouchée?) par`)
)

// autoPublishedNote reports whether a short line (in titleForm) is a
// portal's note that the piece was published automatically from a wire
// or agency feed ("Cet article a été publié automatiquement. Sources :
// …", "This story was generated from a syndicated feed and has not been
// edited by our staff"): it opens on the piece itself and says how it
// was published. A sentence of a story that says something happens
// automatically opens on its own subject.
func autoPublishedNote(n *html.Node, t string) bool {
	if nw := len(strings.Fields(t)); nw > 40 || inBlockquote(n) || inItem(n) || strings.ContainsAny(t, "«»“”\"") {
		return false
	}
	return autoSelfRe.MatchString(t) && autoPublishedRe.MatchString(t)
}

// contactAskRe opens a line that tells where to send questions about the
// post: "Questions about … can be sent to", "For more information,
// contact", "Pour toute question, écrivez à", "Les questions peuvent
// être adressées à".
var contactAskRe = regexp.MustCompile(`^(?:(?:any |all |your )?questions?(?: or (?:comments?|concerns?|feedback))?(?: (?:about|on|regarding|concerning) [^.?!]{1,80})? (?:can|may|should|are to) be (?:sent|directed|emailed|e-mailed|addressed|submitted)` +
	`|(?:if you have|for|with) (?:any )?(?:further |more )?(?:questions?|comments?|concerns?)(?: (?:about|on|regarding) [^.?!]{1,80})?,? (?:please )?(?:contact|email|e-mail|write|call|reach|send|get in touch)` +
	`|(?:for|to request) (?:more|further|additional) information,? (?:please )?(?:contact|email|e-mail|write|call|visit)` +
	`|(?:please )?(?:send|direct|email|e-mail|address) (?:your |any |all )?(?:questions?|comments?|concerns?|feedback) (?:about [^.?!]{1,80} )?to` +
	`|pour (?:toute|toutes|tout|plus d'|de plus amples) ?(?:questions?|informations?|renseignements?|précisions?)(?: (?:sur|concernant|relatives? à) [^.?!]{1,80})?,? (?:écrivez|contactez|adressez-vous|envoyez|appelez|rendez-vous|consultez|vous pouvez)` +
	`|(?:les |vos |toutes les )?questions?(?: (?:sur|concernant|relatives? à) [^.?!]{1,80})? (?:peuvent|pourront|sont à) (?:être )?(?:adressées?|envoyées?|posées?|transmises?)` +
	`|(?:adressez|envoyez|posez|transmettez) (?:vos|toutes vos) (?:questions?|remarques?|demandes?))`)

// dropContactTail removes the line that ends the extracted text when it
// tells where to send questions about the post, with an e-mail address
// (a school district's "Questions about the new schedule can be sent to
// …", a council's "Pour toute question, écrivez à …"): the publisher's
// contact after the text, whatever else the line points to. A quote, a
// list item or a line without an address is the story's.
func dropContactTail(root *html.Node) {
	lines := textLines(root)
	if len(lines) < 3 {
		return
	}
	ln := lines[len(lines)-1]
	raw := normText(ln)
	if len(strings.Fields(raw)) > 60 || inItem(ln) || inBlockquote(ln) || strings.ContainsAny(raw, "«»“”\"") {
		return
	}
	if !contactAskRe.MatchString(titleForm(raw)) || !mailed(ln, raw) || ln.Parent == nil {
		return
	}
	ln.Parent.RemoveChild(ln)
}

// pressContactRe is the label a press release's contact line opens on:
// "Contact presse :", "Relations médias :", "Press contact:", "Media
// enquiries:".
var pressContactRe = regexp.MustCompile(`^(?:contacts? (?:presse|médias?|media)|relations? (?:presse|médias?)|service (?:de )?presse|attachée? de presse` +
	`|press (?:contacts?|office|enquiries|inquiries)|media (?:contacts?|enquiries|inquiries|relations))\s*:`)

// pressContact reports whether a line is a press release's contact for
// journalists given on one line: its label, then whom to call, with a
// phone number or an e-mail address ("Contact presse : Jeanne Roy,
// chargée de communication - 01 23 45 67 89"). A sentence of the text that
// names a press office opens on its own subject.
func pressContact(n *html.Node, raw string) bool {
	if len(strings.Fields(raw)) > 40 || inBlockquote(n) {
		return false
	}
	return pressContactRe.MatchString(titleForm(raw)) && addressRe.MatchString(raw)
}

// mailed reports whether a line gives an e-mail address: a mailto: link
// or an address in its text.
func mailed(n *html.Node, raw string) bool {
	for _, a := range linksIn(n) {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(attr(a, "href"))), "mailto:") {
			return true
		}
	}
	return strings.Contains(raw, "@") && addressRe.MatchString(raw)
}

var (
	// phonePromptRe is what a box says to get the site's news on a phone:
	// stay connected or informed, on your phone, the app.
	phonePromptRe = regexp.MustCompile(`(?:stay|keep|get) (?:connected|informed|in touch|notified|up to date)|restez (?:connectée?s?|informée?s?|au courant|en contact)` +
		`|(?:on|to) your (?:phone|mobile|smartphone|device|tablet)|sur (?:votre|ton) (?:téléphone|mobile|smartphone|portable|tablette)` +
		`|(?:the|our|notre|l'|votre) (?:app|application|appli)(?:$|[^\p{L}])`)
	// phoneNewsRe is what the prompt offers: news, alerts, notifications.
	phoneNewsRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:alerts?|notifications?|news|updates|alertes?|actualités?|actus?|infos?|informations|nouvelles)(?:$|[^\p{L}])`)
)

// phonePromptBox reports whether n is a "stay connected" box: a short box
// (at most 60 words, one paragraph at most) that offers the site's news
// or alerts on the reader's phone or in an app, and holds a link made to
// be pressed or a link alone closing it ("Stay connected. Get district news and alerts on your phone
// … <a class=btn>Set up …</a>", "Restez informés : les alertes de la
// mairie sur votre téléphone"). A paragraph of the story that names an
// app has no button.
func phonePromptBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if wordsOver(n, 60) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 60 || proseParagraphs(n, 2) > 1 || contains(n, atom.Table) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	if !phonePromptRe.MatchString(low) || !phoneNewsRe.MatchString(low) {
		return false
	}
	for _, a := range linksIn(n) {
		if callStyled(a) {
			return true
		}
	}
	// A link alone on its line closing the box is its button, whatever
	// its class ("fsStyleButton").
	last := lastTextElement(n)
	return contains(n, atom.Button) || last != nil && last.DataAtom == atom.A && wordCount(last) <= 6 && !inRunningText(last)
}
