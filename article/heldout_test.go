package article

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"newsdesk"
	"newsdesk/fetcher"
)

// heldoutSets are the sets written and committed before they were first
// scored, each against the rules of its time (its README has the first
// figures and the commit they were measured on).
var heldoutSets = []string{"testdata/heldout", "testdata/heldout2", "testdata/heldout3", "testdata/heldout4", "testdata/heldout5", "testdata/heldout6", "testdata/heldout7", "testdata/heldout8", "testdata/heldout9", "testdata/heldout10", "testdata/heldout11", "testdata/heldout12"}

// measuredSets are held-out sets scored once and not tuned on: their
// figures are pinned as measured (a change of the rules that moves them
// shows), but the targets are not asserted, their failures being known
// and left (see each set's README).
var measuredSets = []string{"testdata/heldout13", "testdata/heldout14", "testdata/heldout15", "testdata/heldout16", "testdata/heldout17", "testdata/heldout18", "testdata/heldout19", "testdata/heldout20", "testdata/heldout21", "testdata/heldout22", "testdata/heldout23", "testdata/heldout24", "testdata/heldout25", "testdata/heldout27", "testdata/heldout26", "testdata/heldout29", "testdata/heldout30", "testdata/heldout28", "testdata/heldout31", "testdata/heldout32", "testdata/heldout34", "testdata/heldout33", "testdata/heldout35", "testdata/heldout36", "testdata/heldout37", "testdata/heldout38", "testdata/heldout39", "testdata/heldout40", "testdata/heldout41", "testdata/heldout42", "testdata/heldout43", "testdata/heldout44", "testdata/heldout45", "testdata/heldout46", "testdata/heldout47", "testdata/heldout48", "testdata/heldout49", "testdata/heldout50", "testdata/heldout51", "testdata/heldout52", "testdata/heldout53", "testdata/heldout54", "testdata/heldout55", "testdata/heldout56", "testdata/heldout57", "testdata/heldout58", "testdata/heldout59", "testdata/heldout60", "testdata/heldout61", "testdata/heldout62", "testdata/heldout63", "testdata/heldout64", "testdata/heldout65", "testdata/heldout66", "testdata/heldout67", "testdata/heldout68", "testdata/heldout69", "testdata/heldout70", "testdata/heldout71", "testdata/heldout72", "testdata/heldout73", "testdata/heldout74", "testdata/heldout75", "testdata/heldout76", "testdata/heldout77", "testdata/heldout78", "testdata/heldout79", "testdata/heldout80", "testdata/heldout81", "testdata/heldout82", "testdata/heldout83", "testdata/heldout84", "testdata/heldout85", "testdata/heldout86", "testdata/heldout87", "testdata/heldout88", "testdata/heldout89", "testdata/heldout90", "testdata/heldout91", "testdata/heldout92", "testdata/heldout93", "testdata/heldout94", "testdata/heldout95", "testdata/heldout97", "testdata/heldout96", "testdata/heldout98", "testdata/heldout99", "testdata/heldout100", "testdata/heldout101", "testdata/heldout105", "testdata/heldout106", "testdata/heldout107", "testdata/heldout102", "testdata/heldout103", "testdata/heldout104"}

// TestHeldoutLayouts publishes the pages of each held-out set through the
// pipeline, each alone on its site behind a summary-only feed, like
// TestUnseenLayouts. A page whose bytes are not UTF-8 is served as bare
// text/html, so only its <meta charset> tells its encoding. Targets: mean
// F1 >= 0.97, every page >= 0.9, no chrome left; the per-page figures are
// pinned in the set's scores.txt (-update rewrites it).
func TestHeldoutLayouts(t *testing.T) {
	for _, dir := range heldoutSets {
		t.Run(filepath.Base(dir), func(t *testing.T) { scoreHeldout(t, dir, true) })
	}
	for _, dir := range measuredSets {
		t.Run(filepath.Base(dir), func(t *testing.T) { scoreHeldout(t, dir, false) })
	}
}

