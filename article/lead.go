package article

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Readability keeps the container that holds most of the text; the
// standfirst and the lead image often sit above it, in the article's
// header, and are lost. findLead notes them before extraction and restore
// puts back what the extraction lacks.

// standfirstRe matches a class token, or itemprop, of a standfirst.
var standfirstRe = regexp.MustCompile(`(?i)(?:^|[-_])(?:standfirst|chapo|chapeau|excerpt|subtitle|sub-title|subhead|subheadline|desc|description|dek|deck|lede|lead|intro|summary|kicker-text|strap|strapline|abstract)(?:$|[-_])`)

type leadParts struct {
	standfirst string     // its text, or ""
	figure     *html.Node // a clone of the lead figure, or nil
	figureSrc  string     // the src of its image, absolute
	summary    *html.Node // a clone of a "Key points" box, or nil
	video      string     // the caption of the lead video, or ""
}

// summaryTitleRe is the title of a box of key points above the text.
var summaryTitleRe = regexp.MustCompile(`^(?:key points|key takeaways|takeaways|at a glance|in short|in brief|the big picture|what you need to know|the essentials` +
	`|l'essentiel|l'essentiel en bref|en bref|en résumé|ce qu'il faut (?:savoir|retenir)|les points clés|points clés|à retenir|a retenir)$`)

// summaryBox reports whether n is a box of key points: a short title
// saying so, then a list.
func summaryBox(n *html.Node) bool {
	f := firstElement(n)
	if f == nil || !isHeadingLike(f) || !summaryTitleRe.MatchString(titleForm(textOf(f))) {
		return false
	}
	s := nextElement(f)
	return s != nil && (s.DataAtom == atom.Ul || s.DataAtom == atom.Ol) && !textLonger(n, 1500) && linkShare(n) < 0.5
}

// titleHeading returns the first heading (h1 to h3) that reads as the
// page's title, else the first <h1> of four words or more that opens it
// (a forum's <title> goes on with the page number and the forum's path:
// "Subject (Page 1) / Forum / Board", a separator splitTitle does not
// know), else the page's only <h1> holding most of the title's words
// (titleLikeH1), or nil.
func titleHeading(body *html.Node, title string) *html.Node {
	want := strings.Join(foldWords(title), " ")
	if want == "" {
		return nil
	}
	var found *html.Node
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, opens bool) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.H1, atom.H2, atom.H3:
				got := foldWords(textOf(c))
				if !opens && strings.Join(got, " ") == want || opens && c.DataAtom == atom.H1 && len(got) >= 4 && strings.HasPrefix(want, strings.Join(got, " ")+" ") {
					found = c
					return
				}
			}
			walk(c, opens)
		}
	}
	walk(body, false)
	if found == nil {
		walk(body, true)
	}
	if found == nil {
		found = titleEndHeading(body, want)
	}
	if found == nil {
		found = titleLikeH1(body, title)
	}
	if found == nil {
		found = slugHeading(body, title)
	}
	if found == nil {
		found = titleStyled(body)
	}
	return found
}

// titleLikeBlock returns, on a page with no heading for its headline,
// the first block of three to 25 words, with no block in it and no
// sentence end, that holds at least three quarters of the words of four
// letters or more of the title's longest part (an old site's "<font
// size=4><b>Travaux de renouvellement du réseau …</b></font>" under the
// <title> "SIEVD - Communiqué : travaux de renouvellement du réseau …"),
// before the first paragraph of prose; else nil.
func titleLikeBlock(body *html.Node) *html.Node {
	root := body
	for root.Parent != nil {
		root = root.Parent
	}
	long := ""
	for _, p := range titleParts(readHead(root).title) {
		if len(p) > len(long) {
			long = p
		}
	}
	if want := longWords(long); len(want) >= 3 {
		if b := titleLikeIn(body, func(_ *html.Node, raw string) bool { return holdsMost(raw, want) }); b != nil {
			return b
		}
	}
	// The title's subject before a colon, the headline saying the rest
	// otherwise ("Randonnée des Châtaignes 1999 : le compte rendu" over
	// "Randonnée des Châtaignes 1999 : 412 cyclos sur les routes …").
	if head, _, ok := strings.Cut(long, " : "); ok {
		if want := longWords(head); len(want) >= 3 {
			return titleLikeIn(body, func(_ *html.Node, raw string) bool { return holdsMost(raw, want) })
		}
	}
	// A short title, of fewer than three long words, that the headline
	// opens on ("120 ans de l'Harmonie" over "120 ans de l'Harmonie : une
	// journée de fête").
	if want := foldWords(long); len(want) >= 3 {
		return titleLikeIn(body, func(_ *html.Node, raw string) bool {
			got := foldWords(raw)
			return len(got) > len(want) && slices.Equal(got[:len(want)], want)
		})
	}
	return nil
}

