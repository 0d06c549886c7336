//go:build !unix

package normalize

// processCPU is not measured here.
func processCPU() int64 { return 0 }
