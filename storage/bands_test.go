package storage

import (
	"context"
	"testing"
	"time"

	"newsdesk"
)

// TestPruneDeletesBands checks that retention removes the near-duplicate
// band keys of the items it prunes (the band table has no foreign key to
// cascade from), and keeps those of the items it keeps.
func TestPruneDeletesBands(t *testing.T) {
	db, c := openTest(t, newsdesk.Section{ID: "sec", Title: "Section", Limit: 50})
	ctx := context.Background()
	old := benchItems(1, 3)
	for i := range old {
		old[i].Published = t0.Add(-40 * 24 * time.Hour)
	}
	save(t, db, newsdesk.Source{URL: "http://127.0.0.1/old", Sections: []string{"sec"}}, old...)
	save(t, db, newsdesk.Source{URL: "http://127.0.0.1/new", Sections: []string{"sec"}}, benchItems(2, 2)...)
	count := func() int {
		var n int
		if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM neardup_bands`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got, want := count(), 5*32; got != want {
		t.Fatalf("bands before prune = %d, want %d", got, want)
	}
	c.t = t0.Add(time.Hour)
	removed, err := db.Prune(ctx, 30*24*time.Hour, 0)
	if err != nil {
		t.Fatal(err)
	}
	if removed != 3 {
		t.Fatalf("removed = %d, want 3", removed)
	}
	if got, want := count(), 2*32; got != want {
		t.Fatalf("bands after prune = %d, want %d", got, want)
	}
	var orphans int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM neardup_bands WHERE item_id NOT IN (SELECT id FROM items)`).Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	if orphans != 0 {
		t.Fatalf("orphan band rows = %d, want 0", orphans)
	}
}