// titleLikeIn returns the first block of three to 25 words, with no block
// in it and no sentence end, that match accepts (given the block and its
// text), before the first paragraph of prose; else nil.
func titleLikeIn(body *html.Node, match func(c *html.Node, raw string) bool) *html.Node {
	var found *html.Node
	done := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil && !done; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.P && proseBlock(c) {
				done = true
				return
			}
			raw := normText(c)
			if nw := len(strings.Fields(raw)); nw >= 3 && nw <= 25 && !hasBlockChild(c) && !endsSentence(raw) && match(c, raw) {
				found = c
				return
			}
			walk(c) // a cell of an old layout holds its text in runs of <font>
		}
	}
	walk(body)
	return found
}

// titleLikeH1 returns the page's only <h1> when it holds at least three
// quarters of the title's words of four letters or more, three or more
// ("Traversée du bourg : les travaux commencent le 12 janvier" under the
// <title> "Travaux de la traversée du bourg"), else nil.
func titleLikeH1(body *html.Node, title string) *html.Node {
	want := longWords(title)
	if len(want) < 3 || countAtom(body, atom.H1, 2) != 1 {
		return nil
	}
	if h1 := findAtom(body, atom.H1); holdsMost(textOf(h1), want) {
		return h1
	}
	return nil
}

// captionAfter returns the text of the block right after an image's box
// when it is the image's caption, classed so ("caption",
// "wp-caption-text") and at most 60 words; else "".
func captionAfter(img *html.Node) string {
	next := nextElement(img)
	if next == nil || hasBlockChild(next) {
		return ""
	}
	named := false
	for _, tok := range strings.Fields(strings.ToLower(attr(next, "class"))) {
		named = named || strings.Contains(tok, "caption") || strings.Contains(tok, "legende") || strings.Contains(tok, "légende")
	}
	t := normText(next)
	if !named || len(strings.Fields(t)) > 60 {
		return ""
	}
	return t
}

// titleEndHeading returns the first heading (h1 to h3) whose words, four
// or more, end the title's (want, folded), after at most five words that
// a link to the home page reads (the site's name): a blog platform's
// "<title>Blog name: Post title</title>" over the post's <h3>, the
// name before a colon no separator list names.
func titleEndHeading(body *html.Node, want string) *html.Node {
	return findFirst(body, func(c *html.Node) bool {
		if c.DataAtom != atom.H1 && c.DataAtom != atom.H2 && c.DataAtom != atom.H3 {
			return false
		}
		got := strings.Join(foldWords(textOf(c)), " ")
		n := len(strings.Fields(got))
		return n >= 4 && strings.HasSuffix(want, " "+got) && len(strings.Fields(want))-n <= 5 && homeLinkReads(body, strings.TrimSuffix(want, " "+got))
	})
}

// titleStyled returns the first block set in a word processor's Title
// style ("<p class=MsoTitle>" in a page saved from Word), the document's
// headline; else nil.
func titleStyled(body *html.Node) *html.Node {
	return findFirst(body, func(c *html.Node) bool { return hasToken(attr(c, "class"), "msotitle") && textLonger(c, 0) })
}

// homeLinkReads reports whether a link to the site's home page (homeLink)
// reads words (folded).
func homeLinkReads(body *html.Node, words string) bool {
	return findFirst(body, func(c *html.Node) bool {
		return c.DataAtom == atom.A && strings.Join(foldWords(textOf(c)), " ") == words && homeLink(c)
	}) != nil
}