// scoreHeldout scores the pages of dir and compares the figures with its
// scores.txt; targets says whether the quality targets are asserted too.
func scoreHeldout(t *testing.T, dir string, targets bool) {
	var b strings.Builder
	var sum float64
	pages := loadPages(t, dir)
	// The pages of one site (SITE-a-LANG, SITE-b-LANG, …) are served by one
	// loopback site behind one feed and fetched in one run, as a desk sees
	// a site's pages, so its per-site learning of recurring blocks has
	// something to learn from; a page alone on its site has nothing.
	var sites []string
	bySite := map[string][]labeled{}
	for _, l := range pages {
		if bySite[l.site] == nil {
			sites = append(sites, l.site)
		}
		bySite[l.site] = append(bySite[l.site], l)
	}
	texts := map[string]string{}
	for _, s := range sites {
		st := newSite(t)
		var items []feedItem
		for _, l := range bySite[s] {
			ct := ""
			if !utf8.Valid(l.html) {
				ct = "text/html"
			}
			st.page("/"+l.name, sitePage{body: l.html, contentType: ct})
			items = append(items, feedItem{title: l.name, link: st.url("/" + l.name), summary: "A line of summary."})
		}
		st.rss("/feed.rss", items)
		src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextAuto, Sections: []string{"s"}}
		w := newWorld(t, fetcherOpts(), section("s", src))
		w.fetch(src)
		got := w.items("s")
		for _, l := range bySite[s] {
			texts[l.name] = plain(got[st.url("/"+l.name)].ContentHTML)
		}
	}
	for _, l := range pages {
		text := texts[l.name]
		p, r, f1 := prf(text, l.gold)
		left := chromeLeft(text, l)
		t.Logf("%-22s P %.3f R %.3f F1 %.3f chrome left %q", l.name, p, r, f1, left)
		if testing.Verbose() && f1 < 0.999 {
			t.Logf("   extra:   %q", missing(l.gold, text))
			t.Logf("   missing: %q", missing(text, l.gold))
		}
		fmt.Fprintf(&b, "%s %.3f %.3f %.3f %d\n", l.name, p, r, f1, len(left))
		sum += f1
		if targets && f1 < 0.9 {
			t.Errorf("%s: F1 %.3f < 0.9 (P %.3f R %.3f)", l.name, f1, p, r)
		}
		if targets && len(left) > 0 {
			t.Errorf("%s: chrome left in the published text: %q", l.name, left)
		}
	}
	mean := sum / float64(len(pages))
	t.Logf("%s: %d pages, mean F1 %.4f", dir, len(pages), mean)
	if targets && mean < 0.97 {
		t.Errorf("mean F1 %.4f < 0.97", mean)
	}
	golden := dir + "/scores.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("figures changed (run with -update if intended):\n got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestHeldoutLabels checks the labels of the held-out sets (and of the blind
// fixtures) against their
// pages: every line of marked text and every chrome text is in the page's
// text, and no chrome text is in the marked text (a label that cannot be
// found would score nothing, one in both would be skipped).
func TestHeldoutLabels(t *testing.T) {
	var pages []labeled
	for _, dir := range append(append([]string{"testdata/blind"}, heldoutSets...), measuredSets...) {
		pages = append(pages, loadPages(t, dir)...)
	}
	for _, l := range pages {
		page, _, err := fetcher.DecodeHTML(l.html, "text/html")
		if err != nil {
			t.Fatal(err)
		}
		all := " " + strings.Join(words(plain(dropScripts(string(page)))), " ") + " "
		gold := " " + strings.Join(words(l.gold), " ") + " "
		for _, line := range strings.Split(l.gold, "\n") {
			if w := " " + strings.Join(words(line), " ") + " "; strings.TrimSpace(w) != "" && !strings.Contains(all, w) {
				t.Errorf("%s: marked line not in the page: %q", l.name, line)
			}
		}
		for _, c := range l.chrome {
			w := " " + strings.Join(words(c), " ") + " "
			if !strings.Contains(all, w) {
				t.Errorf("%s: chrome text not in the page: %q", l.name, c)
			}
			if strings.Contains(gold, w) {
				t.Errorf("%s: chrome text in the marked text: %q", l.name, c)
			}
		}
	}
}

// dropScripts removes script and style elements from a page, so their
// text does not count as the page's.
func dropScripts(page string) string {
	var b strings.Builder
	low := strings.ToLower(page)
	for i := 0; i < len(page); {
		j := strings.Index(low[i:], "<script")
		k := strings.Index(low[i:], "<style")
		if j < 0 || (k >= 0 && k < j) {
			j = k
		}
		if j < 0 {
			b.WriteString(page[i:])
			break
		}
		b.WriteString(page[i : i+j])
		tag := "</script>"
		if strings.HasPrefix(low[i+j:], "<style") {
			tag = "</style>"
		}
		e := strings.Index(low[i+j:], tag)
		if e < 0 {
			break
		}
		i += j + e + len(tag)
	}
	return b.String()
}
