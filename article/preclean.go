package article

import (
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The page furniture preclean removes before readability runs. Readability
// scores containers by their text and keeps what sits inside the winner:
// "Lire aussi" boxes, newsletter forms, "most read" lists, share bars and
// comment threads placed inside the article element survive it, and a
// comment thread longer than the article can win outright.
var (
	// chromeClassRe matches one class token, or an id, of a furniture
	// container: the word alone or joined to others by '-' or '_'.
	chromeClassRe = regexp.MustCompile(`(?i)^(?:[a-z0-9]+[-_]+)*(?:comments?|commentaires?|commentlist|disqus|respond|replies|reactions|conversations?|` +
		`related|recommended|recommandations?|mostread|most-read|plus-lus|pluslus|popular|trending|` +
		`newsletter|subscribe|subscription|abonnement|inscription|signup|` +
		`share|sharing|sharebar|social|partage|socials|` +
		`ad|ads|adslot|advert|adverts|advertisement|advertising|pub|publicite|sponsor|sponsored|promo|outbrain|taboola|` +
		`lireaussi|lire-aussi|readmore|read-more|seealso|see-also|voir-aussi|breadcrumbs?|tags|tag-list|taglist|` +
		`author-bio|authorbio|byline|dateline|post-meta|entry-meta|article-meta|meta|sidebar|widget|widgets|navigation|nav|menu|footer|` +
		`toolbar|print|paywall|cookie|cookies|consent|modal|popup|skip-link|skiplink|screen-reader-text|visually-hidden|sr-only|` +
		`poll|polls|sondage|sondages|survey|quiz|` +
		`toc|sommaire|table-of-contents|tableofcontents|ariane|crumbs|overlay|gdpr|rgpd|cmp|didomi|onetrust|tarteaucitron|axeptio|` +
		`authors?|auteurs?|about-author|author-box|authorbox|bio|tools|outils|rating|ratings|feedback|satisfaction|helpful|` +
		`ambox|mbox|hatnote|noprint|catlinks|printfooter|sitesub|contentsub|` +
		`teasers?|ticker|pagination|pager|post-nav|donate|follow|engagement|alerts?|announcements?|announcement-bar|site-message)(?:[-_]+[a-z0-9]+)*$`)
	// skipLinkClassRe matches a class token of a skip link's box: it says
	// skip ("skip-to-content", "skip-nav") or that the box shows only when
	// focused ("visually-hidden-focusable", "sr-only-focusable").
	skipLinkClassRe = regexp.MustCompile(`(?i)^(?:skip(?:[-_][a-z0-9]+)*|(?:[a-z0-9]+[-_]+)+focusable)$`)
	// keepClassRe names containers of the text itself, never removed by
	// their class ("article-content", "post-body").
	keepClassRe = regexp.MustCompile(`(?i)(?:^|[-_])(?:content|body|text|article|story|entry|main|chapo|standfirst|lead|intro)(?:[-_]|$)`)
	// sectionTitleRe matches the heading of a furniture section; the
	// heading goes with the block it heads.
	sectionTitleRe = regexp.MustCompile(`^(?:les plus (?:lus|partagés|commentés|populaires)|(?:à |a )?lire aussi|lire également|sur le même (?:sujet|thème)` +
		`|articles? (?:similaires|liés|connexes|recommandés)|dans la même rubrique|nos derniers articles|vous aimerez aussi` +
		`|(?:à |a )?découvrir(?: aussi)?|(?:la |notre )?newsletter.{0,40}|abonnez-vous.{0,60}|partager(?: cet article)?` +
		`|(?:[0-9]+ )?(?:commentaires?|réactions?)(?: [0-9]+)?|laisser un commentaire|réagir(?: à cet article)?` +
		`|most (?:read|popular|shared|viewed)|trending(?: now)?|popular(?: now)?|related(?: articles| stories| posts| content)?` +
		`|read (?:more|next|also)|more (?:from|on|stories).{0,40}|you (?:may|might) also like|recommended(?: for you)?` +
		`|(?:[0-9]+ )?(?:comments?|responses?|replies)(?: [0-9]+)?|leave a (?:comment|reply)|join the (?:discussion|conversation)` +
		`|share(?: this)?(?: article| story| post)?|sign up.{0,60}|subscribe.{0,60}|(?:get|our) (?:the )?newsletter.{0,40}` +
		// tables of contents
		`|sommaire|au sommaire|table des matières|dans cet article|dans ce dossier|table of contents|contents|in this article|on this page|jump to` +
		// related pages, tags, the author
		`|pour aller plus loin|dans le même (?:numéro|dossier|rubrique)|nos dernier(?:e)?s .{1,30}|les dernières .{1,30}|(?:voir |lire )?nos autres .{1,30}` +
		`|(?:more|latest|other|popular|top) (?:news|stories|articles|posts|galleries|videos|reads)(?: .{1,40})?|(?:more|popular) (?:in|from|on) .{1,40}|further reading` +
		`|mots[- ]clés|tags|thèmes|topics|related topics|sujets liés|about the author|à propos de l'auteur|l'auteur|written by .{1,40}` +
		`|top comments|discussion(?: about this (?:post|article|story))?` +
		// how to cite the page
		`|citer ce(?:t|tte)? (?:billet|article|document|texte|chapitre|notice)|pour citer (?:ce|cet|cette) (?:billet|article|document|texte|chapitre|page|notice)|comment citer(?: (?:ce|cet|cette) .{1,20})?` +
		`|cite this(?: (?:page|item|article|post|paper|entry|chapter|work|record))?|how to cite(?: this(?: .{1,20})?)?` +
		// readers' reviews under a recipe or a product
		`|(?:vos|les) avis(?: des (?:lecteurs|internautes|clients))?(?: [0-9]+)?|avis des (?:lecteurs|internautes)(?: [0-9]+)?|(?:user |customer |reader |readers' )?reviews [0-9]+)$`)
)

// bylineRe matches a byline line: "Par Claire Mercier", "By Rachel
// Adams, City Correspondent".
var bylineRe = regexp.MustCompile(`^(?i:par|by|written by|posted by|texte|rédigée? par|redigee? par|écrite? par|ecrite? par|publiée? par|publiee? par)\s+\p{Lu}` +
	`|^(?i:par|by)\s+(?i:le|la|les|l['’]|the)\s*[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,5}$` +
	`|^(?i:photos?|photographs?|photographies?|pictures|images|words|text|texte|reportage|illustrations?)(?:\s+(?i:by|par|de|d'))?\s*:?\s+\p{Lu}`)

// preclean removes page furniture from a parsed page, in place. It
// returns the call buttons it saw (callStyled), for dropCallButtons to
// judge in what readability keeps.
func preclean(doc *html.Node) (calls []*html.Node) {
	body := findBody(doc)
	if body == nil {
		return nil
	}
	readPlacedLayout(body)
	title := pageTitle(doc)
	// The headline: the heading that reads as the page's title (a blog's
	// <h1> may be its name, the post's title an <h2>), else the <h1>.
	anchor := titleHeading(body, title)
	if anchor == nil {
		anchor = findAtom(body, atom.H1)
	}
	pg := &pageCtx{total: textLen(body), anchor: anchor, authors: authorNames(doc), site: siteWords(doc), host: pageHost(doc), prose: proseParagraphs(body, math.MaxInt), slug: titleSlug(readHead(doc).title)}
	pg.menu = menuSections(body, pg.host)
	pg.aem = findFirst(body, func(n *html.Node) bool { return strings.Contains(attr(n, "class"), "aem-Grid") }) != nil
	if pg.anchor == nil && title != "" {
		if h := findText(body, title); h != nil {
			pg.anchor = h.Parent // the headline itself goes with the masthead
		} else if h := titleLikeBlock(body); h != nil {
			pg.anchor = h.Parent
		}
	}
	pg.openings, pg.replies = postSubjects(body, pg.anchor)
	opening, drop := keepOpeningPost(body, proseRuns(body, math.MaxInt))
	var headings []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if strings.HasPrefix(c.Data, "amp-") {
				if c.Data == "amp-img" {
					c.Data, c.DataAtom = "img", atom.Img
				} else if c.Data != "amp-iframe" {
					// Other AMP components (ads, analytics, carousels of
					// other pages) carry no article text.
					if textLen(c) == 0 || strings.Contains(c.Data, "ad") || c.Data == "amp-analytics" {
						drop = append(drop, c)
						continue
					}
				}
			}
			if quoteAttribution(c) || captionCredit(c) {
				// A line of the quote or of the caption, which readability
				// and the class rules would take for the page's footer, an
				// author box or the byline ("photo-author").
				if c.DataAtom == atom.Footer {
					c.Data, c.DataAtom = "p", atom.P
				}
				dropClassID(c)
			}
			if attributionLine(c, pg.authors) {
				// A quote's "Name, role" line: its class would read as an
				// author box's, its name as the byline; none of the rules
				// below is for it, nor for its spans.
				dropClassID(c)
				continue
			}
			if lineNumbers(c) || (feedFollowNote(c) || pressBox(c)) && pg.notArticle(c, false) {
				drop = append(drop, c)
				continue
			}
			if chapterList(c) {
				drop = append(drop, chapterBox(c)...)
				continue
			}
			if (embedLabelBox(c) || awardCard(c) || phonePromptBox(c)) && pg.notArticle(c, false) {
				drop = append(drop, c)
				continue
			}
			if pg.furniture(c) || overlay(c) && pg.notArticle(c, false) || anchorList(c) || breadcrumb(c) && pg.notArticle(c, false) ||
				(pollBox(c) || shopBox(c) || listingBox(c) || typedCard(c) || recordField(c) || appealBox(c) || ourAppeal(c)) && pg.notArticle(c, false) || actionButton(c) || mediaTools(c) || pg.rail(c) || pg.pageFoot(c) || editLink(c) || slideNav(c) || crossLink(c, pg.host) || questionPrompt(c) || loneLink(c) || backLink(c) ||
				(promptBox(c) || logoWall(c) || storeCall(c)) && pg.notArticle(c, false) ||
				pageCounterLine(c) || (bannerSlot(c) || regulatoryNotice(c) || signOff(c)) && pg.notArticle(c, false) || (appealCallout(c) || eventCallout(c) || hiringCallout(c) || questionCall(c, pg.host) || memberNotice(c) || citeAppendix(c) || ctaCallout(c) || noticeBoard(c) || linkPreview(c)) && pg.notArticle(c, false) {
				drop = append(drop, c)
				continue
			}
			if l := buttonLine(c); l != nil && pg.notArticle(l, false) {
				drop = append(drop, l)
				continue
			}
			if callStyled(c) {
				calls = append(calls, c) // judged after readability, in its box
			}
			if tailSection(c) {
				drop = append(drop, c)
				for k := nextElement(c); k != nil && !isHeading(k); k = nextElement(k) {
					drop = append(drop, k)
				}
				continue
			}
			if pg.slug != "" && !hasBlockChild(c) && strings.TrimSpace(textOf(c)) == pg.slug {
				drop = append(drop, c) // a wiki's page id shown above the page
				continue
			}
			if foot := footAfterRule(c); foot != nil {
				drop = append(drop, foot...)
				continue
			}
			if codeTitle(c) {
				drop = append(drop, c)
				continue
			}
			if (salesNudge(c) || generosityAppeal(c) || leadCallBox(c)) && pg.notArticle(c, false) {
				drop = append(drop, c)
				continue
			}
			if lineChrome(c) {
				drop = append(drop, pg.lineBox(c))
				drop = append(drop, emailTail(c)...)
				continue
			}
			if w := weatherBox(c); w != nil && pg.notArticle(w, false) {
				drop = append(drop, w)
				continue
			}
			if tagFieldLabel(c) {
				drop = append(drop, c, nextElement(c))
				continue
			}
			// A forum thread's replies, the opening post being the article.
			if pg.replyPost(c) {
				drop = append(drop, c)
				continue
			}
			// Posts known by their dated headers only, less than half of
			// the page: a live blog's entries are its article. A thread
			// that holds the opening post (its subject the headline) is
			// the article's: its replies go, one by one.
			if postThread(c) && holding(c, pg.openings) == 0 && (opening == nil || !isAncestor(c, opening)) && pg.notArticle(c, true) || datedPosts(c) && pg.notArticle(c, false) {
				drop = append(drop, c)
				continue
			}
			if authorLine(c, pg.authors) {
				drop = append(drop, c)
				continue
			}
			if tail := boilerplateTail(c); tail != nil {
				drop = append(drop, tail...)
				continue
			}
			if list := nextElement(c); list != nil && isHeadingLike(c) && !contains(c, atom.A) && (siteLinkList(list) || otherPosts(list, pg.host) || anchorList(list)) {
				drop = append(drop, c, list)
				continue
			}
			if headedLinkBox(c) || authorCard(c) || (callBox(c) || productCall(c, pg.site) || sectionPromo(c, pg.menu, pg.host)) && pg.notArticle(c, false) {
				drop = append(drop, c)
				continue
			}
			if (callWidget(c) || scoreBox(c)) && pg.notArticle(c, false) {
				drop = append(drop, c)
				continue
			}
			if offerCall(c, normText(c), pg.site) {
				drop = append(drop, pg.lineBox(c))
				continue
			}
			if smallBoxCall(c) {
				drop = append(drop, c)
				continue
			}
			if isHeadingLike(c) && (sectionTitleRe.MatchString(titleForm(textOf(c))) && !headsProse(c) || commentsTitleRe.MatchString(titleForm(textOf(c))) || moreOfRe.MatchString(titleForm(textOf(c))) && !overProse(c)) {
				drop = append(drop, pg.headedSection(c)...)
				continue
			}
			if partLabelHeading(c) {
				drop = append(drop, c)
				continue
			}
			if captionedImage(c) {
				continue // an image and its caption, the text's
			}
			switch c.DataAtom {
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				// A subheading of the text: readability would drop one
				// whose class says "header" (Substack's header-anchor-post).
				dropClassID(c)
				headings = append(headings, c) // freed from their modules after the walk
				if c.DataAtom == atom.H2 && c != pg.anchor && borrowsTitle(textOf(c), title) {
					// Readability drops the first <h1>/<h2> whose words are
					// the title's: a short subheading made of the
					// headline's words ("Les itinéraires" under "Les cinq
					// itinéraires du plateau") is not the headline.
					c.Data, c.DataAtom = "h3", atom.H3
				}
			}
			walk(c)
		}
	}
	walk(body)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	for _, h := range headings {
		if isAncestor(body, h) {
			freeHeadingModule(h)
		}
	}
	dropButtonBoxes(body, pg)
	dropAfterEndMark(body, pg.anchor)
	// After the furniture: a consent box's text is not the first
	// paragraph that ends the masthead.
	dropMasthead(body, title, readHead(doc).title)
	joinTabPanels(body)
	joinBlocks(body)
	return calls
}