// titleSlug returns the word of a <title> that is a page's slug or wiki
// id rather than its headline, "actu:2026:portes-ouvertes-decembre": one
// token of letters and digits joined by "-" or "_" in three parts or
// more, after an optional path ("actu:2026:", "news/"); else "".
func titleSlug(title string) string {
	for _, f := range strings.Fields(title) {
		if slugRe.MatchString(f) {
			return f
		}
	}
	return ""
}

var slugRe = regexp.MustCompile(`^(?:[\p{L}\p{N}]+[:/])*[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+){2,}(?:\.[a-z]{2,4})?$`)

// slugHeading returns the first heading (h1 to h3) that holds every word
// of three letters or more of the title's slug (titleSlug), accents
// aside, two words or more: the headline of a wiki page whose <title> is
// its id; else nil.
func slugHeading(body *html.Node, title string) *html.Node {
	slug := titleSlug(title)
	if slug == "" {
		return nil
	}
	if i := strings.LastIndexAny(slug, ":/"); i >= 0 {
		slug = slug[i+1:]
	}
	if i := strings.LastIndex(slug, "."); i >= 0 {
		slug = slug[:i]
	}
	var want []string
	for _, w := range strings.FieldsFunc(slug, func(r rune) bool { return r == '-' || r == '_' }) {
		if len([]rune(w)) >= 3 {
			want = append(want, unaccent(strings.ToLower(w)))
		}
	}
	if len(want) < 2 {
		return nil
	}
	return findFirst(body, func(c *html.Node) bool {
		if c.DataAtom != atom.H1 && c.DataAtom != atom.H2 && c.DataAtom != atom.H3 {
			return false
		}
		got := foldWords(unaccent(textOf(c)))
		return !slices.ContainsFunc(want, func(w string) bool { return !slices.Contains(got, w) })
	})
}

// unaccent returns s without its combining marks: "décembre" is
// "decembre", as a slug writes it.
func unaccent(s string) string {
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return s
	}
	return out
}

// longWords returns the words of s of four letters or more (foldWords).
func longWords(s string) map[string]bool {
	ws := map[string]bool{}
	for _, w := range foldWords(s) {
		if len([]rune(w)) >= 4 {
			ws[w] = true
		}
	}
	return ws
}

// holdsMost reports whether text holds at least three quarters of want.
func holdsMost(text string, want map[string]bool) bool {
	in := map[string]bool{}
	for _, w := range foldWords(text) {
		if want[w] {
			in[w] = true
		}
	}
	return 4*len(in) >= 3*len(want)
}

