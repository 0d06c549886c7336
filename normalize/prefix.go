package normalize

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// A prefixFilter rules out quickly most texts an anchored regex cannot
// match: it holds every form the first prefixLen bytes of a match can take
// (the whole match when shorter), with ASCII digits written as '0'. It is
// exact in one direction only: a text whose head is not in the set does not
// match; one whose head is may or may not. The chrome patterns are long
// alternations that Go's regexp engines try branch by branch on every
// block; the filter turns most blocks away with one map look-up.
type prefixFilter struct {
	re    *regexp.Regexp
	heads map[string]bool // nil: no filter, always run re
}

// prefixLen is the length of the heads a prefixFilter holds, in bytes.
const prefixLen = 4

// maxHeads bounds the size of a filter; a regex with more heads runs
// unfiltered.
const maxHeads = 4096

// newPrefixFilter builds the filter of re, which must be anchored at the
// start of the text (every use of these filters is ^…$ or ^…).
func newPrefixFilter(re *regexp.Regexp) prefixFilter {
	p, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return prefixFilter{re: re}
	}
	p = p.Simplify()
	if p.Op != syntax.OpConcat || len(p.Sub) == 0 || p.Sub[0].Op != syntax.OpBeginText {
		return prefixFilter{re: re}
	}
	heads, ok := headsOf(p)
	if !ok {
		return prefixFilter{re: re}
	}
	return prefixFilter{re: re, heads: heads}
}

// mayMatch reports whether re may match s; false is certain.
func (f prefixFilter) mayMatch(s string) bool {
	if f.heads == nil {
		return true
	}
	var buf [prefixLen]byte
	n := copy(buf[:], s)
	for i := range n {
		if '0' <= buf[i] && buf[i] <= '9' {
			buf[i] = '0'
		}
	}
	return f.heads[string(buf[:n])]
}

// mayMatchHead is mayMatch for the first bytes of a text, at least
// prefixLen of them unless the text is shorter; it writes over h.
func (f prefixFilter) mayMatchHead(h []byte) bool {
	if f.heads == nil {
		return true
	}
	for i, c := range h {
		if '0' <= c && c <= '9' {
			h[i] = '0'
		}
	}
	return f.heads[string(h)]
}

// MatchString is re.MatchString, skipped when the filter rules s out.
func (f prefixFilter) MatchString(s string) bool {
	return f.mayMatch(s) && f.re.MatchString(s)
}

// FindStringSubmatch is re.FindStringSubmatch, skipped when the filter
// rules s out.
func (f prefixFilter) FindStringSubmatch(s string) []string {
	if !f.mayMatch(s) {
		return nil
	}
	return f.re.FindStringSubmatch(s)
}

// headSet is a set of heads: strings of prefixLen bytes stand for every
// string that starts with them, shorter ones for themselves (a match that
// ends there).
type headSet map[string]bool

// headsOf returns the heads of the strings re matches; false when there are
// too many or re holds something the walk does not follow.
func headsOf(re *syntax.Regexp) (headSet, bool) {
	if re.Flags&syntax.FoldCase != 0 {
		return nil, false
	}
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		// Zero-width: dropping the assertion only widens the set.
		return headSet{"": true}, true
	case syntax.OpLiteral:
		return headSet{head(string(re.Rune)): true}, true
	case syntax.OpCharClass:
		out := headSet{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo > 255 {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				if utf8.ValidRune(r) {
					out[head(string(r))] = true
				}
				if len(out) > maxHeads {
					return nil, false
				}
			}
		}
		return out, true
	case syntax.OpCapture:
		return headsOf(re.Sub[0])
	case syntax.OpAlternate:
		out := headSet{}
		for _, sub := range re.Sub {
			s, ok := headsOf(sub)
			if !ok {
				return nil, false
			}
			for h := range s {
				out[h] = true
			}
			if len(out) > maxHeads {
				return nil, false
			}
		}
		return out, true
	case syntax.OpQuest:
		s, ok := headsOf(re.Sub[0])
		if !ok {
			return nil, false
		}
		s[""] = true
		return s, true
	case syntax.OpStar, syntax.OpPlus:
		x, ok := headsOf(re.Sub[0])
		if !ok {
			return nil, false
		}
		// x* is the least fixed point of S = {""} ∪ x·S; heads are
		// bounded in length, so it is reached.
		star := headSet{"": true}
		for {
			next, ok := concatHeads(x, func() (headSet, bool) { return star, true })
			if !ok {
				return nil, false
			}
			grew := false
			for h := range next {
				if !star[h] {
					star[h] = true
					grew = true
				}
			}
			if len(star) > maxHeads {
				return nil, false
			}
			if !grew {
				break
			}
		}
		if re.Op == syntax.OpStar {
			return star, true
		}
		return concatHeads(x, func() (headSet, bool) { return star, true })
	case syntax.OpConcat:
		out := headSet{"": true}
		for _, sub := range re.Sub {
			next, ok := concatHeads(out, func() (headSet, bool) { return headsOf(sub) })
			if !ok {
				return nil, false
			}
			out = next
		}
		return out, true
	}
	// AnyChar, repeats Simplify left, and the rest: not followed.
	return nil, false
}

// concatHeads returns the heads of a followed by b. b is only computed when
// some head of a is short, so a long literal shields what comes after it.
func concatHeads(a headSet, b func() (headSet, bool)) (headSet, bool) {
	out := headSet{}
	var bs headSet
	for h := range a {
		if len(h) >= prefixLen {
			out[h] = true
			continue
		}
		if bs == nil {
			var ok bool
			if bs, ok = b(); !ok {
				return nil, false
			}
		}
		for t := range bs {
			out[head(h+t)] = true
		}
		if len(out) > maxHeads {
			return nil, false
		}
	}
	return out, true
}

// head cuts s to prefixLen bytes and writes its ASCII digits as '0'.
func head(s string) string {
	if len(s) > prefixLen {
		s = s[:prefixLen]
	}
	b := []byte(s)
	for i, c := range b {
		if '0' <= c && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}
