package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// tagRe matches a complete HTML tag or comment: what a title or summary
	// must never contain. A lone '<' as in "x<y" is not a tag. A '/' may
	// separate the name from the attributes, as browsers read
	// "<svg/onload=…>".
	tagRe = regexp.MustCompile(`<(?:/?[A-Za-z][A-Za-z0-9:_-]*(?:[\s/][^<>]*)?/?|!--(?s:.*?)--|![A-Za-z][^<>]*)>`)
	// entityRe matches an HTML character reference, named or numeric.
	entityRe = regexp.MustCompile(`&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?`)
)

// maxDecodeRounds bounds how many times escaped markup is decoded, so
// double- and triple-escaped titles come out right and hostile input cannot
// loop.
const maxDecodeRounds = 4

// Title returns raw, a title that may carry HTML (Atom type="html", RSS),
// as a plain-text title: the tags of inline formatting (b, i, em, strong,
// a, span, code, sub, sup, br, q, small, mark, abbr, cite…) and comments
// removed, any other "<…>" kept as the literal text it is ("Vector<T> in
// C++", "the <blink> tag"), character references decoded (double-escaped
// ones such as "&amp;#8217;" included), C1 controls read as windows-1252,
// whitespace folded (non-breaking spaces included), trimmed, and
// characters XML 1.0 forbids removed. It may return "". Safe for
// concurrent use.
func Title(raw string) string {
	return htmlTitle(raw)
}

// Summary folds the whitespace of plainText and cuts it at a word boundary
// so that it holds at most max characters (runes), ending with "…" when
// cut. max <= 0 means 300. C1 controls are read as windows-1252. What
// looks like a tag is read by the rule of HTML titles (see Title): the
// markup of inline formatting and of what would run or embed is removed
// (executable elements with their content), any other "<…>" is the text
// it is ("List<T>", "the <blink> tag"), which every output escapes. Safe
// for concurrent use.
func Summary(plainText string, max int) string {
	if max <= 0 {
		max = 300
	}
	s := fold(dropInline(stripInvalid(mapC1(plainText))))
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	if max == 1 {
		return "…"
	}
	// Byte offset just past the first max-1 runes.
	cut, n := 0, 0
	for i := range s {
		if n == max-1 {
			cut = i
			break
		}
		n++
	}
	head := s[:cut]
	// A cut inside a word goes back to the previous space, unless that
	// would throw away most of the text (one very long word, or a script
	// without spaces).
	if next, _ := utf8.DecodeRuneInString(s[cut:]); !unicode.IsSpace(next) {
		if sp := strings.LastIndexFunc(head, unicode.IsSpace); sp > len(head)/2 {
			head = head[:sp]
		}
	}
	head = strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—([{«\"'", r)
	})
	return head + "…"
}

// dropTags removes whatever still looks like a tag after decoding. Each
// replacement shortens the string, so the loop ends; replacing with a space
// cannot glue two halves into a new tag name.
func dropTags(s string) string {
	for hasTag(s) {
		s = tagRe.ReplaceAllString(s, " ")
	}
	return s
}

// hasTag is tagRe.MatchString, skipped when s holds no '<'.
func hasTag(s string) bool {
	return strings.IndexByte(s, '<') >= 0 && tagRe.MatchString(s)
}

// skipContent lists elements whose text is never reader-visible text.
var skipContent = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"iframe": true, "object": true, "embed": true, "svg": true, "math": true,
	"head": true, "title": true, "textarea": true, "select": true,
}

// spaceTags lists elements that separate words.
var spaceTags = map[string]bool{
	"br": true, "p": true, "div": true, "li": true, "td": true, "th": true,
	"tr": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "blockquote": true, "pre": true, "hr": true, "figcaption": true,
	"dd": true, "dt": true, "section": true, "article": true, "header": true,
	"footer": true, "aside": true, "caption": true, "img": true,
}
