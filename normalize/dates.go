package normalize

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// looseDate reads a date gofeed could not: month and weekday names in
// French, English, German, Spanish, Italian, Portuguese and Dutch, full or
// abbreviated, with or without accents and periods ("Mar, 01 déc. 2026
// 10:00:00 +0100", "1er décembre 2026 à 10h00", "Tuesday, December 1,
// 2026 10:00 AM EST", "1. Dezember 2026 um 10:00 Uhr"). It needs a named
// month, a day and a four-digit year (or two digits after the month and
// day, as RFC 822 has them); a time of day, a.m./p.m. and a zone (a
// numeric offset, GMT/UTC/Z, or a common abbreviation such as CET, CEST,
// EST, PDT) are optional. A date without a zone is read as UTC, as a JSON
// Feed date without one is. Any other word, or a number it cannot place,
// makes it fail: a wrong date is worse than none.
func looseDate(s string) (time.Time, bool) {
	toks := dateTokens(s)
	if len(toks) == 0 {
		return time.Time{}, false
	}
	day, month, year := 0, time.Month(0), -1
	hour, minute, sec := -1, 0, 0
	pm, am := false, false
	var loc *time.Location
	// The month is the first month name, unless that is also the weekday
	// in front ("mar" is mardi and mars) and another follows.
	monthAt := -1
	var named []int
	for i, t := range toks {
		if _, ok := monthNames[t]; ok {
			named = append(named, i)
		}
	}
	if len(named) > 1 && weekdayNames[toks[named[0]]] {
		named = named[1:]
	}
	if len(named) > 0 {
		monthAt = named[0]
		month = monthNames[toks[monthAt]]
	}
	if month == 0 {
		return time.Time{}, false
	}
	for i, t := range toks {
		switch {
		case i == monthAt:
		case weekdayNames[t] && i < monthAt:
		case dateFillers[t]:
		case t == "am" || t == "a.m.":
			am = true
		case t == "pm" || t == "p.m.":
			pm = true
		case isClock(t):
			if hour >= 0 {
				return time.Time{}, false
			}
			var ok bool
			if hour, minute, sec, ok = clock(t); !ok {
				return time.Time{}, false
			}
		case zoneOf(t) != nil:
			if loc != nil {
				return time.Time{}, false
			}
			loc = zoneOf(t)
		default:
			n, err := strconv.Atoi(strings.TrimRight(t, "."))
			if err != nil {
				n, err = strconv.Atoi(trimOrdinal(t))
			}
			if err != nil {
				return time.Time{}, false
			}
			digits := len(strings.TrimRight(t, "."))
			if d := trimOrdinal(t); d != t {
				digits = len(d)
			}
			switch {
			case digits == 4 && year < 0 && n >= 1000:
				year = n
			case day == 0 && n >= 1 && n <= 31 && digits <= 2:
				day = n
			case year < 0 && len(t) == 2 && day != 0 && i > monthAt:
				year = 2000 + n
				if year > time.Now().Year()+1 {
					year -= 100
				}
			default:
				return time.Time{}, false
			}
		}
	}
	if day == 0 || year < 0 {
		return time.Time{}, false
	}
	if hour < 0 {
		hour = 0
	}
	switch {
	case pm && am, (pm || am) && (hour < 1 || hour > 12):
		return time.Time{}, false
	case pm && hour < 12:
		hour += 12
	case am && hour == 12:
		hour = 0
	}
	if loc == nil {
		loc = time.UTC
	}
	t := time.Date(year, month, day, hour, minute, sec, 0, loc)
	if t.Day() != day || hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, false // 31 November, 25:00
	}
	return t, true
}

// dateTokens lower-cases s, folds its accents, and splits it into words,
// numbers and clock times; commas, parentheses and slashes separate.
func dateTokens(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r): // a combining accent
		case r == ',' || r == '(' || r == ')' || r == '/' || unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	var out []string
	for _, f := range strings.Fields(b.String()) {
		// "10:00am", "déc." and "1er" come apart or lose their period below.
		if n := len(f); n > 2 && (strings.HasSuffix(f, "am") || strings.HasSuffix(f, "pm")) && f[n-3] >= '0' && f[n-3] <= '9' {
			out = append(out, f[:n-2], f[n-2:])
			continue
		}
		if _, ok := monthNames[strings.TrimSuffix(f, ".")]; ok {
			f = strings.TrimSuffix(f, ".")
		} else if weekdayNames[strings.TrimSuffix(f, ".")] {
			f = strings.TrimSuffix(f, ".")
		}
		out = append(out, f)
	}
	return out
}

func trimOrdinal(t string) string {
	for _, suf := range []string{"st", "nd", "rd", "th", "er", "re", "e", "o", "a", "."} {
		if s, ok := strings.CutSuffix(t, suf); ok && s != "" {
			return s
		}
	}
	return t
}

// isClock reports a time of day: "10:00", "10:00:00", "10h00", "10h",
// "10.00.00" is not (a date in some locales).
func isClock(t string) bool {
	return strings.ContainsAny(t, ":h") && t[0] >= '0' && t[0] <= '9'
}

