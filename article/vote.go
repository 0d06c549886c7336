package article

import (
	"math"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The line vote: a model of what furniture looks like, learned from the
// labeled pages, asked about each line the rules left. The rules name
// classes of furniture (a newsletter box, links after the text, a meta
// line); a fresh site brings classes no rule names. The vote reads a
// line's shape only, never its words as such: its length and punctuation,
// its links and where they lead, its element and the boxes around it,
// where it stands against the prose, its capitals, digits, separators and
// prices, whether it speaks to the reader, and how much of its vocabulary
// the rest of the text shares. Boosted decision trees over those features
// (furnitureModel, trained by TestVoteModel from the lines readability
// keeps of the labeled sets, the sets measured untuned left out) give a
// probability; a line is dropped only at voteThreshold or more, and never
// a heading, a note, a sentence, a long line or a table, nor what the
// rules keep on purpose: the vote removes short furniture, it does not
// judge the text.

// voteThreshold is the probability from which a line goes. At 0.95, on
// each labeled set with the model trained without it, the vote caught
// about two fifths of the furniture readability keeps and lost under one
// word of text in a thousand (TestVoteModel logs the figures).
const voteThreshold = 0.95

// voteMaxWords bounds the lines the vote may drop: furniture it catches
// is short (a button, a price line, a label); a long line, or a
// sentence, is text or a box the rules judge.
const voteMaxWords = 12

// dropVoted removes the lines of root the model takes for furniture.
func dropVoted(root *html.Node, base *url.URL, title string) {
	lines := textLines(root)
	x := lineFeatures(lines, base, title)
	for i, ln := range lines {
		if ln.Parent == nil || voteExempt(ln) {
			continue
		}
		if furnitureModel.score(x[i]) >= voteThreshold {
			ln.Parent.RemoveChild(ln)
		}
	}
}

// noteMark starts a footnote or an endnote: "[1]", "1.", "¹", "*".
func noteMark(text string) bool {
	t := strings.TrimSpace(text)
	if strings.Contains(t, "↩") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case r == '[' || r == '*' || r == '†':
		return true
	case strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹⁰", r):
		return true
	case r >= '0' && r <= '9':
		i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
		return i > 0 && i <= 3 && (t[i] == '.' || t[i] == ')') && i+1 < len(t) && t[i+1] == ' '
	}
	return false
}

// voteExempt is what the vote never drops: headings (the structure of the
// text), tables and preformatted blocks (judged whole by the rules),
// notes, sentences, captions and credits (©), a match's result line, a
// quotation's attribution, the label of a list of text, lines over
// voteMaxWords, and what the rules keep on purpose: a source's label and its link ("Source : le rapport"), and the
// link of a paragraph beside it in its box ("… en mairie. Voir la liste").
func voteExempt(ln *html.Node) bool {
	switch ln.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table, atom.Pre, atom.Script, atom.Style:
		return true
	}
	text := normText(ln)
	if len(strings.Fields(text)) > voteMaxWords || noteMark(text) || strings.HasPrefix(text, "©") {
		return true
	}
	end, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, " »\"”’)"))
	if end == '.' || end == '!' || end == '?' || end == '…' {
		return true
	}
	if label, _, ok := strings.Cut(text, ":"); ok && linkShare(ln) >= 0.5 && sourceLabelRe.MatchString(titleForm(label)) {
		return true // "Sources : le rapport, le dossier"
	}
	if p := ln.Parent; p != nil && linkShare(ln) >= 0.5 && countElements(p, 4) <= 3 && proseParagraphs(p, 1) > 0 {
		return true
	}
	if inFigcaption(ln) {
		return true // a caption and its credit are text
	}
	if resultLine(text) {
		return true // a match report's score line
	}
	if quoteBefore(ln) {
		return true // a quotation's attribution ("Extrait de notre livre d'or, famille Delmas, août 2001")
	}
	return labelsList(ln)
}

// quoteBefore reports whether the line follows a quotation: the element
// before it reads as one, opening and closing on quotation marks.
func quoteBefore(ln *html.Node) bool {
	prev := prevElement(ln)
	return prev != nil && wordCount(prev) >= 4 && quotedWhole(prev)
}

// labelsList reports whether the line is the label of the list after it,
// a list of text rather than of links: a subheading written as a <div>
// ("Key points", "Ce qu'il faut retenir").
func labelsList(ln *html.Node) bool {
	next := ln.NextSibling
	for next != nil && next.Type != html.ElementNode {
		next = next.NextSibling
	}
	if next == nil || next.DataAtom != atom.Ul && next.DataAtom != atom.Ol {
		return false
	}
	return linkShare(next) < 0.5
}

