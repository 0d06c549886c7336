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

// identityKey returns the key of an item: its guid, else its canonical
// link, else a digest of its title and plain content.
func identityKey(it *newsdesk.Item, plainContent string, useGUID bool) string {
	switch {
	case useGUID && it.GUID != "":
		return "guid:" + it.GUID
	case it.CanonicalLink != "":
		return "link:" + it.CanonicalLink
	}
	sum := sha256.Sum256([]byte(it.Title + "\n" + plainContent))
	return "hash:" + hex.EncodeToString(sum[:])[:32]
}

// maxGUIDWarnings is how many reused guids are named one by one; the rest
// are counted in one more warning.
const maxGUIDWarnings = 3

// assignKeys sets the identity key of every item. A guid that one feed
// document gives to items with different links identifies none of them:
// those items get link identity and a warning names the guid. Items whose
// key repeats an earlier item's are dropped with a warning.
func assignKeys(items []newsdesk.Item, plain []string) ([]newsdesk.Item, []string) {
	var warnings []string
	byGUID := map[string][]int{}
	var order []string
	for i := range items {
		g := items[i].GUID
		if g == "" {
			continue
		}
		if _, ok := byGUID[g]; !ok {
			order = append(order, g)
		}
		byGUID[g] = append(byGUID[g], i)
	}
	reused := map[int]bool{}
	reusedGUIDs := 0
	for _, g := range order {
		idx := byGUID[g]
		links := map[string]bool{}
		for _, i := range idx {
			links[items[i].CanonicalLink] = true
		}
		if len(idx) < 2 || len(links) < 2 {
			continue
		}
		for _, i := range idx {
			reused[i] = true
		}
		if reusedGUIDs++; reusedGUIDs <= maxGUIDWarnings {
			warnings = append(warnings, fmt.Sprintf("guid %q is used by %d items with different links; using their links as identity", g, len(idx)))
		}
	}
	if reusedGUIDs > maxGUIDWarnings {
		warnings = append(warnings, fmt.Sprintf("%d more guids are used by items with different links; using their links as identity", reusedGUIDs-maxGUIDWarnings))
	}
	out := items[:0]
	first := map[string]int{}
	var repeats tally
	var firstRepeat string
	for i := range items {
		it := items[i]
		it.Key = identityKey(&it, plain[i], !reused[i])
		if j, ok := first[it.Key]; ok {
			if repeats.n == 0 {
				firstRepeat = fmt.Sprintf("item %d repeats the identity %q of item %d", i+1, it.Key, j+1)
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
		warnings = append(warnings, fmt.Sprintf("%d items dropped: they repeat an earlier item's identity; first: %s", repeats.n, firstRepeat))
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
