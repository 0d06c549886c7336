package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"newsdesk/storage"
)

var (
	sectionID = regexp.MustCompile(`^[a-z0-9-]+$`)
	// languageTag is the shape of a BCP 47 tag: a 2–3 letter language, then
	// subtags of 1–8 letters or digits (script, region, variants...).
	languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
)

// Validate checks the values of c, as Parse does after decoding, and
// returns *Errors naming the field path of every problem (without
// positions: c does not remember where its values came from). It is for
// configs built in code; Load and Parse already validate.
func (c *Config) Validate() error {
	return c.validate().err()
}

func (c *Config) validate() Errors {
	var errs Errors
	checked := make(map[string]error) // schedule → verdict; checking one costs a few ms
	scheduleErr := func(spec string, minInterval time.Duration) error {
		err, ok := checked[spec]
		if !ok {
			_, err = ParseSchedule(spec, minInterval)
			checked[spec] = err
		}
		return err
	}
	check := func(path string, err error) {
		if err != nil {
			errs.add(path, err.Error())
		}
	}
	check("listen", checkListen(c.Listen))
	check("base_url", checkURL(c.BaseURL))
	if c.BaseURL != "" && strings.HasSuffix(c.BaseURL, "/") {
		errs.add("base_url", "must not end with a slash")
	}
	if u, err := url.Parse(c.BaseURL); err == nil && (u.RawQuery != "" || u.Fragment != "") {
		errs.add("base_url", "must not have a query or fragment")
	}
	dbField := "database"
	if c.DatabaseFromEnv {
		dbField = DatabaseEnv // not a line of the file
	}
	switch {
	case c.Database == "":
		errs.add(dbField, "must not be empty")
	case storage.IsPostgresURL(c.Database):
		if err := storage.ParsePostgresURL(c.Database); err != nil {
			errs.add(dbField, err.Error())
		}
	case strings.Contains(c.Database, "://"):
		shown := "the value"
		if u, err := url.Parse(c.Database); err == nil {
			shown = fmt.Sprintf("%q", u.Redacted())
		}
		errs.add(dbField, shown+" is neither a file path nor a postgres:// or postgresql:// URL")
	}
	minInterval := c.MinInterval
	if minInterval <= 0 {
		errs.add("min_interval", fmt.Sprintf("must be positive, got %s", minInterval))
		minInterval = 0
	}
	check("schedule", scheduleErr(c.Schedule, minInterval))
	if c.Hub != "" {
		check("hub", checkURL(c.Hub))
	}
	if strings.ContainsFunc(c.Token, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		errs.add("token", "must not contain spaces or control characters")
	}
	if c.Token != "" && c.TokenFile != "" {
		errs.add("token_file", "set token or token_file, not both")
	}
	if c.AdminListen != "" {
		check("admin_listen", checkListen(c.AdminListen))
		if c.AdminListen == c.Listen {
			errs.add("admin_listen", "must differ from listen")
		}
	}
	for i, p := range c.Tracking {
		if p == "" || strings.ContainsAny(p, "&=?# ") {
			errs.add(index("tracking_params", i), fmt.Sprintf("invalid query parameter name %q", p))
		}
	}

	for i, p := range c.Redact {
		if p == "" || strings.ContainsAny(p, "&=?# ") {
			errs.add(index("redact_params", i), fmt.Sprintf("invalid query parameter name %q", p))
		}
	}

	f := c.Fetch
	if f.Timeout <= 0 {
		errs.add("fetch.timeout", fmt.Sprintf("must be positive, got %s", f.Timeout))
	}
	if f.Concurrency < 1 {
		errs.add("fetch.concurrency", fmt.Sprintf("must be at least 1, got %d", f.Concurrency))
	}
	if f.PerHost < 1 {
		errs.add("fetch.per_host", fmt.Sprintf("must be at least 1, got %d", f.PerHost))
	}
	if f.UserAgent == "" {
		errs.add("fetch.user_agent", "must not be empty")
	}
	if f.MaxBody <= 0 {
		errs.add("fetch.max_body", fmt.Sprintf("must be positive, got %d", f.MaxBody))
	}
	if f.MaxItems < 1 {
		errs.add("fetch.max_items", fmt.Sprintf("must be at least 1, got %d", f.MaxItems))
	}
	if f.ArticleBudget < 0 {
		errs.add("fetch.article_budget", fmt.Sprintf("must not be negative, got %d", f.ArticleBudget))
	}

	r := c.Retention
	if r.MaxAge < 0 {
		errs.add("retention.max_age", fmt.Sprintf("must not be negative, got %s", r.MaxAge))
	}
	if r.MaxItems < 0 {
		errs.add("retention.max_items", fmt.Sprintf("must not be negative, got %d", r.MaxItems))
	}
	check("retention.schedule", scheduleErr(r.Schedule, minInterval))

	c.validateSections(&errs, func(spec string) error { return scheduleErr(spec, minInterval) })
	return errs
}

