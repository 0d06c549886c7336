package article

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Furniture known by its structure, in any words: a line of "Key : value"
// fields, what follows a release's end mark, a call to act in any verb
// (by the form of an imperative or an infinitive before its object), a
// box ending on such a call that names the publication, and a lone call
// button in a box of text.

// kvSegRe is one "Key : value" field of a line of fields: a key of one to
// three words opening on a capital, a colon, a value.
var kvSegRe = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,2}\s*:\s*(\S.*)$`)

// keyValueLine reports whether a line is a row of fields by its shape:
// two or more segments split by "·", "|", "•", "–" or "—", each a "Key :
// value" field (a value of at most ten words, one sentence at most) or
// the text of one of the line's links, with two fields, or a field and a
// link ("Label : … · Sortie : … · Genre : …", "View more · Usage
// restrictions: …", "Format : LP | Durée : 42 min"). A sentence of the
// text does not split into fields; a caption's credits, a list item and
// a table cell are never asked.
func keyValueLine(n *html.Node, raw string) bool {
	if inItem(n) || inFigcaption(n) || len(strings.Fields(raw)) > 40 {
		return false
	}
	segs := segmentSepRe.Split(strings.TrimSpace(raw), -1)
	if len(segs) < 2 {
		return false
	}
	var linkTexts []string
	for _, a := range linksIn(n) {
		linkTexts = append(linkTexts, normText(a))
	}
	fields, links := 0, 0
	for _, s := range segs {
		s = strings.TrimSpace(s)
		if s == "" {
			return false
		}
		if m := kvSegRe.FindStringSubmatch(s); m != nil {
			v := strings.TrimRight(m[1], ".")
			if nv := len(strings.Fields(v)); nv == 0 || nv > 10 || strings.ContainsAny(v, ".!?;") && !dotsInNumbers(v) || strings.Contains(v, ":") {
				return false
			}
			fields++
			continue
		}
		isLink := false
		for _, lt := range linkTexts {
			if lt == s && len(strings.Fields(lt)) <= 5 {
				isLink = true
			}
		}
		if !isLink {
			return false
		}
		links++
	}
	return fields >= 2 || fields == 1 && links >= 1
}

// endMarkRe is a release's or a wire story's end mark written alone:
// "###", "# # #", "-30-", "— 30 —", "(FIN)", "-FIN-", "-ENDS-", "■".
var endMarkRe = regexp.MustCompile(`^(?:#\s*#\s*#|[-–—]\s*30\s*[-–—]|\(\s*(?i:fin|end|ends)\s*\)|[-–—]\s*(?i:fin|end|ends)\s*[-–—]|ENDS|FIN|[■∎◼])$`)

// endMarkTailRe is an end mark closing a paragraph: "… dit-elle. ■",
// "… en 2027. (FIN)".
var endMarkTailRe = regexp.MustCompile(`[.!?»”"]\s*(?:[■∎◼]|\(\s*(?i:fin|end)\s*\)|#\s*#\s*#|-\s*30\s*-)$`)

// endMark reports whether a block is an end mark, alone or closing its
// paragraph; alone says which.
func endMark(n *html.Node) (mark, alone bool) {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span, atom.Center, atom.Strong, atom.B, atom.H4, atom.H5, atom.H6:
	default:
		return false, false
	}
	if hasBlockChild(n) {
		return false, false
	}
	raw := normText(n)
	if endMarkRe.MatchString(raw) {
		return true, true
	}
	return n.DataAtom == atom.P && len(strings.Fields(raw)) >= 12 && endMarkTailRe.MatchString(raw), false
}