// readerWords speak to the reader or for the publication, in French and
// English: calls to act and appeals use them, reports seldom do.
var readerWords = map[string]bool{"vous": true, "votre": true, "vos": true, "you": true, "your": true, "nous": true,
	"notre": true, "nos": true, "we": true, "our": true, "us": true, "toi": true, "ton": true, "tes": true}

// The features, in the order of lineFeatures' vector (furnitureModel's
// trees name them by index).
const (
	fWords       = iota // log(1 + words)
	fSentence           // ends as a sentence (. ! ? …)
	fColon              // ends with a colon
	fLinks              // share of the text in links
	fOwnLinks           // share of the text in links to the site's pages
	fHeading            // a heading element
	fItem               // a list item, or inside one
	fFigure             // a caption, or inside a figure
	fQuote              // a block quote, or inside one
	fCell               // in a table or a definition list
	fBold               // all its text bold
	fPosition           // its rank among the lines, 0 to 1
	fAfterProse         // after the last paragraph of prose
	fBeforeProse        // before the first
	fCapitals           // share of its words that start with a capital
	fDigits             // share of its characters that are digits
	fSeparators         // separators (· | • – — / › » >) per word
	fQuestion           // has a question mark
	fExclaim            // has an exclamation mark
	fUpper              // share of its letters in upper case
	fShared             // share of its content words the rest of the text has
	fContent            // how many content words it has
	fPrev               // log(1 + words) of the line before
	fNext               // log(1 + words) of the line after
	fSentences          // sentence breaks inside it
	fRelative           // its words against the mean paragraph of prose
	fReader             // share of its words that speak to the reader
	fSiblings           // elements in its parent (the size of its box)
	fPrice              // a currency sign
	fAddress            // an e-mail address or a URL in its text
	fParagraph          // a <p>
	fGeneric            // a <div>, <span> or <section>
	nFeatures
)

