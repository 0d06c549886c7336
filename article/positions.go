package article

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages laid out by absolute positions, as desktop web designers export
// them (Xara, Serif WebPlus, SiteSpinner, NetObjects Fusion, iWeb): every
// text box is a <div> placed by its inline style (left, top, width in
// pixels) beside all the others, in one container. The sidebar's boxes sit
// beside the text's, the footer's band runs under it across the page, and
// the source's order need not be the reading order. Read by their places,
// the text is the column of the longest box.

// placed is a child of a positioned layout and its place, in pixels.
type placed struct {
	n                *html.Node
	left, top, width int
	text             int
}

// placeRe reads a declaration of left, top or width in pixels (a number
// without its unit, in a page in quirks mode, is in pixels).
var placeRe = regexp.MustCompile(`^\s*(left|top|width)\s*:\s*(-?[0-9]+)(?:\.[0-9]+)?(?:px)?\s*$`)

// placement returns n's place when its inline style gives its left, top
// and width in pixels.
func placement(n *html.Node) (placed, bool) {
	if n.Type != html.ElementNode {
		return placed{}, false
	}
	st := strings.ToLower(attr(n, "style"))
	if st == "" {
		return placed{}, false
	}
	p := placed{n: n, left: -1 << 30, top: -1 << 30, width: -1}
	for _, decl := range strings.Split(st, ";") {
		m := placeRe.FindStringSubmatch(decl)
		if m == nil {
			continue
		}
		v, err := strconv.Atoi(m[2])
		if err != nil {
			return placed{}, false
		}
		switch m[1] {
		case "left":
			p.left = v
		case "top":
			p.top = v
		case "width":
			p.width = v
		}
	}
	if p.left == -1<<30 || p.top == -1<<30 || p.width <= 0 {
		return placed{}, false
	}
	p.text = textLen(n)
	return p, true
}

// positionedText reports whether n's own style places it absolutely.
func positionedText(n *html.Node) bool {
	return strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "position:absolute") && strings.TrimSpace(textOf(n)) != ""
}

// readPlacedLayout reads each container of a positioned layout in body:
// five text boxes or more placed absolutely among its children, one of
// them a paragraph of twenty words or more. The text's column is the one
// that holds the most text. The boxes that do not stand over it (a
// sidebar beside the text) go; so does the column's last box when it is
// wider than the column's box by a quarter and says the publisher's
// rights or address (the footer's band across the page; the text's own
// boxes may be wider, beside no picture). The column's boxes and images are put in the order of
// their tops, each text box a paragraph. The short box right above the
// column's first paragraph, on a page with no <h1>, is the headline: it
// becomes the <h1> the page lacks.
func readPlacedLayout(body *html.Node) {
	var containers []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		boxes := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Div && positionedText(c) {
				boxes++
			}
		}
		if boxes >= 5 {
			containers = append(containers, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				walk(c)
			}
		}
	}
	walk(body)
	for _, box := range containers {
		readPlacedBoxes(body, box)
	}
}

