package config

import "testing"

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{
		{"10MB", 10_000_000},
		{"512KB", 512_000},
		{"1MiB", 1 << 20},
		{"2GiB", 2 << 30},
		{"1234", 1234},
		{"64 kib", 64 << 10},
		{"7B", 7},
	} {
		got, err := parseSize(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "MB", "10XB", "1.5MB", "-1", "99999999999TiB", "99999999999999999999"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
	}
}

func TestParseFraction(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"0.3", 0.3},
		{"1", 1},
		{"30%", 0.3},
		{" 100 % ", 1},
		{"2.5%", 0.025},
	} {
		got, err := parseFraction(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("parseFraction(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "0", "0%", "1.01", "101%", "-0.5", "NaN", "half", "%"} {
		if got, err := parseFraction(in); err == nil {
			t.Errorf("parseFraction(%q) = %v, want an error", in, got)
		}
	}
}