func clock(t string) (h, m, s int, ok bool) {
	t = strings.Replace(t, "h", ":", 1)
	t = strings.TrimSuffix(t, ":")
	parts := strings.Split(t, ":")
	if len(parts) > 3 {
		return 0, 0, 0, false
	}
	vals := []int{0, 0, 0}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(p) > 2 || (i > 0 && len(p) != 2) {
			return 0, 0, 0, false
		}
		vals[i] = n
	}
	return vals[0], vals[1], vals[2], true
}

// zoneOf reads a zone token: "+0100", "-05:00", "gmt+0100", "z", "utc",
// or an abbreviation; nil when t is none.
func zoneOf(t string) *time.Location {
	if off, ok := zoneAbbrevs[t]; ok {
		return time.FixedZone(strings.ToUpper(t), off)
	}
	for _, p := range []string{"gmt", "utc", "ut"} {
		if rest, ok := strings.CutPrefix(t, p); ok && rest != "" {
			t = rest
			break
		}
	}
	if len(t) < 3 || (t[0] != '+' && t[0] != '-') {
		return nil
	}
	digits := strings.ReplaceAll(t[1:], ":", "")
	if len(digits) == 2 {
		digits += "00"
	}
	if len(digits) != 4 {
		return nil
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n%100 > 59 || n/100 > 14 {
		return nil
	}
	off := (n/100)*3600 + (n%100)*60
	if t[0] == '-' {
		off = -off
	}
	return time.FixedZone("", off)
}

var zoneAbbrevs = map[string]int{
	"z": 0, "gmt": 0, "utc": 0, "ut": 0, "wet": 0,
	"west": 3600, "bst": 3600, "cet": 3600, "met": 3600,
	"cest": 7200, "mest": 7200, "eet": 7200, "eest": 10800, "msk": 10800,
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
	"akst": -9 * 3600, "akdt": -8 * 3600, "hst": -10 * 3600,
	"jst": 9 * 3600, "kst": 9 * 3600, "awst": 8 * 3600, "aest": 10 * 3600, "aedt": 11 * 3600,
	"nzst": 12 * 3600, "nzdt": 13 * 3600,
}

// dateFillers are the words that may sit between the parts of a date
// ("le 1er décembre 2026 à 10h", "December 1, 2026 at 10:00", "um 10 Uhr").
var dateFillers = map[string]bool{
	"le": true, "a": true, "at": true, "on": true, "the": true, "of": true, "um": true, "uhr": true,
	"de": true, "del": true, "di": true, "do": true, "da": true, "as": true, "om": true, "-": true, "|": true,
	"publie": true, "published": true, "mis": true, "jour": true, "h": true,
}

// weekdayNames are weekday names and abbreviations, accents folded.
var weekdayNames = map[string]bool{}

// monthNames maps month names and abbreviations, accents folded, to months.
var monthNames = map[string]time.Month{}

func init() {
	months := [12][]string{
		{"january", "jan", "janvier", "janv", "januar", "janner", "enero", "ene", "gennaio", "gen", "janeiro", "januari"},
		{"february", "feb", "fevrier", "fevr", "fev", "februar", "febrero", "febbraio", "fevereiro", "februari"},
		{"march", "mar", "mars", "marz", "maerz", "marzo", "marco", "maart", "mrt"},
		{"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
		{"may", "mai", "mayo", "maggio", "mag", "maio", "mei"},
		{"june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho"},
		{"july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho"},
		{"august", "aug", "aout", "aou", "agosto", "ago", "augustus"},
		{"september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "settembre", "setembro"},
		{"october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out"},
		{"november", "nov", "novembre", "noviembre", "novembro"},
		{"december", "dec", "decembre", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro"},
	}
	for i, names := range months {
		for _, n := range names {
			monthNames[n] = time.Month(i + 1)
		}
	}
	for _, d := range []string{
		"monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun",
		"lundi", "lun", "mardi", "mar", "mercredi", "mer", "jeudi", "jeu", "vendredi", "ven", "samedi", "sam", "dimanche", "dim",
		"montag", "mo", "dienstag", "di", "mittwoch", "mi", "donnerstag", "do", "freitag", "fr", "samstag", "sa", "sonntag", "so",
		"lunes", "martes", "miercoles", "mie", "jueves", "jue", "viernes", "vie", "sabado", "sab", "domingo", "dom",
		"lunedi", "martedi", "mercoledi", "giovedi", "gio", "venerdi", "sabato", "domenica",
		"segunda", "seg", "terca", "ter", "quarta", "qua", "quinta", "qui", "sexta", "sex", "feira", "segunda-feira", "terca-feira", "quarta-feira", "quinta-feira", "sexta-feira",
		"maandag", "ma", "dinsdag", "woensdag", "wo", "donderdag", "vrijdag", "vr", "zaterdag", "za", "zondag", "zo",
	} {
		weekdayNames[d] = true
	}
}
