package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"

	"newsdesk/ingest"
)

// progress draws a one-line progress bar on a terminal and nothing
// otherwise. It is also the writer of the logs while it runs: a log line
// first clears the bar, is written whole, and the bar is drawn again below
// it, so the two never mix. It is safe for concurrent use.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	n     int
	on    bool
	drawn bool
}

// terminal is a writer that says whether it is a terminal (tests use it).
type terminal interface{ IsTerminal() bool }

func writerIsTerminal(w io.Writer) bool {
	if t, ok := w.(terminal); ok {
		return t.IsTerminal()
	}
	return isTerminal(w)
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, on: writerIsTerminal(w)}
}

// start sets the number of sources and draws the empty bar.
func (p *progress) start(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = total
	p.on = p.on && total > 0
	p.draw()
}

func (p *progress) step(ingest.Report) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.draw()
}

func (p *progress) draw() {
	if !p.on || p.total == 0 {
		return
	}
	const width = 30
	filled := width * p.n / p.total
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %d/%d sources", strings.Repeat("#", filled), strings.Repeat(".", width-filled), p.n, p.total)
	p.drawn = true
}

// Write writes a log line above the bar.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
	n, err := p.w.Write(b)
	if len(b) > 0 && !bytes.HasSuffix(b, []byte("\n")) {
		fmt.Fprintln(p.w)
	}
	p.draw()
	return n, err
}

// IsTerminal reports whether the bar is drawn, so that the logger writing
// through p picks the terminal's text format.
func (p *progress) IsTerminal() bool { return writerIsTerminal(p.w) }

// done erases the bar.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
	p.on = false
}

// dropFetchLines is a log handler that leaves out the per-source fetch
// lines ("fetch", "fetch failed") that the fetch command's summary
// repeats; everything else passes.
type dropFetchLines struct{ slog.Handler }

func (h dropFetchLines) Handle(ctx context.Context, r slog.Record) error {
	if r.Message == "fetch" || r.Message == "fetch failed" {
		return nil
	}
	return h.Handler.Handle(ctx, r)
}

func (h dropFetchLines) WithAttrs(as []slog.Attr) slog.Handler {
	return dropFetchLines{h.Handler.WithAttrs(as)}
}

func (h dropFetchLines) WithGroup(name string) slog.Handler {
	return dropFetchLines{h.Handler.WithGroup(name)}
}
