package storage

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// retold returns story s of benchItems told again by another source: the
// same dispatch text, another key, link and headline.
func retold(s newsdesk.Item, key string) newsdesk.Item {
	r := s
	r.Key, r.GUID = "guid:"+key, key
	r.Link = "http://127.0.0.1/other/" + key + ".html"
	r.CanonicalLink = r.Link
	r.Title = "Autre titre pour " + key
	r.ContentHash = "h-" + key
	return r
}

// openAt opens the database file at path with the test clock c.
func openAt(t *testing.T, path string, c *clock, sections ...newsdesk.Section) *DB {
	t.Helper()
	db := New(path)
	db.Now = c.now
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetSections(sections)
	return db
}

// TestNearDuplicateIndex follows the in-memory index through what can
// happen to the file under it: a reopen, another process writing, a
// rolled-back transaction, retention, and stories older than the horizon.
func TestNearDuplicateIndex(t *testing.T) {
	const a, b = "http://127.0.0.1/a", "http://127.0.0.1/b"
	sec := section("news", a, b)
	story := benchItems(1, 1)[0]
	story.Published = t0

	tests := []struct {
		name string
		run  func(t *testing.T, path string, c *clock) Outcome
		dup  int // duplicates the retelling is counted as
	}{
		{"after reopening the file", func(t *testing.T, path string, c *clock) Outcome {
			db := openAt(t, path, c, sec)
			save(t, db, source(a, "news"), story)
			db.Close()
			db = openAt(t, path, c, sec)
			if got := db.NearIndexItems(); got != 1 {
				t.Errorf("index holds %d items after reopening, want 1", got)
			}
			return save(t, db, source(b, "news"), retold(story, "r"))
		}, 1},
		{"stored by another process", func(t *testing.T, path string, c *clock) Outcome {
			writer := openAt(t, path, c, sec)
			other := openAt(t, path, c, sec) // opened before the story is stored
			save(t, writer, source(a, "news"), story)
			return save(t, other, source(b, "news"), retold(story, "r"))
		}, 1},
		{"rolled back", func(t *testing.T, path string, c *clock) Outcome {
			db := openAt(t, path, c, sec)
			// The transaction fails after the story was filed, when the
			// section's version is bumped.
			if _, err := db.w.Exec(`CREATE TRIGGER fail BEFORE INSERT ON section_versions
				BEGIN SELECT RAISE(ABORT, 'injected failure'); END`); err != nil {
				t.Fatal(err)
			}
			if _, err := db.SaveFetch(context.Background(), Fetch{Source: source(a, "news"), Items: []newsdesk.Item{story}}); err == nil || !strings.Contains(err.Error(), "injected failure") {
				t.Fatalf("SaveFetch = %v, want the injected failure", err)
			}
			if _, err := db.w.Exec(`DROP TRIGGER fail`); err != nil {
				t.Fatal(err)
			}
			if got := db.near.sections["news"].Len(); got != 0 {
				t.Errorf("index holds %d items after a rollback, want 0", got)
			}
			return save(t, db, source(b, "news"), retold(story, "r"))
		}, 0},
		{"pruned", func(t *testing.T, path string, c *clock) Outcome {
			db := openAt(t, path, c, sec)
			save(t, db, source(a, "news"), story)
			c.t = t0.Add(2 * time.Hour)
			if n, err := db.Prune(context.Background(), time.Hour, 0); err != nil || n != 1 {
				t.Fatalf("Prune = %d, %v; want 1 removed", n, err)
			}
			// The index still lists the story; its row is gone.
			if got := db.near.sections["news"].Len(); got != 1 {
				t.Errorf("index holds %d items, want 1", got)
			}
			return save(t, db, source(b, "news"), retold(story, "r"))
		}, 0},
		{"older than the horizon when opened", func(t *testing.T, path string, c *clock) Outcome {
			db := openAt(t, path, c, sec)
			save(t, db, source(a, "news"), story)
			db.Close()
			c.t = t0.Add(db.nearHorizon() + time.Hour)
			db = openAt(t, path, c, sec)
			if got := db.near.sections["news"].Len(); got != 0 {
				t.Errorf("index holds %d items older than the horizon, want 0", got)
			}
			return Outcome{Sections: map[string]*SectionCounts{"news": {}}}
		}, 0},
		{"evicted past the horizon", func(t *testing.T, path string, c *clock) Outcome {
			db := openAt(t, path, c, sec)
			save(t, db, source(a, "news"), story)
			c.t = t0.Add(db.nearHorizon() + db.DuplicateWindow + time.Hour)
			out := save(t, db, source(b, "news"), retold(story, "r"))
			if got := db.near.sections["news"].Len(); got != 1 {
				t.Errorf("index holds %d items after eviction, want 1 (the retelling)", got)
			}
			return out
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &clock{t: t0}
			out := tt.run(t, filepath.Join(t.TempDir(), "near.db"), c)
			if got := out.Sections["news"].Duplicate; got != tt.dup {
				t.Errorf("retelling counted as %d duplicates, want %d", got, tt.dup)
			}
		})
	}
}