// joinBlocks joins a text a page builder splits into sibling blocks of
// one family (Squarespace's html blocks, a builder's text widgets,
// Shopware's CMS blocks around a product slider, the items of an Umbraco
// block list), each its paragraphs under a few wrappers or directly:
// readability scores each block alone, keeps the best with the siblings
// that score well enough and loses the others (a quote block between two
// text blocks, a text block too deep to be scored). The blocks'
// paragraphs, and the lone figure, quote or list of the blocks between
// them, are moved up into their common container, in order. A family is
// the tag and the first class token: a builder names the block's kind,
// position or id in the tokens after it ("cms-block pos-0
// cms-block-blog-detail" and "cms-block pos-2 cms-block-text",
// "elementor-element elementor-element-8be41d7 …"). A block with text or
// inline elements of its own beside its blocks (a transcript's turn, the
// speaker's name in a <span>) is not flattened: its lines would run
// together.
func joinBlocks(n *html.Node) {
	liftNestedBlocks(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			joinBlocks(c)
		}
	}
	byClass := map[string][]builderBlock{}
	var order []string // the classes in page order, for a stable result
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || attr(c, "class") == "" || c.DataAtom != atom.Div && c.DataAtom != atom.Section {
			continue
		}
		if inner := unwrapChain(c); directProse(inner) > 0 && blocksOnly(inner) {
			k := c.Data + "." + strings.Fields(attr(c, "class"))[0]
			if byClass[k] == nil {
				order = append(order, k)
			}
			byClass[k] = append(byClass[k], builderBlock{c, inner})
		}
	}
	for _, k := range order {
		bs := byClass[k]
		split := len(bs) >= 2 && splitText(bs)
		if !split && len(bs) < 3 {
			continue
		}
		// The other blocks between them (an image block, a quote, a list,
		// a table) lose their wrappers too, so that they stay in the
		// text's flow; also between three blocks or more of one paragraph
		// each, which keep theirs (Intercom's "interblocks": readability
		// reads their "intercom-" as a widget's "com-" and drops a list
		// or a table so wrapped, not a lone paragraph).
		for c := bs[0].outer.NextSibling; c != nil && c != bs[len(bs)-1].outer; {
			next := c.NextSibling
			if c.Type == html.ElementNode && !slices.ContainsFunc(bs, func(b builderBlock) bool { return b.outer == c }) {
				if inner := onlyLeaf(c); inner != nil && inner != c {
					inner.Parent.RemoveChild(inner)
					n.InsertBefore(inner, c)
					n.RemoveChild(c)
				}
			}
			c = next
		}
		if !split {
			continue
		}
		for _, b := range bs {
			for k := b.inner.FirstChild; k != nil; {
				next := k.NextSibling
				b.inner.RemoveChild(k)
				n.InsertBefore(k, b.outer)
				k = next
			}
			n.RemoveChild(b.outer)
		}
	}
}

// builderBlock is a block of a builder's text: the block, and the
// element under its wrappers that holds its paragraphs (the block itself
// when it holds them directly).
type builderBlock struct{ outer, inner *html.Node }

// liftNestedBlocks undoes a block left open around the next ones: when
// a child of n holds prose and then, among its own children, a block of
// its family (tag and first class token), that block and what follows it
// go back after the child, as its siblings ("<div class="softr-section"
// id="richtext1">… text …<div class="softr-section" id="richtext2">…
// text …</div><div class="softr-section">… footer …</div></div>", a
// </div> missing). The page's order stays; the blocks are siblings
// again, and joinBlocks may join them.
func liftNestedBlocks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Div && c.DataAtom != atom.Section {
			continue
		}
		key := blockFamily(c)
		if key == "" {
			continue
		}
		prose := 0
		var k *html.Node
		for x := c.FirstChild; x != nil; x = x.NextSibling {
			if x.Type != html.ElementNode {
				continue
			}
			if prose > 0 && blockFamily(x) == key && proseParagraphs(x, 1) > 0 {
				k = x
				break
			}
			prose += proseParagraphs(x, 1)
		}
		if k == nil {
			continue
		}
		at := c.NextSibling
		for k != nil {
			next := k.NextSibling
			c.RemoveChild(k)
			n.InsertBefore(k, at)
			k = next
		}
	}
}

// blockFamily is a block's tag and first class token, "" when it has no
// class.
func blockFamily(n *html.Node) string {
	f := strings.Fields(attr(n, "class"))
	if len(f) == 0 {
		return ""
	}
	return n.Data + "." + f[0]
}

// splitText reports whether a family of blocks is a text split in them:
// blocks under wrappers are, and blocks holding their paragraphs directly
// when one of them has two paragraphs or more (a correction and an
// update notice, a guestbook's messages, a footer's contact and legal
// lines are a sentence each in boxes of one class).
func splitText(bs []builderBlock) bool {
	for _, b := range bs {
		if b.inner != b.outer || directProse(b.inner) >= 2 {
			return true
		}
	}
	return false
}

// unwrapChain follows the wrappers of n (a <div> or <section> whose only
// content is one element, besides elements left empty by the furniture
// rules: a blog header whose labels went) down to the first element with
// more in it.
func unwrapChain(n *html.Node) *html.Node {
	for {
		switch n.DataAtom {
		case atom.Div, atom.Section:
		default:
			return n
		}
		only := onlyFilled(n)
		if only == nil || (only.DataAtom != atom.Div && only.DataAtom != atom.Section) {
			return n
		}
		n = only
	}
}

// onlyLeaf returns the one block (a figure, an image, a quote, a list, a
// table, a subheading) n wraps in wrappers of nothing else, or nil.
func onlyLeaf(n *html.Node) *html.Node {
	for n != nil {
		switch n.DataAtom {
		case atom.Figure, atom.Img, atom.Blockquote, atom.Ul, atom.Ol, atom.Table, atom.P, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return n
		case atom.Div, atom.Section:
			n = onlyElement(n)
		default:
			return nil
		}
	}
	return nil
}

// onlyElement returns n's one element child when n has no other content
// than it (white space aside), else nil.
func onlyElement(n *html.Node) *html.Node { return onlyChild(n, nil) }

// onlyFilled returns n's one element child when n has no other content
// than it, white space and empty <div>s aside (no text, no image, no
// player: what the furniture rules left of a box), else nil.
func onlyFilled(n *html.Node) *html.Node {
	return onlyChild(n, func(c *html.Node) bool {
		return c.DataAtom == atom.Div && textLen(c) == 0 && !contains(c, atom.Img) && countEmbeds(c) == 0
	})
}

// onlyChild returns n's one element child, the elements skip says are
// nothing aside, when n has no other content than it (white space
// aside), else nil.
func onlyChild(n *html.Node, skip func(*html.Node) bool) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if skip != nil && skip(c) {
				continue
			}
			if only != nil {
				return nil
			}
			only = c
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return nil
			}
		}
	}
	return only
}

