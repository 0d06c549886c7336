package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxNodes bounds the nodes one decode visits, so a small file that
// multiplies itself through aliases cannot make decoding run for ever.
const maxNodes = 100_000

// pos is where a value sits in the file.
type pos struct{ line, col int }

// decoder walks a yaml.Node tree, filling a Config and collecting every
// problem with its field path and position. It remembers the position of
// each field path it sees, so problems found later by Validate, which
// only knows paths, can be placed too.
type decoder struct {
	errs    Errors
	pos     map[string]pos
	bare    map[string]bool // paths of sources given as a bare URL
	baseSet bool            // the file sets base_url
	visited int
}

// place adds the problems Validate found, positioned by their paths. A
// problem at or below a path that already failed to decode is dropped: it
// only repeats that failure.
func (d *decoder) place(found Errors) {
	decoded := len(d.errs)
next:
	for _, e := range found {
		for _, prev := range d.errs[:decoded] {
			if covers(prev.Path, e.Path) {
				continue next
			}
		}
		if p, ok := strings.CutSuffix(e.Path, ".url"); ok && d.bare[p] {
			e.Path = p
		}
		for p := e.Path; e.Path != DatabaseEnv; p = parent(p) { // the environment has no line
			if at, ok := d.pos[p]; ok {
				e.Line, e.Column = at.line, at.col
				break
			}
			if p == "" {
				break
			}
		}
		d.errs = append(d.errs, e)
	}
}

// parent strips the last component of a field path: "a.b[2]" → "a.b",
// "a.b" → "a", "a" → "".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// field is one known key of a mapping and how to decode its value.
type field struct {
	key    string
	decode func(n *yaml.Node, path string)
}

// errorf records a problem at n.
func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	d.errs = append(d.errs, FieldError{Line: n.Line, Column: n.Column, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// resolve follows aliases and counts the visit against the node budget.
// It returns nil once the budget is spent.
func (d *decoder) resolve(n *yaml.Node, path string) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	d.visited++
	if d.visited == maxNodes {
		d.errorf(n, path, "document too complex: more than %d values after expanding aliases", maxNodes)
	}
	if d.visited >= maxNodes {
		return nil
	}
	d.pos[path] = pos{n.Line, n.Column}
	return n
}

// isNull reports whether n is an explicit or implicit null: the key is then
// treated as absent.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names what n is, for "expected X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "nothing"
}

// object decodes a mapping whose keys must all be in fields. It returns
// false when n is not a mapping.
func (d *decoder) object(n *yaml.Node, path string, fields []field) bool {
	if n = d.resolve(n, path); n == nil || isNull(n) {
		return n != nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "expected a mapping, got %s", describe(n))
		return false
	}
	seen := make(map[string]*yaml.Node)
	for _, kv := range d.pairs(n, path, 0) {
		k, v := kv[0], kv[1]
		name := k.Value
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, path, "keys must be plain names, got %s", describe(k))
			continue
		}
		if first, dup := seen[name]; dup {
			d.errorf(k, join(path, name), "key %q given twice (first at line %d)", name, first.Line)
			continue
		}
		seen[name] = k
		i := slices.IndexFunc(fields, func(f field) bool { return f.key == name })
		if i < 0 {
			d.errorf(k, join(path, name), "unknown key %q%s", name, suggest(name, fields))
			continue
		}
		p := join(path, name)
		v = d.resolve(v, p)
		if v == nil {
			continue
		}
		if isNull(v) {
			// Point later complaints about a missing value at the key.
			d.pos[p] = pos{k.Line, k.Column}
			continue
		}
		fields[i].decode(v, p)
	}
	return true
}

// pairs returns the key/value pairs of mapping n with merge keys (<<)
// expanded: merged pairs come after the explicit ones, and a key given
// explicitly hides a merged one.
func (d *decoder) pairs(n *yaml.Node, path string, depth int) [][2]*yaml.Node {
	var own, merged [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value != "<<" || k.ShortTag() != "!!merge" {
			own = append(own, [2]*yaml.Node{k, v})
			continue
		}
		if depth > 8 {
			d.errorf(k, path, "merge keys nested too deeply")
			continue
		}
		srcs := []*yaml.Node{v}
		if r := d.resolve(v, path); r != nil && r.Kind == yaml.SequenceNode {
			srcs = r.Content
		}
		for _, s := range srcs {
			s = d.resolve(s, path)
			if s == nil {
				continue
			}
			if s.Kind != yaml.MappingNode {
				d.errorf(s, path, "merge key << needs a mapping or a list of mappings, got %s", describe(s))
				continue
			}
			merged = append(merged, d.pairs(s, path, depth+1)...)
		}
	}
	have := make(map[string]bool, len(own))
	for _, kv := range own {
		have[kv[0].Value] = true
	}
	for _, kv := range merged {
		if !have[kv[0].Value] {
			have[kv[0].Value] = true
			own = append(own, kv)
		}
	}
	return own
}

// list calls each for every element of sequence n, with its index path.
func (d *decoder) list(n *yaml.Node, path string, each func(i int, n *yaml.Node, path string)) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "expected a list, got %s", describe(n))
		return
	}
	for i, e := range n.Content {
		p := index(path, i)
		if e = d.resolve(e, p); e == nil {
			return
		}
		each(i, e, p)
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// suggest returns `; did you mean "x"?` for the known key closest to name,
// or "" when none is close.
func suggest(name string, fields []field) string {
	best, bestDist := "", 3
	lower := strings.ToLower(name)
	for _, f := range fields {
		dist := editDistance(lower, f.key)
		if len(lower) >= 3 && strings.HasPrefix(f.key, lower) {
			dist = 1 // an abbreviation: "prio" for "priority"
		}
		if dist < bestDist {
			best, bestDist = f.key, dist
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the Levenshtein distance between short strings a and b.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
