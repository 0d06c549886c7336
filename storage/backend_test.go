package storage

import (
	"os"
	"os/exec"
	"sync"
	"testing"

	"newsdesk/storage/pgtest"
)

// The package's tests run on SQLite, then once more on PostgreSQL:
// TestPostgresBackend runs the test binary again with
// NEWSDESK_TEST_BACKEND=postgres, where every database a test opens is a
// new PostgreSQL database (testPath) and the tests about SQLite's own
// machinery (its WAL, pages, locks) skip.
var onPostgres = os.Getenv("NEWSDESK_TEST_BACKEND") == "postgres"

var pgPaths sync.Map // test file path → database URL

// testPath returns the database a test opens for the file path: the path
// itself on SQLite, the same new PostgreSQL database for the same path on
// PostgreSQL (a reopen, a second process).
func testPath(t testing.TB, path string) string {
	t.Helper()
	if !onPostgres {
		return path
	}
	if u, ok := pgPaths.Load(path); ok {
		return u.(string)
	}
	u := pgtest.URL(t)
	pgPaths.Store(path, u)
	return u
}

// sqliteOnly skips a test of SQLite's own machinery on PostgreSQL.
func sqliteOnly(t testing.TB, why string) {
	t.Helper()
	if onPostgres {
		t.Skip("SQLite only: " + why)
	}
}

func TestPostgresBackend(t *testing.T) {
	if onPostgres {
		t.Skip("this is the run on PostgreSQL")
	}
	pgtest.Need(t)
	args := []string{"-test.count=1", "-test.run=^Test", "-test.skip=^(TestPostgresBackend|TestEngineSuite)"}
	if testing.Verbose() {
		args = append(args, "-test.v")
	}
	if testing.Short() {
		args = append(args, "-test.short")
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "NEWSDESK_TEST_BACKEND=postgres") // the server's URL is in pgtest.Env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("storage tests on PostgreSQL: %v\n%s", err, out)
	}
	if testing.Verbose() {
		t.Logf("storage tests on PostgreSQL:\n%s", out)
	}
}
