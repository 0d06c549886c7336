package fetcher

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// DefaultMaxItems is the number of entries parsed from one document when
// Options.MaxItems is zero.
const DefaultMaxItems = 5000

// checkEvery is how many tokens the entry scan reads between two looks at
// the fetch's deadline.
const checkEvery = 4096

// Truncation says that a document held more entries than Options.MaxItems
// and which were kept.
type Truncation struct {
	Entries int // entries in the document
	Kept    int // the first Kept entries were parsed; the rest were dropped
}

func (t Truncation) String() string {
	if t.Entries <= t.Kept {
		return ""
	}
	return fmt.Sprintf("truncated: the document has %d entries, only the first %d were read (fetch.max_items)", t.Entries, t.Kept)
}

// boundEntries returns doc with at most max entries (RSS and RDF <item>,
// Atom <entry>, JSON Feed "items" elements), so the parser never builds
// more than max items whatever the document holds: a 10 MB document of
// empty items would otherwise cost gigabytes once parsed. Everything else
// of the document is kept as it is. It reads the document once, as
// tokens, without building anything, and gives up when ctx ends.
//
// A document the scan cannot read is returned unchanged when it reached
// no more than max entries before the fault (the parser then reports the
// fault); past max, the entries after the last kept one are cut off with
// the rest of the document, and the open elements are closed.
func boundEntries(ctx context.Context, doc []byte, kind docKind, max int) ([]byte, Truncation, error) {
	// Every entry starts with a '<' (XML) or a '{' (JSON): a document
	// with no more of those than max needs no scan, as most do not.
	switch kind {
	case kindRSS, kindAtom:
		if bytes.Count(doc, []byte("<")) <= max {
			return doc, Truncation{}, nil
		}
	case kindJSON:
		if bytes.Count(doc, []byte("{")) <= max {
			return doc, Truncation{}, nil
		}
	}
	switch kind {
	case kindRSS, kindAtom:
		return boundXML(ctx, doc, kind, max)
	case kindJSON:
		return boundJSON(ctx, doc, max)
	}
	return doc, Truncation{}, nil
}

// cut is a byte range of a document to leave out.
type cut struct{ from, to int64 }

// boundXML bounds the entries of an RSS, RDF or Atom document. An entry is
// an <item> (RSS, RDF) or <entry> (Atom) element that is a child of the
// root or of the root's <channel>. Runs of dropped entries, with what lies
// between them, become one cut each, so a million dropped items cost one
// range.
func boundXML(ctx context.Context, doc []byte, kind docKind, max int) ([]byte, Truncation, error) {
	entry := "item"
	if kind == kindAtom {
		entry = "entry"
	}
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var (
		t        Truncation
		stack    []xml.Name // the open elements
		inEntry  = -1       // depth of the open entry, -1 outside
		dropping = false    // inside a run of dropped entries
		from     int64      // start of the current run
		cuts     []cut
		closeAt  []xml.Name // open elements at the first dropped entry
	)
	for n := 0; ; n++ {
		if n%checkEvery == 0 && ctx.Err() != nil {
			return nil, t, fmt.Errorf("%w: reading the document's entries: %w", ErrTimeout, ctx.Err())
		}
		at := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !dropping && len(cuts) == 0 {
				return doc, Truncation{}, nil
			}
			t.Kept = max
			return closeCut(doc, cuts, dropping, from, closeAt), t, nil
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(tok.Name.Local)
			depth := len(stack)
			parentOK := depth == 1 || depth == 2 && strings.EqualFold(stack[1].Local, "channel")
			if inEntry < 0 && name == entry && parentOK {
				t.Entries++
				inEntry = depth
				if t.Entries > max && !dropping {
					dropping, from = true, at
					if closeAt == nil {
						closeAt = append([]xml.Name(nil), stack...)
					}
				}
			} else if dropping && inEntry < 0 && depth <= 2 {
				// A sibling that is not an entry ends the run.
				cuts = append(cuts, cut{from, at})
				dropping = false
			}
			stack = append(stack, tok.Name)
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			stack = stack[:len(stack)-1]
			if inEntry == len(stack) {
				inEntry = -1
			} else if dropping && inEntry < 0 && len(stack) < 2 {
				// The entries' parent closes.
				cuts = append(cuts, cut{from, at})
				dropping = false
			}
		}
	}
	t.Kept = min(t.Entries, max)
	if dropping && len(stack) > 0 {
		// The document ends inside the dropped entries' parent.
		return closeCut(doc, cuts, dropping, from, closeAt), t, nil
	}
	if dropping {
		cuts = append(cuts, cut{from, int64(len(doc))})
	}
	if len(cuts) == 0 {
		return doc, t, nil
	}
	return applyCuts(doc, cuts), t, nil
}

