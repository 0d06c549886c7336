package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Furniture known by its shape rather than its words: a meta line of
// counters and dates, a widget built around one call to act, an offer
// with a price per period, an appeal that names the publication by its
// name.

// segmentSepRe splits a meta line into its segments: "–", "—", "|", "·",
// "•" and a spaced hyphen.
var segmentSepRe = regexp.MustCompile(`\s+[–—|·•-]\s+|\s*[|·•]\s*`)

// counterSegRe is a counter of a meta line: a number then one or two
// words ("3 commentaires", "212 vues", "1,2 k partages", "14 likes").
var counterSegRe = regexp.MustCompile(`^[0-9][0-9  .,]*\s*[kKmM]?\s+\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*)?$`)

// metaSegments reports whether a line is a meta line by its shape: three
// or more short segments split by "–", "|", "·" or "•", each a date (or a
// phrase of at most twelve words holding one), a counter (a number and a
// word or two) or a name, with at least one date and one counter, and no
// sentence end: "Publié par Mme X dans Rubrique le 14/10/2027 – 3
// commentaires – 212 vues", "12 March 2027 · 4 comments · 1.2k shares".
// A sentence of the text does not split into such segments.
func metaSegments(raw string, hasLink bool) bool {
	raw = strings.TrimSpace(raw)
	if r, _ := utf8.DecodeLastRuneInString(raw); raw == "" || strings.ContainsRune(".!?…»\":;", r) {
		return false
	}
	// An icon before a segment is a separator too ("📅 14/10/2027 💬 3
	// 👁 212"), and a bare number after one is a counter.
	var b strings.Builder
	for _, r := range raw {
		if unicode.Is(unicode.So, r) && r != '©' && r != '®' {
			b.WriteString(" • \x00")
			continue
		}
		b.WriteRune(r)
	}
	segs := segmentSepRe.Split(b.String(), -1)
	if len(segs) > 0 && strings.TrimSpace(segs[0]) == "" {
		segs = segs[1:] // the line opens on an icon
	}
	return segmentsMeta(segs, len(strings.Fields(raw)), hasLink)
}

// segmentsMeta judges the segments of a line (see metaSegments); a
// segment opening on "\x00" followed an icon.
func segmentsMeta(segs []string, words int, hasLink bool) bool {
	if len(segs) < 3 || words > 40 {
		return false
	}
	dates, counters := 0, 0
	for _, s := range segs {
		icon := strings.Contains(s, "\x00")
		s = strings.TrimSpace(strings.ReplaceAll(s, "\x00", ""))
		ws := strings.Fields(s)
		if len(ws) == 0 {
			if icon {
				continue // an icon alone, before the line's first words
			}
			return false
		}
		if len(ws) > 12 || strings.ContainsAny(s, ".!?") && !dotsInNumbers(s) {
			return false
		}
		switch {
		case counterSegRe.MatchString(s) && countedWord(ws[len(ws)-1]), icon && counterNumRe.MatchString(s):
			counters++
		case yearRe.MatchString(s) || dateLine(titleForm(s)) || bareDate(titleForm(s)) || monthDay(s):
			dates++
		case nameSegment(ws):
		default:
			return false
		}
	}
	// A line of facts ("Stade X – 14 mars 2027 – 18 000 spectateurs") has
	// one counter and no link; a page's meta line links its author and
	// section, or counts two things.
	return dates >= 1 && (counters >= 2 || counters == 1 && hasLink)
}

// counterNumRe is a bare count: "3", "212", "1,2k", "1 204".
var counterNumRe = regexp.MustCompile(`^[0-9][0-9  .,]*[kKmM]?$`)

// countedWord reports whether the word after a number can be what a meta
// line counts: a word of at least three letters that is no unit of time,
// date or money ("3 commentaires", not "14 h", "20 heures", "12 euros").
func countedWord(w string) bool {
	lw := strings.ToLower(w)
	return utf8.RuneCountInString(lw) >= 3 && !dateWordRe.MatchString(lw) && !monthRe.MatchString(lw) && !moneyWordRe.MatchString(lw)
}

// moneyWordRe is a currency or a unit written as a word.
var moneyWordRe = regexp.MustCompile(`^(?:euros?|eur|dollars?|usd|livres?|pounds?|gbp|francs?|cents?|centimes?|pence|km|kms|mètres?|metres?|meters?|kg|kilos?|kilomètres?|kilometres?|miles?|litres?|liters?|degrés?|degrees?|mn|sec|secondes?|seconds?|mins?|hrs?)$`)

