package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseScheduleAccepts(t *testing.T) {
	ref := time.Date(2024, 1, 15, 10, 2, 3, 0, time.UTC)
	for _, tc := range []struct {
		spec string
		min  time.Duration
		next time.Time // first firing after ref
	}{
		{"@every 15m", time.Minute, ref.Add(15 * time.Minute)},
		{"@hourly", time.Minute, time.Date(2024, 1, 15, 11, 0, 0, 0, time.UTC)},
		{"*/10 * * * *", time.Minute, time.Date(2024, 1, 15, 10, 10, 0, 0, time.UTC)},
		{"0 */5 * * * *", time.Minute, time.Date(2024, 1, 15, 10, 5, 0, 0, time.UTC)},
		{"CRON_TZ=Europe/Paris 0 7 * * *", time.Minute, time.Date(2024, 1, 16, 6, 0, 0, 0, time.UTC)},
		{"TZ=America/New_York 30 6 * * 1-5", time.Hour, time.Date(2024, 1, 15, 11, 30, 0, 0, time.UTC)},
		{"  CRON_TZ=UTC\t@every   1h ", time.Minute, ref.Add(time.Hour)},
		{"0 0 29 2 *", time.Minute, time.Date(2024, 2, 29, 0, 0, 0, 0, time.Local)},
		{"*/59 * * * *", time.Minute, time.Date(2024, 1, 15, 10, 59, 0, 0, time.UTC)},
		{"* * * * * *", 0, ref.Add(time.Second)}, // min 0: no frequency limit
	} {
		t.Run(tc.spec, func(t *testing.T) {
			s, err := ParseSchedule(tc.spec, tc.min)
			if err != nil {
				t.Fatalf("ParseSchedule(%q, %v): %v", tc.spec, tc.min, err)
			}
			if got := s.Next(ref); !got.Equal(tc.next) {
				t.Errorf("Next(%v) = %v, want %v", ref, got, tc.next)
			}
		})
	}
}

func TestParseScheduleRejects(t *testing.T) {
	for _, tc := range []struct {
		spec    string
		min     time.Duration
		msg     string
		errorIs error
	}{
		{"CRON_TZ=Europe/Paris", time.Minute, "nothing follows the time zone CRON_TZ=Europe/Paris", nil},
		{"TZ=UTC   ", time.Minute, "nothing follows the time zone TZ=UTC", nil},
		{"CRON_TZ=", time.Minute, "CRON_TZ= names no time zone", nil},
		{"TZ= 0 7 * * *", time.Minute, "TZ= names no time zone", nil},
		{"CRON_TZ=Mars/Olympus 0 7 * * *", time.Minute, `unknown time zone "Mars/Olympus"`, nil},
		{"@every 0s", time.Minute, "@every needs a positive duration, got 0s", nil},
		{"@every -5m", 0, "@every needs a positive duration, got -5m", nil},
		{"@every soon", time.Minute, `invalid @every duration "soon"`, nil},
		{"@every", time.Minute, "@every takes one duration", nil},
		{"@every 10s", time.Minute, "it can fire 10s apart, the minimum is 1m0s", ErrTooFrequent},
		{"@every 1500ms", 1200 * time.Millisecond, "it can fire 1s apart", ErrTooFrequent}, // cron rounds down to 1s
		{"* * * * * *", time.Minute, "it can fire 1s apart, the minimum is 1m0s", ErrTooFrequent},
		{"0,1 0 * * *", time.Hour, "it can fire 1m0s apart, the minimum is 1h0m0s", ErrTooFrequent},
		{"0 0 30 2 *", time.Minute, "never fires: no date matches it", ErrNeverFires},
		{"0 0 31 4 *", time.Minute, "never fires", ErrNeverFires},
		{"*/61 * * * *", time.Minute, "step 61 in the minute field is larger than the field's range (0-59)", nil},
		{"0 0 */32 * *", time.Minute, "step 32 in the day of month field", nil},
		{"*/0 * * * *", time.Minute, "step of range should be a positive number", nil},
		{"61 * * * *", time.Minute, "above maximum", nil},
		{"* * * *", time.Minute, "expected 5 to 6 fields, found 4", nil},
		{"@fortnightly", time.Minute, "unrecognized descriptor", nil},
		{"", time.Minute, "empty schedule", nil},
	} {
		t.Run(tc.spec, func(t *testing.T) {
			s, err := ParseSchedule(tc.spec, tc.min)
			if err == nil {
				t.Fatalf("ParseSchedule(%q, %v) = %v, want an error", tc.spec, tc.min, s)
			}
			prefix := "invalid cron spec \"" + tc.spec + "\": "
			if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error = %q, want %q followed by %q", err, prefix, tc.msg)
			}
			if tc.errorIs != nil && !errors.Is(err, tc.errorIs) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.errorIs)
			}
			if s != nil {
				t.Errorf("schedule = %v, want nil with an error", s)
			}
		})
	}
}

// FuzzParseSchedule checks that no spec makes ParseSchedule panic, and that
// an accepted schedule fires and keeps its promise on the minimum gap.
func FuzzParseSchedule(f *testing.F) {
	for _, s := range []string{"@every 15m", "CRON_TZ=Europe/Paris 0 7 * * *", "CRON_TZ=", "TZ=UTC",
		"*/61 * * * *", "0 0 30 2 *", "0 */5 * * * *", "@hourly", "1-5/2,*/7 0 1 jan-mar mon-fri"} {
		f.Add(s, int64(time.Minute))
	}
	f.Fuzz(func(t *testing.T, spec string, minNS int64) {
		minGap := time.Duration(minNS)
		s, err := ParseSchedule(spec, minGap)
		if err != nil {
			return
		}
		at := time.Date(2024, 2, 28, 0, 0, 0, 0, time.UTC) // one of checkGaps's reference times
		first := s.Next(at)
		if first.IsZero() {
			t.Fatalf("ParseSchedule(%q) accepted a schedule that never fires", spec)
		}
		if second := s.Next(first); minGap > 0 && !second.IsZero() && second.Sub(first) < minGap {
			t.Fatalf("ParseSchedule(%q, %v) accepted a gap of %v", spec, minGap, second.Sub(first))
		}
	})
}

func BenchmarkParseSchedule(b *testing.B) {
	for b.Loop() {
		if _, err := ParseSchedule("CRON_TZ=Europe/Paris */10 6-23 * * *", time.Minute); err != nil {
			b.Fatal(err)
		}
	}
}
