package article

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The furniture preclean recognises by what a block says rather than by
// its class: page furniture a CMS writes in the article's own container,
// with class names of no help (hashed, generic or none). Each rule judges a
// whole short block, never a sentence of the text that merely contains the
// phrase.

var (
	// dateLeadRe opens a publication or update line: "Mis à jour le",
	// "Publié le … – Modifié le …", "Last updated:".
	dateLeadRe = regexp.MustCompile(`^(?:(?:article |page )?(?:publié|publiée|paru|parue|mis en ligne|mise en ligne|mis à jour|mise à jour|dernière mise à jour|modifié|modifiée|actualisé|actualisée|édité)` +
		`|(?:page )?(?:first |last )?(?:published|updated|modified|posted|edited|reviewed)|last update|next review(?: due)?|review due|prochaine (?:révision|mise à jour)|date de (?:publication|mise à jour)|dernière (?:modification|révision|édition))(?:$|[^\p{L}])`)
	// dateWordRe: the words a date line is made of besides digits.
	dateWordRe = regexp.MustCompile(`^(?:le|la|les|du|au|à|a|h|min|le|on|at|in|de|et|and|the|gmt|utc|cet|cest|bst|est|edt|pst|am|pm|er|st|nd|rd|th|il|y|ago|hours?|minutes?|days?|heures?|jours?|ans?|since|depuis|today|yesterday|aujourd|hui|hier|` +
		`lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|` +
		`janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|avr|juil|sept|oct|nov|déc|` +
		`january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|dec)$`)
	// feedbackRe opens a "was this page useful?" prompt.
	feedbackRe = regexp.MustCompile(`^(?:(?:cette page|cet article|ces informations|cette information|ce contenu|cette réponse|cette fiche|ce guide) (?:vous )?(?:a|ont)-t-(?:il|elle|ils|elles) (?:été )?(?:utiles?|aidée?s?|plu|intéressée?s?)` +
		`|avez-vous trouvé (?:cette|cet|ces|ce) |(?:donnez|partagez) (?:votre|nous votre) avis|votre avis nous|aidez-nous à améliorer` +
		`|(?:was|is|were) (?:this|the|these) (?:page|article|information|content|answer|post|guide|story|tips?)? ?(?:helpful|useful)` +
		`|did you find (?:this|the|these) .{0,30}(?:helpful|useful)|how (?:useful|helpful) (?:was|is|did)|rate this (?:article|page|story|post)|your feedback helps|help us improve)`)
	// ratingRe: a readers' rating, "Note des lecteurs : 4,2/5 (318 votes)".
	ratingRe = regexp.MustCompile(`^(?:note|notre note|note des lecteurs|note moyenne|avis des lecteurs|rating|average rating|readers' rating|reader rating)\s*:?\s*[0-9]+(?:[.,][0-9]+)?\s*/\s*(?:5|10|20|100)\b(?:\s*\(?[0-9  ]+\s*(?:votes?|avis|ratings?|reviews?)\)?)?$`)
	// readTimeRe: "Temps de lecture : 9 min", "7 min read".
	readTimeRe = regexp.MustCompile(`^(?:(?:temps|durée) de lecture|lecture|reading time|read time|time to read)\s*:?\s*(?:environ |about |approx\.? )?[0-9]+\s*(?:min|mn|minutes?)$|^[0-9]+\s*(?:min|mn|minutes?)(?: de lecture| read| reading| à lire| to read)$`)
	// fileRefRe is the type and size of a file a link downloads: "(PDF,
	// 3,2 Mo)", "[DOCX - 45 KB]".
	fileRefRe = regexp.MustCompile(`(?i)[(\[]\s*(?:pdf|docx?|odt|ods|odp|xlsx?|csv|pptx?|zip|epub|mp3|rtf)\s*[,;:–—-]?\s*[0-9]+(?:[.,][0-9]+)?\s*(?:ko|mo|go|kb|mb|gb|kio|mio|octets|bytes)\s*[)\]]`)
	// starsRe is a rating in stars: "Notre avis : ★★★★☆".
	starsRe = regexp.MustCompile(`^(?i:[\p{L}'’ ]{0,30}(?:note|avis|rating|verdict|score)[\p{L}'’ ]{0,30}:?\s*)?[★☆✩✪⭐✭✮½]{3,10}(?:\s*\(?[0-9]+(?:[.,][0-9])?\s*/\s*(?:5|10)\)?)?$`)
	// tagLabelRe opens a line of tags: "Mots-clés :", "Tagged:".
	tagLabelRe = regexp.MustCompile(`^(?:mots[- ]clés|mots clefs|tags?|étiquettes?|thèmes?|sujets?|topics?|tagged(?: with| in| as)?|filed under|catégories?|categories|category|classé dans|publié dans|posted in|related topics|sujets liés)\s*:`)
	// timeTokRe: a time or an ordinal written as one word, "14h05",
	// "10am", "1er", "21st".
	timeTokRe = regexp.MustCompile(`^[0-9]{1,4}(?:h|am|pm|er|st|nd|rd|th|mn)[0-9]{0,2}$`)
	// counterRe: the counter of a slide show, "3 / 12", or of likes,
	// "1.2K".
	counterRe = regexp.MustCompile(`^[0-9]+ ?(?:/|sur|of) ?[0-9]+$|^[0-9]+(?:[.,][0-9]+)? ?[km]$`)
	// adLineRe: the label of an ad slot.
	adLineRe = regexp.MustCompile(`^(?:publicité|pub|annonce|contenu sponsorisé|sponsorisé|advertisement|advertising|ad|sponsored(?: content)?|` +
		`(?:story|article) continues below(?: (?:this )?(?:advertisement|ad))?|continue reading below|(?:la )?suite (?:de l'article |de cet article )?(?:après|sous) (?:la |cette )?publicité` +
		// the legal line of a gambling advertisement
		`|(?:18|21)\+?(?: only)?(?: [|·-])? (?:please )?(?:bet|gamble|play) responsibly(?: [^\n]{0,40})?|(?:please )?(?:bet|gamble|play) responsibly|begambleaware(?:\.org)?|when the fun stops,? stop` +
		`|jouer comporte des risques[^\n]{0,160}|les jeux d'argent sont interdits aux mineurs[^.]{0,40}|interdit aux moins de 18 ans` +
		// the legal line of an alcohol advertisement
		`|l'abus d'alcool est dangereux pour la santé[^\n]{0,80}|(?:please )?(?:drink|enjoy) responsibly(?: [^\n]{0,60})?|à consommer avec modération)$`)
	// premiumMarkRe is the label that marks a story kept for subscribers
	// or members, written alone in its element beside the headline or a
	// teaser's title: "Abo+" ("+" is gone in titleForm), "Abonnés",
	// "Premium", "Subscriber exclusive". Inside a sentence the words are
	// the text's (inRunningText).
	premiumMarkRe = regexp.MustCompile(`^(?:abo|abo plus|abonnés|réservé aux abonnés|pour les abonnés|exclusivité abonnés|exclusif abonnés|contenu abonnés|article abonnés|premium|contenu premium|article premium|` +
		`subscriber exclusive|subscribers? only|for subscribers|subscriber content|members? only|members? exclusive)$`)
	// rightsRe: a copyright notice.
	rightsRe     = regexp.MustCompile(`all rights reserved|tous droits réservés|reproduction(?: [\p{L}'’]+){0,4} interdite|reproduction (?:strictly )?(?:prohibited|forbidden)|may not be (?:published|reproduced|redistributed)`)
	rightsHeadRe = regexp.MustCompile(`^(?:©|\(c\)|copyright)\s*(?:[0-9]{4}|©|[^.!?0-9]{1,40}(?:19|20)[0-9]{2}(?:$|[^0-9]))`)
	// creditRe is one credit of a line of credits, "Réalisation : Pierre
	// Albin", "photos by Ana Ruiz", or a newsroom's initials after the
	// colon, "Adaptation web : fgn".
	creditRe = regexp.MustCompile(`^` + creditRoles + `(?:\s+(?i:et|and|&)\s+` + creditRoles + `)?` +
		`(?:(?:\s*:\s*|\s+(?i:par|by|de)\s+)\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|du|van|von|et|and|&)){0,4}|\s*:\s*\p{Ll}{2,4})$`)
	// breadcrumbRe opens a breadcrumb line.
	breadcrumbRe = regexp.MustCompile(`^(?:vous êtes ici|vous etes ici|you are here|fil d'ariane)\b`)
	// toolRe is one button of a row of page tools: "Imprimer | Envoyer
	// par e-mail | Commenter".
	toolRe = regexp.MustCompile(`^(?:imprimer|print|e-?mail|mail|courriel|envoyer(?: par (?:e-?mail|courriel|mail)| à un ami| cet article)?|email (?:this|to a friend)|send(?: to a friend)?|` +
		`partager|share|commenter|comment|réagir|rss|pdf|télécharger(?: en pdf| le pdf)?|download|save|enregistrer|sauvegarder|bookmark|favoris|ajouter aux favoris|` +
		`copier le lien|copy link|copy|copier|lien|link|permalink|` + socialNames + `|a\+|a-|taille du texte|text size|listen|écouter|offrir(?: cet article)?|gift(?: this article)?)$`)
	// ctaRe opens a call to the reader that a CMS box puts in the text:
	// "Vous aimez ces carnets ? Abonnez-vous …", "New here? Check our
	// events page …", "Enjoying this post? Subscribe …", "S'abonner à ce
	// blog pour recevoir les prochains billets par e-mail".
	ctaRe = regexp.MustCompile(`^(?:(?:new here|nouveau ici|nouvelle ici|première visite|first time here)\s*\?` +
		`|(?:abonnez-vous|inscrivez-vous|s'abonner|s’abonner|s'inscrire|suivez-nous|soutenez-nous|rejoignez-nous|subscribe|sign up|follow us|support us|join us)\b[^.!?]{0,80}(?:newsletter|lettre d'information|boîte (?:aux lettres|mail|de réception)|inbox|by e-?mail|par (?:e-?mail|courriel)|notre journalisme|our journalism|independent journalism)` +
		`|check (?:out )?our [^.!?]{1,30}(?:page|newsletter|events|calendar|archive)` +
		// a call to buy or book in the publisher's shop: "👉 Réservez votre
		// bûche en deux clics sur notre boutique en ligne"
		`|(?:réservez|commandez|achetez|offrez)\b[^.!?]{0,60}\b(?:sur|dans|en|à|via) (?:notre|la) (?:boutique|e-boutique|billetterie|épicerie)(?: en ligne)?` +
		`|(?:book|order|buy)\b[^.!?]{0,60}\b(?:from|in|on|at|through) our (?:online )?(?:shop|store|box office)` +
		// a free article's offer: "Cet article vous est offert … abonnez-vous"
		`|(?:cet article vous est offert|cet article est (?:en accès libre|gratuit)|(?:this|the) (?:article|story) is free(?: to read)?|you(?:'re| are) reading a free (?:article|story))[^\n]{0,200}(?:abonn|subscri)` +
		// app and notification prompts
		`|(?:suivez|follow|ne manquez|don't miss|never miss)[^.!?]{0,60}(?:activez|téléchargez|turn on|enable|download|get)[^.!?]{0,30}(?:notifications?|alertes?|alerts?|application|appli|app)` +
		`|(?:activez|turn on|enable) (?:les |the |our )?(?:notifications|alertes|alerts)|(?:téléchargez|download|get) (?:l'|notre |our |the )(?:application|appli|app)\b` +
		// the app named by the site: "Download the KRVT 9 News app for
		// breaking news alerts"
		`|(?:téléchargez|download|get|installez|install) (?:l'|notre |our |the )(?:[\p{L}0-9'&.-]+ ){1,4}(?:application|appli|app)\b[^.!?]{0,40}(?:alerts?|alertes?|notifications?|breaking|news|infos?|actualités?|direct|live)` +
		`|(?:téléchargez|installez) (?:l'|notre )(?:application|appli)\b[^.!?]{0,60}(?:alertes?|notifications?|infos?|actualités?|direct))`)
	// ctaAskRe is a question to the reader about the site itself ("Vous
	// aimez nos pages locales ?", "Enjoying Bay Weekly?") and ctaCallRe
	// the call that must follow it in the same box.
	ctaAskRe = regexp.MustCompile(`^(?:vous (?:aimez|appréciez) (?:ces|cet|cette|ce|nos|notre|nous lire)|vous avez (?:aimé|apprécié) (?:cet|cette|ce)|enjoy(?:ing|ed)? |like (?:this|what you (?:read|see))|want (?:more|to read more)|envie d'en (?:lire|savoir) plus` +
		`|(?:ce|cet|cette) [\p{L}-]+ vous a (?:plu|intéressée?|passionnée?)|(?:did you )?(?:like|love|enjoy) this (?:story|article|post|piece|report|portfolio|gallery|series)` +
		`|(?:want|would you like|fancy) to [\p{L}' -]{1,30} with us|envie de [\p{L}' -]{1,30} avec nous)[^?]{0,40}\?`)
	ctaCallRe = regexp.MustCompile(`(?:abonnez-vous|inscrivez-vous|suivez-nous|soutenez-nous|rejoignez-nous|faites un don|subscribe|sign up|follow us|support us|join us|donate|become a (?:member|subscriber)` +
		`|find out how to (?:join|volunteer|help|get involved)|découvrez comment (?:adhérer|participer|nous rejoindre)` +
		`|en vente (?:chez|en kiosque|dans)|disponible (?:chez|en kiosque|en librairie)|notre (?:édition papier|hors-série|magazine)|commandez|buy (?:the|our|a copy)|order (?:the|our|a copy)|on sale (?:now|at|in))`)
	// reuseRe is the rights tool of an article: "Réutiliser ce contenu",
	// "Republish this story", "Reprints & permissions".
	reuseRe = regexp.MustCompile(`^(?:réutiliser (?:ce|cet) (?:contenu|article)|reproduire (?:ce|cet) (?:contenu|article)|droits de reproduction|reuse (?:this )?(?:content|article|story)|republish (?:this|our) (?:story|article|content)` +
		`|reprints?(?: (?:and|&) permissions)?|licen[cs]e (?:this|our) (?:content|story|article)|demander (?:une|l') autorisation de reproduction)`)
	// emailFurnitureRe opens a line of an e-mail newsletter's web version:
	// "View this email in your browser", "You're receiving this because …",
	// "Unsubscribe · Update your preferences".
	emailFurnitureRe = regexp.MustCompile(`^(?:view (?:this|the) (?:e-?mail|newsletter|message) (?:in|on) (?:your|a|the) (?:web )?browser|view (?:it )?online|having trouble (?:viewing|reading) this` +
		`|voir (?:cet e-?mail|ce message|la newsletter|la lettre) (?:dans (?:votre|le|un) navigateur|en ligne)|version en ligne|si ce message ne s'affiche pas` +
		`|you(?:'re| are) receiving this (?:e-?mail |message |newsletter )?because|vous recevez (?:cet e-?mail|ce message|cette (?:lettre|newsletter))` +
		`|unsubscribe|se désinscrire|se désabonner|désinscription|update your (?:e-?mail )?preferences|manage (?:your )?subscription|gérer (?:vos|mes) (?:préférences|abonnements))(?:$|[^\p{L}])`)
	// affiliateRe is an affiliate disclosure: "… we may earn an affiliate
	// commission", "nous pouvons percevoir une commission".
	affiliateRe = regexp.MustCompile(`(?:we|nous|the site|le site) (?:may |might |can |pouvons |peut )?(?:earn|receive|get|percevoir|toucher|recevoir) (?:a |an |une )?(?:small )?(?:affiliate |d'affiliation )?commission` +
		`|(?:liens|links?) (?:d'affiliation|affiliés?|affiliate)|affiliate links?|reader-supported\. when you buy|liens? partenaires?|liens? sponsorisés?|partner links?|sponsored links?|paid links?`)
	// acceptRe is the accept button of a consent box.
	acceptRe = regexp.MustCompile(`^(?:accepter(?: et (?:fermer|continuer))?|tout accepter|j'accepte|accepter tout|ok|d'accord|refuser(?: tout)?|tout refuser|continuer sans accepter|paramétrer|personnaliser|gérer (?:mes|les) (?:choix|préférences|cookies)|` +
		`accept(?: all| cookies| and close)?|i accept|agree|i agree|reject(?: all)?|decline|manage (?:preferences|cookies|options|settings)|cookie settings|customi[sz]e)$`)
)