// directProse counts the children of n that are paragraphs with a
// sentence in them.
func directProse(n *html.Node) int {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.P && wordCount(c) >= 12 && linkShare(c) < 0.5 {
			count++
		}
	}
	return count
}

// pageCtx is what the furniture rules know of the page.
type pageCtx struct {
	total   int             // length of the page's text
	anchor  *html.Node      // the headline (<h1>, else the block reading as the title's container); nil when none
	authors []string        // the page's authors by its metadata, folded (see authorNames)
	site    []string        // the distinctive words of the publication's name (see siteWords)
	host    string          // the page's own host, from its head (see pageHost)
	menu    map[string]bool // the sections the site's menus link to (see menuSections)
	prose   int             // the page's paragraphs of prose (see proseParagraphs)
	slug    string          // the page's slug or wiki id when its <title> shows one (see titleSlug)
	// openings and replies are the subject lines of a forum thread's
	// posts (see postSubjects); none on other pages.
	openings, replies []*html.Node
	classes           map[string]classKind // what each class token read so far names (see classOf)
	// aem is set on a page of Adobe Experience Manager's responsive grid
	// ("aem-GridColumn"): every "cmp-" class there names a component.
	aem bool
}

// aemComponentRe is the class of an Adobe Experience Manager core
// component: "cmp-" and the component's name ("cmp-container--article",
// "cmp-text", "cmp-teaser").
var aemComponentRe = regexp.MustCompile(`(?i)^cmp-(?:container|text|title|image|teaser|list|separator|contentfragment|experiencefragment|embed|accordion|tabs|carousel|download|table|button|breadcrumb|navigation|languagenavigation|search|sharing|form|pdfviewer|progressbar)(?:$|[-_])`)

// classKind is what a class token or an id names for furniture.
type classKind struct{ keep, chrome, alert bool }

// classOf reads a class token (or an id) with keepClassRe, chromeClassRe
// and alertClassRe once per page: a page repeats its few hundred tokens
// on thousands of elements.
func (pg *pageCtx) classOf(tok string) classKind {
	if k, ok := pg.classes[tok]; ok {
		return k
	}
	read := tok
	if m := cssModuleRe.FindStringSubmatch(tok); m != nil {
		// A CSS module's class, "AlertBar_bar__pL2x9": its component's
		// name, words run together in capitals, and the local name.
		read = camelWords(m[1]) + "-" + m[2]
	}
	if aemComponentRe.MatchString(tok) || pg.aem && strings.HasPrefix(tok, "cmp-") {
		// Adobe's core components are all "cmp-…": the component's name,
		// not a consent platform's ("cmp-dialog", "cmp-btn"); on a page
		// of its grid, a site's own components too ("cmp-quote").
		read = tok[len("cmp-"):]
	}
	k := classKind{keep: keepClassRe.MatchString(tok), chrome: chromeClassRe.MatchString(read)}
	k.alert = k.chrome && alertClassRe.MatchString(tok)
	if pg.classes == nil {
		pg.classes = map[string]classKind{}
	}
	pg.classes[tok] = k
	return k
}

// cssModuleRe is a CSS module's class: the component's name in
// PascalCase, the local class name, a hash ("AlertBar_bar__pL2x9",
// "InlineRelated_wrap__k3T9x").
var cssModuleRe = regexp.MustCompile(`^([A-Z][a-z]+(?:[A-Z][a-z]+)+)_([a-zA-Z]+)__[A-Za-z0-9_-]{4,}$`)

// camelWords writes a PascalCase name as words joined by hyphens:
// "AlertBar" is "alert-bar".
func camelWords(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('-')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// furniture reports whether an element is a container of page furniture
// by its tag, role, class or id, and cannot be the article.
func (pg *pageCtx) furniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Button, atom.Iframe, atom.Select, atom.Textarea, atom.Input, atom.Svg, atom.Dialog:
		return true
	case atom.Form:
		// A search box, a comment form, a sign-up; but ASP.NET WebForms
		// wraps the whole page, its article with it, in one <form>, and
		// old Reddit a post's text in the form that edits it (no field to
		// type in shown, paragraphs of prose), and a board its thread in
		// its moderators' form (Simple Machines' quickModForm), the posts
		// runs of text between <br>s.
		if proseRuns(n, 2) >= 2 && !typingField(n) {
			return false
		}
		return pg.notArticle(n, true)
	case atom.Body, atom.Main:
		unhide(n) // kept invisible until its fonts load, or hidden behind a dialog
		return false
	case atom.Article:
		if hiddenNode(n) && pg.anchor != nil && !isAncestor(n, pg.anchor) {
			return true // another article, hidden (the next one, preloaded)
		}
		unhide(n)
		return false
	case atom.Figcaption:
		// A caption is the text's, whatever a framework's class says of
		// its type ("uk-text-meta", "caption-meta"), and so are its
		// lines: a credit classed as a byline ("<div
		// class="tnt-byline">Luis Ortega, Sentinel</div>").
		// A credit marked aria-hidden (screen readers are given it
		// otherwise) is shown all the same.
		dropClassID(n)
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && !hasBlockChild(k) {
				dropClassID(k)
				k.Attr = slices.DeleteFunc(k.Attr, func(a html.Attribute) bool { return a.Key == "aria-hidden" })
			}
		}
		return false
	}
	// Hidden, unless it holds the article: a modal library hides the
	// whole app from assistive technology while its dialog (a cookie
	// banner) is open, and a page may stay invisible until its fonts
	// load.
	if hiddenNode(n) {
		if pg.notArticle(n, true) {
			return true
		}
		unhide(n) // readability drops what is hidden
	}
	if adMarked(n) {
		return pg.notArticle(n, false)
	}
	if microdataFurniture(n) {
		return pg.notArticle(n, true)
	}
	switch landmarkRole(n) {
	case "navigation", "complementary", "banner", "contentinfo", "dialog", "search", "alert", "alertdialog":
		return pg.notArticle(n, true)
	case "region":
		if l := strings.ToLower(attr(n, "aria-label")); strings.Contains(l, "alert") || strings.Contains(l, "announcement") || strings.Contains(l, "alerte") {
			return pg.notArticle(n, true)
		}
	}
	chrome, alertOnly, shortAdOnly, meterOnly := false, true, true, true
	for _, tok := range strings.Fields(attr(n, "class")) {
		if skipLinkClassRe.MatchString(tok) {
			// Before the text's words: a skip link's box also carries
			// utility classes ("text-primary-emphasis") that read as text.
			return pg.notArticle(n, true)
		}
	}
	for _, tok := range append(strings.Fields(attr(n, "class")), attr(n, "id")) {
		if tok = builderType(n, tok); tok == "" {
			continue
		}
		k := pg.classOf(tok)
		if k.keep && !k.chrome {
			keepFactbox(n) // "article__encadre"
			return false
		}
		if k.chrome {
			chrome = true
			alertOnly = alertOnly && k.alert
			shortAdOnly = shortAdOnly && shortAdWord(tok)
			meterOnly = meterOnly && strings.Contains(strings.ToLower(tok), "paywall")
		}
	}
	if chrome && alertOnly && textCallout(n) {
		return false // a note or a warning of the text ("alert alert-info")
	}
	if chrome && figureOnly(n) && amongProse(n) {
		// A builder calls every block a "widget": a box of one figure
		// with its caption, set among the paragraphs, is the text's (and
		// readability, which reads the class too, must not drop it).
		dropClassID(n)
		return false
	}
	if chrome && meterOnly && proseParagraphs(n, 3) >= 3 {
		// The text a paywall script meters ("paywall prose …"), free
		// here: the wall's own box is a prompt, not paragraphs.
		return false
	}
	if chrome && shortAdOnly && (proseParagraphs(n, 4) >= 4 || n.DataAtom == atom.Table && dataTable(n)) {
		// "ad" and "pub" are also short for other words ("pub-body" is
		// PubPub's publication body, "pub-table" its table): an ad slot
		// never holds four paragraphs of prose, nor is a table of data.
		return false
	}
	if !chrome {
		if keepFactbox(n) {
			return false
		}
		return n.DataAtom == atom.Aside && pg.notArticle(n, true)
	}
	if pg.prose >= 3 && proseParagraphs(n, pg.prose) == pg.prose {
		// A box that holds every paragraph of prose on the page is the
		// text, whatever its class says: a comment thread longer than
		// the article leaves the article's paragraphs outside it.
		return false
	}
	return pg.notArticle(n, true)
}

// landmarkRole returns the ARIA role of n: its role attribute, else the
// one HTML gives a <header> or a <footer> that no article, aside, main,
// nav or section holds (nor a quote, a figure or a cell: sectioning roots
// of their own), the page's banner and its contentinfo (its foot:
// the publisher's address, tagline and links, which readability may
// join to the text as a sibling of its container).
func landmarkRole(n *html.Node) string {
	if r := strings.ToLower(strings.TrimSpace(attr(n, "role"))); r != "" {
		return r
	}
	if n.DataAtom != atom.Header && n.DataAtom != atom.Footer {
		return ""
	}
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Article, atom.Aside, atom.Main, atom.Nav, atom.Section, atom.Blockquote, atom.Figure, atom.Td, atom.Details, atom.Fieldset, atom.Dialog:
			return "" // a section's, or a quote's or a figure's own
		}
		switch strings.ToLower(attr(p, "role")) {
		case "article", "main", "region", "complementary", "navigation":
			return ""
		}
	}
	if n.DataAtom == atom.Header {
		return "banner"
	}
	return "contentinfo"
}

// hiddenNode reports whether n is hidden: the hidden attribute,
// aria-hidden, or a style of display: none or visibility: hidden.
func hiddenNode(n *html.Node) bool {
	_, hidden := attrOK(n, "hidden")
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return hidden || attr(n, "aria-hidden") == "true" || strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") || hiddenByClass(n)
}

// typingField reports whether n holds a field to type in: a text area,
// a list to choose from, or an input that is not hidden, a button or a
// box to tick.
func typingField(n *html.Node) bool {
	return findFirst(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.Textarea, atom.Select:
			return !hiddenNode(c)
		case atom.Input:
			switch strings.ToLower(attr(c, "type")) {
			case "hidden", "submit", "button", "checkbox", "radio", "image", "reset":
				return false
			}
			return !hiddenNode(c)
		}
		return false
	}) != nil
}

// hiddenClassRe is a utility class that hides an element: "hidden"
// (Bootstrap 3, Tailwind), "d-none", "is-hidden", "u-hidden".
var hiddenClassRe = regexp.MustCompile(`^(?:hidden|d-none|is-hidden|u-hidden|hide|display-none|visually-hidden-always)$`)