// readPlacedBoxes is readPlacedLayout for one container.
func readPlacedBoxes(body, box *html.Node) {
	var all []placed
	for c := box.FirstChild; c != nil; c = c.NextSibling {
		if p, ok := placement(c); ok {
			all = append(all, p)
		}
	}
	over := func(p, q placed) bool {
		lo, hi := max(p.left, q.left), min(p.left+p.width, q.left+q.width)
		return 2*(hi-lo) >= min(p.width, q.width)
	}
	// The text's column: the box whose column holds the most text (a
	// sidebar's one long box is not it), a box being in another's column
	// when each one's middle is over the other (a band across the page
	// holds no column of its own).
	within := func(x int, q placed) bool { return q.left <= x && x <= q.left+q.width }
	mutual := func(p, q placed) bool { return within(p.left+p.width/2, q) && within(q.left+q.width/2, p) }
	main, most := placed{}, 0
	for _, q := range all {
		if q.text == 0 || !positionedText(q.n) {
			continue
		}
		sum := 0
		for _, p := range all {
			if mutual(p, q) {
				sum += p.text
			}
		}
		if sum > most || sum == most && q.text > main.text {
			main, most = q, sum
		}
	}
	if main.n == nil || wordCount(main.n) < 20 {
		return
	}
	inColumn := func(p placed) bool { return over(p, main) }
	// The footer's band: the column's last text box, wider than the
	// column's box by a quarter, that says the publisher's rights or
	// address ("©", "Contact : …@…", "Tous droits réservés").
	bottom := -1
	for i, p := range all {
		if p.text > 0 && inColumn(p) && (bottom < 0 || p.top > all[bottom].top) {
			bottom = i
		}
	}
	band := func(i int) bool {
		p := all[i]
		return i == bottom && 4*p.width > 5*main.width && footRe.MatchString(strings.ToLower(textOf(p.n)))
	}
	// The column's paragraphs: its boxes of a sentence of twelve words or
	// more (a dated line is none), the footer's band aside.
	first, last := -1, -1
	for i, p := range all {
		if t := normText(p.n); p.text > 0 && inColumn(p) && !band(i) && wordCount(p.n) >= 12 && !(wordCount(p.n) <= 15 && dated(t)) {
			if first < 0 || p.top < all[first].top {
				first = i
			}
			if last < 0 || p.top > all[last].top {
				last = i
			}
		}
	}
	if first < 0 || first == last {
		return
	}
	// A sidebar is a run of boxes beside the column at one left (its title,
	// its lines), or one box of four lines or more; a lone short box there
	// is an image's caption, or a box of the text set beside it.
	var side []int
	for _, p := range all {
		if p.text > 0 && !inColumn(p) {
			side = append(side, p.left)
		}
	}
	sidebar := func(p placed) bool {
		n := 0
		for _, l := range side {
			if l-20 <= p.left && p.left <= l+20 {
				n++
			}
		}
		return n >= 3 || len(textLines(p.n)) >= 4 // a run of boxes, or one box of a menu's lines
	}
	var column []placed
	for i, p := range all {
		switch {
		case !inColumn(p) && sidebar(p):
			box.RemoveChild(p.n) // a sidebar's box
		case band(i):
			box.RemoveChild(p.n) // the footer's band
		case inColumn(p):
			column = append(column, p)
		}
	}
	sorted := slices.IsSortedFunc(column, func(a, b placed) int { return a.top - b.top })
	if !sorted {
		slices.SortStableFunc(column, func(a, b placed) int { return a.top - b.top })
		for _, p := range column {
			box.RemoveChild(p.n)
			box.AppendChild(p.n)
		}
	}
	// Each text box of the column holding no block is one paragraph.
	for _, p := range column {
		if p.n.DataAtom == atom.Div && p.text > 0 && !hasBlockChild(p.n) {
			p.n.Data, p.n.DataAtom = "p", atom.P
		}
	}
	if findAtom(body, atom.H1) != nil {
		return
	}
	// The headline: the short box right above the first paragraph, but
	// for a dated line between them ("Les Truffières du Pech Merle - compte
	// rendu du 19 janvier 2009").
	for i, p := range column {
		if p.n != all[first].n {
			continue
		}
		var datelines []*html.Node
		for j := i - 1; j >= 0; j-- {
			h := column[j]
			t := normText(h.n)
			if h.text == 0 {
				continue // an image between them
			}
			if len(strings.Fields(t)) <= 15 && dated(t) {
				datelines = append(datelines, h.n)
				continue
			}
			if len(strings.Fields(t)) <= 15 && !endsSentence(t) {
				h.n.Data, h.n.DataAtom = "h1", atom.H1
				for _, d := range datelines {
					d.Parent.RemoveChild(d) // the headline's dateline
				}
			}
			break
		}
		break
	}
}

// dated reports whether a line holds a date: a month's name and a year,
// or a date in figures ("19 janvier 2009", "14/07/2010").
func dated(t string) bool {
	if numericDateRe.MatchString(t) {
		return true
	}
	if !yearRe.MatchString(t) {
		return false
	}
	return slices.ContainsFunc(foldWords(t), monthRe.MatchString)
}

// footRe is what a page's footer says of its publisher: its rights, its
// address to write to.
var footRe = regexp.MustCompile(`©|&copy;|@|tous droits|all rights|droits réservés|mentions légales|webmaster|webmestre`)
