package scheduler

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsdesk"
)

func TestJitterStaysWithinATenth(t *testing.T) {
	ref := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		spec     string
		interval time.Duration
	}{
		{"@every 15m", 15 * time.Minute},
		{"*/10 * * * *", 10 * time.Minute},
		{"@hourly", time.Hour},
		{"0 7 * * *", 24 * time.Hour},
	}
	for _, c := range cases {
		t.Run(c.spec, func(t *testing.T) {
			plain, err := parser.Parse(c.spec)
			if err != nil {
				t.Fatal(err)
			}
			offsets := map[time.Duration]bool{}
			for i := range 500 {
				s, err := Jittered(c.spec, fmt.Sprintf("https://source%d.example/feed", i))
				if err != nil {
					t.Fatal(err)
				}
				got := s.Next(ref)
				// The jittered firing is the plain one shifted by an offset in [0, interval/10).
				base := plain.Next(got.Add(-c.interval/10 - time.Second))
				if c.spec == "@every 15m" {
					base = got.Truncate(c.interval) // @every is anchored to the epoch
				}
				off := got.Sub(base)
				if off < 0 || off >= c.interval/10 {
					t.Fatalf("source %d: next %v, plain %v: offset %v beyond a tenth of %v", i, got, base, off, c.interval)
				}
				if !got.After(ref) {
					t.Fatalf("next %v not after %v", got, ref)
				}
				// Consecutive firings stay one interval apart (for fixed-interval specs).
				if c.spec != "0 7 * * *" {
					if gap := s.Next(got).Sub(got); gap != c.interval {
						t.Fatalf("gap %v, want %v", gap, c.interval)
					}
				}
				offsets[off] = true
			}
			if len(offsets) < 20 {
				t.Fatalf("only %d distinct offsets for 500 sources: not spread", len(offsets))
			}
		})
	}
}

func TestJitterIsDeterministic(t *testing.T) {
	a, _ := Jittered("@every 15m", "https://a.example/feed")
	b, _ := Jittered("@every 15m", "https://a.example/feed")
	ref := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	if a.Next(ref) != b.Next(ref) {
		t.Fatalf("same source, different firing: %v vs %v", a.Next(ref), b.Next(ref))
	}
}

// TestRunsRecoversAndReloads drives the real cron loop with a 1-second spec:
// a job that panics keeps being scheduled, removed sources stop, and Stop
// cancels the context of a job in flight.
func TestRunsRecoversAndReloads(t *testing.T) {
	var mu sync.Mutex
	runs := map[string]int{}
	var panicked atomic.Bool
	inFlight := make(chan struct{})
	var blockOnce sync.Once
	fetch := func(ctx context.Context, src newsdesk.Source) {
		mu.Lock()
		runs[src.URL]++
		mu.Unlock()
		switch src.URL {
		case "https://panic.example/feed":
			if panicked.CompareAndSwap(false, true) {
				panic("boom")
			}
		case "https://slow.example/feed":
			blockOnce.Do(func() { close(inFlight) })
			<-ctx.Done()
		}
	}
	s := New(fetch, nil)
	s.Start(context.Background())
	srcs := []newsdesk.Source{
		{URL: "https://panic.example/feed", Schedule: "@every 1s"},
		{URL: "https://gone.example/feed", Schedule: "@every 1s"},
	}
	if err := s.Apply(srcs, ""); err != nil {
		t.Fatal(err)
	}
	count := func(u string) int { mu.Lock(); defer mu.Unlock(); return runs[u] }
	waitFor(t, func() bool { return count("https://panic.example/feed") >= 2 }, "panicking job runs again")

	if err := s.Apply([]newsdesk.Source{srcs[0], {URL: "https://slow.example/feed", Schedule: "@every 1s"}}, ""); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Entries()["https://gone.example/feed"]; ok {
		t.Fatal("removed source still scheduled")
	}
	goneRuns := count("https://gone.example/feed")
	<-inFlight
	stopCtx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	s.Stop(stopCtx) // returns only once the blocked job saw its context cancelled
	if got := count("https://gone.example/feed"); got != goneRuns {
		t.Fatalf("removed source ran after removal: %d runs, had %d", got, goneRuns)
	}
}

func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	for range 1000 {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting: %s", what)
}
