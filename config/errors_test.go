package config

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// section0 is a valid config body; cases below replace or extend it.
// Line 2 holds the id, line 4 the source.
const section0 = `sections:
  - id: news
    sources:
      - http://127.0.0.1/feed.xml
`

func TestParseInvalid(t *testing.T) {
	for _, tc := range []struct {
		name       string
		body       string
		path       string // field path of the one problem
		line, col  int
		msgContain string
	}{
		{"unknown top-level key", "lisen: 127.0.0.1:80\n" + section0,
			"lisen", 1, 1, `unknown key "lisen"; did you mean "listen"?`},
		{"unknown nested key", "fetch:\n  timout: 5s\n" + section0,
			"fetch.timout", 2, 3, `unknown key "timout"; did you mean "timeout"?`},
		{"unknown section key", section0 + "    titel: x\n",
			"sections[0].titel", 5, 5, `unknown key "titel"`},
		{"unknown source key", section0 + "      - url: http://127.0.0.1/b\n        prio: 1\n",
			"sections[0].sources[1].prio", 6, 9, `unknown key "prio"; did you mean "priority"?`},
		{"duplicate key", "listen: a:1\nlisten: b:2\n" + section0,
			"listen", 2, 1, `key "listen" given twice (first at line 1)`},
		{"string expected", "listen: [a, b]\n" + section0,
			"listen", 1, 9, "expected a string, got a list"},
		{"integer expected", section0 + "    limit: many\n",
			"sections[0].limit", 5, 12, `expected an integer, got "many"`},
		{"bool expected", "fetch:\n  respect_cache_headers: yes\n" + section0,
			"fetch.respect_cache_headers", 2, 26, `expected true or false, got "yes"`},
		{"mapping expected", "fetch: 5\n" + section0,
			"fetch", 1, 8, `expected a mapping, got "5"`},
		{"list expected", "sections: news\n",
			"sections", 1, 11, `expected a list, got "news"`},
		{"bad duration", "fetch:\n  timeout: 30\n" + section0,
			"fetch.timeout", 2, 12, `invalid duration "30"`},
		{"bad size", "fetch:\n  max_body: 10XB\n" + section0,
			"fetch.max_body", 2, 13, `invalid size "10XB"`},
		{"bad cron step", "sections:\n  - id: news\n    sources:\n      - url: http://127.0.0.1/a\n        schedule: \"*/61 * * * *\"\n",
			"sections[0].sources[0].schedule", 5, 19, `invalid cron spec "*/61 * * * *": step 61 in the minute field`},
		{"cron too frequent for min_interval set later", "schedule: \"*/5 * * * *\"\nmin_interval: 10m\n" + section0,
			"schedule", 1, 11, "fires more often than the minimum interval"},
		{"retention schedule", "retention:\n  schedule: \"@every 0s\"\n" + section0,
			"retention.schedule", 2, 13, "@every needs a positive duration"},
		{"bad regex", section0 + "    exclude: [\"(\"]\n",
			"sections[0].exclude[0]", 5, 15, `invalid regular expression "("`},
		{"bad field regex", section0 + "    include:\n      - title: \"[z-a]\"\n",
			"sections[0].include[0].title", 6, 16, `invalid regular expression "[z-a]"`},
		{"unknown rule field", section0 + "    include:\n      - body: x\n",
			"sections[0].include[0].body", 6, 9, `unknown rule field "body"`},
		{"rule with two keys", section0 + "    include:\n      - {title: x, link: y}\n",
			"sections[0].include[0]", 6, 9, "exactly one key"},
		{"bad strip regex", section0 + "      - url: http://127.0.0.1/b\n        strip: [\"a**\"]\n",
			"sections[0].sources[1].strip[0]", 6, 17, `invalid regular expression "a**"`},
		{"non-HTTP source URL", "sections:\n  - id: news\n    sources:\n      - ftp://127.0.0.1/feed.xml\n",
			"sections[0].sources[0]", 4, 9, `invalid URL "ftp://127.0.0.1/feed.xml": the scheme must be http or https`},
		{"relative source URL in map form", "sections:\n  - id: news\n    sources:\n      - url: /feed.xml\n",
			"sections[0].sources[0].url", 4, 14, "the scheme must be http or https"},
		{"missing source url", "sections:\n  - id: news\n    sources:\n      - title: x\n",
			"sections[0].sources[0].url", 4, 9, "missing source url"},
		{"null source", "sections:\n  - id: news\n    sources:\n      - \n      - http://127.0.0.1/a\n",
			"sections[0].sources[0]", 4, 8, "missing source url"},
		{"source URL with a space", "sections:\n  - id: news\n    sources:\n      - http://127.0.0.1/a feed\n",
			"sections[0].sources[0]", 4, 9, "contains spaces"},
		{"source of wrong type", "sections:\n  - id: news\n    sources:\n      - [a]\n",
			"sections[0].sources[0]", 4, 9, "expected a URL or a mapping"},
		{"bad base_url", "base_url: 127.0.0.1:8080\n" + section0,
			"base_url", 1, 11, "invalid URL"},
		{"base_url with query", "base_url: http://127.0.0.1/?a=b\n" + section0,
			"base_url", 1, 11, "must not have a query or fragment"},
		{"bad hub", "hub: mailto:x@127.0.0.1\n" + section0,
			"hub", 1, 6, "the scheme must be http or https"},
		{"bad listen", "listen: localhost\n" + section0,
			"listen", 1, 9, `invalid address "localhost"`},
		{"token with space", "token: a b\n" + section0,
			"token", 1, 8, "must not contain spaces"},
		{"empty tracking param", "tracking_params: [utm_x, \"\"]\n" + section0,
			"tracking_params[1]", 1, 26, "empty string"},
		{"duplicate section id", section0 + "  - id: news\n    sources: [http://127.0.0.1/b]\n",
			"sections[1].id", 5, 9, `duplicate section id "news": sections[0] already uses it`},
		{"bad section id", "sections:\n  - id: News_1\n    sources: [http://127.0.0.1/a]\n",
			"sections[0].id", 2, 9, `invalid section id "News_1"`},
		{"missing section id", "sections:\n  - title: x\n    sources: [http://127.0.0.1/a]\n",
			"sections[0].id", 2, 5, "missing section id"},
		{"section without sources key", "sections:\n  - id: a\n    title: A\n",
			"sections[0].sources", 2, 5, "a section needs at least one source"},
		{"section with empty sources", "sections:\n  - id: a\n    sources: []\n",
			"sections[0].sources", 3, 14, "a section needs at least one source"},
		{"section with null sources", "sections:\n  - id: a\n    sources:\n",
			"sections[0].sources", 3, 5, "a section needs at least one source"},
		{"source listed twice", section0 + "      - url: http://127.0.0.1/feed.xml\n        title: again\n",
			"sections[0].sources[1].url", 5, 14, `source "http://127.0.0.1/feed.xml" is listed twice in this section (first at sections[0].sources[0])`},
		{"limit too large", section0 + "    limit: 1001\n",
			"sections[0].limit", 5, 12, "must be between 1 and 1000, got 1001"},
		{"limit zero", section0 + "    limit: 0\n",
			"sections[0].limit", 5, 12, "must be between 1 and 1000, got 0"},
		{"bad language", section0 + "    language: french!\n",
			"sections[0].language", 5, 15, `invalid language tag "french!"`},
		{"source_cap above one", section0 + "    source_cap: 1.5\n",
			"sections[0].source_cap", 5, 17, `share "1.5" out of range`},
		{"source_cap percent", section0 + "    source_cap: 0%\n",
			"sections[0].source_cap", 5, 17, `share "0%" out of range`},
		{"source_cap word", section0 + "    source_cap: half\n",
			"sections[0].source_cap", 5, 17, `invalid share "half"`},
		{"negative max_age", section0 + "    max_age: -1h\n",
			"sections[0].max_age", 5, 14, "must not be negative"},
		{"min_interval zero", "min_interval: 0s\n" + section0,
			"min_interval", 1, 15, "must be positive"},
		{"concurrency zero", "fetch:\n  concurrency: 0\n" + section0,
			"fetch.concurrency", 2, 16, "must be at least 1, got 0"},
		{"per_host zero", "fetch:\n  per_host: -2\n" + section0,
			"fetch.per_host", 2, 13, "must be at least 1, got -2"},
		{"timeout zero", "fetch:\n  timeout: 0s\n" + section0,
			"fetch.timeout", 2, 12, "must be positive"},
		{"max_body zero", "fetch:\n  max_body: 0\n" + section0,
			"fetch.max_body", 2, 13, "must be positive"},
		{"max_items zero", "fetch:\n  max_items: 0\n" + section0,
			"fetch.max_items", 2, 14, "must be at least 1, got 0"},
		{"bad redact param", "redact_params: [ok, \"a=b\"]\n" + section0,
			"redact_params[1]", 1, 21, `invalid query parameter name "a=b"`},
		{"empty database", "database: \"\"\n" + section0,
			"database", 1, 11, "must not be empty"},
		{"syntax error", "listen: a:1\nfetch: [\n" + section0,
			"", 3, 0, "invalid YAML"},
		{"tab indentation", "fetch:\n\ttimeout: 5s\n",
			"", 2, 0, "invalid YAML"},
		{"empty file", "", "", 0, 0, "config file is empty"},
		{"only comments", "# nothing\n\n", "", 0, 0, "config file is empty"},
		{"top level list", "- a\n- b\n", "", 1, 1, "expected a mapping, got a list"},
		{"two documents", section0 + "---\nlisten: x\n", "", 5, 1, "only one YAML document"},
		{"merge of a scalar", "fetch:\n  <<: 5\n" + section0, "fetch", 2, 7, "merge key << needs a mapping"},
		{"unknown anchor", "fetch: *nope\n" + section0, "", 0, 0, "invalid YAML: unknown anchor 'nope' referenced"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.body), "config.yaml")
			if err == nil {
				t.Fatalf("Parse succeeded, want an error at %s", tc.path)
			}
			var errs *Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error %T is not *Errors: %v", err, err)
			}
			if len(*errs) != 1 {
				t.Fatalf("got %d problems, want 1:\n%v", len(*errs), err)
			}
			e := (*errs)[0]
			if e.File != "config.yaml" || e.Path != tc.path || e.Line != tc.line || e.Column != tc.col {
				t.Errorf("problem at %s:%d:%d %q, want config.yaml:%d:%d %q\n%v",
					e.File, e.Line, e.Column, e.Path, tc.line, tc.col, tc.path, err)
			}
			if !strings.Contains(e.Msg, tc.msgContain) {
				t.Errorf("message %q does not contain %q", e.Msg, tc.msgContain)
			}
		})
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	body := `listen: 127.0.0.1:8080
bogus: 1
fetch:
  timeout: soon
  max_body: 10XB
sections:
  - id: Politique
    sources:
      - url: http://127.0.0.1/a
        schedule: "*/61 * * * *"
      - http://127.0.0.1/a
  - id: eco
  - id: eco
    exclude: ["("]
    sources: [gopher://127.0.0.1/b]
`
	_, err := Parse([]byte(body), "config.yaml")
	want := strings.Join([]string{
		`config.yaml:2:1: bogus: unknown key "bogus"`,
		`config.yaml:4:12: fetch.timeout: invalid duration "soon": use Go syntax such as 30s, 15m, 1h30m or 720h`,
		`config.yaml:5:13: fetch.max_body: invalid size "10XB": use a number of bytes or a number with a unit, such as 512KB, 10MB, 1MiB or 2GiB`,
		`config.yaml:7:9: sections[0].id: invalid section id "Politique": use lower-case letters, digits and '-' only`,
		`config.yaml:10:19: sections[0].sources[0].schedule: invalid cron spec "*/61 * * * *": step 61 in the minute field is larger than the field's range (0-59)`,
		`config.yaml:11:9: sections[0].sources[1]: source "http://127.0.0.1/a" is listed twice in this section (first at sections[0].sources[0])`,
		`config.yaml:12:5: sections[1].sources: a section needs at least one source`,
		`config.yaml:13:9: sections[2].id: duplicate section id "eco": sections[1] already uses it`,
		`config.yaml:14:15: sections[2].exclude[0]: invalid regular expression "(": error parsing regexp: missing closing ): ` + "`(`",
		`config.yaml:15:15: sections[2].sources[0]: invalid URL "gopher://127.0.0.1/b": the scheme must be http or https`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("Parse error:\n%v\nwant:\n%s", err, want)
	}
}

func TestFieldErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    FieldError
		want string
	}{
		{FieldError{File: "c.yaml", Line: 3, Column: 7, Path: "fetch.timeout", Msg: "bad"}, "c.yaml:3:7: fetch.timeout: bad"},
		{FieldError{File: "c.yaml", Line: 3, Msg: "invalid YAML: x"}, "c.yaml:3: invalid YAML: x"},
		{FieldError{File: "c.yaml", Msg: "config file is empty"}, "c.yaml: config file is empty"},
		{FieldError{Path: "listen", Msg: "must not be empty"}, "listen: must not be empty"},
		{FieldError{Line: 2, Column: 1, Path: "x", Msg: "y"}, "2:1: x: y"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

// TestParseAliasBomb checks that a small file multiplying itself through
// aliases stops at the node budget with a clear problem.
func TestParseAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("x-strip: &strip [")
	for i := range 300 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("a")
	}
	b.WriteString("]\nx-sources: &srcs\n")
	for i := range 300 {
		b.WriteString("  - {url: http://127.0.0.1/" + strconv.Itoa(i) + ", strip: *strip}\n")
	}
	b.WriteString("x-section: &sec {id: a, sources: *srcs}\nsections: [")
	for i := range 300 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("*sec")
	}
	b.WriteString("]\n")
	_, err := Parse([]byte(b.String()), "bomb.yaml")
	if err == nil || !strings.Contains(err.Error(), "document too complex") {
		t.Fatalf("Parse error = %.300v, want a document too complex", err)
	}
}
