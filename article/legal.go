package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// regulatoryRe is what a firm's regulatory statement says of it: who
// authorises and regulates it, its register numbers ("… plc is authorised
// by the Prudential Regulation Authority and regulated by the Financial
// Conduct Authority (Firm Reference Number 118274)", "… SA, agréée par
// l'ACPR, immatriculée à l'ORIAS sous le n° …").
var regulatoryRe = regexp.MustCompile(`(?:^|[^\p{L}])(?:(?:is |are )?authori[sz]ed (?:and regulated )?by the (?:prudential regulation authority|financial conduct authority|central bank of [\p{L} ]{2,20})` +
	`|regulated by the (?:financial conduct authority|prudential regulation authority|central bank of [\p{L} ]{2,20})|firm reference number|financial services register|member (?:of )?finra|member sipc|registered in england(?: and wales)? (?:no|number|with company number)` +
	`|agréée? (?:par|auprès de) l'(?:acpr|amf)|sous le contrôle de l'(?:acpr|amf)|immatriculée? (?:à l'orias|au registre de l'orias)|orias (?:n°|sous le n°)|(?:rcs|r\.c\.s\.) [\p{L}-]+ (?:[a-z] )?\d)`)

// regulatoryNotice reports whether n is the publisher's regulatory
// statement set after the text: a short block (at most 60 words, not a
// quote, a list item or a table) with prose before it and none after it,
// that says who authorises and regulates the firm or gives its register
// numbers (regulatoryRe). A story about a bank names its regulator in a
// sentence among others, with the text going on after it.
func regulatoryNotice(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Small, atom.Section, atom.Aside:
	default:
		return false
	}
	if wordsOver(n, 60) {
		return false
	}
	raw := normText(n)
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 60 || inItem(n) || inBlockquote(n) || strings.ContainsAny(raw, "«»“”\"") || proseParagraphs(n, 2) > 1 {
		return false
	}
	if !regulatoryRe.MatchString(strings.ToLower(strings.ReplaceAll(raw, "’", "'"))) {
		return false
	}
	before, after := proseAround(n)
	return before && !after
}

// signOff reports whether n is the writer's sign-off set under a part of
// the text: a line aligned right (align="right", text-align: right) or
// classed a signature, of at most twelve words with no sentence end, no
// link and no image, opening on a capital ("Père Jean-Marie Ferrand, curé
// de la paroisse", "The Editor"), after a paragraph of prose, outside a
// quote or a figure (whose attribution and credit are their own), and not
// a dash's attribution under a paragraph in italics (a quotation without
// its marks). A byline, signed where a letter is.
func signOff(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div:
	default:
		return false
	}
	right := strings.EqualFold(attr(n, "align"), "right") || strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "text-align:right")
	if !right && !signatureClass(n) {
		return false
	}
	raw := normText(n)
	nw := len(strings.Fields(raw))
	if nw == 0 || nw > 12 || strings.ContainsAny(raw[len(raw)-1:], ".!?…:»\"") || len(linksIn(n)) > 0 || contains(n, atom.Img) || inBlockquote(n) {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Li, atom.Figure, atom.Dl, atom.Th:
			return false // an item's, a figure's (a layout table's cell is the page's)
		}
	}
	if r := []rune(strings.TrimLeft(raw, "—–-− ")); len(r) == 0 || !unicode.IsUpper(r[0]) {
		return false
	}
	prev := prevElement(n)
	return prev != nil && prev.DataAtom != atom.Blockquote && proseBlock(prev) && !quotedWhole(prev) && !(italicWhole(prev) && strings.ContainsRune("—–-", []rune(raw)[0]))
}

// italicWhole reports whether a block is set in italics whole, as a
// quotation without its marks is ("<p style="font-style:italic">On croit
// que …</p>" over "— Martine Gauthier, metteuse en scène").
func italicWhole(n *html.Node) bool {
	if strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "font-style:italic") {
		return true
	}
	only := onlyElement(n)
	return only != nil && (only.DataAtom == atom.I || only.DataAtom == atom.Em) && textLen(only) == textLen(n)
}

// quotedWhole reports whether a block's text is one quotation, from its
// opening mark to its closing one ("« Ils ont tout écrit … »"): the line
// under it is the quote's attribution ("— Romain Chaffard, intervenant"),
// not a sign-off.
func quotedWhole(n *html.Node) bool {
	t := strings.TrimSpace(textOf(n))
	open, _ := utf8.DecodeRuneInString(t)
	end, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("«“\"", open) && strings.ContainsRune("»”\"", end)
}

// signatureClass reports whether a class token of n names a signature.
func signatureClass(n *html.Node) bool {
	for _, tok := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if tok == "signature" || tok == "signataire" || strings.HasSuffix(tok, "-signature") || strings.HasSuffix(tok, "__signature") {
			return true
		}
	}
	return false
}