// dotsInNumbers reports whether every dot of s sits inside a number or
// an abbreviation of one letter ("1.2k", "14.10.2027", "Mme J. Roux").
func dotsInNumbers(s string) bool {
	r := []rune(s)
	for i, c := range r {
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if c != '.' || i == 0 || i == len(r)-1 {
			return false
		}
		if unicode.IsDigit(r[i-1]) && unicode.IsDigit(r[i+1]) {
			continue
		}
		if unicode.IsUpper(r[i-1]) && (i == 1 || !unicode.IsLetter(r[i-2])) {
			continue
		}
		return false
	}
	return true
}

// monthDay reports whether s holds a month's name and a day's number.
func monthDay(s string) bool {
	month, day := false, false
	for _, w := range foldWords(titleForm(s)) {
		switch {
		case isDigits(w) && len(w) <= 2:
			day = true
		case monthRe.MatchString(w):
			month = true
		}
	}
	return month && day
}

// nameSegment reports whether the words of a segment are a name or a
// byline: at most six words, every word capitalised but for "par", "by"
// and the particles of names and places.
func nameSegment(ws []string) bool {
	if len(ws) > 6 {
		return false
	}
	names := 0
	for i, w := range ws {
		lw := strings.ToLower(w)
		switch lw {
		case "par", "by", "de", "du", "des", "d'", "van", "von", "et", "and", "&", "dans", "in", "la", "le":
			if i == len(ws)-1 {
				return false
			}
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		names++
	}
	return names > 0
}

// callWidgetVerbRe opens the link or button a widget is built around:
// callVerbRe's verbs and those of booking and buying.
var callWidgetVerbRe = regexp.MustCompile(`^(?:réservez|réserver|prenez|prendre|obtenez|voir les (?:séances|horaires|offres)|book|reserve|get|grab|see (?:showtimes|times|prices|offers)|stream|rent|watch)(?:$|[^\p{L}])`)

// callWidget reports whether a box is a widget built around one call to
// act: it ends on a link or a button of at most five words opening on a
// verb calling to act ("Get tickets", "Stream now", "Réservez"), and the
// rest is at most a short title and one short line (twelve words), no
// image, table or code: "Where to watch / In theaters November 12 / Get
// tickets". A box of practical details (an address, dates, prices, each
// a line of its own) with its booking button is text: its button alone
// goes (actionButton).
func callWidget(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if contains(n, atom.Img) || contains(n, atom.Table) || contains(n, atom.Pre) || contains(n, atom.Code) || contains(n, atom.Figure) {
		return false
	}
	last := lastTextElement(n)
	if last == nil || last.DataAtom != atom.A && last.DataAtom != atom.Button {
		return false
	}
	lt := strings.ToLower(strings.ReplaceAll(normText(last), "’", "'"))
	if nl := len(strings.Fields(lt)); nl == 0 || nl > 5 || !callVerbRe.MatchString(lt) && !callWidgetVerbRe.MatchString(lt) {
		return false
	}
	// The lines besides the call: an optional title first, then one line.
	var lines []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		case c.Type != html.ElementNode || c == last || isAncestor(c, last) && strings.TrimSpace(textOutside(c, last)) == "":
		case hasBlockChild(c):
			return false
		case strings.TrimSpace(textOf(c)) != "":
			lines = append(lines, c)
		}
	}
	if len(lines) > 0 && isHeadingLike(lines[0]) && headingAtom(lines[0]) {
		lines = lines[1:]
	}
	if len(lines) != 1 {
		return false
	}
	t := normText(lines[0])
	return len(strings.Fields(t)) <= 12 && !strings.ContainsAny(t, "«»“”\"")
}

// headingAtom reports whether n is a heading element or bold title.
func headingAtom(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Strong, atom.B:
		return true
	}
	return false
}

