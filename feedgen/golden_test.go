package feedgen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"newsdesk"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// renderers are the three feed formats, by file extension.
var renderers = []struct {
	ext    string
	render func(*newsdesk.Section, []newsdesk.Item, Options, PageLinks) ([]byte, error)
}{{"atom", Atom}, {"rss", RSS}, {"json", JSON}}

// goldenPage is the paging of each golden feed: world is a first page of
// two with an older page after it.
func goldenPage(opt Options, sec *newsdesk.Section, ext string, items []newsdesk.Item) ([]newsdesk.Item, PageLinks) {
	if sec.ID != "world" {
		return items, PageLinks{}
	}
	return items[:2], PageLinks{Next: opt.pageURL(sec.ID, ext, 2, formatPage(&newsdesk.Page{Before: ptr(newsdesk.ItemCursor(&items[1]))}), 2)}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -run TestGolden -update and review the diff)\ngot:\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	opt := testOptions()
	data := testItems()
	for _, sec := range testSections() {
		for _, r := range renderers {
			name := sec.ID + "." + r.ext
			t.Run(name, func(t *testing.T) {
				items, page := goldenPage(opt, &sec, r.ext, data[sec.ID])
				got, err := r.render(&sec, items, opt, page)
				if err != nil {
					t.Fatal(err)
				}
				checkGolden(t, name, got)
			})
		}
	}
	t.Run("sections.opml", func(t *testing.T) {
		got, err := OPML(testSections(), opt)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "sections.opml", got)
	})
}

func ptr[T any](v T) *T { return &v }
