package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsdesk"
)

// writeConfig writes body to config.yaml in a fresh folder and returns its path.
func writeConfig(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadSample(t *testing.T) {
	c, err := Load("../config.yaml")
	if err != nil {
		t.Fatalf("Load(../config.yaml): %v", err)
	}
	var ids []string
	for _, s := range c.Sections {
		ids = append(ids, s.ID)
	}
	if got, want := strings.Join(ids, ","), "politique,international,tech,business"; got != want {
		t.Errorf("section ids = %s, want %s", got, want)
	}
	if got, want := c.Database, filepath.Join("..", "newsdesk.db"); got != want {
		t.Errorf("Database = %q, want %q", got, want)
	}
	if got, want := c.Fetch.MaxBody, int64(10_000_000); got != want {
		t.Errorf("Fetch.MaxBody = %d, want %d", got, want)
	}
	if got, want := c.Fetch.MaxItems, 5000; got != want {
		t.Errorf("Fetch.MaxItems = %d, want %d", got, want)
	}
	if got, want := c.Tracking, []string{"xtor", "at_medium", "at_campaign"}; !slices.Equal(got, want) {
		t.Errorf("Tracking = %q, want %q", got, want)
	}

	pol := c.Section("politique")
	if pol == nil {
		t.Fatal(`Section("politique") = nil`)
	}
	if got, want := pol.SourceCap, 0.6; got != want {
		t.Errorf("politique SourceCap = %v, want %v", got, want)
	}
	if got, want := pol.MaxAge, 168*time.Hour; got != want {
		t.Errorf("politique MaxAge = %v, want %v", got, want)
	}
	var rules []string
	for _, r := range pol.Exclude {
		rules = append(rules, r.String())
	}
	if got, want := strings.Join(rules, " | "), `(?i)sponsoris | title: (?i)^(vidéo|podcast|direct)\b | link: /videos?/`; got != want {
		t.Errorf("politique exclude = %s, want %s", got, want)
	}
	if got := c.Section("international").Limit; got != DefaultLimit {
		t.Errorf("international Limit = %d, want the default %d", got, DefaultLimit)
	}
	if c.Section("nope") != nil {
		t.Error(`Section("nope") != nil`)
	}

	const guardianTech = "https://www.theguardian.com/technology/rss"
	var found []newsdesk.Source
	for _, s := range c.Sources() {
		if s.URL == guardianTech {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		t.Fatalf("Sources() lists %s %d times, want once", guardianTech, len(found))
	}
	if got, want := found[0].Sections, []string{"tech", "business"}; !slices.Equal(got, want) {
		t.Errorf("Sections of %s = %q, want %q", guardianTech, got, want)
	}
	if got, want := found[0].Schedule, DefaultSchedule; got != want {
		t.Errorf("Schedule of %s = %q, want %q", guardianTech, got, want)
	}
	if got, want := len(c.Sources()), 11; got != want {
		t.Errorf("len(Sources()) = %d, want %d", got, want)
	}
}

func TestLoadDefaults(t *testing.T) {
	path := writeConfig(t, "sections:\n  - id: news\n    sources: [http://127.0.0.1/feed.xml]\n")
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Path = path
	want.Database = filepath.Join(filepath.Dir(path), DefaultDatabase)
	if got := *c; got.Listen != want.Listen || got.BaseURL != want.BaseURL || got.Database != want.Database ||
		got.Schedule != want.Schedule || got.MinInterval != want.MinInterval || got.Fetch != want.Fetch ||
		got.Retention != want.Retention || got.Path != want.Path || got.Hub != "" || got.Token != "" {
		t.Errorf("Load = %+v\nwant %+v", got, *want)
	}
	s := c.Sections[0]
	if s.Title != "news" || s.Limit != DefaultLimit || s.Sources[0].URL != "http://127.0.0.1/feed.xml" {
		t.Errorf("section = %+v, want title news, limit %d, source http://127.0.0.1/feed.xml", s, DefaultLimit)
	}
}

func TestLoadMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := Load(path)
	if err == nil {
		t.Fatal("Load of a missing file succeeded")
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", err)
	}
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %T is not *Errors", err)
	}
	if got, want := err.Error(), path+": config file does not exist"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}

