package opml

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"newsdesk"
	"newsdesk/config"
)

const sampleConfig = `# My desk
listen: 127.0.0.1:8080
sections:
  - id: politique   # the politics desk
    title: Politique
    sources:
      - https://existing.example/feed.xml   # keep this comment
      - url: https://other.example/a.rss
        title: Other
        # a comment inside the last entry
  - id: sport
    sources:
      - https://sport.example/rss
`

func TestImportIntoConfigKeepsComments(t *testing.T) {
	f, err := os.Open("testdata/reader-export.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	feeds, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(feeds), 3; got != want {
		t.Fatalf("parsed %d feeds, want %d: %+v", got, want, feeds)
	}
	if got, want := feeds[1].Title, "Agence & Dépêches"; got != want {
		t.Fatalf("title = %q, want %q", got, want)
	}
	out, added, err := Insert([]byte(sampleConfig), "politique", feeds)
	if err != nil {
		t.Fatal(err)
	}
	if added != 2 {
		t.Fatalf("added %d, want 2 (one was already listed)", added)
	}
	text := string(out)
	for _, keep := range []string{"# My desk", "# the politics desk", "# keep this comment", "# a comment inside the last entry"} {
		if !strings.Contains(text, keep) {
			t.Errorf("comment %q lost:\n%s", keep, text)
		}
	}
	cfg, err := config.Parse(out, "config.yaml")
	if err != nil {
		t.Fatalf("config after import does not load: %v\n%s", err, text)
	}
	sec := cfg.Section("politique")
	var urls []string
	for _, s := range sec.Sources {
		urls = append(urls, s.URL)
	}
	want := "https://existing.example/feed.xml https://other.example/a.rss https://quotidien.example/politique/rss.xml https://agence.example/depeches.atom"
	if got := strings.Join(urls, " "); got != want {
		t.Fatalf("sources = %s\nwant      %s", got, want)
	}
	if got := sec.Sources[3].Title; got != "Agence & Dépêches" {
		t.Fatalf("imported title = %q", got)
	}
	if n := len(cfg.Section("sport").Sources); n != 1 {
		t.Fatalf("sport has %d sources, want 1", n)
	}
	// Importing again adds nothing and changes nothing.
	again, added, err := Insert(out, "politique", feeds)
	if err != nil || added != 0 || !bytes.Equal(again, out) {
		t.Fatalf("second import: added %d, err %v, changed %v", added, err, !bytes.Equal(again, out))
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	secs := []newsdesk.Section{
		{ID: "a", Title: "A & B", Sources: []newsdesk.SectionSource{{URL: "https://a.example/rss?x=1&y=2", Title: "Ä"}, {URL: "https://b.example/atom"}}},
		{ID: "c", Title: "C", Sources: []newsdesk.SectionSource{{URL: "https://c.example/feed.json", Title: "C <feed>"}}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "newsdesk sources", secs); err != nil {
		t.Fatal(err)
	}
	feeds, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range feeds {
		got = append(got, f.XMLURL+"|"+f.Title)
	}
	want := "https://a.example/rss?x=1&y=2|Ä https://b.example/atom|https://b.example/atom https://c.example/feed.json|C <feed>"
	if strings.Join(got, " ") != want {
		t.Fatalf("round trip = %v\nwant %s", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for name, in := range map[string]string{
		"not xml":  "hello",
		"no feeds": `<opml version="2.0"><body><outline text="x"/></body></opml>`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(in))
			if err == nil {
				t.Fatal("no error")
			}
			if name == "no feeds" && !errors.Is(err, ErrNoFeeds) {
				t.Fatalf("err = %v, want ErrNoFeeds", err)
			}
		})
	}
	if _, _, err := Insert([]byte(sampleConfig), "missing", nil); err == nil || !strings.Contains(err.Error(), `no section "missing"`) {
		t.Fatalf("insert into missing section: %v", err)
	}
}
