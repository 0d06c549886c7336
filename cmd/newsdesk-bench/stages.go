package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/google/pprof/profile"
)

// A stage is a part of the pipeline whose CPU time the table breaks down:
// the CPU samples whose stack holds one of its functions. Samples are taken
// at 100 Hz on both cores, so a figure below ~50 ms is noise.
type stage struct {
	name  string
	funcs []string // a sample counts when any frame's function is one of these
}

// stages are counted in order: a sample is given to the first stage one of
// whose functions is on its stack (SaveFetch never calls the parser, but
// the bench's feed server and the fetch worker run in the same process).
var stages = []stage{
	{"writer (SaveFetch)", []string{"newsdesk/storage.(*DB).SaveFetch"}},
	{"sign (Prepare)", []string{"newsdesk/storage.(*DB).Prepare"}},
	{"normalize", []string{"newsdesk/normalize.Feed"}},
	{"parse (gofeed)", []string{"github.com/mmcdole/gofeed.(*Parser).Parse"}},
	{"checkpoint (beside the writer)", []string{"newsdesk/storage.(*DB).checkpoint"}},
	{"feed server (bench corpus)", []string{"main.(*corpus).feed"}},
	{"GC", []string{"runtime.gcBgMarkWorker"}},
}

// breakdown is the CPU time of each stage in one profile, and the total.
type breakdown struct {
	total time.Duration
	by    map[string]time.Duration
}

// capture records a CPU profile in memory between start and stop.
type capture struct {
	buf bytes.Buffer
	on  bool
}

func (c *capture) start() {
	c.buf.Reset()
	c.on = pprof.StartCPUProfile(&c.buf) == nil // fails when a file profile runs
}

// stop ends the capture and returns its profile bytes (nil if none ran).
func (c *capture) stop() []byte {
	if !c.on {
		return nil
	}
	pprof.StopCPUProfile()
	c.on = false
	return bytes.Clone(c.buf.Bytes())
}

// stageBreakdown splits the CPU samples of a profile by stage.
func stageBreakdown(raw []byte) (breakdown, error) {
	b := breakdown{by: map[string]time.Duration{}}
	if len(raw) == 0 {
		return b, fmt.Errorf("no profile")
	}
	p, err := profile.Parse(bytes.NewReader(raw))
	if err != nil {
		return b, err
	}
	vi := -1
	for i, st := range p.SampleType {
		if st.Type == "cpu" {
			vi = i
		}
	}
	if vi < 0 {
		return b, fmt.Errorf("profile has no cpu samples")
	}
	for _, s := range p.Sample {
		d := time.Duration(s.Value[vi])
		b.total += d
		var names []string
		for _, loc := range s.Location {
			for _, ln := range loc.Line {
				if ln.Function != nil {
					names = append(names, ln.Function.Name)
				}
			}
		}
	stages:
		for _, st := range stages {
			for _, fn := range st.funcs {
				for _, n := range names {
					if n == fn || strings.HasPrefix(n, fn+".func") {
						b.by[st.name] += d
						break stages
					}
				}
			}
		}
	}
	return b, nil
}

// other is the CPU time outside every stage (HTTP on both sides, the
// fetcher, the scheduler of goroutines).
func (b breakdown) other() time.Duration {
	o := b.total
	for _, d := range b.by {
		o -= d
	}
	return o
}

// perItem formats d per item in µs.
func perItem(d time.Duration, items int) string {
	if items == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f µs/item", float64(d.Microseconds())/float64(items))
}

// cpu formats a CPU time.
func cpu(d time.Duration) string { return d.Round(10 * time.Millisecond).String() }
