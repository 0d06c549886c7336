package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"newsdesk"
	"newsdesk/article"
	"newsdesk/config"
	"newsdesk/feedgen"
	"newsdesk/ingest"
	"newsdesk/metrics"
	"newsdesk/scheduler"
	"newsdesk/storage"
)

func serveCommand() *command {
	var shutdownGrace time.Duration
	var listen string
	return &command{
		name:    "serve",
		summary: "run the scheduler and the HTTP server until SIGINT/SIGTERM (SIGHUP reloads)",
		flags: func(g *globals) *flag.FlagSet {
			fs := newFlags(g, "serve", "[--listen ADDR] [--shutdown-grace 10s]",
				"Runs as a daemon: fetches every source at start-up and then on its schedule, and\n"+
					"serves the section feeds over HTTP. SIGINT/SIGTERM shut down gracefully; SIGHUP\n"+
					"reloads the config (an invalid new config is reported and the old one stays).")
			fs.DurationVar(&shutdownGrace, "shutdown-grace", 10*time.Second, "how long in-flight fetches may finish at shutdown before they are cancelled")
			fs.StringVar(&listen, "listen", "", "HTTP address to listen on, overriding the config's listen (several processes, one config file)")
			return fs
		},
		run: func(ctx context.Context, g *globals, args []string) int {
			if listen != "" {
				if _, _, err := net.SplitHostPort(listen); err != nil {
					return fail(g, usageError{fmt.Errorf("--listen %q: %v", listen, err)})
				}
			}
			cfg, err := loadConfig(g)
			if err != nil {
				return fail(g, err)
			}
			if listen != "" {
				c := *cfg // a Config is not modified once loaded: the copy carries the override
				if c.BaseURL == config.BaseURLFromListen(c.Listen) {
					c.BaseURL = config.BaseURLFromListen(listen) // no base_url in the file: it follows listen
				}
				c.Listen = listen
				cfg = &c
			}
			// Bind before the database is opened (or created): a port in
			// use must not leave a new database file behind.
			ln, err := net.Listen("tcp", cfg.Listen)
			if err != nil {
				where := "listen in " + g.config
				if listen != "" {
					where = "--listen"
				}
				return fail(g, fmt.Errorf("listen on %s (%s): %w", cfg.Listen, where, err))
			}
			a, err := openAppWith(ctx, g, cfg)
			if err != nil {
				ln.Close()
				return fail(g, err)
			}
			defer a.Close()
			if err := applyRules(ctx, a.db, a.log); err != nil {
				return fail(g, err)
			}
			for _, w := range cfg.Warnings {
				a.log.Warn("config: " + w.Error())
			}
			s := &server{app: a, g: g, listen: listen}
			if err := s.run(ctx, ln, shutdownGrace); err != nil {
				return fail(g, err)
			}
			return 0
		},
	}
}

// server is a running `newsdesk serve`.
type server struct {
	*app
	g       *globals
	listen  string       // --listen, when given
	mu      sync.RWMutex // guards cfg on reload
	feeds   *feedgen.Handler
	metrics *metrics.Metrics
	sched   *scheduler.Scheduler
	guard   *guard         // the admin surface's access control
	fetches sync.WaitGroup // start-up and reload fetches

	versionsMu sync.Mutex
	versions   map[string]int64 // the section versions the feed cache reflects
}

// changed drops the cached feeds of sections this process changed. The
// versions are read first: a change another process commits after the
// read has a newer version, which watchVersions sees, and one committed
// before is in the next render; so the notification of this process's
// own change does not render the feed a second time.
func (s *server) changed(ids []string) {
	if cur, err := s.db.SectionVersions(context.Background()); err == nil {
		s.versionsMu.Lock()
		for _, id := range ids {
			if v, ok := cur[id]; ok && v > s.versions[id] {
				s.versions[id] = v
			}
		}
		s.versionsMu.Unlock()
	}
	s.feeds.Invalidate(ids...)
}

func (s *server) config() *config.Config {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cfg
}

