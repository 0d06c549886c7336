package feedgen

import (
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

func TestExport(t *testing.T) {
	dir := t.TempDir()
	store := pagingStore(testItems)
	opt := testOptions()
	if err := Export(context.Background(), store, testSections(), opt, dir); err != nil {
		t.Fatal(err)
	}
	parser := gofeed.NewParser()
	for _, sec := range testSections() {
		for _, ext := range []string{"atom", "rss", "json"} {
			t.Run(sec.ID+"."+ext, func(t *testing.T) {
				f, err := os.Open(filepath.Join(dir, "feeds", sec.ID+"."+ext))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				feed, err := parser.Parse(f)
				if err != nil {
					t.Fatalf("gofeed: %v", err)
				}
				if got, want := feed.FeedType, map[string]string{"atom": "atom", "rss": "rss", "json": "json"}[ext]; got != want {
					t.Errorf("feed type = %q, want %q", got, want)
				}
				if got, want := feed.Title, sectionTitle(&sec); got != want {
					t.Errorf("title = %q, want %q", got, want)
				}
				items := testItems()[sec.ID]
				items = items[:min(len(items), sectionLimit(&sec))]
				if got, want := len(feed.Items), len(items); got != want {
					t.Fatalf("items = %d, want %d", got, want)
				}
				for i, it := range feed.Items {
					if got, want := it.GUID, items[i].OutputID(); got != want {
						t.Errorf("item %d id = %q, want %q", i, got, want)
					}
				}
			})
		}
	}
	var opml struct {
		Outlines []struct {
			Text string `xml:"text,attr"`
		} `xml:"body>outline"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "feeds.opml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, &opml); err != nil {
		t.Fatal(err)
	}
	if got, want := len(opml.Outlines), len(testSections()); got != want {
		t.Errorf("OPML outlines = %d, want %d", got, want)
	}
	for _, name := range []string{"index.html", "feed.xsl", "static/style.css", "sections/world/index.html"} {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %d bytes, %v", name, len(b), err)
		}
	}
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Exporting again replaces the files in place.
	if err := Export(context.Background(), store, testSections(), opt, dir); err != nil {
		t.Fatalf("second export: %v", err)
	}
}

func TestExportRejectsUnsafeID(t *testing.T) {
	secs := testSections()
	secs[0].ID = "../escape"
	err := Export(context.Background(), pagingStore(testItems), secs, testOptions(), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "section id") {
		t.Errorf("err = %v, want a section id error", err)
	}
}