// dropAfterEndMark removes what follows a press release's or a wire
// story's end mark ("###", "-30-", "(FIN)", "■"): the release's metadata,
// the aggregator's disclaimer, its contact box. Only a mark after the
// headline and after at least two paragraphs of prose counts, and only
// when fewer paragraphs of prose follow it than precede it (a text cut in
// two by a mark is not ended by it). What follows is dropped up to the
// container of the headline (the body when there is none); the rail
// beside that container is left to the other rules.
func dropAfterEndMark(body, anchor *html.Node) {
	var mark *html.Node
	alone := false
	prose := 0
	seenAnchor := anchor == nil
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c == anchor {
				seenAnchor = true
				continue
			}
			if m, a := endMark(c); m && seenAnchor && prose >= 2 {
				mark, alone = c, a
				return true
			}
			if c.DataAtom == atom.P && wordCount(c) >= 12 && linkShare(c) < 0.5 {
				if seenAnchor {
					prose++
				}
				continue
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	if !walk(body) {
		return
	}
	stop := body
	if anchor != nil {
		for p := anchor.Parent; p != nil; p = p.Parent {
			if isAncestor(p, mark) {
				stop = p
				break
			}
		}
	}
	var after []*html.Node
	for x := mark; x != nil && x != stop; x = x.Parent {
		for s := x.NextSibling; s != nil; s = s.NextSibling {
			after = append(after, s)
		}
	}
	following := 0
	for _, s := range after {
		if s.Type == html.ElementNode {
			following += proseParagraphs(s, prose)
			if s.DataAtom == atom.P && wordCount(s) >= 12 {
				following++
			}
		}
	}
	if following >= prose {
		return
	}
	for _, s := range after {
		if s.Parent != nil {
			s.Parent.RemoveChild(s)
		}
	}
	if alone && mark.Parent != nil {
		mark.Parent.RemoveChild(mark)
	}
}

// callDetFrRe and callDetEnRe are what follows a verb calling to act in a
// button: an article, a possessive, a pronoun or "now" ("Réserver une
// table", "Demander votre devis", "Request a demo", "Try it free").
var (
	callDetFrRe = regexp.MustCompile(`^(?:un|une|le|la|les|l|des|du|mon|ma|mes|votre|vos|notre|nos|ce|cet|cette|ces|son|sa|ses|leur|leurs|maintenant|gratuitement|dès)$`)
	callDetEnRe = regexp.MustCompile(`^(?:a|an|the|your|my|our|this|these|it|now|today|free|more)$`)
)

// notCallWordRe are the words that open a short title before an article
// without being a verb: prepositions, question words, and the French
// nouns and adjectives ending like an infinitive that open titles.
var notCallWordRe = regexp.MustCompile(`^(?:entre|contre|outre|pour|sur|par|avec|sans|vers|chez|dans|sous|après|avant|selon|malgré|depuis|pendant|durant|parmi|hors|près|lors|sauf|voire|comme|quand|mais|puis|dès|notre|votre|autre|même|quatre|premier|première|dernier|dernière|hier|hiver|cher|chère|fier|mer|fer|été|dossier|quartier|métier|atelier|sentier|livre|lettre|titre|centre|théâtre|nombre|ordre|offre|mètre|siècle|` +
	`about|above|across|after|against|along|among|around|at|before|behind|below|beneath|beside|between|beyond|by|despite|during|for|from|in|inside|into|near|of|off|on|onto|out|outside|over|past|since|through|throughout|to|toward|towards|under|until|up|upon|with|within|without|` +
	`how|why|what|when|where|who|which|whose|is|are|was|were|all|inside|meet|and|or|but|so|if|as|than|then|that|this|these|those|here|there|not|no|one|two|three|the|a|an|our|my|your|his|her|its|their)$`)

// callPhrase reports whether a button's or a link's words call the reader
// to act, in any verb: a verb the call lists name (callVerbRe,
// callWidgetVerbRe), a French imperative ("Réservez", "Essayez …"), or a
// first word that is no preposition or title word followed by an article,
// a possessive or "now", and written as an infinitive in French
// ("Réserver une table", "Télécharger le guide") or any word in English
// ("Request a demo", "Start your trial").
func callPhrase(low string) bool {
	low = strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(low, "’", "'")), " "))
	if callVerbRe.MatchString(low) || callWidgetVerbRe.MatchString(low) {
		return true
	}
	ws := strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if len(ws) == 0 || notCallWordRe.MatchString(ws[0]) {
		return false
	}
	w := ws[0]
	if strings.HasSuffix(w, "ez") && utf8.RuneCountInString(w) >= 5 && w != "assez" {
		return true // an imperative: "Réservez", "Essayez gratuitement"
	}
	if len(ws) < 2 {
		return false
	}
	if callDetEnRe.MatchString(ws[1]) && isASCIIWord(w) {
		return true // English: "Request a demo", "Book your table"
	}
	return callDetFrRe.MatchString(ws[1]) && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") || strings.HasSuffix(w, "re"))
}

