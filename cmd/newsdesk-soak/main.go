// Command newsdesk-soak is an accelerated soak test of the newsdesk
// pipeline: it serves 200 generated sources on loopback whose content
// changes every second (-change), runs the real scheduler, fetcher,
// normalizer and storage in-process on a 1-second schedule (-schedule; with
// retention, -max-items per section, and a reader of every section feed),
// samples heap in use, resident memory and goroutines
// at a fixed interval, and prints a table and a verdict: flat when, after the
// warm-up, the floor (lowest sample) of the last quarter of the samples is
// within 20% of the first quarter's for each figure: periodic fetch bursts
// do not move a floor, a leak does.
//
// It is a command, not a unit test: run it for minutes, e.g.
//
//	go run ./cmd/newsdesk-soak -duration 10m
//
// or, at the scale of a large desk (10,000 sources fetched every minute,
// each publishing every five minutes and answering 304 in between):
//
//	go run ./cmd/newsdesk-soak -duration 10m -sources 10000 -sections 50 \
//	    -items 10 -schedule 1m -change 5m -warmup 3m
//
// It exits 0 when every figure is flat, 1 when one grows, 2 on a setup error.
// It never leaves the loopback interface.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"
)

func main() {
	var o options
	flag.DurationVar(&o.duration, "duration", 10*time.Minute, "how long to run")
	flag.DurationVar(&o.sample, "sample", 10*time.Second, "sampling interval")
	flag.DurationVar(&o.warmup, "warmup", time.Minute, "samples taken before this are left out of the verdict")
	flag.IntVar(&o.sources, "sources", 200, "generated sources")
	flag.IntVar(&o.sections, "sections", 10, "sections the sources are spread over")
	flag.IntVar(&o.items, "items", 20, "items in each generated feed")
	flag.DurationVar(&o.schedule, "schedule", time.Second, "every source's schedule (@every this; at least 1s)")
	flag.DurationVar(&o.change, "change", time.Second, "how often each source publishes a new item (whole seconds, at least 1s); fetches in between are answered 304")
	flag.IntVar(&o.maxItems, "max-items", 200, "retention: items kept per section")
	flag.IntVar(&o.concurrency, "concurrency", 16, "fetcher concurrency (and per-host limit: every source is on one loopback address)")
	flag.StringVar(&o.dir, "dir", "", "folder for the database (default: a temporary folder, removed at the end)")
	flag.Float64Var(&o.tolerance, "tolerance", 0.20, "largest relative growth still called flat")
	verbose := flag.Bool("v", false, "log the pipeline's warnings")
	flag.StringVar(&o.goroutineDump, "goroutines", "", "write the goroutine stacks to this file at each new highest count")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flag.Parse()
	if err := o.check(); err != nil {
		fmt.Fprintf(os.Stderr, "newsdesk-soak: %v\n", err)
		os.Exit(2)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "newsdesk-soak: %v\n", err)
			os.Exit(2)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}

	level := slog.LevelError
	if *verbose {
		level = slog.LevelWarn
	}
	o.log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code, err := run(ctx, o, os.Stdout)
	if err != nil {
		fmt.Fprintf(os.Stderr, "newsdesk-soak: %v\n", err)
	}
	if code != 0 {
		pprof.StopCPUProfile()
		os.Exit(code)
	}
}

// options configure one soak run.
type options struct {
	duration, sample, warmup time.Duration
	sources, sections, items int
	schedule, change         time.Duration
	maxItems, concurrency    int
	dir                      string
	tolerance                float64
	goroutineDump            string
	log                      *slog.Logger
}

// check refuses options the run cannot honour, naming the flag.
func (o options) check() error {
	switch {
	case o.sources < 1:
		return fmt.Errorf("-sources %d: want at least 1", o.sources)
	case o.sections < 1 || o.sections > o.sources:
		return fmt.Errorf("-sections %d: want between 1 and -sources (%d)", o.sections, o.sources)
	case o.items < 1:
		return fmt.Errorf("-items %d: want at least 1", o.items)
	case o.schedule < time.Second || o.schedule%time.Second != 0:
		return fmt.Errorf("-schedule %s: want whole seconds, at least 1s", o.schedule)
	case o.change < time.Second || o.change%time.Second != 0:
		return fmt.Errorf("-change %s: want whole seconds, at least 1s", o.change)
	case o.maxItems < 0:
		return fmt.Errorf("-max-items %d: want 0 (no limit) or more", o.maxItems)
	case o.concurrency < 1:
		return fmt.Errorf("-concurrency %d: want at least 1", o.concurrency)
	case o.sample <= 0 || o.duration <= 0:
		return fmt.Errorf("-sample %s, -duration %s: want both above zero", o.sample, o.duration)
	case o.tolerance < 0:
		return fmt.Errorf("-tolerance %g: want 0 or more", o.tolerance)
	}
	return nil
}
