package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/fetcher"
	"newsdesk/storage"
)

// TestOneStoryThreeSources runs real fixture feeds through fetch, normalize
// and storage: the same story from three sources — the same URL, the URL
// with tracking parameters (in an undeclared windows-1252 feed), and
// retold by an agency under another URL and headline — is one item with
// two related reports, while look-alike stories on the same subject stay
// apart. explain names every decision.
func TestOneStoryThreeSources(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir("testdata")))
	defer srv.Close()
	now := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	db := storage.New(filepath.Join(t.TempDir(), "c.db"))
	db.Now = func() time.Time { return now }
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	urls := []string{srv.URL + "/social-latin1.rss", srv.URL + "/hebdo-cp1252.rss", srv.URL + "/agence.atom"}
	sec := newsdesk.Section{ID: "social", Title: "Social", Language: "fr", Limit: 50}
	for _, u := range urls {
		sec.Sources = append(sec.Sources, newsdesk.SectionSource{URL: u})
	}
	db.SetSections([]newsdesk.Section{sec})
	f := fetcher.New(fetcher.Options{Now: func() time.Time { return now }})
	defer f.Close()
	desk := &Desk{Fetcher: f, Store: db, Now: func() time.Time { return now }}
	for _, u := range urls {
		rep := desk.FetchSource(context.Background(), newsdesk.Source{URL: u, Sections: []string{"social"}}, false)
		if rep.Err != nil {
			t.Fatalf("fetch %s: %v", u, rep.Err)
		}
	}
	items, err := db.SectionItems(context.Background(), "social", newsdesk.Page{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range items {
		titles = append(titles, it.Title)
	}
	want := []string{
		"Assurance chômage : la réforme définitivement adoptée",
		"Intermittents : le Sénat rejette l’amendement sur l’assurance chômage",
		"Formation des seniors : la ministre ouvre la concertation",
	}
	if strings.Join(titles, "\n") != strings.Join(want, "\n") {
		t.Fatalf("section titles:\n%s\nwant:\n%s", strings.Join(titles, "\n"), strings.Join(want, "\n"))
	}
	story := items[0]
	if len(story.Related) != 2 {
		t.Fatalf("story has %d related reports, want 2: %+v", len(story.Related), story.Related)
	}
	var related []string
	for _, r := range story.Related {
		related = append(related, r.SourceTitle+" | "+r.Title+" | "+r.Link)
	}
	got := strings.Join(related, "\n")
	for _, w := range []string{
		"Hebdo Éco | Chômage : le Parlement vote la réforme | http://127.0.0.1/social/reforme-chomage-adoptee.html",
		"Agence Dépêches | Le Parlement adopte la réforme de l’indemnisation des chômeurs | http://127.0.0.1/agence/depeche-9001",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("related lacks %q; has:\n%s", w, got)
		}
	}
	ds, err := db.Explain(context.Background(), "social", 50)
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, d := range ds {
		reasons[d.Title] = d.State + " " + d.Reason
	}
	if r := reasons["Chômage : le Parlement vote la réforme"]; !strings.HasPrefix(r, "duplicate duplicate of #") || !strings.Contains(r, "same link") {
		t.Errorf("tracking-parameter copy: %q", r)
	}
	if r := reasons["Le Parlement adopte la réforme de l’indemnisation des chômeurs"]; !strings.Contains(r, "near-duplicate text") {
		t.Errorf("retold story: %q", r)
	}
}