// lineFeatures describes each line by its shape (see the f constants).
func lineFeatures(lines []*html.Node, base *url.URL, title string) [][]float64 {
	n := len(lines)
	texts := make([]string, n)
	nw := make([]int, n)
	stems := make([]map[string]bool, n)
	first, last := -1, -1
	sumProse, nProse := 0, 0
	for i, ln := range lines {
		texts[i] = normText(ln)
		nw[i] = len(strings.Fields(texts[i]))
		stems[i] = contentStems(texts[i])
		if nw[i] >= 20 && linkShare(ln) < 0.5 {
			if first < 0 {
				first = i
			}
			last = i
			sumProse += nw[i]
			nProse++
		}
	}
	// How many lines (and the title) hold each stem: a line's stem is
	// shared when another holds it too.
	holders := map[string]int{}
	for s := range contentStems(title) {
		holders[s]++
	}
	for _, st := range stems {
		for s := range st {
			holders[s]++
		}
	}
	meanProse := 40.0
	if nProse > 0 {
		meanProse = float64(sumProse) / float64(nProse)
	}
	out := make([][]float64, n)
	for i, ln := range lines {
		t := texts[i]
		var letters, upper, digits, seps int
		for _, r := range t {
			switch {
			case unicode.IsLetter(r):
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			case unicode.IsDigit(r):
				digits++
			}
			switch r {
			case '·', '|', '•', '–', '—', '/', '›', '»', '>':
				seps++
			}
		}
		ws := strings.Fields(t)
		caps, reader := 0, 0
		for _, w := range ws {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				caps++
			}
			if readerWords[strings.ToLower(strings.Trim(w, ".,;:!?«»\"'()"))] {
				reader++
			}
		}
		lw := math.Max(1, float64(len(ws)))
		end := strings.TrimRight(t, " »\"”’)")
		lastR, _ := utf8.DecodeLastRuneInString(end)
		shared := 0
		for s := range stems[i] {
			if holders[s] >= 2 {
				shared++
			}
		}
		coherence := 1.0
		if len(stems[i]) > 0 {
			coherence = float64(shared) / float64(len(stems[i]))
		}
		siblings := 0
		if p := ln.Parent; p != nil {
			for c := p.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					siblings++
				}
			}
		}
		f := make([]float64, nFeatures)
		f[fWords] = math.Log1p(float64(len(ws)))
		f[fSentence] = b2f(lastR == '.' || lastR == '!' || lastR == '?' || lastR == '…')
		f[fColon] = b2f(lastR == ':')
		f[fLinks] = linkShare(ln)
		f[fOwnLinks] = ownLinkShare(ln, base)
		switch ln.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			f[fHeading] = 1
		}
		f[fItem] = b2f(ln.DataAtom == atom.Li || inItem(ln))
		f[fFigure] = b2f(inFigcaption(ln)) // the line or an ancestor is a figure or its caption
		f[fQuote] = b2f(ln.DataAtom == atom.Blockquote || below(ln, atom.Blockquote))
		f[fCell] = b2f(below(ln, atom.Td, atom.Th, atom.Dd, atom.Dt, atom.Table, atom.Dl) ||
			ln.DataAtom == atom.Td || ln.DataAtom == atom.Dd || ln.DataAtom == atom.Dt || ln.DataAtom == atom.Table)
		f[fBold] = b2f(allBold(ln))
		f[fPosition] = float64(i) / math.Max(1, float64(n-1))
		f[fAfterProse] = b2f(last >= 0 && i > last)
		f[fBeforeProse] = b2f(first >= 0 && i < first)
		f[fCapitals] = float64(caps) / lw
		f[fDigits] = float64(digits) / math.Max(1, float64(len(t)))
		f[fSeparators] = float64(seps) / lw
		f[fQuestion] = b2f(strings.Contains(t, "?"))
		f[fExclaim] = b2f(strings.Contains(t, "!"))
		f[fUpper] = float64(upper) / math.Max(1, float64(letters))
		f[fShared] = coherence
		f[fContent] = float64(len(stems[i]))
		if i > 0 {
			f[fPrev] = math.Log1p(float64(nw[i-1]))
		}
		if i+1 < n {
			f[fNext] = math.Log1p(float64(nw[i+1]))
		}
		f[fSentences] = float64(strings.Count(t, ". ") + strings.Count(t, "? ") + strings.Count(t, "! "))
		f[fRelative] = float64(len(ws)) / meanProse
		f[fReader] = float64(reader) / lw
		f[fSiblings] = float64(siblings)
		f[fPrice] = b2f(strings.ContainsAny(t, "€$£") || strings.Contains(t, " EUR"))
		f[fAddress] = b2f(strings.Contains(t, "@") || strings.Contains(t, "http") || strings.Contains(t, "www."))
		f[fParagraph] = b2f(ln.DataAtom == atom.P)
		f[fGeneric] = b2f(ln.DataAtom == atom.Div || ln.DataAtom == atom.Span || ln.DataAtom == atom.Section)
		out[i] = f
	}
	return out
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// below reports whether an ancestor of n is one of the elements.
func below(n *html.Node, as ...atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, a := range as {
			if p.DataAtom == a {
				return true
			}
		}
	}
	return false
}

// allBold reports whether all the text of n is in <strong> or <b>.
func allBold(n *html.Node) bool {
	plain := false
	var walk func(*html.Node, bool)
	walk = func(c *html.Node, in bool) {
		if c.Type == html.TextNode && !in && strings.TrimSpace(c.Data) != "" {
			plain = true
		}
		if c.Type == html.ElementNode && (c.DataAtom == atom.Strong || c.DataAtom == atom.B) {
			in = true
		}
		for k := c.FirstChild; k != nil && !plain; k = k.NextSibling {
			walk(k, in)
		}
	}
	walk(n, n.DataAtom == atom.Strong || n.DataAtom == atom.B)
	return !plain
}

// ownLinkShare is the share of n's text inside links to the site's pages.
func ownLinkShare(n *html.Node, base *url.URL) float64 {
	all := textLen(n)
	if all == 0 {
		return 0
	}
	in := 0
	for _, a := range linksIn(n) {
		if ownSite(attr(a, "href"), base) {
			in += textLen(a)
		}
	}
	return float64(in) / float64(all)
}

// voteNode is a node of a decision tree: a split on feature feat at thr
// (left when the value is at most thr), or a leaf (left < 0) of value.
type voteNode struct {
	feat        int
	thr         float64
	left, right int
	value       float64
}

// voteModel is a sum of trees through the logistic function.
type voteModel struct {
	base, rate float64
	trees      [][]voteNode
}

func (m *voteModel) score(x []float64) float64 {
	s := m.base
	for _, t := range m.trees {
		i := 0
		for t[i].left >= 0 {
			if x[t[i].feat] <= t[i].thr {
				i = t[i].left
			} else {
				i = t[i].right
			}
		}
		s += m.rate * t[i].value
	}
	return 1 / (1 + math.Exp(-s))
}