// creditRoles are the roles of a line of credits, a broadcaster's among
// them: the piece aired on the radio or television and its adaptation for
// the web ("Sujet radio : …", "Adaptation web : …", "TV report: …").
const creditRoles = `(?i:reportage|réalisation|texte|textes|photos?|photographies?|vidéos?|montage|infographies?|illustrations?|édition|mise en page|production|rédaction|propos recueillis|enquête|son|mixage|` +
	`sujet (?:radio|tv|télé|télévision|tj)|adaptation (?:web|numérique|pour le web)|version web|` +
	`words|text|pictures|photography|photographs?|editing|edited|video|graphics|design|produced|producer|reporting|additional reporting|sound|illustration|` +
	`(?:radio|tv|television|video) (?:report|story|piece)|web (?:adaptation|version|editing|production)|adapted for (?:the )?web)`

const socialNames = `facebook|twitter|x|linkedin|whatsapp|pinterest|bluesky|mastodon|telegram|reddit|threads|messenger|flipboard|pocket|tumblr|hacker news`

// lineChrome reports whether the element, a block of a few words with no
// block inside, is a line of page furniture by what it says: a
// publication or update date, a "was this useful?" prompt or a rating, a
// reading time, a line of tags, a breadcrumb, a row of page tools, or a
// time stamp alone. The whole text of a data table's cell is the table's
// (dataCellLine).
func lineChrome(n *html.Node) bool {
	if hasBlockChild(n) || n.DataAtom == atom.Img || findFirst(n, pictureImg) != nil || dataCellLine(n) {
		return false // (a line with an icon is still a line: "<img nouveau.gif> Nouveau : …")
	}
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span, atom.Li, atom.Header, atom.Footer, atom.Time, atom.Small, atom.Em, atom.Strong, atom.B, atom.I,
		atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dd, atom.Dt, atom.Section, atom.Center, atom.Font:
	case atom.Td:
		// a layout table's row of one line (an old CMS's "createdate"
		// cell); a data table's cell is its table's (dataCellLine)
		if t := cellTable(n); t == nil || dataTable(t) {
			return false
		}
	default:
		return false
	}
	switch n.DataAtom {
	case atom.Span, atom.Time, atom.Small, atom.Em, atom.Strong, atom.B, atom.I, atom.Font:
		if inRunningText(n) {
			return false // a phrase of a sentence, not a line of its own
		}
	}
	if wordsOver(n, 30) {
		return false
	}
	raw := normText(n)
	if raw == "" {
		return false
	}
	nw := len(strings.Fields(raw))
	if nw > 30 {
		return false
	}
	t := titleForm(raw)
	switch {
	case nw <= 20 && dateLine(t), nw <= 16 && bareDate(t) && !scheduleLine(raw):
		return true
	case nw <= 25 && correctionPromptRe.MatchString(t):
		return true
	case nw <= 20 && datedWithLabels(raw):
		return true // "actu/2026/portes-ouvertes.txt · Last modified: 2026/11/29 18:02 by camille"
	case nw <= 25 && linkWords(n) <= 5 && dateLine(titleForm(textOutsideLinks(n))):
		return true // "Last updated 28 November 2026 <a>see all updates</a>"
	case nw <= 16 && !inFigcaption(n) && !imageCaptionLine(n) && creditLine(raw), nw <= 20 && bylineDates(raw):
		return true
	case noticeLine(t), autoPublishedNote(n, t), nw <= 30 && forwardedRe.MatchString(t), nw <= 30 && referralRe.MatchString(t), nw <= 30 && smsOptInRe.MatchString(raw), nw <= 30 && followUsRe.MatchString(t), nw <= 4 && modifiedLabelRe.MatchString(t):
		return true
	case nw <= 30 && authorshipNoticeRe.MatchString(t):
		return true // "Ce blog est personnel, la rédaction n'est pas à l'origine de ses contenus."
	case nw <= 20 && viewAllLine(n):
		return true // "<a>Voir toutes les photos de la course</a> (attention, page longue à charger)"
	case nw <= 25 && termsLine(raw):
		return true // "Keywords: community archives, Cumbria", "Topics: regional, Horsham"
	case nw <= 10 && playerLineRe.MatchString(t):
		return true // "The video will auto-play soon 8 Cancel"
	case nw <= 4 && creditStubRe.MatchString(strings.TrimRight(t, "\u200b\u200c\u200d\u2060\ufeff ")):
		return true // "Made with", the builder's name in a link of its own
	case nw <= 20 && fileRefRe.MatchString(raw) && linkShare(n) >= 0.8:
		return true // "Télécharger le rapport complet (PDF, 3,2 Mo)"
	case nw <= 8 && starsRe.MatchString(raw):
		return true
	case nw <= 30 && metaWithReadTime(raw):
		return true
	case boardLine(raw):
		return true // a forum's "Pages : 1", "Messages [ 3 ]", who is online, "Généré en 0.018 secondes"
	case pageNotice(n, raw), askForUs(n, raw), askWithAddress(n, raw), questionCrossLink(n, raw), pressContact(n, raw):
		return true
	case keyValueLine(n, raw):
		return true // "Label : … · Sortie : … · Genre : …"
	case !inItem(n) && !inFigcaption(n) && (metaSegments(raw, contains(n, atom.A)) || metaRow(n)):
		return true // "Publié par … le 14/10/2027 – 3 commentaires – 212 vues"
	case feedbackRe.MatchString(t), nw <= 12 && ratingRe.MatchString(t), nw <= 8 && readTimeRe.MatchString(t):
		return true
	case breadcrumbRe.MatchString(t), adLineRe.MatchString(t), nw <= 16 && textPath(raw):
		return true
	case ctaRe.MatchString(t), ctaAskRe.MatchString(t) && ctaCallRe.MatchString(t), nw <= 12 && reuseRe.MatchString(t):
		return true
	case nw <= 30 && (emailFurnitureRe.MatchString(t) || affiliateRe.MatchString(t)):
		return true
	case rightsLine(raw, nw), nw <= 16 && !inFigcaption(n) && rightsYearRe.MatchString(strings.ToLower(raw)), publisherLine(raw, nw):
		return true
	case clickHereLine(n, nw), nw <= 25 && hostedByRe.MatchString(t), nw <= 30 && printMentionRe.MatchString(t), nw <= 30 && inThisIssueRe.MatchString(t):
		return true
	case nw <= 24 && browserNoteRe.MatchString(raw), nw <= 30 && sponsorRe.MatchString(raw) && contactRe.MatchString(raw):
		return true // "Site optimisé pour Internet Explorer 6", "Fleurs …, partenaire du bulletin – Tél. …"
	case nw <= 30 && (readerCall(n, raw) || helpUsAppeal(n, raw)), nw <= 14 && pageNoticeRe.MatchString(t):
		return true
	case tagLabelRe.MatchString(t) && linkShare(n) >= 0.5, labelledLinkRow(n):
		return true
	case timeOnly(n, raw), counterRe.MatchString(t):
		return true
	case hashtagsOnly(raw), tagUsLine(t, nw), writeMeBox(n, raw, t, nw), nw <= 20 && newOnSiteRe.MatchString(t) && contains(n, atom.A), nw <= 30 && tipJarLinked(n), nw <= 30 && contains(n, atom.A) && channelCallRe.MatchString(t), issueLine(raw, nw), availabilityNotice(n, t, nw), nw <= 20 && madeWithRe.MatchString(t), nw <= 16 && builderCreditRe.MatchString(raw), nw <= 30 && duesReminderRe.MatchString(t), reactionLine(n, raw, nw), nw <= 25 && memberCallRe.MatchString(t) && !strings.ContainsAny(raw, "«»“”\""), nw <= 25 && contributedRe.MatchString(t), nw <= 30 && onSaleRe.MatchString(t), nw <= 30 && stayInformedRe.MatchString(t), nw <= 16 && guestbookRe.MatchString(t), nw <= 15 && constructionRe.MatchString(t), nw <= 25 && writtenByRe.MatchString(t), nw <= 14 && textByRe.MatchString(raw):
		return true // "#RepairCafe #Fens", "Tag @bakery on Instagram", "… Écrivez-moi : …@wanadoo.fr"
	case nw <= 3 && premiumMarkRe.MatchString(t):
		return true // "Abo+", "Premium": the marker of a story for subscribers, alone in its element
	}
	return toolRow(n)
}

