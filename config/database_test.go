package config

import (
	"path/filepath"
	"strings"
	"testing"
)

const oneSection = "\nsections:\n  - id: a\n    sources: [http://127.0.0.1/a]\n"

// TestDatabaseURL: a PostgreSQL URL is kept as it is (never joined with the
// config's folder), checked without connecting, and an invalid one is named
// with its line, never with its password.
func TestDatabaseURL(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, db, err string }{
		{"postgres", "postgres://ed:pw@127.0.0.1:5432/desk?sslmode=disable", ""},
		{"postgresql", "postgresql://127.0.0.1/desk", ""},
		{"no database name", "postgres://ed:pw@127.0.0.1:5432", "no database name"},
		{"bad parameter", "postgres://ed:pw@127.0.0.1/desk?sslmode=perhaps", "sslmode"},
		{"other scheme", "mysql://ed:pw@127.0.0.1/desk", "neither a file path nor a postgres://"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := "database: \"" + tc.db + "\"" + oneSection
			c, err := Parse([]byte(body), filepath.Join(dir, "config.yaml"))
			if tc.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				if c.Database != tc.db {
					t.Errorf("Database = %q, want %q", c.Database, tc.db)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "config.yaml:1:11: database:") {
				t.Fatalf("Parse = %v, want %q at config.yaml:1:11", err, tc.err)
			}
			if strings.Contains(err.Error(), ":pw@") {
				t.Errorf("the error shows the password: %v", err)
			}
		})
	}
}

// TestDatabaseEnv: NEWSDESK_DATABASE overrides the file's setting, and a
// bad value is named as the variable, not as a line of the file.
func TestDatabaseEnv(t *testing.T) {
	path := writeConfig(t, "database: local.db"+oneSection)
	t.Setenv(DatabaseEnv, "postgres://ed:pw@127.0.0.1:5432/desk")
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Database != "postgres://ed:pw@127.0.0.1:5432/desk" || !c.DatabaseFromEnv {
		t.Errorf("Database = %q (from env %v)", c.Database, c.DatabaseFromEnv)
	}
	t.Setenv(DatabaseEnv, "postgres://ed:pw@127.0.0.1:5432/")
	_, err = Load(path)
	if err == nil || !strings.Contains(err.Error(), "config.yaml: NEWSDESK_DATABASE: invalid PostgreSQL URL") || strings.Contains(err.Error(), ":pw@") {
		t.Fatalf("Load = %v, want NEWSDESK_DATABASE named without the password", err)
	}
	t.Setenv(DatabaseEnv, "")
	if c, err = Load(path); err != nil || c.Database != filepath.Join(filepath.Dir(path), "local.db") {
		t.Fatalf("Load without the variable = %v, %v", c, err)
	}
	// Parse (the bytes alone) never reads the environment.
	t.Setenv(DatabaseEnv, "postgres://127.0.0.1/desk")
	if c, err = Parse([]byte("database: local.db"+oneSection), ""); err != nil || c.Database != "local.db" {
		t.Fatalf("Parse = %v, %v", c, err)
	}
}
