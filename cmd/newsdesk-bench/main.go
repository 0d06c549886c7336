// Command newsdesk-bench measures newsdesk end to end on this machine, in
// one process, against floors measured in the same run.
//
// It starts a loopback feed server generating -sources × -items RSS items
// (about 1 KB of content each) with a -dups share of cross-source
// duplicates, opens a fresh database in a temporary folder and runs:
//
//  1. cold fetch of every source through ingest.Desk.FetchAll (fetcher
//     concurrency -concurrency, per-host limit equal to it: every source is
//     on one loopback address), against the parse floor: the same GETs
//     with gofeed parsing and nothing else;
//  2. warm refetch, every source answering 304;
//  3. serving a section feed through the real feedgen handler on a
//     loopback http.Server, -conns connections, plain and conditional,
//     against a bare net/http handler serving the same bytes;
//  4. with -database URL (PostgreSQL) and -workers N[,N…], cold ingest by
//     N workers on one PostgreSQL database (each a DB, fetcher and desk of
//     its own, claiming sources as serve processes do) against the parse
//     floor, and the database time per item of SQLite and PostgreSQL;
//     phases 1–3 then run on PostgreSQL too (a fresh schema of the database
//     each, dropped at the end);
//  5. with -window 0,10000,50000,100000, storing 50-item fetches against
//     that many items of one section in the duplicate window (CPU and wall
//     per item, ratio to 10k), and the start-up cost of each database
//     (Open and the first write, which loads the near-duplicate index), on
//     SQLite files;
//  6. with -items-stored N, a database pre-filled with N items (bulk SQL):
//     section render from the database, insert rate and near-duplicate
//     cost per item against an empty and a 10,000-item database, and bytes
//     on disk per item;
//  5. with -tick-sources N (up to 10,000), a refetch tick of N sources
//     whose validators are stored, every one answering 304: wall time, and
//     that nothing was served whole nor parsed;
//  6. with -startup N, Open of a database holding N items in the
//     duplicate window, and its first write;
//  7. with -cron-sources K -newsdesk BIN, the wall time of cron-run
//     `BIN fetch --section sec0` processes of K sources on a database of
//     -desk-items items (1,000,000) over -cron-sections sections, and the
//     steps of one run timed in process;
//  8. with -rerender-sections S, the cost of rendering each of S sections
//     again after a change (a fetch into it, the handler invalidated), on
//     a database of -desk-items items over those S sections.
//
// -serve-sections N makes the serving test read the Atom feeds of the
// first N sections round robin, every one rendered and cached first.
//
// The cold phase's CPU is broken down by stage (parse, normalize, sign,
// writer, checkpoint, GC, the rest) from a CPU profile taken in memory,
// against the floor's profile of the same run.
//
// -text chooses the generated text (internal/textgen): default, zipf (a
// section's common vocabulary, half of all words, as topical feeds are)
// or small (40 words). It prints one table. It does not assert anything: targets are judged by
// whoever reads the table.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"

	"newsdesk/internal/textgen"
	"newsdesk/storage"
)

type options struct {
	sources, items, sections, limit int
	dups                            float64
	concurrency, conns, requests    int
	rounds                          int
	itemsStored                     int
	tickSources, startup            int
	keep                            string
	cpuprofile, memprofile          string
	phase                           string
	database, workers               string
	text                            textgen.Mode
	windows                         []int // -window: items in the duplicate window of the window phase
	pipeline                        bool
	serveSections                   int    // sections the serving test reads, round robin (1: the first only)
	cronSources                     int    // sources of the cron phase (0 skips it)
	cronSections                    int    // sections of the cron phase's desk
	newsdesk                        string // the binary the cron phase times
	deskItems                       int    // items of the cron and re-render phases' databases
	rerenderSections                int    // sections of the re-render phase (0 skips it)
}