// dateLine reports whether a line (in titleForm) is a publication or
// update date: it opens on a date phrase and holds nothing but dates,
// times and an optional author after "par" or "by".
func dateLine(t string) bool {
	if !dateLeadRe.MatchString(t) || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	ws := foldWords(t)
	digits := false
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if (w == "de" || w == "d") && digits && len(ws)-i-1 >= 1 && len(ws)-i-1 <= 3 && !strings.ContainsAny(strings.Join(ws[i+1:], ""), "0123456789") {
			return true // a wiki's "Dernière modification : 2026/11/29 18:02 de camille"
		}
		digits = digits || isDigits(w)
		if w == "par" || w == "by" {
			if len(ws)-i-1 <= 5 {
				return true // "… par la rédaction"
			}
			// "Posted by Echo Newsdesk on Fri Apr 10, 2026 9:12 am": a
			// name of up to five words, then dates only
			for k := 1; k <= 5 && i+1+k < len(ws); k++ {
				if datesOnly(ws[i+1+k:]) {
					return true
				}
			}
			return false
		}
		if m := dateLeadRe.FindString(strings.Join(ws[i:], " ")); m != "" {
			i += len(foldWords(m)) - 1 // the phrase: "mis à jour", "last updated"
			continue
		}
		if !isDigits(w) && !dateWordRe.MatchString(w) && !timeTokRe.MatchString(w) {
			return false
		}
	}
	return true
}

