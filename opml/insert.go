package opml

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAML returns the feeds as the YAML of a source list, indented by indent
// spaces, ready to paste under a section's `sources:`.
func YAML(feeds []Feed, indent int) string {
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	for _, f := range feeds {
		fmt.Fprintf(&b, "%s- url: %s\n", pad, strconv.Quote(f.XMLURL))
		if f.Title != "" {
			fmt.Fprintf(&b, "%s  title: %s\n", pad, strconv.Quote(f.Title))
		}
	}
	return b.String()
}

// Insert adds the feeds to the sources of section id in the config text and
// returns the new text. Only lines are inserted after the section's last
// source: comments and formatting elsewhere are untouched. Feeds whose URL
// the section already lists are skipped; added counts the others.
func Insert(config []byte, section string, feeds []Feed) (out []byte, added int, err error) {
	var root yaml.Node
	if err := yaml.Unmarshal(config, &root); err != nil {
		return nil, 0, fmt.Errorf("read config: %w", err)
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, 0, fmt.Errorf("read config: not a mapping")
	}
	sections := value(root.Content[0], "sections")
	if sections == nil || sections.Kind != yaml.SequenceNode {
		return nil, 0, fmt.Errorf("config has no sections list")
	}
	var sec *yaml.Node
	for _, s := range sections.Content {
		if id := value(s, "id"); id != nil && id.Value == section {
			sec = s
		}
	}
	if sec == nil {
		return nil, 0, fmt.Errorf("config has no section %q", section)
	}
	sources := value(sec, "sources")
	if sources == nil || sources.Kind != yaml.SequenceNode || len(sources.Content) == 0 || sources.Style == yaml.FlowStyle {
		return nil, 0, fmt.Errorf("section %q: sources must be a block list with at least one entry to append to", section)
	}
	have := map[string]bool{}
	for _, s := range sources.Content {
		if s.Kind == yaml.ScalarNode {
			have[s.Value] = true
		} else if u := value(s, "url"); u != nil {
			have[u.Value] = true
		}
	}
	var fresh []Feed
	for _, f := range feeds {
		if !have[f.XMLURL] {
			fresh = append(fresh, f)
			have[f.XMLURL] = true
		}
	}
	if len(fresh) == 0 {
		return config, 0, nil
	}
	indent := sources.Content[0].Column - 3 // the column of the "- " before the first entry
	if sources.Content[0].Kind == yaml.MappingNode {
		indent = sources.Content[0].Content[0].Column - 3
	}
	lines := strings.SplitAfter(string(config), "\n")
	at := lastLine(sources.Content[len(sources.Content)-1]) // 1-based, inclusive
	// Keep trailing comment lines that belong to the entry's indentation.
	for at < len(lines) {
		t := strings.TrimSpace(lines[at])
		lead := len(lines[at]) - len(strings.TrimLeft(lines[at], " "))
		if t != "" && (!strings.HasPrefix(t, "#") || lead <= indent) {
			break
		}
		if t == "" {
			break
		}
		at++
	}
	if at > 0 && !strings.HasSuffix(lines[at-1], "\n") {
		lines[at-1] += "\n"
	}
	block := YAML(fresh, indent)
	result := strings.Join(lines[:at], "") + block + strings.Join(lines[at:], "")
	var check yaml.Node
	if err := yaml.Unmarshal([]byte(result), &check); err != nil {
		return nil, 0, fmt.Errorf("inserting sources would break the config: %w", err)
	}
	return []byte(result), len(fresh), nil
}

// value returns the value node of key in mapping m.
func value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// lastLine is the last line a node's text occupies.
func lastLine(n *yaml.Node) int {
	last := n.Line
	for _, c := range n.Content {
		if l := lastLine(c); l > last {
			last = l
		}
	}
	return last
}
