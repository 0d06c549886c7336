// Package scheduler runs each source's fetch on its cron schedule
// (robfig/cron/v3), with a per-source jitter of at most a tenth of its
// interval, and the retention job on its own. Jobs run under a root context
// that Stop cancels, so shutdown never waits on a hung fetch past its
// deadline. It does not fetch or store: it calls a Job per source.
package scheduler

import (
	"context"
	"fmt"
	"hash/fnv"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"newsdesk"
)

// Scheduler owns the cron instance. It is safe for concurrent use.
type Scheduler struct {
	// Fetch fetches one source; it must honour ctx.
	Fetch func(ctx context.Context, src newsdesk.Source)
	// Prune runs retention; nil disables the job.
	Prune  func(ctx context.Context)
	Logger *slog.Logger

	mu      sync.Mutex
	cron    *cron.Cron
	ctx     context.Context
	cancel  context.CancelFunc
	running sync.WaitGroup
	jobs    map[string]entry // by source URL
	prune   cron.EntryID
}

type entry struct {
	id   cron.EntryID
	spec string
	src  newsdesk.Source
}

// New returns a stopped scheduler.
func New(fetch func(ctx context.Context, src newsdesk.Source), logger *slog.Logger) *Scheduler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Scheduler{Fetch: fetch, Logger: logger, jobs: map[string]entry{}}
}

// Start starts the cron loop; jobs run under a context derived from ctx.
func (s *Scheduler) Start(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ctx, s.cancel = context.WithCancel(ctx)
	s.cron = cron.New(cron.WithParser(parser), cron.WithLogger(cronLogger{s.Logger}))
	s.cron.Start()
}

// Apply replaces the scheduled sources with these (config load or reload):
// new sources are added, removed ones dropped, changed ones rescheduled;
// an unchanged source keeps its job, so a fetch in flight is not doubled.
// retentionSpec schedules Prune. Specs must have been validated by config.
func (s *Scheduler) Apply(sources []newsdesk.Source, retentionSpec string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cron == nil {
		return fmt.Errorf("scheduler not started")
	}
	keep := map[string]bool{}
	for _, src := range sources {
		keep[src.URL] = true
		old, ok := s.jobs[src.URL]
		if ok && old.spec == src.Schedule && sameSource(old.src, src) {
			continue
		}
		if ok {
			s.cron.Remove(old.id)
		}
		sched, err := Jittered(src.Schedule, src.URL)
		if err != nil {
			return fmt.Errorf("source %s: %w", src.URL, err)
		}
		id := s.cron.Schedule(sched, s.wrap(func(ctx context.Context) { s.Fetch(ctx, src) }, src.URL))
		s.jobs[src.URL] = entry{id: id, spec: src.Schedule, src: src}
	}
	for url, e := range s.jobs {
		if !keep[url] {
			s.cron.Remove(e.id)
			delete(s.jobs, url)
		}
	}
	if s.prune != 0 {
		s.cron.Remove(s.prune)
		s.prune = 0
	}
	if s.Prune != nil && retentionSpec != "" {
		sched, err := parser.Parse(retentionSpec)
		if err != nil {
			return fmt.Errorf("retention schedule: %w", err)
		}
		s.prune = s.cron.Schedule(sched, s.wrap(s.Prune, "retention"))
	}
	return nil
}

// wrap makes a cron job of fn: skipped while its previous run is still going,
// and recovered from panics (in that order, so a panic never leaves the job
// marked as running), run under the root context.
func (s *Scheduler) wrap(fn func(ctx context.Context), name string) cron.Job {
	logger := cronLogger{s.Logger.With("job", name)}
	return cron.NewChain(cron.SkipIfStillRunning(logger), cron.Recover(logger)).Then(cron.FuncJob(func() {
		s.mu.Lock()
		ctx := s.ctx
		s.running.Add(1)
		s.mu.Unlock()
		defer s.running.Done()
		if ctx.Err() != nil {
			return
		}
		fn(ctx)
	}))
}

// Entries returns the next run time of each scheduled source, by URL.
func (s *Scheduler) Entries() map[string]time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]time.Time, len(s.jobs))
	for url, e := range s.jobs {
		out[url] = s.cron.Entry(e.id).Next
	}
	return out
}

// Stop stops firing new jobs, waits for running ones until ctx is done,
// then cancels them and waits for them to return.
func (s *Scheduler) Stop(ctx context.Context) {
	s.mu.Lock()
	c, cancel := s.cron, s.cancel
	s.mu.Unlock()
	if c == nil {
		return
	}
	c.Stop()
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.Logger.Warn("shutdown deadline reached: cancelling fetches in flight")
		cancel()
		<-done
	}
	cancel()
}

func sameSource(a, b newsdesk.Source) bool {
	if a.Title != b.Title || len(a.Sections) != len(b.Sections) || len(a.Strip) != len(b.Strip) {
		return false
	}
	for i := range a.Sections {
		if a.Sections[i] != b.Sections[i] {
			return false
		}
	}
	for i := range a.Strip {
		if a.Strip[i].String() != b.Strip[i].String() {
			return false
		}
	}
	return true
}

// parser accepts what the config package validates: 5 or 6 fields and
// descriptors (@every, @hourly, CRON_TZ= prefixes).
var parser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Interval returns the time between two firings of spec (its first two
// after a fixed date), or 0 when spec does not parse.
func Interval(spec string) time.Duration {
	sched, err := parser.Parse(spec)
	if err != nil {
		return 0
	}
	first := sched.Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	return max(sched.Next(first).Sub(first), 0)
}

// Jittered parses spec and delays each firing by a fixed offset derived from
// key, at most a tenth of the schedule's interval, so sources sharing a
// schedule do not all fire in the same second.
func Jittered(spec, key string) (cron.Schedule, error) {
	sched, err := parser.Parse(spec)
	if err != nil {
		return nil, err
	}
	ref := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	first := sched.Next(ref)
	interval := sched.Next(first).Sub(first)
	if interval <= 0 {
		return sched, nil
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	maxJitter := interval / 10
	if maxJitter < time.Second {
		return sched, nil
	}
	offset := time.Duration(h.Sum64()%uint64(maxJitter/time.Second)) * time.Second
	if every, ok := sched.(cron.ConstantDelaySchedule); ok {
		// @every counts from whenever the job was added, so every source
		// added at start-up would fire in the same second: anchor it.
		return aligned{every: every.Delay, offset: offset}, nil
	}
	return jittered{sched, offset}, nil
}

// aligned fires at offset + k×every since the Unix epoch.
type aligned struct {
	every, offset time.Duration
}

func (a aligned) Next(t time.Time) time.Time {
	since := t.Sub(time.Unix(0, 0).Add(a.offset))
	k := since/a.every + 1
	if since < 0 {
		k = 0
	}
	return time.Unix(0, 0).Add(a.offset + k*a.every).In(t.Location())
}

type jittered struct {
	cron.Schedule
	offset time.Duration
}

func (j jittered) Next(t time.Time) time.Time {
	n := j.Schedule.Next(t.Add(-j.offset))
	if n.IsZero() {
		return n
	}
	return n.Add(j.offset)
}

// cronLogger adapts slog to cron.Logger.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append(kv, "err", err)...)
}
