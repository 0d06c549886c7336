package storage_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"newsdesk"
	"newsdesk/curate"
	"newsdesk/curate/curatetest"
	"newsdesk/storage"
	"newsdesk/storage/pgtest"
)

// sqliteBackend runs the curation engine's suite on the SQLite backend.
type sqliteBackend struct{ db *storage.DB }

func (b sqliteBackend) Save(ctx context.Context, src newsdesk.Source, items []newsdesk.Item) error {
	_, err := b.db.SaveFetch(ctx, storage.Fetch{Source: src, State: newsdesk.SourceState{ETag: `"e"`}, Items: items})
	return err
}

func (b sqliteBackend) Items(ctx context.Context, section string, limit int) ([]newsdesk.Item, error) {
	return b.db.SectionItems(ctx, section, newsdesk.Page{Limit: limit})
}

func (b sqliteBackend) Prune(ctx context.Context, maxAge time.Duration, maxItems int) (int, error) {
	return b.db.Prune(ctx, maxAge, maxItems)
}

func (b sqliteBackend) Edit(ctx context.Context, section, link string, a curate.Action) error {
	fs, err := b.db.FindItems(ctx, section, link)
	if err != nil {
		return err
	}
	_, err = b.db.Edit(ctx, section, fs[0].ID, storage.EditorAction{Kind: a.Kind, Until: a.Until, Who: "suite"})
	return err
}

func (b sqliteBackend) Reapply(ctx context.Context, sections []newsdesk.Section) error {
	b.db.SetSections(sections)
	_, err := b.db.Reapply(ctx, false)
	return err
}

func (b sqliteBackend) CheckInvariants(ctx context.Context) error { return b.db.CheckInvariants(ctx) }
func (b sqliteBackend) Close() error                              { return b.db.Close() }

func TestEngineSuite(t *testing.T) {
	curatetest.Run(t, func(t *testing.T, dir string, sections []newsdesk.Section, now func() time.Time) curatetest.Backend {
		db := storage.New(filepath.Join(dir, "newsdesk.db"))
		db.Now = now
		if err := db.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		db.SetSections(sections)
		return sqliteBackend{db}
	})
}

// TestEngineSuitePostgres runs the same suite on PostgreSQL: each folder
// of the suite is one database (the suite reopens a folder to stand for
// another process on the same desk).
func TestEngineSuitePostgres(t *testing.T) {
	dbs := map[string]string{}
	curatetest.Run(t, func(t *testing.T, dir string, sections []newsdesk.Section, now func() time.Time) curatetest.Backend {
		u, ok := dbs[dir]
		if !ok {
			u = pgtest.URL(t)
			dbs[dir] = u
		}
		db := storage.New(u)
		db.Now = now
		if err := db.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		db.SetSections(sections)
		return sqliteBackend{db}
	})
}