// textOutside returns the text of n outside its descendant d.
func textOutside(n, d *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(k *html.Node) {
		if k == d {
			return
		}
		if k.Type == html.TextNode {
			b.WriteString(k.Data)
			b.WriteByte(' ')
		}
		for c := k.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// periodPriceRe is a price per period, an offer's shape: "dès 1 € par
// mois", "$5 a month", "£2/week", "9,99 €/an".
var periodPriceRe = regexp.MustCompile(`(?:[€£$]\s?[0-9]+(?:[.,][0-9]{1,2})?|[0-9]+(?:[.,][0-9]{1,2})?\s?(?:€|euros?|£|\$|eur))\s*(?:/\s*|par |per |a |an |the )(?:mois|semaine|an|année|month|week|year|mo|yr|wk)(?:$|[^\p{L}])`)

// siteWords returns the distinctive words of the publication's name, by
// its metadata (og:site_name, else what follows the title's last " - ",
// " | " or " – "): the capitalised words of at least four letters that the
// headline does not use ("Gazette", "Cornouaille" of "La Gazette de
// Cornouaille").
func siteWords(doc *html.Node) []string {
	h := readHead(doc)
	site, headline := h.site, h.title
	if site == "" {
		headline, site, _ = splitTitle(h.title)
	}
	if h.og != "" {
		headline = h.og
	}
	used := map[string]bool{}
	for _, w := range foldWords(headline) {
		used[w] = true
	}
	var out []string
	for _, w := range strings.FieldsFunc(site, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		if utf8.RuneCountInString(w) < 4 || !unicode.IsUpper(r) || siteStopWords[lw] || used[lw] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// namesSite reports whether a text names the publication: one of its
// distinctive words, capitalised, inside the text (not its first word).
func namesSite(raw string, site []string) bool {
	if len(site) == 0 {
		return false
	}
	ws := strings.FieldsFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
	for i, w := range ws {
		if i == 0 {
			continue
		}
		for _, s := range site {
			if w == s {
				return true
			}
		}
	}
	return false
}

// standsAlone reports whether a line is a block of its own outside the
// flow of the text: the only content of its box (a div, section, aside or
// footer, through wrappers of nothing else), and that box not one of a
// page builder's blocks of one class that split a text.
func standsAlone(n *html.Node) bool {
	p := n.Parent
	if p == nil || onlyElement(p) != n {
		return false
	}
	switch p.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Footer:
	default:
		return false
	}
	// A page builder wraps every paragraph of a text in a box of one
	// class: a box like its siblings holding prose is a part of the text.
	box := p
	for box.Parent != nil && onlyElement(box.Parent) == box {
		box = box.Parent
	}
	if box.Parent == nil {
		return true
	}
	class := box.Data + "." + attr(box, "class")
	for c := box.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != box && c.Type == html.ElementNode && c.Data+"."+attr(c, "class") == class && proseParagraphs(c, 1) > 0 {
			return false
		}
	}
	return true
}

// offerCall reports whether a short block standing alone in its box is an
// offer or an appeal by its shape: a call to act opening one of its
// sentences or clauses, and either a price per period ("Pour soutenir
// l'information locale, abonnez-vous dès 1 € par mois") or the
// publication's own name with words to the reader and of support ("Vous
// lisez la Gazette gratuitement ? … soutenir … abonnez-vous"). A quote, a
// list item, a heading, or a sentence in the flow of the text never is
// one.
func offerCall(n *html.Node, raw string, site []string) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span, atom.Small, atom.Em, atom.Strong:
	default:
		return false
	}
	if hasBlockChild(n) || len(strings.Fields(raw)) > 40 || strings.ContainsAny(raw, "«»“”\"") || inBlockquote(n) || inItem(n) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	if !clauseCall(low) {
		return false
	}
	if !standsAlone(n) {
		return false // a sentence of the text in its flow ("abonnez-vous au forfait de 12 € par mois, conseille …")
	}
	if periodPriceRe.MatchString(low) {
		return true
	}
	return namesSite(raw, site) && toReader.MatchString(low) && appealWordRe.MatchString(low)
}

// clauseCall reports whether a sentence or a clause of a text (split at
// ".", "!", "?", ",", ";" and ":") opens on a verb calling to act.
func clauseCall(low string) bool {
	start := 0
	for i, r := range low + "." {
		if strings.ContainsRune(".!?,;:", r) {
			if s := strings.TrimSpace(low[start:min(i, len(low))]); s != "" && callVerbRe.MatchString(s) {
				return true
			}
			start = i + 1
		}
	}
	return false
}

// siteStopWords are the words of a publication's name that name no
// publication in particular.
var siteStopWords = map[string]bool{"dans": true, "pour": true, "with": true, "from": true, "this": true, "that": true, "avec": true, "notre": true, "votre": true, "your": true, "home": true, "accueil": true, "site": true, "officiel": true, "official": true}

