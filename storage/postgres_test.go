package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/stdlib"

	"newsdesk"
)

func TestPgSQL(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT a FROM t WHERE a = ? AND b IN (?, ?)`, `SELECT a FROM t WHERE a = $1 AND b IN ($2, $3)`},
		{`SELECT '?', "?" FROM t WHERE c = ?`, `SELECT '?', "?" FROM t WHERE c = $1`},
		{`SELECT 'it''s ?' WHERE x = ?`, `SELECT 'it''s ?' WHERE x = $1`},
		{"-- why? it's\nSELECT ?", "-- why? it's\nSELECT $1"},
		{`SELECT coalesce(g.signature, x'') FROM items i CROSS JOIN signatures g ON g.item_id = i.id`,
			`SELECT coalesce(g.signature, ''::bytea) FROM items i JOIN signatures g ON g.item_id = i.id`},
		{`SELECT max_x'' FROM across_joins`, `SELECT max_x'' FROM across_joins`},
		{`SELECT 1 FROM t WHERE s = 'CROSS JOIN'`, `SELECT 1 FROM t WHERE s = 'CROSS JOIN'`},
		{`SELECT a FROM section_items si INDEXED BY section_cluster CROSS JOIN items i ON i.id = si.item_id WHERE x = ?`,
			`SELECT a FROM section_items si  JOIN items i ON i.id = si.item_id WHERE x = $1`},
		{`SELECT reindexed by FROM t`, `SELECT reindexed by FROM t`},
		{`SELECT id FROM items WHERE guid = ?1 OR link = ?1 OR key = ?12`, `SELECT id FROM items WHERE guid = $1 OR link = $1 OR key = $12`},
	}
	for _, tt := range tests {
		if got := pgSQL(tt.in); got != tt.want {
			t.Errorf("pgSQL(%q)\n = %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestPostgresURLs(t *testing.T) {
	for _, s := range []string{"postgres://u:p@h/db", "postgresql://h/db", "POSTGRES://h/db"} {
		if !IsPostgresURL(s) {
			t.Errorf("IsPostgresURL(%q) = false", s)
		}
	}
	for _, s := range []string{"newsdesk.db", "/var/lib/newsdesk/newsdesk.db", "file:x.db", "postgres.db"} {
		if IsPostgresURL(s) {
			t.Errorf("IsPostgresURL(%q) = true", s)
		}
	}
	if got := RedactURL("postgres://ed:s3cret@db.internal:5432/desk?sslmode=disable"); strings.Contains(got, "s3cret") || !strings.Contains(got, "db.internal:5432/desk") {
		t.Errorf("RedactURL = %q", got)
	}
	if got := RedactURL("postgres://db.internal/desk?password=s3cret"); strings.Contains(got, "s3cret") {
		t.Errorf("RedactURL = %q", got)
	}
	for _, tt := range []struct{ url, want string }{
		{"postgres://ed:s3cret@db.internal:5432/desk?sslmode=disable", ""},
		{"postgres://ed:s3cret@db.internal:5432/", "no database name"},
		{"postgres:///desk", "no host"},
		{"postgres://ed:s3cret@db.internal:5432/desk?sslmode=sometimes", "sslmode"},
		{"postgres://ed:s3cret@db.internal:99999999/desk", "invalid"},
	} {
		err := ParsePostgresURL(tt.url)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("ParsePostgresURL(%q) = %v", tt.url, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("ParsePostgresURL(%q) = %v, want an error about %q", tt.url, err, tt.want)
		case err != nil && strings.Contains(err.Error(), "s3cret"):
			t.Errorf("ParsePostgresURL(%q) = %v shows the password", tt.url, err)
		}
	}
}

var _ = stdlib.GetDefaultDriver // registers "pgx"

// TestPostgresConcurrentOpen: processes starting at once on an empty
// database migrate it once (under the advisory lock) and all open it.
func TestPostgresConcurrentOpen(t *testing.T) {
	if !onPostgres {
		t.Skip("runs in the PostgreSQL run (TestPostgresBackend)")
	}
	url := testPath(t, t.TempDir()+"/fresh.db")
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			db := New(url)
			err := db.Open(context.Background())
			if err == nil {
				err = db.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent Open: %v", err)
		}
	}
	info, err := Inspect(context.Background(), url)
	if err != nil || info.Schema != info.Latest || info.Schema == 0 || !strings.Contains(info.Version, "PostgreSQL") {
		t.Fatalf("Inspect = %+v, %v; want the latest migration", info, err)
	}
}

// TestPostgresMigrationsOutOfOrder: a migration numbered below one already
// applied (branches merged out of order) runs at the next Open, and is
// reported pending before; a schema of the first builds (one row, its last
// migration) runs nothing again.
func TestPostgresMigrationsOutOfOrder(t *testing.T) {
	if !onPostgres {
		t.Skip("runs in the PostgreSQL run (TestPostgresBackend)")
	}
	ctx := context.Background()
	path := t.TempDir() + "/order.db"
	url := testPath(t, path)
	c := &clock{t: t0}
	db := openAt(t, path, c)
	db.Close()
	raw, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// As if the schema had migration 9 but not yet 7.
	for _, q := range []string{`DROP TABLE item_notes`, `ALTER TABLE sources DROP COLUMN warning`, `DELETE FROM schema_version WHERE version = 7`} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	info, err := Inspect(ctx, url)
	if err != nil || info.Schema != info.Latest || len(info.Pending) != 1 || info.Pending[0] != 7 {
		t.Fatalf("Inspect = %+v, %v; want migration 7 pending", info, err)
	}
	db = openAt(t, path, c, section("news", faultSource))
	if err := db.SetWarning(ctx, faultSource, "w"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ItemNotes(ctx, []int64{1}); err != nil {
		t.Fatalf("migration 7 did not run: %v", err)
	}
	db.Close()
	if info, err := Inspect(ctx, url); err != nil || len(info.Pending) != 0 {
		t.Fatalf("Inspect after Open = %+v, %v; want nothing pending", info, err)
	}
	// The first builds' schema_version: one row.
	if _, err := raw.ExecContext(ctx, `DELETE FROM schema_version WHERE version <> (SELECT max(version) FROM schema_version)`); err != nil {
		t.Fatal(err)
	}
	if info, err := Inspect(ctx, url); err != nil || len(info.Pending) != 0 {
		t.Fatalf("Inspect of a one-row schema_version = %+v, %v; want nothing pending", info, err)
	}
	db = openAt(t, path, c)
	db.Close()
	var rows int
	if err := raw.QueryRowContext(ctx, `SELECT count(*) FROM schema_version`).Scan(&rows); err != nil || rows != len(mustNames(t)) {
		t.Fatalf("schema_version holds %d rows (%v), want one per migration (%d)", rows, err, len(mustNames(t)))
	}
}

func mustNames(t *testing.T) []migration {
	t.Helper()
	names, err := pgMigrationNames()
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestPostgresConcurrentWriters: two processes (two DBs on one database)
// store two reports of one story at the same moment, for 30 stories: each
// story ends as one cluster of both reports, and the invariants hold. The
// second report only matches the first by its text (near-duplicate), so
// each writer's index must have caught up with the other's commit.
func TestPostgresConcurrentWriters(t *testing.T) {
	if !onPostgres {
		t.Skip("runs in the PostgreSQL run (TestPostgresBackend)")
	}
	const a, b = "http://127.0.0.1/a", "http://127.0.0.1/b"
	sec := section("news", a, b)
	path := t.TempDir() + "/shared.db"
	c := &clock{t: t0}
	one, two := openAt(t, path, c, sec), openAt(t, path, c, sec)
	const stories = 30
	for i := range stories {
		story := benchItems(100+i, 1)[0]
		story.Published = t0
		var wg sync.WaitGroup
		var e1, e2 error
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, e1 = one.SaveFetch(context.Background(), Fetch{Source: source(a, "news"), Items: []newsdesk.Item{story}})
		}()
		go func() {
			defer wg.Done()
			_, e2 = two.SaveFetch(context.Background(), Fetch{Source: source(b, "news"), Items: []newsdesk.Item{retold(story, fmt.Sprint(i))}})
		}()
		wg.Wait()
		if e1 != nil || e2 != nil {
			t.Fatalf("story %d: %v, %v", i, e1, e2)
		}
	}
	var clusters, in, dup int
	if err := one.r.QueryRow(`SELECT count(DISTINCT cluster_id), count(*) FILTER (WHERE state = 'in'),
		count(*) FILTER (WHERE state = 'duplicate') FROM section_items WHERE section = 'news'`).Scan(&clusters, &in, &dup); err != nil {
		t.Fatal(err)
	}
	if clusters != stories || in != stories || dup != stories {
		t.Errorf("%d clusters, %d in, %d duplicates; want %d of each (one story per pair)", clusters, in, dup, stories)
	}
	if err := two.CheckInvariants(context.Background()); err != nil {
		t.Error(err)
	}
}

// TestPostgresClaims: a claim holds a source against others until it is
// released or its lease ends; a released source is not claimed again
// within the gap (the same tick); of processes claiming many sources at
// once, each source goes to exactly one.
func TestPostgresClaims(t *testing.T) {
	if !onPostgres {
		t.Skip("runs in the PostgreSQL run (TestPostgresBackend)")
	}
	ctx := context.Background()
	path := t.TempDir() + "/claims.db"
	c := &clock{t: t0}
	a, b := openAt(t, path, c), openAt(t, path, c)
	const u = "http://127.0.0.1/feed.rss"
	claim := func(db *DB, owner string, lease, gap time.Duration) bool {
		t.Helper()
		ok, err := db.ClaimSource(ctx, u, owner, lease, gap)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !claim(a, "a", time.Hour, time.Hour) {
		t.Fatal("the first claim failed")
	}
	if claim(b, "b", time.Hour, 0) {
		t.Fatal("a held source was claimed by another owner")
	}
	if err := b.ReleaseSource(ctx, u, "b"); err != nil { // not b's: nothing happens
		t.Fatal(err)
	}
	if claim(b, "b", time.Hour, 0) {
		t.Fatal("another owner's release freed the source")
	}
	if err := a.ReleaseSource(ctx, u, "a"); err != nil {
		t.Fatal(err)
	}
	if claim(b, "b", time.Hour, time.Hour) {
		t.Fatal("a source fetched in this tick was claimed again")
	}
	if !claim(b, "b", 300*time.Millisecond, 0) {
		t.Fatal("a released source could not be claimed")
	}
	// b dies holding it: its lease ends.
	for i := 0; !claim(a, "a", time.Hour, 0); i++ {
		if i == 100 {
			t.Fatal("the claim of a dead owner never expired")
		}
		time.Sleep(20 * time.Millisecond)
	}

	// A claim being made elsewhere (its row locked) is skipped, not waited
	// for: the claim answers no at once, without a lock error.
	if err := a.ReleaseSource(ctx, u, "a"); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("pgx", testPath(t, path))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE source_leases SET lease_until = 0 WHERE url = $1`, u); err != nil {
		t.Fatal(err)
	}
	if ok, err := b.ClaimSource(ctx, u, "b", time.Hour, 0); ok || err != nil {
		t.Fatalf("claim of a source whose row another claim holds = %v, %v; want false, nil", ok, err)
	}
	tx.Rollback()
	if !claim(b, "b", time.Minute, 0) {
		t.Fatal("the source could not be claimed once the other claim was gone")
	}

	// Three owners claim each of 200 sources at the same moment, in a
	// later tick (their lease rows exist: a claim then reads a row another
	// claim is changing): each goes to exactly one.
	dbs := []*DB{a, b, openAt(t, path, c)}
	const sources = 200
	for n := range sources {
		src := fmt.Sprintf("http://127.0.0.1/%d.rss", n)
		if !mustClaim(t, a, src, "earlier", time.Minute, 0) {
			t.Fatalf("%s: the first claim failed", src)
		}
		if err := a.ReleaseSource(ctx, src, "earlier"); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string][]int{}
	for n := range sources {
		src := fmt.Sprintf("http://127.0.0.1/%d.rss", n)
		start := make(chan struct{})
		won := make([]bool, len(dbs))
		var wg sync.WaitGroup
		for w, db := range dbs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				ok, err := db.ClaimSource(ctx, src, fmt.Sprint(w), time.Minute, 0)
				if err != nil {
					t.Error(err)
				}
				won[w] = ok
			}()
		}
		close(start)
		wg.Wait()
		for w, ok := range won {
			if ok {
				got[src] = append(got[src], w)
			}
		}
	}
	for n := range sources {
		src := fmt.Sprintf("http://127.0.0.1/%d.rss", n)
		if len(got[src]) != 1 {
			t.Errorf("%s was claimed by %v at once, want exactly one owner", src, got[src])
		}
	}
}

func mustClaim(t *testing.T, db *DB, url, owner string, lease, gap time.Duration) bool {
	t.Helper()
	ok, err := db.ClaimSource(context.Background(), url, owner, lease, gap)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}
