package normalize

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsdesk"
)

// Caps on the fields of one item, so that one hostile item cannot make
// every output it reaches huge (a 9 MB title republished in every format,
// a million categories). Text is cut at a word boundary (else a character
// boundary) and ends with "…"; HTML is cut at an element boundary, every
// element left open closed again; the rest of a list is dropped.
const (
	MaxTitleRunes    = 500
	MaxAuthorRunes   = 200
	MaxAuthors       = 20
	MaxCategoryRunes = 100
	MaxCategories    = 50
	MaxEnclosures    = 20
	MaxContentBytes  = 512 << 10
	MaxURLBytes      = 8 << 10 // a longer link is dropped: a cut URL is a wrong one
)

// capFields applies the caps to it and removes bidirectional-text controls
// from its single-line fields. It returns what was cut, for explain, or "".
func capFields(it *newsdesk.Item) string {
	var cut []string
	note := func(format string, args ...any) { cut = append(cut, fmt.Sprintf(format, args...)) }

	it.Title = stripBidi(it.Title)
	if n := utf8.RuneCountInString(it.Title); n > MaxTitleRunes {
		it.Title = cutText(it.Title, MaxTitleRunes)
		note("title cut from %d to %d characters", n, MaxTitleRunes)
	}
	if len(it.Authors) > MaxAuthors {
		note("%d authors, kept %d", len(it.Authors), MaxAuthors)
		it.Authors = it.Authors[:MaxAuthors]
	}
	long := 0
	for i, a := range it.Authors {
		a = stripBidi(a)
		if utf8.RuneCountInString(a) > MaxAuthorRunes {
			a, long = cutText(a, MaxAuthorRunes), long+1
		}
		it.Authors[i] = a
	}
	if long > 0 {
		note("%d author names cut to %d characters", long, MaxAuthorRunes)
	}
	if len(it.Categories) > MaxCategories {
		note("%d categories, kept %d", len(it.Categories), MaxCategories)
		it.Categories = it.Categories[:MaxCategories]
	}
	long = 0
	for i, c := range it.Categories {
		c = stripBidi(c)
		if utf8.RuneCountInString(c) > MaxCategoryRunes {
			c, long = cutText(c, MaxCategoryRunes), long+1
		}
		it.Categories[i] = c
	}
	if long > 0 {
		note("%d categories cut to %d characters", long, MaxCategoryRunes)
	}
	if len(it.Enclosures) > MaxEnclosures {
		note("%d enclosures, kept %d", len(it.Enclosures), MaxEnclosures)
		it.Enclosures = it.Enclosures[:MaxEnclosures]
	}
	it.Summary, it.Lead = stripBidi(it.Summary), stripBidi(it.Lead)
	it.ContentHTML = stripBidi(it.ContentHTML)
	if n := len(it.ContentHTML); n > MaxContentBytes {
		it.ContentHTML = cutHTML(it.ContentHTML, MaxContentBytes)
		note("content cut from %d to %d bytes", n, len(it.ContentHTML))
	}
	it.Link, it.CanonicalLink, it.ImageURL = newsdesk.EncodeURL(it.Link), newsdesk.EncodeURL(it.CanonicalLink), newsdesk.EncodeURL(it.ImageURL)
	for i := range it.Enclosures {
		it.Enclosures[i].URL = newsdesk.EncodeURL(it.Enclosures[i].URL)
	}
	if len(it.Link) > MaxURLBytes {
		note("link of %d bytes dropped", len(it.Link))
		it.Link, it.CanonicalLink = "", ""
	}
	if len(it.ImageURL) > MaxURLBytes {
		it.ImageURL = ""
	}
	encs := it.Enclosures[:0]
	for _, e := range it.Enclosures {
		if len(e.URL) <= MaxURLBytes {
			encs = append(encs, e)
		}
	}
	it.Enclosures = encs
	return strings.Join(cut, "; ")
}

// isBidiControl reports the embedding, override and isolate controls
// (U+202A–U+202E, U+2066–U+2069): in a title they can make "exe.txt" read
// as "txt.exe", in a terminal too.
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// stripBidi removes bidirectional-text controls. In HTML content this
// neutralises them as well: a reader's bidi algorithm still orders
// right-to-left text by itself.
func stripBidi(s string) string {
	// The controls are three bytes starting 0xE2 0x80 0xAA–0xAE or 0xE2
	// 0x81 0xA6–0xA9; most text has no 0xE2 at all.
	if !strings.Contains(s, "\xe2\x80") && !strings.Contains(s, "\xe2\x81") {
		return s
	}
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

// StripBidi removes bidirectional-text controls from a single-line field
// (a feed's own title, for instance).
func StripBidi(s string) string { return stripBidi(s) }

// cutText cuts s to at most n runes including the ellipsis, at the last
// space of the last fifth when there is one, else at a character.
func cutText(s string, n int) string {
	if n <= 1 {
		return "…"
	}
	end, count := 0, 0
	for i := range s {
		if count == n-1 {
			end = i
			break
		}
		count++
	}
	head := s[:end]
	if sp := strings.LastIndexByte(head, ' '); sp > 0 && utf8.RuneCountInString(head[sp:]) <= n/5 {
		head = head[:sp]
	}
	return strings.TrimRight(head, " ") + "…"
}

// cutHTML returns at most max bytes of the sanitized fragment s, cut
// between elements: whole nodes are kept while they fit, the first that
// does not is entered (an element keeps its tags and as many children as
// fit, a text is cut at a word), and the rest is dropped.
func cutHTML(s string, max int) string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return ""
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	keep(body, max)
	var b bytes.Buffer
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&b, c)
	}
	return b.String()
}

// keep trims the children of n to fit budget bytes and returns the bytes
// they use.
func keep(n *html.Node, budget int) int {
	used := 0
	var b bytes.Buffer
	c := n.FirstChild
	for ; c != nil; c = c.NextSibling {
		b.Reset()
		_ = html.Render(&b, c)
		if used+b.Len() <= budget {
			used += b.Len()
			continue
		}
		left := budget - used
		switch c.Type {
		case html.TextNode:
			// Escaping may grow the text: leave room for it.
			if r := left * 3 / 4; r > 16 {
				c.Data = cutText(c.Data, utf8.RuneCountInString(c.Data[:min(len(c.Data), r)]))
				used += r
				c = c.NextSibling
			}
		case html.ElementNode:
			tags := tagCost(c)
			if left > tags+16 && c.FirstChild != nil {
				used += tags + keep(c, left-tags)
				c = c.NextSibling
			}
		}
		break
	}
	for c != nil {
		next := c.NextSibling
		n.RemoveChild(c)
		c = next
	}
	return used
}

// tagCost is the size of an element's start and end tags as rendered.
func tagCost(n *html.Node) int {
	shell := &html.Node{Type: html.ElementNode, Data: n.Data, DataAtom: n.DataAtom, Attr: n.Attr}
	var b bytes.Buffer
	_ = html.Render(&b, shell)
	return b.Len()
}
