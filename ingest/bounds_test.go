package ingest

import (
	"context"
	"database/sql"
	"fmt"
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

// rssOf returns an RSS document of n items, the first with a title of
// titleRunes characters.
func rssOf(n, titleRunes int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bounds</title><link>http://127.0.0.1/</link>`)
	for i := range n {
		title := fmt.Sprintf("Story %d", i)
		if i == 0 && titleRunes > 0 {
			title = strings.Repeat("long ", titleRunes/5)
		}
		fmt.Fprintf(&b, "<item><title>%s</title><link>http://127.0.0.1/s/%d</link><guid>g%d</guid></item>", title, i, i)
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func boundsDesk(t *testing.T, body func() string, maxItems int) (*Desk, *storage.DB, newsdesk.Source) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body())
	}))
	t.Cleanup(srv.Close)
	db := storage.New(filepath.Join(t.TempDir(), "b.db"))
	db.BusyTimeout = 100 * time.Millisecond
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	src := newsdesk.Source{URL: srv.URL + "/feed.rss", Sections: []string{"news"}}
	db.SetSections([]newsdesk.Section{{ID: "news", Limit: 50, Sources: []newsdesk.SectionSource{{URL: src.URL}}}})
	f := fetcher.New(fetcher.Options{MaxItems: maxItems})
	t.Cleanup(f.Close)
	return &Desk{Fetcher: f, Store: db}, db, src
}

// TestTruncatedFetchRecorded: a document over fetch.max_items is stored
// up to the bound and the source says it was truncated; the next document
// within the bound clears it.
func TestTruncatedFetchRecorded(t *testing.T) {
	ctx := context.Background()
	n := 30
	desk, db, src := boundsDesk(t, func() string { return rssOf(n, 0) }, 10)
	rep := desk.FetchSource(ctx, src, false)
	if rep.Err != nil || rep.Items != 10 || !strings.Contains(rep.Truncated, "30 entries, only the first 10") {
		t.Fatalf("report: err %v, items %d, truncated %q", rep.Err, rep.Items, rep.Truncated)
	}
	st, err := db.SourceState(ctx, src.URL)
	if err != nil {
		t.Fatal(err)
	}
	if st.ItemsStored != 10 || st.Warning != rep.Truncated || st.Error != "" || st.ConsecutiveErrors != 0 {
		t.Fatalf("state: %d items, warning %q, error %q, streak %d", st.ItemsStored, st.Warning, st.Error, st.ConsecutiveErrors)
	}
	n = 5
	if rep := desk.FetchSource(ctx, src, true); rep.Err != nil || rep.Truncated != "" {
		t.Fatalf("second fetch: %v, %q", rep.Err, rep.Truncated)
	}
	if st, _ := db.SourceState(ctx, src.URL); st.Warning != "" {
		t.Fatalf("warning %q kept after a document within the bound", st.Warning)
	}
}

// TestCappedItemNoted: an item cut to the field caps is stored cut, with a
// note for explain.
func TestCappedItemNoted(t *testing.T) {
	ctx := context.Background()
	desk, db, src := boundsDesk(t, func() string { return rssOf(3, 100000) }, 0)
	if rep := desk.FetchSource(ctx, src, false); rep.Err != nil {
		t.Fatal(rep.Err)
	}
	ds, err := db.Explain(ctx, "news", 10)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(ds))
	for i, d := range ds {
		ids[i] = d.ItemID
	}
	notes, err := db.ItemNotes(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	var capped int
	for _, d := range ds {
		if n := notes[d.ItemID]; n != "" {
			capped++
			if !strings.Contains(n, "title cut from") || len([]rune(d.Title)) > 500 {
				t.Errorf("item %q: note %q", d.Title[:20], n)
			}
		}
	}
	if capped != 1 {
		t.Fatalf("%d items noted as capped, want 1", capped)
	}
}

// TestStoreFailureRecordedAgainstSource: while another program holds the
// database, the fetch fails; the source shows the error in words, its
// streak and a next attempt in the future (not 0001-01-01); once the lock
// is released the next fetch stores and clears them.
func TestStoreFailureRecordedAgainstSource(t *testing.T) {
	ctx := context.Background()
	desk, db, src := boundsDesk(t, func() string { return rssOf(3, 0) }, 0)
	now := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	desk.Now = func() time.Time { return now }

	other, err := sql.Open("sqlite", "file:"+db.Path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	rep := desk.FetchSource(ctx, src, false)
	if rep.Err == nil {
		t.Fatal("fetch stored while the database was locked")
	}
	if !rep.Next.After(now) {
		t.Fatalf("next attempt %s, want after %s", rep.Next, now)
	}
	f, ok := desk.StoreFailures()[src.URL]
	if !ok || f.ConsecutiveErrors != 1 || f.Error != "storage failed: the database is locked by another program" || !f.NextAttempt.Equal(rep.Next) {
		t.Fatalf("recorded failure: %v %+v", ok, f)
	}
	// Within the backoff the source is not fetched again.
	if rep := desk.FetchSource(ctx, src, false); rep.Skipped == "" {
		t.Fatalf("fetched again within the backoff: %+v", rep)
	}
	now = rep.Next.Add(time.Second)
	rep = desk.FetchSource(ctx, src, false)
	if f := desk.StoreFailures()[src.URL]; rep.Err == nil || f.ConsecutiveErrors != 2 {
		t.Fatalf("second failure: err %v, streak %d", rep.Err, f.ConsecutiveErrors)
	}

	lock.ExecContext(ctx, "ROLLBACK")
	lock.Close()
	now = now.Add(time.Hour)
	if rep := desk.FetchSource(ctx, src, false); rep.Err != nil {
		t.Fatalf("fetch after the lock: %v", rep.Err)
	}
	if _, ok := desk.StoreFailures()[src.URL]; ok {
		t.Fatal("failure kept after a stored fetch")
	}
	st, _ := db.SourceState(ctx, src.URL)
	if st.ConsecutiveErrors != 0 || st.Error != "" || st.ItemsStored != 3 {
		t.Fatalf("state after recovery: %+v", st)
	}
}