func TestDatabasePath(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "elsewhere", "x.db")
	for _, tc := range []struct{ name, db, want string }{
		{"relative", "data/nd.db", filepath.Join(dir, "data", "nd.db")},
		{"absolute", abs, abs},
		{"memory", ":memory:", ":memory:"},
		{"uri", "file:nd.db?mode=memory", "file:nd.db?mode=memory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := "database: \"" + tc.db + "\"" + "\nsections:\n  - id: a\n    sources: [http://127.0.0.1/a]\n"
			c, err := Parse([]byte(body), filepath.Join(dir, "config.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			if c.Database != tc.want {
				t.Errorf("Database = %q, want %q", c.Database, tc.want)
			}
		})
	}
}

func TestParseValues(t *testing.T) {
	body := `base_url: https://example.org/news//
hub: https://hub.example.org/
token: s3cret
min_interval: 10s
redact_params: [feedcode]
fetch:
  max_body: 512KB
  max_items: 200
  respect_cache_headers: false
  concurrency: 0x10
retention:
  max_age: 0s
  max_items: 0
defaults: &defaults
  limit: 20
  language: pt-BR
sections:
  - <<: *defaults
    id: a
    title: Alpha
    source_cap: 0.25
    include:
      - "(?i)x"
      - author: Jane
      - category: ^Tech$
      - content: foo
    sources: &srcs
      - http://127.0.0.1/a
      - url: http://127.0.0.1/b
        title: B
        schedule: "*/30 * * * * *"
        priority: -3
        categories: [Economy, " Business "]
        strip: ["(?i)advert"]
  - <<: *defaults
    id: b
    limit: 7
    source_cap: 30%
    sources: *srcs
`
	// "defaults" is not a key: check that the anchor works once it is valid.
	_, err := Parse([]byte(body), "config.yaml")
	if err == nil || !strings.Contains(err.Error(), `config.yaml:14:1: defaults: unknown key "defaults"`) {
		t.Fatalf("error = %v, want the unknown key defaults at 14:1", err)
	}
	body = strings.Replace(body, "defaults: &defaults\n  limit: 20\n  language: pt-BR\n", "", 1)
	body = strings.ReplaceAll(body, "<<: *defaults", "<<: {limit: 20, language: pt-BR}")
	c, err := Parse([]byte(body), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"BaseURL", c.BaseURL, "https://example.org/news"},
		{"Hub", c.Hub, "https://hub.example.org/"},
		{"Token", c.Token, "s3cret"},
		{"MinInterval", c.MinInterval, 10 * time.Second},
		{"Database", c.Database, DefaultDatabase},
		{"MaxBody", c.Fetch.MaxBody, int64(512_000)},
		{"MaxItems", c.Fetch.MaxItems, 200},
		{"Redact", strings.Join(c.Redact, ","), "feedcode"},
		{"RespectCacheHeaders", c.Fetch.RespectCacheHeaders, false},
		{"Concurrency", c.Fetch.Concurrency, 16},
		{"Retention", c.Retention, Retention{Schedule: "@every 1h"}},
		{"a.Limit", c.Sections[0].Limit, 20},
		{"a.Language", c.Sections[0].Language, "pt-BR"},
		{"a.Title", c.Sections[0].Title, "Alpha"},
		{"a.SourceCap", c.Sections[0].SourceCap, 0.25},
		{"a.Include[0]", c.Sections[0].Include[0].String(), "(?i)x"},
		{"a.Include[1]", c.Sections[0].Include[1].String(), "author: Jane"},
		{"a.Include[2]", c.Sections[0].Include[2].String(), "category: ^Tech$"},
		{"a.Include[3]", c.Sections[0].Include[3].String(), "content: foo"},
		{"a.Sources[1].Title", c.Sections[0].Sources[1].Title, "B"},
		{"a.Sources[1].Schedule", c.Sections[0].Sources[1].Schedule, "*/30 * * * * *"},
		{"a.Sources[1].Priority", c.Sections[0].Sources[1].Priority, -3},
		{"a.Sources[1].Categories", strings.Join(c.Sections[0].Sources[1].Categories, "|"), "Economy|Business"},
		{"a.Sources[1].Strip", c.Sections[0].Sources[1].Strip[0].String(), "(?i)advert"},
		{"b.Limit", c.Sections[1].Limit, 7},
		{"b.SourceCap", c.Sections[1].SourceCap, 0.3},
		{"b.Sources", len(c.Sections[1].Sources), 2},
		{"b.Title", c.Sections[1].Title, "b"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}
}