// TestNearDuplicateWithinOneFetch checks that an item is compared with
// the items stored before it in the same transaction.
func TestNearDuplicateWithinOneFetch(t *testing.T) {
	db, _ := openTest(t, section("news", "http://127.0.0.1/a"))
	story := benchItems(2, 1)[0]
	out := save(t, db, source("http://127.0.0.1/a", "news"), story, retold(story, "again"))
	if got := out.Sections["news"]; got.In != 1 || got.Duplicate != 1 {
		t.Fatalf("counts = %+v, want 1 in, 1 duplicate", *got)
	}
	var reason string
	if err := db.r.QueryRow(`SELECT reason FROM section_items WHERE state = 'duplicate'`).Scan(&reason); err != nil {
		t.Fatal(err)
	}
	if want := "near-duplicate text"; !strings.Contains(reason, want) {
		t.Fatalf("reason = %q, want it to name %q", reason, want)
	}
}

// TestSameLinkAndTitleWithinOneFetch checks the batched look-up of links
// and titles: an item is compared with the items stored before it in the
// same transaction, not only with those stored before the fetch.
func TestSameLinkAndTitleWithinOneFetch(t *testing.T) {
	db, _ := openTest(t, section("news", "http://127.0.0.1/a"))
	first := item("one", "Le conseil vote le budget", t0)
	sameLink := item("two", "Un tout autre titre", t0)
	sameLink.CanonicalLink = first.CanonicalLink
	sameTitle := item("three", "Le conseil vote le budget", t0.Add(time.Minute))
	out := save(t, db, source("http://127.0.0.1/a", "news"), first, sameLink, sameTitle)
	if got := out.Sections["news"]; got.In != 1 || got.Duplicate != 2 {
		t.Fatalf("counts = %+v, want 1 in, 2 duplicates", *got)
	}
	rows, err := db.r.Query(`SELECT reason FROM section_items WHERE state = 'duplicate' ORDER BY item_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var reasons []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		reasons = append(reasons, r)
	}
	if len(reasons) != 2 || !strings.Contains(reasons[0], "same link") || !strings.Contains(reasons[1], "same title") {
		t.Fatalf("reasons = %q, want same link then same title", reasons)
	}
}

// TestSameTitleAcrossMidnight checks the day-keyed title index: the window
// reaches into the neighbouring days, and no further than TitleWindow.
func TestSameTitleAcrossMidnight(t *testing.T) {
	midnight := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		second time.Time
		dup    int
	}{
		{"twenty minutes apart, across midnight", midnight.Add(10 * time.Minute), 1},
		{"just within the window", midnight.Add(-10*time.Minute + 24*time.Hour), 1},
		{"beyond the window", midnight.Add(-10*time.Minute + 25*time.Hour), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const a, b = "http://127.0.0.1/a", "http://127.0.0.1/b"
			db, c := openTest(t, section("news", a, b))
			c.t = midnight.Add(3 * 24 * time.Hour)
			save(t, db, source(a, "news"), item("one", "Le conseil vote le budget", midnight.Add(-10*time.Minute)))
			out := save(t, db, source(b, "news"), item("two", "Le Conseil vote le budget !", tt.second))
			if got := out.Sections["news"].Duplicate; got != tt.dup {
				t.Fatalf("duplicates = %d, want %d", got, tt.dup)
			}
		})
	}
}
