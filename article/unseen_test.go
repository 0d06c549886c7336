package article

import (
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"newsdesk"
)

var tunedOnly = flag.Bool("tuned-only", false, "TestUnseenLayouts: show the tuned half only, assert nothing (for tuning without seeing the held-out half)")

// loadUnseen reads the hand-written pages of testdata/unseen: each a
// layout of its own, none generated from the labeled set's templates. The
// held-out half was fixed before any rule was tuned on them: the pages
// ranked by the FNV-1a hash of their name, every second one held out.
func loadUnseen(t testing.TB) []labeled {
	t.Helper()
	out := loadPages(t, "testdata/unseen")
	hash := func(s string) uint32 { h := fnv.New32a(); h.Write([]byte(s)); return h.Sum32() }
	sort.Slice(out, func(i, j int) bool { return hash(out[i].name) < hash(out[j].name) })
	for i := range out {
		out[i].held = i%2 == 1
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// loadPages reads the pages of dir: each .html with its marked text (.txt)
// and its furniture (.chrome), in name order.
func loadPages(t testing.TB, dir string) []labeled {
	t.Helper()
	files, err := filepath.Glob(dir + "/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no unseen pages: %v", err)
	}
	var out []labeled
	for _, f := range files {
		base := strings.TrimSuffix(f, ".html")
		name := filepath.Base(base)
		page, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := os.ReadFile(base + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		chrome, err := os.ReadFile(base + ".chrome")
		if err != nil {
			t.Fatal(err)
		}
		l := labeled{name: name, site: siteOfPage(name), html: page, gold: string(gold)}
		for _, c := range strings.Split(string(chrome), "\n") {
			if c = strings.TrimSpace(c); c != "" {
				l.chrome = append(l.chrome, c)
			}
		}
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// samePage names the pages of one site: SITE-a-LANG, SITE-b-LANG, …
var samePage = regexp.MustCompile(`^(.+)-[a-z]-([a-z]{2})$`)

// siteOfPage is the site of a hand-written page: SITE-LANG for the pages
// named SITE-x-LANG (several pages of one template), else the page alone.
func siteOfPage(name string) string {
	if m := samePage.FindStringSubmatch(name); m != nil {
		return m[1] + "-" + m[2]
	}
	return name
}

// TestUnseenLayouts publishes the hand-written pages through the
// pipeline, each alone on its site behind a summary-only feed (so the
// per-site learning of recurring blocks has nothing to learn from), and
// scores them against their marked text: testdata/unseen, its tuned and
// held-out halves, and testdata/blind, pages written after the held-out
// half had been scored once. Targets over all of them: mean F1 >= 0.97,
// every page >= 0.9, no chrome left. The per-page figures are pinned in
// testdata/unseen/scores.txt (-update rewrites it).
func TestUnseenLayouts(t *testing.T) {
	var b strings.Builder
	groups := []string{"tuned", "held", "blind"}
	var sum [3]float64
	var n [3]int
	pages := loadUnseen(t)
	for _, l := range loadPages(t, "testdata/blind") {
		l.site = "blind"
		pages = append(pages, l)
	}
	for _, l := range pages {
		g := 0
		switch {
		case l.site == "blind":
			g = 2
		case l.held:
			g = 1
		}
		if *tunedOnly && g != 0 {
			continue
		}
		st := newSite(t)
		st.page("/"+l.name, sitePage{body: l.html})
		st.rss("/feed.rss", []feedItem{{title: l.name, link: st.url("/" + l.name), summary: "A line of summary."}})
		src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextAuto, Sections: []string{"s"}}
		w := newWorld(t, fetcherOpts(), section("s", src))
		w.fetch(src)
		text := plain(w.items("s")[st.url("/"+l.name)].ContentHTML)
		p, r, f1 := prf(text, l.gold)
		left := chromeLeft(text, l)
		t.Logf("%-15s %-5s P %.3f R %.3f F1 %.3f chrome left %q", l.name, groups[g], p, r, f1, left)
		fmt.Fprintf(&b, "%s %s %.3f %.3f %.3f %d\n", l.name, groups[g], p, r, f1, len(left))
		sum[g] += f1
		n[g]++
		if *tunedOnly {
			continue
		}
		if f1 < 0.9 {
			t.Errorf("%s: F1 %.3f < 0.9 (P %.3f R %.3f)", l.name, f1, p, r)
		}
		if len(left) > 0 {
			t.Errorf("%s: chrome left in the published text: %q", l.name, left)
		}
	}
	for g, label := range []string{"tuned", "held out", "blind"} {
		if n[g] > 0 {
			t.Logf("%s: %d pages, mean F1 %.4f", label, n[g], sum[g]/float64(n[g]))
		}
	}
	all := (sum[0] + sum[1] + sum[2]) / float64(n[0]+n[1]+n[2])
	t.Logf("all: %d pages, mean F1 %.4f", n[0]+n[1]+n[2], all)
	if *tunedOnly {
		return
	}
	if all < 0.97 {
		t.Errorf("mean F1 %.4f < 0.97", all)
	}
	const golden = "testdata/unseen/scores.txt"
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
