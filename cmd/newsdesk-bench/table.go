package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// table collects the figures of a run and prints them at the end.
type table struct {
	notes []string
	rows  [][5]string
}

// note adds a line printed above the table.
func (t *table) note(format string, args ...any) {
	t.notes = append(t.notes, fmt.Sprintf(format, args...))
}

// add adds a row: phase, figure, newsdesk's value, the floor's value (or
// ""), and the ratio or target remark.
func (t *table) add(phase, figure, value, floor, remark string) {
	t.rows = append(t.rows, [5]string{phase, figure, value, floor, remark})
}

func (t *table) print(w io.Writer) {
	for _, n := range t.notes {
		fmt.Fprintln(w, n)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "phase\tfigure\tnewsdesk\tfloor\tratio / target")
	fmt.Fprintln(tw, "-----\t------\t--------\t-----\t--------------")
	for _, r := range t.rows {
		fmt.Fprintln(tw, strings.Join(r[:], "\t"))
	}
	tw.Flush()
}

// ratio formats a/b as "1.23×".
func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// verdict appends "ok" or "MISSED" to a target description.
func verdict(ok bool, target string) string {
	if ok {
		return target + " ok"
	}
	return target + " MISSED"
}