// findLead looks, before the first paragraph of the page, for a
// standfirst (an element named so by its class or itemprop, of 60 to 800
// characters) and for the figure of the lead image (the one showing
// og:image, else the first figure with a caption).
//
// A block whose text is the page's description (meta description,
// og:description), or opens it or is opened by it, is the standfirst
// too, whatever its class: the description is the standfirst a CMS
// writes in the head.
func findLead(doc *html.Node, base *url.URL, ogImage string, description string) leadParts {
	var lp leadParts
	body := findBody(doc)
	if body == nil {
		return lp
	}
	desc := foldWords(description)
	// The standfirst follows the headline: a blog whose <h1> is its name
	// has a tagline named "description" in its header, before the post's
	// own title.
	headline := pageTitle(doc)
	title := titleHeading(body, headline)
	// A description that is the headline says nothing of the text: some
	// CMSs fill the meta description with the title, and the headline is
	// never the standfirst.
	if sameWords(desc, foldWords(headline)) || title != nil && sameWords(desc, foldWords(textOf(title))) {
		desc = nil
	}
	afterTitle := title == nil
	underTitle := blockAfterHeadline(title)
	shortDeck := false // underTitle is a deck by its name, under 60 characters
	if underTitle != nil && !standfirstShape(underTitle) {
		if shortDeck = namedDeck(underTitle); !shortDeck {
			underTitle = nil
		}
	}
	// The block under the headline that reads as a standfirst is not the
	// first paragraph of the text: the lead figure may follow it.
	first := leadStart(body, title, desc, underTitle)
	var walk func(n *html.Node) bool // false stops the walk
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c == first {
				return false
			}
			if c == title {
				afterTitle = true
			}
			if c.Type != html.ElementNode {
				continue
			}
			if linkPreview(c) {
				continue // another page's card: its description is that page's
			}
			if lp.summary == nil && summaryBox(c) {
				lp.summary = cloneTree(c)
				continue
			}
			if lp.standfirst == "" && afterTitle && c != title && (isStandfirst(c) || boldDeck(c) || !contains(c, atom.H1) && isDescription(c, desc) || c == underTitle) {
				if t := normText(c); (len(t) >= 60 || shortDeck && c == underTitle) && len(t) <= 800 {
					lp.standfirst = t
					continue
				}
			}
			if lp.figure == nil && c.DataAtom == atom.Figure {
				if src := figureImage(c, base); src != "" && (src == ogImage || hasCaption(c)) {
					lp.figure, lp.figureSrc = cloneTree(c), src
					ampImages(lp.figure)
					continue
				}
			}
			if lp.video == "" && afterTitle {
				if t := videoCaption(c); t != "" {
					lp.video = t
					continue
				}
			}
			if lp.figure == nil && c.DataAtom != atom.Figure && (ogImage != "" || captionAfter(c) != "") {
				// Div soup: the smallest container of the og:image (or,
				// with none, an image's box followed by a box classed its
				// caption: captionAfter) and a short text is the lead
				// figure and its caption; not one
				// that holds the headline: that is the article's header
				// (the image beside the title, its date and its byline).
				// Nor the site's logo, a link to its home page, beside the
				// site's name in a box classed "navbar-caption".
				if src := figureImage(c, base); src != "" && (ogImage == "" || samePath(src, ogImage)) && !contains(c, atom.H1) &&
					findFirst(c, func(n *html.Node) bool { return n.DataAtom == atom.Img && homeLink(n) }) == nil {
					t := strings.Join(strings.Fields(textBesideTools(c)), " ")
					if t == "" {
						t = captionAfter(c) // the hero's caption in a box of its own, after the image's
					}
					if t != "" && len(t) <= 300 {
						lp.figure, lp.figureSrc = makeFigure(src, t), src
						continue
					}
				}
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(body)
	return lp
}

// sameWords reports whether two folded texts are the same words, the
// empty text being no text.
func sameWords(a, b []string) bool {
	return len(a) > 0 && slices.Equal(a, b)
}

// isDescription reports whether n's text and the page's description
// (folded words) are one the start of the other, the shorter of at least
// eight words, the longer at most twice as long: the standfirst, which a
// description may cut short.
func isDescription(n *html.Node, desc []string) bool {
	if len(desc) < 8 {
		return false
	}
	ws := foldWords(textOf(n))
	short, long := ws, desc
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 8 || len(long) > 2*len(short) {
		return false
	}
	return slices.Equal(short, long[:len(short)])
}

// firstProse is firstParagraph outside the boxes a page lays over its
// text (consent, sign-up) and the AMP components, the standfirst (by its
// class or the description) aside: a consent box's sentence is not where
// the article starts.
func firstProse(n *html.Node, desc []string, standfirst *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if p := proseAt(c, desc, standfirst); p != nil {
			return p
		}
	}
	return nil
}

// textBesideTools is the text of n without the lines of its image's
// tools (mediaTools): what a figure in div soup captions.
func textBesideTools(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			switch {
			case k.Type == html.TextNode:
				b.WriteString(k.Data)
			case k.Type == html.ElementNode && !mediaTools(k):
				b.WriteString(" ")
				walk(k)
			}
		}
	}
	walk(n)
	return b.String()
}

// laidOver reports whether an element says it is laid over the page: a
// dialog by its role ("dialog", "alertdialog") or a modal by aria-modal
// (an age gate, a consent or sign-up pop-up written as a <div>).
func laidOver(n *html.Node) bool {
	switch strings.ToLower(attr(n, "role")) {
	case "dialog", "alertdialog":
		return true
	}
	return strings.EqualFold(attr(n, "aria-modal"), "true")
}