// applyCuts returns doc without the ranges of cuts (in order, disjoint).
func applyCuts(doc []byte, cuts []cut) []byte {
	size := int64(len(doc))
	for _, c := range cuts {
		size -= c.to - c.from
	}
	out := make([]byte, 0, size)
	var at int64
	for _, c := range cuts {
		out = append(out, doc[at:c.from]...)
		at = c.to
	}
	return append(out, doc[at:]...)
}

// closeCut ends a document the scan could not read to its end: what was
// kept, then end tags for the elements open at the first dropped entry.
func closeCut(doc []byte, cuts []cut, dropping bool, from int64, open []xml.Name) []byte {
	if dropping {
		cuts = append(cuts, cut{from, int64(len(doc))})
	}
	out := append([]byte(nil), doc[:cuts[0].from]...)
	for i := len(open) - 1; i >= 0; i-- {
		out = append(out, "</"...)
		if open[i].Space != "" {
			out = append(out, open[i].Space...)
			out = append(out, ':')
		}
		out = append(out, open[i].Local...)
		out = append(out, '>')
	}
	return out
}

// boundJSON bounds the "items" array of a JSON Feed: after the max-th
// element the array is closed and the rest of it skipped, keeping what
// follows it.
func boundJSON(ctx context.Context, doc []byte, max int) ([]byte, Truncation, error) {
	var t Truncation
	d := json.NewDecoder(bytes.NewReader(doc))
	unchanged := func() ([]byte, Truncation, error) { return doc, Truncation{}, nil }
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return unchanged()
	}
	var raw json.RawMessage
	for d.More() {
		key, err := d.Token()
		if err != nil {
			return unchanged()
		}
		if k, _ := key.(string); k != "items" {
			if err := d.Decode(&raw); err != nil {
				return unchanged()
			}
			continue
		}
		if tok, err := d.Token(); err != nil || tok != json.Delim('[') {
			return unchanged() // not an array: the parser says so
		}
		var keptEnd int64
		for n := 0; d.More(); n++ {
			if n%checkEvery == 0 && ctx.Err() != nil {
				return nil, t, fmt.Errorf("%w: reading the document's entries: %w", ErrTimeout, ctx.Err())
			}
			if err := d.Decode(&raw); err != nil {
				if t.Entries <= max {
					return unchanged()
				}
				// Unreadable past the kept items: keep those, close the
				// array and the object.
				out := append(append([]byte(nil), doc[:keptEnd]...), "]}"...)
				t.Kept = max
				return out, t, nil
			}
			t.Entries++
			if t.Entries == max {
				keptEnd = d.InputOffset()
			}
		}
		if _, err := d.Token(); err != nil { // ']'
			return unchanged()
		}
		t.Kept = min(t.Entries, max)
		if t.Entries <= max {
			return doc, t, nil
		}
		after := d.InputOffset()
		out := make([]byte, 0, keptEnd+1+int64(len(doc))-after)
		out = append(out, doc[:keptEnd]...)
		out = append(out, ']')
		return append(out, doc[after:]...), t, nil
	}
	return doc, t, nil
}