func isASCIIWord(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// callButton returns the link or button a box ends on when its words
// call to act (callPhrase, at most seven words, no sentence end), else
// nil.
func callButton(n *html.Node) *html.Node {
	last := lastTextElement(n)
	if last == nil || last.DataAtom != atom.A && last.DataAtom != atom.Button {
		return nil
	}
	t := normText(last)
	if nw := len(strings.Fields(t)); nw == 0 || nw > 7 || strings.HasSuffix(t, ".") || !callPhrase(t) {
		return nil
	}
	return last
}

// productCall reports whether a box is the publisher's call for its own
// product or service: a small box (at most 40 words besides its button, at
// most three lines, no image, list, table or code) that names the
// publication (site, its distinctive words) and ends on a call to act
// with a link to one of the site's pages ("Fakturo est plateforme agréée /
// Émettez vos factures … / Réserver une démo" to /demo). A box of
// practical details may name the publication's town, but its booking
// button leads to the venue or a booking service.
func productCall(n *html.Node, site []string) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if len(site) == 0 || contains(n, atom.Img) || contains(n, atom.Table) || contains(n, atom.Pre) || contains(n, atom.Ul) || contains(n, atom.Ol) {
		return false
	}
	last := callButton(n)
	if last == nil || last.DataAtom != atom.A || !siteHref(strings.TrimSpace(attr(last, "href"))) {
		return false // the call leads to the publisher's own page (a demo, a trial), not to a venue's booking
	}
	rest := strings.TrimSpace(strings.TrimSuffix(normText(n), normText(last)))
	if nw := len(strings.Fields(rest)); nw == 0 || nw > 40 || countAtom(n, atom.P, 4) > 3 {
		return false
	}
	return namesSite("x "+rest, site) // the name may open the box
}

// loneCallButton reports whether a link or a button is a call to act
// standing as the last line of a box of text (a booking button under a
// box of practical details, "Réserver une table", "Request a quote"):
// not in a sentence, at most seven words, its words calling to act. The
// box's text stays.
func loneCallButton(n *html.Node) bool {
	if n.DataAtom != atom.A && n.DataAtom != atom.Button || inRunningText(n) {
		return false
	}
	line := n
	// (readability writes the elements it makes by name, DataAtom unset)
	for line.Parent != nil && onlyElement(line.Parent) == line && (line.Parent.Data == "p" || line.Parent.Data == "div" || line.Parent.Data == "span") {
		line = line.Parent
	}
	box := line.Parent
	if box == nil || callButton(box) != n || inItem(n) {
		return false
	}
	switch box.Data {
	case "div", "section", "aside", "footer":
	default:
		return false
	}
	// The box says something of its own, a sentence of twelve words or
	// more, and asks the reader nothing: a question then a call is a call
	// box, which goes whole by other rules (questionPrompt, callWidget).
	rest := strings.TrimSuffix(normText(box), normText(n))
	return len(strings.Fields(rest)) >= 12 && !strings.Contains(rest, "?")
}

// dropCallButtons removes from the extracted text root the call buttons
// preclean saw (callStyled) that are left as the last line of a box of
// text (loneCallButton). It runs on what readability keeps, once the
// other rules have judged the boxes whole (a call box goes with its
// button; a box of details keeps its text, not its booking button).
func dropCallButtons(root *html.Node, calls []*html.Node) {
	if len(calls) == 0 {
		return
	}
	// Readability may copy the nodes it keeps: a call is known again by
	// its tag, address and words.
	key := func(n *html.Node) string {
		return n.Data + "\x00" + attr(n, "href") + "\x00" + normText(n)
	}
	seen := map[string]bool{}
	for _, n := range calls {
		seen[key(n)] = true
	}
	var drop []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if (c.Data == "a" || c.Data == "button") && seen[key(c)] && loneCallButton(c) {
				drop = append(drop, c)
				continue
			}
			walk(c)
		}
	}
	walk(root)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// buttonClassRe is a class token of a link styled as a button ("btn",
