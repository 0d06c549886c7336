package article

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A meta line that counts its readers: "Publié le 27/11/2026 - lu 412
// fois", "Posted by … on … in … · 312 reads", a post-info list of an
// author, a date and "2 comments". A count of readings, views or comments
// is what a page says of itself, never what its text says (a sentence
// writes "la vidéo a été vue deux millions de fois", with a verb and a
// full stop); with a date beside it, the line is the page's meta line
// however few its segments and whatever links it has (metaSegments asks
// three segments, two counters or a link, for counters in any words).

// pageCounterRe is a counter of the page's readers or reactions: a
// number and the word of what is counted ("312 lectures", "1 247 vues",
// "3.4k views", "2 commentaires", "38 likes"), or the French and English
// "read N times" ("lu 412 fois", "consulté 90 fois", "viewed 1,204
// times"). Visits, visitors and readers are not counted: a text gives
// them as facts ("18 000 visites en 2026").
var pageCounterRe = regexp.MustCompile(`(?i)^(?:(?:lue?s?|vue?s?|consultée?s?|affichée?s?|read|viewed|seen|opened) [0-9][0-9  .,]*[km]? ?(?:fois|times)` +
	`|[0-9][0-9  .,]*[km]? ?(?:lectures?|vues?|affichages?|consultations?|commentaires?|réactions?|partages?|j'aime|mentions? j'aime` +
	`|views?|reads?|comments?|replies|responses?|likes?|shares?|reactions?))$`)

// pageCounterLine reports whether n is a meta line that counts its
// readers or reactions: a line of at most thirty words and no sentence
// end, or a list of at most six items of at most six words and no label
// ("Key : value"), whose segments (split by
// "·", "|", "•", "–" or a spaced hyphen, or the list's items) are each a
// date, a counter or a name, with at least one counter of the page's
// readers or reactions (pageCounterRe) and a date or a second such
// counter.
func pageCounterLine(n *html.Node) bool {
	if inFigcaption(n) || inBlockquote(n) {
		return false
	}
	var segs []string
	switch n.DataAtom {
	case atom.Ul, atom.Ol:
		items := 0
		for li := n.FirstChild; li != nil; li = li.NextSibling {
			switch {
			case li.Type == html.TextNode && strings.TrimSpace(li.Data) != "":
				return false
			case li.Type != html.ElementNode:
				continue
			case li.DataAtom != atom.Li || hasBlockChild(li):
				return false
			}
			if items++; items > 6 {
				return false
			}
			t := normText(li)
			if strings.Contains(t, ": ") || len(strings.Fields(t)) > 6 {
				return false // a list of facts labels its items ("Ouverture : mai 2026")
			}
			segs = append(segs, segmentSepRe.Split(t, -1)...)
		}
	case atom.P, atom.Div, atom.Font, atom.Td, atom.Header, atom.Footer, atom.Section, atom.Dd:
		if hasBlockChild(n) || inItem(n) && n.DataAtom != atom.Td {
			return false
		}
		segs = lineSegments(n)
	case atom.Span, atom.Small, atom.Em, atom.Strong, atom.B, atom.I:
		if hasBlockChild(n) || inItem(n) || inRunningText(n) {
			return false
		}
		segs = lineSegments(n)
	default:
		return false
	}
	if nw := wordCount(n); nw == 0 || nw > 30 {
		return false
	}
	return countedSegments(segs)
}

// lineSegments splits the text of a line into its segments; a line that
// ends on a sentence's end has none.
func lineSegments(n *html.Node) []string {
	raw := normText(n)
	if r, _ := utf8.DecodeLastRuneInString(raw); raw == "" || strings.ContainsRune(".!?…»\":;", r) {
		return nil
	}
	return segmentSepRe.Split(raw, -1)
}

// countedSegments judges the segments of a line (see pageCounterLine).
func countedSegments(segs []string) bool {
	if len(segs) < 2 {
		return false
	}
	dates, counts := 0, 0
	for _, s := range segs {
		s = strings.TrimSpace(s)
		ws := strings.Fields(s)
		if len(ws) == 0 || len(ws) > 12 || strings.ContainsAny(s, "!?") {
			return false
		}
		switch {
		case pageCounterRe.MatchString(strings.ReplaceAll(s, "’", "'")):
			counts++
		case strings.Contains(s, ".") && !dotsInNumbers(s):
			return false
		case counterSegRe.MatchString(s) && countedWord(ws[len(ws)-1]):
		case yearRe.MatchString(s) || dateLine(titleForm(s)) || bareDate(titleForm(s)) || monthDay(s):
			dates++
		case nameSegment(ws):
		default:
			return false
		}
	}
	return counts >= 1 && (dates >= 1 || counts >= 2)
}
