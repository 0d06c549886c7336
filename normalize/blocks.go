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
// order.
func collectBlocks(root *html.Node) []block {
	var out []block
	collect(root, true, &out)
	return out
}

func collect(n *html.Node, isRoot bool, out *[]block) {
	start := len(*out)
	hasBlock := false
	var run []*html.Node
	flush := func() {
		if len(run) > 0 {
			if b := runBlock(n, run); b.text != "" {
				*out = append(*out, b)
			}
		}
		run = nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && blockTags[c.Data]:
			flush()
			hasBlock = true
			collect(c, false, out)
		case c.Type == html.ElementNode && c.Data == "br":
			flush()
		default:
			run = append(run, c)
		}
	}
	flush()
	// A container holding a single line and no block is itself the block.
	if !isRoot && !hasBlock && len(*out)-start == 1 {
		(*out)[start].elem = n
		(*out)[start].nodes = nil
	}
}

// runBlock measures a run of inline nodes.
func runBlock(parent *html.Node, run []*html.Node) block {
	var b strings.Builder
	var linkRunes int
	for _, n := range run {
		textOf(n, false, &b, &linkRunes)
	}
	text := fold(b.String())
	blk := block{parent: parent, nodes: run, text: text}
	if total := utf8.RuneCountInString(text); total > 0 {
		blk.links = min(1, float64(linkRunes)/float64(total))
	}
	return blk
}

// textOf appends the text of n to b, a space where elements separate
// words, and counts the non-space runes inside links.
func textOf(n *html.Node, inLink bool, b *strings.Builder, linkRunes *int) {
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
		if skipContent[n.Data] {
			return
		}
		inLink = inLink || n.Data == "a"
	}
	sep := n.Type == html.ElementNode && spaceTags[n.Data]
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
func fragmentText(root *html.Node) string {
	var b strings.Builder
	var links int
	textOf(root, false, &b, &links)
	return fold(b.String())
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