// "cta", a site builder's "j-calltoaction-link").
var buttonClassRe = regexp.MustCompile(`(?i)(?:^|[-_])(?:btn|button|cta|calltoaction|call-to-action)(?:[-_]|$)`)

// callStyled reports whether a link or a button is made to be pressed
// rather than read: a <button>, a link with role="button" or a data
// attribute saying so (a site builder's data-action="button", jQuery
// Mobile's data-role="button"), a class styling it as a button ("btn",
// "cta", "Practical_cta__x1"), or a link marked rel="sponsored". A link of
// the text is written as a link.
func callStyled(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Button:
		return true
	case atom.A:
	default:
		return false
	}
	if strings.EqualFold(attr(n, "role"), "button") || hasToken(attr(n, "rel"), "sponsored") {
		return true
	}
	for _, a := range n.Attr {
		if strings.HasPrefix(a.Key, "data-") && strings.EqualFold(strings.TrimSpace(a.Val), "button") {
			return true
		}
	}
	for _, tok := range strings.Fields(attr(n, "class")) {
		if buttonClassRe.MatchString(tok) {
			return true
		}
	}
	return false
}

// buttonLine returns the line a link made to be pressed (callStyled)
// stands alone in: the paragraph or box (<p>, <div>, <center>, <span>)
// it is the only content of, at most 20 words, outside lists, tables and
// figures, with no image, set among two paragraphs of prose or more
// (the button of a small box goes with its box, by the box's rules).
// Such a line among the paragraphs is a control,
// not the text: "Register for the Library of Things open house",
// "Recevez L'Écho chaque jeudi : abonnez-vous à partir de 5 € par mois".
// nil when n is not one.
func buttonLine(n *html.Node) *html.Node {
	if !callStyled(n) || inRunningText(n) || inItem(n) || contains(n, atom.Img) {
		return nil
	}
	if nw := wordCount(n); nw == 0 || nw > 20 {
		return nil
	}
	line := n
	for line.Parent != nil && onlyElement(line.Parent) == line {
		switch line.Parent.DataAtom {
		case atom.P, atom.Div, atom.Center, atom.Span:
			line = line.Parent
			continue
		}
		break
	}
	if line == n {
		// Set straight among the blocks of the text, not a link among
		// others (a row of buttons, a menu).
		for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c != n && c.Type == html.ElementNode && !isBlock(c) {
				return nil
			}
		}
	}
	if line.Parent == nil || proseParagraphs(line.Parent, 2) < 2 {
		return nil // the button of a box, which other rules judge whole
	}
	return line
}

// borrowsTitle reports whether a subheading is made of the title's words
// without being the title: at most half as many words, and the letters of
// its words that the title lacks under a quarter of its own ("Les
// relances automatiques" under "Nouveautés de novembre : relances
// automatiques, export FEC et API v2"), as readability measures a
// heading that repeats the title before it drops it.
func borrowsTitle(heading, title string) bool {
	hw, tw := foldWords(heading), foldWords(title)
	if len(hw) == 0 || 4*len(hw) > 3*len(tw) {
		return false
	}
	in := map[string]bool{}
	for _, w := range tw {
		in[w] = true
	}
	all, foreign := 0, 0
	for _, w := range hw {
		n := utf8.RuneCountInString(w)
		all += n
		if !in[w] {
			foreign += n
		}
	}
	return 4*foreign < all
}

// mediaTools reports whether a line is the tools of an image: it sits in
// the image's box, beside the image and its caption, and is links and
// nothing else (separators aside), at most eight words, two links or
// one calling to act ("Download high-res photo | More multimedia",
// "Agrandir · Télécharger"). A credit has words of its own.
func mediaTools(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span:
	default:
		return false
	}
	if hasBlockChild(n) || contains(n, atom.Img) || n.Parent == nil || !contains(n.Parent, atom.Img) {
		return false
	}
	links := linksIn(n)
	raw := normText(n)
	if len(links) == 0 || len(strings.Fields(raw)) > 8 || strings.Trim(textOutsideLinks(n), " |·•/–—-") != "" {
		return false
	}
	return len(links) >= 2 || callPhrase(textOf(links[0]))
}

