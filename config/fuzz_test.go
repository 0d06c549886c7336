package config

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// FuzzParse feeds arbitrary bytes to Parse. It must never panic; a failure
// must be *Errors with at least one problem, each with a message and a line
// inside the file; a success must validate again and have a section for
// every source's section id.
func FuzzParse(f *testing.F) {
	sample, err := os.ReadFile("../config.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte(section0))
	f.Add([]byte("a: &a [*a, *a]\nsections: *a\n"))
	f.Add([]byte("sections:\n  - <<: {id: x}\n    sources: [http://127.0.0.1/a]\n    include: [{title: a}, \"b\"]\n"))
	f.Add([]byte("fetch: {max_body: 1GiB, timeout: 1h}\nschedule: CRON_TZ=\n"))
	f.Add([]byte("--- \n...\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "config.yaml")
		if err != nil {
			var errs *Errors
			if !errors.As(err, &errs) || len(*errs) == 0 {
				t.Fatalf("error %T %v is not a non-empty *Errors", err, err)
			}
			// An upper bound: libyaml also breaks lines at CR, NEL, LS and PS.
			lines := 1 + bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) +
				bytes.Count(data, []byte("\u0085")) + bytes.Count(data, []byte("\u2028")) + bytes.Count(data, []byte("\u2029"))
			for _, e := range *errs {
				if e.Msg == "" || e.Line < 0 || e.Line > lines || e.File != "config.yaml" {
					t.Fatalf("bad problem %+v in a file of %d lines", e, lines)
				}
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("Parse accepted a config that Validate rejects: %v", err)
		}
		for _, s := range c.Sources() {
			for _, id := range s.Sections {
				if c.Section(id) == nil || c.Section(id).Source(s.URL) == nil {
					t.Fatalf("source %s names section %q, which does not list it", s.URL, id)
				}
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	sample, err := os.ReadFile("../config.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(sample)))
	for b.Loop() {
		if _, err := Parse(sample, "config.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}
