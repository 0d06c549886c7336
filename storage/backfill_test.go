package storage

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBackfillOnceAfterUpgrade: items as migration 005 leaves them (no
// order key, no word count) get both at the next Open, and the section
// rows their order key; once recorded, later Opens do not look again.
func TestBackfillOnceAfterUpgrade(t *testing.T) {
	const a = "http://127.0.0.1/a"
	sec := section("news", a)
	path := filepath.Join(t.TempDir(), "old.db")
	c := &clock{t: t0}
	db := openAt(t, path, c, sec)
	items := benchItems(3, 1)
	for i := range items {
		// As normalize makes it: the lead is the start of the content
		// (all of it, under 200 words).
		items[i].Lead = strings.TrimSuffix(strings.TrimPrefix(items[i].ContentHTML, "<p>"), "</p>")
	}
	save(t, db, source(a, "news"), items...)
	want := map[int64][2]int64{}
	rows, err := db.r.Query(`SELECT id, ord, words FROM items`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, ord, words int64
		if err := rows.Scan(&id, &ord, &words); err != nil {
			t.Fatal(err)
		}
		want[id] = [2]int64{ord, words}
	}
	rows.Close()
	for _, q := range []string{`UPDATE items SET ord = 0, words = 0`, `UPDATE section_items SET ord = 0`, `UPDATE change_seq SET backfilled = 0`} {
		if _, err := db.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	db = openAt(t, path, c, sec)
	for id, w := range want {
		var ord, words, secOrd int64
		if err := db.r.QueryRow(`SELECT i.ord, i.words, si.ord FROM items i JOIN section_items si ON si.item_id = i.id WHERE i.id = ?`, id).Scan(&ord, &words, &secOrd); err != nil {
			t.Fatal(err)
		}
		if ord != w[0] || words != w[1] || secOrd != w[0] {
			t.Errorf("item #%d after backfill: ord %d, words %d, section ord %d; want %d, %d, %d", id, ord, words, secOrd, w[0], w[1], w[0])
		}
	}
	// Recorded: an item without an order key written behind Open's back
	// is not looked for again.
	if _, err := db.w.Exec(`UPDATE items SET ord = 0 WHERE id = (SELECT min(id) FROM items)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openAt(t, path, c, sec)
	var zero int
	if err := db.r.QueryRow(`SELECT count(*) FROM items WHERE ord = 0`).Scan(&zero); err != nil || zero != 1 {
		t.Fatalf("items without an order key after a recorded backfill: %d (%v), want the 1 left", zero, err)
	}
	if _, err := db.w.Exec(`UPDATE items SET ord = (SELECT ord FROM section_items WHERE item_id = items.id) WHERE ord = 0`); err != nil {
		t.Fatal(err)
	}
}
