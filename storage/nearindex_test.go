package storage

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/neardup"
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
	db := New(testPath(t, path))
	db.Now = c.now
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.CheckInvariants(context.Background()); err != nil && !strings.Contains(err.Error(), "closed") {
			t.Errorf("invariants: %v", err)
		}
		db.Close()
	})
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
			if got := db.NearIndexItems(); got != 0 {
				t.Errorf("index holds %d items after reopening, want 0 (read at the first write)", got)
			}
			out := save(t, db, source(b, "news"), retold(story, "r"))
			if got := db.NearIndexItems(); got != 2 {
				t.Errorf("index holds %d items after the first write, want 2", got)
			}
			return out
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
			trigger := `CREATE TRIGGER fail BEFORE INSERT ON section_versions
				BEGIN SELECT RAISE(ABORT, 'injected failure'); END`
			if db.pg {
				trigger = `CREATE FUNCTION fail() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN RAISE EXCEPTION 'injected failure'; END; $$;
					CREATE TRIGGER fail BEFORE INSERT ON section_versions FOR EACH ROW EXECUTE FUNCTION fail()`
			}
			if _, err := db.w.Exec(trigger); err != nil {
				t.Fatal(err)
			}
			if _, err := db.SaveFetch(context.Background(), Fetch{Source: source(a, "news"), Items: []newsdesk.Item{story}}); err == nil || !strings.Contains(err.Error(), "injected failure") {
				t.Fatalf("SaveFetch = %v, want the injected failure", err)
			}
			drop := `DROP TRIGGER fail`
			if db.pg {
				drop += ` ON section_versions`
			}
			if _, err := db.w.Exec(drop); err != nil {
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
		{"dated beyond the window of the story", func(t *testing.T, path string, c *clock) Outcome {
			db := openAt(t, path, c, sec)
			save(t, db, source(a, "news"), story)
			c.t = t0.Add(db.DuplicateWindow + 2*time.Hour)
			late := retold(story, "r")
			late.Published = c.t // told again days later: another story
			return save(t, db, source(b, "news"), late)
		}, 0},
		{"a backlog retelling arriving after the story left memory", func(t *testing.T, path string, c *clock) Outcome {
			// The window is about the stories' own dates: a retelling
			// published an hour after the story matches it even when it
			// arrives long after (a new source's backlog), once the
			// index has evicted the story and after a reopen.
			db := openAt(t, path, c, sec)
			save(t, db, source(a, "news"), story)
			c.t = t0.Add(db.nearHorizon() + db.DuplicateWindow + time.Hour)
			fresh := benchItems(3, 1)[0]
			fresh.Published = c.t
			save(t, db, source(a, "news"), fresh) // evicts
			if got := db.near.sections["news"].Len(); got != 1 {
				t.Errorf("index holds %d items after eviction, want 1 (the fresh one)", got)
			}
			db.Close()
			db = openAt(t, path, c, sec)
			late := retold(story, "r")
			late.Published = t0.Add(time.Hour)
			return save(t, db, source(b, "news"), late)
		}, 1},
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

// TestOneSourceNeverRetellsItself checks the identity rule: two items of
// one source with different identities are two stories, whatever their
// text, links or titles (templated sources: match reports, alerts), while
// the same items from two sources are one story.
func TestOneSourceNeverRetellsItself(t *testing.T) {
	const a, b = "http://127.0.0.1/a", "http://127.0.0.1/b"
	story := benchItems(2, 1)[0]
	first := item("one", "Le conseil vote le budget", t0)
	sameLink := item("two", "Un tout autre titre", t0)
	sameLink.CanonicalLink = first.CanonicalLink
	sameTitle := item("three", "Le conseil vote le budget", t0.Add(time.Minute))
	items := []newsdesk.Item{story, retold(story, "again"), first, sameLink, sameTitle}

	db, _ := openTest(t, section("news", a, b))
	out := save(t, db, source(a, "news"), items...)
	if got := out.Sections["news"]; got.In != 5 || got.Duplicate != 0 {
		t.Fatalf("one source: counts = %+v, want 5 in", *got)
	}
	// The same five from another source: each joins its twin.
	var copies []newsdesk.Item
	for i, it := range items {
		it.Key, it.GUID = it.Key+"-b", it.GUID+"-b"
		if i < 2 {
			it.Link, it.CanonicalLink = it.Link+"-b", it.CanonicalLink+"-b"
		}
		copies = append(copies, it)
	}
	out = save(t, db, source(b, "news"), copies...)
	if got := out.Sections["news"]; got.In != 0 || got.Duplicate != 5 {
		t.Fatalf("second source: counts = %+v, want 5 duplicates", *got)
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
	all := strings.Join(reasons, "\n")
	if len(reasons) != 5 || !strings.Contains(all, "near-duplicate text") || !strings.Contains(all, "same link") {
		t.Fatalf("reasons = %q, want 5 naming the rules", reasons)
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

// TestOlderSignaturesAreSignedAgain stores a story, rewrites its signature
// in an older encoding (as a database from before the scheme changed
// holds it), reopens: the story is signed again and a retelling from
// another source still joins it.
func TestOlderSignaturesAreSignedAgain(t *testing.T) {
	// A database from before encodings were recorded: its signatures in
	// encoding 2 (325 bytes), the column migration 009 adds at 0.
	w := signedAgain(t, 325, func(byte) (byte, int64) { return 2, 0 })
	db, path, c, sec, old := w.db, w.path, w.c, w.sec, w.old
	var version []byte
	// Once recorded, Open does not read the signatures again: a signature
	// of the older encoding written behind its back stays as it is.
	if _, err := db.w.Exec(`UPDATE signatures SET signature = ? WHERE item_id = (SELECT min(item_id) FROM signatures)`, old); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openAt(t, path, c, sec)
	if err := db.r.QueryRow(`SELECT substr(signature, 1, 1) FROM signatures ORDER BY item_id LIMIT 1`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version[0] != 2 {
		t.Fatal("Open read the signatures again although their encoding was recorded")
	}
}

// TestNearIndexHoldsStoredSignatures follows the in-memory copies of the
// signatures (what a look-up checks candidates against before reading a
// row) through another process's writes, a text signed again, a restart
// and retention: after each, every filed item's stored signature is held
// by the index (CheckInvariants), and look-ups still decide from what is
// stored: a retelling joins its story, a retelling of a text an item no
// longer has, or of a pruned story, joins nothing.
func TestNearIndexHoldsStoredSignatures(t *testing.T) {
	const a, b, c = "http://127.0.0.1/a", "http://127.0.0.1/b", "http://127.0.0.1/c"
	ctx := context.Background()
	sec := section("news", a, b, c)
	path := filepath.Join(t.TempDir(), "near.db")
	clk := &clock{t: t0}
	check := func(t *testing.T, db *DB, when string) {
		t.Helper()
		if err := db.CheckInvariants(ctx); err != nil {
			t.Fatalf("%s: %v", when, err)
		}
	}
	dups := func(t *testing.T, out Outcome, want int, when string) {
		t.Helper()
		if got := out.Sections["news"].Duplicate; got != want {
			t.Errorf("%s: %d duplicates, want %d", when, got, want)
		}
	}
	stories := benchItems(1, 12)
	first := openAt(t, path, clk, sec)
	save(t, first, source(a, "news"), stories...)
	check(t, first, "after the first fetch")

	// Another process retells four stories and changes the text of a
	// fifth (its source's next fetch).
	other := openAt(t, path, clk, sec)
	var retellings []newsdesk.Item
	for i := range 4 {
		retellings = append(retellings, retold(stories[i], fmt.Sprintf("b%d", i)))
	}
	dups(t, save(t, other, source(b, "news"), retellings...), 4, "another process's retellings")
	changed := stories[4]
	oldText := changed
	fresh := benchItems(2, 1)[0]
	changed.ContentHTML, changed.Summary, changed.Lead, changed.ContentHash = fresh.ContentHTML, fresh.Summary, fresh.Lead, "h-changed"
	save(t, other, source(a, "news"), append(append([]newsdesk.Item(nil), stories[:4]...), changed)...)
	check(t, other, "in the other process")

	// The first process catches up at its next write.
	dups(t, save(t, first, source(c, "news"), retold(stories[5], "c5")), 1, "a retelling after catching up")
	check(t, first, "after catching up")
	dups(t, save(t, first, source(c, "news"), retold(changed, "c4new")), 1, "a retelling of the new text")
	dups(t, save(t, first, source(c, "news"), retold(oldText, "c4old")), 0, "a retelling of the replaced text")

	// A restart reads the copies from the signatures table.
	first.Close()
	other.Close()
	again := openAt(t, path, clk, sec)
	dups(t, save(t, again, source(c, "news"), retold(stories[6], "c6")), 1, "a retelling after a restart")
	check(t, again, "after a restart")

	// Retention: the index keeps its entries, the rows are gone.
	clk.t = t0.Add(3 * time.Hour)
	if n, err := again.Prune(ctx, 2*time.Hour, 0); err != nil || n == 0 {
		t.Fatalf("Prune = %d, %v; want items removed", n, err)
	}
	check(t, again, "after retention")
	dups(t, save(t, again, source(c, "news"), retold(stories[7], "c7")), 0, "a retelling of a pruned story")
	check(t, again, "after a look-up of a pruned story")
}

// TestInvariantsSeeAStaleCopy checks that the invariant check notices an
// in-memory copy that disagrees with the stored signature: one written
// behind the index's back (no change sequence), which no code path does.
func TestInvariantsSeeAStaleCopy(t *testing.T) {
	const a = "http://127.0.0.1/a"
	db, _ := openTest(t, section("news", a))
	stories := benchItems(3, 2)
	save(t, db, source(a, "news"), stories...)
	if err := db.CheckInvariants(context.Background()); err != nil {
		t.Fatal(err)
	}
	var raw []byte
	if err := db.r.QueryRow(`SELECT signature FROM signatures WHERE item_id = (SELECT max(item_id) FROM signatures)`).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	// The item's own signature with one Bloom bit flipped: the sketch and
	// keys still agree with the index's copy, the text part does not.
	raw = append([]byte(nil), raw...)
	raw[1+4+4*neardup.Bands+2*(neardup.NumHashes-neardup.Bands)] ^= 0x10
	if _, err := db.w.Exec(`UPDATE signatures SET signature = ? WHERE item_id = (SELECT max(item_id) FROM signatures)`, raw); err != nil {
		t.Fatal(err)
	}
	err := db.CheckInvariants(context.Background())
	if err == nil || !strings.Contains(err.Error(), "does not hold its stored signature") {
		t.Fatalf("CheckInvariants = %v, want the stale copy named", err)
	}
	// Put it back for the cleanup's check.
	raw[1+4+4*neardup.Bands+2*(neardup.NumHashes-neardup.Bands)] ^= 0x10
	if _, err := db.w.Exec(`UPDATE signatures SET signature = ? WHERE item_id = (SELECT max(item_id) FROM signatures)`, raw); err != nil {
		t.Fatal(err)
	}
}

// TestRecordedOlderEncodingIsSignedAgain: a desk whose signatures were
// all signed, and recorded, under the previous encoding (an upgrade to a
// new one) is signed again at Open.
func TestRecordedOlderEncodingIsSignedAgain(t *testing.T) {
	signedAgain(t, 583, func(cur byte) (byte, int64) { return cur - 1, int64(cur - 1) })
}

// TestUnsignedFlashIsSignedAtUpgrade: a desk recorded under encoding 4
// stored a flash under 12 words with no signature; the first Open under
// the current encoding signs it (a short signature), and the article
// another source prints of the same quake then joins it.
func TestUnsignedFlashIsSignedAtUpgrade(t *testing.T) {
	const a, b = "http://127.0.0.1/a", "http://127.0.0.1/b"
	sec := section("news", a, b)
	flash := item("flash", "Séisme ressenti dans les Pyrénées", t0)
	flash.Summary, flash.ContentHTML = "Magnitude 5,1 près d'Arette, aucune victime.", ""
	article := item("article", "Le Béarn secoué par un séisme", t0.Add(time.Hour))
	article.Summary = ""
	article.ContentHTML = "<p>Un séisme de magnitude 5,1 a frappé samedi matin le Béarn, a annoncé le Bureau central sismologique. Son épicentre se trouvait près d'Arette, dans les Pyrénées-Atlantiques, à sept kilomètres de profondeur.</p>" +
		"<p>Les habitants de Lanne et d'Aramits ont été réveillés par la secousse. Les pompiers n'ont relevé aucune victime ; quelques cheminées sont tombées.</p>"
	article.Lead = tags.ReplaceAllString(article.ContentHTML, " ") // what normalize gives
	path := filepath.Join(t.TempDir(), "old.db")
	c := &clock{t: t0}
	db := openAt(t, path, c, sec)
	save(t, db, source(a, "news"), flash)
	var cur []byte
	if err := db.r.QueryRow(`SELECT signature FROM signatures`).Scan(&cur); err != nil || len(cur) != 199 {
		t.Fatalf("the flash's signature: %d bytes (%v), want a short one (199)", len(cur), err)
	}
	// As encoding 4 stored it: no signature row.
	if _, err := db.w.Exec(`DELETE FROM signatures`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.Exec(`UPDATE change_seq SET signing = ?`, int64(cur[0]-1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openAt(t, path, c, sec)
	var got []byte
	if err := db.r.QueryRow(`SELECT signature FROM signatures`).Scan(&got); err != nil || !bytes.Equal(got, cur) {
		t.Fatalf("after Open: signature of %d bytes (%v), want the flash's short signature", len(got), err)
	}
	if dup := save(t, db, source(b, "news"), article).Sections["news"].Duplicate; dup != 1 {
		t.Fatalf("the article counted as %d duplicates of the flash, want 1", dup)
	}
}

// resigned is a desk signedAgain reopened, with what it was made of.
type resigned struct {
	db   *DB
	path string
	c    *clock
	sec  newsdesk.Section
	old  []byte
}

// signedAgain stores a story, rewrites its signature as n bytes of an
// older encoding (older gives its version from the current one, and the
// encoding to record as signed; then bytes of no meaning, given as a
// parameter on both backends), and reopens: the story must
// be signed again in the current encoding, that encoding recorded, and a
// retelling from another source must still join it.
func signedAgain(t *testing.T, n int, older func(cur byte) (version byte, signing int64)) resigned {
	t.Helper()
	const a, b = "http://127.0.0.1/a", "http://127.0.0.1/b"
	sec := section("news", a, b)
	story := benchItems(1, 1)[0]
	story.Published = t0
	path := filepath.Join(t.TempDir(), "old.db")
	c := &clock{t: t0}
	db := openAt(t, path, c, sec)
	save(t, db, source(a, "news"), story)
	var cur []byte
	if err := db.r.QueryRow(`SELECT substr(signature, 1, 1) FROM signatures`).Scan(&cur); err != nil {
		t.Fatal(err)
	}
	version, signing := older(cur[0])
	old := make([]byte, n)
	old[0] = version
	for i := 1; i < len(old); i++ {
		old[i] = byte(i*131 + 7)
	}
	if _, err := db.w.Exec(`UPDATE signatures SET signature = ?`, old); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.Exec(`UPDATE change_seq SET signing = ?`, signing); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openAt(t, path, c, sec)
	var recorded int
	if err := db.r.QueryRow(`SELECT signing FROM change_seq`).Scan(&recorded); err != nil || recorded != int(cur[0]) {
		t.Fatalf("recorded encoding = %d (%v), want %d", recorded, err, cur[0])
	}
	var got []byte
	if err := db.r.QueryRow(`SELECT substr(signature, 1, 1) FROM signatures`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got[0] != cur[0] {
		t.Fatalf("signature encoding %d after Open, want %d: the older signature was not signed again", got[0], cur[0])
	}
	if dup := save(t, db, source(b, "news"), retold(story, "r")).Sections["news"].Duplicate; dup != 1 {
		t.Fatalf("retelling counted as %d duplicates, want 1", dup)
	}
	return resigned{db: db, path: path, c: c, sec: sec, old: old}
}
