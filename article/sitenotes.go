package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hashtagsOnly reports whether a line is a row of hashtags and nothing
// else ("#RepairCafe #Wisbech #Fens", a Write.as post's "#numérique
// #quotidien"): the post's tags, not its text. The mark may stand in an
// element of its own, its word in the next ("# numérique").
func hashtagsOnly(raw string) bool {
	ws := strings.Fields(raw)
	tags := 0
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if w == "#" && i+1 < len(ws) {
			i++
			w = "#" + ws[i]
		}
		if !hashtagRe.MatchString(w) {
			return false
		}
		tags++
	}
	return tags > 0
}

// hashtagRe is one hashtag: "#" and a word that opens on a letter.
var hashtagRe = regexp.MustCompile(`^#\p{L}[\p{L}\p{N}_-]*[,.]?$`)

// tagUsRe asks the reader to tag or mention the publication on a social
// network: "Mentionnez @cahier ou taguez #cahier sur Instagram !", "Tag
// @ourbakery on Instagram", "Partagez vos photos avec #monjardin".
var tagUsRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:mentionnez|identifiez|taguez|taggez|tague[sz]?-(?:moi|nous)|identifiez-(?:moi|nous)|partagez vos (?:photos|réalisations|créations)|tag|mention|share your (?:photos|makes|bakes|results))(?:-(?:moi|nous))? [^.!?]{0,40}[@#][\p{L}\p{N}_]`)

// tagUsLine reports whether a short line (at most 25 words, in
// titleForm) asks the reader to tag the publication: tagUsRe with a
// handle or hashtag in it.
func tagUsLine(t string, nw int) bool {
	return nw <= 25 && strings.ContainsAny(t, "@#") && tagUsRe.MatchString(t)
}

// writeMeRe is a personal page's invitation to write to its author:
// "Écrivez-moi", "contactez-moi", "write to me", "drop me a line".
var writeMeRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:écrivez-moi|écris-moi|contactez-moi|contacte-moi|write to me|e-?mail me|contact me|drop me a line)(?:$|[^\p{L}])`)

// writeMeBox reports whether a line (raw, and t its titleForm) of at
// most 30 words asks the reader to write to the page's author and gives
// the address, in its text or as a mailto: link: the box an old personal
// page sets among its text ("Avis aux collectionneurs ! Je recherche …
// Écrivez-moi : …@wanadoo.fr"). A paragraph of the text that invites
// letters gives no address.
func writeMeBox(n *html.Node, raw, t string, nw int) bool {
	return nw <= 30 && writeMeRe.MatchString(t) && (contactRe.MatchString(raw) || mailed(n, raw))
}

// feedFollowRe is the notice an old blog theme writes under a post
// (WordPress' Kubrick "postmetadata"): "You can follow any responses to
// this entry through the RSS 2.0 feed", "Vous pouvez suivre les réponses à
// cet article par le fil RSS 2.0", "… or trackback from your own site".
var feedFollowRe = regexp.MustCompile(`(?:follow any responses to this (?:entry|post)|suivre les réponses à cet (?:article|billet)|trackback from your own site|faire un trackback depuis votre (?:propre )?site|both comments and pings are currently closed|les commentaires et les pings sont (?:actuellement )?fermés)`)

// feedFollowNote reports whether a block of at most 80 words, no
// paragraph of prose in it, holds feedFollowRe: the post's metadata and
// its feed and trackback notice, furniture whole.
func feedFollowNote(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Small, atom.Footer:
	default:
		return false
	}
	if wordsOver(n, 80) || proseParagraphs(n, 1) > 0 {
		return false
	}
	return feedFollowRe.MatchString(strings.ToLower(strings.ReplaceAll(normText(n), "’", "'")))
}

// newOnSiteRe opens an old site's notice of its own new page, set among
// a text: "Nouveau : <a>les photos de la fête</a> !", "New: <a>the 1950
// album</a>" (in titleForm; the line mostly its link).
var newOnSiteRe = regexp.MustCompile(`^(?:nouveau|nouveauté|nouvelle page|new|just added|new page) ?: `)

// channelCallRe opens a line sending the reader to the maker's channel
// on a platform: "Wishlist Cinder Road on Steam …", "Join the … Discord to
// get playtest builds", "Rejoignez notre serveur Discord", "Join our
// Telegram channel" (in titleForm; the line holds its link).
var channelCallRe = regexp.MustCompile(`^(?:wishlist|add [^.!?]{1,40} to your wishlist|join|rejoignez|rejoins|rejoindre|abonnez-vous à|subscribe to|follow) (?:[^.!?]{0,50} )?(?:on |sur )?(?:steam|discord|telegram|whatsapp|slack|signal|twitch|youtube)(?:$|[^\p{L}])`)

// issueNumberRe is the number of an issue of a newsletter or bulletin:
// "n° 47", "No. 112", "Issue 47", "numéro 12", "#47".
var issueNumberRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:n°|nº|no\.|issue|numéro|edition|édition|#) ?[0-9]{1,4}(?:$|[^0-9])`)