func (s *server) run(ctx context.Context, ln net.Listener, grace time.Duration) error {
	cfg := s.config()
	s.metrics = metrics.New(version)
	opt := feedOptions(cfg, s.log)
	opt.Rendered = s.metrics.ObserveRender
	s.feeds = feedgen.NewHandler(s.db, cfg.Sections, opt)
	var err error
	if s.versions, err = s.db.SectionVersions(ctx); err != nil {
		s.versions = map[string]int64{}
	}
	s.desk.OnChange = s.changed
	s.articles.Stage.OnChange = s.desk.OnChange
	s.metrics.WatchNearIndex(s.db.NearIndexItems)
	s.desk.Observe = func(r ingest.Report) {
		// Metrics label sources by their redacted URL.
		r.Source = s.red.URL(r.Source)
		s.metrics.Observe(r)
	}
	s.articles.Done = func(r article.Report, err error) {
		s.metrics.ObserveArticles(r)
		if err != nil {
			s.log.Warn("articles", "source", r.Source, "err", err)
		}
	}

	jobs, cancelJobs := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelJobs()
	s.sched = scheduler.New(func(ctx context.Context, src newsdesk.Source) { s.desk.FetchSource(ctx, src, false) },
		s.log.With("component", "scheduler"))
	s.sched.Prune = s.prune
	s.sched.Start(jobs)
	if err := s.sched.Apply(cfg.Sources(), cfg.Retention.Schedule); err != nil {
		ln.Close()
		return err
	}
	s.fetchNow(jobs, cfg.Sources())

	public, admin := s.routes()
	var adminLn net.Listener
	if admin != nil {
		var err error
		if adminLn, err = net.Listen("tcp", cfg.AdminListen); err != nil {
			ln.Close()
			return fmt.Errorf("listen on %s (admin_listen): %w", cfg.AdminListen, err)
		}
	}
	newServer := func(h http.Handler) *http.Server {
		return &http.Server{
			Handler:           h,
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       15 * time.Second,
			WriteTimeout:      30 * time.Second,
			IdleTimeout:       120 * time.Second,
			MaxHeaderBytes:    64 << 10,
			ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		}
	}
	var adminSrv *http.Server
	served := make(chan error, 2)
	if admin != nil {
		adminSrv = newServer(admin)
		go func() { served <- adminSrv.Serve(adminLn) }()
		s.log.Info("serving the admin surface", "admin_listen", adminLn.Addr().String())
	}
	if cfg.Token == "" {
		s.log.Info("no admin token: /sources, /report, /metrics, /desk and /api/* answer loopback clients only, read-only")
	}
	srv := &http.Server{
		Handler:           public,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	go func() { served <- srv.Serve(ln) }()
	s.log.Info("serving", "listen", ln.Addr().String(), "base_url", cfg.BaseURL, "sections", len(cfg.Sections),
		"sources", len(cfg.Sources()), "database", storage.RedactURL(cfg.Database), "version", version)

	if err := sdNotify("READY=1"); err != nil {
		s.log.Warn("sd_notify", "err", err)
	}
	go s.watchVersions(jobs)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-hup:
			_ = sdNotify("RELOADING=1")
			s.reload(jobs)
			_ = sdNotify("READY=1")
			continue
		case err := <-served:
			cancelJobs()
			return fmt.Errorf("http server: %w", err)
		case <-ctx.Done():
		}
		break
	}
	_ = sdNotify("STOPPING=1")
	s.log.Info("shutting down", "grace", grace.String())
	stopCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	s.sched.Stop(stopCtx)
	done := make(chan struct{})
	go func() { s.fetches.Wait(); s.articles.Wait(); close(done) }()
	select {
	case <-done:
	case <-stopCtx.Done():
		cancelJobs()
		<-done
	}
	httpCtx, cancelHTTP := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancelHTTP()
	if err := srv.Shutdown(httpCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		s.log.Warn("http shutdown", "err", err)
	}
	if adminSrv != nil {
		if err := adminSrv.Shutdown(httpCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Warn("http shutdown (admin)", "err", err)
		}
	}
	s.log.Info("stopped")
	return nil
}

// fetchNow fetches the sources once in the background (start-up, reload).
func (s *server) fetchNow(ctx context.Context, sources []newsdesk.Source) {
	if len(sources) == 0 {
		return
	}
	s.fetches.Add(1)
	go func() {
		defer s.fetches.Done()
		s.desk.FetchAll(ctx, sources, false, nil)
	}()
}

