package article

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"newsdesk"
)

// TestUnseenLayouts publishes the pages of testdata/unseen (layouts the
// labeled set has none of, written after the rules were settled and not
// used to tune them) through the pipeline, each alone on its site, and
// logs their figures. They are pinned in testdata/unseen/scores.txt
// (-update rewrites it): a change shows, but no target is asserted on
// pages nothing was tuned for.
func TestUnseenLayouts(t *testing.T) {
	files, err := filepath.Glob("testdata/unseen/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no unseen pages: %v", err)
	}
	sort.Strings(files)
	var b strings.Builder
	for _, f := range files {
		base := strings.TrimSuffix(f, ".html")
		name := filepath.Base(base)
		page, _ := os.ReadFile(f)
		gold, _ := os.ReadFile(base + ".txt")
		chrome, _ := os.ReadFile(base + ".chrome")
		l := labeled{name: name, gold: string(gold)}
		for _, c := range strings.Split(string(chrome), "\n") {
			if c = strings.TrimSpace(c); c != "" {
				l.chrome = append(l.chrome, c)
			}
		}
		st := newSite(t)
		st.page("/"+name, sitePage{body: page})
		st.rss("/feed.rss", []feedItem{{title: name, link: st.url("/" + name), summary: "A line of summary."}})
		src := newsdesk.Source{URL: st.url("/feed.rss"), FullText: newsdesk.FullTextAuto, Sections: []string{"s"}}
		w := newWorld(t, fetcherOpts(), section("s", src))
		w.fetch(src)
		text := plain(w.items("s")[st.url("/"+name)].ContentHTML)
		p, r, f1 := prf(text, l.gold)
		left := chromeLeft(text, l)
		t.Logf("%-14s P %.3f R %.3f F1 %.3f chrome left %q", name, p, r, f1, left)
		fmt.Fprintf(&b, "%s %.3f %.3f %.3f %d\n", name, p, r, f1, len(left))
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
