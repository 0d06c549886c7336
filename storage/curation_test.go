package storage

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

func TestSourceCap(t *testing.T) {
	const loud, quiet = "https://loud.example/feed", "https://quiet.example/feed"
	sec := section("news", loud, quiet)
	sec.SourceCap = 0.3
	db, _ := openTest(t, sec)
	var many []newsdesk.Item
	for i := range 20 {
		many = append(many, item(fmt.Sprint("l", i), fmt.Sprintf("Loud story %d of many", i), t0.Add(-time.Duration(i)*time.Minute)))
	}
	save(t, db, source(loud, "news"), many...)
	var few []newsdesk.Item
	for i := range 3 {
		few = append(few, item(fmt.Sprint("q", i), fmt.Sprintf("Quiet story %d today", i), t0.Add(-time.Duration(30+i)*time.Hour)))
	}
	save(t, db, source(quiet, "news"), few...)
	items, err := db.SectionItems(context.Background(), "news", newsdesk.Page{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, it := range items {
		per[it.SourceURL]++
	}
	// 30% of a 10-item page: at most 3 from the loud source; the quiet one
	// keeps its three even though they are older.
	if per[loud] != 3 || per[quiet] != 3 {
		t.Fatalf("per source = %v, want 3 loud and 3 quiet", per)
	}
}

func TestPruneReturnsSpace(t *testing.T) {
	const src = "https://a.example/feed"
	sqliteOnly(t, "pages of the file")
	db, c := openTest(t, section("news", src))
	body := strings.Repeat("Une phrase de remplissage pour occuper de la place. ", 40)
	var items []newsdesk.Item
	for i := range 400 {
		it := item(fmt.Sprint(i), fmt.Sprintf("Story %d", i), t0.Add(-40*24*time.Hour))
		it.ContentHTML = body
		items = append(items, it)
	}
	save(t, db, source(src, "news"), items...)
	pages := func() (count, free int) {
		db.r.QueryRow("PRAGMA page_count").Scan(&count)
		db.r.QueryRow("PRAGMA freelist_count").Scan(&free)
		return
	}
	before, _ := pages()
	c.t = t0.Add(time.Hour)
	n, err := db.Prune(context.Background(), 30*24*time.Hour, 0)
	if err != nil {
		t.Fatal(err)
	}
	if n != 400 {
		t.Fatalf("pruned %d, want 400", n)
	}
	after, free := pages()
	if free != 0 || after >= before/2 {
		t.Fatalf("pages %d → %d with %d free: space not returned", before, after, free)
	}
}