// dropOrphanHeadings removes the headings that end the extracted text
// with nothing under them, their box gone ("Also from this source",
// "Explore", "Related").
func dropOrphanHeadings(root *html.Node) {
	for {
		lines := textLines(root)
		if len(lines) < 2 {
			return
		}
		last := lines[len(lines)-1]
		switch last.Data {
		case "h2", "h3", "h4", "h5", "h6":
		default:
			return
		}
		last.Parent.RemoveChild(last)
	}
}

// addressRe is a way to reach someone: an e-mail address or a phone
// number of seven digits or more.
var addressRe = regexp.MustCompile(`[\p{L}0-9._+-]+@[\p{L}0-9-]+\.[\p{L}.]+|(?:\+?[0-9][0-9 .-]{5,}[0-9])`)

// impliedYouRe opens a question to the reader that leaves out "you":
// "Have a news tip or a correction?", "Got a story?", "Une info, une
// erreur à signaler ?".
var impliedYouRe = regexp.MustCompile(`^(?:have|got|spotted|seen|know of) (?:a|an|any|some|something)\b|^(?:une|un) (?:info|information|erreur|correction|question|témoignage|remarque|suggestion)\b`)

// askWithAddress reports whether a short block asks the reader something
// and gives the publisher's address for the answer: a question to the
// reader, then an e-mail address or a phone number, with something of the
// publication (its newsroom, a tips or newsroom address: artefactRe) in
// the block ("Do you have a question about your water? Email tips@… or
// text our newsroom line at …"). A quote never is one.
func askWithAddress(n *html.Node, raw string) bool {
	if len(strings.Fields(raw)) > 40 || strings.ContainsAny(raw, "«»“”\"") || inBlockquote(n) || inItem(n) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	q := strings.Index(low, "?")
	if q < 0 || !toReader.MatchString(low[:q]) && !impliedYouRe.MatchString(low) {
		return false
	}
	return addressRe.MatchString(low[q+1:]) && artefactRe.MatchString(low)
}

// rail reports whether n is a column beside the article's: a sibling
// of a container of the headline that holds most of the page's text in
// prose (three paragraphs or more, twice n's text at least), and n a
// stack of boxes, two or more of them headed by a title, each short (at
// most 80 words), with no paragraph of prose of its own ("Formations de
// décembre / … / S'inscrire", "Annonces légales / …", "Les plus
// consultés / …"), whatever its class. A body set beside its headline's
// header holds more text than the header, and is never asked. In a page
// laid out in a table, the column is a cell beside the article's cell.
func (pg *pageCtx) rail(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Td:
	default:
		return false
	}
	if n.DataAtom == atom.Td && menuCell(n, pg.anchor) {
		return true
	}
	if pg.anchor == nil || isAncestor(n, pg.anchor) || n.Parent == nil {
		return false
	}
	var col *html.Node
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && c.Type == html.ElementNode && (c == pg.anchor || isAncestor(c, pg.anchor)) {
			col = c
		}
	}
	if col == nil || proseParagraphs(col, 3) < 3 || textLen(col) < 2*textLen(n) {
		return false
	}
	headed := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.P && wordCount(c) >= 12:
			return false
		case wordCount(c) > 80:
			return false
		default:
			if f := firstElement(c); f != nil && isHeadingLike(f) {
				headed++
			}
		}
	}
	return headed >= 2
}

// pictured reports whether n is or holds an image that is a picture, not
// an icon: an icon declares a width and a height of at most 32 pixels (a
// padlock before "Accès abonnés", a flag before a language).
func pictured(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.DataAtom == atom.Img {
		w, errW := strconv.Atoi(strings.TrimSpace(attr(n, "width")))
		h, errH := strconv.Atoi(strings.TrimSpace(attr(n, "height")))
		return errW != nil || errH != nil || w > 32 || h > 32
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if pictured(c) {
			return true
		}
	}
	return false
}