// datedWithLabels reports whether a line is a date line (dateLine) joined
// by separators (metaSepRe) to parts of at most three words and no
// sentence end: the page's name or file, a section, a sign-in link
// ("start.txt · Dernière modification : 2026/11/29 18:02 de camille").
func datedWithLabels(raw string) bool {
	if r, _ := utf8.DecodeLastRuneInString(raw); strings.ContainsRune(".!?…»\"", r) {
		return false
	}
	parts := metaSepRe.Split(raw, -1)
	if len(parts) < 2 {
		return false
	}
	dated := 0
	for _, p := range parts {
		switch {
		case dateLine(titleForm(p)):
			dated++
		case len(strings.Fields(p)) == 0 || len(strings.Fields(p)) > 3 || strings.ContainsAny(strings.TrimRight(p, " "), "!?"):
			return false
		}
	}
	return dated == 1
}

// datesOnly reports whether words are all dates, times and their small
// words, opening on a joining word ("on", "le", "à").
func datesOnly(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	switch ws[0] {
	case "on", "le", "à", "a", "at", "du", "the":
	default:
		return false
	}
	for _, w := range ws {
		if !isDigits(w) && !dateWordRe.MatchString(w) && !timeTokRe.MatchString(w) {
			return false
		}
	}
	return strings.ContainsAny(strings.Join(ws, ""), "0123456789")
}

// metaWithReadTime reports whether a line is a date or byline line with a
// reading time among its parts: "Par Inès Baraton · Mis à jour le 6
// février 2026 · Temps de lecture : 2 min".
func metaWithReadTime(raw string) bool {
	parts := strings.FieldsFunc(strings.ReplaceAll(raw, " - ", " | "), func(r rune) bool { return strings.ContainsRune("|·•–—", r) })
	var rest []string
	found := false
	for _, p := range parts {
		if readTimeRe.MatchString(titleForm(p)) {
			found = true
			continue
		}
		if p = strings.TrimSpace(p); p != "" {
			rest = append(rest, p)
		}
	}
	if !found || len(rest) == 0 {
		return false
	}
	line := strings.Join(rest, " | ")
	return dateLine(titleForm(line)) || bylineDates(line)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// timeOnly reports whether all the text of n is in <time> elements: a
// time stamp, whatever it says.
func timeOnly(n *html.Node, text string) bool {
	var in strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for c := c.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Time {
				in.WriteString(textOf(c))
				in.WriteByte(' ')
				continue
			}
			walk(c)
		}
	}
	if n.DataAtom == atom.Time {
		return true
	}
	walk(n)
	return in.Len() > 0 && len(foldWords(in.String())) == len(foldWords(text))
}

// toolRow reports whether n is a row of at least two page tools (print,
// e-mail, share buttons …), its links and its other words separated by
// "|", "·" or "-".
func toolRow(n *html.Node) bool {
	var parts []string
	var b strings.Builder
	flush := func() {
		for _, p := range strings.FieldsFunc(b.String(), func(r rune) bool { return strings.ContainsRune("|·•-–—/,", r) }) {
			if p = titleForm(p); p != "" {
				parts = append(parts, p)
			}
		}
		b.Reset()
	}
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for c := c.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && (c.DataAtom == atom.A || c.DataAtom == atom.Button):
				flush()
				if t := titleForm(textOf(c)); t != "" {
					parts = append(parts, t)
				} else if l := titleForm(attr(c, "aria-label")); l != "" {
					parts = append(parts, l)
				}
			case c.Type == html.ElementNode:
				walk(c)
			}
		}
	}
	walk(n)
	flush()
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !toolRe.MatchString(p) {
			return false
		}
	}
	return true
}

