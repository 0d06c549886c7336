package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"newsdesk"
)

// identityKey returns the key of an item at the given level: 0 its guid,
// else its canonical link, else a digest of its title and plain content;
// 1 skips the guid; 2 is the digest. A level an item lacks falls through
// to the next.
func identityKey(it *newsdesk.Item, plainContent string, level int) string {
	switch {
	case level == 0 && it.GUID != "":
		return "guid:" + it.GUID
	case level <= 1 && it.CanonicalLink != "":
		return "link:" + it.CanonicalLink
	}
	sum := sha256.Sum256([]byte(it.Title + "\n" + plainContent))
	return "hash:" + hex.EncodeToString(sum[:])[:32]
}

// maxGUIDWarnings is how many reused guids are named one by one; the rest
// are counted in one more warning.
const maxGUIDWarnings = 3

// assignKeys sets the identity key of every item. A key that one feed
// document gives to different items identifies none of them: a guid
// shared by items with different links gives way to their links, and a
// guid or link shared by items that differ in both title and text (a CMS
// that writes one guid, or the section's page as every item's link) to
// the digest of their title and text; a warning names the key. An item
// under an earlier item's key with its link and its title or its text is
// a repeat (the same item listed twice, or in two versions) and is
// dropped, with a warning.
func assignKeys(items []newsdesk.Item, plain []string) ([]newsdesk.Item, []string) {
	var warnings []string
	level := make([]int, len(items))
	keys := make([]string, len(items))
	for i := range items {
		keys[i] = identityKey(&items[i], plain[i], 0)
	}
	// Two items under one key are one item in two versions when they share
	// their link and their title or their text (an edited text, a new
	// title); different items otherwise.
	same := func(i, j int) bool {
		return items[i].CanonicalLink == items[j].CanonicalLink && (items[i].Title == items[j].Title || plain[i] == plain[j])
	}
	var shared []string // keys given up, in order of first use
	users := map[string]int{}
	for range 2 {
		groups := map[string][]int{}
		var order []string
		for i, k := range keys {
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], i)
		}
		moved := false
		for _, k := range order {
			idx := groups[k]
			if len(idx) < 2 || strings.HasPrefix(k, "hash:") {
				continue
			}
			differ := false
			for _, i := range idx[1:] {
				if !same(idx[0], i) {
					differ = true
					break
				}
			}
			if !differ {
				continue
			}
			shared = append(shared, k)
			users[k] = len(idx)
			for _, i := range idx {
				if strings.HasPrefix(k, "guid:") {
					level[i] = 1
				} else {
					level[i] = 2
				}
				keys[i] = identityKey(&items[i], plain[i], level[i])
			}
			moved = true
		}
		if !moved {
			break
		}
	}
	for n, k := range shared {
		if n == maxGUIDWarnings {
			warnings = append(warnings, fmt.Sprintf("%d more guids or links are used by several different items; using their links, or their title and text, as identity", len(shared)-maxGUIDWarnings))
			break
		}
		what, v, _ := strings.Cut(k, ":")
		by := "their links (else their title and text)"
		if what == "link" {
			by = "their title and text"
		}
		warnings = append(warnings, fmt.Sprintf("%s %q is used by %d different items; using %s as identity", what, v, users[k], by))
	}
	out := items[:0]
	first := map[string]int{}
	var repeats tally
	var firstRepeat string
	for i := range items {
		it := items[i]
		it.Key = keys[i]
		if j, ok := first[it.Key]; ok {
			if repeats.n == 0 {
				firstRepeat = fmt.Sprintf("item %d repeats item %d (identity %q)", i+1, j+1, it.Key)
			}
			repeats.add(i + 1)
			continue
		}
		first[it.Key] = i
		out = append(out, it)
	}
	switch {
	case repeats.n == 1:
		warnings = append(warnings, firstRepeat+"; dropped")
	case repeats.n > 1:
		warnings = append(warnings, fmt.Sprintf("%d items dropped: each repeats an earlier item whole; first: %s", repeats.n, firstRepeat))
	}
	return out, warnings
}

// contentHash digests the fields a reader sees, so that any visible change
// makes a different hash.
func contentHash(it *newsdesk.Item) string {
	h, _ := contentHashBuf(it, nil)
	return h
}

// contentHashBuf is contentHash writing into buf, which it returns for
// reuse.
func contentHashBuf(it *newsdesk.Item, buf []byte) (string, []byte) {
	// The digest of the fields written one after the other: built in one
	// buffer and hashed at once.
	size := len(it.Title) + len(it.Link) + len(it.ContentHTML) + len(it.Summary) + 64
	for _, s := range it.Authors {
		size += len(s) + 1
	}
	for _, s := range it.Categories {
		size += len(s) + 1
	}
	buf = slices.Grow(buf[:0], size)
	field := func(s string) {
		buf = strconv.AppendInt(buf, int64(len(s)), 10)
		buf = append(buf, ':')
		buf = append(buf, s...)
	}
	field(it.Title)
	field(it.Link)
	field(it.ContentHTML)
	field(it.Summary)
	field(strings.Join(it.Authors, "\x1f"))
	field(strings.Join(it.Categories, "\x1f"))
	for _, e := range it.Enclosures {
		field(e.URL + "\x1f" + e.Type + "\x1f" + strconv.FormatInt(e.Length, 10))
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:]), buf
}
