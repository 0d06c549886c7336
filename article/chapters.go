package article

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A timestamp chapter list: the chapters of an episode or a video, each
// line opening on the time it starts at ("00:00 Welcome", "14:22 Which
// varieties resist"), under a heading of its own. They are the player's
// controls written out, not the text; the heading goes with them.

// chapterStampRe is a timestamp opening a line: "00:00", "1:02:15",
// "[14:22]", "(03:10)".
var chapterStampRe = regexp.MustCompile(`^[\[(]?((?:[0-9]{1,2}:)?[0-9]{1,2}:[0-5][0-9])[\])]?(?:\s|$|[-–—:·|])`)

// chapterList reports whether n is a chapter list: a list of three items
// or more, or a block of three lines or more cut by <br>, each opening
// on a timestamp, the timestamps rising, and either starting at zero or
// each a link (a seek control); unlinked, under a heading naming
// chapters. Race results and a schedule's times start at the first time
// that is not zero and are not links; a show's notes list "In this
// episode" as their text.
func chapterList(n *html.Node) bool {
	var lines []string
	linked := true
	switch n.DataAtom {
	case atom.Ul, atom.Ol:
		for li := n.FirstChild; li != nil; li = li.NextSibling {
			if li.Type != html.ElementNode {
				continue
			}
			if li.DataAtom != atom.Li {
				return false
			}
			lines = append(lines, normText(li))
			if a := findAtom(li, atom.A); a == nil || !chapterStampRe.MatchString(strings.TrimSpace(textOf(a))) && !seekHref(attr(a, "href")) {
				linked = false
			}
		}
	case atom.P, atom.Div:
		if hasBlockChild(n) {
			return false
		}
		lines, linked = brLines(n), false
	default:
		return false
	}
	if len(lines) < 3 {
		return false
	}
	prev := -1
	for i, ln := range lines {
		m := chapterStampRe.FindStringSubmatch(ln)
		if m == nil || len(strings.Fields(ln)) > 14 {
			return false
		}
		s := seconds(m[1])
		if s <= prev {
			return false
		}
		if i == 0 && s != 0 && !linked {
			return false
		}
		prev = s
	}
	// Unlinked, the list is the player's only under a heading naming its
	// chapters; a show's notes list "In this episode" as their text.
	return linked || chaptersHeaded(n)
}

// chaptersHeadingRe names a player's chapter list.
var chaptersHeadingRe = regexp.MustCompile(`^(?:chapters?|chapitres?|chapitrage|timestamps?|time ?codes?|minutage|horodatage|episode chapters|chapitres de l'épisode)$`)

// chaptersHeaded reports whether the element right above n is a short
// heading naming chapters ("Chapters", "Chapitres").
func chaptersHeaded(n *html.Node) bool {
	h := prevElement(n)
	return h != nil && wordCount(h) <= 4 && chaptersHeadingRe.MatchString(titleForm(textOf(h)))
}

// seekHref reports whether a link's address seeks a player to a time:
// "#t=94", "?t=94", "&start=94".
func seekHref(href string) bool {
	h := strings.ToLower(href)
	return strings.Contains(h, "#t=") || strings.Contains(h, "?t=") || strings.Contains(h, "&t=") || strings.Contains(h, "start=")
}

// seconds is a timestamp's time in seconds.
func seconds(stamp string) int {
	s := 0
	for _, part := range strings.Split(stamp, ":") {
		v, _ := strconv.Atoi(part)
		s = s*60 + v
	}
	return s
}

// brLines returns the lines of a block cut by <br>, each with its white
// space folded; empty lines left out.
func brLines(n *html.Node) []string {
	var lines []string
	var b strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(b.String()), " "); t != "" {
			lines = append(lines, t)
		}
		b.Reset()
	}
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			switch {
			case k.Type == html.TextNode:
				b.WriteString(k.Data)
			case k.DataAtom == atom.Br:
				flush()
			case k.Type == html.ElementNode && k.DataAtom != atom.Script && k.DataAtom != atom.Style:
				walk(k)
			}
		}
	}
	walk(n)
	flush()
	return lines
}

// chapterBox returns what goes with a chapter list: the list and the
// short heading right above it, with no link.
func chapterBox(list *html.Node) []*html.Node {
	out := []*html.Node{list}
	if h := prevElement(list); h != nil && isHeadingLike(h) && wordCount(h) <= 6 && !contains(h, atom.A) {
		out = append(out, h)
	}
	return out
}