// overlay reports whether n is a consent box (it speaks of cookies and
// has an accept or refuse button) or a sign-up or question box (an e-mail
// field or a text area, and little text): they may sit anywhere in the
// page, the article included.
func overlay(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Body, atom.Main, atom.Article, atom.Html:
		return false
	}
	tl := textLen(n)
	if tl > 1500 {
		return false
	}
	email, accept := false, false
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for c := c.FirstChild; c != nil && !(email && accept); c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Input:
				typ, ph := strings.ToLower(attr(c, "type")), strings.ToLower(attr(c, "placeholder")+" "+attr(c, "name"))
				if typ == "email" || strings.Contains(ph, "mail") {
					email = true
				}
			case atom.Textarea:
				email = true // a box to write in: a question, a comment
			case atom.Button, atom.A:
				if acceptRe.MatchString(titleForm(textOf(c))) {
					accept = true
				}
			default:
				// A consent box's choices are often spans or divs a
				// script makes clickable: an element holding only the
				// words of a choice is one.
				if onlyText(c) && acceptRe.MatchString(titleForm(textOf(c))) {
					accept = true
				}
			}
			walk(c)
		}
	}
	walk(n)
	if email && tl <= 400 {
		return true
	}
	return accept && strings.Contains(strings.ToLower(textOf(n)), "cookie")
}

// anchorList reports whether n is a list of links to the page's own
// headings (a table of contents): every item a link to a fragment.
func anchorList(n *html.Node) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	items := 0
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode {
			continue
		}
		if li.DataAtom != atom.Li || linkShare(li) < 0.9 {
			return false
		}
		a := findAtom(li, atom.A)
		if a == nil || !strings.HasPrefix(strings.TrimSpace(attr(a, "href")), "#") {
			return false
		}
		items++
	}
	return items >= 2
}

// inRunningText reports whether an inline element sits in a sentence: its
// parent has text of its own beside it (separators aside), or its parent
// is an inline wrapper with no text of its own that sits in one (a wire's
// dateline, "<span class=legend><span class=xn-chron>Dec. 2, 2026</span>
// </span> /PRWire/ -- Northgale Foods …").
func inRunningText(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.TrimFunc(c.Data, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("|·•-–—/,:", r) }) != "" {
				return true
			}
		}
		switch p.DataAtom {
		case atom.Span, atom.Em, atom.Strong, atom.B, atom.I, atom.Font, atom.Small, atom.Time:
		default:
			return false
		}
	}
	return false
}

// signatureLine reports whether a line of the masthead (between the
// headline and the text) is a signature: up to four capitalised words (a
// name, an agency) then only a date and a time, "Bastien Leroy | Le
// 27/11/2026 à 08:45".
func signatureLine(raw string) bool {
	if !strings.ContainsAny(raw, "0123456789") {
		return false
	}
	fs := strings.FieldsFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("|·•–—,", r) })
	i := 0
	for i < len(fs) && i < 4 {
		r := []rune(fs[i])
		if !unicode.IsUpper(r[0]) || dateWordRe.MatchString(strings.ToLower(fs[i])) {
			break
		}
		i++
	}
	rest := foldWords(strings.Join(fs[i:], " "))
	if len(rest) == 0 {
		return false
	}
	digits := false
	for _, w := range rest {
		switch {
		case isDigits(w) || timeTokRe.MatchString(w):
			digits = true
		case dateWordRe.MatchString(w):
		default:
			return false
		}
	}
	return digits
}

// breadcrumb reports whether n is a breadcrumb by its markup (a
// schema.org BreadcrumbList, an aria-label saying so) or its shape: a few
// links, the first to the home page.
func breadcrumb(n *html.Node) bool {
	if strings.Contains(strings.ToLower(attr(n, "itemtype")), "breadcrumblist") {
		return true
	}
	if l := strings.ToLower(attr(n, "aria-label")); strings.Contains(l, "breadcrumb") || strings.Contains(l, "ariane") || strings.Contains(l, "vous êtes ici") || strings.Contains(l, "you are here") {
		return true
	}
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Div, atom.P, atom.Nav, atom.Span, atom.Font, atom.Small, atom.Td:
		// An old site's trail is a <font size="1"> or a <span> line.
	default:
		return false
	}
	if textLonger(n, 150) || linkShare(n) < 0.6 && !crumbsThenPage(n) {
		return false
	}
	a := findAtom(n, atom.A)
	if a == nil {
		return false
	}
	switch titleForm(textOf(a)) {
	case "accueil", "home", "homepage", "page d'accueil":
	default:
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
	walk(n)
	return links >= 2
}

// rightsLine reports whether a line is a copyright notice: it says "all
// rights reserved" (or the like), or opens on "© 2026".
func rightsLine(raw string, nw int) bool {
	l := strings.ToLower(raw)
	return nw <= 30 && rightsRe.MatchString(l) || nw <= 12 && rightsHeadRe.MatchString(l)
}

// legalIdentityRe is a publisher's legal identity: "Association …, loi
// 1901", "SIRET 123 …", "Registered charity number 1101234", "RCS Lyon".
var legalIdentityRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:loi (?:de )?1901|association déclarée|siret|siren|rcs [\p{Lu}]|(?:scic|scop|sarl|sas|sasu|eurl|sa) (?:sa )?(?:à|au) capital|société coopérative d'intérêt collectif|n° rna|rna w|registered charity|charity (?:no|number|reg)|company (?:no|number|registration)|registered in england|abn [0-9]|ein [0-9])(?:$|[^\p{L}])`)

// contactRe is a way to reach someone: an e-mail address, a phone number,
// a postcode.
var contactRe = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.]+|(?:^|[^0-9])(?:\+?[0-9]{2}[ .]?)?(?:[0-9]{2}[ .]){4}[0-9]{2}(?:$|[^0-9])|(?:^|[^0-9])[0-9]{5}\s+\p{Lu}`)

// browserNoteRe is an old site's note on the browser it was made for:
// "Site optimisé pour Internet Explorer 6 et 7, résolution 800 x 600",
// "Best viewed with Firefox at 1024x768".
var browserNoteRe = regexp.MustCompile(`(?i)^(?:(?:ce )?site |this site is |page )?(?:optimisée?|optimi[sz]ed|best viewed|meilleur affichage|affichage optimal|mieux visible|visible de préférence)[^.!?]{0,60}(?:internet explorer|firefox|netscape|chrome|safari|opera|navigateur|browser|résolution|resolution|[0-9]{3,4} ?[x×] ?[0-9]{3,4})`)

// sponsorRe is a sponsor naming itself so: "…, partenaire du bulletin",
// "notre partenaire", "our sponsor".
var sponsorRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:partenaires? (?:du|de notre|de votre|de la|de l'|de ce) (?:bulletin|journal|magazine|site|lettre|newsletter|club|association|numéro|festival)|(?:notre|nos) partenaires?|(?:our|this issue's|this week's) (?:sponsors?|partners?)|sponsor(?:ed)? (?:of|by) (?:this|the|our))(?:$|[^\p{L}])`)