// ampImages makes the <amp-img> elements under n plain images.
func ampImages(n *html.Node) {
	if n.Type == html.ElementNode && n.Data == "amp-img" {
		n.Data, n.DataAtom = "img", atom.Img
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		ampImages(c)
	}
}

func samePath(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Path == ub.Path && ua.Path != "" && ua.Path != "/"
}

// makeFigure builds <figure><img src><figcaption>caption</figcaption></figure>.
func makeFigure(src, caption string) *html.Node {
	fig := &html.Node{Type: html.ElementNode, Data: "figure", DataAtom: atom.Figure}
	fig.AppendChild(&html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img, Attr: []html.Attribute{{Key: "src", Val: src}}})
	cap := &html.Node{Type: html.ElementNode, Data: "figcaption", DataAtom: atom.Figcaption}
	cap.AppendChild(&html.Node{Type: html.TextNode, Data: caption})
	fig.AppendChild(cap)
	return fig
}

func isStandfirst(n *html.Node) bool {
	if abstractValue(n) {
		return true
	}
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H2, atom.H3, atom.Section, atom.Span, atom.Strong:
	default:
		return false
	}
	if contains(n, atom.H1) {
		return false // the headline's container, not a standfirst
	}
	if textLonger(n, 1000) || countAtom(n, atom.P, 3) >= 3 {
		// A container of the text whose class names a summary (Drupal's
		// field--type-text-with-summary holds the body), not a standfirst:
		// the rules for what sits above the text must not read the text.
		return false
	}
	if strings.EqualFold(attr(n, "itemprop"), "description") {
		return !dataCells(n)
	}
	for _, tok := range strings.Fields(attr(n, "class")) {
		if standfirstRe.MatchString(tok) {
			return !dataCells(n)
		}
	}
	return false
}

// dataCells reports whether n is a card of data about the story rather
// than its text (a match's summary: the sides, their scores, the result
// and a link to the full scorecard): a box, not a table, list or figure,
// of four cells or more, each an element of six words at most with no
// sentence's stop, two of them holding digits, forty words in all, with
// no image. Whatever its class says, it is no standfirst
// ("sc-match-summary").
func dataCells(n *html.Node) bool {
	if !hasBlockChild(n) || contains(n, atom.Img) || contains(n, atom.Table) || contains(n, atom.Ul) || contains(n, atom.Ol) || contains(n, atom.P) {
		return false
	}
	if wordCount(n) > 40 {
		return false
	}
	cells, digits := 0, 0
	ok := true
	var walk func(*html.Node)
	walk = func(e *html.Node) {
		for c := e.FirstChild; c != nil && ok; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" && e == n:
				ok = false // loose text of the box: a line, not cells
			case c.Type == html.ElementNode && !hasElementChild(c):
				t := normText(c)
				if t == "" {
					continue
				}
				if len(strings.Fields(t)) > 6 || endsSentence(t) {
					ok = false
				}
				cells++
				if strings.ContainsAny(t, "0123456789") {
					digits++
				}
			case c.Type == html.ElementNode:
				walk(c)
			}
		}
	}
	walk(n)
	return ok && cells >= 4 && digits >= 2
}

// firstParagraph returns the first <p> of the page with a sentence in it.
func firstParagraph(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isStandfirst(c) {
			continue
		}
		if c.DataAtom == atom.P && wordCount(c) >= 12 {
			return c
		}
		if p := firstParagraph(c); p != nil {
			return p
		}
	}
	return nil
}

func figureImage(fig *html.Node, base *url.URL) string {
	var src string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if src != "" {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Img || n.Data == "amp-img") {
			src = absolute(base, attr(n, "src"))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(fig)
	return src
}

func hasCaption(fig *html.Node) bool {
	var found bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Figcaption && textLonger(n, 0) {
			found = true
		}
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			walk(c)
		}
	}
	walk(fig)
	return found
}