func main() {
	var o options
	flag.IntVar(&o.sources, "sources", 1000, "number of generated sources")
	flag.IntVar(&o.items, "items", 50, "items per source")
	flag.Float64Var(&o.dups, "dups", 0.25, "share of items that retell another source's story")
	flag.IntVar(&o.sections, "sections", 10, "sections the sources are spread over")
	flag.IntVar(&o.limit, "limit", 50, "items per section feed")
	flag.IntVar(&o.concurrency, "concurrency", 8, "fetcher concurrency (per-host limit is the same)")
	flag.IntVar(&o.conns, "conns", 32, "connections of the serving test")
	flag.IntVar(&o.requests, "requests", 20000, "requests per serving run")
	flag.IntVar(&o.rounds, "rounds", 2, "runs of each floor and serving test; the best is kept")
	flag.IntVar(&o.itemsStored, "items-stored", 0, "also measure with this many items pre-stored (e.g. 1000000); 0 skips")
	flag.IntVar(&o.tickSources, "tick-sources", 0, "also measure a refetch tick of this many sources (up to 10000) that all answer 304, on a database seeded with their validators; 0 skips")
	flag.IntVar(&o.startup, "startup", 0, "also measure start-up with this many items in the duplicate window (e.g. 100000): Open and the first write; 0 skips")
	flag.StringVar(&o.keep, "dir", "", "folder for the databases (default: a temporary folder, removed); the desk databases of the cron and re-render phases are kept there and reused, the others made afresh")
	flag.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the selected phases to this file")
	flag.StringVar(&o.memprofile, "memprofile", "", "write a heap profile (live objects) at the end of the selected phase to this file")
	flag.StringVar(&o.phase, "profile-phase", "cold", "phase the CPU profile covers: floor, cold, warm, tick, startup, serve, scale (the inserts into the largest database), cron (the in-process run) or rerender")
	flag.StringVar(&o.database, "database", "", "a PostgreSQL URL: run on it (in fresh schemas, dropped at the end) instead of SQLite files")
	flag.StringVar(&o.workers, "workers", "", "with -database: also measure cold ingest by this many workers (e.g. 1,2,4)")
	text := flag.String("text", "default", "generated text: default (a few topical words among many rare ones), zipf (a section's common vocabulary, half of all words, Zipf law) or small (40 words)")
	window := flag.String("window", "", "also measure storing against this many items of one section in the duplicate window, and the start-up cost (comma list, e.g. 0,10000,50000,100000); empty skips")
	flag.IntVar(&o.serveSections, "serve-sections", 1, "sections whose Atom feeds the serving test reads, round robin (at most -sections; each rendered and cached before the load)")
	flag.IntVar(&o.cronSources, "cron-sources", 0, "also time a cron-run `newsdesk fetch` (the whole process, binary -newsdesk) of this many sources on a database of -desk-items items; 0 skips")
	flag.IntVar(&o.cronSections, "cron-sections", 200, "sections of the cron phase's desk (the fetched sources are all in the first; 1: every stored item is in it)")
	flag.StringVar(&o.newsdesk, "newsdesk", "", "the newsdesk binary the cron phase runs (go build -o /tmp/newsdesk ./cmd/newsdesk)")
	flag.IntVar(&o.deskItems, "desk-items", 1_000_000, "items stored in the databases of the cron and re-render phases (bulk SQL)")
	flag.IntVar(&o.rerenderSections, "rerender-sections", 0, "also measure re-rendering each of this many sections after a change, on a database of -desk-items items over them; 0 skips")
	flag.BoolVar(&o.pipeline, "pipeline", true, "run the pipeline phases (cold, warm, serve); false with -window or -items-stored measures those alone")
	flag.Parse()
	windows, err := parseWindows(*window)
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsdesk-bench:", err)
		os.Exit(2)
	}
	o.windows = windows
	mode, err := textgen.ParseMode(*text)
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsdesk-bench: -text:", err)
		os.Exit(2)
	}
	o.text = mode
	if err := o.check(); err != nil {
		fmt.Fprintln(os.Stderr, "newsdesk-bench:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "newsdesk-bench:", err)
		os.Exit(1)
	}
}

// profiler captures CPU profiles: of the floor, cold and tick phases
// always (in memory, for the per-stage breakdown), and of the selected
// phase into -cpuprofile; a heap profile at the end of the selected phase.
type profiler struct {
	path  string
	mem   string
	phase string
	cap   capture
}

// breakdownPhases are profiled in memory whatever -profile-phase says.
var breakdownPhases = map[string]bool{"floor": true, "cold": true, "tick": true}

func (p *profiler) start(phase string) {
	if breakdownPhases[phase] || p.path != "" && p.phase == phase {
		p.cap.start()
	}
}

// stop ends the phase's profile and returns it (nil when none ran). With
// several rounds of a phase, -cpuprofile holds the last.
func (p *profiler) stop(phase string) []byte {
	raw := p.cap.stop()
	if p.path != "" && p.phase == phase && raw != nil {
		if err := os.WriteFile(p.path, raw, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "newsdesk-bench:", err)
		}
	}
	if p.mem != "" && p.phase == phase {
		f, err := os.Create(p.mem)
		if err != nil {
			fmt.Fprintln(os.Stderr, "newsdesk-bench:", err)
			return raw
		}
		defer f.Close()
		runtime.GC() // live objects only
		if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
			fmt.Fprintln(os.Stderr, "newsdesk-bench:", err)
		}
	}
	return raw
}

