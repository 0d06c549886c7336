package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"newsdesk"
	"newsdesk/config"
	"newsdesk/ingest"
	"newsdesk/storage"
)

// Cron phase (-cron-sources K -newsdesk BIN): the wall time of the whole
// process of a cron-run `newsdesk fetch --section sec0` (open, migrations
// check, rules and ranks, index load, fetch, write, exit) of K sources on
// a database of -desk-items items, the target being under 2 s. The
// database is a desk of -cron-sections sections (prefill: 1,000 earlier
// sources, source k filed in section k mod S); the config lists every
// section with its sources, except that sec0 lists the K fetched sources
// instead of its own (their items stay in it, as those of sources taken
// out of a section do). With -cron-sections 1 every stored item is in
// the section fetched.
//
// The runs, in order: the sources' first fetch (-items new items each);
// a run where every source answers 304; then cronNewRuns runs where each
// source has cronShift new items (the feed's window moves on, as a
// source publishing between two cron runs). Then the same steps as fetch
// are run in this process, timed one by one, to show where the time of a
// run goes.

const (
	cronShift   = 5 // new items per source between two runs
	cronNewRuns = 3
)

// cronFeeds serves K sources whose documents move cronShift items on at
// each generation, with ETags per generation (304 when unchanged).
type cronFeeds struct {
	c    *corpus
	srv  *http.Server
	host string
	gen  atomic.Int64
	gens int // generations the corpus holds
	full atomic.Int64
}

func startCronFeeds(c *corpus, gens int) (*cronFeeds, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	f := &cronFeeds{c: c, host: ln.Addr().String(), gens: gens}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /c/{file}", func(w http.ResponseWriter, r *http.Request) {
		s, err := strconv.Atoi(strings.TrimSuffix(r.PathValue("file"), ".xml"))
		if err != nil || s < 0 || s >= c.n {
			http.NotFound(w, r)
			return
		}
		g := int(f.gen.Load())
		tag := fmt.Sprintf(`"cron-%d-%d"`, s, g)
		w.Header().Set("ETag", tag)
		if r.Header.Get("If-None-Match") == tag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		f.full.Add(1)
		from := (f.gens - g) * cronShift
		body := c.feedRange(f.host, s, from, from+c.m-f.gens*cronShift)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	})
	f.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go f.srv.Serve(ln)
	return f, nil
}

func (f *cronFeeds) url(s int) string { return fmt.Sprintf("http://%s/c/%d.xml", f.host, s) }

// cronConfig is the YAML config of the cron phase, with the database at
// path: sec0 lists the k fetched sources, each other of the sections
// sections lists the prefill's sources filed in it (never fetched).
func cronConfig(f *cronFeeds, k, sections int, path string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "listen: 127.0.0.1:0\nbase_url: http://127.0.0.1:8080\ndatabase: %q\n", path)
	b.WriteString("fetch:\n  concurrency: 8\n  per_host: 8\n")
	b.WriteString("sections:\n")
	for sec := range sections {
		fmt.Fprintf(&b, "  - id: sec%d\n    title: Section %d\n    language: fr\n    sources:\n", sec, sec)
		if sec == 0 {
			for s := range k {
				fmt.Fprintf(&b, "      - %s\n", f.url(s))
			}
			continue
		}
		for src := sec; src < fillSources; src += sections {
			fmt.Fprintf(&b, "      - %s\n", fillURL(src))
		}
	}
	return b.String()
}

// cronRun is one run of the binary.
type cronRun struct {
	name      string
	wall, cpu time.Duration
	maxRSS    uint64 // bytes
	exit      int
	ok, fresh int // sources reported ok, new items reported
	load      string
}

var newItems = regexp.MustCompile(`(?m)^ok +\S+: \d+ items, (\d+) new`)

// runFetch runs `BIN --config cfg fetch --section sec0` and measures the
// whole process: wall time from exec to exit, CPU (user + system), and
// its peak RSS, read from /proc/PID/status (VmHWM, a high-water mark)
// every few milliseconds while it runs (wait4's maxrss is no use here: it
// counts the bench's own memory, which the child shares until exec).
func runFetch(ctx context.Context, bin, cfg string) (cronRun, error) {
	r := cronRun{load: loadAverage()}
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "--config", cfg, "fetch", "--section", "sec0")
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return r, fmt.Errorf("%s fetch: %w", bin, err)
	}
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
		var hwm uint64
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			if v := statusKB(status, "VmHWM:"); v > hwm {
				hwm = v
			}
			select {
			case <-done:
				peak <- hwm
				return
			case <-tick.C:
			}
		}
	}()
	err := cmd.Wait()
	r.wall = time.Since(start)
	close(done)
	r.maxRSS = <-peak
	if cmd.ProcessState == nil {
		return r, fmt.Errorf("%s fetch: %w", bin, err)
	}
	r.exit = cmd.ProcessState.ExitCode()
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "ok ") {
			r.ok++
		}
	}
	for _, m := range newItems.FindAllStringSubmatch(out.String(), -1) {
		n, _ := strconv.Atoi(m[1])
		r.fresh += n
	}
	if r.exit != 0 {
		return r, fmt.Errorf("%s fetch: exit %d: %s%s", bin, r.exit, out.String(), errb.String())
	}
	return r, nil
}

// statusKB reads a "Key:   N kB" line of a /proc status file, in bytes
// (0 when the file or the key is missing: the process has exited).
func statusKB(path, key string) uint64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, key); ok {
			n, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n * 1024
		}
	}
	return 0
}

// loadAverage is the machine's 1-minute load average, "-" where unknown.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "-"
}

