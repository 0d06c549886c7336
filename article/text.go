package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textOf returns the text under n, script and style left out, each text
// node followed by a space.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// normText is n's text as its words joined by single spaces, the words
// split as strings.Fields splits them: what
// normText(n) gives, read in one pass.
// The rules ask it of every element, so it builds one string and no
// word list.
func normText(n *html.Node) string {
	var b strings.Builder
	eachWord(n, func(w string) bool {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		return true
	})
	return b.String()
}

// textLen is the length in bytes of normText(n), counted without
// building it.
func textLen(n *html.Node) int {
	total := 0
	eachWord(n, func(w string) bool {
		if total > 0 {
			total++
		}
		total += len(w)
		return true
	})
	return total
}

// textLonger reports whether textLen(n) > max, reading no further than
// the word that passes it: the rules for short boxes ask it of every
// container up to the body.
func textLonger(n *html.Node, max int) bool {
	total := 0
	eachWord(n, func(w string) bool {
		if total > 0 {
			total++
		}
		total += len(w)
		return total <= max
	})
	return total > max
}

// eachWord calls f with each word of the text under n, in order, script
// and style left out, until f returns false; it reports whether it read
// to the end. A word is a run of runes that are not unicode.IsSpace,
// never across two text nodes (textOf puts a space between them).
func eachWord(n *html.Node, f func(string) bool) bool {
	switch {
	case n.Type == html.TextNode:
		return eachField(n.Data, f)
	case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !eachWord(c, f) {
			return false
		}
	}
	return true
}

// eachField calls f with each word of s as strings.Fields splits them,
// until f returns false.
func eachField(s string, f func(string) bool) bool {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			if start >= 0 {
				if !f(s[start:i]) {
					return false
				}
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	return start < 0 || f(s[start:])
}

// wordCount is the number of words of the text under n:
// wordCount(n), counted without building them.
func wordCount(n *html.Node) int {
	count := 0
	eachWord(n, func(string) bool { count++; return true })
	return count
}

// wordsOver reports whether the text under n has more than max words,
// reading no further than the word past max: the short-box rules ask it
// before they read a box's text, so that the page's containers up to the
// body cost them max words each, not their whole text.
func wordsOver(n *html.Node, max int) bool {
	count := 0
	eachWord(n, func(string) bool { count++; return count <= max })
	return count > max
}
