package textgen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reword returns a retelling of text by another paper, seeded by seed:
// each lower-case content word is replaced, with probability share, by
// another word of g's mode; names, numbers and function words stay; two
// sentences of the first paragraph change places, as a second writer
// reorders the facts. A share of 0.2 to 0.3 keeps a retelling that Same
// accepts against its original.
func (g *Generator) Reword(text string, seed uint64, share float64) string {
	r := newRNG(seed ^ 0x7265776f7264)
	paras := strings.Split(text, "\n\n")
	for p, para := range paras {
		words := strings.Split(para, " ")
		for i, w := range words {
			if !replaceable(w) || r.float() >= share {
				continue
			}
			nw := g.word(r)
			if strings.HasSuffix(w, ".") {
				nw += "."
			}
			if first, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(first) {
				nw = capitalize(nw)
			}
			words[i] = nw
		}
		paras[p] = strings.Join(words, " ")
	}
	if s := sentences(paras[0]); len(s) >= 2 {
		s[0], s[1] = s[1], s[0]
		paras[0] = strings.Join(s, " ")
	}
	return strings.Join(paras, "\n\n")
}

// replaceable reports whether a generated word may be reworded: a
// content word, not a name (capitalized inside a sentence is not told
// apart here: only lower-case words are replaced), not a number.
func replaceable(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(first) {
		return false
	}
	for _, f := range function {
		if w == f {
			return false
		}
	}
	return true
}

// Summary returns the feed summary of text: its first sentences, as many
// as fit in words words (at least the first one, cut to words words and
// closed by "…" when it alone is longer).
func (g *Generator) Summary(text string, words int) string {
	var out []string
	n := 0
	for _, s := range sentences(strings.ReplaceAll(text, "\n\n", " ")) {
		k := len(strings.Fields(s))
		if n+k > words {
			if len(out) == 0 {
				f := strings.Fields(s)
				return strings.Join(f[:words], " ") + "…"
			}
			break
		}
		out = append(out, s)
		n += k
	}
	return strings.Join(out, " ")
}

// sentences splits a paragraph after each point followed by a space.
func sentences(para string) []string {
	var out []string
	for para != "" {
		i := strings.Index(para, ". ")
		if i < 0 {
			out = append(out, para)
			break
		}
		out = append(out, para[:i+1])
		para = para[i+2:]
	}
	return out
}
