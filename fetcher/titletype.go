package fetcher

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/atom"

	"newsdesk/normalize"
)

// markTextTypes carries the declared types of each item's text fields to
// normalize, which reads every field as HTML unless told otherwise; gofeed
// reads the types but does not keep them.
//
//   - The title's type is recorded (normalize.TitleTypeKey): a text title
//     must lose nothing that looks like a tag. JSON Feed titles are text by
//     definition; RSS titles carry no type.
//   - A content or summary declared plain text (Atom's type="text", also
//     its default, and "text/plain"; JSON Feed's content_text and summary)
//     is written as the HTML that shows that text: escaped, a blank line
//     a paragraph, a line break a <br>. Read as HTML, "Vector<T>" would lose
//     "<T>" and "a < b" could swallow what follows. A text that starts
//     with an HTML element ("<p>…") is HTML its producer forgot to declare,
//     and is left as HTML.
//
// When the Atom entries or JSON items found do not line up with the
// items, nothing is recorded and every field is read as HTML.
func markTextTypes(feed *gofeed.Feed, doc []byte, kind docKind) {
	var types []entryTypes
	switch kind {
	case kindJSON:
		types = jsonItemTypes(doc)
	case kindAtom:
		types = atomEntryTypes(doc)
	default:
		return
	}
	if len(types) != len(feed.Items) {
		return
	}
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		if it.Custom == nil {
			it.Custom = map[string]string{}
		}
		t := types[i]
		it.Custom[normalize.TitleTypeKey] = t.title
		if t.content == "text" {
			it.Content = textAsHTML(it.Content)
		}
		if t.summary == "text" {
			it.Description = textAsHTML(it.Description)
		}
	}
}

// entryTypes are the declared types of one entry's title, content and
// summary: "text", "html", or "" (absent, or a type newsdesk leaves to the
// HTML rule).
type entryTypes struct{ title, content, summary string }

// textAsHTML writes plain text s as HTML that shows it, unless s is HTML
// mislabeled as text (it starts with the tag of an HTML element).
func textAsHTML(s string) string {
	t := strings.TrimSpace(s)
	if t == "" || startsWithElement(t) {
		return s
	}
	t = strings.ReplaceAll(strings.ReplaceAll(t, "\r\n", "\n"), "\r", "\n")
	var b strings.Builder
	for para := range strings.SplitSeq(t, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				b.WriteString("<br>")
			}
			b.WriteString(html.EscapeString(strings.TrimSpace(line)))
		}
		b.WriteString("</p>")
	}
	return b.String()
}

// startsWithElement reports whether s starts with a start tag of an
// element HTML knows ("<p>", "<div class=…>", "<br/>").
func startsWithElement(s string) bool {
	if len(s) < 3 || s[0] != '<' {
		return false
	}
	name := readName([]byte(s[1:]))
	if len(name) == 0 || len(name) == len(s)-1 {
		return false
	}
	return atom.Lookup(bytes.ToLower(name)) != 0
}

// jsonItemTypes returns the types of each item of a JSON Feed: titles and
// summaries are plain text by the spec; the content is HTML when
// content_html is there, else text (content_text).
func jsonItemTypes(doc []byte) []entryTypes {
	var f struct {
		Items []struct {
			ContentHTML *string `json:"content_html"`
			ContentText *string `json:"content_text"`
		} `json:"items"`
	}
	if err := json.Unmarshal(doc, &f); err != nil {
		return nil
	}
	types := make([]entryTypes, len(f.Items))
	for i, it := range f.Items {
		types[i] = entryTypes{title: "text", summary: "text"}
		if (it.ContentHTML == nil || *it.ContentHTML == "") && it.ContentText != nil {
			types[i].content = "text"
		}
	}
	return types
}

// atomTitleTypes returns the type of each entry's title (see
// atomEntryTypes).
func atomTitleTypes(doc []byte) []string {
	var out []string
	for _, t := range atomEntryTypes(doc) {
		out = append(out, t.title)
	}
	return out
}

// atomEntryTypes returns, for each <entry> of an Atom document in order,
// the types of its own <title>, <content> and <summary> (its children, not
// elements of the same name further down, such as an xhtml content's
// <summary> or a <source>'s title). A title or summary without a type is
// text, as Atom says; so is a content (Atom 0.3's content defaults to
// text/plain too). It scans the bytes for tags, skipping comments, CDATA
// sections and processing instructions.
func atomEntryTypes(doc []byte) []entryTypes {
	var types []entryTypes
	var cur entryTypes
	depth := 0 // inside an entry: 1 for its children's level
	for i := 0; i < len(doc); {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := doc[i:]
		skip := ""
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			skip = "-->"
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			skip = "]]>"
		case bytes.HasPrefix(rest, []byte("<?")):
			skip = "?>"
		case bytes.HasPrefix(rest, []byte("<!")):
			skip = ">"
		}
		if skip != "" {
			end := bytes.Index(rest, []byte(skip))
			if end < 0 {
				return types
			}
			i += end + len(skip)
			continue
		}
		closing := len(rest) > 1 && rest[1] == '/'
		nameAt := rest[1:]
		if closing {
			nameAt = rest[2:]
		}
		name := string(readName(nameAt))
		local := name[strings.LastIndexByte(name, ':')+1:]
		end := tagEnd(rest)
		if end < 0 {
			return types
		}
		selfClosing := !closing && end > 0 && rest[end-1] == '/'
		switch {
		case depth == 0 && local == "entry" && !closing:
			cur = entryTypes{title: "text", summary: "text", content: "text"}
			if selfClosing {
				types = append(types, cur)
			} else {
				depth = 1
			}
		case depth == 0:
		case closing:
			depth--
			if depth == 0 {
				types = append(types, cur)
			}
		default:
			if depth == 1 {
				switch local {
				case "title":
					if cur.title = htmlOrText(rest[:end], "text"); cur.title == "" {
						cur.title = "text" // a title of another media type: its text, never markup
					}
				case "content":
					cur.content = htmlOrText(rest[:end], "text")
				case "summary":
					cur.summary = htmlOrText(rest[:end], "text")
				}
			}
			if !selfClosing {
				depth++
			}
		}
		i += end + 1
	}
	return types
}

// htmlOrText reads the type attribute of a start tag: "html" for Atom's
// html and xhtml (and their media types), "text" for text and text/plain,
// def when absent, "" for any other type (a media type newsdesk leaves to
// the HTML rule).
func htmlOrText(tag []byte, def string) string {
	s := string(tag)
	for _, q := range []string{`"`, `'`} {
		for k := 0; ; {
			at := strings.Index(s[k:], "type="+q)
			if at < 0 {
				break
			}
			at += k
			if at > 0 && !isSpaceByte(s[at-1]) { // "xml:type=", "mtype="
				k = at + 5
				continue
			}
			v := s[at+6:]
			e := strings.Index(v, q)
			if e < 0 {
				return def
			}
			switch strings.ToLower(strings.TrimSpace(v[:e])) {
			case "html", "xhtml", "text/html", "application/xhtml+xml":
				return "html"
			case "text", "text/plain", "":
				return "text"
			default:
				return ""
			}
		}
	}
	return def
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
