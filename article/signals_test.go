package article

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"newsdesk/fetcher"
)

// TestSignalSeparation measures, on every labeled page (../testdata:
// quality, unseen, blind, heldout..heldout9), how well general signals
// tell furniture from text in what readability alone keeps, line by line
// (a line is text when its words are in the page's marked text; a line of
// one or two words, when it is a line of the marked text). It
// asserts what dropTailLinks relies on: no line of text is a line of links
// to the site's own pages after the last paragraph of prose, nor anywhere
// a line of links to the site's other pages (linkLine). It logs the
// figures of topical coherence, a signal tried and not used: a line at an
// edge of the text whose content words share nothing with the rest
// catches furniture, but as many lines of text (closing sentences on
// these short pages share no word with the rest).
func TestSignalSeparation(t *testing.T) {
	pages := loadSet(t)
	for _, d := range append([]string{"testdata/unseen", "testdata/blind"}, heldoutSets...) {
		pages = append(pages, loadPages(t, d)...)
	}
	type tally struct{ chrome, text int }
	var tail, mid, edgeZero, zeroAndCall tally
	for _, l := range pages {
		pageURL := "https://" + l.site + ".example/" + l.name
		base, _ := url.Parse(pageURL)
		page, _, err := fetcher.DecodeHTML(l.html, "text/html")
		if err != nil {
			t.Fatal(err)
		}
		art, err := readability.FromReader(bytes.NewReader(page), base)
		if err != nil || art.Node == nil {
			continue
		}
		doc, _ := html.Parse(bytes.NewReader(page))
		title := pageTitle(doc)
		gold := " " + strings.Join(words(l.gold), " ") + " "
		goldLines := map[string]bool{}
		for _, gl := range strings.Split(l.gold, "\n") {
			goldLines[strings.Join(words(gl), " ")] = true
		}
		lines := textLines(art.Node)
		stems := make([]map[string]bool, len(lines))
		last := -1
		for i, ln := range lines {
			stems[i] = contentStems(textOf(ln))
			if len(strings.Fields(textOf(ln))) >= 20 && linkShare(ln) < 0.5 {
				last = i
			}
		}
		for i, ln := range lines {
			raw := strings.Join(strings.Fields(textOf(ln)), " ")
			isText := strings.Contains(gold, " "+strings.Join(words(raw), " ")+" ")
			if ws := words(raw); len(ws) <= 2 {
				// A word or two is in any text ("Matcha", a tag): such a
				// line is text when it is a line of the marked text (a
				// subheading).
				isText = goldLines[strings.Join(ws, " ")]
			}
			count := func(tl *tally) {
				if isText {
					tl.text++
				} else {
					tl.chrome++
				}
			}
			if last >= 0 && i > last && tailLinkLine(ln, base) {
				count(&tail)
				if isText {
					t.Errorf("%s: a line of text would go as links after the text: %q", l.name, raw)
				}
			}
			if linkLine(ln, base) {
				count(&mid)
				if isText {
					t.Errorf("%s: a line of text would go as a line of links: %q", l.name, raw)
				}
			}
			rest := contentStems(title)
			for j := range lines {
				if j != i {
					for s := range stems[j] {
						rest[s] = true
					}
				}
			}
			shared, total := sharedShare(stems[i], rest)
			if total >= 2 && shared == 0 && (i == 0 || i == len(lines)-1) {
				count(&edgeZero)
			}
			if low := strings.ToLower(raw); total >= 2 && shared == 0 && (toReader.MatchString(low) || clauseCall(low) || priceRe.MatchString(low) || linkShare(ln) >= 0.5) {
				count(&zeroAndCall)
			}
		}
	}
	t.Logf("%d pages, lines readability keeps:", len(pages))
	t.Logf("  links to the site after the last paragraph (dropTailLinks): furniture %d, text %d", tail.chrome, tail.text)
	t.Logf("  a line of links to the site's pages, anywhere (linkLine):  furniture %d, text %d", mid.chrome, mid.text)
	t.Logf("  coherence, no shared word, first or last line:              furniture %d, text %d", edgeZero.chrome, edgeZero.text)
	t.Logf("  coherence, no shared word and a call, a price or links:     furniture %d, text %d", zeroAndCall.chrome, zeroAndCall.text)
	if tail.chrome == 0 || mid.chrome == 0 {
		t.Errorf("the tail-links signal caught no furniture: the measure is broken")
	}
}

// Topical coherence, measured and not used: the hypothesis was that
// furniture speaks of the site, not of the story. A
// short block at an edge of the extracted text (its first or last line, a
// line next to a heading, a small box) whose content words share
// (almost) nothing with the rest of the article and its headline is
// furniture, whatever its words: an appeal naming the paper by its name
// only, a "Where to watch" box, a promotion. Real short paragraphs (a
// closing sentence, a one-line quote) name the story's people, places
// and things, and share them.

// stopWords are the function words of French and English (and a few
// words any text says), which carry no topic.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		alors aussi autre autres avant avec avoir bien cela celle celles celui cent ceci cela cependant certains ces cette ceux chaque comme comment dans depuis
		donc dont elle elles encore entre être était étaient fait faire font hors ici leur leurs lors lorsque mais même mêmes moins notre nous nos
		parce pour plus peut peuvent plusieurs quand quel quelle quelles quels sans selon sera seront sont sous tous tout toute toutes très trop vers
		votre vous vos voici voilà avez avons ayant déjà elles était cet celle après ainsi assez beaucoup chez contre deux trois quatre cinq dès
		also about above after again against been before being below between both could does doing down during each from further have having here
		into itself just more most much must only other ought over same should some such than that their theirs them then there these they this
		those through under until very were what when where which while whom with would your yours will shall upon within without among across
		almost never ever every many like make made first last still well even back best good great year years because since it's that's there's
		here's don't didn't doesn't isn't aren't wasn't weren't cannot ours yourself they're you're we're i'm
		`) {
		stopWords[w] = true
	}
}

// stemOf folds a word to a crude stem: lower case, the first five letters
// (enough to match "theater" and "theaters", "conserverie" and
// "conserveries" in both languages).
func stemOf(w string) string {
	w = strings.ToLower(w)
	if utf8.RuneCountInString(w) <= 5 {
		return w
	}
	r := []rune(w)
	return string(r[:5])
}

// contentStems returns the stems of a text's content words (at least four
// letters, not a function word) and of its numbers of at least two
// digits, each once.
func contentStems(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
		w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		if i := strings.IndexByte(w, '\''); i >= 0 && i <= 2 {
			w = w[i+1:] // l'information, d'accès, qu'ils
		}
		w = strings.Trim(w, "'")
		if w == "" || stopWords[w] {
			continue
		}
		if isDigits(w) {
			if len(w) >= 2 {
				out[w] = true
			}
			continue
		}
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		out[stemOf(w)] = true
	}
	return out
}

// sharedShare returns the share of the unit's content stems found in the
// rest: (shared, total).
func sharedShare(stems, rest map[string]bool) (int, int) {
	n := 0
	for s := range stems {
		if rest[s] {
			n++
		}
	}
	return n, len(stems)
}