// labelledLinkRow reports whether a line is a label and a row of links to
// the site's own pages, nothing else: a label of at most five words ending
// on a colon, then two or more links of at most five words each, with
// commas or separators between them ("Sur le même thème : <a>bail
// commercial</a>, <a>loyer</a>", "Filed in: <a>Courts</a> · <a>City
// Hall</a>"): a row of tags, whatever the label says. Links to other
// sites (sources) keep their line.
func labelledLinkRow(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span:
	default:
		return false
	}
	if hasBlockChild(n) || pictured(n) || inItem(n) {
		return false
	}
	links := linksIn(n)
	if len(links) < 2 {
		return false
	}
	for _, a := range links {
		if !siteHref(strings.TrimSpace(attr(a, "href"))) || wordCount(a) > 5 {
			return false
		}
	}
	outside := strings.Join(strings.Fields(textOutsideLinks(n)), " ")
	i := strings.Index(outside, ":")
	if i <= 0 {
		return false
	}
	label, rest := outside[:i], outside[i+1:]
	if nl := len(strings.Fields(label)); nl == 0 || nl > 5 {
		return false
	}
	return strings.Trim(rest, " ,;|·•/–—-") == "" && !strings.ContainsFunc(rest, unicode.IsLetter)
}

// pageFoot reports whether n is the page's foot written without a
// <footer> or a class saying so: the last block of the container that
// holds the article's column, after that column, short (at most 80
// words), with a row of three or more links to the site's own pages
// (legal notice, terms, contact) beside its publisher's address, or with
// the address itself (a phone number, an e-mail) and two such links
// ("14, rue … - Tél. … | Mentions légales | Plan du site").
func (pg *pageCtx) pageFoot(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section:
	default:
		return false
	}
	if pg.anchor == nil || isAncestor(n, pg.anchor) || n.Parent == nil || nextElement(n) != nil {
		return false
	}
	var col *html.Node
	for c := prevElement(n); c != nil; c = prevElement(c) {
		if c == pg.anchor || isAncestor(c, pg.anchor) {
			col = c
			break
		}
	}
	if col == nil || proseParagraphs(col, 3) < 3 || wordCount(n) > 80 {
		return false
	}
	return siteRow(n) || addressFoot(n)
}

// addressFoot reports whether a short block is the publisher's address
// and links to its own pages: a phone number or an e-mail address outside
// its links, two or more links, all to the site's pages, and no paragraph
// of prose.
func addressFoot(n *html.Node) bool {
	links := linksIn(n)
	if len(links) < 2 || proseParagraphs(n, 1) > 0 || !addressRe.MatchString(textOutsideLinks(n)) {
		return false
	}
	for _, a := range links {
		if !siteHref(strings.TrimSpace(attr(a, "href"))) {
			return false
		}
	}
	return true
}

// siteRow reports whether n holds a line of three or more links to the
// site's own pages and little else.
func siteRow(n *html.Node) bool {
	found := false
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil && !found; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			if !hasBlockChild(k) || k.DataAtom == atom.Ul {
				links := linksIn(k)
				own := 0
				for _, a := range links {
					if siteHref(strings.TrimSpace(attr(a, "href"))) {
						own++
					}
				}
				if own >= 3 && own == len(links) && linkShare(k) >= 0.8 {
					found = true
					return
				}
				continue
			}
			walk(k)
		}
	}
	walk(n)
	return found
}

// menuCell reports whether a layout table's cell is an old page's menu
// column beside the article's cell: links (two or more), images, a
// visitor counter, no run of prose, and less than a third of the text of
// a sibling cell that holds three paragraphs of prose or more and the
// headline when the page has one (a page titled by an image has none).
func menuCell(n, anchor *html.Node) bool {
	if n.Parent == nil || anchor != nil && isAncestor(n, anchor) || proseRuns(n, 1) > 0 || countAtom(n, atom.A, 2) < 2 {
		return false
	}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c == n || c.DataAtom != atom.Td {
			continue
		}
		if anchor != nil && c != anchor && !isAncestor(c, anchor) && !isAncestor(anchor, c) {
			continue
		}
		if proseParagraphs(c, 3) >= 3 && 3*textLen(n) < textLen(c) {
			return true
		}
	}
	return false
}
