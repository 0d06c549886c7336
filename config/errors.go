package config

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// FieldError is one problem in a config file: where it is and what is wrong.
// Line and Column are 1-based; they are 0 when the problem concerns the whole
// file (it is missing or empty) or a value that did not come from a file.
type FieldError struct {
	File         string // the config file's path as given to Load or Parse
	Line, Column int
	Path         string // field path, e.g. "sections[2].sources[0].schedule"
	Msg          string

	err error // underlying cause, for errors.Is (e.g. fs.ErrNotExist)
}

// Error formats the problem as "file:line:col: path: msg", leaving out the
// parts that are unknown.
func (e *FieldError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
	}
	if e.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Column))
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying cause, if any.
func (e *FieldError) Unwrap() error { return e.err }

// Errors is every problem found in one config file, in file order. Load,
// Parse and Validate return it as *Errors.
type Errors []FieldError

// Error prints one problem per line.
func (e *Errors) Error() string {
	lines := make([]string, len(*e))
	for i := range *e {
		lines[i] = (*e)[i].Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives errors.Is and errors.As access to each problem.
func (e *Errors) Unwrap() []error {
	errs := make([]error, len(*e))
	for i := range *e {
		errs[i] = &(*e)[i]
	}
	return errs
}

// add records a problem at path; the position is filled in later.
func (e *Errors) add(path, msg string) {
	*e = append(*e, FieldError{Path: path, Msg: msg})
}

// sort orders the problems by position in the file, keeping the order in
// which they were found for problems at the same place.
func (e Errors) sort() {
	slices.SortStableFunc(e, func(a, b FieldError) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}

// err returns e as an error, or nil when there is no problem.
func (e Errors) err() error {
	if len(e) == 0 {
		return nil
	}
	return &e
}

// covers reports whether a problem at path p lies at or below the field
// path q, so a follow-on complaint about a value that already failed to
// decode is dropped. A problem with no path (the whole file) covers none.
func covers(q, p string) bool {
	if q == "" || !strings.HasPrefix(p, q) {
		return false
	}
	if len(p) == len(q) {
		return true
	}
	return p[len(q)] == '.' || p[len(q)] == '['
}
