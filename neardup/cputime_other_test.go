//go:build !unix

package neardup

import "time"

// cpuTime is not measured on this platform: BenchmarkLookup reports 0.
func cpuTime() time.Duration { return 0 }