// metaRow reports whether a line is a meta line whose segments are its
// elements rather than separators: a row of spans, links and times, each
// a date, a counter or a name, the counters often bare numbers after an
// icon (an empty <i>, an <svg>, an image): `<span><i class="i-cal"></i>
// 14/10/2027</span><span><i class="i-com"></i> 3</span>…`.
func metaRow(n *html.Node) bool {
	var segs []string
	icon := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if t := strings.TrimSpace(c.Data); t != "" {
				segs = append(segs, prefixIcon(icon)+t)
				icon = false
			}
		case c.Type != html.ElementNode:
		case strings.TrimSpace(textOf(c)) == "":
			icon = true // an icon before the next segment
		default:
			if hasBlockChild(c) {
				return false
			}
			inner := c.FirstChild != nil && c.FirstChild.Type == html.ElementNode && strings.TrimSpace(textOf(c.FirstChild)) == ""
			segs = append(segs, prefixIcon(icon || inner)+normText(c))
			icon = false
		}
	}
	return segmentsMeta(segs, wordCount(n), contains(n, atom.A))
}

func prefixIcon(icon bool) string {
	if icon {
		return "\x00"
	}
	return ""
}

// pageSelfRe is the page or the website naming itself: an article speaks
// of its story, a notice of "this page" ("Content on this page is for
// general information only", "Nothing on this page is a
// recommendation", "Les informations de cette page …"). A French "ce
// site" is as often a place (an archaeological site, a factory), and is
// not one.
var pageSelfRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:this (?:web )?page|this website|this web site|cette page|ce site (?:internet|web)|the information on this (?:site|page|website))(?:$|[^\p{L}])`)

// pageNotice reports whether a short block is a notice about the page by
// what it names: a block of at most 40 words, no quote, that names "this
// page" or "this website". On every labeled page no text says so, and
// twenty pieces of furniture do, but for a documentation page's sentence
// telling what it covers (pageSaysWhatRe).
func pageNotice(n *html.Node, raw string) bool {
	if len(strings.Fields(raw)) > 40 || strings.ContainsAny(raw, "«»“”\"") || inBlockquote(n) || inItem(n) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	return pageSelfRe.MatchString(low) && !pageSaysWhatRe.MatchString(low) && !pageAddRe.MatchString(low)
}

// pageAddRe is the writer adding to the page what readers send: "je les
// ajouterai à cette page", "I will add them to this page". A personal
// page's last paragraph, not a notice about it.
var pageAddRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:ajouterai|ajouterons|ajouter|publierai|publierons|mettrai|add|post|put)(?: [\p{L}'’]+){0,3} (?:à|sur|dans|to|on|in) (?:cette page|this page)(?:$|[^\p{L}])`)

// pageSaysWhatRe opens a sentence in which a page of documentation tells
// what it holds: "Cette page récapitule les changements …", "This page
// explains how to …". A notice about the page says what it is worth, when
// it changed or whom it binds, not what it covers.
var pageSaysWhatRe = regexp.MustCompile(`^(?:cette page|this page) (?:vous )?(?:récapitule|présente|décrit|explique|détaille|rassemble|liste|résume|regroupe|couvre|recense|describes|explains|covers|lists|summari[sz]es|gathers|outlines|walks you through|shows you|introduces)(?:$|[^\p{L}])`)

// forUsRe opens a call on the publisher's behalf: an imperative with the
// publisher as its object or beneficiary ("Prêtez-les-nous",
// "Écrivez-nous", "Send us", "Tell us", "Lend us", "Write to us").
var forUsRe = regexp.MustCompile(`^(?:\p{L}+(?:-(?:le|la|les|en|y|moi))?-nous|\p{L}+ (?:(?:it|them|this|one|these) )?(?:to |with )?us)(?:$|[^\p{L}])`)

// askForUs reports whether a short block asks the reader something for
// the publisher: a question to the reader, then a sentence or a clause
// opening on an imperative for us ("Vous avez des photographies
// anciennes du lavoir ? Prêtez-les-nous le temps d'une numérisation",
// "Were you there? Send us your pictures"). A quote never is one.
func askForUs(n *html.Node, raw string) bool {
	if len(strings.Fields(raw)) > 40 || strings.ContainsAny(raw, "«»“”\"") || inBlockquote(n) || inItem(n) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	q := strings.Index(low, "?")
	// The question addresses the reader, or is a short one of its own
	// ("Une question sur un thé ?", "Questions?").
	if q < 0 || !toReader.MatchString(low[:q]) && len(strings.Fields(low[:q])) > 8 {
		return false
	}
	rest := low[q+1:]
	start := 0
	for i, r := range rest + "." {
		if strings.ContainsRune(".!?,;:", r) {
			// "Pouvons-nous faire autrement ?" asks; it does not call.
			if s := strings.TrimSpace(rest[start:min(i, len(rest))]); s != "" && r != '?' && (forUsRe.MatchString(s) || orForUsRe.MatchString(s)) {
				return true
			}
			start = i + 1
		}
	}
	return false
}

