package main

import (
	"os"
	"os/exec"
	"sync"
	"testing"

	"newsdesk/config"
	"newsdesk/storage/pgtest"
)

// The editor's tests run on SQLite, then once more on PostgreSQL:
// TestEditorOnPostgres runs the test binary again with
// NEWSDESK_TEST_BACKEND=postgres, where each test's configs (writeConfig,
// deskConfig) have NEWSDESK_DATABASE name a new PostgreSQL database of its
// own, the same for every config the test writes (a reopened desk). Their
// CLI runs, in-process or in serve processes, then use it.
var onPostgres = os.Getenv("NEWSDESK_TEST_BACKEND") == "postgres"

// editorTests are the tests of the editor's desk run on both backends.
const editorTests = "^(TestEditorEndToEnd|TestRulesOnStoredItems|TestEditorReferences|TestFetchAppliesRules|" +
	"TestAdminAccessWithToken|TestAdminAccessWithoutToken|TestAdminListen|TestDeskLoginAndCSRF|TestDeskUnderBasePath|" +
	"TestDeskShowsStates|TestEditorAPIJSON|TestDeskInBrowser)$"

var pgDatabases sync.Map // test name → database URL

// testDatabase points the test's configs at its PostgreSQL database on the
// PostgreSQL run; on SQLite it does nothing (the config's file is used).
func testDatabase(t testing.TB) {
	t.Helper()
	if !onPostgres {
		return
	}
	u, ok := pgDatabases.Load(t.Name())
	if !ok {
		u = pgtest.URL(t)
		pgDatabases.Store(t.Name(), u)
	}
	t.Setenv(config.DatabaseEnv, u.(string))
}

func TestEditorOnPostgres(t *testing.T) {
	if onPostgres {
		t.Skip("this is the run on PostgreSQL")
	}
	if testing.Short() {
		t.Skip("runs the editor's tests again")
	}
	pgtest.Need(t)
	args := []string{"-test.count=1", "-test.run=" + editorTests}
	if testing.Verbose() {
		args = append(args, "-test.v")
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "NEWSDESK_TEST_BACKEND=postgres") // the server's URL is in pgtest.Env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the editor's tests on PostgreSQL: %v\n%s", err, out)
	}
	if testing.Verbose() {
		t.Logf("the editor's tests on PostgreSQL:\n%s", out)
	}
}
