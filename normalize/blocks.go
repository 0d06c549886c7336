package normalize

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags lists the elements that start a new block of text.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "ul": true, "ol": true, "dl": true,
	"dt": true, "dd": true, "blockquote": true, "pre": true, "figure": true,
	"figcaption": true, "table": true, "thead": true, "tbody": true,
	"tfoot": true, "tr": true, "td": true, "th": true, "caption": true,
	"section": true, "article": true, "aside": true, "header": true,
	"footer": true, "nav": true, "hr": true, "address": true, "main": true,
	"details": true, "summary": true, "center": true, "form": true,
	"fieldset": true,
}

// block is one unit of text that chrome removal judges whole: a leaf block
// element (paragraph, heading, list item …), or a line, that is a run of
// inline nodes between line breaks or block elements.
type block struct {
	parent *html.Node   // the container of the run
	elem   *html.Node   // the element, when the block is a whole element
	nodes  []*html.Node // the run of inline nodes, when elem is nil
	text   string       // folded plain text
	links  float64      // share of the text inside links, 0 to 1
}

// collectBlocks returns the blocks of the fragment under root in document
// order. sc is scratch space; nil allocates some.
func collectBlocks(root *html.Node, sc *scratch) []block {
	out := make([]block, 0, 16)
	if sc == nil {
		sc = &scratch{}
	}
	collect(root, true, &out, sc)
	return out
}

func collect(n *html.Node, isRoot bool, out *[]block, sc *scratch) {
	start := len(*out)
	hasBlock := false
	// The run grows at the end of sc.nodes; a block keeps its part, which
	// nothing appends to or writes over later (an append that outgrows
	// the array moves on to a new one).
	runStart := len(sc.nodes)
	flush := func() {
		if len(sc.nodes) > runStart {
			run := sc.nodes[runStart:len(sc.nodes):len(sc.nodes)]
			if b := runBlock(n, run, &sc.fold); b.text != "" {
				*out = append(*out, b)
			}
		}
		runStart = len(sc.nodes)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && tagFlags(c)&tagBlock != 0:
			flush()
			hasBlock = true
			collect(c, false, out, sc)
			runStart = len(sc.nodes)
		case c.Type == html.ElementNode && c.Data == "br":
			flush()
		default:
			runStart = sc.push(runStart, c)
		}
	}
	flush()
	// A container holding a single line and no block is itself the block.
	if !isRoot && !hasBlock && len(*out)-start == 1 {
		(*out)[start].elem = n
		(*out)[start].nodes = nil
	}
}

// collectText returns what collectBlocks and fragmentText return for the
// fragment under root, from one walk that folds the text once: the walk
// writes the fragment's text as fragmentText does, and a block's text is
// the part of it that the block's run wrote (less the space that joined
// it to what came before). sc is scratch space.
func collectText(root *html.Node, sc *scratch) ([]block, string) {
	// The blocks go to the end of the slab; the fragment keeps its part,
	// which nothing appends to later.
	if cap(sc.blocks)-len(sc.blocks) < 16 {
		sc.blocks = make([]block, 0, 256)
	}
	first := len(sc.blocks)
	k := textWalk{sc: sc, w: &sc.whole, out: sc.blocks, spans: sc.spans[:0]}
	k.w.reset()
	k.collect(root, true)
	sc.spans = k.spans
	sc.blocks = k.out
	k.out = k.out[first:len(k.out):len(k.out)]
	if k.w.bad {
		// Invalid UTF-8 in the tree: the pieces' folds are no longer the
		// parts of the whole's.
		blocks := collectBlocks(root, sc)
		return blocks, fragmentText(root, &sc.fold)
	}
	text := k.w.String()
	for i, sp := range k.spans {
		b := &k.out[i]
		b.text = text[sp.from:sp.to]
		if sp.links > 0 {
			b.links = min(1, float64(sp.links)/float64(utf8.RuneCountInString(b.text)))
		}
	}
	return k.out, text
}

// textWalk is the state of collectText.
type textWalk struct {
	sc    *scratch
	w     *folder // the fragment's text
	out   []block
	spans []textSpan // of each block of out, where its text lies in w
	links int        // non-space runes inside links written so far
}

// textSpan locates the text of a block in its fragment's text.
type textSpan struct {
	from, to int
	links    int // non-space runes inside links
}