// shownAtRe is a utility class that shows an element again at some
// screen size: "md:block", "d-lg-flex", "lg:grid".
var shownAtRe = regexp.MustCompile(`^(?:[a-z0-9]+:(?:block|flex|grid|inline|inline-block|inline-flex|table|contents)|d-(?:sm|md|lg|xl|xxl)-(?:block|flex|grid|inline|inline-block|table))$`)

// hiddenByClass reports whether a utility class hides n at every screen
// size: a hiding class and no class that shows it again.
func hiddenByClass(n *html.Node) bool {
	hidden := false
	for _, tok := range strings.Fields(attr(n, "class")) {
		if shownAtRe.MatchString(tok) {
			return false
		}
		hidden = hidden || hiddenClassRe.MatchString(tok)
	}
	return hidden
}

// unhide removes from n what hides it: the hidden attribute,
// aria-hidden and its style.
func unhide(n *html.Node) {
	n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "hidden" || a.Key == "aria-hidden" || a.Key == "style" })
}

// figureOnly reports whether n holds one <figure> with a caption and no
// text outside it.
func figureOnly(n *html.Node) bool {
	fig := findAtom(n, atom.Figure)
	if fig == nil || countAtom(n, atom.Figure, 2) > 1 || findAtom(fig, atom.Figcaption) == nil {
		return false
	}
	return textLen(n) == textLen(fig)
}

// shortAdWord reports whether a furniture class token is one only by
// "ad", "ads" or "pub", abbreviations of other words too ("pub-body"):
// one of its parts is such a word and no other part names furniture.
func shortAdWord(tok string) bool {
	short := false
	for _, part := range strings.FieldsFunc(strings.ToLower(tok), func(r rune) bool { return r == '-' || r == '_' }) {
		switch {
		case part == "ad" || part == "ads" || part == "pub":
			short = true
		case chromeClassRe.MatchString(part):
			return false
		}
	}
	return short
}

// builderRe is the prefix of a page builder's class names
// ("elementor-widget-text-editor", "wp-block-social-links", "et_pb_text"):
// what follows names the block's type.
// widgetTypeRe is a builder's block class, "rm-widget" or
// "sm-page-widget", and its type, "rm-widget-text", or its id,
// "sm-page-widget-0a1b2c".
var widgetTypeRe = regexp.MustCompile(`^([a-z]{1,4}(?:-[a-z]{1,8})?)-widget(?:-([a-z]+(?:-[a-z]+)*|[a-z0-9]*[0-9][a-z0-9]*))?$`)

// hasTokenPrefix reports whether a class list holds a token opening on
// prefix.
func hasTokenPrefix(class, prefix string) bool {
	for _, tok := range strings.Fields(class) {
		if strings.HasPrefix(tok, prefix) {
			return true
		}
	}
	return false
}

var builderRe = regexp.MustCompile(`^(?:elementor-widget|elementor|wp-block|et_pb|vc|fl|sqs-block|brxe|kb|uagb)[-_]`)

// builderType returns the type of block a page builder's class token
// on n names, "" for its generic wrappers ("elementor-widget",
// "elementor-widget-container"), and any other token as it is: a builder
// calls every block a "widget" or a "module", text included.
func builderType(n *html.Node, tok string) string {
	switch tok {
	case "elementor-widget", "elementor-element", "et_pb_module", "vc_element":
		return ""
	}
	if name, ok := componentName(n, tok); ok {
		return name
	}
	// A builder of its own that names each block "<p>-widget" and its
	// type "<p>-widget-<type>" (Readymag's "rm-widget rm-widget-text",
	// SmugMug's "sm-page-widget sm-page-widget-html"): the type says what
	// the block is.
	if m := widgetTypeRe.FindStringSubmatch(tok); m != nil {
		if strings.ContainsAny(m[2], "0123456789") {
			return "" // the block's id ("sm-page-widget-0a1b2c") names no type
		}
		if m[2] != "" {
			return m[2]
		}
		if hasTokenPrefix(attr(n, "class"), tok+"-") {
			return ""
		}
	}
	loc := builderRe.FindStringIndex(tok)
	if loc == nil {
		return tok
	}
	rest := tok[loc[1]:]
	switch rest {
	case "", "widget", "module", "element", "container", "section", "column", "row", "wrap", "wrapper", "inner", "block":
		return ""
	}
	return rest
}

// captionCredit reports whether n is a credit in a figure's caption, a
// short line of its own that reads as one: "Photo: … / …", "By …", "©
// …", "Réalisation : …", "Courtesy of …".
func captionCredit(n *html.Node) bool {
	if !inFigcaption(n) || hasBlockChild(n) {
		return false
	}
	if wordsOver(n, 16) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 16 {
		return false
	}
	return bylineRe.MatchString(raw) || strings.HasPrefix(raw, "©") || creditLine(raw) || courtesyRe.MatchString(strings.ToLower(strings.ReplaceAll(raw, "’", "'")))
}

// courtesyRe opens a credit given by courtesy: "Courtesy of …", "Photo
// courtesy …", "Avec l'aimable autorisation de …", "Photo fournie par …".
var courtesyRe = regexp.MustCompile(`^\(?(?:(?:photos?|image|picture|video|vidéo) )?courtesy(?: of)?\s|^\(?(?:avec l'aimable autorisation (?:de|du|des|d')|(?:photos?|image) fournies? par|submitted photo|file photo)`)

// dropClassID removes n's class and id, the names the furniture rules and
// readability would read it by: what is left of a line kept as the
// text's (an attribution, a credit, a subheading).
func dropClassID(n *html.Node) {
	n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "class" || a.Key == "id" })
}

// keepFactbox turns an <aside> that is a factbox into a <div>, a block
// readability does not drop (it drops every <aside>), and reports whether
// it did.
func keepFactbox(n *html.Node) bool {
	if n.DataAtom != atom.Aside || !factbox(n) {
		return false
	}
	n.Data, n.DataAtom = "div", atom.Div
	return true
}

// factbox reports whether an <aside> is a box of the article's text (key
// dates, figures): it sits among the text's paragraphs, says at least a
// few sentences' worth, and is not links. In a body built of modules (a
// section of paragraphs, the box, another section), a box is the text's
// when it is a list of facts under its title ("En chiffres", "Repères",
// "Key facts", "By the numbers") between blocks of the text's prose: a
// promotion says what it sells with a form or a button, a list of
// related pages is links.
func factbox(n *html.Node) bool {
	if n.Parent == nil || textLen(n) < 80 || linkShare(n) >= 0.3 {
		return false
	}
	if directProse(n.Parent) >= 2 {
		return true
	}
	return factList(n) && proseBlock(prevElement(n)) && proseBlock(nextElement(n))
}

// factList reports whether a box is a title and a list of two or more
// items, with no form or button: "En chiffres" over "11 000 : personnes
// desservies", "9 : infirmières perdues".
func factList(n *html.Node) bool {
	if contains(n, atom.Form) || contains(n, atom.Button) || contains(n, atom.Input) {
		return false
	}
	first := firstElement(n)
	if first == nil || !isHeadingLike(first) {
		return false
	}
	for l := nextElement(first); l != nil; l = nextElement(l) {
		if (l.DataAtom == atom.Ul || l.DataAtom == atom.Ol) && countAtom(l, atom.Li, 2) >= 2 {
			return true
		}
	}
	return false
}

// proseBlock reports whether n is a paragraph of prose (twelve words or
// more, not mostly link) or a block that holds one.
func proseBlock(n *html.Node) bool {
	if n == nil {
		return false
	}
	if n.DataAtom == atom.P && wordCount(n) >= 12 && linkShare(n) < 0.5 {
		return true
	}
	return proseParagraphs(n, 1) >= 1
}

// notArticle reports whether n cannot be the article: it holds no
// <article> or <main> and not the headline, and less than half of the
// page's text, or any part of it when big is set and the headline is known
// (a comment thread or a sidebar longer than the article is still
// furniture).
func (pg *pageCtx) notArticle(n *html.Node, big bool) bool {
	// An <article> may be a card (a product's, a teaser's) in the text:
	// one of 300 characters or fewer is no article.
	holdsArticle := findFirst(n, func(c *html.Node) bool {
		return (c.DataAtom == atom.Article || c.DataAtom == atom.Main) && textLonger(c, 300)
	}) != nil
	if holdsArticle || pg.anchor != nil && (n == pg.anchor || isAncestor(n, pg.anchor)) {
		return false
	}
	if big && pg.anchor != nil {
		return true
	}
	return pg.total == 0 || textLen(n)*2 < pg.total
}

// lineBox returns what goes with a furniture line: the box it opens when
// the rest of the box is a few words and buttons ("Cette page vous a-t-elle
// été utile ? Oui Non"), else the line alone.
func (pg *pageCtx) lineBox(line *html.Node) *html.Node {
	p := line.Parent
	if p == nil {
		return line
	}
	if f := firstElement(p); f != line {
		// A box of a short title and the line ("Contribuer" over
		// "Réutiliser ce contenu") goes whole.
		if f == nil || !isHeadingLike(f) || wordCount(f) > 4 || nextElement(f) != line {
			return line
		}
	}
	switch p.DataAtom {
	case atom.Body, atom.Main, atom.Article, atom.Html:
		return line
	}
	if textLen(p)-textLen(line) <= 80 && proseParagraphs(p, 1) == 0 && pg.notArticle(p, false) && !mediaWithCaption(p, line) {
		return p
	}
	return line
}

// mediaWithCaption reports whether a box is a figure in all but name: it
// holds an image or a player and, besides the furniture line, a line of
// text of at least four words (a gallery slide's caption under its "1 / 4"
// counter and "Next image" link). The line goes, the figure stays.
func mediaWithCaption(box, line *html.Node) bool {
	if !contains(box, atom.Img) && !contains(box, atom.Picture) && !contains(box, atom.Video) {
		return false
	}
	for c := box.FirstChild; c != nil; c = c.NextSibling {
		if c == line || c.Type != html.ElementNode || c.DataAtom == atom.A || lineChrome(c) {
			continue
		}
		if wordCount(c) >= 4 && linkShare(c) < 0.5 {
			return true
		}
	}
	return false
}

