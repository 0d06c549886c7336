package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"newsdesk"
	"newsdesk/article"
	"newsdesk/config"
	"newsdesk/feedgen"
	"newsdesk/fetcher"
	"newsdesk/ingest"
	"newsdesk/scheduler"
	"newsdesk/storage"
)

// app is the wired pipeline one command works with.
type app struct {
	cfg     *config.Config
	log     *slog.Logger
	db      *storage.DB
	fetcher *fetcher.Fetcher
	desk    *ingest.Desk
	red     newsdesk.Redactor // how every output shows source URLs
	// articles runs the full-text stage after a source is stored.
	articles *article.Runner
}

// loadConfig loads and validates the config, printing every problem.
func loadConfig(g *globals) (*config.Config, error) {
	cfg, err := config.Load(g.config)
	if err != nil {
		return nil, usageError{err}
	}
	if cfg.Token == "" {
		// The environment is the third place for the admin token.
		if tok := os.Getenv("NEWSDESK_TOKEN"); tok != "" {
			if strings.ContainsFunc(tok, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
				return nil, usageError{fmt.Errorf("NEWSDESK_TOKEN must not contain spaces or control characters")}
			}
			cfg.Token = tok
		}
	}
	return cfg, nil
}

// openApp loads the config, opens the database and builds the fetcher and
// the desk. Close it when done.
func openApp(ctx context.Context, g *globals) (*app, error) {
	cfg, err := loadConfig(g)
	if err != nil {
		return nil, err
	}
	return openAppWith(ctx, g, cfg)
}

