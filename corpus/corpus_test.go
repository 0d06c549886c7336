// Package corpus_test runs the producer corpus (feeds/, expect/, written by
// generate.py) through newsdesk as a user would: each feed is served over
// loopback HTTP, fetched, normalized and stored in its own section, and
// the section's JSON Feed must hold exactly the items written down in
// expect/ — count, titles, links and dates. feedparser_reference.py runs
// Debian's python3-feedparser over the same files as a reference.
package corpus_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/feedgen"
	"newsdesk/fetcher"
	"newsdesk/ingest"
	"newsdesk/storage"
)

// fetchTime is generate.py's NOW: "first-seen" dates are this time.
var fetchTime = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

type expectation struct {
	File        string `json:"file"`
	ContentType string `json:"content_type"`
	Count       int    `json:"count"`
	Items       []struct {
		Title     string `json:"title"`
		Link      string `json:"link"`
		Published string `json:"published"`
	} `json:"items"`
	Note string `json:"note"`
}

func loadExpectations(t *testing.T, dir string) []expectation {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "expect", "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no expectations: %v", err)
	}
	var out []expectation
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var e expectation
		if err := json.Unmarshal(b, &e); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if e.Count != len(e.Items) {
			t.Fatalf("%s: count %d but %d items", p, e.Count, len(e.Items))
		}
		out = append(out, e)
	}
	return out
}

// TestProducerCorpus is the corpus check: for every feed, newsdesk
// publishes exactly the expected items.
func TestProducerCorpus(t *testing.T) {
	exps := loadExpectations(t, ".")
	if len(exps) < 120 {
		t.Fatalf("%d feeds in the corpus, want at least 120", len(exps))
	}
	runCorpus(t, ".", exps)
}

// TestHeldOutCorpus checks the hand-written feeds of heldout/: other
// producers and quirks (Medium, Tumblr, Reddit, Hacker News, a regional
// paper in Latin-1 with windows-1252 bytes, escaped generics in html
// titles…), written after the code and never used to tune it.
func TestHeldOutCorpus(t *testing.T) {
	runCorpus(t, "heldout", loadExpectations(t, "heldout"))
}

func runCorpus(t *testing.T, dir string, exps []expectation) {
	bodies := map[string][]byte{}
	types := map[string]string{}
	for _, e := range exps {
		b, err := os.ReadFile(filepath.Join(dir, "feeds", e.File))
		if err != nil {
			t.Fatal(err)
		}
		bodies["/"+e.File], types["/"+e.File] = b, e.ContentType
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := bodies[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", types[r.URL.Path])
		w.Write(b)
	}))
	defer srv.Close()

	db := storage.New(filepath.Join(t.TempDir(), "corpus.db"))
	db.Now = func() time.Time { return fetchTime }
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var sections []newsdesk.Section
	for i, e := range exps {
		sections = append(sections, newsdesk.Section{ID: fmt.Sprintf("s%03d", i), Title: e.File, Limit: 500,
			Sources: []newsdesk.SectionSource{{URL: srv.URL + "/" + e.File}}})
	}
	db.SetSections(sections)
	f := fetcher.New(fetcher.Options{Now: func() time.Time { return fetchTime }})
	defer f.Close()
	desk := &ingest.Desk{Fetcher: f, Store: db, Now: func() time.Time { return fetchTime }}

	opt := feedgen.Options{BaseURL: "http://127.0.0.1:8080"}
	failed, items := 0, 0
	byFamily := map[string][2]int{} // family → feeds, feeds right
	for i, e := range exps {
		sec := &sections[i]
		rep := desk.FetchSource(context.Background(), newsdesk.Source{URL: sec.Sources[0].URL, Sections: []string{sec.ID}}, false)
		got, err := published(db, sec, opt)
		if err == nil && rep.Err != nil && e.Count > 0 {
			err = rep.Err
		}
		var problems []string
		if err != nil {
			problems = append(problems, err.Error())
		}
		problems = append(problems, compare(e, got)...)
		family := familyOf(e.File)
		c := byFamily[family]
		c[0]++
		if len(problems) == 0 {
			c[1]++
		} else {
			failed++
			t.Errorf("%s (%s):\n  %s", e.File, e.Note, strings.Join(problems, "\n  "))
		}
		byFamily[family] = c
		items += e.Count
	}
	var fams []string
	for k := range byFamily {
		fams = append(fams, k)
	}
	slices.Sort(fams)
	var b strings.Builder
	for _, k := range fams {
		fmt.Fprintf(&b, "%s %d/%d, ", k, byFamily[k][1], byFamily[k][0])
	}
	t.Logf("%d feeds, %d expected items; %d feeds right; by family: %s", len(exps), items, len(exps)-failed, strings.TrimSuffix(b.String(), ", "))
}

// familyOf is a fixture's family: its name without number and variant.
func familyOf(file string) string {
	name := strings.TrimSuffix(file[4:], filepath.Ext(file))
	for _, p := range []string{"encoding", "jsonfeed-mistake", "newscms", "wordpress", "jsonfeed"} {
		if strings.HasPrefix(name, p) {
			return p
		}
	}
	return name
}

type publishedItem struct{ Title, Link, Published string }

// published renders the section's JSON Feed and reads its items back.
func published(db *storage.DB, sec *newsdesk.Section, opt feedgen.Options) ([]publishedItem, error) {
	items, _, err := db.SectionPage(context.Background(), sec.ID, newsdesk.Page{Limit: 500})
	if err != nil {
		return nil, err
	}
	body, err := feedgen.JSON(sec, items, opt, feedgen.PageLinks{})
	if err != nil {
		return nil, err
	}
	var doc struct {
		Items []struct {
			Title         string `json:"title"`
			URL           string `json:"url"`
			DatePublished string `json:"date_published"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, err
	}
	var out []publishedItem
	for _, it := range doc.Items {
		out = append(out, publishedItem{it.Title, it.URL, it.DatePublished})
	}
	return out, nil
}

// compare lists the differences between what was expected and published.
func compare(e expectation, got []publishedItem) []string {
	want := map[publishedItem]int{}
	for _, it := range e.Items {
		p := it.Published
		if p == "first-seen" {
			p = fetchTime.Format(time.RFC3339)
		}
		want[publishedItem{it.Title, it.Link, p}]++
	}
	var problems []string
	if len(got) != e.Count {
		problems = append(problems, fmt.Sprintf("%d items published, want %d", len(got), e.Count))
	}
	have := map[publishedItem]int{}
	for _, g := range got {
		have[g]++
	}
	for w, n := range want {
		if have[w] < n {
			problems = append(problems, fmt.Sprintf("missing %q %q %s", w.Title, w.Link, w.Published))
		}
	}
	for g, n := range have {
		if want[g] < n {
			problems = append(problems, fmt.Sprintf("unexpected %q %q %s", g.Title, g.Link, g.Published))
		}
	}
	slices.Sort(problems)
	return problems
}