// publicationWordRe names a periodical: "lettre", "bulletin", "issue".
var publicationWordRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:lettres?|bulletins?|newsletters?|gazettes?|journal|magazines?|revues?|feuilles?|issues?|numéros?|éditions?|editions?)(?:$|[^\p{L}])`)

// issueLine reports whether a line of at most 16 words (raw) names an
// issue of a publication and its date: the masthead line of a newsletter
// or a bulletin ("La Lettre n° 47 · Décembre 2026", "Lettre des Amis de
// la chapelle - n° 47 - novembre 2026", "Issue 47 – December 2026"),
// with no sentence in it.
func issueLine(raw string, nw int) bool {
	if nw > 16 || endsSentence(raw) || !issueNumberRe.MatchString(raw) || !publicationWordRe.MatchString(strings.ToLower(raw)) {
		return false
	}
	months, years := 0, 0
	for _, w := range foldWords(raw) {
		switch {
		case monthRe.MatchString(w):
			months++
		case len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && isDigits(w):
			years++
		}
	}
	return months > 0 && years > 0
}

// availableRe says a publication of the publisher's is out: "Le bulletin
// municipal n° 42 est disponible en mairie", "The winter newsletter is
// now available online" (in titleForm).
var availableRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:bulletin|journal|magazine|lettre|newsletter|programme|gazette)[^.!?]{0,40} (?:est|sont) (?:disponibles?|en ligne|téléchargeables?)|(?:^|[^\p{L}])(?:newsletter|bulletin|magazine|issue|gazette|programme)[^.!?]{0,40} (?:is|are) (?:now )?(?:available|out|online)`)

// availabilityNotice reports whether a line of at most 30 words tells
// that an issue of the publisher's bulletin is out, with its number or a
// link to it: the site's notice, not the text.
func availabilityNotice(n *html.Node, t string, nw int) bool {
	return nw <= 30 && availableRe.MatchString(t) && (issueNumberRe.MatchString(t) || contains(n, atom.A))
}

// pressBox reports whether n is a press release's contact box: a heading
// naming the press contact ("Media enquiries", "Contact presse", as
// pressContactRe without its colon), then at most 40 words giving a phone
// number or an e-mail address, nothing else.
func pressBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.P:
	default:
		return false
	}
	h := firstElement(n)
	if h == nil || !isHeadingLike(h) || wordsOver(n, 45) {
		return false
	}
	if !pressContactRe.MatchString(titleForm(textOf(h)) + " :") {
		return false
	}
	rest := strings.TrimSpace(strings.TrimPrefix(normText(n), normText(h)))
	return rest != "" && len(strings.Fields(rest)) <= 40 && addressRe.MatchString(rest)
}

// madeWithRe opens an old page's note on the tool it was made with: "Page
// réalisée avec Microsoft Word 97 – meilleure lecture en 800 x 600", "Site
// créé avec Netscape Composer", "This page was made with Notepad" (in
// titleForm; a subheading "Built with volunteers" names no page).
var madeWithRe = regexp.MustCompile(`^(?:(?:cette |ce )?(?:page|site)(?: web| internet)? (?:réalisée?|créée?|conçue?|faite?|construite?|fabriquée?) (?:avec|sous|grâce à)|(?:this )?(?:page|site|website|web site) (?:was )?(?:made|built|created|designed) (?:with|using|in)) `)