// restore prepends to the extracted HTML the standfirst, the box of key
// points and the lead figure it lacks.
func (lp leadParts) restore(extracted string, node *html.Node) string {
	var pre strings.Builder
	if lp.standfirst != "" && !strings.Contains(normText(node), lp.standfirst) {
		pre.WriteString("<p>" + html.EscapeString(lp.standfirst) + "</p>\n")
	}
	if lp.summary != nil {
		if list := nextElement(firstElement(lp.summary)); list != nil && !strings.Contains(normText(node), normText(list)) {
			var b strings.Builder
			if html.Render(&b, lp.summary) == nil {
				pre.WriteString(b.String() + "\n")
			}
		}
	}
	if lp.video != "" && !strings.Contains(normText(node), lp.video) {
		pre.WriteString("<p>" + html.EscapeString(lp.video) + "</p>\n")
	}
	if lp.figure != nil && !strings.Contains(extracted, lp.figureSrc) && !hasImage(node, lp.figureSrc) {
		var b strings.Builder
		if html.Render(&b, lp.figure) == nil {
			pre.WriteString(b.String() + "\n")
		}
	}
	if pre.Len() == 0 {
		return extracted
	}
	return pre.String() + extracted
}

func hasImage(n *html.Node, src string) bool {
	if n == nil {
		return false
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Img && strings.Contains(src, attr(n, "src")) && attr(n, "src") != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasImage(c, src) {
			return true
		}
	}
	return false
}

func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}

// playerClassRe is a class token of a video player.
var playerClassRe = regexp.MustCompile(`(?i)(?:^|[-_])(?:player|vjs|jwplayer|jw|brightcove|video-js|plyr)(?:$|[-_])`)

// videoCaption returns the caption of a lead video: a box, between the
// headline and the text, that holds a player (a <video>, an <iframe> or
// an element named a player) and one line of 4 to 40 words beside it,
// the player's own buttons aside. Readability drops such a box above the
// text; a TV station's video is told by its caption.
func videoCaption(n *html.Node) string {
	switch n.DataAtom {
	case atom.Div, atom.Figure, atom.Section:
	default:
		return ""
	}
	if textLonger(n, 400) {
		return ""
	}
	var player *html.Node
	var lines []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return ""
		}
		if c.Type != html.ElementNode {
			continue
		}
		isPlayer := c.DataAtom == atom.Video || c.DataAtom == atom.Iframe || contains(c, atom.Video) || contains(c, atom.Iframe)
		for _, tok := range strings.Fields(attr(c, "class")) {
			isPlayer = isPlayer || playerClassRe.MatchString(tok)
		}
		switch {
		case isPlayer && player == nil:
			player = c
		case strings.TrimSpace(textOf(c)) != "":
			lines = append(lines, c)
		}
	}
	if player == nil || len(lines) != 1 || hasBlockChild(lines[0]) || linkShare(lines[0]) > 0.3 {
		return ""
	}
	switch lines[0].DataAtom {
	case atom.P, atom.Div, atom.Span, atom.Figcaption:
	default:
		return ""
	}
	t := normText(lines[0])
	if nw := len(strings.Fields(t)); nw < 4 || nw > 40 {
		return ""
	}
	return t
}

// countAtom counts the elements a below n, up to limit.
func countAtom(n *html.Node, a atom.Atom, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == a {
				count++
			}
			walk(c)
		}
	}
	walk(n)
	return count
}

// blockAfterHeadline returns the element right after the headline: its
// next element sibling, or its wrapper's when the headline is alone in
// one (two levels at most).
func blockAfterHeadline(h *html.Node) *html.Node {
	for i := 0; h != nil && i < 3; i++ {
		if next := nextElement(h); next != nil {
			return next
		}
		p := h.Parent
		if p == nil || p.DataAtom == atom.Body || firstElement(p) != h {
			return nil
		}
		h = p
	}
	return nil
}

