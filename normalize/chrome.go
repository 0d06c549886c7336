package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The built-in chrome patterns, matched against the lower-cased text of a
// whole block with typographic apostrophes made straight and punctuation,
// arrows and ellipses trimmed from both ends.
var (
	// chromeExactRe: the block is nothing but the phrase.
	chromeExactRe = regexp.MustCompile(`^(?:` +
		// French
		`afficher (?:plus|moins|la suite)|voir (?:plus|la suite|aussi|également)` +
		`|lire (?:la suite(?: de l'article| de cet article)?|plus|aussi|également)` +
		`|(?:à|a) lire (?:aussi|également|absolument)|en savoir plus|à découvrir(?: aussi)?` +
		`|articles? (?:similaires|liés|connexes|recommandés)|sur le même (?:sujet|thème)` +
		`|dans la même rubrique|nos derniers articles|les plus lus` +
		`|bouton retour en haut de la page|retour en haut(?: de la page)?|haut de page` +
		`|partager(?: cet article| l'article| la publication| sur les réseaux sociaux)?(?: sur (?:` + networks + `))?` +
		`|partagez(?: cet article)?|cliquez pour partager sur (?:` + networks + `)(?: \(ouvre dans une nouvelle fenêtre\)?)?` +
		`|abonnez-vous(?: (?:à|a) (?:notre|la) (?:newsletter|lettre d'information))?` +
		`|inscrivez-vous (?:à|a) (?:notre|la) newsletter|recevez (?:notre|la) newsletter` +
		`|s'abonner(?: à la newsletter)?|je m'abonne|publicité|j'aime(?: ça)?|j'aime chargement` +
		`|chargement|laisser un commentaire|réagir|commentaires?|imprimer(?: cet article)?` +
		`|envoyer par (?:e-?mail|courriel)|suivez-nous(?: sur .{1,40})?|télécharger l'application` +
		// English
		`|read more|read (?:the )?(?:full|whole|rest of the) (?:article|story|post)` +
		`|continue reading|keep reading|view more|show more|see more|load more|learn more` +
		`|related(?: posts| articles| stories| content| reading)?|you (?:may|might) also like` +
		`|share this(?: article| story| post| page)?|share(?: on| via) (?:` + networks + `)` +
		`|click to (?:share on (?:` + networks + `)|email (?:a link to|this to) a friend|print)(?: \(opens in new window\)?)?` +
		`|like this|like loading|loading|subscribe(?: now| today)?` +
		`|subscribe to (?:our|the) newsletter|sign up for (?:our|the) newsletter` +
		`|advertisement|sponsored|back to top|print(?: this article)?|tweet|pin it` +
		`|leave a (?:comment|reply)|[0-9]+ comments?|comments?|follow us(?: on .{1,40})?` +
		`|download (?:our|the) app` +
		`)$`)
	// chromeLinkRe: a share button, chrome when the block is a link.
	chromeLinkRe = regexp.MustCompile(`^(?:` + networks + `|copier le lien|copy link|print|imprimer)$`)
	// chromeLeadRe: a teaser for another page; chrome when a separator
	// follows or the block is mostly a link.
	chromeLeadRe = regexp.MustCompile(`^(?:(?:à |a )?lire (?:aussi|également|la suite)|voir aussi` +
		`|(?:à|a) découvrir(?: aussi)?|sur le même sujet|read more|read also|also read|see also` +
		`|related|continue reading)\s*((?:[:|»›>→–—-]|\.\.\.|…)?)\s*(.*)$`)
	// chromeSentenceRe: whole sentences a CMS appends to every item.
	chromeSentenceRe = regexp.MustCompile(`^(?:the post .{1,300} appeared first on .{1,200}` +
		`|(?:l'article|cet article|le post|la publication|l'entrée) .{1,300} est apparue? en premier sur .{1,200}` +
		`|this (?:entry|post) was posted (?:in|on) .{1,300}bookmark the permalink` +
		`)$`)
)

// The prefix filters of the chrome patterns; see prefixFilter.
var (
	chromeExact    = newPrefixFilter(chromeExactRe)
	chromeLink     = newPrefixFilter(chromeLinkRe)
	chromeLead     = newPrefixFilter(chromeLeadRe)
	chromeSentence = newPrefixFilter(chromeSentenceRe)
)

// chromeExactLit is chromeExactRe as literals and a small regex for the
// rest; see literalMatcher.
var chromeExactLit = func() literalMatcher {
	m, ok := newLiteralMatcher(chromeExactRe)
	if !ok {
		panic("normalize: chromeExactRe does not split")
	}
	return m
}()

// apostrophes makes typographic apostrophes straight.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'")

// networks names the social networks of share buttons.
const networks = `facebook|twitter|x|linkedin|whatsapp|pinterest|bluesky|mastodon|telegram|reddit|threads|e-?mail|messenger|flipboard|pocket|tumblr`

// maxChromeRunes bounds the length of a block the built-in patterns judge.
const maxChromeRunes = 400

