package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"
)

// sample is one measurement of the process.
type sample struct {
	at         time.Duration // since the start
	heap       uint64        // bytes of heap in use after a GC
	rss        uint64        // resident set size in bytes (0 where /proc is missing)
	goroutines int           // all of them
	lasting    int           // less the per-statement watchers (see transient)
	fetches    int64
	load       string // the machine's 1-minute load average (/proc/loadavg), shown, not judged
}

// sampleLoop samples every o.sample until o.duration has passed or ctx is
// done, printing each row as it is taken.
func sampleLoop(ctx context.Context, o options, n *counters, out io.Writer) []sample {
	start := time.Now()
	fmt.Fprintf(out, "%8s %10s %10s %10s %10s %10s %6s\n", "elapsed", "heap MiB", "rss MiB", "goroutines", "lasting", "fetches", "load")
	t := time.NewTicker(o.sample)
	defer t.Stop()
	end := time.NewTimer(o.duration)
	defer end.Stop()
	var samples []sample
	most := 0
	take := func() {
		s := measure(time.Since(start), n.fetches.Load())
		samples = append(samples, s)
		if o.goroutineDump != "" && s.goroutines > most {
			most = s.goroutines
			dumpGoroutines(o.goroutineDump)
		}
		fmt.Fprintf(out, "%8s %10.1f %10.1f %10d %10d %10d %6s\n", s.at.Round(time.Second), mib(s.heap), mib(s.rss), s.goroutines, s.lasting, s.fetches, s.load)
	}
	for {
		select {
		case <-ctx.Done():
			return samples
		case <-end.C:
			take()
			return samples
		case <-t.C:
			take()
		}
	}
}

func measure(at time.Duration, fetches int64) sample {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	all, short := goroutines()
	return sample{at: at, heap: m.HeapInuse, rss: rss(), goroutines: all, lasting: all - short, fetches: fetches, load: loadAverage()}
}

// loadAverage is the first field of /proc/loadavg ("-" where missing): the
// machine may be shared, and a figure means little without it.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "-"
}

// transient marks the goroutines modernc.org/sqlite starts for each
// statement run under a cancellable context, to interrupt it on
// cancellation; each ends with its statement. Under load hundreds are
// waiting to be scheduled at any instant, which hides the count of the
// goroutines that last.
const transient = "modernc.org/sqlite.interruptOnDone"

// goroutines counts every goroutine and those in transient.
func goroutines() (all, short int) {
	var b strings.Builder
	if err := pprof.Lookup("goroutine").WriteTo(&b, 1); err != nil {
		return runtime.NumGoroutine(), 0
	}
	// Debug format 1 groups stacks: "N @ pc pc…" then "#\tpc\tfunc+off\tfile:line" lines.
	count := 0
	for _, line := range strings.Split(b.String(), "\n") {
		switch {
		case strings.HasPrefix(line, "goroutine profile: total "):
			all, _ = strconv.Atoi(strings.TrimPrefix(line, "goroutine profile: total "))
		case strings.Contains(line, " @ "):
			count, _ = strconv.Atoi(strings.Fields(line)[0])
		case strings.HasPrefix(line, "#") && strings.Contains(line, transient):
			short += count
			count = 0 // once per group
		}
	}
	return all, short
}

// rss reads VmRSS from /proc/self/status; 0 when unavailable.
func rss() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// dumpGoroutines writes every goroutine's stack, grouped, to path.
func dumpGoroutines(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	_ = pprof.Lookup("goroutine").WriteTo(f, 1)
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
