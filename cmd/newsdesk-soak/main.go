// Command newsdesk-soak is an accelerated soak test of the newsdesk
// pipeline: it serves 200 generated sources on loopback whose content
// changes every second, runs the real scheduler, fetcher, normalizer and
// storage in-process on a 1-second schedule (with retention and a reader of
// every section feed), samples heap in use, resident memory and goroutines
// at a fixed interval, and prints a table and a verdict: flat when, after the
// warm-up, the mean of the last quarter of the samples is within 20% of the
// mean of the first quarter for each figure.
//
// It is a command, not a unit test: run it for minutes, e.g.
//
//	go run ./cmd/newsdesk-soak -duration 10m
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
	flag.StringVar(&o.dir, "dir", "", "folder for the database (default: a temporary folder, removed at the end)")
	flag.Float64Var(&o.tolerance, "tolerance", 0.20, "largest relative growth still called flat")
	verbose := flag.Bool("v", false, "log the pipeline's warnings")
	flag.StringVar(&o.goroutineDump, "goroutines", "", "write the goroutine stacks to this file at each new highest count")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flag.Parse()
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
	dir                      string
	tolerance                float64
	goroutineDump            string
	log                      *slog.Logger
}