// builtinChrome reports whether a block is site furniture by the built-in
// multilingual patterns. Only blocks that are (nearly) nothing but the
// phrase match: a sentence that merely contains one stays.
func builtinChrome(b block) bool {
	return mayBeChrome(b.text) && matchChrome(b)
}

// mayBeChrome is the quick part of builtinChrome: false means no built-in
// pattern matches the text.
func mayBeChrome(text string) bool {
	if len(text) > maxChromeRunes && (len(text) > maxChromeRunes*utf8.UTFMax || utf8.RuneCountInString(text) > maxChromeRunes) {
		return false
	}
	var buf [prefixLen + utf8.UTFMax]byte
	h, ok := formHead(text, &buf)
	if !ok {
		return false
	}
	return chromeExact.mayMatchHead(h) || chromeSentence.mayMatchHead(h) ||
		chromeLink.mayMatchHead(h) || chromeLead.mayMatchHead(h)
}

// matchChrome is the slow part of builtinChrome: the patterns themselves.
func matchChrome(b block) bool {
	t := matchForm(b.text)
	if chromeExactLit.MatchString(t) || chromeSentence.MatchString(t) {
		return true
	}
	if b.links >= 0.6 && chromeLink.MatchString(t) {
		return true
	}
	if m := chromeLead.FindStringSubmatch(t); m != nil {
		sep, rest := m[1], m[2]
		if rest != "" && utf8.RuneCountInString(rest) <= 200 && (sep != "" || b.links >= 0.6) {
			return true
		}
	}
	return false
}

// chromeCache remembers within one Feed call which blocks are chrome by
// the built-in patterns or the source's strip regexes, which do not change
// during the call: chrome recurs across a document's items. It only holds
// the blocks the quick test of mayBeChrome lets through. A nil cache
// remembers nothing.
type chromeCache map[chromeKey]bool

type chromeKey struct {
	text  string
	links bool // links >= 0.6, all builtinChrome reads of b.links
}

// chrome reports whether a block is chrome by the built-in patterns or the
// strip regexes.
func (c chromeCache) chrome(b block, strip stripper) bool {
	if !mayBeChrome(b.text) {
		return strip.match(b)
	}
	if c == nil {
		return matchChrome(b) || strip.match(b)
	}
	k := chromeKey{b.text, b.links >= 0.6}
	v, ok := c[k]
	if !ok {
		v = matchChrome(b) || strip.match(b)
		c[k] = v
	}
	return v
}

// matchForm lower-cases text, makes apostrophes straight and trims
// punctuation, arrows, brackets and ellipses from both ends.
func matchForm(text string) string {
	t := strings.ToLower(text)
	// strings.ContainsAny tries each of the three for every character of
	// t: three substring searches are much faster.
	if strings.Contains(t, "’") || strings.Contains(t, "‘") || strings.Contains(t, "ʼ") {
		t = apostrophes.Replace(t)
	}
	return strings.TrimFunc(t, edgeRune)
}

// formHead writes into buf the first prefixLen bytes of matchForm(text)
// (all of it when shorter) without building it: matchForm maps rune by
// rune, so it is the text trimmed of the runes that map to edge runes,
// mapped. ok is false when matchForm(text) is "".
func formHead(text string, buf *[prefixLen + utf8.UTFMax]byte) ([]byte, bool) {
	trimmed := strings.TrimFunc(text, func(r rune) bool { return edgeRune(formRune(r)) })
	if trimmed == "" {
		return nil, false
	}
	n := 0
	for _, r := range trimmed {
		if n >= prefixLen {
			break
		}
		n += utf8.EncodeRune(buf[n:], formRune(r))
	}
	return buf[:min(n, prefixLen)], true
}

// formRune is what matchForm makes of one rune: lower case, straight
// apostrophes.
func formRune(r rune) rune {
	switch r = unicode.ToLower(r); r {
	case '’', '‘', 'ʼ':
		return '\''
	}
	return r
}

func edgeRune(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// stripper applies the per-source strip regexes to whole blocks.
type stripper []stripRe

type stripRe struct {
	whole *prefixFilter // ^(?:pattern)$
	orig  *regexp.Regexp
}

// newStripper anchors each regex so that it must match a whole block.
func newStripper(res []*regexp.Regexp) stripper {
	s := make(stripper, 0, len(res))
	for _, re := range res {
		if re == nil {
			continue
		}
		var whole *prefixFilter
		if w, err := regexp.Compile(`^(?:` + re.String() + `)$`); err == nil {
			f := newPrefixFilter(w)
			whole = &f
		}
		s = append(s, stripRe{whole: whole, orig: re})
	}
	return s
}

// match reports whether a regex matches the whole text of the block, as
// it is or with punctuation trimmed from its ends.
func (s stripper) match(b block) bool {
	trimmed := strings.TrimFunc(b.text, edgeRune)
	for _, re := range s {
		if re.whole == nil {
			if loc := re.orig.FindStringIndex(b.text); loc != nil && loc[0] == 0 && loc[1] == len(b.text) {
				return true
			}
			continue
		}
		if re.whole.MatchString(b.text) || re.whole.MatchString(trimmed) {
			return true
		}
	}
	return false
}