// standfirstShape reports whether n, the block right under the headline,
// reads as a standfirst whatever its class (div soup names it by a hash):
// one block of text with no block inside and no links, of 12 to 80 words
// ending a sentence (a heading need not: a deck), that is not a byline, a
// date line or a signature.
func standfirstShape(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H2, atom.H3, atom.Span:
	default:
		return false
	}
	if hasBlockChild(n) || contains(n, atom.A) || contains(n, atom.Img) || contains(n, atom.Button) || contains(n, atom.Time) {
		return false
	}
	if wordsOver(n, 80) {
		return false
	}
	t := normText(n)
	if nw := len(strings.Fields(t)); nw < 12 || nw > 80 {
		return false
	}
	if bylineRe.MatchString(t) || signatureLine(t) || metaDateLine(t) {
		return false
	}
	if n.DataAtom == atom.H2 || n.DataAtom == atom.H3 {
		return true // a deck: a heading of twelve words or more right under the headline, a sentence without its stop
	}
	return endsSentence(t)
}

// namedDeck reports whether n, the block right under the headline, is a
// deck by its class or id ("o_wblog_post_subtitle", Odoo's blog post
// subtitle; "article-dek"), shorter than standfirstShape reads ("Eleven
// members, one season, and a lot of soil tests"): a line of six words or
// more, with no block, link, image or time inside, not a byline, a date
// line or a signature.
func namedDeck(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H2, atom.H3, atom.Span:
	default:
		return false
	}
	named := false
	for _, tok := range append(strings.Fields(attr(n, "class")), attr(n, "id")) {
		named = named || standfirstRe.MatchString(tok)
	}
	if !named || hasBlockChild(n) || contains(n, atom.A) || contains(n, atom.Img) || contains(n, atom.Button) || contains(n, atom.Time) {
		return false
	}
	if wordsOver(n, 80) {
		return false
	}
	t := normText(n)
	if nw := len(strings.Fields(t)); nw < 6 || nw > 80 {
		return false
	}
	return !bylineRe.MatchString(t) && !signatureLine(t) && !metaDateLine(t)
}

// boldDeck reports whether n is a standfirst written as a paragraph all
// in bold, in a box of its own above the text (a press release's abstract
// whose class says nothing, "<div class="x"><p><strong>…</strong></p>"):
// twelve to eighty words ending on a sentence's stop, few of them linked,
// not a byline, a date line, a signature or a line of furniture
// (lineChrome), and the only paragraph of prose of its parent. A bold
// first paragraph of the body has the text's paragraphs beside it and is
// not taken out of it.
func boldDeck(n *html.Node) bool {
	if n.DataAtom != atom.P || n.Parent == nil || !allBold(n) || linkShare(n) >= 0.2 || proseParagraphs(n.Parent, 2) > 1 {
		return false
	}
	if wordsOver(n, 80) {
		return false
	}
	t := normText(n)
	if nw := len(strings.Fields(t)); nw < 12 || nw > 80 {
		return false
	}
	// A notice or a call above the text ("Cet article date de plus d'un
	// an", "Subscribe to …") is a line of furniture, not the deck.
	return endsSentence(t) && !bylineRe.MatchString(t) && !signatureLine(t) && !metaDateLine(t) && !lineChrome(n)
}

// endsSentence reports whether a text ends on a sentence's stop.
func endsSentence(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "\"'»”’) ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// hasElementChild reports whether n has an element among its children.
func hasElementChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// abstractTermRe names a record's summary in a list of its properties.
var abstractTermRe = regexp.MustCompile(`^(?:abstract|summary|résumé|chapô|chapeau|standfirst)$`)

// abstractValue reports whether n is the value of a record's summary in
// the definition list of its properties (a collection's item page on
// Omeka S: "<dt>Abstract</dt><dd>…</dd>" before "<dt>Description</dt>"
// holding the story): a <dd> of 60 to 800 characters, no paragraph in it,
// after a <dt> naming a summary (abstractTermRe).
func abstractValue(n *html.Node) bool {
	if n.DataAtom != atom.Dd {
		return false
	}
	dt := prevElement(n)
	if dt == nil || dt.DataAtom != atom.Dt || !abstractTermRe.MatchString(titleForm(textOf(dt))) {
		return false
	}
	l := textLen(n)
	return l >= 60 && l <= 800 && !contains(n, atom.P)
}
