package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"newsdesk"
)

// ruleFields are the item fields an include or exclude rule may name.
const ruleFields = "title, content, author, category or link"

// file decodes a whole config document over Default values. It returns nil
// when the document cannot be read as a mapping at all; problems are in
// d.errs either way.
func (d *decoder) file(data []byte) *Config {
	var doc, extra yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	err := decodeSafely(dec, &doc)
	if err == nil && (len(doc.Content) == 0 || isNull(doc.Content[0])) {
		err = io.EOF
	}
	switch {
	case errors.Is(err, io.EOF):
		d.errs = append(d.errs, FieldError{Msg: "config file is empty"})
		return nil
	case err != nil:
		d.syntaxError(err)
		return nil
	}
	root := doc.Content[0]
	if err := decodeSafely(dec, &extra); err == nil {
		d.errorf(&extra, "", "only one YAML document is allowed; remove the second '---'")
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(err)
	}
	c := Default()
	if !d.object(root, "", d.configFields(c)) {
		return nil
	}
	return c
}

// decodeSafely turns a panic inside the YAML library into an error.
func decodeSafely(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: cannot parse: %v", r)
		}
	}()
	return dec.Decode(n)
}

// syntaxError records a YAML syntax error, taking its line from the
// library's "yaml: line N: problem" message.
func (d *decoder) syntaxError(err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(n); err == nil {
				line, msg = l, after
			}
		}
	}
	d.errs = append(d.errs, FieldError{Line: line, Msg: "invalid YAML: " + msg})
}

func (d *decoder) configFields(c *Config) []field {
	return []field{
		{"listen", d.str(&c.Listen)},
		{"base_url", func(n *yaml.Node, path string) {
			d.baseSet = true
			d.str(&c.BaseURL)(n, path)
			c.BaseURL = strings.TrimRight(c.BaseURL, "/")
		}},
		{"database", d.str(&c.Database)},
		{"schedule", d.str(&c.Schedule)},
		{"min_interval", d.duration(&c.MinInterval)},
		{"hub", d.str(&c.Hub)},
		{"token", d.str(&c.Token)},
		{"token_file", d.str(&c.TokenFile)},
		{"admin_listen", d.str(&c.AdminListen)},
		{"tracking_params", d.strings(&c.Tracking)},
		{"redact_params", d.strings(&c.Redact)},
		{"fetch", func(n *yaml.Node, path string) {
			d.object(n, path, []field{
				{"timeout", d.duration(&c.Fetch.Timeout)},
				{"concurrency", d.integer(&c.Fetch.Concurrency)},
				{"per_host", d.integer(&c.Fetch.PerHost)},
				{"user_agent", d.str(&c.Fetch.UserAgent)},
				{"max_body", d.size(&c.Fetch.MaxBody)},
				{"max_items", d.integer(&c.Fetch.MaxItems)},
				{"respect_cache_headers", d.boolean(&c.Fetch.RespectCacheHeaders)},
				{"article_budget", d.integer(&c.Fetch.ArticleBudget)},
			})
		}},
		{"retention", func(n *yaml.Node, path string) {
			d.object(n, path, []field{
				{"max_age", d.duration(&c.Retention.MaxAge)},
				{"max_items", d.integer(&c.Retention.MaxItems)},
				{"schedule", d.str(&c.Retention.Schedule)},
			})
		}},
		{"sections", func(n *yaml.Node, path string) {
			d.list(n, path, func(_ int, e *yaml.Node, p string) {
				c.Sections = append(c.Sections, d.section(e, p))
			})
		}},
	}
}

// section decodes one entry of sections. It always returns a value, so the
// indexes of c.Sections match the file's even when an entry is broken.
func (d *decoder) section(n *yaml.Node, path string) newsdesk.Section {
	s := newsdesk.Section{Limit: DefaultLimit}
	d.object(n, path, []field{
		{"id", d.str(&s.ID)},
		{"title", d.str(&s.Title)},
		{"description", d.str(&s.Description)},
		{"language", d.str(&s.Language)},
		{"limit", d.integer(&s.Limit)},
		{"include", d.rules(&s.Include)},
		{"exclude", d.rules(&s.Exclude)},
		{"max_age", d.duration(&s.MaxAge)},
		{"source_cap", func(n *yaml.Node, path string) {
			v, ok := d.scalar(n, path, "a share such as 0.3 or \"30%\"")
			if !ok {
				return
			}
			x, err := parseFraction(v)
			if err != nil {
				d.errorf(n, path, "%v", err)
				return
			}
			s.SourceCap = x
		}},
		{"sources", func(n *yaml.Node, path string) {
			s.Sources = []newsdesk.SectionSource{}
			d.list(n, path, func(_ int, e *yaml.Node, p string) {
				s.Sources = append(s.Sources, d.source(e, p))
			})
		}},
	})
	if s.Title == "" {
		s.Title = s.ID
	}
	return s
}

// source decodes one entry of a section's sources: a bare URL or a mapping.
func (d *decoder) source(n *yaml.Node, path string) newsdesk.SectionSource {
	var s newsdesk.SectionSource
	switch {
	case isNull(n):
		d.bare[path] = true // reported as a missing url by Validate
	case n.Kind == yaml.ScalarNode:
		s.URL = strings.TrimSpace(n.Value)
		d.bare[path] = true
	case n.Kind == yaml.MappingNode:
		d.object(n, path, []field{
			{"url", d.str(&s.URL)},
			{"title", d.str(&s.Title)},
			{"schedule", d.str(&s.Schedule)},
			{"priority", d.integer(&s.Priority)},
			{"categories", d.strings(&s.Categories)},
			{"strip", func(n *yaml.Node, path string) {
				s.Strip = []*regexp.Regexp{}
				d.list(n, path, func(_ int, e *yaml.Node, p string) {
					if re := d.regex(e, p); re != nil {
						s.Strip = append(s.Strip, re)
					}
				})
			}},
			{"full_text", d.fullText(&s.FullText)},
			{"full_text_hosts", d.hosts(&s.FullTextHosts)},
		})
	default:
		d.errorf(n, path, "expected a URL or a mapping with a url key, got %s", describe(n))
	}
	return s
}

// rules decodes an include or exclude list. Each entry is a regex applied
// to title, summary and categories, or a one-key mapping naming the field.
func (d *decoder) rules(dst *[]newsdesk.Rule) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		*dst = []newsdesk.Rule{}
		d.list(n, path, func(_ int, e *yaml.Node, p string) {
			if r, ok := d.rule(e, p); ok {
				*dst = append(*dst, r)
			}
		})
	}
}

func (d *decoder) rule(n *yaml.Node, path string) (newsdesk.Rule, bool) {
	if n.Kind != yaml.MappingNode {
		re := d.regex(n, path)
		return newsdesk.Rule{Pattern: re}, re != nil
	}
	if len(n.Content) != 2 {
		d.errorf(n, path, "a field rule has exactly one key: %s", ruleFields)
		return newsdesk.Rule{}, false
	}
	k := n.Content[0]
	switch k.Value {
	case "title", "content", "author", "category", "link":
	default:
		d.errorf(k, join(path, k.Value), "unknown rule field %q: use %s", k.Value, ruleFields)
		return newsdesk.Rule{}, false
	}
	p := join(path, k.Value)
	v := d.resolve(n.Content[1], p)
	if v == nil {
		return newsdesk.Rule{}, false
	}
	re := d.regex(v, p)
	return newsdesk.Rule{Field: k.Value, Pattern: re}, re != nil
}