// nextElement returns the element after n among its siblings, text
// between them aside.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// commentsTitleRe matches the heading of a comment thread.
var commentsTitleRe = regexp.MustCompile(`^(?:top comments|discussion(?: about this (?:post|article|story))?)$|^(?:[0-9]+ )?(?:commentaires?|réactions?|comments?|responses?|replies)(?: [0-9]+)?$|^(?:vos|les) (?:réactions|commentaires)|^(?:leave a (?:comment|reply)|laisser un commentaire|join the (?:discussion|conversation))$` +
	// the readers' thread named otherwise: "Readers respond (7)", "Ce que
	// vous en pensez", "Réactions des lecteurs"
	`|^(?:[0-9]+ )?(?:readers?'?s?|your|reader) (?:respond|responses?|comments?|reactions?|views|say|letters)(?: [0-9]+)?$|^what (?:readers|you) (?:say|think|said)(?: [0-9]+)?$|^have your say$` +
	`|^(?:[0-9]+ )?(?:réactions?|commentaires?|avis) (?:des|de nos) (?:lecteurs|internautes|abonnés)(?: [0-9]+)?$|^(?:ce que vous en pensez|vous en pensez quoi|à vous la parole)(?: [0-9]+)?$` +
	// WordPress themes' thread titles: "3 thoughts on "Title"", "2 réflexions sur « Titre »", "One response to …"
	// (the post's title in quotes: "Trois réponses à la sécheresse" is a subheading)
	`|^(?:[0-9]+|one) (?:thoughts?|responses?|replies|comments?|réflexions?|réponses?|commentaires?) (?:on|to|about|sur|à) ["«“].{1,200}$`)

// boilerplateRe is the heading of the boilerplate a press release ends
// on: "About Northfield University", "À propos de la Fondation …",
// "Notes to editors", "Contact presse".
var boilerplateRe = regexp.MustCompile(`^(?:About (?:the |The )?\p{Lu}|À propos (?:de (?:la |l'|l’)?|du |des |d'|d’)\p{Lu}|A propos (?:de (?:la |l'|l’)?|du |des |d'|d’)\p{Lu}|(?i:notes? to editors|note aux rédactions|contacts? presse|press contacts?|media contacts?|for media enquiries|editor's notes?)\b)`)

// boilerplateTail returns a boilerplate heading and what follows it when
// they end the text: the heading is the last of its container, followed
// by at most two short paragraphs or lines (a section of the text so
// titled says more).
func boilerplateTail(h *html.Node) []*html.Node {
	switch h.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P, atom.Strong:
	default:
		return nil
	}
	raw := normText(h)
	if label := runInLabel(h); label != "" && len(strings.Fields(raw)) <= 100 {
		raw = label // "<b>About Halvorsen Robotics</b><br>Founded in 2019 …"
	}
	if len(strings.Fields(raw)) > 8 || !boilerplateRe.MatchString(raw) {
		return nil
	}
	out := []*html.Node{h}
	prose := 0 // the followers that are neither labelled nor short
	for s := h.NextSibling; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
				return nil
			}
			continue
		}
		switch s.DataAtom {
		case atom.P, atom.Div, atom.Ul:
		case atom.Img:
			if strings.TrimSpace(attr(s, "alt")) == "" {
				out = append(out, s) // a wire's tracking pixel after "SOURCE …"
				continue
			}
			return nil
		default:
			return nil
		}
		nw := wordCount(s)
		if nw > 60 || hasBlockChild(s) && s.DataAtom != atom.Ul {
			return nil
		}
		// A release's tail is made of labelled blocks ("Forward-Looking
		// Statements", "Media Contact:"), short lines ("SOURCE …") and
		// pixels; at most two blocks of prose follow the heading.
		if nw > 12 && runInLabel(s) == "" {
			if prose++; prose > 2 {
				return nil
			}
		}
		out = append(out, s)
	}
	return out
}

// runInLabel returns the label a block opens on as a line of its own: a
// bold first element followed by a line break ("<b>Media Contact:</b><br>
// …"), else "".
func runInLabel(n *html.Node) string {
	if n.DataAtom != atom.P && n.DataAtom != atom.Div {
		return ""
	}
	first := n.FirstChild
	for first != nil && first.Type == html.TextNode && strings.TrimSpace(first.Data) == "" {
		first = first.NextSibling
	}
	if first == nil || first.Type != html.ElementNode || first.DataAtom != atom.B && first.DataAtom != atom.Strong {
		return ""
	}
	br := first.NextSibling
	for br != nil && br.Type == html.TextNode && strings.TrimSpace(br.Data) == "" {
		br = br.NextSibling
	}
	if br == nil || br.DataAtom != atom.Br {
		return ""
	}
	label := normText(first)
	if n := len(strings.Fields(label)); n == 0 || n > 8 {
		return ""
	}
	return label
}

// wroteRe is the line a reader's post opens with: "margaret_h wrote:",
// "Paul a écrit :".
var wroteRe = regexp.MustCompile(`(?i)^\S.{0,40}\s(?:wrote|writes|said|says|replied|a écrit|écrit|a répondu|répond)\s*:$`)

// postThread reports whether n holds a thread of readers' posts: at least
// two of its children open on a "… wrote:" line or carry a forum profile.
func postThread(n *html.Node) bool {
	posts := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		first := c
		for f := firstElement(first); f != nil; f = firstElement(f) {
			first = f
		}
		if first != c && wroteRe.MatchString(normText(first)) || profiledPost(c) {
			posts++
		}
	}
	return posts >= 2
}

// headedSection returns what goes with a furniture heading h: its parent
// when h opens it and the parent cannot be the article (a comment thread
// may be longer than it), else h and the element after it when that one
// is a list or a box of links.
func (pg *pageCtx) headedSection(h *html.Node) []*html.Node {
	comments := commentsTitleRe.MatchString(titleForm(textOf(h)))
	h = headingWrapper(h)
	p := h.Parent
	if p != nil && firstElement(p) == h && p.DataAtom != atom.Body && p.DataAtom != atom.Article && p.DataAtom != atom.Main &&
		pg.notArticle(p, comments) && (comments || proseParagraphs(p, 3) < 3) {
		return []*html.Node{p}
	}
	out := []*html.Node{h}
	for s := h.NextSibling; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		if s.DataAtom == atom.Ul || s.DataAtom == atom.Ol || linkShare(s) >= 0.5 {
			out = append(out, s)
		}
		break
	}
	return out
}

// headingWrapper returns the outermost wrapper that holds the heading h
// and nothing else ("<div class="section-head"><h4>…</h4></div>"), the
// section it heads being the wrapper's parent; else h.
func headingWrapper(h *html.Node) *html.Node {
	for p := h.Parent; p != nil && p.DataAtom != atom.Body && p.DataAtom != atom.Article && p.DataAtom != atom.Main && textLen(p) == textLen(h); p = p.Parent {
		h = p
	}
	return h
}

// moreOfRe is the heading of more news of the site in a few words of its
// own: "More club news", "Other county stories", "Autres actualités du
// club". A subheading of the text so worded ("More bad news") heads
// prose (overProse).
var moreOfRe = regexp.MustCompile(`^(?:more|other|latest|recent) (?:[\p{L}'’-]+ ){1,2}(?:news|stories|articles|posts|updates)$|^(?:autres|dernières|plus d'|d'autres) ?(?:actualités|actus|nouvelles|infos)(?: [\p{L}'’-]+){0,3}$`)

// overProse reports whether the heading h, or the wrapper that holds it
// alone, is followed by a paragraph of prose.
func overProse(h *html.Node) bool {
	next := nextElement(headingWrapper(h))
	return next != nil && next.DataAtom == atom.P && proseBlock(next)
}

// proseParagraphs counts, up to limit, the paragraphs of n with a sentence
// in them that is not a link: a box of teasers has few, a body many.
func proseParagraphs(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.P && wordCount(c) >= 12 && linkShare(c) < 0.5 {
				count++
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return count
}

// isHeadingLike reports whether n reads as a section title: a heading, or
// a short block of a few words.
func isHeadingLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	case atom.P, atom.Div, atom.Span, atom.Strong, atom.B:
		w := wordCount(n)
		return w > 0 && w <= 6 && !hasBlockChild(n)
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c) {
			return true
		}
	}
	return false
}

// isBlock reports whether an element is a block of text or of the text's
// furniture (a paragraph, a heading, a list, a figure, a box).
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.P, atom.Ul, atom.Ol, atom.Section, atom.Article, atom.Figure, atom.Table,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote:
		return true
	}
	return false
}

// blocksOnly reports whether n holds blocks and nothing else: no text
// and no inline element of its own (a speaker's name in a <span> before
// the paragraph), which would run into the lines around it once n's
// blocks are moved out of it.
func blocksOnly(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		case c.Type == html.ElementNode && !isBlock(c) && c.DataAtom != atom.Pre && c.DataAtom != atom.Hr && c.DataAtom != atom.Dl:
			return false
		}
	}
	return true
}

// titleForm is a heading's text lower-cased, apostrophes straight,
// punctuation, digits in parentheses and white space trimmed.
func titleForm(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = titleFormReplacer.Replace(s)
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) })
}

// dashFold writes the dashes of a title as hyphens: "Saint-Aubin –
// Kirchheim" and "Saint-Aubin - Kirchheim" are one.
func dashFold(s string) string { return dashFolder.Replace(s) }

var dashFolder = strings.NewReplacer("–", "-", "—", "-", "‐", "-")

// titleFormReplacer straightens titleForm's apostrophes and drops its
// parentheses.
var titleFormReplacer = strings.NewReplacer("’", "'", "(", "", ")", "")

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

func contains(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || contains(c, a)) {
			return true
		}
	}
	return false
}

func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}

// lastElement returns n's last element child when no text follows it,
// else nil.
func lastElement(n *html.Node) *html.Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}