func run(ctx context.Context, o options) error {
	dir := o.keep
	if dir == "" {
		d, err := os.MkdirTemp("", "newsdesk-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	prof := &profiler{phase: o.phase, mem: o.memprofile, path: o.cpuprofile}
	workers, err := parseWorkers(o.workers)
	if err != nil {
		return err
	}
	if o.database != "" && !storage.IsPostgresURL(o.database) {
		return fmt.Errorf("-database %q is not a postgres:// or postgresql:// URL", storage.RedactURL(o.database))
	}
	if len(workers) > 0 && o.database == "" {
		return fmt.Errorf("-workers needs -database URL (several workers share a PostgreSQL database)")
	}
	// With -dir, what an earlier run left there is not measured again:
	// each phase starts from a database of its own making (the desk
	// databases alone are kept and reused, see desk.go).
	if o.keep != "" {
		for _, pattern := range []string{"bench.db*", "tick.db*", "startup.db*", "scale-*.db*", "window-*.db*"} {
			old, _ := filepath.Glob(filepath.Join(dir, pattern))
			for _, p := range old {
				if err := os.Remove(p); err != nil {
					return err
				}
			}
		}
	}
	sc := &scratch{dir: dir, pg: o.database}
	defer sc.close()
	t := &table{}
	t.note("machine: %d CPUs (GOMAXPROCS %d), %s/%s, %s", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, runtime.Version())
	if o.pipeline {
		pipeline := filepath.Join(dir, "bench.db")
		if o.database != "" {
			if pipeline, err = sc.fresh(ctx, true); err != nil {
				return err
			}
			t.note("database: PostgreSQL %s (fresh schemas)", storage.RedactURL(o.database))
		}
		if err := benchPipeline(ctx, o, pipeline, prof, t); err != nil {
			return err
		}
	}
	if len(o.windows) > 0 {
		if err := benchWindow(ctx, o, dir, t); err != nil {
			return err
		}
	}
	if len(workers) > 0 {
		if err := benchWorkers(ctx, o, sc, workers, t); err != nil {
			return err
		}
	}
	if o.tickSources > 0 {
		if err := benchTick(ctx, o, filepath.Join(dir, "tick.db"), prof, t); err != nil {
			return err
		}
	}
	if o.startup > 0 {
		if err := benchStartup(ctx, o, filepath.Join(dir, "startup.db"), prof, t); err != nil {
			return err
		}
	}
	if o.itemsStored > 0 {
		err := benchScale(ctx, o, dir, prof, t)
		if err != nil {
			return err
		}
	}
	if o.cronSources > 0 {
		if err := benchCron(ctx, o, dir, prof, t); err != nil {
			return err
		}
	}
	if o.rerenderSections > 0 {
		if err := benchRerender(ctx, o, dir, prof, t); err != nil {
			return err
		}
	}
	t.print(os.Stdout)
	return nil
}

// check refuses flag values the run cannot honour, naming the flag.
func (o options) check() error {
	switch {
	case o.sources < 1 || o.items < 1 || o.sections < 1:
		return fmt.Errorf("-sources %d, -items %d, -sections %d: want at least 1 each", o.sources, o.items, o.sections)
	case o.serveSections < 1 || o.serveSections > o.sections:
		return fmt.Errorf("-serve-sections %d: want between 1 and -sections (%d)", o.serveSections, o.sections)
	case o.cronSources < 0 || o.cronSources > 1000:
		return fmt.Errorf("-cron-sources %d: want 0 (skip) to 1000", o.cronSources)
	case o.cronSources > 0 && (o.cronSections < 1 || o.cronSections > fillSources):
		return fmt.Errorf("-cron-sections %d: want 1 to %d (every section lists sources)", o.cronSections, fillSources)
	case o.cronSources > 0 && o.newsdesk == "":
		return fmt.Errorf("-cron-sources needs -newsdesk BIN, the newsdesk binary to time (go build -o /tmp/newsdesk ./cmd/newsdesk)")
	case o.rerenderSections < 0 || o.rerenderSections > 1000:
		return fmt.Errorf("-rerender-sections %d: want 0 (skip) to 1000", o.rerenderSections)
	case (o.cronSources > 0 || o.rerenderSections > 0) && o.deskItems < 1:
		return fmt.Errorf("-desk-items %d: want at least 1", o.deskItems)
	}
	return nil
}