// footAfterRule returns the lines that follow a rule (<hr>) at the end
// of the page when they are the page's foot: one to six short lines (at
// most 20 words each, no block in them), one of them a way to reach the
// publisher (contactRe), and no paragraph of prose after them in the
// page ("<hr> Presbytère …, 73340 Bellecombe – Tél. … / Permanences : …").
// A text's closing note after a rule is a sentence.
func footAfterRule(hr *html.Node) []*html.Node {
	if hr.DataAtom != atom.Hr && !ruleImageLine(hr) && !drawnRule(hr) {
		return nil
	}
	if hr.DataAtom == atom.Hr {
		if foot := textFootAfterRule(hr); foot != nil {
			return foot
		}
	}
	var lines []*html.Node
	reach := false
	for c := hr.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
		if c.Type != html.ElementNode {
			continue
		}
		raw := normText(c)
		if raw == "" && !contains(c, atom.Img) {
			continue // the empty <p> an old page's "<P><CENTER>…</CENTER></P>" leaves
		}
		// (a box of links in it, a webring's "<< Précédent | Anneau … |
		// Suivant >>", is one more short line)
		if hasBlockChild(c) && (wordsOver(c, 30) || proseBlock(c)) || len(lines) == 6 {
			return nil
		}
		// Each line of at most 20 words, an element or its lines between
		// <br>s; the way to reach the publisher may be a mailto: link, or
		// the page's date line stands for it ("Dernière modification : …
		// <br><a href=mailto:…>Écrivez au webmestre</a><br>Page réalisée
		// avec …").
		for _, l := range brLines(c) {
			if len(strings.Fields(l)) > 20 {
				return nil
			}
			reach = reach || contactRe.MatchString(l) || dateLine(titleForm(l)) || updatedOnRe.MatchString(l)
		}
		reach = reach || mailed(c, raw)
		lines = append(lines, c)
	}
	if !reach || len(lines) == 0 {
		return nil
	}
	for p := hr.Parent; p != nil; p = p.Parent {
		for k := p.NextSibling; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && proseBlock(k) {
				return nil
			}
		}
	}
	return lines
}

// updatedOnRe is a page's note of its last update inside a line of the
// foot: "Page mise à jour le 22 juin 1998. Meilleur affichage …",
// "Last updated on 3 May 1999".
var updatedOnRe = regexp.MustCompile(`(?i)(?:mise à jour|modifiée?|updated|last modified)\s*(?:le |on |:\s*)?[0-9]{1,2}`)

// ruleImageLine reports whether n is a line holding nothing but a rule
// drawn as an image, an old page's <hr>: an image at least 200 pixels
// wide and at most 12 high ("<p align=center><img src=ligne.gif
// width=468 height=12></p>").
func ruleImageLine(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Center:
	default:
		return false
	}
	if textLen(n) > 0 || countAtom(n, atom.Img, 2) != 1 {
		return false
	}
	img := findAtom(n, atom.Img)
	w, errW := strconv.Atoi(strings.TrimSpace(attr(img, "width")))
	h, errH := strconv.Atoi(strings.TrimSpace(attr(img, "height")))
	return errW == nil && errH == nil && w >= 200 && h > 0 && h <= 12
}

// drawnRule reports whether n is a rule a builder draws as an empty box
// one or two pixels high with a background ("<div class="rm-widget
// rm-widget-shape" style="…height:1px;background:#222">").
func drawnRule(n *html.Node) bool {
	if n.DataAtom != atom.Div || n.FirstChild != nil {
		return false
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	thin := false
	for _, decl := range strings.Split(st, ";") {
		k, v, _ := strings.Cut(decl, ":")
		switch k {
		case "height":
			thin = v == "1px" || v == "2px"
		}
	}
	return thin && (strings.Contains(st, "background") || strings.Contains(st, "border"))
}

// textFootAfterRule returns what follows a rule in its box when it is the
// page's foot written as lines of text between <br>s ("<hr>Mairie de …
// <br>Dernière mise à jour : 28/11/2026 | <a>Mentions légales</a> | …"):
// two lines or more, at most 80 words, no line of more than 20, and a
// way to reach the publisher, a date line or two links to the site's
// pages among them; nil otherwise, or when a paragraph of prose follows
// the box in the page.
func textFootAfterRule(hr *html.Node) []*html.Node {
	var nodes []*html.Node
	var lines []string
	var cur strings.Builder
	siteLinks := 0
	for c := hr.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlock(c) || c.DataAtom == atom.Hr) {
			return nil
		}
		nodes = append(nodes, c)
		if c.Type == html.ElementNode && c.DataAtom == atom.Br {
			lines = append(lines, cur.String())
			cur.Reset()
			continue
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.A && siteHref(strings.TrimSpace(attr(c, "href"))) {
			siteLinks++
		}
		cur.WriteString(textOf(c))
		cur.WriteString(" ")
	}
	lines = append(lines, cur.String())
	words, found, kept := 0, siteLinks >= 2, 0
	for _, l := range lines {
		raw := strings.Join(strings.Fields(l), " ")
		nw := len(strings.Fields(raw))
		if nw == 0 {
			continue
		}
		kept++
		words += nw
		if nw > 20 || words > 80 {
			return nil
		}
		found = found || contactRe.MatchString(raw) || datedWithLabels(raw) || dateLine(titleForm(raw))
	}
	if kept < 2 || !found {
		return nil
	}
	for p := hr.Parent; p != nil; p = p.Parent {
		for k := p.NextSibling; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && proseBlock(k) {
				return nil
			}
		}
	}
	return append([]*html.Node{hr}, nodes...)
}

// printMentionRe is a printed bulletin's legal mention: "Directrice de
// la publication : …", "Imprimé par nos soins", "Ne pas jeter sur la
// voie publique", "Dépôt légal : …".
var printMentionRe = regexp.MustCompile(`^(?:(?:directeur|directrice|responsable) de (?:la )?publication\s*:|imprimée? par |imprimée? sur papier|ne pas jeter sur la voie publique|dépôt légal\s*:|issn\s|tirage\s*:|conception et impression|printed by |publisher\s*:)`)

// inThisIssueRe opens a bulletin's contents line: "Dans ce numéro : le
// mot du maire · …", "In this issue: …", "Au sommaire : …".
var inThisIssueRe = regexp.MustCompile(`^(?:dans ce numéro|au sommaire(?: de ce numéro)?|in this issue|inside this issue|this issue)\s*:`)

// hostedByRe is a podcast host's line in an episode's notes: "Hébergé
// par Ausha. Visitez ausha.co/… pour plus d'informations.", "Hosted on
// Acast. See acast.com/privacy for more information."
var hostedByRe = regexp.MustCompile(`^(?:hébergée? par|hosted (?:by|on)|podcast hosted by|propulsé par|powered by) [\p{L}\p{N}.' -]{2,30}(?:$|[.!] (?:see|visit|visitez|voir|rendez-vous sur) \S+ (?:for|pour) (?:more information|plus d'informations|privacy information|in)[^\n]{0,30}$)`)

// clickHereRe opens a link that says to click: "Cliquez ici pour le
// formulaire", "Click here to register".
var clickHereRe = regexp.MustCompile(`^(?:cliquez|cliquer|click|tap|appuyez) (?:ici|here|sur ce lien)(?:$|[^\p{L}])`)

// clickHereLine reports whether a short line (at most 35 words) ends on
// a link that says to click ("Rappel : les licences 2027 sont à
// renouveler … <a>Cliquez ici pour le formulaire</a>"): a notice to the
// reader with its control, not a sentence of the text.
func clickHereLine(n *html.Node, nw int) bool {
	if nw > 35 || inList(n) {
		return false
	}
	last := lastTextElement(n)
	return last != nil && last.DataAtom == atom.A && clickHereRe.MatchString(titleForm(textOf(last)))
}

// inList reports whether n is in a list item (an old layout's table
// holds the text itself: not inItem).
func inList(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.DataAtom == atom.Li {
			return true
		}
	}
	return false
}