// openAppWith is openApp with a config already loaded: it also files the
// stored items of its sources into sections that have none of them yet.
func openAppWith(ctx context.Context, g *globals, cfg *config.Config) (*app, error) {
	a, err := openStoreWith(ctx, g, cfg)
	if err != nil {
		return nil, err
	}
	if _, err := a.db.Reconcile(ctx, cfg.Sources()); err != nil {
		a.Close()
		return nil, err
	}
	// Priorities edited while the desk was stopped rank its stories again.
	if _, err := a.db.Rerank(ctx); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// applyRules applies the sections' rules again to the stored items and
// logs what it changed. The processes that file items (serve at start,
// fetch) call it; the commands that only read (explain, report, export)
// show what is stored, and preview shows what it would change.
func applyRules(ctx context.Context, db *storage.DB, log *slog.Logger) error {
	changes, err := db.Reapply(ctx, false)
	if err != nil {
		return err
	}
	for _, c := range changes {
		log.Info("rules applied to a stored item", "section", c.Section, "item", c.ItemID, "change", c.Change,
			"why", c.Why, "title", c.Title)
	}
	return nil
}

// openStore loads the config and opens the database with its sections,
// without filing or re-filing anything (preview, the editor's commands).
func openStore(ctx context.Context, g *globals) (*app, error) {
	cfg, err := loadConfig(g)
	if err != nil {
		return nil, err
	}
	return openStoreWith(ctx, g, cfg)
}

func openStoreWith(ctx context.Context, g *globals, cfg *config.Config) (*app, error) {
	red := newsdesk.NewRedactor(cfg.Redact)
	log := redactLogger(g.logger(), red)
	db := storage.New(cfg.Database)
	db.Logger = log.With("component", "storage")
	if err := db.Open(ctx); err != nil {
		return nil, explainOpen(cfg.Database, err)
	}
	db.SetSections(cfg.Sections)
	f := fetcher.New(fetcherOptions(cfg, log))
	a := &app{cfg: cfg, log: log, db: db, fetcher: f, red: red}
	a.desk = &ingest.Desk{Fetcher: f, Store: db, Tracking: cfg.Tracking, Logger: log.With("component", "fetch")}
	if db.Shared() {
		a.desk.Claim = claimer(db, cfg, log)
	}
	a.articles = &article.Runner{Stage: &article.Stage{Fetcher: f, Store: db, UserAgent: cfg.Fetch.UserAgent,
		Budget: cfg.Fetch.ArticleBudget, Tracking: cfg.Tracking, Logger: log.With("component", "articles")}}
	a.desk.AfterStore = a.articles.Kick
	return a, nil
}

// claimer returns the claims of this process on a shared database: a source
// is fetched by the one process that claims it first in each tick of its
// schedule (the others skip it until half its interval has passed); a
// claim lasts twice fetch.timeout, so a process killed mid-fetch loses its
// sources to the others' next ticks.
func claimer(db *storage.DB, cfg *config.Config, log *slog.Logger) func(context.Context, newsdesk.Source) (func(), bool, error) {
	owner := storage.NewOwner()
	lease := 2 * cfg.Fetch.Timeout
	if lease <= 0 {
		lease = time.Minute
	}
	return func(ctx context.Context, src newsdesk.Source) (func(), bool, error) {
		gap := scheduler.Interval(src.Schedule) / 2
		ok, err := db.ClaimSource(ctx, src.URL, owner, lease, gap)
		if err != nil || !ok {
			return nil, ok, err
		}
		return func() {
			if err := db.ReleaseSource(context.WithoutCancel(ctx), src.URL, owner); err != nil {
				log.Warn("release claim", "source", src.URL, "err", err) // it expires with its lease
			}
		}, true, nil
	}
}

func fetcherOptions(cfg *config.Config, log *slog.Logger) fetcher.Options {
	return fetcher.Options{
		Timeout:             cfg.Fetch.Timeout,
		Concurrency:         cfg.Fetch.Concurrency,
		PerHost:             cfg.Fetch.PerHost,
		UserAgent:           cfg.Fetch.UserAgent,
		MaxBody:             cfg.Fetch.MaxBody,
		MaxItems:            cfg.Fetch.MaxItems,
		RespectCacheHeaders: cfg.Fetch.RespectCacheHeaders,
		Logger:              log.With("component", "fetcher"),
	}
}

func feedOptions(cfg *config.Config, log *slog.Logger) feedgen.Options {
	return feedgen.Options{
		BaseURL:   cfg.BaseURL,
		Hub:       cfg.Hub,
		Generator: "newsdesk " + version,
		MaxAge:    cacheMaxAge(cfg),
		Location:  time.Local,
		Logger:    log.With("component", "feedgen"),
		Redact:    newsdesk.NewRedactor(cfg.Redact),
	}
}

func (a *app) Close() {
	a.articles.Wait()
	a.fetcher.Close()
	if err := a.db.Close(); err != nil {
		a.log.Error("close database", "err", err)
	}
}

// fail prints err for the user and returns its exit status.
func fail(g *globals, err error) int {
	fmt.Fprintf(g.stderr, "newsdesk: %v\n", err)
	return exitCode(err)
}

// explainOpen names the folder and what is missing when SQLite cannot
// create or open the database file ("unable to open database file"): the
// folder does not exist, is not a folder, or cannot be written (SQLite
// creates the file and its -wal and -shm files beside it).
func explainOpen(path string, err error) error {
	if !strings.Contains(err.Error(), "unable to open database file") {
		return err
	}
	dir := filepath.Dir(path)
	st, serr := os.Stat(dir)
	switch {
	case errors.Is(serr, fs.ErrNotExist):
		return fmt.Errorf("database %s: the folder %s does not exist: create it or change database in the config", path, dir)
	case serr != nil:
		return fmt.Errorf("database %s: cannot read the folder %s: %v", path, dir, serr)
	case !st.IsDir():
		return fmt.Errorf("database %s: %s is not a folder", path, dir)
	}
	if f, werr := os.CreateTemp(dir, ".newsdesk-write-test-*"); werr != nil {
		return fmt.Errorf("database %s: the folder %s is not writable by this user: newsdesk needs write permission there "+
			"to create the database and its -wal and -shm files (%v)", path, dir, errors.Unwrap(werr))
	} else {
		f.Close()
		os.Remove(f.Name())
	}
	if _, serr := os.Stat(path); serr == nil {
		if f, rerr := os.Open(path); rerr != nil {
			return fmt.Errorf("database %s: the file cannot be read by this user: %v", path, errors.Unwrap(rerr))
		} else {
			f.Close()
		}
	}
	return err
}
