package article

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"newsdesk/fetcher"
)

// TestSignalSeparation measures, on every labeled page (../testdata:
// quality, unseen, blind, heldout..heldout12), how well general signals
// tell furniture from text in what readability alone keeps, line by line
// (a line is text when its words are in the page's marked text; a line of
// one or two words, when it is a line of the marked text). It
// asserts what dropTailLinks relies on: no line of text is a line of links
// to the site's own pages after the last paragraph of prose, nor anywhere
// a line of links to the site's other pages (linkLine); nor a row of
// fields (keyValueLine) or a one-line pointer to a site page in words the
// rest does not use (offTopicSiteLink), nor a sentence the page writes
// twice as a block (repeatedLine). It logs the
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
	var tail, mid, edgeZero, zeroAndCall, fields, pointer, twice tally
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
		fixAtoms(art.Node) // as Extract reads readability's output
		doc, _ := html.Parse(bytes.NewReader(page))
		title := pageTitle(doc)
		gold := " " + strings.Join(words(l.gold), " ") + " "
		goldLines := map[string]bool{}
		for _, gl := range strings.Split(l.gold, "\n") {
			goldLines[strings.Join(words(gl), " ")] = true
		}
		seen := blockCounts(doc)
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
			if repeatedLine(ln, seen) {
				count(&twice)
				if isText {
					t.Logf("%s: a line of text twice on its page: %q", l.name, raw)
				}
			}
			if keyValueLine(ln, raw) {
				count(&fields)
				if isText {
					t.Errorf("%s: a line of text would go as a row of fields: %q", l.name, raw)
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
			if offTopicSiteLink(ln, base, rest) {
				count(&pointer)
				if isText {
					t.Errorf("%s: a line of text would go as a pointer to a site page: %q", l.name, raw)
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
	t.Logf("  a row of 'Key : value' fields (keyValueLine):               furniture %d, text %d", fields.chrome, fields.text)
	t.Logf("  a one-line pointer to a site page, off topic (offTopicSiteLink): furniture %d, text %d", pointer.chrome, pointer.text)
	t.Logf("  a sentence that is a block twice on its page (repeatedLine): furniture %d, text %d", twice.chrome, twice.text)
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