// builderCreditRe is a site builder's credit closing a line, after the
// publisher's name or alone: "© Transit Branch 4471. Made with Carrd",
// "Créé avec Webnode", "Site propulsé par Jimdo" (the tool's name
// capitalised: "Made with local flour" names no tool).
var builderCreditRe = regexp.MustCompile(`(?:^|^©? ?[^.!?]{1,60}[.·|–-] )(?i:made|built|created|créée?|réalisée?|fait|conçue?|(?:site )?propulsé) (?i:with|on|using|avec|par) \p{Lu}[\p{L}\p{N}.-]*$`)

// duesReminderRe is a club's reminder of its dues, set as a line: "N'oubliez
// pas : cotisation 1999 à 50 F par famille", "Reminder: membership
// renewals are due by 31 January" (in titleForm); "Rappel : l'adhésion
// de la commune date de 2014" is the text's.
var duesReminderRe = regexp.MustCompile(`^(?:n'oubliez pas|rappel|pensez à|don't forget|reminder|please remember)\s*:?\s.{0,80}(?:cotisations?|réadhésions?|renouvel\p{L}* (?:votre|de votre|son|de son|l'|de l')adhésion|membership (?:fees?|renewals?|dues)|dues|renewals?)(?:$|[^\p{L}])`)

// reactionLineRe is a reader's reaction listed under a post: "fiberfoxes
// liked this", "woolgatherings reblogged this from hollowpineknits and
// added: …", "marie_l a aimé ce billet".
var reactionLineRe = regexp.MustCompile(`^[\p{L}\p{N}_.-]+ (?:liked|reblogged|reposted|shared|posted) this\b|^[\p{L}\p{N}_.-]+ (?:a aimé|a partagé|a reblogué|a repris) (?:ceci|ça|ce billet|cette publication|ce message)\b`)

// reactionLine reports whether a line is a reader's reaction listed
// under a post: reactionLineRe, the reader's name a link opening the
// line ("<a>fiberfoxes</a> liked this"; "Everyone liked this version"
// is the text's).
func reactionLine(n *html.Node, raw string, nw int) bool {
	if nw > 20 || !reactionLineRe.MatchString(raw) {
		return false
	}
	first := firstElement(n)
	return first != nil && first.DataAtom == atom.A && strings.HasPrefix(raw, normText(first)+" ")
}

// memberCallRe is a club's call to join it, set as a line: "Vous aimez le
// ciel ? Adhérez au club : 15 euros par an !", "Become a member", "Join
// the club", "Not a member yet? Join the branch" (a union's; in
// titleForm), opening the line or after a question.
var memberCallRe = regexp.MustCompile(`(?:^|[?!] )(?:adhérez|adhère|rejoignez(?:-nous| le club| l'association| notre club| notre association| le syndicat| notre syndicat| la section| notre section)|devenez (?:membre|adhérente?)|become a member|join (?:us|the club|our club|the society|the branch|our branch|the union|our union|the association))(?:$|[^\p{L}])`)

