package fetcher

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// repairJSONFeed fixes the type mistakes JSON Feed producers make, so that
// one wrong field loses that field, not the whole feed: "tags" as a
// comma-separated string, "author" as a string, numeric ids, dates
// without a time zone (read as UTC), a missing "items". A field of any
// other wrong type is removed. Each kind of repair is named once in the
// warnings, with how many times it was made. A body that is not a JSON
// object, or needs no repair, is returned as it is.
func repairJSONFeed(b []byte) ([]byte, []string) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var root map[string]any
	if err := d.Decode(&root); err != nil || root == nil {
		return b, nil
	}
	r := jsonRepair{counts: map[string]int{}}
	r.feed(root)
	if len(r.counts) == 0 {
		return b, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		return b, nil
	}
	return buf.Bytes(), r.warnings()
}

// jsonRepair counts the repairs of one document by field and kind.
type jsonRepair struct{ counts map[string]int }

func (r *jsonRepair) note(field, what string) { r.counts[field+": "+what]++ }

func (r *jsonRepair) warnings() []string {
	var out []string
	for k, n := range r.counts {
		if n > 1 {
			k += fmt.Sprintf(" (%d times)", n)
		}
		out = append(out, "json feed: "+k)
	}
	sort.Strings(out)
	return out
}

// jsonFeedStrings are the string fields of a feed and of an item.
var (
	jsonFeedStrings = []string{"version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "language"}
	jsonItemStrings = []string{"url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "language"}
)

func (r *jsonRepair) feed(f map[string]any) {
	for _, k := range jsonFeedStrings {
		r.str(f, k, k)
	}
	r.authors(f, "")
	switch items := f["items"].(type) {
	case []any:
		kept := items[:0]
		for _, it := range items {
			m, ok := it.(map[string]any)
			if !ok {
				r.note("items[]", "not an object, skipped")
				continue
			}
			r.item(m)
			kept = append(kept, m)
		}
		f["items"] = kept
	case nil:
		r.note("items", "missing, read as an empty list")
		f["items"] = []any{}
	default:
		r.note("items", "not a list, read as an empty list")
		f["items"] = []any{}
	}
}

func (r *jsonRepair) item(it map[string]any) {
	switch id := it["id"].(type) {
	case nil, string:
	case json.Number:
		it["id"] = id.String()
		r.note("items[].id", "a number, read as a string")
	default:
		delete(it, "id")
		r.note("items[].id", "neither a string nor a number, ignored")
	}
	for _, k := range jsonItemStrings {
		r.str(it, k, "items[]."+k)
	}
	for _, k := range []string{"date_published", "date_modified"} {
		r.str(it, k, "items[]."+k)
		if s, ok := it[k].(string); ok {
			if fixed, changed := utcDate(s); changed {
				it[k] = fixed
				r.note("items[]."+k, "a date without a time zone, read as UTC")
			}
		}
	}
	r.authors(it, "items[].")
	switch tags := it["tags"].(type) {
	case nil:
	case string:
		var list []any
		for t := range strings.SplitSeq(tags, ",") {
			if t = strings.TrimSpace(t); t != "" {
				list = append(list, t)
			}
		}
		it["tags"] = list
		r.note("items[].tags", "a string instead of a list, split on commas")
	case []any:
		kept := tags[:0]
		for _, t := range tags {
			switch v := t.(type) {
			case string:
				kept = append(kept, v)
			case json.Number:
				kept = append(kept, v.String())
			default:
				r.note("items[].tags[]", "not a string, ignored")
			}
		}
		it["tags"] = kept
	default:
		delete(it, "tags")
		r.note("items[].tags", "not a list of strings, ignored")
	}
	switch att := it["attachments"].(type) {
	case nil:
	case map[string]any:
		it["attachments"] = []any{r.attachment(att)}
		r.note("items[].attachments", "an object instead of a list, read as a list of one")
	case []any:
		kept := att[:0]
		for _, a := range att {
			if m, ok := a.(map[string]any); ok {
				kept = append(kept, r.attachment(m))
			} else {
				r.note("items[].attachments[]", "not an object, ignored")
			}
		}
		it["attachments"] = kept
	default:
		delete(it, "attachments")
		r.note("items[].attachments", "not a list, ignored")
	}
}

func (r *jsonRepair) attachment(a map[string]any) map[string]any {
	for _, k := range []string{"url", "mime_type", "title"} {
		r.str(a, k, "items[].attachments[]."+k)
	}
	for _, k := range []string{"size_in_bytes", "duration_in_seconds"} {
		switch v := a[k].(type) {
		case nil:
		case json.Number:
			if _, err := v.Int64(); err != nil {
				delete(a, k)
				r.note("items[].attachments[]."+k, "not a whole number, ignored")
			}
		case string:
			if n := json.Number(strings.TrimSpace(v)); isInt(n) {
				a[k] = n
				r.note("items[].attachments[]."+k, "a string, read as a number")
			} else {
				delete(a, k)
				r.note("items[].attachments[]."+k, "not a number, ignored")
			}
		default:
			delete(a, k)
			r.note("items[].attachments[]."+k, "not a number, ignored")
		}
	}
	return a
}

func isInt(n json.Number) bool { _, err := n.Int64(); return err == nil }

// authors repairs "author" (an object; a string is a name) and "authors"
// (a list of objects; a string, or a list holding strings, are names).
func (r *jsonRepair) authors(m map[string]any, path string) {
	person := func(v any, field string) (map[string]any, bool) {
		switch p := v.(type) {
		case map[string]any:
			for _, k := range []string{"name", "url", "avatar"} {
				r.str(p, k, field+"."+k)
			}
			return p, true
		case string:
			r.note(field, "a string, read as a name")
			return map[string]any{"name": p}, true
		}
		r.note(field, "not an object, ignored")
		return nil, false
	}
	if v, ok := m["author"]; ok && v != nil {
		if p, ok := person(v, path+"author"); ok {
			m["author"] = p
		} else {
			delete(m, "author")
		}
	}
	switch v := m["authors"].(type) {
	case nil:
	case []any:
		kept := v[:0]
		for _, a := range v {
			if p, ok := person(a, path+"authors[]"); ok {
				kept = append(kept, p)
			}
		}
		m["authors"] = kept
	default:
		if p, ok := person(v, path+"authors"); ok {
			m["authors"] = []any{p}
		} else {
			delete(m, "authors")
		}
	}
}

// str makes m[k] a string when it is a number or a boolean, and removes it
// when it is anything else but a string.
func (r *jsonRepair) str(m map[string]any, k, field string) {
	switch v := m[k].(type) {
	case nil, string:
		if v == nil {
			if _, present := m[k]; present {
				delete(m, k)
			}
		}
	case json.Number:
		m[k] = v.String()
		r.note(field, "a number, read as a string")
	case bool:
		delete(m, k)
		r.note(field, "a boolean, ignored")
	default:
		delete(m, k)
		r.note(field, "not a string, ignored")
	}
}

// localDateRe matches an RFC 3339 date-time without its time zone, or a
// date alone.
var localDateRe = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?$`)

// utcDate adds the time zone UTC to a date written without one.
func utcDate(s string) (string, bool) {
	m := localDateRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return s, false
	}
	clock, sec := m[2], m[3]
	if clock == "" {
		clock = "00:00"
	}
	if sec == "" {
		sec = ":00"
	}
	return m[1] + "T" + clock + sec + "Z", true
}
