package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// sizeUnit returns the bytes in one unit (case-insensitive): decimal for
// KB, MB, GB, TB and binary for KiB, MiB, GiB, TiB.
func sizeUnit(unit string) (int64, bool) {
	switch strings.ToLower(unit) {
	case "", "b":
		return 1, true
	case "kb":
		return 1e3, true
	case "mb":
		return 1e6, true
	case "gb":
		return 1e9, true
	case "tb":
		return 1e12, true
	case "kib":
		return 1 << 10, true
	case "mib":
		return 1 << 20, true
	case "gib":
		return 1 << 30, true
	case "tib":
		return 1 << 40, true
	}
	return 0, false
}

// parseSize reads a byte count: a plain integer or an integer followed by a
// unit, e.g. 512KB, 10MB, 1MiB, 2GiB (a space before the unit is allowed).
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	if i < 0 {
		i = len(t)
	}
	digits := t[:i]
	mult, ok := sizeUnit(strings.TrimSpace(t[i:]))
	if digits == "" || !ok {
		return 0, fmt.Errorf("invalid size %q: use a number of bytes or a number with a unit, such as 512KB, 10MB, 1MiB or 2GiB", s)
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > math.MaxInt64/mult {
		return 0, fmt.Errorf("invalid size %q: too large", s)
	}
	return n * mult, nil
}

// parseFraction reads a share: a number with 0 < x <= 1, or a percentage
// such as "30%".
func parseFraction(s string) (float64, error) {
	t := strings.TrimSpace(s)
	scale := 1.0
	if p, ok := strings.CutSuffix(t, "%"); ok {
		t, scale = strings.TrimSpace(p), 100
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, fmt.Errorf("invalid share %q: use a fraction such as 0.3 or a percentage such as \"30%%\"", s)
	}
	x /= scale
	if !(x > 0 && x <= 1) { // also rejects NaN
		return 0, fmt.Errorf("share %q out of range: it must be above 0 and at most 1 (100%%)", s)
	}
	return x, nil
}
