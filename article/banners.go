package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bannerLabelRe is the label a banner slot shows over its picture: the
// partner's, the sponsor's, the advertiser's ("Partenaire", "Avec notre
// partenaire", "Sponsored by", "Publicité").
var bannerLabelRe = regexp.MustCompile(`^(?:(?:avec )?(?:notre |nos )?partenaires?|en partenariat avec|(?:our )?partners?|in partnership with|sponsors?|sponsorisé(?: par)?|sponsored(?: by)?|supported by|publicité|pub|annonce|advertisement|ad)$`)

// bannerSlot reports whether n is a banner set in the page: a box whose
// only text is a label of partner, sponsor or advertising
// (bannerLabelRe) and whose only other content is a linked picture (the
// banner). Readability drops the picture and keeps the label; a figure
// of the text has a caption that says what it shows.
func bannerSlot(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Aside, atom.Section, atom.P:
	default:
		return false
	}
	if contains(n, atom.Figcaption) {
		return false
	}
	linked := false
	for _, a := range linksIn(n) {
		if strings.TrimSpace(textOf(a)) != "" {
			return false // a link with words: not a banner's
		}
		linked = linked || contains(a, atom.Img) || contains(a, atom.Picture)
	}
	return linked && bannerLabelRe.MatchString(titleForm(textOf(n)))
}
