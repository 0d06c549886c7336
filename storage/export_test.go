package storage

// TestPath is testPath for the tests of package storage_test (the editor's):
// they open their databases through the same backend switch.
var TestPath = testPath
