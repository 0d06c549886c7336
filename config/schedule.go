package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // CRON_TZ= zones resolve the same on every system

	"github.com/robfig/cron/v3"
)

// Conditions ParseSchedule reports, for errors.Is.
var (
	ErrTooFrequent = errors.New("fires more often than the minimum interval")
	ErrNeverFires  = errors.New("never fires")
)

// gapChecks is how many consecutive firings ParseSchedule measures from
// each reference time.
const gapChecks = 100

// cronField is one field of a cron spec and its range.
type cronField struct {
	name     string
	min, max int
}

// cronFields returns the fields of a spec with n fields: 5, or 6 with
// seconds first; nil for any other count (cron reports it).
func cronFields(n int) []cronField {
	five := []cronField{{"minute", 0, 59}, {"hour", 0, 23}, {"day of month", 1, 31}, {"month", 1, 12}, {"day of week", 0, 6}}
	switch n {
	case 5:
		return five
	case 6:
		return append([]cronField{{"second", 0, 59}}, five...)
	}
	return nil
}

// ParseSchedule parses a schedule: a cron spec of 5 fields, or 6 with
// seconds first, or a descriptor (@every 15m, @hourly, @daily...), with an
// optional CRON_TZ=Zone or TZ=Zone prefix. Besides what cron itself
// rejects, it refuses a time zone prefix with no spec or an unknown zone,
// steps wider than their field (*/61), an @every that is not positive,
// schedules that never fire (0 0 30 2 *, ErrNeverFires) and, when min > 0,
// schedules whose shortest gap between two firings is below min
// (ErrTooFrequent). It never panics. Errors read `invalid cron spec "…": why`.
func ParseSchedule(spec string, min time.Duration) (sched cron.Schedule, err error) {
	defer func() {
		if r := recover(); r != nil {
			sched, err = nil, fmt.Errorf("invalid cron spec %q: %v", spec, r)
		}
	}()
	norm, every, err := normalizeSchedule(spec)
	if err == nil && every == 0 {
		sched, err = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor).Parse(norm)
	}
	if err == nil && every > 0 {
		sched = cron.Every(every)
	}
	if err == nil {
		err = checkGaps(sched, min)
	}
	if err != nil {
		return nil, fmt.Errorf("invalid cron spec %q: %w", spec, err)
	}
	return sched, nil
}

// normalizeSchedule checks what cron would panic on or let through, and
// returns the spec with single spaces. For "@every D" it returns D instead.
func normalizeSchedule(spec string) (string, time.Duration, error) {
	rest := strings.TrimSpace(spec)
	if rest == "" {
		return "", 0, errors.New("empty schedule")
	}
	prefix := ""
	if strings.HasPrefix(rest, "TZ=") || strings.HasPrefix(rest, "CRON_TZ=") {
		head, tail, _ := strings.Cut(strings.Join(strings.Fields(rest), " "), " ")
		key, zone, _ := strings.Cut(head, "=")
		if zone == "" {
			return "", 0, fmt.Errorf("%s= names no time zone", key)
		}
		if _, err := time.LoadLocation(zone); err != nil {
			return "", 0, fmt.Errorf("unknown time zone %q", zone)
		}
		if tail == "" {
			return "", 0, fmt.Errorf("nothing follows the time zone %s: add a spec such as \"0 7 * * *\"", head)
		}
		prefix, rest = head+" ", tail
	}
	f := strings.Fields(rest)
	if f[0] == "@every" {
		if len(f) != 2 {
			return "", 0, errors.New("@every takes one duration, e.g. @every 15m")
		}
		d, err := time.ParseDuration(f[1])
		if err != nil {
			return "", 0, fmt.Errorf("invalid @every duration %q: use Go syntax such as 30s, 15m or 1h", f[1])
		}
		if d <= 0 {
			return "", 0, fmt.Errorf("@every needs a positive duration, got %s", f[1])
		}
		return "", d, nil
	}
	for i, r := range cronFields(len(f)) {
		if err := checkSteps(f[i], r); err != nil {
			return "", 0, err
		}
	}
	return prefix + strings.Join(f, " "), 0, nil
}

// checkSteps rejects steps no wider than their field allows: cron accepts
// */61 in the minute field and reads it as "minute 0".
func checkSteps(field string, r cronField) error {
	for part := range strings.SplitSeq(field, ",") {
		_, step, ok := strings.Cut(part, "/")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(step)
		if err != nil {
			continue // cron reports it
		}
		if n > r.max-r.min {
			return fmt.Errorf("step %d in the %s field is larger than the field's range (%d-%d)", n, r.name, r.min, r.max)
		}
	}
	return nil
}

// checkGaps runs the schedule from fixed reference times chosen to cross
// a year end into a leap year, a leap day and the European daylight
// saving changes, and fails if it never fires or fires twice within min.
func checkGaps(s cron.Schedule, min time.Duration) error {
	refs := []time.Time{
		time.Date(2023, 12, 31, 22, 0, 0, 0, time.UTC),
		time.Date(2024, 2, 28, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 3, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 10, 25, 0, 0, 0, 0, time.UTC),
	}
	var shortest time.Duration
	for _, ref := range refs {
		prev := s.Next(ref)
		if prev.IsZero() {
			return fmt.Errorf("%w: no date matches it", ErrNeverFires)
		}
		for range gapChecks {
			next := s.Next(prev)
			if next.IsZero() {
				break
			}
			if gap := next.Sub(prev); shortest == 0 || gap < shortest {
				shortest = gap
			}
			prev = next
		}
	}
	if min > 0 && shortest > 0 && shortest < min {
		return fmt.Errorf("%w: it can fire %s apart, the minimum is %s", ErrTooFrequent, shortest, min)
	}
	return nil
}
