//go:build unix

package storage

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) the process has used:
// on a machine shared with other work, what a benchmark spends itself,
// not the time it waits for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
