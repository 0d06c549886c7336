package normalize

import "fmt"

// tally counts the items one kind of warning concerns, so a document of a
// million faulty items gives one warning line, not a million.
type tally struct {
	n     int // items counted
	first int // 1-based position of the first
}

func (t *tally) add(pos int) {
	if t.n == 0 {
		t.first = pos
	}
	t.n++
}

// summary returns the warning: one (formatted with the item's position)
// for a single item, many (with the count and the first position) for
// several, "" for none.
func (t *tally) summary(one, many string) string {
	switch t.n {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(one, t.first)
	}
	return fmt.Sprintf(many, t.n, t.first)
}
