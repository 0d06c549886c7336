//go:build race

package article

// raceBuild: the race detector is on (it multiplies the cost of pure
// computation by five to ten without finding anything there).
const raceBuild = true
