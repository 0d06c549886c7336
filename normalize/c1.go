package normalize

import (
	"slices"
	"strings"

	"github.com/mmcdole/gofeed"
)

// cp1252 maps the C1 controls U+0080–U+009F to the windows-1252 characters
// of the same byte values; 0 marks the five bytes windows-1252 leaves
// undefined, which are dropped. A C1 control in feed text is nearly always
// such a character decoded as Latin-1 (or written as "&#146;"): browsers and
// feedparser read them this way.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// MapC1 returns s with every C1 control character replaced by its
// windows-1252 character (the five undefined ones removed), and DEL
// removed: no control character reaches an output. Safe for concurrent
// use.
func MapC1(s string) string { return mapC1(s) }

func mapC1(s string) string {
	if !hasC1(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0x7f:
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			if m := cp1252[s[i+1]-0x80]; m != 0 {
				b.WriteRune(m)
			}
			i++
		default:
			b.WriteByte(c) // every other byte as it is, invalid UTF-8 included
		}
	}
	return b.String()
}

// hasC1 reports whether s holds DEL or a C1 control (encoded as 0xC2
// 0x80–0x9F in UTF-8).
func hasC1(s string) bool {
	if strings.IndexByte(s, 0x7f) >= 0 {
		return true
	}
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xc2)
		if j < 0 {
			return false
		}
		i += j + 1
		if i < len(s) && s[i] >= 0x80 && s[i] <= 0x9f {
			return true
		}
	}
}

// c1Item returns it, or a copy of it with C1 controls mapped in the text
// fields normalize reads, when any of them holds one. it is not changed.
func c1Item(it *gofeed.Item) *gofeed.Item {
	fields := []*string{&it.Title, &it.Description, &it.Content}
	dirty := false
	for _, f := range fields {
		dirty = dirty || hasC1(*f)
	}
	for _, c := range it.Categories {
		dirty = dirty || hasC1(c)
	}
	for _, p := range append(slices.Clone(it.Authors), it.Author) {
		dirty = dirty || (p != nil && (hasC1(p.Name) || hasC1(p.Email)))
	}
	if !dirty {
		return it
	}
	cp := *it
	cp.Title, cp.Description, cp.Content = mapC1(it.Title), mapC1(it.Description), mapC1(it.Content)
	cp.Categories = make([]string, len(it.Categories))
	for i, c := range it.Categories {
		cp.Categories[i] = mapC1(c)
	}
	person := func(p *gofeed.Person) *gofeed.Person {
		if p == nil {
			return nil
		}
		return &gofeed.Person{Name: mapC1(p.Name), Email: mapC1(p.Email)}
	}
	cp.Author = person(it.Author)
	cp.Authors = make([]*gofeed.Person, len(it.Authors))
	for i, p := range it.Authors {
		cp.Authors[i] = person(p)
	}
	return &cp
}