// linkShare is the share of n's text inside links.
func linkShare(n *html.Node) float64 {
	all := textLen(n)
	if all == 0 {
		return 0
	}
	in := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			in += textLen(n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return float64(in) / float64(all)
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// bannerOverRule reports whether n is an old page's banner over its
// headline: short lines (at most 20 words, no sentence of twelve) and
// then a rule, right before the headline ("<p align=center><b>Confrérie
// des sonneurs de Saint-Martin</b><br><i>Fondée en 1703 - Le Molay</i>
// </p><hr><h1>…"), the site's row of links maybe between them.
func bannerOverRule(n, headline *html.Node) bool {
	// Between them, the site's row of links may come before the rule, and
	// empty paragraphs around it ("<P><HR></P>").
	empty := func(e *html.Node) bool { return e != nil && e.DataAtom != atom.Hr && textLen(e) == 0 && !pictured(e) }
	rule := nextElement(n)
	if rule != nil && rule.DataAtom != atom.Hr && linkRowBlock(rule) {
		rule = nextElement(rule)
	}
	for empty(rule) {
		rule = nextElement(rule)
	}
	if rule == nil || rule.DataAtom != atom.Hr {
		return false
	}
	next := nextElement(rule)
	for empty(next) {
		next = nextElement(next)
	}
	if next != headline {
		return false
	}
	if wordsOver(n, 20) || proseParagraphs(n, 1) > 0 {
		return false
	}
	for _, l := range brLines(n) {
		if len(strings.Fields(l)) >= 12 {
			return false
		}
	}
	return true
}

// headlineClassRe is a class that names the article's headline: a
// desktop publisher's style ("Titre-article"), a CMS's "entry-title".
var headlineClassRe = regexp.MustCompile(`(?i)^(?:titre|title|headline|titre[-_]article|article[-_]titre|article[-_]title|post[-_]title|entry[-_]title|story[-_]title|news[-_]title|titre[-_]principal)$`)

// classedHeadline returns, on a page with no heading for its headline,
// the first block before the first paragraph of prose whose class names
// it the headline (headlineClassRe), of three to 25 words with no
// sentence end; else nil.
func classedHeadline(body *html.Node) *html.Node {
	return titleLikeIn(body, func(c *html.Node, _ string) bool {
		for _, tok := range strings.Fields(attr(c, "class")) {
			if headlineClassRe.MatchString(tok) {
				return true
			}
		}
		return false
	})
}

// namedBanner reports whether a box before the headline is the site's
// banner: its first line is the site's name (named), a tagline or two
// after it, at most 20 words and no sentence of prose ("Calder Valley
// Beekeepers" / "A branch of the British Beekeepers Association").
func namedBanner(n *html.Node, named func(*html.Node) bool) bool {
	lines := textLines(n)
	if len(lines) < 2 || len(lines) > 3 || wordsOver(n, 20) || proseParagraphs(n, 1) > 0 {
		return false
	}
	return named(lines[0])
}

// headlineMark marks the headline that goes after readability.
const headlineMark = "data-newsdesk-headline"

// dropMasthead removes what surrounds the headline before the text: the
// short labels before the <h1> in its container (section, kicker,
// breadcrumb) and the byline lines between the <h1> and the first
// paragraph. The headline itself readability removes. head is the
// page's <title> as written.
func dropMasthead(body *html.Node, title, head string) {
	h1 := titleHeading(body, title)
	if h1 == nil {
		h1 = findAtom(body, atom.H1)
	}
	if h1 == nil && title != "" {
		// Div soup: the headline is the first block that reads as the
		// page's title; readability, which looks at headings only,
		// keeps it.
		if h1 = findText(body, title); h1 == nil {
			h1 = titleLikeBlock(body)
		}
		if h1 == nil {
			h1 = classedHeadline(body)
		}
		if h1 != nil && h1.Parent != nil {
			defer h1.Parent.RemoveChild(h1)
		}
	}
	if h1 == nil || h1.Parent == nil {
		return
	}
	// The site's name as the <title> gives it after the headline, or the
	// whole <title> that the headline is not, over the headline in large
	// letters ("<p align=center><font size=6>Comité des fêtes de
	// Saint-Aubin-sur-Loir</font></p>"), goes however long.
	_, site, _ := splitTitle(head)
	siteName := func(c *html.Node) bool {
		t := dashFold(titleForm(normText(c)))
		return site != "" && t == dashFold(titleForm(site)) || t == dashFold(titleForm(head)) && t != dashFold(titleForm(normText(h1)))
	}
	if h := titleHeading(body, title); h == h1 {
		// The headline readability would remove only when it matches the
		// title readability reads (JSON-LD's headline may be shorter).
		defer func() {
			if h1.Parent != nil {
				h1.Parent.RemoveChild(h1)
			}
		}()
	} else if h == nil && h1.DataAtom == atom.H1 && countAtom(body, atom.H1, 2) == 1 && firstParagraphAfter(body, h1) != nil && !siteName(h1) {
		// The page's one <h1>, over the text, that the <title> does not
		// read ("Club Ferroviaire du Trégor - Nouvelles du réseau" over
		// "Le nouveau réseau est inauguré !"): the headline all the same.
		// It goes after readability (marked headlineMark), which would
		// otherwise take the first subheading like its title for the
		// headline and remove it.
		h1.Attr = append(h1.Attr, html.Attribute{Key: headlineMark, Val: "1"})
	}
	// A page of components (AEM's Core Components, a page builder's
	// widgets) wraps the headline and each label in wrappers of their
	// own: the kicker or type label ("Library News") is then before the
	// headline's wrapper, not beside the headline. The labels go from
	// each wrapper that holds the headline alone, a few levels up.
	for top, level := h1, 0; top.Parent != nil && level < 4; top, level = top.Parent, level+1 {
		if level > 0 && textLen(top) != textLen(h1) {
			break
		}
		p := top.Parent
		for c := p.FirstChild; c != nil && c != top; {
			next := c.NextSibling
			if c.Type == html.TextNode || c.Type == html.ElementNode && (!pictured(c) || bannerOverRule(c, top)) && c.DataAtom != atom.Figure {
				// a label; or, on a page laid out flat, the site's row of
				// links
				if t := textLen(c); t > 0 && (t <= 40 || c.Type == html.ElementNode && (linkRowBlock(c) || t <= 120 && siteName(c) || bannerOverRule(c, top) || t <= 200 && namedBanner(c, siteName))) && !isStandfirst(c) {
					p.RemoveChild(c)
				}
			}
			c = next
		}
	}
	// Headings before the headline, none of the text's paragraphs before
	// them: a section's or a blog's banner in a block of its own ("Actualités
	// du refuge" over "Refuge de la Combe Noire, 2 310 m"), which
	// readability takes with the text when it keeps the page's wrapper.
	for _, h := range headingsBefore(body, h1) {
		h.Parent.RemoveChild(h)
	}
	// The headline shown twice (a theme's title bar, then the post's own
	// title): the other copy goes too.
	for _, h := range headlineCopies(body, h1) {
		h.Parent.RemoveChild(h)
	}
	// The first paragraph of the text follows the headline: a site's
	// slogan in the header is not it.
	first := firstParagraphAfter(body, h1)
	afterHead, prose := false, false
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c == first {
				return false
			}
			if c == h1 {
				afterHead = true
				c = next
				continue
			}
			if c.Type == html.ElementNode {
				t := normText(c)
				if afterHead && !hasBlockChild(c) && !tablePart(c) && len(strings.Fields(t)) >= 20 {
					prose = true // the text has begun, in runs of no <p>
				}
				// A credit in a figure's caption ("Photo: … / …") is
				// the caption's, not a byline.
				if n := len(strings.Fields(t)); n > 0 && (n <= 12 && (bylineRe.MatchString(t) || signatureLine(t) || afterHead && (typeLabel(c, t) || releaseTypeRe.MatchString(titleForm(t)))) && !(prose && inItemBelow(c, h1)) || !hasBlockChild(c) && (metaDateLine(t) || compoundMetaLine(t)) && !inItemBelow(c, h1) && !isHeadingLike(c) && !isStandfirst(c)) && !contains(c, atom.Img) && !inFigcaption(c) {
					// (Once the text has begun, a row of a table or an item
					// of a list is the text's, whatever it reads as:
					// "Piégros-la-Clastre du 19 au 23 juillet 4 heures" is no
					// signature. Before it, a score board's row goes.)
					n := c.Parent
					n.RemoveChild(c)
				} else if !walk(c) {
					return false
				}
			}
			c = next
		}
		return true
	}
	walk(body)
}

// furtherRe is a section title that may head the text's last part as
// well as a box of links: "Pour aller plus loin", "En savoir plus".
var furtherRe = regexp.MustCompile(`^(?:pour )?(?:aller plus loin|en savoir plus)|^(?:to go further|learn more|find out more|further information)$`)

// headsProse reports whether a heading is followed by a paragraph of
// prose with few links and says "further" (furtherRe): "Pour aller plus
// loin" over practical details is
// a subheading of the text, over a list of links a box of related pages.
func headsProse(h *html.Node) bool {
	if !furtherRe.MatchString(titleForm(textOf(h))) {
		return false
	}
	next := nextElement(h)
	return next != nil && next.DataAtom == atom.P && proseBlock(next) && linkShare(next) < 0.3
}

// partLabelRe names the part of a page the text is in, not a part of the
// text: "Show notes", "Notes de l'épisode", "Description".
var partLabelRe = regexp.MustCompile(`^(?:show notes|episode notes|notes de l'épisode|notes de l'émission|description(?: de l'épisode| de l'émission)?|episode description|about (?:this|the) episode|à propos de cet épisode|résumé de l'épisode)$`)

// partLabelHeading reports whether n is a heading (h2 to h4) that names
// the part the text is in (partLabelRe), right above the text: its
// next element opens on a paragraph of prose.
func partLabelHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4:
	default:
		return false
	}
	if !partLabelRe.MatchString(titleForm(textOf(n))) {
		return false
	}
	next := nextElement(n)
	for next != nil && next.DataAtom != atom.P && firstElement(next) != nil {
		next = firstElement(next)
	}
	return next != nil && proseBlock(next)
}

// linkRowBlock reports whether n is a row of links to the site's pages
// and little else: two links or more, three fifths of its text in them, no
// sentence.
func linkRowBlock(n *html.Node) bool {
	return len(linksIn(n)) >= 2 && linkShare(n) >= 0.6 && !proseBlock(n)
}

// tablePart reports whether n is a table or one of its rows or row
// groups: it holds cells, not a run of text.
func tablePart(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr:
		return true
	}
	return false
}

// headingsBefore returns the headings (<h1> to <h4>) before the headline
// h in the page's order, none when a paragraph of prose comes before it
// (then h is not where the text starts).
func headingsBefore(body, h *html.Node) []*html.Node {
	var found []*html.Node
	done, prose := false, false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !done; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case c == h || isHeading(c) && isAncestor(c, h):
				done = true // (the headline, or the heading it is a run of)
				return
			case c.DataAtom == atom.P && proseBlock(c):
				prose, done = true, true
				return
			case c.DataAtom == atom.H1 || c.DataAtom == atom.H2 || c.DataAtom == atom.H3 || c.DataAtom == atom.H4:
				found = append(found, c)
				continue
			}
			walk(c)
		}
	}
	walk(body)
	if prose {
		return nil
	}
	return found
}

