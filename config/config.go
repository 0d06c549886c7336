// Package config reads and validates newsdesk's YAML configuration: the
// listen address, database, schedules, fetch limits, retention and the
// sections with their sources and curation rules. Every problem in a file is
// reported at once, each with its field path, line and column (see Errors).
// It also parses and vets cron schedules (ParseSchedule).
//
// It does not watch the file, fetch sources or touch the database; callers
// reload by calling Load again and swapping the result in.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"newsdesk"
	"newsdesk/storage"
)

// Config is a loaded configuration. A Config returned by Default, Load or
// Parse is not modified afterwards and is safe for concurrent reads.
type Config struct {
	Path     string // file it was loaded from ("" for Default)
	Listen   string // HTTP address of the output feeds
	BaseURL  string // public URL used in self links and ids, no trailing slash; "http://" + Listen when the file sets none
	Database string // SQLite file, resolved relative to the config file's folder, or a PostgreSQL URL
	// DatabaseFromEnv is set when NEWSDESK_DATABASE gave Database.
	DatabaseFromEnv bool
	Schedule        string        // default schedule of every source
	MinInterval     time.Duration // schedules firing more often are rejected
	Hub             string        // WebSub hub URL, optional
	Token           string        // the admin token (token, or the contents of token_file), optional
	TokenFile       string        // file holding the admin token, resolved relative to the config file's folder
	AdminListen     string        // when set, the admin surface is served on this address only
	Tracking        []string      // extra tracking query parameters to strip from links
	Redact          []string      // extra query parameters whose values are hidden wherever a source URL is shown
	Fetch           Fetch
	Retention       Retention
	Sections        []newsdesk.Section

	// Warnings are what works but is likely a mistake (check prints
	// them): base_url not set or unreachable from elsewhere, no section,
	// a source listed with different titles or schedules.
	Warnings Errors
}

// Fetch bounds how sources are fetched.
type Fetch struct {
	Timeout             time.Duration // whole request, headers and body
	Concurrency         int           // sources fetched at once
	PerHost             int           // requests at once to any one host
	UserAgent           string        // sent to sources
	MaxBody             int64         // bytes; larger responses are refused
	MaxItems            int           // entries parsed per document; the rest are dropped and the fetch is marked truncated
	RespectCacheHeaders bool          // honour Cache-Control max-age / Expires when scheduling
	ArticleBudget       int           // article pages fetched per source per run (full_text)
}

// Retention says how long items are kept.
type Retention struct {
	MaxAge   time.Duration // items older than this are pruned (0: no age limit)
	MaxItems int           // items kept per section (0: no count limit)
	Schedule string        // when pruning runs
}

// Default values, also documented in the sample config.yaml.
const (
	DefaultListen    = "127.0.0.1:8080"
	DefaultBaseURL   = "http://127.0.0.1:8080"
	DefaultDatabase  = "newsdesk.db"
	DefaultSchedule  = "@every 15m"
	DefaultUserAgent = "newsdesk/1.0 (+https://github.com/newsdesk/newsdesk)"
	DefaultLimit     = 50 // items in a section's output feed
	// DefaultArticleBudget is fetch.article_budget: article pages fetched
	// per source per run for full_text sources.
	DefaultArticleBudget = 20
	MaxLimit             = 1000
)

// Default returns the configuration used for every key a file leaves out.
// It has no sections.
func Default() *Config {
	return &Config{
		Listen:      DefaultListen,
		BaseURL:     DefaultBaseURL,
		Database:    DefaultDatabase,
		Schedule:    DefaultSchedule,
		MinInterval: time.Minute,
		Fetch: Fetch{
			Timeout:             30 * time.Second,
			Concurrency:         8,
			PerHost:             2,
			UserAgent:           DefaultUserAgent,
			MaxBody:             10_000_000,
			MaxItems:            5000,
			RespectCacheHeaders: true,
			ArticleBudget:       DefaultArticleBudget,
		},
		Retention: Retention{
			MaxAge:   720 * time.Hour,
			MaxItems: 1000,
			Schedule: "@every 1h",
		},
	}
}

// Load reads and parses the config file at path. A missing or unreadable
// file is reported as *Errors naming the path; errors.Is(err,
// fs.ErrNotExist) tells a missing file apart.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		msg := fmt.Sprintf("cannot read config file: %v", err)
		if errors.Is(err, fs.ErrNotExist) {
			msg = "config file does not exist"
		}
		return nil, &Errors{{File: path, Msg: msg, err: err}}
	}
	return parse(data, path, os.Getenv(DatabaseEnv))
}

