//go:build !race

package article

// raceBuild: the race detector is off.
const raceBuild = false