// contributedRe is a wire story's line naming who else reported it:
// "Associated Press writer … contributed to this report", "… a contribué à
// cet article" (in titleForm). Furniture, as the byline is.
var contributedRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:contributed (?:reporting )?to this (?:report|story|article)|(?:a|ont) contribué à cet (?:article|reportage))(?:$|[^\p{L}])`)

// onSaleRe is a notice of where the reader buys something, under its
// label: "Cartes de pêche 2001 : en vente au café du Pont, …", "Tickets:
// on sale at the library" (in titleForm; a label of at most six words
// and its colon, then the places).
var onSaleRe = regexp.MustCompile(`^(?:[\p{L}\p{N}'-]+ ){0,5}[\p{L}\p{N}'-]+ ?: (?:en vente|vendus?|vendues?|disponibles?) (?:au|aux|à|chez|dans|en|sur)(?:$|[^\p{L}])|^(?:[\p{L}\p{N}'-]+ ){0,5}[\p{L}\p{N}'-]+ ?: (?:on sale|available|sold) (?:at|from|in)(?:$|[^\p{L}])`)

// guestbookRe is an old personal page's guestbook line: "Signez mon livre
// d'or !", "Signer le livre d'or - Lire le livre d'or", "Sign my
// guestbook", "Un petit mot sur la course ? Laissez-le dans notre livre
// d'or !" (in titleForm).
var guestbookRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:(?:signez|signer|signe|lire|lisez|sign|read|view) (?:mon |notre |le |my |our |the )?|(?:laissez|laisser|écrivez|write|leave)[\p{L}'-]* (?:it |one |un (?:petit )?mot |a (?:note|message|word) )?(?:dans|sur|in|on) (?:mon |notre |le |my |our |the ))(?:livre d'or|guestbook)(?:$|[^\p{L}])`)

// constructionRe is an old page's notice that it is not finished: "Page
// en construction ! Les photos arrivent bientôt", "Cette rubrique est en
// construction", "Site under construction" (in titleForm).
var constructionRe = regexp.MustCompile(`^(?:(?:cette )?(?:page|site|rubrique|section) (?:est )?)?(?:en construction|en travaux|under construction)(?:$|[^\p{L}])|^(?:this )?(?:page|site|section) (?:is )?under construction(?:$|[^\p{L}])`)

// writtenByRe opens a line saying who wrote the page's text, after it:
// "Texte écrit par les élèves de la classe de …", "Compte rendu rédigé
// par …", "Compte rendu publié par le bureau", "Text written by …" (in
// titleForm). A byline, signed at the end.
var writtenByRe = regexp.MustCompile(`^(?:texte|article|page|compte rendu|reportage) (?:écrit|rédigé|réalisé|préparé|publié)e?s? par |^(?:text|article|page|report) (?:written|prepared|published) by `)

// creditStubRe is the opening of a platform's credit line left alone, the
// platform's name in a link beside it: "Made with", "Powered by",
// "Propulsé par", "Créé avec".
var creditStubRe = regexp.MustCompile(`^(?:made|built|created|powered|designed|hosted|proudly powered) (?:with|by|on|using)$|^(?:propulsée?|créée?|réalisée?|faite?|conçue?|hébergée?|fièrement propulsée?) (?:par|avec|sur)$`)

// textByRe is a line naming who wrote the text, the name capitalised:
// "Texte de Jeanne Coulon, secrétaire de l'amicale.", "Texte : Odile
// Guérin", "Compte rendu de Gérard, le 14 juin 2001", "Compte rendu par
// Martine Grenard, le 30 janvier 2000", "Text by Jane Hale" ("Texte de loi
// …" names no one); or a date, then the byline ("20.11.2026 par Service
// de presse").
var textByRe = regexp.MustCompile(`^(?i:textes?|texte et photos|photos et texte|compte rendu|reportage|text|words|report|text and photos|words and pictures)\s*(?:de |d'|d’|: ?|by |par )\p{Lu}\p{Ll}+(?: \p{Lu}|,? (?:le |on )?[0-9])` +
	// a date, then the byline: "20.11.2026 par Service de presse"
	`|^(?:[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}|[0-9]{4}-[0-9]{2}-[0-9]{2})(?: [0-9]{1,2}[:h][0-9]{2})?,? (?i:par|by) \p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,4}$`)

// stayInformedRe opens a box signing the reader up for the publisher's
// alerts: "Stay informed: Sign up for Public Works alerts …", "Restez
// informés : inscrivez-vous aux alertes …" (in titleForm).
var stayInformedRe = regexp.MustCompile(`^(?:stay informed|stay up to date|keep up to date|restez informée?s?|restez au courant|tenez-vous informée?s?) ?: (?:sign up|subscribe|register|get|inscrivez-vous|abonnez-vous|recevez)(?:$|[^\p{L}])`)
