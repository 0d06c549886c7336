package fetcher

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
)

// parseFeed parses a decoded RSS, Atom or JSON Feed body. It checks the
// nesting depth first, then lets gofeed detect the format; gofeed looks at
// the first 4 KB only, so when that fails the format parser for the root
// element inspect found is called directly. An XML document that ends
// early is read up to its last complete item; the warning says so (the
// fetch is partial). A JSON Feed's type mistakes are repaired first
// (repairJSONFeed), each named in the warnings.
func parseFeed(decoded []byte, info docInfo) (*gofeed.Feed, []string, bool, error) {
	var warnings []string
	if info.kind == kindJSON {
		decoded, warnings = repairJSONFeed(decoded)
	}
	feed, err := parseDoc(decoded, info)
	if err == nil {
		return feed, warnings, false, nil
	}
	tr, ok := recoverTruncated(decoded, info)
	if !ok {
		return nil, warnings, false, err
	}
	feed, err2 := parseDoc(tr.doc, info)
	if err2 != nil {
		return nil, warnings, false, err
	}
	warnings = append(warnings, fmt.Sprintf("document ends early (after %d bytes, inside an element): kept the %d items complete before the cut; validators not stored, the next fetch asks again", tr.cut, tr.items))
	return feed, warnings, true, nil
}

// parseDoc is parseFeed without repairs.
func parseDoc(decoded []byte, info docInfo) (*gofeed.Feed, error) {
	if info.kind == kindRSS || info.kind == kindAtom {
		if err := checkDepth(decoded[info.rootAt:], maxDepth); err != nil {
			return nil, err
		}
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(decoded))
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		feed, err = parseAs(decoded, info.kind)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrParse, info.kind, err)
	}
	if info.kind == kindJSON && !strings.Contains(feed.FeedVersion, "jsonfeed.org/version/") {
		return nil, fmt.Errorf("%w: JSON document without a JSON Feed version (got %q)", ErrNotFeed, feed.FeedVersion)
	}
	markTextTypes(feed, decoded[info.rootAt:], info.kind)
	return feed, nil
}

// parseAs parses b with the format parser for kind and the default
// translator.
func parseAs(b []byte, kind docKind) (*gofeed.Feed, error) {
	switch kind {
	case kindRSS:
		f, err := (&rss.Parser{}).Parse(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultRSSTranslator{}).Translate(f)
	case kindAtom:
		f, err := (&atom.Parser{}).Parse(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultAtomTranslator{}).Translate(f)
	case kindJSON:
		f, err := (&json.Parser{}).Parse(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultJSONTranslator{}).Translate(f)
	}
	return nil, gofeed.ErrFeedTypeNotDetected
}

func (k docKind) String() string {
	switch k {
	case kindRSS:
		return "rss"
	case kindAtom:
		return "atom"
	case kindJSON:
		return "json feed"
	case kindHTML:
		return "html"
	}
	return "unknown"
}

// describe names what was received, for errors: the content type, the size
// and the first characters, sanitized.
func describe(contentType string, body []byte) string {
	if contentType == "" {
		contentType = "no content type"
	}
	if len(body) == 0 {
		return fmt.Sprintf("got %s, 0 bytes", contentType)
	}
	return fmt.Sprintf("got %s, %d bytes starting %q", contentType, len(body), preview(body, 48))
}

// preview returns up to n runes of b with control characters and runs of
// white space replaced by one space, and invalid UTF-8 by U+FFFD.
func preview(b []byte, n int) string {
	var sb strings.Builder
	space := false
	for len(b) > 0 && n > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			if !space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		sb.WriteRune(r)
		n--
	}
	return strings.TrimSpace(sb.String())
}