// reload reads and validates the config again; an invalid one is logged
// and the running one stays.
func (s *server) reload(ctx context.Context) {
	old := s.config()
	cfg, err := loadConfig(s.g)
	if err != nil {
		s.log.Error("reload: invalid config, keeping the running one", "config", s.g.config, "err", err)
		return
	}
	if s.listen != "" {
		cfg.Listen = s.listen // --listen holds over the file's
	}
	if cfg.Listen != old.Listen || cfg.Database != old.Database {
		s.log.Warn("reload: listen and database take effect at the next restart",
			"listen", old.Listen, "database", storage.RedactURL(old.Database))
		cfg.Listen, cfg.Database = old.Listen, old.Database
	}
	if err := s.sched.Apply(cfg.Sources(), cfg.Retention.Schedule); err != nil {
		s.log.Error("reload: keeping the running config", "err", err)
		_ = s.sched.Apply(old.Sources(), old.Retention.Schedule)
		return
	}
	s.db.SetSections(cfg.Sections)
	s.feeds.SetSections(cfg.Sections)
	if changed, err := s.db.Reconcile(ctx, cfg.Sources()); err != nil {
		s.log.Error("reload: filing stored items into new sections", "err", err)
	} else if len(changed) > 0 {
		s.feeds.Invalidate(changed...)
	}
	if ranked, err := s.db.Rerank(ctx); err != nil {
		s.log.Error("reload: ranking stories under the new source priorities", "err", err)
	} else if len(ranked) > 0 {
		s.feeds.Invalidate(ranked...)
	}
	if changes, err := s.db.Reapply(ctx, false); err != nil {
		s.log.Error("reload: applying the rules to stored items", "err", err)
	} else {
		secs := map[string]bool{}
		for _, c := range changes {
			secs[c.Section] = true
			s.log.Info("rules applied to a stored item", "section", c.Section, "item", c.ItemID, "change", c.Change,
				"why", c.Why, "title", c.Title)
		}
		for id := range secs {
			s.feeds.Invalidate(id)
		}
	}
	if renamed, err := s.db.RenameSources(ctx, cfg.Sources()); err != nil {
		s.log.Error("reload: storing renamed sources", "err", err)
	} else if len(renamed) > 0 {
		s.feeds.Invalidate(renamed...) // the items name their source
	}
	s.desk.Tracking = cfg.Tracking
	s.mu.Lock()
	s.cfg = cfg
	s.mu.Unlock()
	known := map[string]bool{}
	for _, src := range old.Sources() {
		known[src.URL] = true
	}
	var added []newsdesk.Source
	for _, src := range cfg.Sources() {
		if !known[src.URL] {
			added = append(added, src)
		}
	}
	s.fetchNow(ctx, added)
	s.log.Info("reloaded", "config", s.g.config, "sections", len(cfg.Sections), "sources", len(cfg.Sources()), "new_sources", len(added))
}

// prune runs retention.
func (s *server) prune(ctx context.Context) {
	cfg := s.config()
	n, err := s.db.Prune(ctx, cfg.Retention.MaxAge, cfg.Retention.MaxItems)
	if err != nil {
		s.log.Error("retention", "err", err)
		return
	}
	s.log.Info("retention", "removed", n)
}

// watchVersions notices feed changes written by other processes on the
// same database (a cron-run `newsdesk fetch`, `newsdesk hide`, other serve
// processes on PostgreSQL) and drops those cached feeds: at each
// notification of a change (PostgreSQL's LISTEN/NOTIFY), and once a second
// in any case, so that another process's change is served within two
// seconds; it also ends expired pins.
func (s *server) watchVersions(ctx context.Context) {
	wake := make(chan struct{}, 1)
	go s.db.Watch(ctx, func() {
		select {
		case wake <- struct{}{}:
		default: // a wake-up is pending already
		}
	})
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-wake:
		}
		if _, err := s.db.ExpirePins(ctx); err != nil {
			s.log.Warn("expire pins", "err", err)
		}
		cur, err := s.db.SectionVersions(ctx)
		if err != nil {
			continue
		}
		var changed []string
		s.versionsMu.Lock()
		for id, v := range cur {
			if s.versions[id] != v {
				changed = append(changed, id)
			}
		}
		s.versions = cur
		s.versionsMu.Unlock()
		if len(changed) > 0 {
			s.feeds.Invalidate(changed...)
		}
	}
}

// cacheMaxAge is the Cache-Control max-age of the feeds: half the default
// schedule's interval, between one minute and one hour.
func cacheMaxAge(cfg *config.Config) time.Duration {
	sched, err := scheduler.Jittered(cfg.Schedule, "")
	if err != nil {
		return 5 * time.Minute
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	first := sched.Next(now)
	d := sched.Next(first).Sub(first) / 2
	return min(max(d, time.Minute), time.Hour)
}
