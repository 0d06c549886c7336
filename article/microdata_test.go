package article

import (
	"strings"
	"testing"
)

// TestMicrodataComments: replies and counters marked as such by schema.org
// microdata (itemprop "comment", itemtype Comment, itemprop
// "interactionStatistic", itemtype InteractionCounter) go whatever their
// classes, while the post they hang on stays, microdata or not. The
// fixtures are in other words than the page that showed the class
// (../testdata/heldout14: discourse-en): a French club's board, an
// English blog with comments in generic classes.
func TestMicrodataComments(t *testing.T) {
	para := func(i int) string {
		return "<p>La section cyclotourisme a validé le parcours numéro " + string(rune('A'+i)) +
			" de la randonnée d'automne, qui passera par les trois cols du canton et la vallée de la Sioule.</p>\n"
	}
	const head = `<html><head><title>Randonnée d'automne : le parcours validé - Forum du CCV</title>` +
		`<meta property="og:title" content="Randonnée d'automne : le parcours validé"></head><body>` +
		`<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><h1 itemprop="headline">Randonnée d'automne : le parcours validé</h1>`
	post := `<div class="b1" itemprop="text">` + para(0) + para(1) + para(2) + para(3) + `</div>`
	for _, tc := range []struct {
		name, furniture, gone string
	}{
		{"replies by itemprop", `<div class="b1" itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">gilou63</span><div class="b1" itemprop="text"><p>Super tracé, je m'inscris dès ce soir avec mon fils et deux copains du club voisin.</p></div></div>` +
			`<div class="b1" itemprop="comment"><div class="b1" itemprop="text"><p>Est-ce que le ravitaillement du deuxième col sera assuré par le comité des fêtes comme l'an passé ?</p></div></div>`,
			"je m'inscris"},
		{"replies by itemtype only", `<div class="x" itemscope itemtype="http://schema.org/Comment"><p>Will there be a shorter loop for the juniors this year, like the one in the spring?</p></div>` +
			`<div class="x" itemscope itemtype="http://schema.org/Comment"><p>Thanks for the map, the climb profile is really useful for planning.</p></div>`,
			"shorter loop"},
		{"like counter", `<div itemprop="interactionStatistic" itemscope itemtype="https://schema.org/InteractionCounter"><meta itemprop="interactionType" content="https://schema.org/LikeAction"><span class="c">23 J'aime</span></div>`,
			"23 J'aime"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := head + post + tc.furniture + `</div></body></html>`
			text := extractedText(t, page)
			if strings.Contains(text, tc.gone) {
				t.Errorf("furniture left: %q", text)
			}
			if strings.Count(text, "La section cyclotourisme a validé") != 4 {
				t.Errorf("the post lost paragraphs: %q", text)
			}
		})
	}
}