// headlineCopies returns the headings (<h1> to <h3>) other than the
// headline h whose words are the headline's.
func headlineCopies(body, h *html.Node) []*html.Node {
	want := strings.Join(foldWords(textOf(h)), " ")
	if len(strings.Fields(want)) < 3 {
		return nil
	}
	var found []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c == h {
				continue
			}
			switch c.DataAtom {
			case atom.H1, atom.H2, atom.H3:
				if strings.Join(foldWords(textOf(c)), " ") == want {
					found = append(found, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(body)
	return found
}

// releaseTypeRe is the type of a release shown alone under its headline:
// "News release", "Communiqué de presse", "Media advisory", "Statement".
var releaseTypeRe = regexp.MustCompile(`^(?:news release|press release|media release|media advisory|statement|backgrounder|communiqué(?: de presse)?|avis aux médias|déclaration|document d'information)$`)

// typeLabelRe is a class token (or a part of one) naming a label: the
// type or section of a page shown under its headline.
var typeLabelRe = regexp.MustCompile(`(?i)(?:^|[-_])(?:label|labels|type|kicker|eyebrow|overline|surtitre|rubrique|category|categorie|badge|flag|genre|pill|chip)(?:$|[-_])`)

// verdictClassRe names a verdict or a rating by class.
var verdictClassRe = regexp.MustCompile(`(?i)verdict|rating|claim|score|note`)

// typeLabel reports whether n, between the headline and the first
// paragraph, is a label of the page's type or section ("Public notice",
// "Communiqué", "Analyse") named so by its class or id: one to three
// words, no sentence's punctuation, no digit, no block inside, not the
// standfirst. A subheading has no such class; a date or a byline is
// read by the rules beside it. A verdict or a rating under the headline
// ("FAUX" on a fact check, by a class "verdict-label") is what the text
// concludes: it stays.
func typeLabel(n *html.Node, text string) bool {
	if w := len(strings.Fields(text)); w == 0 || w > 3 || hasBlockChild(n) || isStandfirst(n) || strings.ContainsAny(text, ".,;:!?0123456789") {
		return false
	}
	if verdictClassRe.MatchString(attr(n, "class")) {
		return false
	}
	if isHeading(n) {
		return false
	}
	for _, tok := range append(strings.Fields(attr(n, "class")), attr(n, "id")) {
		if typeLabelRe.MatchString(tok) {
			return true
		}
	}
	return false
}

// inItemBelow reports whether n is in a list item, a table, a figure or
// a definition list (inItem) that does not also hold the headline h: a
// table that holds the headline is the page's layout (an old template's
// <table id="page"> with the text in a cell), not a table of the text.
func inItemBelow(n, h *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if isAncestor(p, h) {
			return false
		}
		switch p.DataAtom {
		case atom.Li, atom.Ul, atom.Ol, atom.Table, atom.Figure, atom.Figcaption, atom.Dl:
			return true
		}
	}
	return false
}

// findFirst returns the first element under n, in the page's order, that
// pred accepts; nil when none.
func findFirst(n *html.Node, pred func(*html.Node) bool) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if pred(c) {
			return c
		}
		if f := findFirst(c, pred); f != nil {
			return f
		}
	}
	return nil
}

func findAtom(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
		if f := findAtom(c, a); f != nil {
			return f
		}
	}
	return nil
}

// titleSeps are what a <title> puts between the headline and the site's
// name ("Le pont ferme | La Gazette").
var titleSeps = []string{" | ", " - ", " – ", " — "}

// head is what a page's <head> says of it.
type head struct {
	title string // the <title>
	og    string // og:title
	site  string // og:site_name, else application-name
}

// readHead reads the page's title, og:title and site name (the first of
// each), stopping at <body>.
func readHead(doc *html.Node) head {
	var h head
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				switch strings.ToLower(attr(n, "property")) {
				case "og:title":
					if h.og == "" {
						h.og = attr(n, "content")
					}
				case "og:site_name":
					if h.site == "" {
						h.site = attr(n, "content")
					}
				}
				if strings.EqualFold(attr(n, "name"), "application-name") && h.site == "" {
					h.site = attr(n, "content")
				}
			case atom.Title:
				if h.title == "" {
					h.title = textOf(n)
				}
			case atom.Body:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

// splitTitle splits a <title> at its last separator into the headline
// and the site's name; ok is false when it has none.
func splitTitle(title string) (headline, site string, ok bool) {
	for _, sep := range titleSeps {
		if i := strings.LastIndex(title, sep); i > 0 {
			return title[:i], title[i+len(sep):], true
		}
	}
	return title, "", false
}

// pageTitle returns og:title, else the <title> without a site name after
// " - ", " | " or " – ". An old site writes its name first and the
// headline last ("Mairie de … - Actualités - Travaux rue de l'Église"):
// when the part before the last separator is not a block of the page that
// leads to its text, the headline is the part that is (titlePartShown).
func pageTitle(doc *html.Node) string {
	h := readHead(doc)
	if h.og != "" {
		return strings.Join(strings.Fields(h.og), " ")
	}
	headline, _, ok := splitTitle(h.title)
	headline = strings.Join(strings.Fields(headline), " ")
	if body := findBody(doc); body != nil && ok {
		if part := titlePartShown(body, h.title, headline); part != "" {
			return part
		}
	}
	return headline
}

// titlePartShown returns the part of a <title> cut at its separators (or
// the whole of it), of three words or more, that a block of the page
// reads alone (findText) and that leads to the text soonest (proseAfter:
// a headline, not the site's name in its banner), the longest of those
// if several do; "" when headline (the part before the last separator)
// is such a part, or when none leads to the text and the page shows
// headline. An old page with no prose after its headline's block gives
// the longest part it reads alone.
func titlePartShown(body *html.Node, title, headline string) string {
	parts := titleParts(title)
	// The whole title too: a page's headline may hold the separator
	// itself ("Bulletin paroissial - Décembre 2026").
	parts = append(parts, title)
	alone, leading, best, headBest := "", "", -1, false
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if len(strings.Fields(p)) < 3 {
			continue
		}
		el := findText(body, p)
		if el == nil || homeLink(el) {
			continue // the site's name, as the link to its home page
		}
		if p == headline && headingAbove(el) {
			return "" // the headline set as a heading: the title reads as it is
		}
		if d := proseAfter(el); d >= 0 {
			switch {
			case best < 0 || d < best:
				best, leading, headBest = d, p, p == headline
			case d == best:
				headBest = headBest || p == headline
				if len(p) > len(leading) {
					leading = p
				}
			}
		}
		if len(p) > len(alone) {
			alone = p
		}
	}
	if headBest {
		return ""
	}
	if leading != "" {
		return leading
	}
	if headline != "" && !strings.Contains(normText(body), headline) {
		return alone
	}
	return ""
}

// titleParts returns a <title> cut at every separator (titleSeps).
func titleParts(title string) []string {
	parts := []string{title}
	for _, sep := range titleSeps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	return parts
}

// homeLink reports whether el is, or is in, a link to the site's home
// page (a path of "/" or none, or "index" with no query).
func homeLink(el *html.Node) bool {
	for n := el; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			u, err := url.Parse(strings.TrimSpace(attr(n, "href")))
			if err != nil {
				return false
			}
			path := strings.TrimSuffix(u.Path, "/")
			return u.RawQuery == "" && (path == "" || path == "/index.php" || path == "/index.html" || path == "index.php" || path == "index.html")
		}
	}
	return false
}

// headingAbove reports whether el is, or is in, a heading.
func headingAbove(el *html.Node) bool {
	for n := el; n != nil; n = n.Parent {
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3:
			return true
		}
	}
	return false
}

// proseAfter returns how many elements come between el and the first
// paragraph of prose (proseBlock) after it in the order of the page, -1
// when there is none within eight.
func proseAfter(el *html.Node) int {
	seen := 0
	for n := pastSubtree(el); n != nil && seen < 8; {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.P && proseBlock(n) {
				return seen
			}
			seen++
		}
		if n.FirstChild != nil {
			n = n.FirstChild
		} else {
			n = pastSubtree(n)
		}
	}
	return -1
}

// pastSubtree returns the node after n and its children in the order of
// the page.
func pastSubtree(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// findText returns the first element without element children whose text
// is s.
func findText(n *html.Node, s string) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if firstElement(c) == nil && !hasChildElement(c) && normText(c) == s {
			return c
		}
		if f := findText(c, s); f != nil {
			return f
		}
	}
	return nil
}

func hasChildElement(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// profileJoinedRe and profileCountRe are the two lines of a forum
// poster's profile: "Joined: Mar 2019" or "Inscrit le 3 mai 2021", then
// "Posts: 1,204" or "Messages : 87".
var (
	profileJoinedRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:joined|member since|registered|inscrit(?:e)?(?: le| depuis| en)?|membre depuis|date d'inscription)\s*:?\s*[\p{L}0-9]`)
	profileCountRe  = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:posts|messages|contributions|replies|réponses)\s*:\s*[0-9]`)
)

// profiledPost reports whether n is a post of a forum thread: it carries
// its poster's profile (when they joined, how many posts) and is not long.
func profiledPost(n *html.Node) bool {
	if textLonger(n, 3000) {
		return false
	}
	t := textOf(n)
	return colonNumber(t) && profileCountRe.MatchString(t) && profileJoinedRe.MatchString(t)
}

// colonNumber reports whether s holds a colon followed, after spaces, by
// a digit: what profileCountRe needs, found without running it on the
// texts of every container of a page.
func colonNumber(s string) bool {
	for i := strings.IndexByte(s, ':'); i >= 0; {
		rest := strings.TrimLeftFunc(s[i+1:], unicode.IsSpace)
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
		j := strings.IndexByte(s[i+1:], ':')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// actionButtonRe is a booking or calendar button: "Réserver", "Ajouter à
// mon agenda", "Book tickets", "Add to calendar".
var actionButtonRe = regexp.MustCompile(`^(?:réserver(?: mes places| vos places| en ligne| maintenant)?|réservez(?: vos places| en ligne| maintenant)?|billetterie|acheter (?:mes|vos|des) (?:places|billets)` +
	`|ajouter (?:à mon|à votre|à l'|au) (?:agenda|calendrier)|book(?: now| online| tickets| your tickets| a table)?|buy tickets|get tickets|add to (?:my |your )?(?:calendar|diary))$`)

// actionButton reports whether n is a booking or calendar button standing
// alone (not a link in a sentence): the box of practical details it ends
// keeps its text, the button goes.
func actionButton(n *html.Node) bool {
	if n.DataAtom != atom.A && n.DataAtom != atom.Button || inRunningText(n) {
		return false
	}
	return actionButtonRe.MatchString(titleForm(textOf(n)))
}

// adMarked reports whether an element says it is an ad slot by its
// attributes rather than its class: an aria-label naming an ad, or a data
// attribute of an ad server ("data-ad-slot", "data-ad-unit", "data-adunit").
func adMarked(n *html.Node) bool {
	switch strings.ToLower(strings.TrimSpace(attr(n, "aria-label"))) {
	case "advertisement", "advertising", "ad", "sponsored", "publicité", "annonce", "contenu sponsorisé":
		return true
	}
	for _, a := range n.Attr {
		if k := strings.ToLower(a.Key); k == "data-ad" || strings.HasPrefix(k, "data-ad-") || k == "data-adunit" || k == "data-ad-slot" {
			return true
		}
	}
	return false
}

// editLinkRe is a wiki's "[edit]" link beside a heading.
var editLinkRe = regexp.MustCompile(`^\[\s*(?:edit|edit source|modifier|modifier le code)\s*\]$`)

// editLink reports whether an element is only a wiki's "[edit]" link.
func editLink(n *html.Node) bool {
	return (n.DataAtom == atom.Span || n.DataAtom == atom.A) && editLinkRe.MatchString(strings.ToLower(normText(n)))
}

// slideNavRe is the link of a slide show to its next or previous slide.
var slideNavRe = regexp.MustCompile(`^(?:next|previous|prev) (?:image|photo|picture|slide)|^(?:image|photo|diapo|diapositive) (?:suivante|précédente)$`)

func slideNav(n *html.Node) bool {
	return n.DataAtom == atom.A && slideNavRe.MatchString(titleForm(textOf(n)))
}

// promptBox reports whether a box is a widget prompt: a button or an
// input with a line of at most 25 words and no image (an alert sign-up
// "Recevez les alertes … [Activer les notifications]"). The article's
// text has no buttons; a figure's zoom button sits beside an image.
func promptBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if !contains(n, atom.Button) && !contains(n, atom.Input) || contains(n, atom.Img) || contains(n, atom.Table) || contains(n, atom.Pre) || contains(n, atom.Code) {
		return false
	}
	return wordCount(n) <= 25 && proseParagraphs(n, 2) < 2
}

// logoWall reports whether a box is a wall of logos: at least two links
// each holding only an image, and besides them a few words at most (a
// title "Nos partenaires", a "Devenez partenaire" line).
func logoWall(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Ul:
	default:
		return false
	}
	logos := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.DataAtom == atom.A && contains(k, atom.Img) && textLen(k) == 0 {
				logos++
				continue
			}
			walk(k)
		}
	}
	walk(n)
	return logos >= 2 && wordCount(n) <= 12
}