// publisherLine reports whether a line is the publisher's identity and
// address (a page's foot): a legal identity (legalIdentityRe) and a way
// to reach it, at most 40 words, no sentence end ("Association Les
// Tréteaux du Lac, loi 1901 · 3 place de la Mairie, 73610 Saint-Aubin ·
// …@…"). A text's practical details name a venue, not a legal body.
func publisherLine(raw string, nw int) bool {
	return nw <= 40 && !endsSentence(raw) && legalIdentityRe.MatchString(raw) && contactRe.MatchString(raw)
}

// rightsYearRe is a copyright and its year anywhere in a line: "County
// Sport is part of County Media Group. © 2026".
var rightsYearRe = regexp.MustCompile(`(?:©|\(c\)|copyright)\s*(?:19|20)[0-9]{2}\b`)

// creditLine reports whether a line is nothing but credits: "Reportage :
// Louise Camus. Réalisation : Pierre Albin."
//
// The line may be in parentheses, "(Reporting by …; Editing by …)", and
// carry a date, "Texte et photos : Hélène Q. · 4 juin 2026".
func creditLine(raw string) bool {
	parts := strings.FieldsFunc(raw, func(r rune) bool { return strings.ContainsRune(".|·•;/", r) })
	n := 0
	for _, p := range parts {
		p = strings.TrimSpace(strings.Trim(p, ",– —()[]"))
		if p == "" {
			continue
		}
		if !creditRe.MatchString(p) {
			if n > 0 && bareDate(titleForm(p)) {
				continue
			}
			return false
		}
		n++
	}
	return n > 0
}

// bareDate reports whether a line (in titleForm) is nothing but a date
// and a time, with or without "updated … ago": "14 October 2026",
// "October 21, 2026 11:32 AM UTC · Updated 2 hours ago". A month name, or
// "ago", says it is a date and not a number.
func bareDate(t string) bool {
	ws := foldWords(t)
	if len(ws) == 0 || len(ws) > 16 || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	if dateRange(ws) {
		return false // a schedule, "Du 5 au 14 février, à 20 heures", not a stamp
	}
	dated := false
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if m := dateLeadRe.FindString(strings.Join(ws[i:], " ")); m != "" {
			i += len(foldWords(m)) - 1
			continue
		}
		switch {
		case isDigits(w) || timeTokRe.MatchString(w):
		case monthRe.MatchString(w) || w == "ago":
			dated = true
		case dateWordRe.MatchString(w):
		default:
			return false
		}
	}
	return dated
}

// forwardedRe opens a newsletter's line to the reader who got the issue
// from someone else: "Forwarded this by a friend? Subscribe …", "Was this
// forwarded to you?", "On vous a transféré cette lettre ? Abonnez-vous".
var forwardedRe = regexp.MustCompile(`^(?:(?:was this |were you |got this )?forwarded (?:this|to you|by)|(?:did )?someone forward(?:ed)? (?:this|you)|(?:was|has) this (?:email |newsletter |issue )?(?:been )?forwarded|(?:got|received) this from a friend|on vous a transféré (?:cette|ce)|(?:cette|ce) (?:lettre|courriel|e-mail|mail|numéro|newsletter) vous a été transférée?|vous avez reçu (?:cette|ce) (?:lettre|courriel|e-mail|numéro|newsletter) (?:par|d')un(?:e)? ami)`)

// referralRe is a newsletter's call to pass it on or to sponsor a
// reader: "Forward this email to a friend …", "… share your referral
// link and get …", "Transférez cette lettre à un ami", "Parrainez un ami".
var referralRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:forward (?:this|the|today's) (?:e-?mail|newsletter|issue|letter|edition|post) to|(?:your|my|our) (?:unique |personal )?referral (?:link|code|page|program|programme)|refer (?:a|your|some) friends?` +
	`|transférez (?:cette|ce|la) (?:lettre|newsletter|e-?mail|courriel|numéro) à|(?:votre|ton) (?:lien|code) de parrainage|parrainez (?:un|une|vos|des|jusqu'à)|programme de parrainage)(?:$|[^\p{L}])`)

