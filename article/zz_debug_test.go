package article

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"newsdesk/fetcher"
)

func TestZZWhy(t *testing.T) {
	name := os.Getenv("ZZ")
	if name == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(name)
	page, _, _ := fetcher.DecodeHTML(raw, "text/html")
	doc, _ := html.Parse(strings.NewReader(string(page)))
	body := findBody(doc)
	pg := &pageCtx{total: textLen(body), anchor: titleHeading(body, pageTitle(doc)), authors: authorNames(doc)}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			tx := strings.Join(strings.Fields(textOf(c)), " ")
			if len(tx) > 60 {
				tx = tx[:60]
			}
			checks := map[string]bool{"furniture": pg.furniture(c), "overlay": overlay(c), "lineChrome": lineChrome(c), "crossLink": crossLink(c), "authorLine": authorLine(c, pg.authors), "actionButton": actionButton(c), "tagFieldLabel": tagFieldLabel(c), "postThread": postThread(c)}
			for k, v := range checks {
				if v {
					fmt.Printf("%s <%s class=%q> %q\n", k, c.Data, attr(c, "class"), tx)
				}
			}
			if bt := boilerplateTail(c); bt != nil {
				fmt.Printf("tail <%s class=%q> %q\n", c.Data, attr(c, "class"), tx)
			}
			walk(c)
		}
	}
	walk(body)
}

func TestZZPre(t *testing.T) {
	name := os.Getenv("ZZ")
	if name == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(name)
	page, _, _ := fetcher.DecodeHTML(raw, "text/html")
	doc, _ := html.Parse(strings.NewReader(string(page)))
	preclean(doc)
	var b strings.Builder
	html.Render(&b, doc)
	fmt.Println(b.String())
}

func TestZZFirst(t *testing.T) {
	name := os.Getenv("ZZ")
	if name == "" {
		t.Skip()
	}
	raw, _ := os.ReadFile(name)
	page, _, _ := fetcher.DecodeHTML(raw, "text/html")
	doc, _ := html.Parse(strings.NewReader(string(page)))
	body := findBody(doc)
	f := firstParagraph(body)
	if f != nil {
		fmt.Println("first:", textOf(f)[:50], attr(f.Parent, "class"))
	}
}