// yearRe is a year, or a date written in digits (numericDateRe).
var yearRe = regexp.MustCompile(`\b(?:19|20)[0-9]{2}\b|` + numericDate)

// numericDate is a date written in digits: "14/07/2010", "20.11.26".
const numericDate = `\b[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}\b`

// numericDateRe matches numericDate.
var numericDateRe = regexp.MustCompile(numericDate)

// metaDateLine reports whether a short line is the meta line of a page
// by its shape, whatever its words: at most twelve words, a date among
// them (a year, or a month and a day), no sentence end. Only lines before
// the first paragraph of the text are asked ("Thomas Le Goff, le 9 mars
// 2027 à 07h15", "Posted 12 June 2027 in Parish News", "Communiqué de
// presse – 15 janvier 2027"); a standfirst is longer or a sentence.
func metaDateLine(t string) bool {
	ws := strings.Fields(t)
	if len(ws) == 0 || len(ws) > 12 || strings.ContainsAny(t[len(t)-1:], ".!?…»\"") {
		return false
	}
	if yearRe.MatchString(t) {
		return true
	}
	month, digit := false, false
	for _, w := range foldWords(titleForm(t)) {
		switch {
		case isDigits(w) && len(w) <= 2:
			digit = true
		case monthRe.MatchString(w):
			month = true
		}
	}
	return month && digit
}

// metaSepRe is what a meta line puts between its parts: " - ", " | ",
// " · ", " • ", " – ", " — ".
var metaSepRe = regexp.MustCompile(`\s+[-|·•–—]\s+`)

// compoundMetaLine reports whether a line of more than twelve words is
// meta lines joined by separators (metaSepRe): at most 24 words, no
// sentence end, each part at most twelve words, one of them a meta line
// (metaDateLine) ("Mis en ligne le 18/03/2027 par l'Office de tourisme -
// Rubrique : Randonnées", "Posted 4 May 2027 by the Parish Office | Filed
// under Notices | 3 comments").
func compoundMetaLine(t string) bool {
	ws := strings.Fields(t)
	if len(ws) <= 12 || len(ws) > 24 || strings.ContainsAny(t[len(t)-1:], ".!?…»\"") {
		return false
	}
	parts := metaSepRe.Split(t, -1)
	if len(parts) < 2 {
		return false
	}
	dated := false
	for _, p := range parts {
		if len(strings.Fields(p)) > 12 {
			return false
		}
		dated = dated || metaDateLine(strings.TrimSpace(p))
	}
	return dated
}

// inItem reports whether n is, or is inside, a list item, a table, a
// figure or a definition list: a part of the text, not a meta line.
func inItem(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Li, atom.Ul, atom.Ol, atom.Table, atom.Figure, atom.Figcaption, atom.Dl:
			return true
		}
	}
	return false
}

// sourceLabelRe is the label of a line that cites the text's source or a
// document of it, kept: "Source :", "Lien :", "Référence :".
var sourceLabelRe = regexp.MustCompile(`^(?:sources?|lien|liens|links?|référence|références|reference|references|via|d'après|according to|document|rapport|report|étude|study|contact|site|website|site internet|photo|crédit|credit)$`)

// rereadRe opens the label of a cross-link that asks to read (again) or
// see another page: "À relire sur le blog", "Read more on our site".
var rereadRe = regexp.MustCompile(`^(?:(?:à |a )?(?:re)?lire|(?:à |a )?(?:re)?voir|(?:à |a )?(?:re)?découvrir|(?:à |a )?(?:ré)?écouter|(?:re)?read|see|watch|listen)(?:$|[^\p{L}])`)

// seeAlsoRe opens a line that sends the reader to another page: "Voir
// aussi ma page sur …", "See also …".
var seeAlsoRe = regexp.MustCompile(`^(?:voir aussi|voyez aussi|lire aussi|à lire aussi|see also|read also)(?:$|[^\p{L}])`)

// crossLink reports whether a line is a cross-link to another page of the
// site, whatever its label: a label of at most four words ending on a
// colon (eight when it opens on a call to read: rereadRe), then one link
// of at least four words to a page of the same site (a relative address,
// or an absolute one on host, the page's own: ownHref), and nothing else
// ("À la une : <a>…</a>", "Notre dossier : <a>…</a>", "→ À relire sur le
// carnet : <a>…</a>"), or a call to see it that the link closes ("Voir
// aussi ma page sur <a>…</a>"). A line citing a source keeps its label.
func crossLink(n *html.Node, host string) bool {
	if !plainLine(n, atom.P, atom.Div, atom.Li) {
		return false
	}
	links := linksIn(n)
	if len(links) != 1 || wordCount(links[0]) < 4 {
		return false
	}
	label := strings.Trim(textOutsideLinks(n), " \t\n<>«»→←›‹|")
	if !strings.HasSuffix(label, ":") {
		// "&gt;&gt; Voir aussi ma page sur <a>les lavoirs du canton</a>
		// &lt;&lt;": a call to see another page, the link closing the
		// line (but for arrows).
		end := strings.TrimRight(normText(n), " <>«»→←›‹|")
		if !seeAlsoRe.MatchString(titleForm(label)) || !strings.HasSuffix(end, normText(links[0])) {
			return false
		}
	}
	label = titleForm(label)
	nw := len(strings.Fields(label))
	if !ownHref(strings.TrimSpace(attr(links[0], "href")), host) {
		return false // a mailto: or another site's address is neither
	}
	return nw >= 1 && (nw <= 4 || nw <= 8 && rereadRe.MatchString(label)) && !sourceLabelRe.MatchString(label)
}

// emailTail returns the lines after an e-mail's footer line ("You're
// receiving this because …", "Unsubscribe"): the sender's name and postal
// address, short lines with no sentence in them, down to the end of the
// container.
func emailTail(line *html.Node) []*html.Node {
	if !emailFurnitureRe.MatchString(titleForm(textOf(line))) {
		return nil
	}
	var out []*html.Node
	for s := nextElement(line); s != nil; s = nextElement(s) {
		t := normText(s)
		if hasBlockChild(s) || contains(s, atom.Img) || len(strings.Fields(t)) > 15 || strings.ContainsAny(t, ".!?") && !emailFurnitureRe.MatchString(titleForm(t)) {
			return nil
		}
		out = append(out, s)
	}
	return out
}

// firstParagraphAfter returns the first <p> with a sentence in it (see
// firstParagraph) that comes after h in the page's order, else the first
// of the page.
func firstParagraphAfter(body, h *html.Node) *html.Node {
	seen := false
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c == h {
				seen = true
				continue
			}
			if c.Type != html.ElementNode || isStandfirst(c) {
				continue
			}
			if seen && c.DataAtom == atom.P && wordCount(c) >= 12 {
				found = c
				return
			}
			walk(c)
		}
	}
	walk(body)
	if found == nil {
		return firstParagraph(body)
	}
	return found
}

// alertClassRe is a class token of the alert family ("alert",
// "alert--secondary", "alert-info"): a site's banner, or a callout of the
// text (Bootstrap's and Docusaurus's notes and warnings).
var alertClassRe = regexp.MustCompile(`(?i)^alerts?(?:[-_]+[a-z0-9]+)*$`)

// textCallout reports whether a box is a callout of the text: it sits
// among the text's paragraphs, holds a sentence of prose, few links and
// no control (button, input, form).
func textCallout(n *html.Node) bool {
	return n.Parent != nil && directProse(n.Parent) >= 2 && proseParagraphs(n, 1) > 0 && linkShare(n) < 0.3 &&
		!contains(n, atom.Button) && !contains(n, atom.Input) && !contains(n, atom.Form) && !textLonger(n, 1000)
}

// codeTitleRe is the file name a code block is titled with.
var codeTitleRe = regexp.MustCompile(`^[\p{L}0-9_.~/-]*[\p{L}0-9_-]\.[a-z0-9]{1,6}$`)

// codeTitle reports whether a line is the title of the code block after
// it: a file name alone ("lumen.config.yaml", "src/main.go"), the next
// element holding a <pre>.
func codeTitle(n *html.Node) bool {
	if hasBlockChild(n) || contains(n, atom.Pre) {
		return false
	}
	t := strings.TrimSpace(textOf(n))
	if t == "" || strings.ContainsAny(t, " \t") || !codeTitleRe.MatchString(t) {
		return false
	}
	next := nextElement(n)
	return next != nil && (next.DataAtom == atom.Pre || contains(next, atom.Pre))
}

// microdataFurniture reports whether schema.org microdata marks n as a
// reader's comment or reply (itemprop "comment", itemtype Comment: a
// forum's replies, a blog's comments, whatever the classes) or as an
// interaction counter (itemprop "interactionStatistic", itemtype
// InteractionCounter: "87 Likes", "12 comments"). Neither is the text.
func microdataFurniture(n *html.Node) bool {
	for _, p := range strings.Fields(strings.ToLower(attr(n, "itemprop"))) {
		switch p {
		case "comment", "interactionstatistic":
			return true
		}
	}
	for _, t := range strings.Fields(attr(n, "itemtype")) {
		switch t[strings.LastIndexAny(t, "/#")+1:] {
		case "Comment", "InteractionCounter":
			return true
		}
	}
	return false
}

// dropButtonBoxes removes the boxes built around a button (buttonBox),
// judged once the rest of the furniture is gone: a share bar after the
// button hides that the box ends on it.
func dropButtonBoxes(body *html.Node, pg *pageCtx) {
	var drop []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if buttonBox(c) && pg.notArticle(c, false) {
				drop = append(drop, c)
				continue
			}
			walk(c)
		}
	}
	walk(body)
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
}