// orForUsRe is an imperative for us joined to a first call ("Passez nous
// voir … ou écrivez-nous", "Visit the shop or write to us").
var orForUsRe = regexp.MustCompile(`\s(?:ou|or|et|and)\s+(?:\p{L}+(?:-(?:le|la|les|en|y|moi))?-nous|\p{L}+ (?:(?:it|them|this|one|these) )?(?:to |with )?us)(?:$|[^\p{L}])`)

// questionCrossLink reports whether a short block is a cross-link put as
// a question to the reader: it opens on a question, addresses the reader,
// and holds one link to another page of the site ("Envie d'aller plus
// loin ? Notre article <a>…</a> vous attend dans le journal.", "Curious?
// <a>Our guide</a> has you covered"). A text's question is answered
// without the reader ("What happens next? The syndicate will publish
// <a>the schedule</a> …").
func questionCrossLink(n *html.Node, raw string) bool {
	if hasBlockChild(n) || contains(n, atom.Img) || len(strings.Fields(raw)) > 40 || strings.ContainsAny(raw, "«»“”\"") || inBlockquote(n) {
		return false
	}
	links := linksIn(n)
	if len(links) != 1 || !siteHref(attr(links[0], "href")) {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	q := strings.Index(low, "?")
	if q < 0 || len(strings.Fields(low[:q])) > 10 || strings.Contains(low[:q], strings.ToLower(textOf(links[0]))) {
		return false
	}
	return toReader.MatchString(low)
}

// postHeaderRe is the author part of a post's header: "par Gérard P.",
// "by Sam".
var postHeaderRe = regexp.MustCompile(`(?:^|[\s,–—-])(?:par|by)\s+\p{Lu}`)

// datedPosts reports whether a list is a thread of readers' posts by the
// shape of its items, whatever its title: every item (one at least) opens
// on a header of at most fourteen words holding a full date (with its
// year) and "par"/"by" and a name, and goes on with a paragraph of its
// own ("Le lavoir revit — 22 novembre 2026, par Gérard P." then the
// message). A live blog's entries are stamped by the hour; a list of
// teasers has no paragraph.
func datedPosts(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Ul, atom.Ol:
	default:
		return false
	}
	items := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Li {
			return false
		}
		lines := textLines(c)
		if len(lines) < 2 {
			return false
		}
		head := normText(lines[0])
		if len(strings.Fields(head)) > 14 || !yearRe.MatchString(head) || !postHeaderRe.MatchString(head) {
			return false
		}
		body := 0
		for _, l := range lines[1:] {
			body += wordCount(l)
		}
		if body < 8 {
			return false
		}
		items++
	}
	return items >= 1
}

// scoreRe is a review's score: "8/10", "4,5 / 5", "87/100";
// scoreAloneRe the same as the whole text of an element.
var scoreAloneRe = regexp.MustCompile(`^[0-9]{1,3}(?:[.,][0-9])?\s*/\s*(?:5|10|20|100)$`)

// hasScoreElement reports whether an element below n (or n) says nothing
// but a score: a date of the day and month ("21/10 : conseil") is in a
// line of its own words.
func hasScoreElement(n *html.Node) bool {
	if n.Type == html.ElementNode && scoreAloneRe.MatchString(normText(n)) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && hasScoreElement(c) {
			return true
		}
	}
	return false
}

// scoreRe is a review's score: "8/10", "4,5 / 5", "87/100".
var scoreRe = regexp.MustCompile(`(?:^|\s)[0-9]{1,3}(?:[.,][0-9])?\s*/\s*(?:5|10|20|100)(?:\s|$)`)

// scoreBox reports whether a box is a review's score box: a score, with
// labels and facts around it ("8/10 · Great · Editor's Pick · Developer:
// … · Price: …"), and no sentence: at most 60 words, no line of twelve
// words or more, no image or table.
func scoreBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	raw := normText(n)
	if len(strings.Fields(raw)) > 60 || !scoreRe.MatchString(raw) || !hasScoreElement(n) || contains(n, atom.Img) || contains(n, atom.Table) {
		return false
	}
	for _, l := range textLines(n) {
		if wordCount(l) >= 12 {
			return false
		}
	}
	return true
}
