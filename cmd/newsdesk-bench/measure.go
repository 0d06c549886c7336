package main

import (
	"bufio"
	"database/sql"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"time"

	"newsdesk/storage"
)

// memProbe reports peak resident memory per phase. When the kernel lets
// the process write "5" to /proc/self/clear_refs, VmHWM is reset at the
// start of each phase and the figure is the phase's own peak; otherwise it
// is the peak of the process so far, and the heap peak (sampled from
// runtime/metrics) is given beside it.
type memProbe struct {
	resettable bool
	stop       chan struct{}
	done       chan struct{}
	heapPeak   uint64
}

func newMemProbe() *memProbe {
	m := &memProbe{}
	m.resettable = resetHWM() == nil
	return m
}

func resetHWM() error {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// begin starts a phase: resets the high-water mark and samples the heap.
func (m *memProbe) begin() {
	runtime.GC()
	if m.resettable {
		_ = resetHWM()
	}
	m.heapPeak = 0
	m.stop, m.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(m.done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if h := s[0].Value.Uint64() + s[1].Value.Uint64(); h > m.heapPeak {
				m.heapPeak = h
			}
			select {
			case <-m.stop:
				return
			case <-t.C:
			}
		}
	}()
}

// end stops the phase and returns its peak RSS and heap peak in bytes.
func (m *memProbe) end() (rss, heap uint64) {
	close(m.stop)
	<-m.done
	return vmHWM(), m.heapPeak
}

// vmHWM reads the peak resident set size from /proc/self/status.
func vmHWM() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			n, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n * 1024
		}
	}
	return 0
}

// quantile returns the q-quantile of sorted durations.
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q * float64(len(sorted)-1))
	return sorted[i]
}

func sortDurations(d []time.Duration) []time.Duration {
	slices.Sort(d)
	return d
}

// fileSize returns the bytes of a database file with its WAL, or of the
// tables and indexes of a PostgreSQL database's current schema.
func fileSize(path string) int64 {
	var n int64
	if storage.IsPostgresURL(path) {
		db, err := sql.Open("pgx", path)
		if err != nil {
			return 0
		}
		defer db.Close()
		_ = db.QueryRow(`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
			JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = current_schema() AND c.relkind = 'r'`).Scan(&n)
		return n
	}
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

func mb(b uint64) string { return strconv.FormatFloat(float64(b)/(1<<20), 'f', 1, 64) + " MB" }

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 3, 64) + " ms"
}