// DatabaseEnv is the environment variable that overrides the database
// setting (so that a PostgreSQL password stays out of the file).
const DatabaseEnv = "NEWSDESK_DATABASE"

// Parse decodes and validates a config file's bytes; path names the file
// in messages and anchors a relative database path (the current directory
// when path is ""). On failure it returns *Errors listing every problem.
func Parse(data []byte, path string) (*Config, error) { return parse(data, path, "") }

// parse is Parse with the database setting replaced by database when it
// is not empty (NEWSDESK_DATABASE).
func parse(data []byte, path, database string) (*Config, error) {
	d := &decoder{pos: make(map[string]pos), bare: make(map[string]bool)}
	c := d.file(data)
	if c != nil && database != "" {
		c.Database, c.DatabaseFromEnv = database, true
	}
	if c != nil {
		c.Path = path
		if !d.baseSet {
			c.BaseURL = BaseURLFromListen(c.Listen)
		}
		d.place(c.validate())
	}
	if errs := d.errs; len(errs) > 0 {
		errs.sort()
		for i := range errs {
			errs[i].File = path
		}
		return nil, errs.err()
	}
	if c.TokenFile != "" {
		tf := c.TokenFile
		if path != "" && !filepath.IsAbs(tf) {
			tf = filepath.Join(filepath.Dir(path), tf)
		}
		c.TokenFile = tf
		b, err := os.ReadFile(tf)
		tok := strings.TrimSpace(string(b))
		switch {
		case err != nil:
			return nil, Errors{{File: path, Path: "token_file", Line: d.pos["token_file"].line, Column: d.pos["token_file"].col, Msg: fmt.Sprintf("cannot read %s: %v", tf, err), err: err}}.err()
		case tok == "" || strings.ContainsFunc(tok, func(r rune) bool { return r <= ' ' || r == 0x7f }):
			return nil, Errors{{File: path, Path: "token_file", Line: d.pos["token_file"].line, Column: d.pos["token_file"].col, Msg: fmt.Sprintf("%s must hold one token, without spaces or control characters", tf)}}.err()
		}
		c.Token = tok
	}
	if path != "" && !filepath.IsAbs(c.Database) && c.Database != ":memory:" && !strings.HasPrefix(c.Database, "file:") &&
		!storage.IsPostgresURL(c.Database) {
		c.Database = filepath.Join(filepath.Dir(path), c.Database)
	}
	c.Warnings = d.placeWarnings(d.warnings(c), path)
	return c, nil
}

// Section returns the section with the given id, or nil.
func (c *Config) Section(id string) *newsdesk.Section {
	for i := range c.Sections {
		if c.Sections[i].ID == id {
			return &c.Sections[i]
		}
	}
	return nil
}

// Sources returns every distinct source URL once, in config order, with
// the ids of all sections listing it, the first non-empty title, the first
// explicit schedule (else c.Schedule), the union of the strip patterns and
// of the full-text hosts, and the strongest full-text mode.
func (c *Config) Sources() []newsdesk.Source {
	var out []newsdesk.Source
	at := make(map[string]int)
	explicit := make(map[string]bool)
	for _, sec := range c.Sections {
		for _, ss := range sec.Sources {
			i, ok := at[ss.URL]
			if !ok {
				i = len(out)
				at[ss.URL] = i
				out = append(out, newsdesk.Source{URL: ss.URL, Schedule: c.Schedule})
			}
			src := &out[i]
			if !slices.Contains(src.Sections, sec.ID) {
				src.Sections = append(src.Sections, sec.ID)
			}
			if src.Title == "" {
				src.Title = ss.Title
			}
			if ss.Schedule != "" && !explicit[ss.URL] {
				src.Schedule, explicit[ss.URL] = ss.Schedule, true
			}
			src.FullText = max(src.FullText, ss.FullText)
			for _, h := range ss.FullTextHosts {
				if !slices.Contains(src.FullTextHosts, h) {
					src.FullTextHosts = append(src.FullTextHosts, h)
				}
			}
			for _, re := range ss.Strip {
				if !slices.ContainsFunc(src.Strip, func(have *regexp.Regexp) bool { return have.String() == re.String() }) {
					src.Strip = append(src.Strip, re)
				}
			}
		}
	}
	return out
}
