package config

import (
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// The decoders of single values. Each returns a func that decodes node n at
// path into dst, reporting a problem and leaving dst alone when n does not
// hold the right kind of value.

// scalar returns n's text, or false after reporting that n is not a scalar.
func (d *decoder) scalar(n *yaml.Node, path, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "expected %s, got %s", want, describe(n))
		return "", false
	}
	return n.Value, true
}

func (d *decoder) str(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		if s, ok := d.scalar(n, path, "a string"); ok {
			*dst = strings.TrimSpace(s)
		}
	}
}

func (d *decoder) integer(dst *int) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		s, ok := d.scalar(n, path, "an integer")
		if !ok {
			return
		}
		var v int
		if n.ShortTag() != "!!int" || n.Decode(&v) != nil {
			d.errorf(n, path, "expected an integer, got %q", s)
			return
		}
		*dst = v
	}
}

func (d *decoder) boolean(dst *bool) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		s, ok := d.scalar(n, path, "true or false")
		if !ok {
			return
		}
		if n.ShortTag() != "!!bool" || n.Decode(dst) != nil {
			d.errorf(n, path, "expected true or false, got %q", s)
		}
	}
}

func (d *decoder) duration(dst *time.Duration) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		s, ok := d.scalar(n, path, "a duration")
		if !ok {
			return
		}
		v, err := time.ParseDuration(strings.TrimSpace(s))
		if err != nil {
			d.errorf(n, path, "invalid duration %q: use Go syntax such as 30s, 15m, 1h30m or 720h", s)
			return
		}
		*dst = v
	}
}

func (d *decoder) size(dst *int64) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		s, ok := d.scalar(n, path, "a size")
		if !ok {
			return
		}
		v, err := parseSize(s)
		if err != nil {
			d.errorf(n, path, "%v", err)
			return
		}
		*dst = v
	}
}

func (d *decoder) strings(dst *[]string) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		*dst = []string{}
		d.list(n, path, func(_ int, e *yaml.Node, p string) {
			s, ok := d.scalar(e, p, "a string")
			if !ok {
				return
			}
			if s = strings.TrimSpace(s); s == "" {
				d.errorf(e, p, "empty string")
				return
			}
			*dst = append(*dst, s)
		})
	}
}

// regex compiles the pattern in n; nil after reporting a problem.
func (d *decoder) regex(n *yaml.Node, path string) *regexp.Regexp {
	s, ok := d.scalar(n, path, "a regular expression")
	if !ok {
		return nil
	}
	if s == "" {
		d.errorf(n, path, "empty regular expression (it would match everything)")
		return nil
	}
	re, err := regexp.Compile(s)
	if err != nil {
		d.errorf(n, path, "invalid regular expression %q: %v", s, err)
		return nil
	}
	return re
}
