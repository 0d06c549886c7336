package article

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// authorNames returns the names the page's metadata gives its authors
// (meta author, article:author unless a URL, JSON-LD author names), each
// as its folded words joined by spaces; names of one word are left out
// (too likely to open a sentence of the text).
func authorNames(doc *html.Node) []string {
	seen := map[string]bool{}
	var out []string
	add := func(name string) {
		name = strings.TrimSpace(name)
		if name == "" || strings.Contains(name, "://") {
			return
		}
		f := strings.Join(foldWords(name), " ")
		if strings.Count(f, " ") < 1 || seen[f] {
			return
		}
		seen[f] = true
		out = append(out, f)
	}
	var fromLD func(v any, author bool)
	fromLD = func(v any, author bool) {
		switch v := v.(type) {
		case string:
			if author {
				add(v)
			}
		case []any:
			for _, x := range v {
				fromLD(x, author)
			}
		case map[string]any:
			if author {
				if n, ok := v["name"].(string); ok {
					add(n)
				}
				return
			}
			for k, x := range v {
				switch k {
				case "author", "creator":
					fromLD(x, true)
				case "@graph", "mainEntity", "itemListElement":
					fromLD(x, false)
				}
			}
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				switch strings.ToLower(attr(n, "name") + attr(n, "property")) {
				case "author", "article:author", "dc.creator", "sailthru.author", "parsely-author":
					add(attr(n, "content"))
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					var v any
					if json.Unmarshal([]byte(n.FirstChild.Data), &v) == nil {
						fromLD(v, false)
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// authorLine reports whether n is a signature: a line of its own that is
// an author's name, after "Par" or "By" or alone, and at most a few words
// of place or role ("Anne Kerhervé (Saint-Brieuc, envoyée spéciale)",
// "By Hamish Corrie, Scotland correspondent"). The byline is not the
// article's text, wherever the page repeats it; a cell of a data table
// that names the author is the table's (dataCellLine).
func authorLine(n *html.Node, authors []string) bool {
	if len(authors) == 0 || hasBlockChild(n) || contains(n, atom.Img) || inFigcaption(n) || dataCellLine(n) {
		return false
	}
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Address, atom.Footer:
	case atom.Span, atom.Strong, atom.B, atom.Em, atom.I, atom.Small:
		if inRunningText(n) {
			return false
		}
	default:
		return false
	}
	raw := normText(n)
	ws := foldWords(raw)
	if len(ws) == 0 || len(ws) > 14 {
		return false
	}
	if ws[0] == "par" || ws[0] == "by" {
		ws = ws[1:]
	}
	line := strings.Join(ws, " ") + " "
	for _, a := range authors {
		if !strings.HasPrefix(line, a+" ") {
			continue
		}
		rest := strings.Count(line, " ") - strings.Count(a+" ", " ")
		if rest == 0 {
			return true
		}
		// What follows the name: a place or a role, set off by
		// parentheses or a separator, not a sentence that names the
		// author.
		low := strings.ToLower(raw)
		i := strings.Index(low, lastWord(a))
		if i < 0 {
			return false
		}
		after := strings.TrimSpace(low[i+len(lastWord(a)):])
		if after == "" {
			return false
		}
		if rest <= 6 && strings.ContainsRune("(,–—-|/", []rune(after)[0]) && !strings.HasSuffix(after, ".") {
			return true
		}
	}
	return false
}

// lastWord returns the last word of folded words.
func lastWord(folded string) string {
	if i := strings.LastIndexByte(folded, ' '); i >= 0 {
		return folded[i+1:]
	}
	return folded
}
