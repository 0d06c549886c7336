package curate

import (
	"cmp"
	"fmt"
	"strings"

	"newsdesk"
)

// DigestWords is the number of words under which a report is a digest (a
// line or two): a digest never represents a story that holds an article.
const DigestWords = 60

// Representative returns the member that represents a story, and why:
// the highest source priority in the section, then a full report over a
// digest, then the earliest story date, then the smallest order key (a
// stable function of the source and the item's identity). It never
// depends on arrival order. members must not be empty.
func (e *Engine) Representative(sec *newsdesk.Section, members []Member) (Member, string) {
	best := 0
	for i := 1; i < len(members); i++ {
		if rank(sec, &members[i].Item, &members[best].Item) < 0 {
			best = i
		}
	}
	if len(members) == 1 {
		return members[0], "only report"
	}
	return members[best], reason(sec, &members[best].Item, members, best)
}

// rank orders a before b (negative) when a better represents a story.
func rank(sec *newsdesk.Section, a, b *Item) int {
	if c := cmp.Compare(priority(sec, b.Source), priority(sec, a.Source)); c != 0 {
		return c
	}
	if fa, fb := a.Words >= DigestWords, b.Words >= DigestWords; fa != fb {
		if fa {
			return -1
		}
		return 1
	}
	if c := a.StoryAt.Compare(b.StoryAt); c != 0 {
		return c
	}
	return compareOrd(a, b)
}

// reason says which criterion made members[best] the representative: the
// first one on which it beats the runner-up.
func reason(sec *newsdesk.Section, rep *Item, members []Member, best int) string {
	second := -1
	for i := range members {
		if i != best && (second < 0 || rank(sec, &members[i].Item, &members[second].Item) < 0) {
			second = i
		}
	}
	o := &members[second].Item
	switch {
	case priority(sec, rep.Source) != priority(sec, o.Source):
		return fmt.Sprintf("source priority %d > %d", priority(sec, rep.Source), priority(sec, o.Source))
	case (rep.Words >= DigestWords) != (o.Words >= DigestWords):
		return "full report over a digest"
	case !rep.StoryAt.Equal(o.StoryAt):
		return "earliest report"
	}
	return "same date: stable tie-break"
}

func priority(sec *newsdesk.Section, source string) int {
	if src := sec.Source(source); src != nil {
		return src.Priority
	}
	return 0
}

// compareOrd is the stable total order of items: by order key, then by
// source and identity key (order keys are hashes and may collide).
func compareOrd(a, b *Item) int {
	if c := cmp.Compare(a.Ord, b.Ord); c != 0 {
		return c
	}
	if c := strings.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	return strings.Compare(a.Key, b.Key)
}
