package normalize

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// A literalMatcher is an anchored regex ^(?:…)$ split in two: the finite
// part of its language as a set of strings, and a regex for the rest.
// MatchString gives the regex's answer; a text of the finite part costs a
// map look-up instead of a run of a large alternation (chromeExactRe has
// over 2000 instructions: each run after a garbage collection allocates a
// machine of about 100 KB).
type literalMatcher struct {
	set  map[string]bool
	rest *prefixFilter // nil: the language is finite
}

// maxLiterals bounds the finite part; a part that grows past it stays in
// the regex.
const maxLiterals = 20000

// newLiteralMatcher splits re, which must be ^(?:…)$ without flags that
// change what the literals match; ok is false when it is not.
func newLiteralMatcher(re *regexp.Regexp) (literalMatcher, bool) {
	p, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return literalMatcher{}, false
	}
	p = p.Simplify()
	if p.Op != syntax.OpConcat || len(p.Sub) != 3 || p.Sub[0].Op != syntax.OpBeginText || p.Sub[2].Op != syntax.OpEndText {
		return literalMatcher{}, false
	}
	fin, rest := splitLang(p.Sub[1])
	m := literalMatcher{set: map[string]bool{}}
	for _, s := range fin {
		m.set[s] = true
	}
	if len(rest) > 0 {
		alts := make([]string, len(rest))
		for i, r := range rest {
			alts[i] = r.String()
		}
		rre, err := regexp.Compile(`^(?:` + strings.Join(alts, "|") + `)$`)
		if err != nil {
			return literalMatcher{}, false
		}
		f := newPrefixFilter(rre)
		m.rest = &f
	}
	return m, true
}

// MatchString reports whether the regex matches all of s.
func (m literalMatcher) MatchString(s string) bool {
	return m.set[s] || (m.rest != nil && m.rest.MatchString(s))
}

// splitLang returns a finite set of strings and regexes whose languages
// together are the language of re.
func splitLang(re *syntax.Regexp) (fin []string, rest []*syntax.Regexp) {
	if re.Flags&syntax.FoldCase != 0 {
		return nil, []*syntax.Regexp{re}
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, nil
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, nil
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 32 || len(out) > 64 {
				return nil, []*syntax.Regexp{re}
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out, nil
	case syntax.OpCapture:
		return splitLang(re.Sub[0])
	case syntax.OpQuest:
		fin, rest = splitLang(re.Sub[0])
		return append(fin, ""), rest
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			f, r := splitLang(sub)
			fin, rest = append(fin, f...), append(rest, r...)
		}
		if len(fin) > maxLiterals {
			return nil, []*syntax.Regexp{re}
		}
		return fin, rest
	case syntax.OpConcat:
		// (F ∪ R)·s = F·Fs ∪ F·Rs ∪ R·s
		fin = []string{""}
		for _, sub := range re.Sub {
			fs, rs := splitLang(sub)
			var next []*syntax.Regexp
			if len(fin) > 0 {
				for _, r := range rs {
					next = append(next, concatRe(literalsRe(fin), r))
				}
			}
			for _, r := range rest {
				next = append(next, concatRe(r, sub))
			}
			if len(fin)*len(fs) > maxLiterals {
				return nil, []*syntax.Regexp{re}
			}
			var prod []string
			for _, a := range fin {
				for _, b := range fs {
					prod = append(prod, a+b)
				}
			}
			fin, rest = prod, next
		}
		return fin, rest
	}
	return nil, []*syntax.Regexp{re}
}

// literalsRe returns a regex matching exactly the strings of fin, which is
// not empty.
func literalsRe(fin []string) *syntax.Regexp {
	alt := &syntax.Regexp{Op: syntax.OpAlternate}
	for _, s := range fin {
		if s == "" {
			alt.Sub = append(alt.Sub, &syntax.Regexp{Op: syntax.OpEmptyMatch})
		} else {
			alt.Sub = append(alt.Sub, &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune(s)})
		}
	}
	if len(alt.Sub) == 1 {
		return alt.Sub[0]
	}
	return alt
}

// concatRe returns a followed by b.
func concatRe(a, b *syntax.Regexp) *syntax.Regexp {
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{a, b}}
}
