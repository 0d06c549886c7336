package main

import (
	"fmt"
	"io"
	"time"
)

// verdict compares the first and last quarters of the samples taken after
// the warm-up, figure by figure: heap in use, resident memory and the
// goroutines that last (all goroutines less SQLite's per-statement ones).
// Each quarter is judged by its floor, its lowest sample: a leak raises
// the floor, while a desk's periodic fetch bursts only raise the samples
// taken during a burst, and a quarter that holds one more burst than the
// other would otherwise read as growth.
type verdict struct {
	flat    bool
	reason  string // set when there were too few samples
	figures []figure
}

// figure is one measured quantity's quarter floors.
type figure struct {
	name        string
	first, last float64
	growth      float64 // last/first - 1
	flat        bool
	info        bool // shown, not part of the verdict
}

// judge computes the verdict: a figure is flat when its last quarter's
// floor exceeds its first quarter's by at most tolerance (a fraction).
func judge(samples []sample, warmup time.Duration, tolerance float64) verdict {
	var kept []sample
	for _, s := range samples {
		if s.at >= warmup {
			kept = append(kept, s)
		}
	}
	if len(kept) < 4 {
		return verdict{reason: fmt.Sprintf("too few samples after the warm-up: %d, want at least 4", len(kept))}
	}
	q := len(kept) / 4
	v := verdict{flat: true}
	for _, f := range []struct {
		name string
		get  func(sample) float64
	}{
		{"heap in use (MiB)", func(s sample) float64 { return mib(s.heap) }},
		{"resident (MiB)", func(s sample) float64 { return mib(s.rss) }},
		{"goroutines", func(s sample) float64 { return float64(s.lasting) }},
	} {
		first, last := floor(kept[:q], f.get), floor(kept[len(kept)-q:], f.get)
		fig := figure{name: f.name, first: first, last: last}
		if first > 0 {
			fig.growth = last/first - 1
		}
		fig.flat = fig.growth <= tolerance
		v.flat = v.flat && fig.flat
		v.figures = append(v.figures, fig)
	}
	// All goroutines, statement watchers included: shown, not judged.
	get := func(s sample) float64 { return float64(s.goroutines) }
	first, last := floor(kept[:q], get), floor(kept[len(kept)-q:], get)
	info := figure{name: "all goroutines", first: first, last: last, flat: true, info: true}
	if first > 0 {
		info.growth = last/first - 1
	}
	v.figures = append(v.figures, info)
	return v
}

func floor(ss []sample, get func(sample) float64) float64 {
	low := get(ss[0])
	for _, s := range ss[1:] {
		low = min(low, get(s))
	}
	return low
}

func (v verdict) write(w io.Writer) {
	if v.reason != "" {
		fmt.Fprintf(w, "verdict: undecided: %s\n", v.reason)
		return
	}
	fmt.Fprintf(w, "%-18s %12s %12s %8s\n", "figure", "first floor", "last floor", "growth")
	for _, f := range v.figures {
		mark := "flat"
		if f.info {
			mark = "(not judged: includes per-statement goroutines)"
		}
		if !f.flat {
			mark = "GROWS"
		}
		fmt.Fprintf(w, "%-18s %12.1f %12.1f %+7.1f%% %s\n", f.name, f.first, f.last, 100*f.growth, mark)
	}
	if v.flat {
		fmt.Fprintln(w, "verdict: flat")
	} else {
		fmt.Fprintln(w, "verdict: GROWING")
	}
}