func (c *Config) validateSections(errs *Errors, scheduleErr func(string) error) {
	ids := make(map[string]string) // id → path of its first section
	for i := range c.Sections {
		s := &c.Sections[i]
		path := index("sections", i)
		switch {
		case s.ID == "":
			errs.add(path+".id", "missing section id")
		case !sectionID.MatchString(s.ID):
			errs.add(path+".id", fmt.Sprintf("invalid section id %q: use lower-case letters, digits and '-' only", s.ID))
		case ids[s.ID] != "":
			errs.add(path+".id", fmt.Sprintf("duplicate section id %q: %s already uses it", s.ID, ids[s.ID]))
		default:
			ids[s.ID] = path
		}
		if s.Language != "" && !languageTag.MatchString(s.Language) {
			errs.add(path+".language", fmt.Sprintf("invalid language tag %q: use a BCP 47 tag such as fr, en or pt-BR", s.Language))
		}
		if s.Limit < 1 || s.Limit > MaxLimit {
			errs.add(path+".limit", fmt.Sprintf("must be between 1 and %d, got %d", MaxLimit, s.Limit))
		}
		if s.MaxAge < 0 {
			errs.add(path+".max_age", fmt.Sprintf("must not be negative, got %s", s.MaxAge))
		}
		if !(s.SourceCap >= 0 && s.SourceCap <= 1) {
			errs.add(path+".source_cap", fmt.Sprintf("must be above 0 and at most 1, got %g", s.SourceCap))
		}
		if len(s.Sources) == 0 {
			errs.add(path+".sources", "a section needs at least one source")
		}
		urls := make(map[string]string) // url → path of its first listing
		for j := range s.Sources {
			src := &s.Sources[j]
			p := index(path+".sources", j)
			if src.URL == "" {
				errs.add(p+".url", "missing source url")
			} else if err := checkURL(src.URL); err != nil {
				errs.add(p+".url", err.Error())
			} else if first := urls[src.URL]; first != "" {
				errs.add(p+".url", fmt.Sprintf("source %q is listed twice in this section (first at %s)", src.URL, first))
			} else {
				urls[src.URL] = p
			}
			if src.Schedule != "" {
				if err := scheduleErr(src.Schedule); err != nil {
					errs.add(p+".schedule", err.Error())
				}
			}
			checkFullText(errs, p, src)
		}
	}
}

// checkURL accepts absolute http and https URLs with a host.
func checkURL(s string) error {
	if s == "" {
		return fmt.Errorf("missing URL")
	}
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return fmt.Errorf("invalid URL %q: it contains spaces or control characters (escape them, e.g. %%20)", s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("invalid URL %q: %v", s, errors.Unwrap(err))
	}
	if !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https") {
		return fmt.Errorf("invalid URL %q: the scheme must be http or https", s)
	}
	if u.Host == "" || u.Hostname() == "" {
		return fmt.Errorf("invalid URL %q: no host", s)
	}
	return nil
}

// checkListen accepts host:port with a numeric port; the host may be empty.
func checkListen(s string) error {
	if s == "" {
		return fmt.Errorf("must not be empty")
	}
	_, port, err := net.SplitHostPort(s)
	if err != nil {
		return fmt.Errorf("invalid address %q: want host:port, e.g. 127.0.0.1:8080", s)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return fmt.Errorf("invalid port %q in address %q", port, s)
	}
	return nil
}
