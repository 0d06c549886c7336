package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The cells of a data table are the table's text, whatever their shape.
// A works calendar's "Janvier à avril 2027", a timetable's "Sunday 14
// June", a roster's "By appointment" read as a date line or a notice
// alone, and the line rules that judge a line by its words would take
// them out of the table, leaving its rows with a hole. A table of data
// says so by its structure: a caption or header cells. A table drawn for
// layout (an old site's columns, a box of one cell) says nothing, and its
// lines are judged as lines.

// dataCellLine reports whether n is the whole content of a cell of a data
// table: the cell itself, or the element that holds all of its text
// (<td><p>Mai à juillet 2027</p></td>).
func dataCellLine(n *html.Node) bool {
	for c := n; c != nil; c = c.Parent {
		switch c.DataAtom {
		case atom.Td, atom.Th:
			return textLen(c) == textLen(n) && dataTable(cellTable(c))
		case atom.Table, atom.Body:
			return false
		}
	}
	return false
}

// cellTable returns the table a cell is in, nil if none.
func cellTable(cell *html.Node) *html.Node {
	for p := cell.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Table {
			return p
		}
	}
	return nil
}

// dataTable reports whether t is a table of data: it has a caption, a
// head or a header cell of its own (not of a table nested in it), and
// does not say it is for presentation.
func dataTable(t *html.Node) bool {
	if t == nil || attr(t, "role") == "presentation" || attr(t, "role") == "none" {
		return false
	}
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Caption, atom.Thead, atom.Th:
				return true
			case atom.Tbody, atom.Tfoot, atom.Tr:
				if walk(c) {
					return true
				}
			}
		}
		return false
	}
	return walk(t)
}
