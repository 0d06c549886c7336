package feedgen

import (
	"html"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"newsdesk"
	"newsdesk/normalize"
)

// epoch is the updated date of an empty feed: fixed, so that rendering an
// empty section is as deterministic as any other.
func epoch() time.Time { return time.Unix(0, 0).UTC() }

// cleanURL is clean for a URL, with what a URL may not contain
// percent-encoded (items stored before normalize did it).
func cleanURL(s string) string { return newsdesk.EncodeURL(clean(s)) }

// clean removes what XML 1.0 forbids (control characters other than tab,
// newline and carriage return, surrogates, U+FFFE, U+FFFF) and invalid
// UTF-8 from s. Every string that reaches an output goes through it.
func clean(s string) string {
	s = normalize.MapC1(s) // C1 controls are windows-1252 characters; DEL goes
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if xmlChar(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether r may be rendered: an XML 1.0 Char, and not
// utf8.RuneError, which stands for invalid input and never carries meaning
// in a feed.
func xmlChar(r rune) bool { return r != utf8.RuneError && newsdesk.IsXMLChar(r) }

// firstTime returns the first non-zero time, in UTC, or the zero time.
func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t.UTC()
		}
	}
	return time.Time{}
}

// itemUpdated is the last change of an item; never zero.
func itemUpdated(it *newsdesk.Item) time.Time {
	t := firstTime(it.ModifiedAt, it.Updated, it.SortAt, it.Published, it.FirstSeen)
	if p := itemPublished(it); p.After(t) {
		t = p // a source date a few hours ahead: never updated before published
	}
	if t.IsZero() {
		return epoch()
	}
	return t
}

// itemPublished is an item's publication date as every output shows it:
// the source's own (normalize has already refused a date more than a day
// ahead), else the time newsdesk first saw the item. The sort date, which
// storage may clamp for ordering, is never shown; it is the last resort of
// an item that has neither. Zero when nothing is known.
func itemPublished(it *newsdesk.Item) time.Time {
	return firstTime(it.Published, it.FirstSeen, it.SortAt)
}

// newestChange is the latest itemUpdated of items, or the zero time.
func newestChange(items []newsdesk.Item) time.Time {
	var t time.Time
	for i := range items {
		if u := itemUpdated(&items[i]); u.After(t) {
			t = u
		}
	}
	return t
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// sourceName names the item's source for author fallbacks and credits.
func sourceName(it *newsdesk.Item) string {
	if s := strings.TrimSpace(clean(it.SourceTitle)); s != "" {
		return s
	}
	if u, err := url.Parse(it.SourceURL); err == nil && u.Host != "" {
		return u.Host
	}
	return "unknown source"
}

// itemAuthors returns the item's author names, or its source name.
func itemAuthors(it *newsdesk.Item) []string {
	var out []string
	for _, a := range it.Authors {
		if a = strings.TrimSpace(clean(a)); a != "" {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		out = append(out, sourceName(it))
	}
	return out
}

// splitAuthor separates an author written as an e-mail address, with or
// without a display name, into a name and an address. Other authors are
// names only.
func splitAuthor(author string) (name, email string) {
	a, err := mail.ParseAddress(author)
	if err != nil {
		return author, ""
	}
	if a.Name == "" {
		return a.Address, a.Address
	}
	return clean(a.Name), a.Address
}

// rssAuthor returns an RSS <author> value, "email (Name)", when author is
// an e-mail address, and "" otherwise: RSS requires an address there.
func rssAuthor(author string) string {
	a, err := mail.ParseAddress(author)
	if err != nil {
		return ""
	}
	if a.Name == "" {
		return a.Address
	}
	return a.Address + " (" + a.Name + ")"
}

// summaryHTML is the plain-text summary escaped for an HTML context.
func summaryHTML(it *newsdesk.Item) string {
	return html.EscapeString(clean(it.Summary))
}

// contentHTML is the item's HTML content (its summary when it has none, so
// that every entry has content) followed, when the story has other
// reports, by a paragraph linking to them in the section's language.
func contentHTML(it *newsdesk.Item, lang string) string {
	content := clean(it.ContentHTML)
	if strings.TrimSpace(content) == "" {
		content = ""
		if s := summaryHTML(it); s != "" {
			content = "<p>" + s + "</p>"
		}
	}
	related := relatedOf(it)
	if len(related) == 0 {
		return content
	}
	var b strings.Builder
	b.WriteString(content)
	b.WriteString("<p>")
	b.WriteString(alsoReportedBy(lang))
	for i, r := range related {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(relatedHTML(r))
	}
	b.WriteString("</p>")
	return b.String()
}

func alsoReportedBy(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "fr") {
		return "Également sur : "
	}
	return "Also reported by: "
}

func relatedHTML(r newsdesk.Related) string {
	title := strings.TrimSpace(clean(r.Title))
	src := strings.TrimSpace(clean(r.SourceTitle))
	if title == "" {
		title, src = src, ""
	}
	if title == "" {
		title = outURL(r.Link)
	}
	s := html.EscapeString(title)
	if link := outURL(r.Link); link != "" {
		s = `<a href="` + html.EscapeString(link) + `">` + s + `</a>`
	}
	if src != "" {
		s += " (" + html.EscapeString(src) + ")"
	}
	return s
}

// textContent is what a JSON item shows when it has no HTML content.
func textContent(it *newsdesk.Item) string { return clean(it.Title) }
