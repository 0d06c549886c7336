package article

import (
	"regexp"
	"strings"

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
	raw := strings.Join(strings.Fields(textOf(n)), " ")
	if nw := len(strings.Fields(raw)); nw == 0 || nw > 60 || inItem(n) || inBlockquote(n) || strings.ContainsAny(raw, "«»“”\"") || proseParagraphs(n, 2) > 1 {
		return false
	}
	if !regulatoryRe.MatchString(strings.ToLower(strings.ReplaceAll(raw, "’", "'"))) {
		return false
	}
	before, after := proseAround(n)
	return before && !after
}