// collect is collect of collectBlocks, writing the text of every node to
// k.w on the way as textOf does.
func (k *textWalk) collect(n *html.Node, isRoot bool) {
	sc := k.sc
	start := len(k.out)
	hasBlock := false
	runStart := len(sc.nodes)
	from, links := len(k.w.buf), k.links
	flush := func() {
		if len(sc.nodes) > runStart {
			run := sc.nodes[runStart:len(sc.nodes):len(sc.nodes)]
			f, t := from, len(k.w.buf)
			if f < t && k.w.buf[f] == ' ' {
				f++ // the space before the run, not its own
			}
			if f < t {
				k.out = append(k.out, block{parent: n, nodes: run})
				k.spans = append(k.spans, textSpan{f, t, k.links - links})
			}
		}
		runStart = len(sc.nodes)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		var flags uint8
		if c.Type == html.ElementNode {
			flags = tagFlags(c)
		}
		switch {
		case c.Type == html.ElementNode && flags&tagBlock != 0:
			flush()
			hasBlock = true
			if flags&tagSpace != 0 {
				k.w.WriteByte(' ')
			}
			k.collect(c, false)
			if flags&tagSpace != 0 {
				k.w.WriteByte(' ')
			}
			runStart = len(sc.nodes)
		case c.Type == html.ElementNode && c.Data == "br":
			flush()
			k.w.WriteByte(' ')
		default:
			if len(sc.nodes) == runStart {
				from, links = len(k.w.buf), k.links
			}
			runStart = sc.push(runStart, c)
			textOf(c, false, k.w, &k.links)
		}
	}
	flush()
	// A container holding a single line and no block is itself the block.
	if !isRoot && !hasBlock && len(k.out)-start == 1 {
		k.out[start].elem = n
		k.out[start].nodes = nil
	}
}

// runBlock measures a run of inline nodes.
func runBlock(parent *html.Node, run []*html.Node, f *folder) block {
	f.reset()
	var linkRunes int
	for _, n := range run {
		textOf(n, false, f, &linkRunes)
	}
	text := f.String()
	if f.bad {
		f.reset()
		f.raw = true
		linkRunes = 0
		for _, n := range run {
			textOf(n, false, f, &linkRunes)
		}
		text = fold(f.String())
	}
	blk := block{parent: parent, nodes: run, text: text}
	if total := utf8.RuneCountInString(text); total > 0 {
		blk.links = min(1, float64(linkRunes)/float64(total))
	}
	return blk
}

// textOf appends the text of n to b, a space where elements separate
// words, and counts the non-space runes inside links.
func textOf(n *html.Node, inLink bool, b *folder, linkRunes *int) {
	sep := false
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		if inLink {
			for _, r := range n.Data {
				if r != ' ' && r != '\n' && r != '\t' {
					*linkRunes++
				}
			}
		}
		return
	case html.ElementNode:
		flags := tagFlags(n)
		if flags&tagSkipContent != 0 {
			return
		}
		inLink = inLink || n.Data == "a"
		sep = flags&tagSpace != 0
	}
	if sep {
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		textOf(c, inLink, b, linkRunes)
	}
	if sep {
		b.WriteByte(' ')
	}
}

// fragmentText returns the folded plain text of the fragment under root.
// f is scratch space; nil allocates some.
func fragmentText(root *html.Node, f *folder) string {
	if f == nil {
		f = &folder{}
	}
	f.reset()
	var links int
	textOf(root, false, f, &links)
	if !f.bad {
		return f.String()
	}
	f.reset()
	f.raw = true
	textOf(root, false, f, &links)
	return fold(f.String())
}

// remove takes the block out of its tree, with the line break that ended
// (or else started) a line, and tidies the containers left empty.
func (b block) remove() {
	if b.elem != nil {
		if p := b.elem.Parent; p != nil {
			p.RemoveChild(b.elem)
		}
		return
	}
	if len(b.nodes) == 0 || b.nodes[0].Parent != b.parent {
		return
	}
	first, last := b.nodes[0], b.nodes[len(b.nodes)-1]
	br := nextElement(last.NextSibling, true)
	if br == nil || br.Data != "br" {
		br = nextElement(first.PrevSibling, false)
	}
	for _, n := range b.nodes {
		if n.Parent == b.parent {
			b.parent.RemoveChild(n)
		}
	}
	if br != nil && br.Data == "br" && br.Parent == b.parent {
		b.parent.RemoveChild(br)
	}
}

// nextElement returns the first element from n on, skipping white space,
// forward or backward; nil when something else comes first.
func nextElement(n *html.Node, forward bool) *html.Node {
	for n != nil {
		switch {
		case n.Type == html.ElementNode:
			return n
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == "":
		default:
			return nil
		}
		if forward {
			n = n.NextSibling
		} else {
			n = n.PrevSibling
		}
	}
	return nil
}
