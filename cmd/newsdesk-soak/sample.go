package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// sample is one measurement of the process.
type sample struct {
	at         time.Duration // since the start
	heap       uint64        // bytes of heap in use after a GC
	rss        uint64        // resident set size in bytes (0 where /proc is missing)
	goroutines int
	fetches    int64
}

// sampleLoop samples every o.sample until o.duration has passed or ctx is
// done, printing each row as it is taken.
func sampleLoop(ctx context.Context, o options, n *counters, out io.Writer) []sample {
	start := time.Now()
	fmt.Fprintf(out, "%8s %10s %10s %10s %10s\n", "elapsed", "heap MiB", "rss MiB", "goroutines", "fetches")
	t := time.NewTicker(o.sample)
	defer t.Stop()
	end := time.NewTimer(o.duration)
	defer end.Stop()
	var samples []sample
	take := func() {
		s := measure(time.Since(start), n.fetches.Load())
		samples = append(samples, s)
		fmt.Fprintf(out, "%8s %10.1f %10.1f %10d %10d\n", s.at.Round(time.Second), mib(s.heap), mib(s.rss), s.goroutines, s.fetches)
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
	return sample{at: at, heap: m.HeapInuse, rss: rss(), goroutines: runtime.NumGoroutine(), fetches: fetches}
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

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
