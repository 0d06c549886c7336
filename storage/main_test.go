package storage

import (
	"os"
	"testing"

	"newsdesk/storage/pgtest"
)

// TestMain starts the PostgreSQL server the tests of the second backend
// use (pgtest), once for the package.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