// smsOptInRe is a text-message sign-up: "Text HARLANSO to 888777 to
// receive …", "Envoyez ALERTE au 36 123".
var smsOptInRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:(?i:text|send|sms)) [A-Z0-9]{3,} to \d(?:\d{3,5}|\d\d-\d{3})(?:$|[^\d])|(?:^|[^\p{L}])(?i:envoyez|tapez|textez) [A-Z0-9]{3,} (?:au|par sms au) \d[\d ]{3,6}\d(?:$|[^\d])`)

// followUsRe opens a line sending the reader to the publisher's social
// accounts: "Stay connected: Follow … on X, Facebook …", "Suivez-nous
// sur …", "Retrouvez-nous aussi sur Facebook", "Find us on Instagram".
var followUsRe = regexp.MustCompile(`^(?:stay connected|restez branchés|restez connectés|follow us|suivez-nous|(?:retrouvez|rejoignez)-nous(?: aussi| également| vite)? sur (?:facebook|instagram|twitter|x|linkedin|youtube|tiktok|mastodon|bluesky|les réseaux sociaux)|find us(?: also)? on (?:facebook|instagram|twitter|x|linkedin|youtube|tiktok|mastodon|bluesky|social media))(?:$|[^\p{L}])`)

// correctionPromptRe opens the prompt under a story to report an error in
// it: "Vous avez repéré une erreur dans cet article ? Signalez-la à la
// rédaction.", "Spotted a mistake? Let us know.", "Signaler une erreur".
var correctionPromptRe = regexp.MustCompile(`^(?:(?:vous avez|tu as|avez-vous|as-tu) (?:repéré|remarqué|relevé|trouvé|vu|constaté|noté) (?:une|des) (?:erreurs?|fautes?|coquilles?|inexactitudes?|imprécisions?)` +
	`|(?:une|des) (?:erreurs?|fautes?|coquilles?|inexactitudes?) (?:dans (?:cet|cette|ce) [\p{L}]+ )?\?|signaler une (?:erreur|faute|coquille|inexactitude)` +
	`|(?:have you |did you )?(?:spot|spotted|found|find|notice|noticed|see|seen) (?:an?|any|some) (?:error|mistake|typo|inaccuracy|errors|mistakes|typos)|report an? (?:error|mistake|typo|correction)|(?:request|suggest|submit) a correction)`)

// modifiedLabelRe is a page-details label alone: "Date modified:".
var modifiedLabelRe = regexp.MustCompile(`^(?:date modified|date de modification|last modified|page last updated|dernière modification)$`)

// scheduleLine reports whether a line of date words is a sentence of a
// schedule, not a stamp: it ends on a full stop and names no year ("Le 4
// mars, à 17 heures.", "Saturday 7 March, 10am."). A page's stamp is
// never punctuated as a sentence, and gives its year when it does.
func scheduleLine(raw string) bool {
	return strings.HasSuffix(raw, ".") && !yearRe.MatchString(raw)
}

// dateRange reports whether words give a span of dates, "du 5 au 14",
// "from 5 to 14": a page's own stamps are single dates.
func dateRange(ws []string) bool {
	for i, w := range ws {
		var ends []string
		switch w {
		case "du":
			ends = []string{"au"}
		case "from":
			ends = []string{"to", "until", "till"}
		default:
			continue
		}
		for _, v := range ws[i+1:] {
			if slices.Contains(ends, v) {
				return true
			}
		}
	}
	return false
}

// monthRe: a month's name, in full or cut short.
var monthRe = regexp.MustCompile(`^(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|avr|juil|sept|oct|nov|déc|` +
	`january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|dec)$`)

func inFigcaption(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.DataAtom == atom.Figcaption || p.DataAtom == atom.Figure {
			return true
		}
	}
	return false
}

// imageCaptionLine reports whether n is a line of an image's caption
// drawn without <figure>: a box of a few levels above n holds an image
// and, besides it, at most 40 words, n's among them (an e-mail
// template's image cell over its caption cell, "<em>Visitors in the
// studio …</em> <span>Photo by …</span>").
func imageCaptionLine(n *html.Node) bool {
	p := n.Parent
	if p != nil && lastElement(p) == n && wordCount(p) <= 40 {
		// after the caption in italics, in its line ("<p><i>Les santons
		// restaurés …</i> <span>Photo : …</span></p>")
		if f := firstElement(p); f != nil && f != n && (f.DataAtom == atom.I || f.DataAtom == atom.Em) && wordCount(f) >= 4 {
			return true
		}
	}
	for level := 0; p != nil && level < 4; p, level = p.Parent, level+1 {
		if contains(p, atom.Img) {
			return wordCount(p) <= 40 && wordCount(p) > wordCount(n)
		}
		// or the caption's block right under a block of the image alone
		// (an office suite's export: "<p><img></p><div><p><i>…</i>
		// <span>Photo : …</span></p></div>")
		if prev := prevElement(p); prev != nil && contains(prev, atom.Img) && textLen(prev) == 0 && wordCount(p) <= 40 {
			return wordCount(p) > wordCount(n)
		}
	}
	return false
}

// textOutsideLinks returns the text of n outside its links.
func textOutsideLinks(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for c := c.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
				b.WriteByte(' ')
			case c.Type == html.ElementNode && (c.DataAtom == atom.A || c.DataAtom == atom.Script || c.DataAtom == atom.Style):
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// linkWords counts the words of n inside links.
func linkWords(n *html.Node) int {
	all := wordCount(n)
	return all - len(strings.Fields(textOutsideLinks(n)))
}

// foldWords splits text into lower-cased words: runs of letters and
// digits.
func foldWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// onlyText reports whether n's only child is a text node.
func onlyText(n *html.Node) bool {
	return n.FirstChild != nil && n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode
}

// textPath reports whether a line is a breadcrumb written as text: it
// opens on the home page's name, then two or more parts of at most five
// words each, split by one kind of separator ("/", ">", "›", "»", "→",
// "|"), and no sentence end.
func textPath(raw string) bool {
	for _, sep := range []string{" / ", " > ", " › ", " » ", " → ", " | ", " >> "} {
		parts := strings.Split(raw, sep)
		if len(parts) < 3 {
			continue
		}
		switch titleForm(parts[0]) {
		case "accueil", "home", "homepage", "page d'accueil":
		default:
			return false
		}
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if nw := len(strings.Fields(p)); nw == 0 || nw > 5 || strings.ContainsAny(p, ".!?") {
				return false
			}
		}
		return true
	}
	return false
}

// crumbsThenPage reports whether a line is links and separators ending on
// the current page, unlinked: "Accueil > Patrimoine > <strong>Le lavoir
// …</strong>". Without its last crumb, the line is links.
func crumbsThenPage(n *html.Node) bool {
	const seps = " \t\n>›»/|·•→-–"
	var last *html.Node
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			last = c
			break
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			// An old site's trail ends on the page's name as bare text,
			// after a separator ("… &gt; Le sentier des Trois Moulins").
			if p := c.PrevSibling; p == nil || p.Type != html.ElementNode || p.DataAtom != atom.A || !strings.ContainsAny(strings.TrimSpace(c.Data)[:1], ">›»/|·•→") {
				return false
			}
			last = c
			break
		}
	}
	if last == nil || last.DataAtom == atom.A || contains(last, atom.A) {
		return false
	}
	all, links := 0, 0
	for c := n.FirstChild; c != nil && c != last; c = c.NextSibling {
		t := len(normText(c))
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			links += t
		} else if strings.Trim(textOf(c), seps) != "" {
			all += t
		}
	}
	return links > 0 && all == 0
}

// playerLineRe is a line of a video player's own: its countdown to play,
// its loading and error notes, its prompt to play.
var playerLineRe = regexp.MustCompile(`^(?:the |your )?video will (?:auto-?play|start|begin|play)(?: (?:soon|shortly|in [0-9]+ ?(?:s|seconds?)?))?(?: ?[0-9]+)?(?: cancel)?$` +
	`|^(?:la )?vidéo (?:va )?(?:démarrer|commencer|se lancer|être lue) (?:bientôt|automatiquement|dans [0-9]+ ?(?:s|secondes?)?)(?: ?[0-9]+)?(?: annuler)?$` +
	`|^(?:video|vidéo) (?:loading|unavailable|indisponible|en cours de chargement)(?: (?:video|vidéo) (?:unavailable|indisponible))?$|^(?:click|tap) to play(?: (?:click|tap) to play)?$|^(?:cliquez|appuyez) pour (?:lire|lancer)(?: la vidéo)?$`)

// termsLabelRe opens a line of an article's terms: its keywords, topics
// or tags, written out rather than linked.
var termsLabelRe = regexp.MustCompile(`^(?i:keywords|key words|mots[- ]cl[ée]s|mots[- ]clefs|topics|tags|subjects|sujets|thèmes|étiquettes|catégories|categories|category|catégorie)\s*:\s*(.+)$`)

// termsLine reports whether a line is an article's terms: their label
// (termsLabelRe), then terms of at most four words each, split by commas,
// semicolons or dots, and no sentence.
func termsLine(raw string) bool {
	m := termsLabelRe.FindStringSubmatch(raw)
	if m == nil || endsSentence(m[1]) {
		return false
	}
	for _, term := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ';' || r == '·' || r == '|' }) {
		if n := len(strings.Fields(term)); n == 0 || n > 4 {
			return false
		}
	}
	return true
}

// viewAllLine reports whether a line is a link to the whole of a listing
// or an album of the site (viewAllRe: "Voir toutes les photos de la
// course"), alone or with a remark in parentheses after it.
func viewAllLine(n *html.Node) bool {
	links := lineLinks(n)
	if len(links) != 1 || !viewAllRe.MatchString(titleForm(textOf(links[0]))) || !siteHref(strings.TrimSpace(attr(links[0], "href"))) {
		return false
	}
	rest := strings.TrimSpace(textOutsideLinks(n))
	return rest == "" || strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") && len(strings.Fields(rest)) <= 10
}

// authorshipNoticeRe is a publication's notice that a reader, not its
// newsroom, wrote the page: a readers' blog's or a contributor's
// disclaimer (in titleForm).
var authorshipNoticeRe = regexp.MustCompile(`^(?:ce blog est personnel|(?:cet|ce) (?:article|billet|texte|témoignage) (?:a été|est) (?:proposé|écrit|rédigé|publié|envoyé) par (?:un|une|l'un de nos|l'une de nos) (?:contributeur|contributrice|lecteur|lectrice|internaute|abonnée?|membre|lecteurs|lectrices|abonnés)` +
	`|this (?:blog|post) is (?:personal|the author's own)|(?:this|the) (?:article|post|story|piece) (?:was|is|has been) (?:submitted|written|contributed|sent) by (?:a|an|one of our) (?:reader|readers|contributor|community member|member|subscriber))[^\n]{0,200}$`)
