package fetcher

import (
	"bytes"
	"strings"

	"github.com/mmcdole/gofeed"

	"newsdesk/normalize"
)

// markTitleTypes records on each item of feed the declared type of its
// title (normalize.TitleTypeKey): gofeed reads the type of an Atom title
// but does not keep it, and a text title must lose nothing that looks like
// a tag. JSON Feed titles are text by definition; RSS titles carry no type.
// When the Atom entries found do not line up with the items, nothing is
// recorded and the titles are read by the HTML rule.
func markTitleTypes(feed *gofeed.Feed, doc []byte, kind docKind) {
	var types []string
	switch kind {
	case kindJSON:
		types = make([]string, len(feed.Items))
		for i := range types {
			types[i] = "text"
		}
	case kindAtom:
		types = atomTitleTypes(doc)
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
		it.Custom[normalize.TitleTypeKey] = types[i]
	}
}

// atomTitleTypes returns, for each <entry> of an Atom document in order,
// the type of its <title> ("text" when absent, as Atom says). It scans the
// bytes for the start tags only, skipping comments and CDATA sections.
func atomTitleTypes(doc []byte) []string {
	var types []string
	inEntry, titled := false, false
	for i := 0; i < len(doc); {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := doc[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest, []byte("-->"))
			if end < 0 {
				return types
			}
			i += end + 3
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				return types
			}
			i += end + 3
			continue
		}
		end := rest[1:]
		closing := len(end) > 0 && end[0] == '/'
		if closing {
			end = end[1:]
		}
		name := string(readName(end))
		local := name[strings.LastIndexByte(name, ':')+1:]
		switch {
		case local == "entry" && !closing:
			if inEntry && !titled {
				types = append(types, "text")
			}
			inEntry, titled = true, false
		case local == "entry" && closing:
			if inEntry && !titled {
				types = append(types, "text")
			}
			inEntry = false
		case local == "title" && !closing && inEntry && !titled:
			titled = true
			types = append(types, titleType(rest))
		}
		i++
	}
	return types
}

// titleType reads the type attribute of the start tag at the start of b.
func titleType(b []byte) string {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return "text"
	}
	tag := string(b[:end])
	for _, q := range []string{`"`, `'`} {
		if k := strings.Index(tag, "type="+q); k >= 0 {
			v := tag[k+6:]
			if e := strings.Index(v, q); e >= 0 {
				switch t := strings.ToLower(strings.TrimSpace(v[:e])); t {
				case "html", "xhtml", "text/html", "application/xhtml+xml":
					return "html"
				default:
					return "text"
				}
			}
		}
	}
	return "text"
}