func TestSources(t *testing.T) {
	body := `schedule: "@every 20m"
sections:
  - id: a
    sources:
      - http://127.0.0.1/x
      - url: http://127.0.0.1/y
        strip: [foo]
  - id: b
    sources:
      - url: http://127.0.0.1/x
        title: X
        schedule: "@every 5m"
        strip: [bar]
      - url: http://127.0.0.1/y
        title: Y
        strip: [foo, baz]
  - id: c
    sources:
      - url: http://127.0.0.1/x
        title: Other
        schedule: "@hourly"
`
	c, err := Parse([]byte(body), "")
	if err != nil {
		t.Fatal(err)
	}
	got := c.Sources()
	type view struct{ URL, Title, Schedule, Strip, Sections string }
	var views []view
	for _, s := range got {
		var strip []string
		for _, re := range s.Strip {
			strip = append(strip, re.String())
		}
		views = append(views, view{s.URL, s.Title, s.Schedule, strings.Join(strip, ","), strings.Join(s.Sections, ",")})
	}
	want := []view{
		{"http://127.0.0.1/x", "X", "@every 5m", "bar", "a,b,c"},
		{"http://127.0.0.1/y", "Y", "@every 20m", "foo,baz", "a,b"},
	}
	if !slices.Equal(views, want) {
		t.Errorf("Sources() =\n%+v\nwant\n%+v", views, want)
	}
}

func TestValidateInCode(t *testing.T) {
	c := Default()
	c.Fetch.PerHost = 0
	c.Sections = []newsdesk.Section{{ID: "Bad ID", Limit: 5, Sources: []newsdesk.SectionSource{{URL: "http://127.0.0.1/a"}}}}
	err := c.Validate()
	want := "fetch.per_host: must be at least 1, got 0\n" +
		`sections[0].id: invalid section id "Bad ID": use lower-case letters, digits and '-' only`
	if err == nil || err.Error() != want {
		t.Errorf("Validate() = %v\nwant %s", err, want)
	}
	if err := Default().Validate(); err != nil {
		t.Errorf("Default().Validate() = %v, want nil", err)
	}
}

// TestTokenFileAndAdminListen: token_file is read (relative to the config
// file, trimmed), and mistakes name the key.
func TestTokenFileAndAdminListen(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "token"), []byte("  s3cret-from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	section := "sections:\n  - id: a\n    sources:\n      - http://127.0.0.1:1/feed\n"
	write := func(text string) string {
		p := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(p, []byte(text+section), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	c, err := Load(write("token_file: token\nadmin_listen: 127.0.0.1:8081\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Token != "s3cret-from-file" || c.AdminListen != "127.0.0.1:8081" {
		t.Fatalf("token %q, admin_listen %q", c.Token, c.AdminListen)
	}
	for _, tt := range []struct{ name, text, want string }{
		{"missing file", "token_file: nope\n", "token_file: cannot read"},
		{"both", "token: a\ntoken_file: token\n", "token_file: set token or token_file, not both"},
		{"bad admin_listen", "admin_listen: nowhere\n", "admin_listen"},
		{"admin_listen = listen", "listen: 127.0.0.1:9000\nadmin_listen: 127.0.0.1:9000\n", "admin_listen: must differ from listen"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(write(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load = %v, want an error naming %q", err, tt.want)
			}
		})
	}
	if err := os.WriteFile(filepath.Join(dir, "token"), []byte("two words\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(write("token_file: token\n")); err == nil || !strings.Contains(err.Error(), "must hold one token") {
		t.Fatalf("token file with a space: %v", err)
	}
}