func benchCron(ctx context.Context, o options, dir string, prof *profiler, t *table) error {
	if o.newsdesk == "" {
		return fmt.Errorf("-cron-sources needs -newsdesk BIN, the newsdesk binary to time (go build -o /tmp/newsdesk ./cmd/newsdesk)")
	}
	bin, err := filepath.Abs(o.newsdesk)
	if err != nil {
		return err
	}
	if st, err := os.Stat(bin); err != nil || st.IsDir() || st.Mode()&0o111 == 0 {
		return fmt.Errorf("-newsdesk %s: not an executable file", o.newsdesk)
	}
	k := o.cronSources
	pristine, err := deskDatabase(ctx, o, dir, o.deskItems, o.cronSections, t)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, "cron.db")
	if err := copyDatabase(pristine, path); err != nil {
		return err
	}
	gens := 1 + cronNewRuns + 1 // the in-process run takes the last
	c := newCorpus(k, o.items+gens*cronShift, o.dups, time.Now().UTC().Truncate(time.Minute), o.text)
	f, err := startCronFeeds(c, gens)
	if err != nil {
		return err
	}
	defer f.srv.Close()
	cfgPath := filepath.Join(dir, "cron.yaml")
	if err := os.WriteFile(cfgPath, []byte(cronConfig(f, k, o.cronSections, path)), 0o644); err != nil {
		return err
	}
	t.note("cron: %s --config %s fetch --section sec0: %d sources of %d sections, %d items each at first, then %d new per source per run",
		bin, cfgPath, k, o.cronSections, o.items, cronShift)
	var runs []cronRun
	do := func(name string) error {
		r, err := runFetch(ctx, bin, cfgPath)
		r.name = name
		if err != nil {
			return err
		}
		runs = append(runs, r)
		return nil
	}
	if err := do(fmt.Sprintf("first fetch (%d new)", k*o.items)); err != nil {
		return err
	}
	if err := do("nothing new (all 304)"); err != nil {
		return err
	}
	for g := 1; g <= cronNewRuns; g++ {
		f.gen.Store(int64(g))
		if err := do(fmt.Sprintf("%d new per source, run %d", cronShift, g)); err != nil {
			return err
		}
	}
	name := fmt.Sprintf("cron fetch %d/%dk/%ds", k, o.deskItems/1000, o.cronSections)
	var steady []time.Duration
	for _, r := range runs {
		t.add(name, r.name+": wall / CPU / peak RSS", fmt.Sprintf("%v / %v / %s", r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond), mb(r.maxRSS)),
			"load "+r.load, verdict(r.wall < 2*time.Second, "< 2 s")+fmt.Sprintf(" (%d ok, %d new)", r.ok, r.fresh))
		if strings.Contains(r.name, "run ") {
			steady = append(steady, r.wall)
		}
	}
	slices.Sort(steady)
	if len(steady) > 0 {
		m := steady[len(steady)/2]
		t.add(name, "median of the runs with new items", m.Round(time.Millisecond).String(), "", verdict(m < 2*time.Second, "< 2 s"))
	}
	f.gen.Store(int64(gens))
	return cronSteps(ctx, cfgPath, prof, t, name)
}

// copyDatabase copies the database file at src (checkpointed: no WAL) to
// dst, so that the runs of a phase start from the pristine desk database,
// built once, whatever earlier runs added to their own copy.
func copyDatabase(src, dst string) error {
	for _, p := range []string{dst, dst + "-wal", dst + "-shm"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	// On disk before the runs: otherwise the first run's checkpoint
	// (its fsync) waits for the kernel to write back the whole copy.
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// cronSteps runs the steps of `newsdesk fetch` in this process (the
// same calls cmd/newsdesk makes, in its order), timing each: where the
// wall time of a run goes.
func cronSteps(ctx context.Context, cfgPath string, prof *profiler, t *table, name string) error {
	raw, err := os.ReadFile(cfgPath)
	if err != nil {
		return err
	}
	cfg, err := config.Parse(raw, cfgPath)
	if err != nil {
		return err
	}
	prof.start("cron")
	defer prof.stop("cron")
	var steps []string
	mark := time.Now()
	step := func(s string) {
		steps = append(steps, fmt.Sprintf("%s %v", s, time.Since(mark).Round(time.Millisecond)))
		mark = time.Now()
	}
	start := mark
	db := storage.New(cfg.Database)
	if err := db.Open(ctx); err != nil {
		return err
	}
	defer db.Close()
	db.SetSections(cfg.Sections)
	step("Open")
	if _, err := db.Reconcile(ctx, cfg.Sources()); err != nil {
		return err
	}
	step("Reconcile")
	if _, err := db.Rerank(ctx); err != nil {
		return err
	}
	step("Rerank")
	if _, err := db.Reapply(ctx, false); err != nil {
		return err
	}
	step("Reapply")
	desk, fetch := newDesk(db, cfg.Fetch.Concurrency, cfg.Fetch.PerHost)
	defer fetch.Close()
	var sources []newsdesk.Source
	for _, src := range cfg.Sources() {
		if slices.Contains(src.Sections, "sec0") {
			sources = append(sources, src)
		}
	}
	reports := desk.FetchAll(ctx, sources, false, nil)
	step("FetchAll")
	if fails := ingest.Failed(reports); len(fails) > 0 {
		return fmt.Errorf("cron steps: %d sources failed: %v", len(fails), fails[0].Err)
	}
	if err := db.Close(); err != nil {
		return err
	}
	step("Close")
	t.add(name, fmt.Sprintf("in process, %d new per source: steps", cronShift), strings.Join(steps, ", "), "load "+loadAverage(),
		"total "+time.Since(start).Round(time.Millisecond).String())
	return nil
}
